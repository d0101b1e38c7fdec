import type { Diagnostic } from '../../types.js';
import type { SuppressedDiagnostic } from '../../engine/suppress.js';
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
    ...(m.suggestions ? { suggestions: m.suggestions } : {}),
    ...(m.related ? { related: m.related } : {}),
    ...(m.assumptions ? { assumptions: m.assumptions } : {}),
    ...(m.fix ? { fix: m.fix } : {}),
  };
}

function suppressed(m: SuppressedDiagnostic) {
  return { ...message(m), suppressions: m.suppressions.map((s) => ({ kind: s.kind, justification: s.justification })) };
}

/** ESLint's JSON formatter shape, so tools that read ESLint results read ours. */
export const json: Formatter = (results) =>
  JSON.stringify(
    results.map((r) => ({
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
    })),
  );
