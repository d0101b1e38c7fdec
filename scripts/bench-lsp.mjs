// The language server scenario of `npm run bench`: the built server (dist/language-server.js) on a
// workspace, over stdio as an editor drives it. After the first full lint, each edit of an open
// file adds (or removes again) a policy whose principal can never match: the time from the change
// notification to the diagnostics of that file is what a user waits for after typing (debounce
// included). Three kinds of edit, one after the other: the policy in the namespace of the file's
// other objects (what editing a namespace's policies is); the same policy without a namespace, so
// in `default`, which the workspace does not hold (a namespace comes and goes: the rules that ask
// about it, or about every namespace, run again); and a label added to the team's Namespace
// (`istio.io/use-waypoint` naming a waypoint that does not exist), which every rule reads, so
// every rule runs again: the slowest edit there is. The first `warmup` edits of each (the
// server's code still being compiled by V8) are reported apart.
// `node scripts/bench-lsp.mjs <dir> [edits] [warmup]` runs it alone;
// `BENCH_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof'` passes Node flags to the server (to profile it).
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const extra = (namespace) => `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: bench-edit
${namespace ? `  namespace: ${namespace}\n` : ''}spec:
  rules:
  - from:
    - source:
        principals: ["spiffe://cluster.local/ns/bench/sa/edit"]
`;

/**
 * @param {string} dir the workspace (a mesh from gen-mesh.mjs)
 * @param {{ edits?: number, warmup?: number, debounce?: number }} [opts]
 * @returns {Promise<{ first: number, debounce: number, kinds: Array<{ name: string, warmup: number[], edits: number[] }> }>} milliseconds
 */
export async function benchLsp(dir, opts = {}) {
  const edits = opts.edits ?? 11;
  const warmup = opts.warmup ?? 6;
  const debounce = opts.debounce ?? 50;
  const child = spawn(process.execPath, [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), join(root, 'dist', 'language-server.js'), '--stdio'], { cwd: dir, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  /** @type {Array<(p: { uri: string, diagnostics: unknown[] }) => void>} */
  let listeners = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => listeners.forEach((l) => l(p)));
  conn.listen();
  const next = (uri, check) =>
    new Promise((resolve) => {
      const l = (p) => {
        if (p.uri !== uri || !check(p)) return;
        listeners = listeners.filter((x) => x !== l);
        resolve(performance.now());
      };
      listeners.push(l);
    });
  const team = readdirSync(dir).find((d) => d.startsWith('team-'));
  const file = join(dir, team, 'security.yaml');
  const uri = pathToFileURL(file).href;
  const text = readFileSync(file, 'utf8');
  const t0 = performance.now();
  await conn.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { debounce } });
  await conn.sendNotification('initialized', {});
  // The first full lint publishes every file with findings; the last of them ends it.
  let last = t0;
  const firstLint = new Promise((resolve) => {
    let quiet;
    const l = () => {
      last = performance.now();
      clearTimeout(quiet);
      quiet = setTimeout(resolve, 2000);
    };
    listeners.push(l);
  });
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await firstLint;
  listeners = [];
  const first = last - t0;
  // The team's Namespace, open too: its labels are what the third kind of edit changes.
  const nsFile = join(dir, team, 'namespace.yaml');
  const nsUri = pathToFileURL(nsFile).href;
  const nsText = readFileSync(nsFile, 'utf8');
  await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: nsUri, languageId: 'yaml', version: 1, text: nsText } });
  const versions = new Map([[uri, 1], [nsUri, 1]]);
  const end = text.split('\n').length - 1;
  const labelsLine = nsText.split('\n').findIndex((l) => l.trim() === 'labels:') + 1;
  const kinds = [];
  for (const [name, target, line, inserted, marker] of [
    ['a policy in its namespace', uri, end, extra(team), 'spiffe://cluster.local/ns/bench/sa/edit'],
    ['a policy in a namespace new to the workspace', uri, end, extra(undefined), 'spiffe://cluster.local/ns/bench/sa/edit'],
    // A label of a Namespace may choose a data plane, or a waypoint, for everything in it: every rule runs.
    ['a label of a Namespace', nsUri, labelsLine, '    istio.io/use-waypoint: bench-missing\n', 'bench-missing'],
  ]) {
    const times = [];
    const count = (p) => p.diagnostics.filter((d) => String(d.message).includes(marker)).length;
    const edit = async (adding) => {
      const done = next(target, (p) => (adding ? count(p) > 0 : count(p) === 0));
      const start = { line, character: 0 };
      const change = adding ? { range: { start, end: start }, text: inserted } : { range: { start, end: { line: line + inserted.split('\n').length - 1, character: 0 } }, text: '' };
      const version = versions.get(target) + 1;
      versions.set(target, version);
      const t = performance.now();
      await conn.sendNotification('textDocument/didChange', { textDocument: { uri: target, version }, contentChanges: [change] });
      return (await done) - t;
    };
    const total = warmup + edits;
    for (let i = 0; i < total; i++) times.push(await edit(i % 2 === 0));
    // The next kind of edit starts from the files as they were.
    if (total % 2 === 1) await edit(false);
    kinds.push({ name, warmup: times.slice(0, warmup), edits: times.slice(warmup) });
  }
  await conn.sendRequest('shutdown');
  await conn.sendNotification('exit');
  conn.dispose();
  return { first, debounce, kinds };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = await benchLsp(process.argv[2], { edits: Number(process.argv[3] ?? 11), warmup: Number(process.argv[4] ?? 6) });
  console.log(`first lint ${r.first.toFixed(0)} ms (debounce ${r.debounce} ms included below)`);
  for (const k of r.kinds) {
    const sorted = [...k.edits].sort((a, b) => a - b);
    console.log(`${k.name}: edit → diagnostics median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms (all: ${k.edits.map((t) => t.toFixed(0)).join(', ')}; the ${k.warmup.length} edits before: ${k.warmup.map((t) => t.toFixed(0)).join(', ')})`);
  }
}
