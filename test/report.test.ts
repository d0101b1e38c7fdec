import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { BUILTIN } from '../src/engine/builtin.js';
import { ROOT } from './helpers/cli.js';
import { RULES } from '../src/generated/rules.js';
import { annotation, escapeData, escapeProperty } from '../src/report/formatters/github.js';
import { ruleName } from '../src/report/formatters/sarif.js';
import type { Diagnostic } from '../src/types.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

const require = createRequire(import.meta.url);
// CommonJS modules: their default export sits one level down under NodeNext.
const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule.default;
// The SARIF 2.1.0 schema and validator shipped by Microsoft's SARIF SDK (@microsoft/sarif-multitool,
// a devDependency): sarif-2.1.0.json is the OASIS schema re-expressed in JSON Schema 2020-12.
const multitoolDir = dirname(require.resolve('@microsoft/sarif-multitool-linux/package.json'));
const sarifSchema = JSON.parse(readFileSync(join(multitoolDir, 'sarif-2.1.0.json'), 'utf8'));

async function sarifOf(dir: string, extra: string[] = []): Promise<Sarif.Log> {
  const r = await cli(['-f', 'sarif', ...extra, '.'], { cwd: dir });
  expect(r.err).toBe('');
  return JSON.parse(r.out) as Sarif.Log;
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema', async () => {
    const log = await sarifOf(tempTree(AMBIENT_SHOP));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    // And the schema is strict enough to catch a broken log.
    const broken = structuredClone(log);
    (broken.runs[0]!.results![0]!.locations![0]!.physicalLocation!.region as Record<string, unknown>).startLine = 0;
    expect(validate(broken)).toBe(false);
  });

  it('carries exact suggestion edits as SARIF fixes, valid against the schema', async () => {
    const log = await sarifOf(join(ROOT, 'fixtures', 'jwt-without-requestauthentication', 'allow-requestprincipals-without-ra'));
    const fixes = (log.runs[0]!.results ?? []).flatMap((r) => r.fixes ?? []);
    expect(fixes.length).toBeGreaterThan(0);
    const replacement = fixes[0]!.artifactChanges[0]!.replacements[0]!;
    expect(replacement.deletedRegion.charOffset).toBeGreaterThan(0);
    expect(replacement.insertedContent?.text).toBeTruthy();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    validate(log);
    expect(validate.errors ?? []).toEqual([]);
  });

  // Errors and warnings; its notes are advice (numeric rule ids, code snippets, URLs it cannot reach offline).
  it('passes the SARIF multitool, with its GitHub Advanced Security ingestion rules', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const log = await sarifOf(dir);
    const input = join(dir, 'out.sarif');
    const report = join(dir, 'validation.sarif');
    writeFileSync(input, JSON.stringify(log));
    execFileSync(join(multitoolDir, 'Sarif.Multitool'), ['validate', input, '-o', report, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Ghas', '--level', 'Error;Warning'], {
      env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', HOME: process.env.HOME ?? tmpdir() },
      stdio: 'pipe',
    });
    const validation = JSON.parse(readFileSync(report, 'utf8')) as Sarif.Log;
    const findings = (validation.runs[0]!.results ?? []).map((r) => `${r.ruleId}: ${r.message.text ?? ''}`);
    expect(findings).toEqual([]);
    // The validator does fire on a log GitHub would reject.
    const broken = structuredClone(log);
    broken.runs[0]!.results![0]!.locations = [];
    writeFileSync(input, JSON.stringify(broken));
    execFileSync(join(multitoolDir, 'Sarif.Multitool'), ['validate', input, '-o', report, '--log', 'ForceOverwrite', '--rule-kind', 'Ghas'], { stdio: 'pipe' });
    const again = JSON.parse(readFileSync(report, 'utf8')) as Sarif.Log;
    expect((again.runs[0]!.results ?? []).length).toBeGreaterThan(0);
  });

  it('describes every rule and built-in diagnostic', async () => {
    const log = await sarifOf(tempTree(AMBIENT_SHOP));
    const driver = log.runs[0]!.tool.driver;
    expect(driver.name).toBe('meshlint');
    expect(driver.informationUri).toMatch(/^https:\/\//);
    const ids = (driver.rules ?? []).map((r) => r.id);
    expect(ids).toEqual([...RULES.map((r) => r.id), ...Object.keys(BUILTIN)]);
    for (const r of driver.rules ?? []) {
      expect(r.name, r.id).toBe(ruleName(r.id));
      expect(r.name!.toLowerCase()).not.toBe(r.id.toLowerCase());
      expect(r.shortDescription?.text, r.id).toBeTruthy();
      expect(r.fullDescription?.text, r.id).toBeTruthy();
      expect(r.help?.text, r.id).toContain(r.helpUri!);
      expect(r.help?.markdown, r.id).toContain(`](${r.helpUri})`);
      expect(['error', 'warning']).toContain(r.defaultConfiguration?.level);
      expect(Array.isArray(r.properties?.tags)).toBe(true);
    }
    const l7 = driver.rules!.find((r) => r.id === 'ztunnel-l7-policy')!;
    expect(l7.help!.markdown).toContain('## What happens at runtime');
    expect(l7.properties!.tags).toContain('ambient');
  });

  it('gives each result its rule index, a relative URI and the exact region (end column exclusive)', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const log = await sarifOf(dir);
    const run = log.runs[0]!;
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.results).toHaveLength(1);
    const result = run.results![0]!;
    expect(run.tool.driver.rules![result.ruleIndex!]!.id).toBe(result.ruleId);
    expect(result.level).toBe('error');
    const loc = result.locations![0]!.physicalLocation!;
    expect(loc.artifactLocation).toEqual({ uri: 'policy.yaml', uriBaseId: '%SRCROOT%' });
    expect(loc.region).toEqual({ startLine: 18, startColumn: 9, endLine: 18, endColumn: 16 });
    // The region covers exactly the key `methods`: SARIF's endColumn is one past the last character.
    const line = AMBIENT_SHOP['policy.yaml']!.split('\n')[17]!;
    expect(line.slice(loc.region!.startColumn! - 1, loc.region!.endColumn! - 1)).toBe('methods');
  });

  it('makes URIs relative to --sarif-base', async () => {
    const dir = tempTree(Object.fromEntries(Object.entries(AMBIENT_SHOP).map(([k, v]) => [`deploy/shop/${k}`, v])));
    const r = await cli(['-f', 'sarif', '--sarif-base', 'deploy', 'deploy/shop'], { cwd: dir });
    const log = JSON.parse(r.out) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('shop/policy.yaml');
    const plain = await sarifOf(join(dir, 'deploy'));
    expect(plain.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('shop/policy.yaml');
    // Outside the base: an absolute file URI, never a "../" path GitHub cannot place.
    const outside = await cli(['-f', 'sarif', '--sarif-base', join(dir, 'elsewhere'), 'deploy'], { cwd: dir });
    const uri = (JSON.parse(outside.out) as Sarif.Log).runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!;
    expect(uri.uri).toBe(`file://${join(dir, 'deploy/shop/policy.yaml')}`);
    expect(uri.uriBaseId).toBeUndefined();
  });

  it('keeps fingerprints stable when lines move, and distinct for distinct findings', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const before = (await sarifOf(dir)).runs[0]!.results![0]!;
    writeFileSync(join(dir, 'policy.yaml'), `# a comment\n# another\n${AMBIENT_SHOP['policy.yaml']}`);
    const after = (await sarifOf(dir)).runs[0]!.results![0]!;
    expect(after.locations![0]!.physicalLocation!.region!.startLine).toBe(20);
    expect(after.partialFingerprints).toEqual(before.partialFingerprints);
    expect(Object.values(before.partialFingerprints!)[0]).toMatch(/^[0-9a-f]{32}$/);
    // A second, identical policy in another file gets another fingerprint.
    writeFileSync(join(dir, 'policy2.yaml'), AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'cart-get-only-2'));
    const both = (await sarifOf(dir)).runs[0]!.results!;
    expect(both).toHaveLength(2);
    expect(both[0]!.partialFingerprints).not.toEqual(both[1]!.partialFingerprints);
  });

  it('is valid with no findings', async () => {
    const dir = tempTree({ 'ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    const r = await cli(['-f', 'sarif', '.'], { cwd: dir });
    expect(r.code).toBe(0);
    const log = JSON.parse(r.out) as Sarif.Log;
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
  });
});

function diag(over: Partial<Diagnostic>): Diagnostic {
  return { ruleId: 'ztunnel-l7-policy', severity: 2, message: 'm', file: '/x', line: 3, column: 5, endLine: 3, endColumn: 12, ...over };
}

describe('github', () => {
  it('writes one annotation per finding with the full single-line range', () => {
    expect(annotation(diag({}), 'deploy/p.yaml')).toBe('::error file=deploy/p.yaml,line=3,endLine=3,col=5,endColumn=12,title=meshlint ztunnel-l7-policy::m');
    expect(annotation(diag({ severity: 1 }), 'p.yaml')).toMatch(/^::warning file=p\.yaml,/);
  });

  it('sends columns only for single-line ranges', () => {
    expect(annotation(diag({ endLine: 9, endColumn: 2 }), 'p.yaml')).toBe('::error file=p.yaml,line=3,endLine=9,title=meshlint ztunnel-l7-policy::m');
  });

  it('escapes %, CR and LF in messages, and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext: a,b')).toBe('100%25 done%0D%0Anext: a,b');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const line = annotation(diag({ message: 'ports: 80,443\n50% of "x"' }), 'dir,with:odd%name.yaml');
    expect(line).toBe('::error file=dir%2Cwith%3Aodd%25name.yaml,line=3,endLine=3,col=5,endColumn=12,title=meshlint ztunnel-l7-policy::ports: 80,443%0A50%25 of "x"');
    // One finding is one line, whatever the message holds.
    expect(line.split('\n')).toHaveLength(1);
  });

  it('groups per file, and is the default format in GitHub Actions', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, 'b/policy.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'cart-b') });
    const r = await cli(['.'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code).toBe(1);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toEqual([
      '::group::b/policy.yaml',
      expect.stringMatching(/^::error file=b\/policy\.yaml,line=18,endLine=18,col=9,endColumn=16,title=meshlint ztunnel-l7-policy::AuthorizationPolicy "cart-b" /),
      '::endgroup::',
      '::group::policy.yaml',
      expect.stringMatching(/^::error file=policy\.yaml,line=18,endLine=18,col=9,endColumn=16,title=meshlint ztunnel-l7-policy::AuthorizationPolicy "cart-get-only" /),
      '::endgroup::',
      'meshlint: 2 errors and 0 warnings.',
    ]);
    // Outside Actions the default stays stylish; --format always wins.
    expect((await cli(['.'], { cwd: dir })).out).not.toContain('::error');
    expect((await cli(['-f', 'json', '.'], { cwd: dir, env: { GITHUB_ACTIONS: 'true' } })).out.startsWith('[')).toBe(true);
  });

  it('appends a Markdown summary of every finding to $GITHUB_STEP_SUMMARY', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, 'b/policy.yaml': AMBIENT_SHOP['policy.yaml']!.replace('cart-get-only', 'cart|b') });
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'earlier step\n');
    const env = { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc123' };
    await cli(['-f', 'github', '.'], { cwd: dir, env });
    const md = readFileSync(summary, 'utf8');
    expect(md.startsWith('earlier step\n### meshlint\n\n2 errors and 0 warnings in 2 files.\n')).toBe(true);
    expect(md).toContain('| Severity | Location | Rule | Message |');
    expect(md).toContain('| error | [policy.yaml:18:9](https://github.com/o/r/blob/abc123/policy.yaml#L18) | [ztunnel-l7-policy](https://github.com/meshlint/meshlint/blob/main/rules/ztunnel-l7-policy/README.md) |');
    // A pipe in a message cannot break the table.
    const row = md.split('\n').find((l) => l.includes('b/policy.yaml'))!;
    expect(row).toContain('cart\\|b');
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
    // Without the variable nothing is written anywhere.
    const clean = tempTree({ 'ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    await cli(['-f', 'github', '.'], { cwd: clean, env: { GITHUB_STEP_SUMMARY: join(clean, 's.md') } });
    expect(readFileSync(join(clean, 's.md'), 'utf8')).toBe('### meshlint\n\nNo problems found.\n\n');
    expect(existsSync(join(clean, 'other.md'))).toBe(false);
  });
});

describe('progress', () => {
  const many = Object.fromEntries(Array.from({ length: 320 }, (_, i) => [`ns/${String(i).padStart(3, '0')}.yaml`, `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns-${i}\n`]));

  it('is drawn on a terminal stderr for a few hundred files, then erased', async () => {
    const dir = tempTree(many);
    const r = await cli(['ns'], { cwd: dir, errIsTTY: true, env: {} });
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err.startsWith('\rmeshlint: reading 0/320 files\x1b[K')).toBe(true);
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
  });

  it('never appears off a terminal, in CI, or for small runs', async () => {
    const dir = tempTree(many);
    expect((await cli(['ns'], { cwd: dir, errIsTTY: false, env: {} })).err).toBe('');
    expect((await cli(['ns'], { cwd: dir, errIsTTY: true, env: { CI: 'true' } })).err).toBe('');
    expect((await cli(['ns'], { cwd: dir, errIsTTY: true, env: { GITHUB_ACTIONS: 'true' } })).err).toBe('');
    expect((await cli(['ns/000.yaml', 'ns/001.yaml'], { cwd: dir, errIsTTY: true, env: {} })).err).toBe('');
  });
});
