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
 * What was last published, by file: only files whose diagnostics change are sent again (and
 * converted to the protocol's form), and a file that no longer has any is cleared. On a large
 * workspace an edit changes the findings of a few files out of thousands.
 */
export class Published {
  private readonly last = new Map<string, { diagnostics: readonly Diagnostic[]; uris: string }>();

  /** The files to publish now, with their diagnostics (empty to clear). */
  changes(byFile: ReadonlyMap<string, readonly Diagnostic[]>, uriOf: UriOf): Array<[string, LspDiagnostic[]]> {
    const out: Array<[string, LspDiagnostic[]]> = [];
    for (const [path, diagnostics] of byFile) {
      // The URIs related places are published under change when the editor opens a file.
      const uris = relatedUris(diagnostics, uriOf);
      const before = this.last.get(path);
      if (before ? before.uris === uris && sameDiagnostics(before.diagnostics, diagnostics) : diagnostics.length === 0) continue;
      this.last.set(path, { diagnostics, uris });
      out.push([path, diagnostics.map((d) => toLspDiagnostic(d, uriOf))]);
    }
    for (const path of [...this.last.keys()]) {
      if (byFile.has(path)) continue;
      this.last.delete(path);
      out.push([path, []]);
    }
    return out;
  }
}

function relatedUris(ds: readonly Diagnostic[], uriOf: UriOf): string {
  let out = '';
  for (const d of ds) for (const r of d.related ?? []) out += `${uriOf(r.file)}\n`;
  return out;
}

/** Whether two lists would publish the same: the fields toLspDiagnostic reads. */
function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.line !== y.line || x.column !== y.column || x.endLine !== y.endLine || x.endColumn !== y.endColumn || x.severity !== y.severity) return false;
    if (x.ruleId !== y.ruleId || x.message !== y.message || x.url !== y.url) return false;
    const rx = x.related ?? [];
    const ry = y.related ?? [];
    if (rx.length !== ry.length) return false;
    for (let j = 0; j < rx.length; j++) {
      const p = rx[j]!;
      const q = ry[j]!;
      if (p.file !== q.file || p.line !== q.line || p.column !== q.column || p.message !== q.message) return false;
    }
  }
  return true;
}
