// `prepare` (npm install in a clone, npm pack, installs from git): build when the build tools are
// installed, else keep the committed dist/. npm installs a git dependency's devDependencies before
// `prepare` only sometimes (a nested install run as global skips them, as pre-commit 4's
// `npm install -g git+file://…` does), so installing from git must not need them.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const missing = ['esbuild', 'typescript'].filter((pkg) => {
  try {
    require.resolve(`${pkg}/package.json`);
    return false;
  } catch {
    return true;
  }
});
if (missing.length === 0) {
  execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
} else {
  console.log(`meshlint: ${missing.join(' and ')} not installed; using the committed dist/ (npm run build rebuilds it)`);
}
