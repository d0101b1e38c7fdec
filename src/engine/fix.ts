import { isScalar, parseAllDocuments, Scalar, stringify, type Document } from 'yaml';
import { neutralizeBoms, YAML_PARSE_OPTIONS } from '../load/guards.js';
import type { FixTarget, TextFix } from '../types.js';

/**
 * A file's YAML documents, parsed once for all the fixes in it: `yaml`'s Document API finds the
 * node a fix names and its style, so that only that node's text changes and every comment, quote
 * and indentation around it stays as written.
 */
export class FixableText {
  private docs: Document.Parsed[] | undefined;

  constructor(readonly text: string) {}

  /** The text edit of a fix, or undefined when its node is not a scalar of a clean document. */
  edit(fix: FixTarget): TextFix | undefined {
    this.docs ??= parseAllDocuments(neutralizeBoms(this.text), YAML_PARSE_OPTIONS) as Document.Parsed[];
    const doc = this.docs[fix.document];
    if (!doc || doc.errors.length > 0) return undefined;
    const node = doc.getIn(fix.path, true);
    if (!isScalar(node) || !node.range) return undefined;
    const scalar = new Scalar(fix.value);
    // The same quoting as the original; `yaml` quotes anyway when the new value needs it.
    scalar.type = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? undefined : node.type;
    const text = stringify(scalar, { lineWidth: 0 }).replace(/\n$/, '');
    return { range: [node.range[0], node.range[1]], text };
  }
}

/**
 * The text with the fixes applied, as ESLint applies them in one pass: in order, skipping a fix
 * that overlaps one already taken (a second pass would take it).
 */
export function applyFixes(text: string, fixes: readonly TextFix[]): { output: string; applied: number } {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  let output = '';
  let at = 0;
  let applied = 0;
  for (const f of sorted) {
    if (f.range[0] < at) continue;
    output += text.slice(at, f.range[0]) + f.text;
    at = f.range[1];
    applied++;
  }
  return { output: output + text.slice(at), applied };
}
