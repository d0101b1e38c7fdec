// Kiali's KIA codes reach meshlint rules through `meta.docs.aliases`: `--explain KIA0106` prints the
// rule that covers the code, and the code silences that rule in `meshlint.io/ignore` and in Kiali's
// own `kiali.io/ignore-validations` annotation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../src/generated/rules.js';
import { cli, tempTree } from './helpers/run-cli.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'principal-never-matches', 'foreign-trust-domain');

/** The fixture's files, with `annotation` (a YAML mapping line) added to the policy's metadata. */
function tree(annotation?: string): string {
  const files: Record<string, string> = {};
  for (const f of readdirSync(FIXTURE).filter((n) => n.endsWith('.yaml'))) files[f] = readFileSync(join(FIXTURE, f), 'utf8');
  if (annotation) files['policy.yaml'] = files['policy.yaml']!.replace('  namespace: shop\n', `  namespace: shop\n  annotations:\n    ${annotation}\n`);
  return tempTree(files);
}

async function lintTree(annotation?: string) {
  const dir = tree(annotation);
  return cli(['--format', 'json', '--rule', 'principal-never-matches:error', '.'], { cwd: dir });
}

function ruleIds(out: string): string[] {
  return (JSON.parse(out) as Array<{ messages: Array<{ ruleId: string }> }>).flatMap((r) => r.messages.map((m) => m.ruleId));
}

describe('KIA codes as aliases', () => {
  it('--explain KIA0106 names the rule that covers it and prints its page, in any case', async () => {
    for (const code of ['KIA0106', 'kia0106']) {
      const r = await cli(['--explain', code], { cwd: FIXTURE });
      expect(r.code).toBe(0);
      expect(r.out.startsWith('KIA0106 is covered by meshlint rule principal-never-matches.\n\n# principal-never-matches')).toBe(true);
      expect(r.out).toContain('## Aliases');
    }
  });

  it('--explain of a code no rule lists is an unknown rule (exit 2)', async () => {
    const r = await cli(['--explain', 'KIA9999'], { cwd: FIXTURE });
    expect(r.code).toBe(2);
    expect(r.err).toContain('unknown rule "KIA9999"');
  });

  it('the finding is there without an annotation', async () => {
    const r = await lintTree();
    expect(ruleIds(r.out)).toEqual(['principal-never-matches']);
  });

  it('meshlint.io/ignore: KIA0106 and KIA0108 silence principal-never-matches', async () => {
    for (const code of ['KIA0106', 'KIA0108']) {
      const r = await lintTree(`meshlint.io/ignore: ${code} -- partner mesh, trusted by caCertificates`);
      expect(r.code).toBe(0);
      expect(ruleIds(r.out)).toEqual([]);
    }
  });

  it("kiali.io/ignore-validations: KIA0106 silences it; another rule's code does not", async () => {
    expect(ruleIds((await lintTree('kiali.io/ignore-validations: "KIA0101,KIA0106"')).out)).toEqual([]);
    expect(ruleIds((await lintTree('kiali.io/ignore-validations: KIA0105')).out)).toEqual(['principal-never-matches']);
  });
});

describe('docs/coverage/kia.yaml', () => {
  const catalogue = parse(readFileSync(join(import.meta.dirname, '..', 'docs', 'coverage', 'kia.yaml'), 'utf8')) as Array<{ code: string; title: string; why?: string; rule?: null }>;
  const aliased = new Map<string, string[]>();
  for (const r of RULES) for (const code of r.meta.aliases ?? []) if (code.startsWith('KIA')) aliased.set(code, [...(aliased.get(code) ?? []), r.id]);

  it('lists each Kiali code once, with its title', () => {
    const codes = catalogue.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const e of catalogue) {
      expect(e.code).toMatch(/^KIA\d{4}$/);
      expect(e.title.length).toBeGreaterThan(10);
    }
  });

  it('every code is covered by a rule alias, says why not, or is left to the istioctl work', () => {
    for (const e of catalogue) {
      const covered = aliased.has(e.code);
      const open = 'rule' in e;
      expect(covered || e.why !== undefined || open, `${e.code}: no rule, no why`).toBe(true);
      expect(covered && e.why !== undefined, `${e.code}: covered by ${aliased.get(e.code)?.join(', ')} but also says why not`).toBe(false);
    }
  });

  it('every KIA alias of a rule is a Kiali code', () => {
    const codes = new Set(catalogue.map((e) => e.code));
    for (const code of aliased.keys()) expect(codes.has(code), code).toBe(true);
  });
});
