// Kiali's KIA codes reach meshlint rules through `meta.docs.aliases`: `--explain KIA0106` prints the
// rule that covers the code, and the code silences that rule in `meshlint.io/ignore` and in Kiali's
// own `kiali.io/ignore-validations` annotation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
