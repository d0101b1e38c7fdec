import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { suggestionWorkspaceEdits, type EditContext as MergeContext } from '../engine/suggestion-edit.js';
import { UNUSED_DIRECTIVE } from '../engine/suppress.js';
import type { Diagnostic, Suggestion } from '../types.js';
import { toLspDiagnostic, type UriOf } from './diagnostics.js';

export interface EditContext extends MergeContext {
  uriOf: UriOf;
}

/**
 * A suggestion as a workspace edit (src/engine/suggestion-edit.ts merges its YAML into the objects
 * it is for): the edited files' changes, then each new file created and written.
 */
export async function suggestionEdit(s: Suggestion, file: string, offset: number, ctx: EditContext): Promise<WorkspaceEdit | undefined> {
  const merged = await suggestionWorkspaceEdits(s, file, offset, ctx);
  if (!merged) return undefined;
  const changes: Record<string, TextEdit[]> = {};
  for (const [path, offsets] of merged.edits) {
    const text = ctx.text(path) ?? '';
    const doc = TextDocument.create('file:///', 'yaml', 0, text);
    changes[ctx.uriOf(path)] = offsets.map((o) => ({ range: { start: doc.positionAt(o.start), end: doc.positionAt(o.end) }, newText: o.text }));
  }
  if (merged.created.length === 0) return { changes };
  const start = { line: 0, character: 0 };
  return {
    documentChanges: [
      ...Object.entries(changes).map(([uri, edits]) => ({ textDocument: { uri, version: null }, edits })),
      ...merged.created.flatMap(({ path, text }) => {
        const uri = ctx.uriOf(path);
        return [{ kind: 'create' as const, uri, options: { ignoreIfExists: true } }, { textDocument: { uri, version: null }, edits: [{ range: { start, end: start }, newText: text }] }];
      }),
    ],
  };
}

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
