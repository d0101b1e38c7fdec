import type { RuleMeta } from './rule.js';
/** Diagnostics the engine itself produces; documented in docs/diagnostics.md. */
export declare const BUILTIN: Record<string, RuleMeta>;
export declare const BUILTIN_DOCS = "https://github.com/meshlint/meshlint/blob/main/docs/diagnostics.md";
export declare function builtinUrl(id: string): string;
