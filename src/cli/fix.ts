import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyFixes } from '../engine/fix.js';
import { lint, type LintOptions, type LintResult } from '../engine/lint.js';

/** ESLint's limit: fixes that make room for more fixes get ten passes. */
const MAX_PASSES = 10;

export interface FixedLint {
  /** The results of the fixed text: what remains. Files that changed carry `output` (ESLint's field). */
  result: LintResult;
  /** How many fixes were applied, by file. */
  fixed: Map<string, number>;
}

/**
 * `--fix` and `--fix-dry-run`: lint, apply the fixes rules mark safe (never suggestions), and lint
 * the fixed text again, until no fix is left; `write` saves the fixed files (standard input is
 * never written back, as ESLint).
 */
export async function lintAndFix(opts: LintOptions, write: boolean): Promise<FixedLint> {
  const outputs = new Map<string, string>();
  const fixed = new Map<string, number>();
  const cwd = opts.cwd ?? process.cwd();
  const stdinPath = opts.stdin ? (opts.stdin.filename ? resolve(cwd, opts.stdin.filename) : '<stdin>') : undefined;
  const withOutputs = (): LintOptions => ({
    ...opts,
    read: (path) => (outputs.has(path) ? { text: outputs.get(path)! } : opts.read?.(path)),
    stdin: stdinPath !== undefined && outputs.has(stdinPath) ? { ...opts.stdin, text: outputs.get(stdinPath)!, bytes: undefined } : opts.stdin,
  });
  let result = await lint(opts);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let changed = false;
    for (const r of result.results) {
      const fixes = r.messages.flatMap((m) => (m.fix ? [m.fix] : []));
      if (fixes.length === 0 || r.source === undefined) continue;
      const { output, applied } = applyFixes(r.source, fixes);
      if (applied === 0 || output === r.source) continue;
      outputs.set(r.filePath, output);
      fixed.set(r.filePath, (fixed.get(r.filePath) ?? 0) + applied);
      changed = true;
    }
    if (!changed) break;
    result = await lint(withOutputs());
  }
  for (const r of result.results) {
    const output = outputs.get(r.filePath);
    if (output === undefined) continue;
    r.output = output;
    if (write && r.filePath !== stdinPath) writeFileSync(r.filePath, output);
  }
  return { result, fixed };
}

/** One line for stderr: what --fix changed (or would change). */
export function fixSummary(fixed: ReadonlyMap<string, number>, write: boolean, cwd: string): string {
  if (fixed.size === 0) return '';
  const total = [...fixed.values()].reduce((a, b) => a + b, 0);
  const files = [...fixed.keys()].map((f) => (f.startsWith(`${cwd}/`) ? f.slice(cwd.length + 1) : f));
  return `meshlint: ${write ? 'fixed' : 'would fix'} ${total} problem${total === 1 ? '' : 's'} in ${files.join(', ')}\n`;
}
