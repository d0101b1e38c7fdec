#!/usr/bin/env node
// `npm run bench`: lint synthetic meshes of 1k, 10k and 100k resources with the built CLI, and
// measure in the same run the floor meshlint is held to: reading and parsing the same files with
// `yaml`'s Document API (parseAllDocuments + toJS, one thread). Prints wall time, resources/s,
// the ratio to the floor, growth with size, peak RSS, and the cold start of a one-file run.
//
// It also times `meshlint graph --format json` on the same mesh and `meshlint diff-access` between
// it and a second version of it (scripts/gen-mesh-change.mjs), against the lint time of the run.
//
// And the language server (scripts/bench-lsp.mjs): on a 500-namespace workspace (~10k resources),
// the time from an edit of an open file to its updated diagnostics, after the first full lint
// (three kinds of edit: scripts/bench-lsp.mjs).
//
// Options: --sizes 50,500,5000 (namespaces; ~20 resources each)  --runs 3  --cold 9  --keep
//          --jobs N (passed to meshlint as MESHLINT_JOBS)  --no-access (skip graph and diff-access)  --args "--rule x:off" (more meshlint flags)
//          --no-lsp (skip the language server)  --lsp-edits 11
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMesh } from './gen-mesh.mjs';
import { changeMesh } from './gen-mesh-change.mjs';
import { benchLsp } from './bench-lsp.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : def;
};
const sizes = opt('sizes', '50,500,5000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const coldRuns = Number(opt('cold', '9'));
const keep = args.includes('--keep');
const jobs = opt('jobs', undefined);
const extraArgs = (opt('args', '') ?? '').split(' ').filter(Boolean);
const access = !args.includes('--no-access');
const lsp = !args.includes('--no-lsp');
const lspEdits = Number(opt('lsp-edits', '11'));

const cli = join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('dist/cli.js is missing: building first\n');
  spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

const work = mkdtempSync(join(tmpdir(), 'meshlint-bench-'));
// Every measured process reports its peak RSS and CPU time at exit through this preload.
const statsFile = join(work, 'stats.json');
const preload = join(work, 'stats.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(${JSON.stringify(statsFile)}, JSON.stringify({ maxRSS: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
);
// The floor: the same files, read and parsed with yaml's Document API, one thread.
const floorScript = join(work, 'floor.mjs');
writeFileSync(
  floorScript,
  `import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from ${JSON.stringify(join(root, 'node_modules', 'yaml', 'dist', 'index.js'))};
const files = [];
const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = join(d, e.name); if (e.isDirectory()) walk(p); else if (/\\.(ya?ml|json)$/.test(e.name)) files.push(p); } };
walk(process.argv[2]);
let docs = 0;
for (const f of files.sort()) {
  for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) if (doc.toJS() != null) docs++;
}
process.stdout.write(String(docs));
`,
);

/** One process run; `failed` says why a run did not finish (a crash, out of memory, too slow). */
function measure(argv, env = {}, timeout = undefined) {
  rmSync(statsFile, { force: true });
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', preload, ...argv], { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 30, timeout });
  const wall = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) {
    const why = r.error?.code === 'ETIMEDOUT' ? `stopped after ${fmtMs(wall)}` : /heap out of memory/.test(r.stderr) ? 'out of memory' : `exit ${r.status ?? r.signal}`;
    return { wall, failed: why };
  }
  const stats = JSON.parse(readFileSync(statsFile, 'utf8'));
  return { wall, maxRSS: stats.maxRSS * 1024, cpu: stats.cpu, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const fmtMiB = (b) => `${(b / 1048576).toFixed(0)} MiB`;
const meshEnv = jobs !== undefined ? { MESHLINT_JOBS: jobs } : {};

const rows = [];
try {
  for (const ns of sizes) {
    const dir = join(work, `mesh-${ns}`);
    const gen = generateMesh(ns, dir);
    // The second version diff-access compares with: the same mesh, a few policies changed.
    const dir2 = join(work, `mesh-${ns}-changed`);
    if (access) {
      generateMesh(ns, dir2);
      changeMesh(dir2);
    }
    const floors = [];
    const lints = [];
    const graphs = [];
    const diffs = [];
    // Interleaved, so that a change in the machine's load hits both sides alike.
    let failed;
    for (let i = 0; i < runs && !failed; i++) {
      const floor = measure([floorScript, dir]);
      if (floor.failed) throw new Error(`the yaml floor failed: ${floor.failed}`);
      floors.push(floor);
      // A run that takes 20 times the floor has failed the target anyway: stop waiting.
      const lint = measure([cli, dir, '--format', 'json', '-o', join(work, 'out.json'), ...extraArgs], meshEnv, Math.round(Math.max(60_000, 20 * floor.wall)));
      if (lint.failed) failed = lint.failed;
      else lints.push(lint);
      if (failed || !access) continue;
      // The bench mesh holds a schema typo or two on purpose: the access commands answer from the rest.
      const graph = measure([cli, 'graph', dir, '--format', 'json', '-o', join(work, 'graph.json'), '--ignore-load-errors'], meshEnv, Math.round(Math.max(60_000, 20 * lint.wall)));
      if (graph.failed) failed = `graph: ${graph.failed}`;
      else graphs.push(graph);
      const diff = measure([cli, 'diff-access', dir, dir2, '--format', 'json', '-o', join(work, 'diff.json'), '--ignore-load-errors'], meshEnv, Math.round(Math.max(60_000, 20 * lint.wall)));
      if (diff.failed) failed = `diff-access: ${diff.failed}`;
      else diffs.push(diff);
    }
    if (failed) {
      rows.push({ namespaces: ns, resources: gen.resources, files: gen.files, mib: gen.bytes / 1048576, failed, floor: median(floors.map((m) => m.wall)) });
      if (!keep) rmSync(dir, { recursive: true, force: true });
      if (!keep) rmSync(dir2, { recursive: true, force: true });
      break; // a larger mesh would fail too
    }
    const out = JSON.parse(readFileSync(join(work, 'out.json'), 'utf8'));
    const findings = out.reduce((n, f) => n + f.messages.length, 0);
    const floor = median(floors.map((m) => m.wall));
    const wall = median(lints.map((m) => m.wall));
    rows.push({
      namespaces: ns,
      resources: gen.resources,
      files: gen.files,
      mib: gen.bytes / 1048576,
      findings,
      wall,
      cpu: median(lints.map((m) => m.cpu)),
      rss: Math.max(...lints.map((m) => m.maxRSS)),
      floor,
      floorRss: Math.max(...floors.map((m) => m.maxRSS)),
      ...(access
        ? {
            graph: median(graphs.map((m) => m.wall)),
            graphRss: Math.max(...graphs.map((m) => m.maxRSS)),
            // Each run's ratio to the lint of the same run (interleaved: the machine's load hits both).
            graphRatio: median(graphs.map((m, i) => m.wall / lints[i].wall)),
            edges: JSON.parse(readFileSync(join(work, 'graph.json'), 'utf8')).edges.length,
            diff: median(diffs.map((m) => m.wall)),
            diffRss: Math.max(...diffs.map((m) => m.maxRSS)),
            diffRatio: median(diffs.map((m, i) => m.wall / lints[i].wall)),
            changes: JSON.parse(readFileSync(join(work, 'diff.json'), 'utf8')).edges.length,
          }
        : {}),
    });
    if (!keep) rmSync(dir, { recursive: true, force: true });
    if (!keep) rmSync(dir2, { recursive: true, force: true });
  }

  // Cold start: one small file, process start to exit.
  const one = join(work, 'one');
  generateMesh(1, one);
  const small = join(one, 'team-00000', 'security.yaml');
  const colds = [];
  for (let i = 0; i < coldRuns; i++) colds.push(measure([cli, small, '--format', 'json', '-o', join(work, 'one.json')]).wall);
  const bare = [];
  for (let i = 0; i < 5; i++) bare.push(measure(['-e', '0']).wall);

  // The language server: 500 namespaces, edits of one open file.
  let lspRun;
  if (lsp) {
    const ws = join(work, 'lsp-500');
    const gen = generateMesh(500, ws);
    lspRun = { resources: gen.resources, files: gen.files, ...(await benchLsp(ws, { edits: lspEdits })) };
    if (!keep) rmSync(ws, { recursive: true, force: true });
  }

  const cpu = cpus();
  console.log(`meshlint bench — ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${fmtMiB(totalmem())} RAM, Node ${process.version}, ${process.platform}`);
  const notes = [jobs !== undefined ? `MESHLINT_JOBS=${jobs}` : '', extraArgs.length ? `meshlint ${extraArgs.join(' ')}` : 'all rules on'].filter(Boolean);
  console.log(`median of ${runs} runs; floor = yaml parseAllDocuments + toJS of the same files, one thread; ${notes.join('; ')}\n`);
  const head = ['resources', 'files', 'YAML', 'findings', 'meshlint', 'CPU', 'resources/s', 'floor', 'ratio', 'growth', 'peak RSS'];
  const table = rows.map((r, i) => r.failed ? [
    String(r.resources),
    String(r.files),
    `${r.mib.toFixed(1)} MiB`,
    '',
    r.failed,
    '',
    '',
    fmtMs(r.floor),
    '',
    '',
    '',
  ] : [
    String(r.resources),
    String(r.files),
    `${r.mib.toFixed(1)} MiB`,
    String(r.findings),
    fmtMs(r.wall),
    fmtMs(r.cpu),
    String(Math.round(r.resources / (r.wall / 1000))),
    fmtMs(r.floor),
    (r.wall / r.floor).toFixed(2),
    i === 0 ? '' : `×${(r.wall / rows[i - 1].wall).toFixed(1)} for ×${(r.resources / rows[i - 1].resources).toFixed(1)}`,
    fmtMiB(r.rss),
  ]);
  const widths = head.map((h, c) => Math.max(h.length, ...table.map((row) => row[c].length)));
  const line = (cells) => cells.map((x, c) => x.padStart(widths[c])).join('  ');
  console.log(line(head));
  for (const row of table) console.log(line(row));
  if (access && rows.some((r) => !r.failed)) {
    console.log('\naccess graph: `graph --format json` and `diff-access` (against a version with 2% of the namespaces changed), ratio to the lint of the same run');
    const ahead = ['resources', 'lint', 'graph', '×lint', 'edges', 'peak RSS', 'diff-access', '×lint', 'changes', 'peak RSS'];
    const atable = rows.filter((r) => !r.failed).map((r) => [
      String(r.resources),
      fmtMs(r.wall),
      fmtMs(r.graph),
      r.graphRatio.toFixed(2),
      String(r.edges),
      fmtMiB(r.graphRss),
      fmtMs(r.diff),
      r.diffRatio.toFixed(2),
      String(r.changes),
      fmtMiB(r.diffRss),
    ]);
    const aw = ahead.map((h, c) => Math.max(h.length, ...atable.map((row) => row[c].length)));
    console.log(ahead.map((x, c) => x.padStart(aw[c])).join('  '));
    for (const row of atable) console.log(row.map((x, c) => x.padStart(aw[c])).join('  '));
  }
  if (lspRun) {
    console.log(`\nlanguage server, ${lspRun.resources} resources in ${lspRun.files} files: first lint ${fmtMs(lspRun.first)}; edit → diagnostics (debounce ${lspRun.debounce} ms included; target < 300 ms):`);
    for (const k of lspRun.kinds) {
      const sorted = [...k.edits].sort((a, b) => a - b);
      const p = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      console.log(`  ${k.name}: median ${fmtMs(p(0.5))}, p90 ${fmtMs(p(0.9))} over ${sorted.length} edits after ${k.warmup.length} warm-up edits (median ${fmtMs(median(k.warmup))})`);
    }
  }
  console.log(`\ncold start, one small file: ${fmtMs(median(colds))} (median of ${coldRuns}; bare \`node -e 0\`: ${fmtMs(median(bare))})`);
  const big = rows[rows.length - 1];
  if (big.failed) {
    console.log(`largest mesh: meshlint failed (${big.failed})`);
    process.exitCode = 1;
  }
  const verdict = big.failed ? [] : [
    `ratio to floor ${(big.wall / big.floor).toFixed(2)} (target ≤ 0.50)`,
    `peak RSS ${fmtMiB(big.rss)} (target < 1024 MiB)`,
    `cold start ${fmtMs(median(colds))} (target < 150 ms)`,
  ];
  if (access && !big.failed) {
    verdict.push(`graph ${big.graphRatio.toFixed(2)}× lint (target ≤ 3), diff-access ${big.diffRatio.toFixed(2)}× lint (target ≤ 4), peak RSS ${fmtMiB(Math.max(big.graphRss, big.diffRss))} (target < 1024 MiB)`);
  }
  if (rows.length > 1 && !big.failed) {
    const a = rows[rows.length - 2];
    verdict.push(`growth ×${(big.wall / a.wall).toFixed(1)} for ×${(big.resources / a.resources).toFixed(1)} input (target ≤ ~11 for 10)`);
  }
  if (!big.failed) console.log(`largest mesh: ${verdict.join('; ')}`);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
}
