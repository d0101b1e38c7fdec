import type { Rule } from '../../src/engine/rule.js';
import { RULES } from '../../src/generated/rules.js';

/** A built-in rule as the engine runs it (id, meta, definition). */
export function builtin(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`no built-in rule "${id}"`);
  return rule;
}
