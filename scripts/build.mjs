// `npm run build`: the published build in dist/.
//
// 1. tsc (tsconfig.build.json) compiles the sources to dist-tsc/ (JavaScript, with the
//    `__decorate` / `__metadata("design:type", ...)` calls of `emitDecoratorMetadata`, which esbuild
//    cannot emit from TypeScript) and writes the declarations to dist/types/.
// 2. esbuild bundles that JavaScript, not the .ts sources, into one ESM file per entry point
//    (dist/index.js, dist/di.js, dist/testing.js) plus shared chunks (dist/chunks/), so every
//    entry gets the same copy of the classes they share (errors, Session, ...) and `instanceof`
//    works across entries. Every package stays external.
//
// Node's ESM loader costs about a millisecond per module at start-up; bundling the ~160 modules
// of the package into a few files is what keeps its import close to the SDK's own.
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const tscOut = "dist-tsc";

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
rmSync(new URL(`../${tscOut}`, import.meta.url), { recursive: true, force: true });

execFileSync(
  process.execPath,
  [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"],
  { cwd: root, stdio: "inherit" },
);

await build({
  absWorkingDir: root,
  entryPoints: {
    index: `${tscOut}/index.js`,
    di: `${tscOut}/di.js`,
    testing: `${tscOut}/lib/testing/index.js`,
  },
  outdir: "dist",
  chunkNames: "chunks/[name]-[hash]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // the dependencies (and node builtins) are imported from node_modules as usual
  packages: "external",
  // the decorators of the bundled classes call Reflect.metadata while the module evaluates, and
  // tsc's __metadata helper silently does nothing when it is missing: so every output file, the
  // shared chunks included, imports reflect-metadata before anything else
  banner: { js: 'import "reflect-metadata";' },
  // chains tsc's source maps, so the bundle's map points at the .ts sources (inlined)
  sourcemap: true,
  logLevel: "warning",
});

rmSync(new URL(`../${tscOut}`, import.meta.url), { recursive: true, force: true });
