// Bundle the extension (the client, CommonJS as VS Code loads it) and the language server (the
// repository's src/lsp, one ES module file) into dist/. esbuild comes from the repository's own
// install: the extension is built inside the meshlint checkout (.ci/run).
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
rmSync(join(here, 'dist'), { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning' };
await build({ ...common, format: 'cjs', entryPoints: [join(here, 'src', 'extension.ts')], outfile: join(here, 'dist', 'extension.js'), external: ['vscode'] });
await build({
  ...common,
  format: 'esm',
  entryPoints: [join(repo, 'src', 'lsp', 'main.ts')],
  outfile: join(here, 'dist', 'server.mjs'),
  banner: { js: "import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);" },
});
