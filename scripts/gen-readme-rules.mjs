// Rewrites the generated parts of README.md from the code, so the README cannot drift:
//  - the rules table (between <!-- rules:start --> and <!-- rules:end -->), from each rule's meta;
//  - the output of the quick-start command (between <!-- example-output:start/end -->).
// test/readme.test.ts fails when the table is stale or the output shows a finding meshlint no longer
// prints. Run: node scripts/gen-readme-rules.mjs
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The command whose output the README shows, run from the repository root. */
export const EXAMPLE_ARGS = ['examples/'];

const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown table of the rules, sorted by id. */
export function renderRulesTable(rules) {
  const rows = [...rules]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((r) => {
      const aliases = (r.meta.aliases ?? []).join(', ') || '—';
      return `| [\`${r.id}\`](rules/${r.id}/README.md) | ${r.meta.severity} | ${cell(r.meta.description)} | ${aliases} |`;
    });
  return ['| Rule | Default | What it finds | istioctl / Kiali |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The example output as a fenced block. */
export function renderExampleOutput(text, code) {
  // vfile-reporter pads columns; trailing blanks would not survive editors, so drop them.
  const body = text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
  return ['```text', `$ npx meshlint ${EXAMPLE_ARGS.join(' ')}`, body, '$ echo $?', String(code), '```'].join('\n');
}

/** Replace what lies between `<!-- name:start -->` and `<!-- name:end -->`. */
export function replaceBetween(text, name, content) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b === -1 || b < a) throw new Error(`README.md has no ${start} … ${end} markers`);
  return `${text.slice(0, a + start.length)}\n${content}\n${text.slice(b)}`;
}

/** Run the CLI in-process on the examples, as a user without a terminal would see it. */
export async function exampleOutput(run, cwd) {
  let out = '';
  const io = {
    out: (t) => (out += t),
    err: (t) => (out += t),
    readStdin: async () => '',
    env: { NO_COLOR: '1' },
    isTTY: false,
    cwd,
  };
  const code = await run(EXAMPLE_ARGS, io);
  return { text: out, code };
}

async function main() {
  // Rules are TypeScript: bundle the registry and the CLI runner to a temporary module and load it.
  execFileSync(process.execPath, [join(root, 'scripts', 'gen-rules.mjs')], { stdio: 'inherit' });
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-readme-'));
  try {
    const entry = join(dir, 'entry.ts');
    writeFileSync(
      entry,
      `export { RULES } from ${JSON.stringify(join(root, 'src', 'generated', 'rules.ts'))};\nexport { run } from ${JSON.stringify(join(root, 'src', 'cli', 'run.ts'))};\n`,
    );
    const outfile = join(dir, 'entry.mjs');
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'warning',
      banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
    });
    const { RULES, run } = await import(pathToFileURL(outfile).href);
    const readmePath = join(root, 'README.md');
    let readme = readFileSync(readmePath, 'utf8');
    readme = replaceBetween(readme, 'rules', renderRulesTable(RULES));
    const { text, code } = await exampleOutput(run, root);
    readme = replaceBetween(readme, 'example-output', renderExampleOutput(text, code));
    writeFileSync(readmePath, readme);
    console.log(`README.md: ${RULES.length} rules, example output (exit ${code}) rewritten`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
