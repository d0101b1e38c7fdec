// Types of scripts/code-server.mjs, for test/vscode-activation.test.ts.
import type { Page } from 'playwright-core';

export const CHROMIUM: string;
export const CHROMIUM_ARGS: string[];
export function findCodeServer(env?: NodeJS.ProcessEnv): string | undefined;
export interface CodeServer {
  /** The workbench's address, `http://127.0.0.1:<port>`. */
  base: string;
  stop(): Promise<void>;
}
export function startCodeServer(options: { bin: string; vsix: string }): Promise<CodeServer>;
export function openWorkbench(page: Page, base: string, folder: string): Promise<void>;
export function openFile(page: Page, name: string): Promise<void>;
export interface Problem {
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}
export function readProblems(page: Page, name: string, count: number): Promise<Problem[]>;
export function focusEditor(page: Page): Promise<void>;
export function hover(page: Page, line: RegExp, word: string, expect: string): Promise<string>;
