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
export class MeshMessage extends VFileMessage {
  declare file: string;
  declare ruleId: string;
  declare place: { start: Point; end: Point };
  messageId?: string;
  messageData?: Record<string, string>;
  downgrade?: boolean;
  internal?: boolean;
  related?: Diagnostic['related'];
  assumptions?: Diagnostic['assumptions'];
  fix?: FixTarget;
  #suggestions?: Suggestion[] | DeferredSuggestions;

  constructor(init: MessageInit) {
    // A finding is not an exception: no stack to capture (thousands of them on a large mesh).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      super(init.message, { place: { start: init.start, end: init.end }, ruleId: init.ruleId, source: 'meshlint' });
    } finally {
      Error.stackTraceLimit = limit;
    }
    this.file = init.file;
    if (init.messageId !== undefined) this.messageId = init.messageId;
    if (init.messageData !== undefined) this.messageData = init.messageData;
    if (init.downgrade) this.downgrade = true;
    if (init.internal) this.internal = true;
    if (init.suggestions !== undefined) this.#suggestions = init.suggestions;
    if (init.related !== undefined) this.related = init.related;
    if (init.assumptions !== undefined) this.assumptions = init.assumptions;
    if (init.fix !== undefined) this.fix = init.fix;
  }

  /** The suggestions, built on first read. */
  get suggestions(): Suggestion[] | undefined {
    const s = this.#suggestions;
    if (s !== undefined && !Array.isArray(s)) this.#suggestions = (s as DeferredSuggestions).build();
    return this.#suggestions as Suggestion[] | undefined;
  }

  set suggestions(value: Suggestion[] | undefined) {
    this.#suggestions = value;
  }

  /** Whether there are suggestions, without building them. */
  get hasSuggestions(): boolean {
    return (this.#suggestions?.length ?? 0) > 0;
  }

  get start(): Point {
    return this.place.start;
  }

  get end(): Point {
    return this.place.end;
  }

  /** The same finding with another text, as a copy: a finding may be kept from one run to the next (engine/rule-cache.ts). */
  withText(text: string): MeshMessage {
    const { ruleId, file, start, end, messageId, messageData, downgrade, internal, related, assumptions, fix } = this;
    return new MeshMessage({ ruleId, file, message: text, start, end, messageId, messageData, downgrade, internal, suggestions: this.#suggestions, related, assumptions, fix });
  }

  /**
   * The message as plain data, to cross to another thread: structured cloning keeps only an
   * Error's name, message and stack.
   */
  toInit(): MessageInit {
    const { ruleId, file, reason, start, end, messageId, messageData, downgrade, internal, suggestions, related, assumptions, fix } = this;
    return { ruleId, file, message: reason, start, end, messageId, messageData, downgrade, internal, suggestions, related, assumptions, fix };
  }
}

/** A diagnostic about a whole file, at its first line. */
export function atFileStart(ruleId: string, file: string, message: string): MeshMessage {
  return new MeshMessage({ ruleId, file, message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } });
}
