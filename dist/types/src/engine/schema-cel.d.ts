import type { JSONSchema7 } from 'json-schema';
import { type SchemaProblem } from './schema-problem.js';
export declare function celProblems(schema: JSONSchema7, spec: unknown): Promise<SchemaProblem[]>;
