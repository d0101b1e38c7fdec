import type { SourceFile } from '../load/source.js';
import type { Resource } from '../model/resource.js';
import type { Diagnostic, Point } from '../types.js';
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
export declare const UNUSED_DIRECTIVE = "unused-disable-directive";
/** Annotation keys read from `metadata.annotations`. */
export declare const IGNORE_ANNOTATION = "meshlint.io/ignore";
/** istio pkg/config/analysis/local/istiod_analyze.go: codes split on ",", "*" means all. */
export declare const ISTIO_SUPPRESS_ANNOTATION = "galley.istio.io/analyze-suppress";
/** kiali models/istio_validation.go ParseIgnoreValidationsAnnotation: empty means all, else codes. */
export declare const KIALI_IGNORE_ANNOTATION = "kiali.io/ignore-validations";
export interface SuppressOptions {
    /** Comment directives are honoured (`--no-inline-config` turns them off). */
    inlineConfig: boolean;
    /** Every rule id (rules and built-ins), and each rule's aliases. */
    rules: ReadonlyArray<{
        id: string;
        aliases?: readonly string[];
    }>;
}
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
export declare class Suppressor {
    private readonly byFile;
    private readonly ids;
    private readonly codes;
    constructor(sources: readonly SourceFile[], resources: readonly Resource[], opts: SuppressOptions);
    private add;
    /** The rule ids a written name stands for: itself, or the rules that list it as an alias. */
    private resolve;
    /** Which written names of `d` cover `ruleId` (empty when none); every rule for a bare directive. */
    private covers;
    /** The suppressions that silence `diag`, marking the directives used; undefined when none does. */
    check(diag: SuppressCandidate): Suppression[] | undefined;
    /**
     * The `meshlint-disable` in force at `at` for `ruleId`, replaying disable/enable comments in
     * order: a bare `disable` turns every rule off until a bare `enable`; `enable RULE` after a bare
     * `disable` turns that one rule back on.
     */
    private blockDirective;
    /** ESLint's --report-unused-disable-directives: every directive, or listed name, that silenced nothing. */
    unused(): UnusedDirective[];
}
/** `RULE, RULE -- reason` → names (undefined when none) and the reason. */
export declare function parseDirectiveBody(body: string): {
    names?: string[];
    justification: string;
};
