/**
 * Where the benchmarks find the files that are not compiled: the boto3 scripts under
 * `bench/boto3/`. The compiled benchmarks may live in the checkout's `build/` or in a build
 * directory elsewhere (`tsc --outDir /tmp/x`), so the checkout is searched for instead of assumed
 * at `../..` from the compiled file.
 *
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PACKAGE_NAME = "objectscale-resources";

/** The nearest directory at or above `start` whose package.json is this package's; `undefined` if none. */
function findUp(start: string): string | undefined {
  for (let dir = start; ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME)
          return dir;
      } catch {
        // an unreadable package.json is not ours; keep looking
      }
    }
    if (dirname(dir) === dir) return undefined;
  }
}

let cached: string | undefined;

/**
 * The root of the source checkout: `BENCH_REPO_ROOT` when set, else the nearest directory above
 * the compiled benchmark, else the nearest above the working directory, whose package.json is
 * named `objectscale-resources`.
 *
 * @throws Error when none is found.
 * @example
 * ```ts
 * repoRoot(); // "/work/main", from /work/main/build/bench or, run from /work/main, from /tmp/x/bench
 * ```
 */
export function repoRoot(): string {
  cached ??=
    process.env["BENCH_REPO_ROOT"] ||
    findUp(dirname(fileURLToPath(import.meta.url))) ||
    findUp(process.cwd());
  if (cached === undefined)
    throw new Error(
      `Cannot find the ${PACKAGE_NAME} checkout above ${fileURLToPath(import.meta.url)} or ${process.cwd()}: ` +
        "run from the checkout or set BENCH_REPO_ROOT",
    );
  return cached;
}

/**
 * The path of a boto3 benchmark script, `bench/boto3/<file>` in the checkout.
 *
 * @throws Error when the checkout cannot be found (see {@link repoRoot}).
 * @example
 * ```ts
 * boto3Script("cold_start.py"); // "/work/main/bench/boto3/cold_start.py"
 * ```
 */
export function boto3Script(file: string): string {
  return join(repoRoot(), "bench", "boto3", file);
}
