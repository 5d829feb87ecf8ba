// Checks the package as a user gets it, after `npm run build`: packs it (`npm pack`), unpacks the
// tarball into node_modules/objectscale-resources of a scratch project in a temporary directory,
// and there type-checks, compiles and runs a small TypeScript program that imports the three
// entry points (`objectscale-resources`, `/di`, `/testing`) by name, through the `exports` map.
// The program starts the emulator, sends requests through a session, resolves an injected
// service from an inversify container, and checks that the classes the entries share are one
// copy (`instanceof` across entries).
//
// Offline: instead of `npm install`, the scratch project's node_modules links each of the
// package's declared `dependencies` to this checkout's node_modules (plus @types/node for the
// type check), so an import of anything the package does not declare fails here as it would for
// a user.
//
// Run: npm run build && npm run check:package   (KEEP=1 keeps the scratch directory)
import { execFileSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

for (const [subpath, target] of Object.entries(pkg.exports)) {
  for (const file of Object.values(target)) {
    if (!existsSync(join(root, file))) {
      console.error(`check-package: ${file} (exports "${subpath}") is missing: run \`npm run build\` first`);
      process.exit(1);
    }
  }
}

// The `@ts-expect-error` lines fail the type check if an entry's types resolved to `any`.
const SMOKE = `import "reflect-metadata";
import { strict as assert } from "node:assert";
import { Container, inject, injectable } from "inversify";
import {
  Bucket,
  ObjectScaleResourcesError,
  S3ServiceResource,
  Session,
  getResourceMetadata,
  objectScale,
  type SessionOptions,
} from "objectscale-resources";
import { TOKENS, UnknownEndpointError, objectScaleResourcesModule } from "objectscale-resources/di";
import { ObjectScaleEmulator } from "objectscale-resources/testing";

// never called: type errors that must be reported
export function typeChecks(): void {
  // @ts-expect-error: Session takes an options object
  new Session(42);
  // @ts-expect-error: no such token
  void TOKENS.NoSuchToken;
  // @ts-expect-error: the port is a number
  void ObjectScaleEmulator.start({ port: "x" });
}

@injectable()
class Reports {
  constructor(@inject(TOKENS.S3Resource) private readonly s3: S3ServiceResource) {}
  async keys(bucket: string): Promise<string[]> {
    const keys: string[] = [];
    for await (const summary of this.s3.Bucket(bucket).objects.all()) keys.push(summary.key);
    return keys;
  }
}

const emu = await ObjectScaleEmulator.start();
const options: SessionOptions = {
  endpoint: emu.endpoint,
  region: emu.region,
  credentials: { ...emu.credentials },
  forcePathStyle: true,
  plugins: [objectScale({ namespace: emu.namespace })],
};
const container = new Container();
const s3 = new Session(options).resource("s3");
try {
  assert.ok(getResourceMetadata(Bucket), "the resource decorators recorded their metadata");

  await s3.createBucket({ Bucket: "smoke" });
  await s3.Bucket("smoke").Object("a.txt").put({ Body: "hello" });
  const body = await (await s3.Bucket("smoke").Object("a.txt").get()).Body?.transformToString();
  assert.equal(body, "hello");
  console.log("objectscale-resources + /testing: put and got an object on the emulator");

  container.load(objectScaleResourcesModule({ endpoints: { main: options } }));
  container.bind(Reports).toSelf();
  assert.deepEqual(await container.get(Reports).keys("smoke"), ["a.txt"]);
  assert.ok(container.get(TOKENS.Session) instanceof Session, "one Session class across entries");
  assert.throws(
    () => container.get(TOKENS.S3Resource, { name: "other" }),
    (error: unknown) =>
      error instanceof UnknownEndpointError && error instanceof ObjectScaleResourcesError && UnknownEndpointError.is(error),
  );
  console.log("/di: resolved an injected service; Session and the error base class are shared with the main entry");
} finally {
  s3.meta.client.destroy();
  await container.unbindAllAsync();
  await emu.stop();
}
`;

const scratch = mkdtempSync(join(tmpdir(), "objectscale-resources-package-"));
const run = (file, args, cwd) =>
  execFileSync(file, args, {
    cwd,
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    // the program exits by itself once its clients are closed; a hang is a failure
    timeout: 30_000,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" },
  });

try {
  const [packed] = JSON.parse(run("npm", ["pack", "--json", "--pack-destination", scratch], root));
  console.log(`packed ${packed.filename}: ${packed.entryCount} files, ${packed.size} bytes`);

  const app = join(scratch, "app");
  const installed = join(app, "node_modules", pkg.name);
  mkdirSync(installed, { recursive: true });
  run("tar", ["-xzf", join(scratch, packed.filename), "-C", installed, "--strip-components=1"], root);
  for (const dependency of [...Object.keys(pkg.dependencies), "@types/node"]) {
    const link = join(app, "node_modules", dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(join(root, "node_modules", dependency), link, "dir");
  }

  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  writeFileSync(
    join(app, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        experimentalDecorators: true,
        emitDecoratorMetadata: true,
        skipLibCheck: true,
        types: ["node"],
      },
      files: ["smoke.ts"],
    }),
  );
  writeFileSync(join(app, "smoke.ts"), SMOKE);

  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
  console.log("types: the three entries type-check from a scratch project");
  process.stdout.write(run(process.execPath, ["smoke.js"], app));
  console.log("check-package: ok");
} finally {
  if (process.env["KEEP"]) console.log(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
}
