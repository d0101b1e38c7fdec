// `npm run fuzz [-- <runs>]`: the property tests of test/fuzz.test.ts with many more cases than
// `npm test` runs (FUZZ_RUNS, default 2000). Replay a failure with FUZZ_SEED=<seed from the report>.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = process.argv[2] ?? process.env.FUZZ_RUNS ?? '2000';
if (!/^\d+$/.test(runs)) {
  console.error(`usage: npm run fuzz [-- <number of runs>], not "${runs}"`);
  process.exit(2);
}
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs');
const r = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz.test.ts'], { cwd: root, stdio: 'inherit', env: { ...process.env, FUZZ_RUNS: runs } });
process.exit(r.status ?? 1);
