// Build: regenerate the rule registry, bundle the CLI and the library into single files (module
// loading dominates a small run's start-up), then emit type declarations. dist/ is committed (an
// install from git needs no build tools), so the output must be the same for the same sources:
// paths in the bundle are relative to the repository, whatever the working directory.
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts', 'gen-rules.mjs')], { stdio: 'inherit' });
rmSync(join(root, 'dist'), { recursive: true, force: true });
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);" },
};
// Code splitting: what a small run does not need (the CRD schemas of API versions it does not
// meet, and ajv until a resource with a schema is met) sits in chunks loaded on first use.
const split = { splitting: true, chunkNames: 'chunks/[name]-[hash]' };
// dist/worker.js is the worker thread of large runs (src/engine/workers.ts); it shares chunks with the CLI,
// as does dist/language-server.js (the `meshlint-language-server` bin, src/lsp/main.ts).
await build({
  ...common,
  ...split,
  entryPoints: { cli: join(root, 'src', 'cli', 'main.ts'), worker: join(root, 'src', 'engine', 'worker.ts'), 'language-server': join(root, 'src', 'lsp', 'main.ts') },
  outdir: join(root, 'dist'),
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` },
});
await build({ ...common, ...split, entryPoints: { index: join(root, 'src', 'index.ts'), 'rule-tester': join(root, 'src', 'rule-tester.ts') }, outdir: join(root, 'dist') });
// The GitHub Action (action.yml `runs.main`): one file that runs dist/cli.js.
await build({ ...common, entryPoints: { action: join(root, 'src', 'action', 'main.ts') }, outdir: join(root, 'dist') });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
