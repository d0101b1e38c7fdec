// Types of scripts/gen-readme-rules.mjs, for test/readme.test.ts.
import type { Io } from '../src/cli/io.js';
import type { Rule } from '../src/engine/rule.js';

export const EXAMPLE_ARGS: string[];
export function renderRulesTable(rules: readonly Rule[]): string;
export function renderExampleOutput(text: string, code: number): string;
export function replaceBetween(text: string, name: string, content: string): string;
export function exampleOutput(run: (argv: string[], io: Io) => Promise<number>, cwd: string): Promise<{ text: string; code: number }>;
