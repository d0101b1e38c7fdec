import { relative } from 'node:path';
import { resolveConfig } from '../config.js';
import { loadReport, startRun } from '../engine/lint.js';
import type { Model } from '../mesh/model.js';
import type { Diagnostic } from '../types.js';
import type { Io } from './io.js';
import { meshFlags, type MeshFlags } from './options.js';

export interface ModelFlags extends MeshFlags {
  config?: string;
  configLookup?: boolean;
  ignoreLoadErrors?: boolean;
}

export type LoadedModel = { model: Model; loadErrors: Diagnostic[] } | { code: number };

/**
 * Load and model the input as check-access does: missing paths and load errors stop the command
 * with exit 2 (a policy may be missing from a broken file) unless --ignore-load-errors.
 */
export async function loadModel(paths: string[], flags: ModelFlags, io: Io, cwd = io.cwd, what = 'no answer'): Promise<LoadedModel> {
  const config = resolveConfig(flags, cwd);
  const run = await startRun({ cwd, patterns: paths.length > 0 ? paths : ['.'], config, mesh: meshFlags(flags) });
  for (const m of run.input.missing) io.err(`meshlint: no such file or folder: ${m}\n`);
  if (run.input.missing.length > 0) return { code: 2 };
  const loadErrors = (await loadReport(run)).flatMap((r) => r.messages.filter((m) => m.severity === 2));
  if (loadErrors.length > 0 && !flags.ignoreLoadErrors) {
    const files = [...new Set(loadErrors.map((m) => relative(cwd, m.file) || m.file))];
    io.err(`meshlint: ${what}: the input has ${loadErrors.length} error${loadErrors.length > 1 ? 's' : ''} in ${files.join(', ')}, so a policy may be missing from it:\n`);
    for (const m of loadErrors) io.err(`  ${relative(cwd, m.file) || m.file}:${m.line}:${m.column} ${m.message} [${m.ruleId}]\n`);
    io.err('Fix the input, or give --ignore-load-errors to answer from the rest of it.\n');
    return { code: 2 };
  }
  return { model: run.model, loadErrors };
}
