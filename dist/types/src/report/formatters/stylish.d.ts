import type { Formatter } from '../formatter.js';
export declare function wrap(text: string, width?: number): string;
/** Human output through vfile-reporter: grouped per file, with rule ids and a summary. */
export declare const stylish: Formatter;
