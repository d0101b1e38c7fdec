import { VFileMessage } from 'vfile-message';
import type { Diagnostic, FixTarget, Point, Suggestion } from '../types.js';
/** Suggestions built on first read: their number is known at once, their YAML and edits only when asked for. */
export interface DeferredSuggestions {
    readonly length: number;
    build(): Suggestion[];
}
/** What a diagnostic carries besides its place and text. */
export interface MessageInit {
    ruleId: string;
    file: string;
    message: string;
    start: Point;
    end: Point;
    /** The rule's `meta.messages` key the message was made from, and the placeholders' values. */
    messageId?: string;
    messageData?: Record<string, string>;
    /** The rule lowered this one report to a warning. */
    downgrade?: boolean;
    /** An internal error: always an error, never suppressed, exit 2. */
    internal?: boolean;
    suggestions?: Suggestion[] | DeferredSuggestions;
    related?: Diagnostic['related'];
    assumptions?: Diagnostic['assumptions'];
    fix?: FixTarget;
}
/**
 * Every diagnostic of a run — a rule's finding, a loader's problem, an internal error — from the
 * moment it is made to the report: a VFile message (`ruleId`, `source: 'meshlint'`, `place`, and
 * `url` and `fatal` once the configuration has given it a severity) of the file it is about.
 */
export declare class MeshMessage extends VFileMessage {
    #private;
    file: string;
    ruleId: string;
    place: {
        start: Point;
        end: Point;
    };
    messageId?: string;
    messageData?: Record<string, string>;
    downgrade?: boolean;
    internal?: boolean;
    related?: Diagnostic['related'];
    assumptions?: Diagnostic['assumptions'];
    fix?: FixTarget;
    constructor(init: MessageInit);
    /** The suggestions, built on first read. */
    get suggestions(): Suggestion[] | undefined;
    set suggestions(value: Suggestion[] | undefined);
    /** Whether there are suggestions, without building them. */
    get hasSuggestions(): boolean;
    get start(): Point;
    get end(): Point;
    /** The same finding with another text, as a copy: a finding may be kept from one run to the next (engine/rule-cache.ts). */
    withText(text: string): MeshMessage;
    /**
     * The message as plain data, to cross to another thread: structured cloning keeps only an
     * Error's name, message and stack.
     */
    toInit(): MessageInit;
}
/** A diagnostic about a whole file, at its first line. */
export declare function atFileStart(ruleId: string, file: string, message: string): MeshMessage;
