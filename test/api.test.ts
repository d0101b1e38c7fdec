import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { publint } from 'publint';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatResults, lint, RULES, VERSION } from '../src/index.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

const ROOT = join(import.meta.dirname, '..');

describe('import { lint } from "meshlint"', () => {
  it('resolves to the same results as --format json', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, 'broken.yaml': 'apiVersion: v1\nkind: [\n' });
    const api = await lint(['.'], { cwd: dir });
    const viaCli = JSON.parse((await cli(['-f', 'json', '.'], { cwd: dir })).out) as unknown;
    expect(JSON.parse(formatResults(api, 'json', { cwd: dir }))).toEqual(viaCli);
    // Typed results: the finding and the broken file are both there.
    expect(api.map((r) => [r.filePath.slice(dir.length + 1), r.errorCount])).toEqual([
      ['broken.yaml', 1],
      ['namespace.yaml', 0],
      ['policy.yaml', 1],
      ['workloads.yaml', 0],
    ]);
    const finding = api.find((r) => r.filePath.endsWith('policy.yaml'))!.messages[0]!;
    expect(finding).toMatchObject({ ruleId: 'ztunnel-l7-policy', severity: 2, line: 18, column: 9, endLine: 18, endColumn: 16 });
    expect(finding.suggestions?.[0]?.fix).toContain('targetRefs');
  });

  it('takes the CLI options: rules, config, mesh, stdin, inline config', async () => {
    const dir = tempTree({ ...AMBIENT_SHOP, '.meshlint.yaml': 'rules:\n  ztunnel-l7-policy: warn\n' });
    const warned = await lint(['.'], { cwd: dir });
    expect(warned.reduce((n, r) => n + r.warningCount, 0)).toBe(1);
    const noLookup = await lint(['.'], { cwd: dir, configLookup: false });
    expect(noLookup.reduce((n, r) => n + r.errorCount, 0)).toBe(1);
    const off = await lint(['.'], { cwd: dir, rules: { 'ztunnel-l7-policy': 'off' } });
    expect(off.every((r) => r.messages.length === 0)).toBe(true);
    const stdin = await lint(['-'], { cwd: dir, configLookup: false, stdin: { text: Object.values(AMBIENT_SHOP).join('---\n'), filename: 'all.yaml' } });
    expect(stdin.map((r) => r.filePath)).toEqual([join(dir, 'all.yaml')]);
    expect(stdin[0]!.errorCount).toBe(1);
    const directive = { ...AMBIENT_SHOP, 'policy.yaml': AMBIENT_SHOP['policy.yaml']!.replace('methods: ["GET"]', 'methods: ["GET"] # meshlint-disable-line') };
    const d = tempTree(directive);
    expect((await lint(['.'], { cwd: d })).flatMap((r) => r.suppressedMessages)).toHaveLength(1);
    expect((await lint(['.'], { cwd: d, inlineConfig: false })).flatMap((r) => r.messages)).toHaveLength(1);
  });

  it('rejects a path that names nothing, and an invalid config', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    await expect(lint(['nope'], { cwd: dir })).rejects.toThrow('no such file or folder: nope');
    writeFileSync(join(dir, 'bad.yaml'), 'rulez: {}\n');
    await expect(lint(['.'], { cwd: dir, configFile: 'bad.yaml' })).rejects.toThrow(/rulez: unknown key/);
  });

  it('formats results like the CLI, and exports the rules and version', async () => {
    const dir = tempTree(AMBIENT_SHOP);
    const results = await lint(['.'], { cwd: dir });
    expect(formatResults(results, 'github', { cwd: dir })).toContain('::error file=policy.yaml,line=18,');
    expect(JSON.parse(formatResults(results, 'sarif', { cwd: dir })).version).toBe('2.1.0');
    expect(() => formatResults(results, 'xml')).toThrow('unknown format "xml"');
    expect(RULES.map((r) => r.id)).toContain('ztunnel-l7-policy');
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('the npm package', () => {
  let tarball: string;
  let files: string[];
  let unpacked: string;

  beforeAll(() => {
    // dist/ is built by `npm ci` (prepare) or `npm run build`; pack it as it is.
    expect(existsSync(join(ROOT, 'dist', 'index.js')), 'run npm run build first').toBe(true);
    const out = mkdtempSync(join(tmpdir(), 'meshlint-pack-'));
    const json = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', out], { cwd: ROOT, encoding: 'utf8' });
    const info = JSON.parse(json) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(out, info[0]!.filename);
    files = info[0]!.files.map((f) => f.path).sort();
    unpacked = join(out, 'node_modules', 'meshlint');
    mkdirSync(unpacked, { recursive: true });
    execFileSync('tar', ['xzf', tarball, '-C', unpacked, '--strip-components=1']);
  }, 60000);

  it('holds only what users need', () => {
    expect(files).toContain('dist/cli.js');
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/types/src/index.d.ts');
    expect(files).toContain('schema/meshlint.schema.json');
    expect(files).toContain('README.md');
    expect(files).toContain('docs/diagnostics.md');
    for (const r of RULES) expect(files).toContain(`rules/${r.id}/README.md`);
    const stray = files.filter((f) => /^(src|test|fixtures|scripts|examples|node_modules)\//.test(f) || f.endsWith('.map') || f.endsWith('.ts') && !f.endsWith('.d.ts'));
    expect(stray).toEqual([]);
  });

  it('passes publint', async () => {
    // The unpacked tarball is exactly what is published, so publint reads it as it is.
    const result = await publint({ pkgDir: unpacked, pack: false, level: 'suggestion', strict: true });
    expect(result.messages).toEqual([]);
  });

  it('runs from the unpacked tarball alone: the CLI, and the library by its name', () => {
    // No node_modules of its own: everything it runs on is bundled into dist/.
    const dir = tempTree(AMBIENT_SHOP);
    expect(execFileSync(process.execPath, [join(unpacked, 'dist', 'cli.js'), '--version'], { encoding: 'utf8' }).trim()).toBe(VERSION);
    let code = 0;
    let out = '';
    try {
      execFileSync(process.execPath, [join(unpacked, 'dist', 'cli.js'), '-f', 'json', '.'], { cwd: dir, encoding: 'utf8' });
    } catch (err) {
      code = (err as { status: number }).status;
      out = (err as { stdout: string }).stdout;
    }
    expect(code).toBe(1);
    expect(JSON.parse(out)[1].messages[0].ruleId).toBe('ztunnel-l7-policy');
    // `import { lint } from 'meshlint'` from a project that has it in node_modules.
    const script = `import { lint, formatResults } from 'meshlint'; const r = await lint(['.'], { cwd: ${JSON.stringify(dir)} }); console.log(r.reduce((n, f) => n + f.errorCount, 0), typeof formatResults);`;
    const printed = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: join(unpacked, '..', '..'), encoding: 'utf8' });
    expect(printed.trim()).toBe('1 function');
    expect(existsSync(join(unpacked, JSON.parse(readFileSync(join(unpacked, 'package.json'), 'utf8')).types))).toBe(true);
  });
});

describe('lint() checks its rules option as the CLI checks --rule', () => {
  it('rejects an unknown rule id and a severity that is none, accepts numbers', async () => {
    const cwd = join(import.meta.dirname, '..', 'examples');
    await expect(lint(['ambient-shop'], { cwd, configLookup: false, rules: { 'ztunel-l7-policy': 'warn' } })).rejects.toThrow('unknown rule "ztunel-l7-policy" (did you mean "ztunnel-l7-policy"?)');
    await expect(lint(['ambient-shop'], { cwd, configLookup: false, rules: { 'ztunnel-l7-policy': 'loud' as 'warn' } })).rejects.toThrow('rules.ztunnel-l7-policy: the severity is off, warn or error');
    const off = await lint(['ambient-shop'], { cwd, configLookup: false, rules: { 'ztunnel-l7-policy': 0 } });
    expect(off.flatMap((r) => r.messages).filter((m) => m.ruleId === 'ztunnel-l7-policy')).toEqual([]);
  });
});
