import type { Rule, RuleMeta } from '../engine/rule.js';
/** What a report needs to know about one rule or built-in diagnostic. */
export interface RuleInfo {
    id: string;
    meta: RuleMeta;
    url: string;
    /** The rule's documentation page (Markdown), when there is one. */
    docs?: string;
    /** The rule's message templates by messageId (none for built-in diagnostics). */
    messages?: Readonly<Record<string, string>>;
    builtin: boolean;
}
/** Every rule, then every built-in diagnostic, in a fixed order. */
export declare function ruleCatalog(rules: readonly Rule[]): RuleInfo[];
/** The first paragraph of a Markdown section (`## heading`), as one line of text. */
export declare function firstParagraph(markdown: string | undefined, heading: string): string | undefined;
