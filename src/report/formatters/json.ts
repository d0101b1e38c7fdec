import type { Diagnostic } from '../../types.js';
import type { SuppressedDiagnostic } from '../../engine/suppress.js';
import type { FileResult } from '../../engine/lint.js';
import type { Formatter } from '../formatter.js';

function message(m: Diagnostic) {
  return {
    ruleId: m.ruleId,
    ...(m.messageId ? { messageId: m.messageId } : {}),
    severity: m.severity,
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ...(m.fatal ? { fatal: true } : {}),
    ...suggestionFields(m),
    ...(m.related ? { related: m.related } : {}),
    ...(m.assumptions ? { assumptions: m.assumptions } : {}),
    ...(m.fix ? { fix: m.fix } : {}),
  };
}

/**
 * ESLint's `suggestions` hold text edits (`fix: {range, text}`), which editors and tools apply as
 * they are: only the suggestions that are exact edits of this file, their YAML in `data.yaml`. The
 * others (a change to another object or to the mesh config, a template to fill in) are `hints`.
 */
function suggestionFields(m: Diagnostic) {
  if (!m.suggestions?.length) return {};
  const edits = m.suggestions.filter((s) => s.edit);
  const hints = m.suggestions.filter((s) => !s.edit);
  return {
    ...(edits.length ? { suggestions: edits.map((s) => ({ desc: s.desc, fix: s.edit!, data: { yaml: s.fix } })) } : {}),
    ...(hints.length ? { hints: hints.map((s) => ({ desc: s.desc, yaml: s.fix })) } : {}),
  };
}

function suppressed(m: SuppressedDiagnostic) {
  return { ...message(m), suppressions: m.suppressions.map((s) => ({ kind: s.kind, justification: s.justification })) };
}

/** Results as ESLint's `LintResult` objects: what `--format json` prints and ESLint formatters read. */
export function eslintResults(results: FileResult[]) {
  return results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map(message),
    suppressedMessages: (r.suppressedMessages ?? []).map(suppressed),
    errorCount: r.errorCount,
    fatalErrorCount: r.fatalErrorCount,
    warningCount: r.warningCount,
    fixableErrorCount: r.messages.filter((m) => m.fix && m.severity === 2).length,
    fixableWarningCount: r.messages.filter((m) => m.fix && m.severity === 1).length,
    ...(r.source !== undefined ? { source: r.source } : {}),
    ...(r.output !== undefined ? { output: r.output } : {}),
    usedDeprecatedRules: [],
  }));
}

/** ESLint's JSON formatter shape, so tools that read ESLint results read ours. */
export const json: Formatter = (results) => JSON.stringify(eslintResults(results));
