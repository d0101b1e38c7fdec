import type { Diagnostic } from '../types.js';

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
