import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { UNUSED_DIRECTIVE } from '../engine/suppress.js';
import type { Diagnostic } from '../types.js';

/** The file URI the server publishes for a path (the client's own, when it opened the file). */
export type UriOf = (path: string) => string;

export const fileUri: UriOf = (path) => pathToFileURL(path).href;

/**
 * Rules whose finding is configuration that has no effect: the editor greys it out
 * (`DiagnosticTag.Unnecessary`). An ALLOW rule shadowed by a DENY can never admit anything.
 */
const UNNECESSARY = new Set([UNUSED_DIRECTIVE, 'allow-shadowed-by-deny']);

/** A meshlint diagnostic as the protocol carries it: 0-based positions, the rule id as its code. */
export function toLspDiagnostic(d: Diagnostic, uriOf: UriOf): LspDiagnostic {
  const out: LspDiagnostic = {
    range: { start: { line: d.line - 1, character: d.column - 1 }, end: { line: d.endLine - 1, character: d.endColumn - 1 } },
    severity: d.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: 'meshlint',
    code: d.ruleId,
    message: d.message,
  };
  if (d.url) out.codeDescription = { href: d.url };
  if (UNNECESSARY.has(d.ruleId)) out.tags = [DiagnosticTag.Unnecessary];
  if (d.related?.length) {
    out.relatedInformation = d.related.map((r) => {
      const at = { line: r.line - 1, character: r.column - 1 };
      return { location: { uri: uriOf(r.file), range: { start: at, end: at } }, message: r.message };
    });
  }
  return out;
}

/**
 * What was last published, by file: only files whose diagnostics change are sent again, and a
 * file that no longer has any is cleared.
 */
export class Published {
  private readonly last = new Map<string, string>();

  /** The files to publish now, with their diagnostics (empty to clear). */
  changes(byFile: ReadonlyMap<string, LspDiagnostic[]>): Array<[string, LspDiagnostic[]]> {
    const out: Array<[string, LspDiagnostic[]]> = [];
    for (const [path, diagnostics] of byFile) {
      const key = JSON.stringify(diagnostics);
      if ((this.last.get(path) ?? '[]') === key) continue;
      this.last.set(path, key);
      out.push([path, diagnostics]);
    }
    for (const path of [...this.last.keys()]) {
      if (byFile.has(path)) continue;
      this.last.delete(path);
      out.push([path, []]);
    }
    return out;
  }
}
