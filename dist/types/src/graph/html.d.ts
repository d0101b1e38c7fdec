import type { AccessGraph } from './graph.js';
export declare function formatHtml(g: AccessGraph, title?: string): string;
