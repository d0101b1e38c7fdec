import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/engine/builtin.js';
import { DOCS_BASE, docsUrl } from '../src/engine/rule.js';
import { RULE_DOCS } from '../src/generated/docs.js';
import { RULES } from '../src/generated/rules.js';
import { READS } from '../src/model/reads.js';

// Hygiene of every rule, whoever wrote it: what a user meets (id, docs, messages' fixtures) must be
// complete for each rule folder that exists. Rules are added in parallel, so nothing here names one.

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'rules');
const FIXTURES_DIR = join(ROOT, 'fixtures');
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const README_SECTIONS = ['## What happens at runtime', '## How to fix', '## Examples', '## Sources', '## Aliases'];

/** Kinds a rule may read: the model's (src/model/reads.ts) and every kind the fixtures hold. */
const KNOWN_KINDS = new Set<string>([
  ...Object.values(READS).flat(),
  ...readdirSync(FIXTURES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.ya?ml$/.test(f))
    .flatMap((f) => [...readFileSync(join(FIXTURES_DIR, f), 'utf8').matchAll(/^\s*kind: (\w+)\s*$/gm)].map((m) => m[1]!)),
]);

const ruleFolders = readdirSync(RULES_DIR)
  .filter((d) => statSync(join(RULES_DIR, d)).isDirectory())
  .sort();

interface FixtureCase {
  name: string;
  lines: string[];
}

function fixtureCases(id: string): FixtureCase[] {
  const dir = join(FIXTURES_DIR, id);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((c) => statSync(join(dir, c)).isDirectory())
    .sort()
    .map((c) => {
      const out = join(dir, c, 'expected.out');
      const lines = existsSync(out)
        ? readFileSync(out, 'utf8')
            .split('\n')
            .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        : [];
      return { name: c, lines };
    });
}

describe('rule registry', () => {
  it('every rule folder is a registered rule, and every registered rule has a folder', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(ruleFolders.filter((d) => existsSync(join(RULES_DIR, d, 'index.ts'))));
    expect(ruleFolders.filter((d) => !existsSync(join(RULES_DIR, d, 'index.ts'))), 'rule folders without index.ts').toEqual([]);
  });

  it('rule ids are unique and do not collide with the built-in diagnostics', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Object.keys(BUILTIN), id).not.toContain(id);
  });

  it('every fixtures/ folder belongs to a rule (or is scenarios/)', () => {
    const known = new Set([...RULES.map((r) => r.id), 'scenarios']);
    const stray = readdirSync(FIXTURES_DIR).filter((d) => statSync(join(FIXTURES_DIR, d)).isDirectory() && !known.has(d));
    expect(stray, 'fixture folders named after no rule').toEqual([]);
  });
});

describe.each(RULES.map((r) => ({ id: r.id, rule: r })))('rule $id', ({ id, rule }) => {
  const readmePath = join(RULES_DIR, id, 'README.md');

  it('id is kebab-case and equals its folder name', () => {
    expect(id).toMatch(KEBAB);
    expect(ruleFolders).toContain(id);
  });

  it('meta: one-line description, default severity, docs URL, aliases', () => {
    expect(rule.meta.description.trim().length).toBeGreaterThan(20);
    expect(rule.meta.description).not.toContain('\n');
    // Off by default only when the rule says it is not recommended; its defaultSeverity still says how it reports once on.
    expect(rule.meta.severity).toBe(rule.definition.meta.docs.recommended === false ? 'off' : rule.definition.meta.defaultSeverity);
    expect(['warn', 'error']).toContain(rule.definition.meta.defaultSeverity);
    expect(docsUrl(id)).toBe(`${DOCS_BASE}/${id}/README.md`);
    for (const alias of rule.meta.aliases ?? []) expect(alias).toMatch(/^(IST|KIA)\d{4}$/);
  });

  it('README.md has a title and the required sections, in order', () => {
    expect(existsSync(readmePath), `${id} has no README.md`).toBe(true);
    const text = readFileSync(readmePath, 'utf8');
    expect(text.split('\n')[0]).toBe(`# ${id}`);
    const at = README_SECTIONS.map((s) => text.search(new RegExp(`^${s}\\s*$`, 'm')));
    README_SECTIONS.forEach((s, i) => expect(at[i], `${id}/README.md lacks "${s}"`).toBeGreaterThanOrEqual(0));
    expect([...at].sort((a, b) => a - b), `${id}/README.md sections out of order`).toEqual(at);
    for (let i = 0; i < README_SECTIONS.length; i++) {
      const body = text.slice(at[i]! + README_SECTIONS[i]!.length, i + 1 < at.length ? at[i + 1] : undefined);
      expect(body.trim().length, `${id}/README.md "${README_SECTIONS[i]}" is empty`).toBeGreaterThan(0);
    }
  });

  it('README cites its sources as files or links', () => {
    const text = readFileSync(readmePath, 'utf8');
    const sources = text.slice(text.indexOf('## Sources'));
    expect(sources).toMatch(/`[\w.-]+\/[\w./-]+`|https?:\/\//);
  });

  it('meta.reads names kinds the input can hold; a rule without it reads every resource', () => {
    const reads = rule.definition.meta.reads;
    if (reads === undefined) {
      // Left out, the rule runs after every edit in the language server: only for a rule that must.
      expect(readFileSync(join(RULES_DIR, id, 'index.ts'), 'utf8')).toMatch(/model\.resources|inputOrder\(/);
      return;
    }
    for (const kind of reads) expect(KNOWN_KINDS, `${id} reads "${kind}"`).toContain(kind);
  });

  it('--explain prints the current README', () => {
    expect(RULE_DOCS[id]).toBe(readFileSync(readmePath, 'utf8'));
  });

  it('has a firing fixture and a clean ok-* fixture', () => {
    const cases = fixtureCases(id);
    const firing = cases.filter((c) => !c.name.startsWith('ok-') && c.lines.some((l) => l.endsWith(` [${id}]`)));
    const clean = cases.filter((c) => c.name.startsWith('ok-'));
    expect(firing.map((c) => c.name), `fixtures/${id} has no case whose expected.out fires ${id}`).not.toEqual([]);
    expect(clean.map((c) => c.name), `fixtures/${id} has no ok-* case`).not.toEqual([]);
  });

  it('ok-* fixtures expect nothing; the other cases each expect this rule', () => {
    for (const c of fixtureCases(id)) {
      if (c.name.startsWith('ok-')) expect(c.lines, `${id}/${c.name}`).toEqual([]);
      else expect(c.lines.some((l) => l.endsWith(` [${id}]`)), `${id}/${c.name} expects no ${id} diagnostic`).toBe(true);
      expect(existsSync(join(FIXTURES_DIR, id, c.name, 'expected.out')), `${id}/${c.name} has no expected.out`).toBe(true);
    }
  });

  it('expected.out lines have the file:line:col: message [rule] form', () => {
    for (const c of fixtureCases(id)) {
      for (const l of c.lines) expect(l, `${id}/${c.name}`).toMatch(/^[^:\s]+:\d+:\d+: .+ \[[a-z0-9-]+\]$/);
    }
  });
});

describe('built-in diagnostics', () => {
  it('each has a section in docs/diagnostics.md', () => {
    const text = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    for (const id of Object.keys(BUILTIN)) expect(text, id).toMatch(new RegExp(`^## ${id}\\s*$`, 'm'));
  });
});
