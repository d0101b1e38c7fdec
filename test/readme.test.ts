import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleOutput, renderRulesTable, replaceBetween } from '../scripts/gen-readme-rules.mjs';
import { run } from '../src/cli/run.js';
import { RULES } from '../src/generated/rules.js';

const ROOT = join(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const STALE = 'README.md is stale: run `node scripts/gen-readme-rules.mjs` and commit the result';

/** `file position severity rule` of each finding in stylish output. */
function findings(stylish: string): string[] {
  const out: string[] = [];
  let file = '';
  for (const line of stylish.split('\n')) {
    const m = /^\s*(\d+:\d+(?:-\d+:\d+)?)\s+(error|warning)\s.*\s([a-z0-9-]+)\s+meshlint\s*$/.exec(line);
    if (m) out.push(`${file} ${m[1]} ${m[2]} ${m[3]}`);
    else if (/^\S+\.(ya?ml|json)$/.test(line.trim())) file = line.trim();
  }
  return out;
}

describe('README.md', () => {
  it('the rules table lists every rule, as its meta says', () => {
    expect(README, STALE).toBe(replaceBetween(README, 'rules', renderRulesTable(RULES)));
    for (const r of RULES) expect(README).toContain(`[\`${r.id}\`](rules/${r.id}/README.md)`);
  });

  it('the quick-start output shows only findings meshlint really prints on examples/', async () => {
    const { text, code } = await exampleOutput(run, ROOT);
    expect(code, 'meshlint examples/ must find something').toBe(1);
    expect(text).toMatch(/^\d+:\d+-\d+:\d+ +error /m);
    const shown = README.slice(README.indexOf('<!-- example-output:start -->'), README.indexOf('<!-- example-output:end -->'));
    expect(shown).toContain('$ npx meshlint examples/');
    expect(shown).toContain('$ echo $?\n1\n');
    // Each finding shown (file, position, severity, rule) must still be printed. New findings (a new
    // rule) or reworded messages do not fail this; the script refreshes the block.
    const real = new Set(findings(text));
    const readme = findings(shown);
    expect(readme.length).toBeGreaterThan(0);
    for (const f of readme) expect(real.has(f), `${STALE}: "${f}" is no longer printed`).toBe(true);
  });

  it('quick start: exactly two commands, install-and-lint and the tests', () => {
    const quick = README.slice(README.indexOf('## Quick start'), README.indexOf('<!-- example-output:start -->'));
    const block = /```sh\n([\s\S]*?)```/.exec(quick)![1]!;
    const commands = block
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter(Boolean);
    expect(commands).toEqual(['npm ci && npx meshlint examples/', 'npm test']);
  });

  it('has the sections a new user needs, and links that resolve', () => {
    for (const s of ['## Quick start', '## Usage', '### Exit codes', '### Output formats', '## Configuration', '## Closed world only where we know it', '## How the model resolves the data plane', '## Rules', '## Contributing']) {
      expect(README).toMatch(new RegExp(`^${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    }
    for (const [, target] of README.matchAll(/\]\(((?!https?:)[^)#]+)\)/g)) {
      expect(() => readFileSync(join(ROOT, target!)), target).not.toThrow();
    }
  });

  it('every option of --help is documented', async () => {
    let help = '';
    await run(['--help'], { out: (t) => (help += t), err: () => {}, readStdin: async () => '', env: {}, isTTY: false, cwd: ROOT });
    const options = [...help.matchAll(/^ {2}(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!);
    expect(options.length).toBeGreaterThan(10);
    for (const o of options) expect(README, `README does not document ${o}`).toMatch(new RegExp(`\\| \`[^|]*${o}(?![a-z-])`));
  });
});
