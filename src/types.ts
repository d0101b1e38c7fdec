/** A path from a document's root to one of its nodes: map keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

export type Severity = 'off' | 'warn' | 'error';

/** 1-based line and column, end exclusive as in unist. */
export interface Point {
  line: number;
  column: number;
}

export interface Range {
  start: Point;
  end: Point;
}

/** A data plane the input does not show, taken by evidence or by `mesh.assumeDataPlane`. */
export interface Assumption {
  namespace: string;
  dataPlane: 'sidecar' | 'ambient' | 'none';
  basis: 'evidence' | 'setting';
  missing: 'namespace' | 'pod-labels';
  why: string;
  evidence?: string;
}

/** A place inside the input: a document of a file plus a path inside it. */
export interface Location {
  file: string;
  /** A display path (for Helm's `# Source:` mapping) that overrides `file` in reports. */
  displayFile?: string;
  range: Range;
}

export interface Suggestion {
  desc: string;
  /** YAML to add or change. */
  fix: string;
  /** The same as a text edit of the reported file, when it is one exactly (src/engine/suggestion-edit.ts). */
  edit?: SuggestionEdit;
}

/**
 * A suggestion as a rule reports it: the suggestion itself, or a function that builds it. The
 * function runs only when a report needs the suggestion's text (JSON, SARIF, an editor's quick
 * fix), not when a finding is only printed: YAML built for thousands of findings costs.
 */
export type SuggestionSource = Suggestion | (() => Suggestion);

/** ESLint's fix shape: replace the text between two offsets of the file. */
export interface SuggestionEdit {
  range: [number, number];
  text: string;
}

/** Where a fix applies: a node of a YAML document of the diagnostic's file, and its new value. */
export interface FixTarget {
  /** Index of the YAML document in the file. */
  document: number;
  path: Path;
  value: string | number | boolean;
}

/** ESLint's fix: replace `range` (offsets into the file's text) with `text`. */
export interface TextFix {
  range: [number, number];
  text: string;
}

export interface Diagnostic {
  ruleId: string;
  /** The key of the rule's `meta.messages` the message was made from (stable across wording changes). */
  messageId?: string;
  /** The values its placeholders were filled with (for SARIF's message arguments; not in JSON). */
  messageData?: Record<string, string>;
  severity: 1 | 2;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  url?: string;
  suggestions?: Suggestion[];
  related?: Array<{ message: string; file: string; line: number; column: number }>;
  /** What the finding assumes about data planes the input does not show; its message says so too. */
  assumptions?: Assumption[];
  /** The rule's safe fix (`meta.fixable`), which `--fix` applies. */
  fix?: TextFix;
  /** Set on diagnostics that stop the run from being trusted (a rule crash, an unreadable path). */
  fatal?: boolean;
}
