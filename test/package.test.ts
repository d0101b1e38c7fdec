import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
  dependencies?: Record<string, string>;
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
  scripts: Record<string, string>;
};

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

function packageName(specifier: string): string {
  return specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
}

/** Packages (not Node's builtins, not relative files) a JavaScript bundle imports at run time. */
function bareImports(code: string): string[] {
  const specs = [
    ...code.matchAll(/^\s*import\s[^'"]*?from\s*["']([^"']+)["'];?\s*$/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["'];?\s*$/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    // require(), esbuild's __require() and require.resolve(), but not the text of generated code ('require("…")').
    ...code.matchAll(/(?<![\w'"`])\w*require\d*(?:\.resolve)?\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]!);
  return specs.filter((s) => !s.startsWith('.') && !s.startsWith('node:') && !builtinModules.includes(s)).map(packageName);
}

describe('package.json', () => {
  // The bundle is self-contained but for elkjs, whose browser bundle `graph --format html` reads
  // from node_modules to inline it into the page (src/graph/html.ts).
  it('depends at run time on exactly the packages the bundle loads', () => {
    expect(pkg.dependencies).toEqual({ elkjs: pkg.dependencies?.elkjs });
    const loaded = new Set(
      filesUnder(join(ROOT, 'dist'))
        .filter((f) => f.endsWith('.js'))
        .flatMap((f) => bareImports(readFileSync(f, 'utf8'))),
    );
    expect([...loaded].sort()).toEqual(Object.keys(pkg.dependencies ?? {}).sort());
    const sample = "import { a } from 'x';\nimport 'y';\nconst z = await import(\"z\");\n__require('w');\nrequire2.resolve('v/lib/v.js');\nimport { b } from 'node:fs';\nimport 'process';\nc = 'require(\"u\").default';\n";
    expect(bareImports(sample)).toEqual(['x', 'y', 'z', 'w', 'v']);
  });

  // dist/ is committed: a build elsewhere must give the same bytes.
  it('has no path of the machine it was built on in the bundle or the declarations', () => {
    const files = filesUnder(join(ROOT, 'dist')).filter((f) => /\.(js|d\.ts)$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    expect(files.filter((f) => readFileSync(f, 'utf8').includes(ROOT))).toEqual([]);
  });

  // Optional: `npm i meshlint` brings them (the API's types resolve), an offline install, an old
  // Node they do not support (@eslint/core) or --omit=optional skips them, and the CLI never loads them.
  it('has the packages its type declarations refer to as optional dependencies, at the versions built with', () => {
    const referenced = new Set<string>();
    for (const f of filesUnder(join(ROOT, 'dist', 'types')).filter((f) => f.endsWith('.d.ts'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:from |import\()\s*['"]([^'"./][^'"]*)['"]/g)) {
        if (m[1]!.startsWith('node:')) continue;
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        // A bare `unist`/`json-schema` resolves to @types/unist, @types/json-schema.
        referenced.add(pkg.devDependencies[name] ? name : `@types/${name}`);
      }
    }
    expect([...referenced].sort()).toEqual(Object.keys(pkg.optionalDependencies).sort());
    for (const name of referenced) expect(pkg.optionalDependencies[name], name).toBe(pkg.devDependencies[name]);
  });

  it('builds in prepare only when the build tools are there', () => {
    expect(pkg.scripts.prepare).toBe('node scripts/prepare.mjs');
    // A clone without devDependencies (pre-commit 4's `npm install -g git+file://…`).
    const clone = mkdtempSync(join(tmpdir(), 'meshlint-clone-'));
    try {
      mkdirSync(join(clone, 'scripts'));
      for (const f of ['package.json', 'scripts/prepare.mjs']) writeFileSync(join(clone, f), readFileSync(join(ROOT, f)));
      const r = spawnSync(process.execPath, [join(clone, 'scripts', 'prepare.mjs')], { cwd: clone, encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('esbuild and typescript not installed; using the committed dist/');
    } finally {
      rmSync(clone, { recursive: true, force: true });
    }
  });
});

// Offline, with an empty npm cache: the tarball installs with its one dependency (packed from
// node_modules, as the registry would serve it) and nothing else.
describe('the packed tarball', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-pack-'));
  const app = join(tmp, 'app');
  const bin = join(app, 'node_modules', '.bin', 'meshlint');
  let packed: { filename: string; files: Array<{ path: string }> };
  let install: ReturnType<typeof spawnSync>;
  const npm = (args: string[], cwd: string) =>
    spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_cache: join(tmp, 'empty-cache'), npm_config_update_notifier: 'false' } });

  beforeAll(() => {
    // --ignore-scripts: `prepare` would rebuild dist/ under the other test files' feet.
    const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp], ROOT);
    expect(pack.status, pack.stderr).toBe(0);
    packed = (JSON.parse(pack.stdout) as Array<typeof packed>)[0]!;
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), '{ "name": "app", "private": true }\n');
    const elkjs = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', tmp, join(ROOT, 'node_modules', 'elkjs')], ROOT);
    expect(elkjs.status, elkjs.stderr).toBe(0);
    const elkjsFile = (JSON.parse(elkjs.stdout) as Array<{ filename: string }>)[0]!.filename;
    install = npm(['install', '--engine-strict', '--offline', '--no-audit', '--no-fund', join(tmp, packed.filename), join(tmp, elkjsFile)], app);
  }, 240000);
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds the bundle, its chunks and types, and no source maps, sources or tests', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['dist/cli.js', 'dist/worker.js', 'dist/index.js', 'dist/rule-tester.js', 'dist/types/src/index.d.ts', 'dist/types/src/rule-tester.d.ts', 'README.md', 'LICENSE', 'package.json']) expect(paths).toContain(p);
    expect(paths.some((p) => p.startsWith('dist/chunks/'))).toBe(true);
    expect(paths.filter((p) => p.endsWith('.map') || p === 'dist/action.js' || /^(src|test|fixtures|scripts|node_modules)\//.test(p))).toEqual([]);
  });

  it('installs offline with --engine-strict and an empty cache, and nothing else comes with it', () => {
    expect(install.status, String(install.stderr)).toBe(0);
    // (npm 11.19+ notes that it skipped the `prepare` of a package from a file, as it does for git
    // sources; from the registry `prepare` is no install script. dist/ is prebuilt either way.)
    expect(String(install.stderr)).not.toMatch(/EBADENGINE|ERR/i);
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['elkjs', 'meshlint']);
  });

  it('runs: --version, a lint with findings, the worker threads, graph --format html, and the library', () => {
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toBe(pkg.version);
    // Every fixture at once, as the repository's own build lints them (CRD schemas, ajv, all rules).
    const lint = (cli: string[], env: Record<string, string> = {}) => spawnSync(cli[0]!, [...cli.slice(1), '-f', 'json', 'fixtures'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
    const own = lint([process.execPath, join(ROOT, 'dist', 'cli.js')]);
    const installed = lint([bin]);
    expect(installed.status, installed.stderr).toBe(1);
    expect(installed.stdout).toBe(own.stdout);
    expect(JSON.parse(installed.stdout).length).toBeGreaterThan(100);
    const threaded = lint([bin], { MESHLINT_JOBS: '3' });
    expect(threaded.stderr).toBe('');
    expect(threaded.stdout).toBe(own.stdout);
    const html = spawnSync(bin, ['graph', '--format', 'html', join(ROOT, 'examples')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(html.status, html.stderr).toBe(0);
    expect(html.stdout).toContain('org.eclipse.elk.layered.directionCongruency'); // from elkjs's browser bundle, read from the dependency
    const api = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import { lint, VERSION } from 'meshlint'; import { RuleTester } from 'meshlint/rule-tester'; const r = await lint([process.argv[1]]); console.log(VERSION, typeof RuleTester, r.reduce((n, f) => n + f.errorCount, 0) > 0);", join(ROOT, 'fixtures', 'ztunnel-l7-policy')],
      { cwd: app, encoding: 'utf8' },
    );
    expect(api.stderr).toBe('');
    expect(api.stdout.trim()).toBe(`${pkg.version} function true`);
  }, 120000);

  it('type-checks an API user with skipLibCheck off once the optional dependencies (and @types/node) are there', () => {
    for (const name of [...Object.keys(pkg.optionalDependencies), '@types/node']) {
      mkdirSync(join(app, 'node_modules', dirname(name)), { recursive: true });
      symlinkSync(join(ROOT, 'node_modules', name), join(app, 'node_modules', name));
    }
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, skipLibCheck: false, noEmit: true, types: ['node'] }, files: ['use.mts'] }));
    writeFileSync(
      join(app, 'use.mts'),
      [
        "import { defineRule, lint, type FileResult } from 'meshlint';",
        "import { RuleTester } from 'meshlint/rule-tester';",
        "export const rule = defineRule<'m'>({ meta: { type: 'problem', docs: { description: 'd' }, messages: { m: 'm' }, schema: [], defaultSeverity: 'warn' }, create: () => ({}) });",
        "export const results: Promise<FileResult[]> = lint(['.']);",
        'export const tester: typeof RuleTester = RuleTester;',
        '',
      ].join('\n'),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, 120000);
});
