import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from './helpers/fixtures.js';
import { assertBuilt, meshlint } from './helpers/cli.js';

// ESLint's JSON `suggestions[].fix` is a text edit `{range: [start, end], text}` that tools apply
// as it is. Every such edit meshlint prints, applied to its file on its own, must leave valid YAML
// and make the finding it was offered for go away.

interface JsonMessage {
  ruleId: string;
  message: string;
  suggestions?: Array<{ desc: string; fix: { range: [number, number]; text: string }; data: { yaml: string } }>;
  hints?: Array<{ desc: string; yaml: string }>;
}

function lintJson(cwd: string): Array<{ filePath: string; messages: JsonMessage[] }> {
  return JSON.parse(meshlint(['-f', 'json', '.'], { cwd }).stdout) as Array<{ filePath: string; messages: JsonMessage[] }>;
}

const CASES = readdirSync(FIXTURES)
  .filter((rule) => rule !== 'scenarios')
  .flatMap((rule) => readdirSync(join(FIXTURES, rule)).map((c) => join(FIXTURES, rule, c)));

describe('suggestions as ESLint text edits', () => {
  assertBuilt();
  const offered: Array<{ dir: string; file: string; message: JsonMessage; index: number }> = [];
  for (const dir of CASES) {
    for (const r of lintJson(dir)) {
      for (const m of r.messages) m.suggestions?.forEach((_, index) => offered.push({ dir, file: r.filePath.slice(dir.length + 1), message: m, index }));
    }
  }

  it('are offered by the rules whose suggestions are exact edits', () => {
    const rules = new Set(offered.map((o) => o.message.ruleId));
    expect([...rules].sort()).toEqual(expect.arrayContaining(['automtls-missing-destinationrule', 'deny-path-bypass', 'jwt-without-requestauthentication']));
  });

  it('applied one at a time, leave valid YAML holding what data.yaml says; a replaced field removes the finding', () => {
    expect(offered.length).toBeGreaterThan(20);
    let added = 0;
    let replaced = 0;
    for (const { dir, file, message, index } of offered) {
      const s = message.suggestions![index]!;
      const copy = mkdtempSync(join(tmpdir(), 'meshlint-fix-'));
      cpSync(dir, copy, { recursive: true });
      const text = readFileSync(join(copy, file), 'utf8');
      const [start, end] = s.fix.range;
      expect(start, s.desc).toBeLessThanOrEqual(end);
      expect(end, s.desc).toBeLessThanOrEqual(text.length);
      const fixed = text.slice(0, start) + s.fix.text + text.slice(end);
      writeFileSync(join(copy, file), fixed);
      const docs = parseAllDocuments(fixed);
      expect(docs.flatMap((d) => d.errors), `${dir} ${s.desc}`).toEqual([]);
      const wanted = parseAllDocuments(s.data.yaml).map((d) => d.toJS() as Record<string, unknown>);
      if (wanted.every((w) => 'kind' in w)) {
        // New objects, added after the reported one: one more of each in the file.
        const data = docs.map((d) => d.toJS() as unknown);
        for (const w of wanted) expect(data, `${dir} ${s.desc}`).toContainEqual(w);
        added++;
      } else {
        replaced++;
        // A field's new value: the finding it was offered for is gone.
        const after = lintJson(copy).flatMap((r) => r.messages);
        expect(after.some((m) => m.ruleId === message.ruleId && m.message === message.message), `${dir}: "${s.desc}" leaves: ${message.message}`).toBe(false);
      }
    }
    expect(added).toBeGreaterThan(10);
    expect(replaced).toBeGreaterThan(3);
  });

  it('advice that is not an edit of the file is in hints, with its YAML', () => {
    const dir = join(FIXTURES, 'ztunnel-l7-policy', readdirSync(join(FIXTURES, 'ztunnel-l7-policy')).find((c) => !c.startsWith('ok-'))!);
    const messages = lintJson(dir).flatMap((r) => r.messages);
    const withHints = messages.filter((m) => m.hints);
    expect(withHints.length).toBeGreaterThan(0);
    expect(withHints[0]!.hints![0]!.yaml).toContain('targetRefs');
    expect(withHints.every((m) => !m.suggestions?.some((s) => s.fix.text.includes('targetRefs')))).toBe(true);
  });
});
