import type { Diagnostic } from '../types.js';

/** A diagnostic before configuration decides its severity. */
export interface PendingDiagnostic {
  ruleId: string;
  /** The rule's `meta.messages` key the message was made from. */
  messageId?: string;
  messageData?: Record<string, string>;
  file: string;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
  downgrade?: boolean;
  fatal?: boolean;
  suggestions?: Diagnostic['suggestions'];
  related?: Diagnostic['related'];
  assumptions?: Diagnostic['assumptions'];
}

export function atFileStart(ruleId: string, file: string, message: string): PendingDiagnostic {
  return { ruleId, file, message, start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
}
