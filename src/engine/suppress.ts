// Suppressions: comment directives (ESLint's model: disable-next-line, disable-line, disable …
// enable, disable-file) and resource annotations (meshlint.io/ignore, and for teams migrating,
// istioctl analyze's galley.istio.io/analyze-suppress and Kiali's kiali.io/ignore-validations, whose
// codes map to rules through `meta.aliases`).
import { Lexer } from 'yaml';
import type { SourceFile } from '../load/source.js';
import type { Resource } from '../model/resource.js';
import type { Diagnostic, Point } from '../types.js';
import { closest } from '../util/text.js';

/** Why a diagnostic is not reported: ESLint's `suppressions` entry. */
export interface Suppression {
  /** `directive`: a `# meshlint-disable…` comment; `annotation`: a resource annotation. */
  kind: 'directive' | 'annotation';
  justification: string;
}

/** A diagnostic silenced by a comment or annotation; ESLint JSON lists them as `suppressedMessages`. */
export interface SuppressedDiagnostic extends Diagnostic {
  suppressions: Suppression[];
}

export const UNUSED_DIRECTIVE = 'unused-disable-directive';

/** Annotation keys read from `metadata.annotations`. */
export const IGNORE_ANNOTATION = 'meshlint.io/ignore';
/** istio pkg/config/analysis/local/istiod_analyze.go: codes split on ",", "*" means all. */
export const ISTIO_SUPPRESS_ANNOTATION = 'galley.istio.io/analyze-suppress';
/** kiali models/istio_validation.go ParseIgnoreValidationsAnnotation: empty means all, else codes. */
export const KIALI_IGNORE_ANNOTATION = 'kiali.io/ignore-validations';

type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line' | 'disable-file';

interface Directive {
  kind: DirectiveKind | 'annotation';
  /** How the user wrote it, for messages: `meshlint-disable-line`, `meshlint.io/ignore`… */
  label: string;
  file: string;
  /** Names as written (rule ids or IST/KIA codes); undefined means every rule. */
  names?: string[];
  justification: string;
  /** Where the comment (or annotation value) is. */
  start: Point;
  end: Point;
  /** For annotations: the resource's range, which the annotation covers. */
  scope?: { start: Point; end: Point };
  /** Report it when unused (only meshlint's own directives). */
  reportable: boolean;
  usedNames: Set<string>;
  usedAll: boolean;
}

export interface SuppressOptions {
  /** Comment directives are honoured (`--no-inline-config` turns them off). */
  inlineConfig: boolean;
  /** Every rule id (rules and built-ins), and each rule's aliases. */
  rules: ReadonlyArray<{ id: string; aliases?: readonly string[] }>;
}

/** Diagnostics never suppressed: a run that failed must say so. */
const UNSUPPRESSIBLE = new Set(['internal-error', UNUSED_DIRECTIVE]);

export interface SuppressCandidate {
  ruleId: string;
  file: string;
  start: Point;
  /** An internal error, which no directive silences. */
  internal?: boolean;
}

export interface UnusedDirective {
  file: string;
  message: string;
  start: Point;
  end: Point;
}

export class Suppressor {
  private readonly byFile = new Map<string, Directive[]>();
  private readonly ids: Set<string>;
  private readonly codes = new Map<string, string[]>();

  constructor(sources: readonly SourceFile[], resources: readonly Resource[], opts: SuppressOptions) {
    this.ids = new Set(opts.rules.map((r) => r.id));
    for (const r of opts.rules) {
      for (const code of r.aliases ?? []) this.codes.set(code, [...(this.codes.get(code) ?? []), r.id]);
    }
    if (opts.inlineConfig) {
      for (const source of sources) {
        // Cheap test first: most files hold no directive and are never lexed twice.
        if (source.text.includes('meshlint-')) this.add(commentDirectives(source));
      }
    }
    for (const r of resources) this.add(annotationDirectives(r));
  }

  private add(directives: Directive[]): void {
    for (const d of directives) {
      const list = this.byFile.get(d.file);
      if (list) list.push(d);
      else this.byFile.set(d.file, [d]);
    }
  }

  /** The rule ids a written name stands for: itself, or the rules that list it as an alias. */
  private resolve(name: string): string[] {
    if (this.ids.has(name)) return [name];
    return this.codes.get(name) ?? this.codes.get(name.toUpperCase()) ?? [];
  }

  /** Which written names of `d` cover `ruleId` (empty when none); every rule for a bare directive. */
  private covers(d: Directive, ruleId: string): string[] | 'all' {
    if (!d.names) return 'all';
    return d.names.filter((n) => this.resolve(n).includes(ruleId));
  }

  /** The suppressions that silence `diag`, marking the directives used; undefined when none does. */
  check(diag: SuppressCandidate): Suppression[] | undefined {
    if (diag.internal || UNSUPPRESSIBLE.has(diag.ruleId)) return undefined;
    const directives = this.byFile.get(diag.file);
    if (!directives) return undefined;
    const hits: Directive[] = [];
    const use = (d: Directive, names: string[] | 'all') => {
      if (names === 'all') d.usedAll = true;
      else names.forEach((n) => d.usedNames.add(n));
      hits.push(d);
    };
    const line = diag.start.line;
    for (const d of directives) {
      let applies = false;
      if (d.kind === 'disable-file') applies = true;
      else if (d.kind === 'disable-line') applies = d.start.line === line;
      else if (d.kind === 'disable-next-line') applies = d.start.line + 1 === line;
      else if (d.kind === 'annotation') applies = !!d.scope && within(diag.start, d.scope.start, d.scope.end);
      if (!applies) continue;
      const names = this.covers(d, diag.ruleId);
      if (names === 'all' || names.length > 0) use(d, names);
    }
    const block = this.blockDirective(directives, diag.start, diag.ruleId);
    if (block) use(block.directive, block.names);
    if (hits.length === 0) return undefined;
    return hits.map((d) => ({ kind: d.kind === 'annotation' ? 'annotation' : 'directive', justification: d.justification }));
  }

  /**
   * The `meshlint-disable` in force at `at` for `ruleId`, replaying disable/enable comments in
   * order: a bare `disable` turns every rule off until a bare `enable`; `enable RULE` after a bare
   * `disable` turns that one rule back on.
   */
  private blockDirective(directives: Directive[], at: Point, ruleId: string): { directive: Directive; names: string[] | 'all' } | undefined {
    let all: Directive | undefined;
    let one: { directive: Directive; names: string[] } | undefined;
    let reenabled = false;
    for (const d of directives) {
      if (d.kind !== 'disable' && d.kind !== 'enable') continue;
      if (before(at, d.start)) break;
      const names = this.covers(d, ruleId);
      if (names !== 'all' && names.length === 0) continue;
      if (d.kind === 'disable') {
        if (names === 'all') {
          all = d;
          one = undefined;
          reenabled = false;
        } else {
          one = { directive: d, names };
        }
      } else if (names === 'all') {
        all = undefined;
        one = undefined;
      } else {
        one = undefined;
        if (all) reenabled = true;
      }
    }
    if (one) return one;
    if (all && !reenabled) return { directive: all, names: 'all' };
    return undefined;
  }

  /** ESLint's --report-unused-disable-directives: every directive, or listed name, that silenced nothing. */
  unused(): UnusedDirective[] {
    const out: UnusedDirective[] = [];
    for (const directives of this.byFile.values()) {
      for (const d of directives) {
        if (!d.reportable || d.kind === 'enable') continue;
        const what = d.kind === 'annotation' ? `${d.label} annotation` : `${d.label} comment`;
        if (!d.names) {
          if (!d.usedAll) out.push({ file: d.file, start: d.start, end: d.end, message: `Unused ${what}: no problem was reported here, so it silences nothing; remove it.` });
          continue;
        }
        for (const name of d.names) {
          if (d.usedNames.has(name)) continue;
          const known = this.resolve(name).length > 0;
          const near = known ? undefined : closest(name, [...this.ids]);
          const why = known
            ? `no "${name}" problem was reported here`
            : `"${name}" is not a meshlint rule or alias${near && near !== name ? ` (did you mean "${near}"?)` : ''}`;
          out.push({ file: d.file, start: d.start, end: d.end, message: `Unused ${what} for "${name}": ${why}; remove ${d.names.length > 1 ? `"${name}" from it` : 'it'}.` });
        }
      }
    }
    return out;
  }
}

function before(a: Point, b: Point): boolean {
  return a.line < b.line || (a.line === b.line && a.column < b.column);
}

function within(p: Point, start: Point, end: Point): boolean {
  return !before(p, start) && !before(end, p);
}

const DIRECTIVE = /^#\s*meshlint-(disable-next-line|disable-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/** `RULE, RULE -- reason` → names (undefined when none) and the reason. */
export function parseDirectiveBody(body: string): { names?: string[]; justification: string } {
  const cut = body.search(/(^|\s)--(\s|$)/);
  const list = cut === -1 ? body : body.slice(0, cut);
  const justification = cut === -1 ? '' : body.slice(cut).replace(/^\s*--\s*/, '').trim();
  const names = list.split(/[\s,]+/).filter((n) => n !== '');
  return { names: names.length > 0 ? names : undefined, justification };
}

/** Comment directives of one file, found with the YAML lexer so `#` inside strings never counts. */
function commentDirectives(source: SourceFile): Directive[] {
  const out: Directive[] = [];
  let offset = 0;
  let prev = '';
  for (const token of new Lexer().lex(source.text)) {
    if (token === '\x02' || token === '\x18' || token === '\x1f') {
      prev = token;
      continue;
    }
    if (token.startsWith('#') && prev !== '\x1f') {
      const m = DIRECTIVE.exec(token.trimEnd());
      if (m) {
        const kind = m[1] as DirectiveKind;
        const { names, justification } = parseDirectiveBody(m[2] ?? '');
        const range = source.range(offset, offset + token.trimEnd().length);
        out.push({ kind, label: `meshlint-${kind}`, file: source.path, names, justification, start: range.start, end: range.end, reportable: true, usedNames: new Set(), usedAll: false });
      }
    }
    offset += token.length;
    prev = token;
  }
  return out;
}

/** Annotation directives of one resource; each covers the resource's own part of its document. */
function annotationDirectives(r: Resource): Directive[] {
  const ann = r.annotations;
  const keys = [IGNORE_ANNOTATION, ISTIO_SUPPRESS_ANNOTATION, KIALI_IGNORE_ANNOTATION].filter((k) => ann[k] !== undefined);
  if (keys.length === 0) return [];
  const scope = r.doc.locate(r.base);
  const out: Directive[] = [];
  for (const key of keys) {
    const value = ann[key]!;
    let names: string[] | undefined;
    let justification = '';
    if (key === IGNORE_ANNOTATION) {
      ({ names, justification } = parseDirectiveBody(value));
      if (names?.length === 1 && names[0] === '*') names = undefined;
    } else if (key === ISTIO_SUPPRESS_ANNOTATION) {
      // istioctl ignores an empty value and matches codes exactly; "*" is every code.
      const codes = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
      if (codes.length === 0) continue;
      names = codes.includes('*') ? undefined : codes;
    } else {
      // Kiali: an empty value ignores every validation.
      const codes = value.trim() === '' ? [] : value.split(',').map((c) => c.trim()).filter((c) => c !== '');
      names = codes.length === 0 ? undefined : codes;
    }
    const at = r.doc.locate([...r.base, 'metadata', 'annotations', key]);
    out.push({
      kind: 'annotation',
      label: key,
      file: r.doc.file.path,
      names,
      justification,
      start: at.start,
      end: at.end,
      scope,
      reportable: key === IGNORE_ANNOTATION,
      usedNames: new Set(),
      usedAll: false,
    });
  }
  return out;
}
