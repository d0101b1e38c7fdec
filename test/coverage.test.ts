import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/engine/builtin.js';
import { RULES } from '../src/generated/rules.js';
import { coverageProblems, readCatalogues, renderCoverage, type Catalogue, type CoverageRule } from '../scripts/gen-coverage.mjs';
import { assertBuilt, meshlint, ROOT } from './helpers/cli.js';

// Codes as a contract: every istioctl (and, once docs/coverage/kia.yaml exists, Kiali) code is
// either listed by a rule's aliases or says why not; docs/coverage.md is generated from both.

const rules: CoverageRule[] = [
  ...RULES.map((r) => ({ id: r.id, aliases: r.meta.aliases ?? [], builtin: false })),
  ...Object.entries(BUILTIN).map(([id, m]) => ({ id, aliases: m.aliases ?? [], builtin: true })),
];
const catalogues = readCatalogues();

describe('docs/coverage.md', () => {
  it('is current (npm run docs)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'coverage.md'), 'utf8')).toBe(renderCoverage(rules, catalogues));
  });

  it('every catalogue code has a rule or a why, no covered code keeps a why, every alias is catalogued', () => {
    expect(coverageProblems(rules, catalogues)).toEqual([]);
  });

  it('the IST catalogue lists every code of istio messages.yaml', () => {
    const ist = catalogues.find((c) => c.prefix === 'IST')!;
    expect(ist.codes.length).toBe(68);
    expect(new Set(ist.codes.map((c) => c.code)).size).toBe(68);
    expect(ist.codes.every((c) => /^IST\d{4}$/.test(c.code) && c.name && c.title)).toBe(true);
  });

  it('reads docs/coverage/kia.yaml too when present, and renders a KIA table after the IST one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-coverage-'));
    writeFileSync(join(dir, 'ist.yaml'), 'source: istio\ncodes:\n  - code: IST0127\n    name: NoMatchingWorkloadsFound\n    title: t\n');
    writeFileSync(join(dir, 'kia.yaml'), 'source: kiali\ncodes:\n  - code: KIA0004\n    name: generic.selector.workloadnotfound\n    title: No matching workload\n  - code: KIA9999\n    name: x\n    title: y\n    why: later\n');
    const cats = readCatalogues(dir);
    expect(cats.map((c) => c.prefix)).toEqual(['IST', 'KIA']);
    const md = renderCoverage(rules, cats);
    expect(md.indexOf('Kiali validations (KIA codes)')).toBeGreaterThan(md.indexOf('`istioctl analyze` (IST codes)'));
    expect(md).toContain('| KIA0004 | generic.selector.workloadnotfound | No matching workload | [`policy-selects-nothing`](../rules/policy-selects-nothing/README.md) |');
    expect(md).toContain('| KIA9999 | x | y | none: later |');
  });

  it('the checks catch what they are for', () => {
    const cat: Catalogue = { file: 'x.yaml', prefix: 'IST', heading: 'X', source: 's', codes: [{ code: 'IST0001', name: 'A', title: 't' }, { code: 'IST0002', name: 'B', title: 't', why: 'offline' }] };
    const rs: CoverageRule[] = [{ id: 'r', aliases: ['IST0002', 'IST0999'], builtin: false }];
    expect(coverageProblems(rs, [cat])).toEqual(['x.yaml: IST0001 has no rule and no why', 'x.yaml: IST0002 is covered by r; remove its why', 'r: alias IST0999 is not in x.yaml']);
    const md = renderCoverage(rs, [cat]);
    expect(md).toContain('| IST0002 | B | t | [`r`](../rules/r/README.md) |');
    expect(md).toContain('1 of 2 codes have a meshlint rule');
  });
});

describe('CLI: codes and rule listings', () => {
  beforeAll(assertBuilt);

  it('--explain IST0127 prints the page of the rule that covers it', () => {
    const r = meshlint(['--explain', 'IST0127']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^IST0127 is covered by meshlint rule policy-selects-nothing\.\n\n# policy-selects-nothing/);
  });

  it('--explain of a code several rules cover lists them', () => {
    const covering = rules.filter((x) => x.aliases?.includes('IST0101')).map((x) => x.id);
    expect(covering.length).toBeGreaterThan(1);
    const r = meshlint(['--explain', 'ist0101']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`IST0101 is covered by meshlint rules ${covering.join(', ')}:`);
    for (const id of covering) expect(r.stdout).toMatch(new RegExp(`^  ${id} +\\S`, 'm'));
  });

  it('--explain of a code no rule covers exits 2 and points at the coverage page', () => {
    const r = meshlint(['--explain', 'IST0103']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown rule "IST0103": no meshlint rule lists this code; docs/coverage.md says why');
  });

  it('--list-rules --format json lists every rule and built-in diagnostic', () => {
    const r = meshlint(['--list-rules', '--format', 'json']);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    expect(list.map((l) => l.id)).toEqual([...RULES.map((x) => x.id), ...Object.keys(BUILTIN)]);
    for (const l of list) expect(Object.keys(l)).toEqual(['id', 'aliases', 'defaultSeverity', 'description', 'url', 'builtin']);
    expect(list.find((l) => l.id === 'policy-selects-nothing')).toMatchObject({ aliases: expect.arrayContaining(['IST0127']), defaultSeverity: 'warn', builtin: false, url: expect.stringContaining('rules/policy-selects-nothing/README.md') });
    expect(list.find((l) => l.id === 'schema')).toMatchObject({ aliases: ['IST0002', 'IST0106', 'IST0133'], builtin: true, url: expect.stringContaining('diagnostics.md#schema') });
  });

  it('--list-rules refuses a format it cannot print', () => {
    const r = meshlint(['--list-rules', '--format', 'sarif']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--list-rules prints stylish or json, not "sarif"');
  });
});
