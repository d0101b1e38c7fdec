import type { Formatter } from '../formatter.js';
export declare const FORMATTERS: Record<string, Formatter>;
