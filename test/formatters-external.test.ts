import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatterPackage } from '../src/report/external-formatter.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';
import { ROOT } from './helpers/cli.js';

// `--format` takes ESLint formatters too: an installed eslint-formatter-<name> package (resolved
// from the working directory, as ESLint does) or a path to a formatter module. They read the same
// results as --format json, with ESLint's context (cwd, rulesMeta, maxWarningsExceeded).

describe('ESLint formatter packages', () => {
  it('names as ESLint normalizes them', () => {
    expect(formatterPackage('junit')).toBe('eslint-formatter-junit');
    expect(formatterPackage('eslint-formatter-junit')).toBe('eslint-formatter-junit');
    expect(formatterPackage('@acme/report')).toBe('@acme/eslint-formatter-report');
    expect(formatterPackage('@acme')).toBe('@acme/eslint-formatter');
    expect(formatterPackage('@acme/eslint-formatter-x')).toBe('@acme/eslint-formatter-x');
  });

  it('eslint-formatter-junit reads the results: one failure per finding', async () => {
    const r = await cli(['-f', 'junit', 'examples/ambient-shop'], { cwd: ROOT });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<testsuites>/);
    const json = JSON.parse((await cli(['-f', 'json', 'examples/ambient-shop'], { cwd: ROOT })).out) as Array<{ messages: unknown[] }>;
    const findings = json.reduce((n, f) => n + f.messages.length, 0);
    expect(findings).toBeGreaterThan(0);
    expect(r.out.match(/<failure message=/g)).toHaveLength(findings);
    expect(r.out).toContain('name="org.eslint.ztunnel-l7-policy"');
  });

  it('eslint-formatter-checkstyle reads them too', async () => {
    const r = await cli(['-f', 'checkstyle', 'examples/ambient-shop'], { cwd: ROOT });
    expect(r.out).toContain('<checkstyle version="4.3">');
    expect(r.out).toMatch(/<error line="18" column="9" severity="error" message="AuthorizationPolicy &quot;cart-get-only&quot;[^"]*" source="eslint\.rules\.ztunnel-l7-policy" \/>/);
  });

  it('a package that is not installed is a usage error naming it', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const r = await cli(['-f', 'junit', '.'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.err).toBe('meshlint: "junit" is not a built-in format, and no package eslint-formatter-junit is installed where meshlint runs (npm install -D eslint-formatter-junit); the built-in formats are stylish, json, sarif, github\n');
    expect(r.out).toBe('');
  });
});

describe('a formatter module by path', () => {
  it('gets the results, cwd, rulesMeta and maxWarningsExceeded; may be async', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, '.meshlint.yaml': 'rules:\n  ztunnel-l7-policy: warn\n' });
    writeFileSync(
      join(dir, 'fmt.mjs'),
      `export default async function (results, context) {
  const messages = results.flatMap((r) => r.messages);
  const meta = context.rulesMeta['ztunnel-l7-policy'];
  return JSON.stringify({ files: results.length, messages: messages.map((m) => m.ruleId), cwd: context.cwd, url: meta.docs.url, type: meta.type, exceeded: context.maxWarningsExceeded ?? null, schema: context.rulesMeta.schema.docs.description.length > 0 });
}
`,
    );
    const r = await cli(['-f', './fmt.mjs', '--max-warnings', '0', '.'], { cwd: dir });
    const out = JSON.parse(r.out) as Record<string, unknown>;
    expect(out).toEqual({
      files: 3,
      messages: ['ztunnel-l7-policy'],
      cwd: dir,
      url: expect.stringContaining('ztunnel-l7-policy'),
      type: 'problem',
      exceeded: { maxWarnings: 0, foundWarnings: 1 },
      schema: true,
    });
    expect(r.code).toBe(1);
  });

  it('a module that exports no function, or does not load, is a usage error', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, 'not-a-formatter.mjs': 'export const x = 1;\n', 'broken.mjs': 'export default (\n' });
    const none = await cli(['-f', './not-a-formatter.mjs', '.'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(none.err).toContain('not-a-formatter.mjs does not export a formatter function');
    const broken = await cli(['-f', './broken.mjs', '.'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.err).toMatch(/cannot load the formatter .*broken\.mjs: /);
    const missing = await cli(['-f', './nowhere.mjs', '.'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/cannot load the formatter .*nowhere\.mjs/);
  });
});
