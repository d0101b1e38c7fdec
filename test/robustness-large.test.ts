import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectMessages, expectSane, expectValidFinding, INPUTS, lintGenerated, messagesOf, nested, removeTemps, runCli, STATIC, tempWithValid, VALID } from './robustness/harness.js';

// Large and hostile input, generated in temporary folders (a 50 MB file, 20,000 levels of nesting,
// tens of thousands of aliases and keys, 10,000 files), and the acceptance check: one folder that
// mixes a valid manifest with every kind of bad input. Each run must end within seconds.

afterAll(removeTemps);

describe('large and hostile input: bounded time and memory', () => {
  it('a 50 MB file is reported as too large, quickly and in little memory', () => {
    const doc = readFileSync(join(INPUTS, VALID), 'utf8');
    const copies = Math.ceil((50 * 1024 * 1024) / (doc.length + 4));
    const big = Buffer.from(`${doc}---\n`.repeat(copies));
    expect(big.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    // A 128 MB heap: parsing the file would need gigabytes and end in an out-of-memory crash.
    const { dir, run } = lintGenerated({ 'huge.yaml': big }, ['.'], ['--max-old-space-size=128']);
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'huge.yaml')), [
      { line: 1, ruleId: 'unreadable-file', match: /^file is 50\.0 MiB, over the 32 MiB limit; it was not linted/ },
    ]);
  });

  it('20,000 levels of nesting, in every YAML style and in JSON', () => {
    const files = {
      'deep-flow-seq.yaml': nested.seq(20_000),
      'deep-flow-map.yaml': nested.map(20_000),
      'deep-dash.yaml': nested.dash(20_000),
      'deep.json': nested.seq(20_000),
      // Deep enough for the limit, shallow enough for the parser: the loader's own check.
      'deep-300.yaml': nested.seq(300),
      'deep-block.yaml': nested.block(1_000),
    };
    // 100 levels are fine.
    const fine = `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep}\ndata: {x: ${nested.seq(100).trim()}}\n`;
    // Named: a folder walk would pass over these files quietly, as they hold no apiVersion or kind.
    const { dir, run } = lintGenerated({ ...files, 'deep-100.yaml': fine }, ['.', ...Object.keys(files)]);
    expect(messagesOf(run, join(dir, 'deep-100.yaml'))).toEqual([]);
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    for (const name of Object.keys(files)) {
      const msgs = messagesOf(run, join(dir, name));
      expect(msgs, name).toHaveLength(1);
      expect(msgs[0]!.ruleId).toBe('yaml-syntax');
      expect(msgs[0]!.message).toBe('This document is nested more than 256 levels deep; it is skipped');
    }
    // The block style is reported on the line where the limit is crossed, not at the top.
    expect(messagesOf(run, join(dir, 'deep-block.yaml'))[0]!.line).toBeGreaterThan(256);
  });

  it('thousands of aliases: capped per document and per file (yaml resolves them in quadratic time)', () => {
    let pairs = '';
    for (let i = 0; i < 5_000; i++) pairs += `- &a${i} x\n- *a${i}\n`;
    // 12 documents of 900 aliases each: under the per-document cap, over the per-file one.
    let docs = '';
    for (let d = 0; d < 12; d++) {
      docs += `---\nitems:\n`;
      for (let i = 0; i < 900; i++) docs += `- &d${d}a${i} x\n- *d${d}a${i}\n`;
    }
    const { dir, run } = lintGenerated({ 'aliases-one-doc.yaml': pairs, 'aliases-per-file.yaml': docs }, ['.', 'aliases-one-doc.yaml', 'aliases-per-file.yaml']);
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'aliases-one-doc.yaml')), [
      { line: 2002, column: 3, ruleId: 'yaml-syntax', match: /^Too many aliases \(more than 1000 in one document\)/ },
    ]);
    const perFile = messagesOf(run, join(dir, 'aliases-per-file.yaml'));
    // Documents 1–11 use 9,900 aliases: documents 12 is over the budget of 10,000.
    expect(perFile.filter((m) => m.ruleId === 'yaml-syntax').map((m) => m.message)).toEqual([
      expect.stringMatching(/^Too many aliases \(more than 10000 in one file\)/),
    ]);
    expect(perFile.find((m) => m.ruleId === 'yaml-syntax')!.line).toBeGreaterThan(11 * 1802);
  });

  it('a map of 50,000 keys with a duplicate at the end: found in linear time', () => {
    // yaml's own duplicate check compares every key with every other: about 15 s for this map.
    let keys = '';
    for (let i = 0; i < 50_000; i++) keys += `k${i}: v\n`;
    keys += 'k0: again\n';
    const { dir, run } = lintGenerated({ 'many-keys.yaml': keys }, ['.', 'many-keys.yaml']);
    expectSane(run);
    expect(run.ms).toBeLessThan(8_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(dir, 'many-keys.yaml')), [
      { line: 50_001, column: 1, ruleId: 'yaml-syntax', match: /^Duplicate key "k0" \(first on line 1\)/ },
    ]);
  });

  it('a folder tree 1,500 levels deep, with a link back up at the bottom', () => {
    const dir = tempWithValid();
    const bottom = join(dir, ...Array<string>(1_500).fill('d'));
    mkdirSync(bottom, { recursive: true });
    writeFileSync(join(bottom, 'deep.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: deep, labels: {a: 1}}\n');
    symlinkSync('../../..', join(bottom, 'up'));
    const run = runCli(['.'], { cwd: dir });
    expectSane(run);
    expect(run.ms).toBeLessThan(10_000);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, join(bottom, 'deep.yaml')), [{ line: 3, column: 36, ruleId: 'schema', match: /metadata\.labels\.a must be a string \(write "1" in quotes\)/ }]);
  });

  it('the mesh config inside an istio ConfigMap: large or odd, read quickly and quietly', () => {
    let mesh = 'rootNamespace: istio-system\n';
    for (let i = 0; i < 50_000; i++) mesh += `k${i}: v\n`;
    const cm = (name: string, text: string) => JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'istio-system' }, data: { mesh: text } });
    const { dir, run } = lintGenerated({ 'mesh-large.json': cm('istio', mesh), 'mesh-odd.json': cm('istio-canary', 'a: !foo x\n? [a]\n: 1\nb: &b [*b]\n') });
    expectSane(run);
    expect(run.stderr).toBe('');
    expect(run.ms).toBeLessThan(8_000);
    expectValidFinding(run, dir);
  });

  it('a device named on the command line is read only up to the limit', () => {
    const dir = tempWithValid();
    const run = runCli([VALID, '/dev/zero'], { cwd: dir, nodeArgs: ['--max-old-space-size=128'] });
    expectSane(run);
    expectValidFinding(run, dir);
    expectMessages(messagesOf(run, '/dev/zero'), [{ line: 1, ruleId: 'unreadable-file', match: /^more than 32 MiB arrived; it was not linted/ }]);
  });

  it('a folder of 10,000 files is linted in seconds', () => {
    const dir = tempWithValid();
    mkdirSync(join(dir, 'many'));
    for (let i = 0; i < 10_000; i++) {
      writeFileSync(join(dir, 'many', `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n  namespace: shop\ndata:\n  key: value-${i}\n`);
    }
    writeFileSync(join(dir, 'many', 'cm-5000.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [broken\n');
    const run = runCli(['.'], { cwd: dir });
    expectSane(run);
    expect(run.ms).toBeLessThan(30_000);
    expectValidFinding(run, dir);
    expect(run.results).toHaveLength(10_001);
    expectMessages(messagesOf(run, join(dir, 'many', 'cm-5000.yaml')), [{ line: 4, column: 9, ruleId: 'yaml-syntax', match: /^This "\[" is never closed|not closed/ }]);
    expect(run.results.filter((r) => r.messages.length > 0).map((r) => r.filePath).sort()).toEqual([join(dir, 'many', 'cm-5000.yaml'), join(dir, VALID)]);
  });
});

describe('a folder mixing a valid manifest with every kind of bad input', () => {
  it('finishes within seconds, exits 1, names every bad file, still reports the valid findings', () => {
    const dir = tempWithValid();
    for (const f of Object.keys(STATIC)) copyFileSync(join(INPUTS, f), join(dir, f));
    const doc = readFileSync(join(INPUTS, VALID), 'utf8');
    writeFileSync(join(dir, 'huge.yaml'), `${doc}---\n`.repeat(Math.ceil((50 * 1024 * 1024) / (doc.length + 4))));
    writeFileSync(join(dir, 'deep.yaml'), nested.seq(20_000));
    writeFileSync(join(dir, 'deep.json'), nested.map(20_000));
    let aliases = '';
    for (let i = 0; i < 5_000; i++) aliases += `- &a${i} x\n- *a${i}\n`;
    writeFileSync(join(dir, 'aliases.yaml'), aliases);
    symlinkSync('loop-b.yaml', join(dir, 'loop-a.yaml'));
    symlinkSync('loop-a.yaml', join(dir, 'loop-b.yaml'));
    mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
    symlinkSync('../..', join(dir, 'nested', 'deeper', 'cycle'));
    copyFileSync(join(INPUTS, 'syntax-duplicate-key.yaml'), join(dir, 'nested', 'deeper', 'dup.yaml'));

    // The generated files hold no apiVersion or kind, so a walk would pass over them: they are named.
    const run = runCli(['.', 'deep.yaml', 'deep.json', 'aliases.yaml'], { cwd: dir, nodeArgs: ['--max-old-space-size=256'] });
    expectSane(run);
    expect(run.ms).toBeLessThan(15_000);
    expectValidFinding(run, dir);
    const bad = [...Object.keys(STATIC), 'huge.yaml', 'deep.yaml', 'deep.json', 'aliases.yaml', 'loop-a.yaml', 'loop-b.yaml', 'nested/deeper/dup.yaml'];
    for (const name of bad) {
      const input = messagesOf(run, join(dir, name)).filter((m) => ['yaml-syntax', 'schema', 'unreadable-file', 'empty-file'].includes(m.ruleId));
      // bom-leading and bom-mid-stream are valid YAML: they are linted, with no input diagnostic.
      if (name.startsWith('bom-')) expect(input, name).toEqual([]);
      else expect(input.length, `${name} is named in a diagnostic`).toBeGreaterThan(0);
    }
    // Every diagnostic lies inside its file.
    for (const r of run.results) {
      let lines: string[];
      try {
        lines = readFileSync(r.filePath, 'utf8').split('\n');
      } catch {
        lines = [''];
      }
      for (const m of r.messages) {
        expect(m.line, `${r.filePath}:${m.line}`).toBeLessThanOrEqual(Math.max(lines.length, 1));
        expect(m.column).toBeLessThanOrEqual((lines[m.line - 1]?.length ?? 0) + 1);
      }
    }
  });
});
