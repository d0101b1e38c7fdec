import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILTIN } from '../engine/builtin.js';
import type { Rule } from '../engine/rule.js';
import type { FileResult } from '../engine/lint.js';
import { eslintResults } from './formatters/json.js';

/** An ESLint formatter: `(results, context) => string`, sync or async (eslint/lib/cli-engine/formatters). */
type EslintFormatter = (results: unknown[], context: { cwd: string; rulesMeta: Record<string, unknown>; maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number } }) => string | Promise<string>;

/** What `--format <name>` loads when it is not built in. */
export interface ExternalFormatter {
  name: string;
  format(results: FileResult[], ctx: { cwd: string; rules: readonly Rule[]; maxWarningsExceeded?: { maxWarnings: number; foundWarnings: number } }): Promise<string>;
}

/**
 * The module names ESLint tries for a formatter name (eslint/lib/shared/naming.js,
 * normalizePackageName): `junit` → `eslint-formatter-junit`, `@scope/x` → `@scope/eslint-formatter-x`.
 */
export function formatterPackage(name: string): string {
  if (name.startsWith('@')) {
    const [scope, rest] = name.split('/', 2) as [string, string | undefined];
    if (!rest) return `${scope}/eslint-formatter`;
    return rest.startsWith('eslint-formatter') ? name : `${scope}/eslint-formatter-${rest}`;
  }
  return name.startsWith('eslint-formatter-') ? name : `eslint-formatter-${name}`;
}

/**
 * Load an ESLint formatter: a path to a module (it has a `/` or starts with `.`), or an installed
 * `eslint-formatter-*` package, resolved from the working directory as ESLint does. Returns a
 * reason instead when there is none.
 */
export async function loadExternalFormatter(name: string, cwd: string): Promise<ExternalFormatter | { problem: string }> {
  const isPath = name.startsWith('.') || isAbsolute(name) || name.includes('\\') || (name.includes('/') && !name.startsWith('@'));
  let file: string;
  const pkg = formatterPackage(name);
  try {
    file = isPath ? resolve(cwd, name) : createRequire(join(cwd, 'noop.js')).resolve(pkg);
  } catch {
    return { problem: `"${name}" is not a built-in format, and no package ${pkg} is installed where meshlint runs (npm install -D ${pkg})` };
  }
  let fn: unknown;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { default?: unknown };
    fn = typeof mod.default === 'function' ? mod.default : mod;
  } catch (err) {
    return { problem: `cannot load the formatter ${isPath ? file : pkg}: ${(err as Error).message}` };
  }
  if (typeof fn !== 'function') return { problem: `${isPath ? file : pkg} does not export a formatter function` };
  const formatter = fn as EslintFormatter;
  return {
    name,
    async format(results, ctx) {
      const rulesMeta = Object.fromEntries([
        ...ctx.rules.map((r) => [r.id, { type: r.definition.meta.type, docs: { description: r.meta.description, url: r.url, recommended: r.definition.meta.docs.recommended }, messages: r.definition.meta.messages }]),
        ...Object.entries(BUILTIN).map(([id, m]) => [id, { type: 'problem', docs: { description: m.description } }]),
      ]);
      const text = await formatter(eslintResults(results), { cwd: ctx.cwd, rulesMeta, ...(ctx.maxWarningsExceeded ? { maxWarningsExceeded: ctx.maxWarningsExceeded } : {}) });
      return typeof text === 'string' ? text : String(text ?? '');
    },
  };
}
