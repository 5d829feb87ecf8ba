/**
 * Running `scripts/ceph-rgw.sh` from the test fixtures: `useS3Server()` (one gateway, the default
 * state dir, in `s3Server.ts`) and `useS3Gateways()` (several gateways over one cluster in a state
 * dir of their own, in `s3Gateways.ts`) both start and stop their Ceph cluster through it.
 */
import { execFile, spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/** The binaries `scripts/ceph-rgw.sh start` needs; when one is missing the fixtures run `install`. */
const CEPH_BINARIES = ["ceph", "ceph-mon", "ceph-osd", "radosgw", "radosgw-admin", "curl", "uuidgen"];

/** How to run the script: progress shown or kept, and the environment (its `CEPH_RGW_*` settings). */
export interface CephRgwRunOptions {
  /** Pass the script's `[ceph-rgw]` progress lines to this process's stderr as they come. */
  readonly showProgress?: boolean;
  /** The script's environment. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * Runs `bash scripts/ceph-rgw.sh <args...>` and resolves with its stdout. With `showProgress` the
 * script's progress lines go to this process's stderr as they come; otherwise its stderr is kept
 * for the error message. The daemons it starts write to their own logs, so no pipe stays open.
 *
 * @throws Error carrying the script's output (which names the log to read) when it fails.
 */
export async function runCephRgwScript(
  args: readonly string[],
  { showProgress = false, env = process.env }: CephRgwRunOptions = {},
): Promise<string> {
  const script = cephRgwScriptPath();
  const command = args.join(" ");
  if (!showProgress) {
    try {
      const { stdout } = await promisify(execFile)("bash", [script, ...args], { maxBuffer: 1 << 20, env });
      return stdout;
    } catch (error) {
      const { stderr = "", stdout = "" } = error as { stderr?: string; stdout?: string };
      throw new Error(`bash ${script} ${command} failed:\n${stdout}${stderr}`.trimEnd(), { cause: error });
    }
  }
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [script, ...args], { stdio: ["ignore", "pipe", "inherit"], env });
    let stdout = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(
            `bash ${script} ${command} failed (${signal ?? `exit ${code}`}); see its [ceph-rgw] lines above`,
          ),
        );
    });
  });
}

/** Runs `ceph-rgw.sh install` (as root or through sudo) when one of the Ceph binaries is missing. */
export async function installCephIfMissing(): Promise<void> {
  if (missingCephBinaries().length > 0) await runCephRgwScript(["install"], { showProgress: true });
}

/** The binaries `scripts/ceph-rgw.sh start` needs that are not on the `PATH`; none when Ceph is installed. */
export function missingCephBinaries(): string[] {
  return CEPH_BINARIES.filter((name) => !onPath(name));
}

/**
 * Reads `export NAME='value'` lines as printed by `ceph-rgw.sh env` (single quotes, `'\''` inside).
 *
 * @throws Error listing the `required` names the text does not export.
 */
export function parseCephRgwExports(text: string, required: readonly string[]): Map<string, string> {
  const exported = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^export ([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match) continue;
    const [, name = "", raw = ""] = match;
    const quoted = /^'(.*)'$/s.exec(raw);
    exported.set(name, quoted?.[1] !== undefined ? quoted[1].replaceAll("'\\''", "'") : raw);
  }
  const missing = required.filter((name) => !exported.has(name));
  if (missing.length > 0) {
    throw new Error(
      `bash ${cephRgwScriptPath()} env printed no ${missing.join(", ")}; its output was:\n${text}`,
    );
  }
  return exported;
}

/**
 * `CEPH_RGW_SCRIPT` when set (for test builds compiled outside the repository); otherwise
 * `build/test/support/cephRgwScript.js` and `test/support/cephRgwScript.ts` both sit three levels
 * below the repository root, next to which `scripts/ceph-rgw.sh` lives.
 */
function cephRgwScriptPath(): string {
  const override = process.env["CEPH_RGW_SCRIPT"];
  const path = override || fileURLToPath(new URL("../../../scripts/ceph-rgw.sh", import.meta.url));
  if (!existsSync(path)) {
    throw new Error(
      override
        ? `CEPH_RGW_SCRIPT names ${path}, which does not exist: point it at scripts/ceph-rgw.sh`
        : `scripts/ceph-rgw.sh not found at ${path}: the test fixtures expect to run as ` +
            `build/test/support/*.js inside the repository (compile with \`npm run build:test\`), ` +
            `or set CEPH_RGW_SCRIPT to the script's path`,
    );
  }
  return path;
}

function onPath(binary: string): boolean {
  return (process.env["PATH"] ?? "").split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, binary), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
