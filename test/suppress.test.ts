import { describe, expect, it } from 'vitest';
import { emptyConfig } from '../src/config.js';
import { lint, type FileResult } from '../src/engine/lint.js';
import { defineRule, registerRule, type Rule } from '../src/engine/rule.js';
import { parseDirectiveBody } from '../src/engine/suppress.js';
import { RULES } from '../src/generated/rules.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

// A rule with istioctl/Kiali aliases, reporting every AuthorizationPolicy at its name, so each
// suppression form can be aimed at findings whose lines the test knows.
const named: Rule = registerRule(
  'policy-named',
  defineRule({
    meta: { type: 'problem', docs: { description: 'Reports every AuthorizationPolicy (test rule).', aliases: ['IST0102', 'KIA0101'] }, messages: { named: 'policy {{name}}' }, schema: [], defaultSeverity: 'error' },
    create: (context) => ({ AuthorizationPolicy: (p) => context.report({ at: { resource: p.resource, path: ['metadata', 'name'] }, messageId: 'named', data: { name: p.name } }) }),
  }),
);
const other: Rule = registerRule(
  'policy-other',
  defineRule({
    meta: { type: 'problem', docs: { description: 'Reports every AuthorizationPolicy too (test rule).', aliases: ['IST0103'] }, messages: { other: 'other {{name}}' }, schema: [], defaultSeverity: 'warn' },
    create: (context) => ({ AuthorizationPolicy: (p) => context.report({ at: { resource: p.resource, path: ['spec'], part: 'key' }, messageId: 'other', data: { name: p.name } }) }),
  }),
);
const TEST_RULES = [named, other];

function policy(name: string, extra = ''): string {
  return `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: ${name}\n  namespace: shop\n${extra}spec:\n  action: DENY\n  rules:\n  - from:\n    - source:\n        namespaces: ["legacy"]\n`;
}

async function run(files: Record<string, string>, opts: { inlineConfig?: boolean; reportUnused?: boolean; rules?: readonly Rule[] } = {}) {
  const dir = tempTree(files);
  const res = await lint({
    cwd: dir,
    patterns: ['.'],
    config: emptyConfig(dir),
    rules: opts.rules ?? TEST_RULES,
    inlineConfig: opts.inlineConfig,
    reportUnusedDisableDirectives: opts.reportUnused,
  });
  const shown = (rs: FileResult[]) => rs.flatMap((r) => r.messages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}: ${m.message} [${m.ruleId}]`));
  const hidden = (rs: FileResult[]) =>
    rs.flatMap((r) => r.suppressedMessages.map((m) => `${r.filePath.slice(dir.length + 1)}:${m.line}: ${m.message} ${JSON.stringify(m.suppressions)}`));
  return { shown: shown(res.results), hidden: hidden(res.results), results: res.results, dir };
}

describe('directive syntax', () => {
  it('splits names from the reason', () => {
    expect(parseDirectiveBody(' a, b -- why not')).toEqual({ names: ['a', 'b'], justification: 'why not' });
    expect(parseDirectiveBody(' a b')).toEqual({ names: ['a', 'b'], justification: '' });
    expect(parseDirectiveBody('')).toEqual({ names: undefined, justification: '' });
    expect(parseDirectiveBody(' -- only a reason')).toEqual({ names: undefined, justification: 'only a reason' });
    expect(parseDirectiveBody(' a--b')).toEqual({ names: ['a--b'], justification: '' });
  });
});

describe('comment directives', () => {
  it('disable-next-line silences the named rule on the next line only, with its reason', async () => {
    const text = `# meshlint-disable-next-line policy-named -- owned by team b\n${policy('a')}---\n${policy('b')}`;
    const r = await run({ 'p.yaml': text.replace('  name: a', '  # meshlint-disable-next-line policy-named -- owned by team b\n  name: a') });
    expect(r.hidden).toEqual(['p.yaml:6: policy a [{"kind":"directive","justification":"owned by team b"}]']);
    // The comment at the top targets line 2, where nothing is reported.
    expect(r.shown).toEqual(['p.yaml:8: other a [policy-other]', 'p.yaml:18: policy b [policy-named]', 'p.yaml:20: other b [policy-other]']);
  });

  it('disable-next-line with several rules, and bare, silences them all on that line', async () => {
    const text = `${policy('a')}`.replace('  name: a', '  # meshlint-disable-next-line policy-other, policy-named\n  name: a');
    const r = await run({ 'p.yaml': text });
    expect(r.hidden).toEqual(['p.yaml:5: policy a [{"kind":"directive","justification":""}]']);
    expect(r.shown).toEqual(['p.yaml:7: other a [policy-other]']);
    const bare = await run({ 'p.yaml': policy('a').replace('spec:', '# meshlint-disable-next-line\nspec:') });
    expect(bare.shown).toEqual(['p.yaml:4: policy a [policy-named]']);
    expect(bare.hidden).toEqual(['p.yaml:7: other a [{"kind":"directive","justification":""}]']);
  });

  it('disable-line silences findings on its own line', async () => {
    const r = await run({ 'p.yaml': policy('a').replace('  name: a', '  name: a  # meshlint-disable-line policy-named') });
    expect(r.hidden).toEqual(['p.yaml:4: policy a [{"kind":"directive","justification":""}]']);
    expect(r.shown).toEqual(['p.yaml:6: other a [policy-other]']);
  });

  it('disable … enable silences a range, per rule or for all', async () => {
    const text = `${policy('a')}---\n# meshlint-disable policy-named\n${policy('b')}# meshlint-enable policy-named\n---\n${policy('c')}`;
    const r = await run({ 'p.yaml': text });
    expect(r.shown.filter((l) => l.includes('policy-named'))).toEqual(['p.yaml:4: policy a [policy-named]', 'p.yaml:30: policy c [policy-named]']);
    expect(r.hidden).toEqual(['p.yaml:17: policy b [{"kind":"directive","justification":""}]']);
    // A bare disable, then one rule enabled again: the others stay off until the end.
    const all = `${policy('a')}---\n# meshlint-disable -- generated\n${policy('b')}# meshlint-enable policy-other\n---\n${policy('c')}`;
    const r2 = await run({ 'p.yaml': all });
    expect(r2.shown).toEqual(['p.yaml:4: policy a [policy-named]', 'p.yaml:6: other a [policy-other]', 'p.yaml:32: other c [policy-other]']);
    expect(r2.hidden.map((l) => l.split(' [')[0])).toEqual(['p.yaml:17: policy b', 'p.yaml:19: other b', 'p.yaml:30: policy c']);
    expect(r2.hidden[0]).toContain('"justification":"generated"');
    // A directive placed after a finding on the same line does not reach back.
    const late = await run({ 'p.yaml': policy('a').replace('  name: a', '  name: a # meshlint-disable') });
    expect(late.shown).toContain('p.yaml:4: policy a [policy-named]');
    expect(late.hidden).toEqual(['p.yaml:6: other a [{"kind":"directive","justification":""}]']);
  });

  it('disable-file silences a rule anywhere in the file, wherever the comment is', async () => {
    const text = `${policy('a')}---\n${policy('b')}# meshlint-disable-file policy-named -- vendored\n`;
    const r = await run({ 'p.yaml': text, 'q.yaml': policy('c') });
    expect(r.shown).toEqual(['p.yaml:6: other a [policy-other]', 'p.yaml:18: other b [policy-other]', 'q.yaml:4: policy c [policy-named]', 'q.yaml:6: other c [policy-other]']);
    expect(r.hidden).toHaveLength(2);
  });

  it('works with the real rules and aliases in comments, and never sees # inside strings', async () => {
    const l7 = AMBIENT_SHOP['policy.yaml']!.replace('        methods: ["GET"]', '        # meshlint-disable-next-line ztunnel-l7-policy -- waypoint lands in Q3\n        methods: ["GET"]');
    const r = await run({ ...AMBIENT_SHOP, 'policy.yaml': l7 }, { rules: RULES });
    expect(r.shown).toEqual([]);
    expect(r.hidden).toHaveLength(1);
    expect(r.hidden[0]).toContain('"justification":"waypoint lands in Q3"');
    const alias = await run({ 'p.yaml': `# meshlint-disable-file IST0102\n${policy('a')}` });
    expect(alias.shown).toEqual(['p.yaml:7: other a [policy-other]']);
    const quoted = policy('a', '  annotations:\n    note: "# meshlint-disable-file"\n    text: |\n      # meshlint-disable-file\n');
    const q = await run({ 'p.yaml': quoted });
    expect(q.hidden).toEqual([]);
    expect(q.shown).toHaveLength(2);
  });

  it('is turned off by --no-inline-config, which leaves annotations working', async () => {
    const text = policy('a', '  annotations:\n    meshlint.io/ignore: policy-other\n').replace('  name: a', '  name: a # meshlint-disable-line');
    const off = await run({ 'p.yaml': text }, { inlineConfig: false });
    expect(off.shown).toEqual(['p.yaml:4: policy a [policy-named]']);
    expect(off.hidden).toEqual(['p.yaml:8: other a [{"kind":"annotation","justification":""}]']);
    const dir = tempTree({ 'p.yaml': text });
    const viaCli = await cli(['--no-inline-config', '-f', 'json', '.'], { cwd: dir, rules: TEST_RULES });
    const onCli = await cli(['-f', 'json', '.'], { cwd: dir, rules: TEST_RULES });
    expect(viaCli.code).toBe(1);
    expect(onCli.code).toBe(0);
  });
});

describe('resource annotations', () => {
  it('meshlint.io/ignore silences the named rules inside its own resource only', async () => {
    const text = `${policy('a', '  annotations:\n    meshlint.io/ignore: "policy-named, policy-other -- accepted risk, ticket SEC-12"\n')}---\n${policy('b')}`;
    const r = await run({ 'p.yaml': text });
    expect(r.shown).toEqual(['p.yaml:18: policy b [policy-named]', 'p.yaml:20: other b [policy-other]']);
    expect(r.hidden).toEqual([
      'p.yaml:4: policy a [{"kind":"annotation","justification":"accepted risk, ticket SEC-12"}]',
      'p.yaml:8: other a [{"kind":"annotation","justification":"accepted risk, ticket SEC-12"}]',
    ]);
    const star = await run({ 'p.yaml': policy('a', '  annotations:\n    meshlint.io/ignore: "*"\n') });
    expect(star.shown).toEqual([]);
  });

  it('galley.istio.io/analyze-suppress maps IST codes through aliases, "*" for all, empty for none', async () => {
    const one = await run({ 'p.yaml': policy('a', '  annotations:\n    galley.istio.io/analyze-suppress: IST0103\n') });
    expect(one.shown).toEqual(['p.yaml:4: policy a [policy-named]']);
    const two = await run({ 'p.yaml': policy('a', '  annotations:\n    galley.istio.io/analyze-suppress: "IST0102,IST0103"\n') });
    expect(two.shown).toEqual([]);
    const star = await run({ 'p.yaml': policy('a', '  annotations:\n    galley.istio.io/analyze-suppress: "*"\n') });
    expect(star.shown).toEqual([]);
    const unmapped = await run({ 'p.yaml': policy('a', '  annotations:\n    galley.istio.io/analyze-suppress: IST0108\n') });
    expect(unmapped.shown).toHaveLength(2);
    const empty = await run({ 'p.yaml': policy('a', '  annotations:\n    galley.istio.io/analyze-suppress: ""\n') });
    expect(empty.shown).toHaveLength(2);
  });

  it('kiali.io/ignore-validations: empty means every rule, otherwise KIA codes through aliases', async () => {
    const all = await run({ 'p.yaml': policy('a', '  annotations:\n    kiali.io/ignore-validations: ""\n') });
    expect(all.shown).toEqual([]);
    expect(all.hidden).toHaveLength(2);
    const one = await run({ 'p.yaml': policy('a', '  annotations:\n    kiali.io/ignore-validations: "KIA0101, KIA0505"\n') });
    expect(one.shown).toEqual(['p.yaml:8: other a [policy-other]']);
  });
});

describe('--report-unused-disable-directives', () => {
  it('reports each unused directive and name, where it is written', async () => {
    const text = [
      policy('a', '  annotations:\n    meshlint.io/ignore: policy-named, polcy-other\n    galley.istio.io/analyze-suppress: IST0108\n'),
      `# meshlint-disable-next-line policy-named\n${policy('b')}`,
    ].join('---\n');
    const r = await run({ 'p.yaml': text.replace('  name: b', '  name: b # meshlint-disable-line policy-named') }, { reportUnused: true });
    const unused = r.shown.filter((l) => l.includes('unused-disable-directive'));
    expect(unused).toEqual([
      'p.yaml:7: Unused meshlint.io/ignore annotation for "polcy-other": "polcy-other" is not a meshlint rule or alias (did you mean "policy-other"?); remove "polcy-other" from it. [unused-disable-directive]',
      'p.yaml:16: Unused meshlint-disable-next-line comment for "policy-named": no "policy-named" problem was reported here; remove it. [unused-disable-directive]',
    ]);
    // Without the flag nothing is said; a used directive is never reported.
    const quiet = await run({ 'p.yaml': text }, {});
    expect(quiet.shown.some((l) => l.includes('unused-disable-directive'))).toBe(false);
    const bare = await run({ 'p.yaml': `# meshlint-disable-file\n${policy('a')}`, 'q.yaml': '# meshlint-disable\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' }, { reportUnused: true });
    expect(bare.shown).toEqual(['q.yaml:1: Unused meshlint-disable comment: no problem was reported here, so it silences nothing; remove it. [unused-disable-directive]']);
  });

  it('fails the run from the command line, and can be set to warn in the config', async () => {
    const dir = tempTree({ 'ns.yaml': '# meshlint-disable-next-line ztunnel-l7-policy\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n' });
    expect((await cli(['.'], { cwd: dir })).code).toBe(0);
    const r = await cli(['--report-unused-disable-directives', '-f', 'json', '.'], { cwd: dir });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.out) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; endColumn: number }> }>;
    expect(file!.messages).toEqual([expect.objectContaining({ ruleId: 'unused-disable-directive', line: 1, column: 1, endLine: 1, endColumn: 47 })]);
    const warn = await cli(['--report-unused-disable-directives', '--rule', 'unused-disable-directive:warn', '.'], { cwd: dir });
    expect(warn.code).toBe(0);
  });
});

describe('reports', () => {
  it('ESLint JSON lists suppressed messages with their suppressions; SARIF leaves them out', async () => {
    const r = await run({ 'p.yaml': policy('a').replace('  name: a', '  name: a # meshlint-disable-line policy-named -- reviewed') });
    const file = r.results.find((f) => f.filePath.endsWith('p.yaml'))!;
    expect(file.errorCount).toBe(0);
    expect(file.warningCount).toBe(1);
    expect(file.suppressedMessages).toEqual([
      expect.objectContaining({ ruleId: 'policy-named', line: 4, severity: 2, suppressions: [{ kind: 'directive', justification: 'reviewed' }] }),
    ]);
    const { json } = await import('../src/report/formatters/json.js');
    const { sarif } = await import('../src/report/formatters/sarif.js');
    const ctx = { cwd: r.dir, color: false, rules: TEST_RULES, version: '0.0.0' };
    const eslint = JSON.parse(json(r.results, ctx)) as Array<{ suppressedMessages: unknown[] }>;
    expect(eslint.find((f) => f.suppressedMessages.length)!.suppressedMessages).toEqual([
      { ruleId: 'policy-named', messageId: 'named', severity: 2, message: 'policy a', line: 4, column: 9, endLine: 4, endColumn: 10, suppressions: [{ kind: 'directive', justification: 'reviewed' }] },
    ]);
    // SARIF leaves them out: GitHub code scanning would open an alert for each despite `suppressions`.
    const log = JSON.parse(sarif(r.results, ctx)) as { runs: Array<{ results: Array<{ ruleId: string }> }> };
    expect(log.runs[0]!.results.map((x) => x.ruleId)).toEqual(['policy-other']);
  });

  it('never suppresses an internal error', async () => {
    const broken: Rule = registerRule(
      'policy-broken',
      defineRule({
        meta: { type: 'problem', docs: { description: 'Throws (test rule).' }, messages: {}, schema: [], defaultSeverity: 'error' },
        create: () => ({
          AuthorizationPolicy() {
            throw new Error('boom');
          },
        }),
      }),
    );
    const r = await run({ 'p.yaml': `# meshlint-disable-file\n${policy('a')}` }, { rules: [broken] });
    expect(r.shown).toEqual([expect.stringContaining('[internal-error]')]);
  });
});
