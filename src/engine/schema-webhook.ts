import type { Path } from '../types.js';
import type { SchemaProblem } from './schema-problem.js';

export function webhookProblems(_kind: string, _spec: unknown): SchemaProblem[] {
  return [] as Array<SchemaProblem & { path: Path }>;
}
