import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { UNUSED_DIRECTIVE } from '../engine/suppress.js';
import type { Diagnostic } from '../types.js';
import { toLspDiagnostic } from './diagnostics.js';
import { suggestionEdit, type EditContext } from './suggestion-edit.js';

/** Findings no directive silences: a rule that crashed, a directive that silences nothing. */
const UNSUPPRESSIBLE = new Set(['internal-error', UNUSED_DIRECTIVE]);

function overlaps(d: Diagnostic, range: Range): boolean {
  const start = { line: d.line - 1, character: d.column - 1 };
  const end = { line: d.endLine - 1, character: d.endColumn - 1 };
  const before = (a: typeof start, b: typeof start) => a.line < b.line || (a.line === b.line && a.character < b.character);
  return !before(end, range.start) && !before(range.end, start);
}

/**
 * The code actions for the findings under `range`: the rule's safe fix (preferred), each
 * suggestion as a quick fix, and directives that silence the rule on that line or in the file,
 * with a `-- reason` to fill in (src/engine/suppress.ts reads them).
 */
export async function codeActions(path: string, uri: string, text: string, findings: readonly Diagnostic[], range: Range, ctx: EditContext): Promise<CodeAction[]> {
  const doc = TextDocument.create(uri, 'yaml', 0, text);
  const out: CodeAction[] = [];
  for (const d of findings) {
    if (!overlaps(d, range)) continue;
    const diagnostics = [toLspDiagnostic(d, ctx.uriOf)];
    if (d.fix) {
      const [start, end] = d.fix.range;
      out.push({
        title: `Fix: ${d.fix.text.trim() === '' ? 'remove' : `write ${d.fix.text}`} (${d.ruleId})`,
        kind: CodeActionKind.QuickFix,
        diagnostics,
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText: d.fix.text }] } },
      });
    }
    for (const s of d.suggestions ?? []) {
      const edit = await suggestionEdit(s, path, doc.offsetAt({ line: d.line - 1, character: d.column - 1 }), ctx);
      if (edit) out.push({ title: s.desc, kind: CodeActionKind.QuickFix, diagnostics, edit });
    }
    if (UNSUPPRESSIBLE.has(d.ruleId)) continue;
    const line = doc.getText({ start: { line: d.line - 1, character: 0 }, end: { line: d.line, character: 0 } });
    const indent = /^[ \t]*/.exec(line)![0];
    const top = { line: 0, character: 0 };
    const lineStart = { line: d.line - 1, character: 0 };
    out.push({
      title: `Disable ${d.ruleId} for this line`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: { changes: { [uri]: [{ range: { start: lineStart, end: lineStart }, newText: `${indent}# meshlint-disable-next-line ${d.ruleId} -- reason\n` }] } },
    });
    out.push({
      title: `Disable ${d.ruleId} for this file`,
      kind: CodeActionKind.QuickFix,
      diagnostics,
      edit: { changes: { [uri]: [{ range: { start: top, end: top }, newText: `# meshlint-disable-file ${d.ruleId} -- reason\n` }] } },
    });
  }
  return out;
}
