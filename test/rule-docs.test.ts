import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { END, parseSpec, renderExamples, resolveCases, ruleIds, START, updateReadme } from '../scripts/gen-rule-docs.mjs';

// A rule README's examples are generated from its fixtures (scripts/gen-rule-docs.mjs); this fails
// when one is stale, so the YAML and diagnostics a user reads are the ones the tests run.

const ROOT = join(import.meta.dirname, '..');
const RULES_DIR = join(ROOT, 'rules');
const FIXTURES_DIR = join(ROOT, 'fixtures');
const STALE = 'run `npm run docs` and commit the result';

const ruleFolders = readdirSync(RULES_DIR)
  .filter((d) => statSync(join(RULES_DIR, d)).isDirectory())
  .sort();

describe('rule READMEs: generated examples', () => {
  it('every rule folder has a README the script handles', () => {
    expect(ruleIds(RULES_DIR)).toEqual(ruleFolders);
    expect(ruleFolders.length).toBeGreaterThan(0);
  });

  describe.each(ruleFolders)('%s', (id) => {
    const text = readFileSync(join(RULES_DIR, id, 'README.md'), 'utf8');

    it('has the examples markers in its "## Examples" section', () => {
      const examples = text.search(/^## Examples\s*$/m);
      const next = text.slice(examples + 1).search(/^## /m) + examples + 1;
      expect(examples, 'no "## Examples" section').toBeGreaterThanOrEqual(0);
      expect(text.indexOf(START), `no ${START}`).toBeGreaterThan(examples);
      expect(text.indexOf(END), `no ${END}`).toBeGreaterThan(text.indexOf(START));
      expect(text.indexOf(END)).toBeLessThan(next);
    });

    it('its examples are what the script generates from the fixtures now', () => {
      expect(text, `rules/${id}/README.md is stale: ${STALE}`).toBe(updateReadme(text, id, FIXTURES_DIR));
    });

    it('shows at least one firing and one clean case, each with YAML', () => {
      const cases = resolveCases(id, FIXTURES_DIR, parseSpec(text));
      expect(cases.some((c) => !c.clean && c.lines.some((l) => l.endsWith(` [${id}]`)))).toBe(true);
      expect(cases.some((c) => c.clean && c.lines.length === 0)).toBe(true);
      for (const c of cases) {
        expect(c.files.length, c.name).toBeGreaterThan(0);
        for (const f of c.files) expect(text, `${c.name}/${f.name}`).toContain(f.text.replace(/\n+$/, ''));
        for (const l of c.lines) expect(text).toContain(l);
      }
    });
  });
});

describe('gen-rule-docs', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-rule-docs-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  const POLICY = 'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: p\n';
  /** fixtures/demo-rule/<case>/ with the given files. */
  function fixtures(cases: Record<string, Record<string, string>>): string {
    const dir = mkdtempSync(join(tmp, 'f-'));
    for (const [name, files] of Object.entries(cases)) {
      mkdirSync(join(dir, 'demo-rule', name), { recursive: true });
      for (const [f, t] of Object.entries(files)) writeFileSync(join(dir, 'demo-rule', name, f), t);
    }
    return dir;
  }
  const FIRES = 'policy.yaml:4:9: AuthorizationPolicy "p" is wrong. Fix it. [demo-rule]\n';
  const readme = (spec = '') => `# demo-rule\n\n## How to fix\n\nText.\n\n## Examples\n\nBefore.\n\n${spec}${START}\nold\n${END}\n\nAfter.\n\n## Sources\n\n- x\n`;

  it('reads the case list and the files to show', () => {
    expect(parseSpec(readme('<!-- examples: a-case (policy.yaml, ns.yaml), ok-b -->\n'))).toEqual([{ name: 'a-case', files: ['policy.yaml', 'ns.yaml'] }, { name: 'ok-b' }]);
    expect(parseSpec(readme())).toBeUndefined();
    expect(() => parseSpec(readme('<!-- examples: a (x.yaml, ok-b -->\n'))).toThrow(/cannot read/);
  });

  it('without a list: the first firing case and the first ok-* case, alphabetically', () => {
    const dir = fixtures({
      'a-silent': { 'policy.yaml': POLICY, 'expected.out': '' },
      'b-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'c-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'ok-y': { 'policy.yaml': POLICY, 'expected.out': '' },
      'ok-x': { 'policy.yaml': POLICY, 'expected.out': '' },
    });
    expect(resolveCases('demo-rule', dir, undefined).map((c) => c.name)).toEqual(['b-fires', 'ok-x']);
  });

  it('replaces only the block, keeps the prose around it, and is stable', () => {
    const dir = fixtures({
      'a-fires': { 'policy.yaml': POLICY, 'workloads.yaml': 'kind: Deployment\n', 'expected.out': FIRES },
      'ok-clean': { 'policy.yaml': `# fixed\r\n${POLICY.replace(/\n/g, '\r\n')}`, 'expected.out': '' },
    });
    const text = readme('<!-- examples: a-fires (policy.yaml), ok-clean -->\n');
    const out = updateReadme(text, 'demo-rule', dir);
    expect(out).not.toContain('\nold\n');
    expect(out.startsWith(text.slice(0, text.indexOf(START) + START.length))).toBe(true);
    expect(out.endsWith(text.slice(text.indexOf(END)))).toBe(true);
    expect(out).toContain(`Incorrect (fixtures/demo-rule/a-fires):\n\n\`policy.yaml\`:\n\n\`\`\`yaml\n${POLICY}\`\`\`\n\nAlso in the case, not shown: \`workloads.yaml\`.\n\nmeshlint reports:\n\n\`\`\`text\n${FIRES}\`\`\``);
    expect(out).toContain(`Correct (fixtures/demo-rule/ok-clean):\n\n\`policy.yaml\`:\n\n\`\`\`yaml\n# fixed\n${POLICY}\`\`\`\n\nmeshlint reports nothing for this rule.`);
    expect(out).not.toContain('\r');
    expect(updateReadme(out, 'demo-rule', dir)).toBe(out);
  });

  it('a fence the YAML cannot close', () => {
    const yaml = 'description: |\n  ```sh\n  kubectl apply\n  ```\n';
    const out = renderExamples('demo-rule', [{ name: 'ok-a', clean: true, files: [{ name: 'a.yaml', text: yaml }], hidden: [], lines: [] }]);
    expect(out).toContain(`\`\`\`\`yaml\n${yaml}\`\`\`\``);
  });

  it('refuses a README without markers, or with them outside "## Examples"', () => {
    const dir = fixtures({ 'a-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES }, 'ok-a': { 'policy.yaml': POLICY, 'expected.out': '' } });
    expect(() => updateReadme(readme().replace(`${START}\nold\n${END}\n`, ''), 'demo-rule', dir)).toThrow(/has no <!-- examples:start -->/);
    const outside = readme().replace(`${START}\nold\n${END}\n`, '').replace('Text.', `${START}\n${END}`);
    expect(() => updateReadme(outside, 'demo-rule', dir)).toThrow(/"## Examples" section/);
    expect(() => updateReadme(readme().replace('After.', `${START}\n${END}`), 'demo-rule', dir)).toThrow(/more than one/);
  });

  it('refuses a case list the fixtures do not bear out', () => {
    const dir = fixtures({
      'a-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'b-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'c-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'd-other-rule': { 'policy.yaml': POLICY, 'expected.out': FIRES.replace('[demo-rule]', '[other-rule]') },
      'ok-clean': { 'policy.yaml': POLICY, 'expected.out': '' },
      'ok-fires': { 'policy.yaml': POLICY, 'expected.out': FIRES },
      'no-expected': { 'policy.yaml': POLICY },
    });
    const bad = (spec: string) => () => updateReadme(readme(`<!-- examples: ${spec} -->\n`), 'demo-rule', dir);
    expect(bad('missing, ok-clean')).toThrow(/fixtures\/demo-rule\/missing does not exist/);
    expect(bad('d-other-rule, ok-clean')).toThrow(/does not fire demo-rule/);
    expect(bad('a-fires, ok-fires')).toThrow(/ok-\* case but expects diagnostics/);
    expect(bad('no-expected, ok-clean')).toThrow(/has no expected.out/);
    expect(bad('a-fires (nope.yaml), ok-clean')).toThrow(/nope.yaml is not a YAML file of the case/);
    expect(bad('a-fires (../a-fires/policy.yaml), ok-clean')).toThrow(/not a YAML file of the case/);
    expect(bad('a-fires, b-fires, c-fires, ok-clean')).toThrow(/one or two firing cases/);
    expect(bad('a-fires')).toThrow(/one or two ok-\* cases/);
    expect(bad('ok-clean, a-fires')).toThrow(/firing cases before/);
    expect(bad('a-fires, ok-clean')).not.toThrow();
  });
});
