import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { emptyConfig, loadConfig } from '../../src/config.js';
import { lint } from '../../src/engine/lint.js';
import { RULES } from '../../src/generated/rules.js';
import type { Diagnostic } from '../../src/types.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

/** Diagnostics that every fixture must be free of unless it expects them: a broken fixture is a broken test. */
const ALWAYS_SHOWN = new Set(['yaml-syntax', 'schema', 'unreadable-file', 'internal-error']);

export interface FixtureCase {
  /** `<rule-id>/<case>` or `scenarios/<case>`. */
  name: string;
  dir: string;
  /** The rule whose diagnostics the case expects; undefined for scenarios (all rules). */
  rule?: string;
}

export function listFixtures(): FixtureCase[] {
  const out: FixtureCase[] = [];
  for (const group of readdirSync(FIXTURES).sort()) {
    const groupDir = join(FIXTURES, group);
    if (!statSync(groupDir).isDirectory()) continue;
    for (const c of readdirSync(groupDir).sort()) {
      const dir = join(groupDir, c);
      if (!statSync(dir).isDirectory()) continue;
      out.push({ name: `${group}/${c}`, dir, rule: group === 'scenarios' ? undefined : group });
    }
  }
  return out;
}

/** actionlint-style line: `file:line:col: message [rule-id]`, file relative to the case folder. */
export function formatLine(dir: string, d: Diagnostic): string {
  const file = relative(dir, d.file).split(sep).join('/');
  return `${file}:${d.line}:${d.column}: ${d.message} [${d.ruleId}]`;
}

/** Lint a case folder (with its own `.meshlint.yaml`, if any) and return its expected-format lines. */
export async function runFixture(c: FixtureCase): Promise<string[]> {
  const configFile = join(c.dir, '.meshlint.yaml');
  const config = existsSync(configFile) ? loadConfig(configFile) : emptyConfig(c.dir);
  const result = await lint({ cwd: c.dir, patterns: ['.'], config, rules: RULES });
  const lines: string[] = [];
  for (const r of result.results) {
    for (const m of r.messages) {
      if (c.rule && m.ruleId !== c.rule && !ALWAYS_SHOWN.has(m.ruleId)) continue;
      lines.push(formatLine(c.dir, m));
    }
  }
  return lines;
}

export function readExpected(c: FixtureCase): string[] | undefined {
  const p = join(c.dir, 'expected.out');
  if (!existsSync(p)) return undefined;
  return readFileSync(p, 'utf8').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
}
