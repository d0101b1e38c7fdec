import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The layer order of the code (issue 11): every import, type-only ones included, goes to the same
 * layer or one below. A file is placed by its folder; files at the top of `src/` are placed one by
 * one. A new folder or top-level file must be given a layer here before it is used.
 */
const LAYERS: ReadonlyArray<{ layer: number; name: string; paths: readonly string[] }> = [
  // Shared vocabulary and helpers that know nothing of manifests: diagnostic types, text helpers,
  // the version string.
  { layer: 0, name: 'base', paths: ['src/types.ts', 'src/util/', 'src/version.ts'] },
  // Reading files, YAML and Helm output into resources with positions.
  { layer: 1, name: 'load', paths: ['src/load/'] },
  // The index of the input: resources, kinds, workloads, data planes, mesh settings.
  { layer: 2, name: 'model', paths: ['src/model/'] },
  // Istio's semantics over the index: policy attachment, waypoint binding, the evaluator (authz);
  // effective mTLS and what clients send (mtls). The two are peers and may use each other.
  { layer: 3, name: 'semantics', paths: ['src/authz/', 'src/mtls/'] },
  // The facade rules and commands ask: the index plus the semantics as methods.
  { layer: 4, name: 'mesh', paths: ['src/mesh/'] },
  // The lint run. `config.ts` resolves `.meshlint.yaml`, which only the run and the commands
  // read; `fixes.ts` builds rule suggestions from the facade, a service to rules like the
  // engine's rule API.
  // src/graph/: the access graph and diff, computed with the evaluator over the model, drawn by the CLI.
  { layer: 5, name: 'engine', paths: ['src/engine/', 'src/graph/', 'src/config.ts', 'src/fixes.ts'] },
  { layer: 6, name: 'rules', paths: ['rules/'] },
  // The registry and docs generated from rules/ (scripts/gen-rules.mjs).
  { layer: 7, name: 'generated', paths: ['src/generated/'] },
  { layer: 8, name: 'report', paths: ['src/report/'] },
  // The command line, the GitHub Action (which runs the CLI), the language server and the programmatic API: the top,
  // free to use everything.
  { layer: 9, name: 'cli', paths: ['src/cli/', 'src/action/', 'src/lsp/', 'src/index.ts', 'src/rule-tester.ts'] },
];

/**
 * Imports that run up a layer and cannot move yet, as `from -> to` with the reason. Keep it empty.
 */
const KNOWN_EXCEPTIONS: Readonly<Record<string, string>> = {};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const posix = (p: string) => p.split(sep).join('/');

function layerOf(file: string): { layer: number; name: string } | undefined {
  let best: { layer: number; name: string; len: number } | undefined;
  for (const l of LAYERS) {
    for (const p of l.paths) {
      const hit = p.endsWith('/') ? file.startsWith(p) : file === p;
      if (hit && (!best || p.length > best.len)) best = { layer: l.layer, name: l.name, len: p.length };
    }
  }
  return best && { layer: best.layer, name: best.name };
}

function sourcesUnder(dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const e of readdirSync(abs, { withFileTypes: true })) {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourcesUnder(p));
    else if (/\.(m|c)?tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** Every module specifier of a file: imports and re-exports (type-only too), `import()` and `import('…')` types. */
function specifiersOf(text: string): string[] {
  const sf = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      out.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) {
      out.push(node.arguments[0].text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function specifiers(file: string): string[] {
  return specifiersOf(readFileSync(join(root, file), 'utf8'));
}

/** The repository file a relative specifier names (`./x.js` is `./x.ts` in the sources). */
function target(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const p = posix(relative(root, resolve(join(root, dirname(from)), spec)));
  const ts = p.replace(/\.(m|c)?js$/, (_, m: string | undefined) => `.${m ?? ''}ts`);
  if (existsSync(join(root, ts))) return ts;
  if (existsSync(join(root, p, 'index.ts'))) return `${p}/index.ts`;
  return p;
}

const files = [...sourcesUnder('src'), ...sourcesUnder('rules')].sort();

describe('layer order of imports', () => {
  it('places every source file in a layer', () => {
    expect(files.filter((f) => !layerOf(f))).toEqual([]);
    expect(files.length).toBeGreaterThan(50);
  });

  it('imports only from the same layer or below', () => {
    const violations: string[] = [];
    const used = new Set<string>();
    for (const f of files) {
      const from = layerOf(f);
      if (!from) continue;
      for (const spec of specifiers(f)) {
        const to = target(f, spec);
        // Packages, and data outside the code (schema/*.json, package.json), are no layer.
        if (!to || !(to.startsWith('src/') || to.startsWith('rules/'))) continue;
        const toLayer = layerOf(to);
        const key = `${f} -> ${to}`;
        if (!toLayer) violations.push(`${key} (no layer for ${to})`);
        else if (toLayer.layer > from.layer) {
          if (KNOWN_EXCEPTIONS[key]) used.add(key);
          else violations.push(`${key} (${from.name} ${from.layer} imports ${toLayer.name} ${toLayer.layer})`);
        }
      }
    }
    expect(violations).toEqual([]);
    // An exception that no longer happens is removed from the list.
    expect(Object.keys(KNOWN_EXCEPTIONS).filter((k) => !used.has(k))).toEqual([]);
  });

  it('reads type-only imports, re-exports, import() calls and import() types', () => {
    const text = [
      "import type { A } from './a.js';",
      "import {\n  type B,\n} from './b.js';",
      "export type { C } from './c.js';",
      "type D = import('./d.js').D;",
      "const e = () => import('./e.js');",
      "import './f.js';",
    ].join('\n');
    expect(specifiersOf(text)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js']);
  });
});
