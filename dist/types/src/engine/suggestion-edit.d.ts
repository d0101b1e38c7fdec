import type { At } from '../model/resource.js';
import type { SuggestionEdit } from '../types.js';
/**
 * A suggestion's YAML as a text edit of the reported file (ESLint's `fix: {range, text}`), when it
 * is one exactly:
 * - whole new objects (every document has apiVersion and kind): added after the reported object;
 * - `key: value`, where `key` is a field on the reported path: that field's value replaced.
 * Anything else — a change to another object or to the mesh config, a template with `<placeholders>`,
 * fields to merge — is advice, not an edit, and gives undefined.
 */
export declare function suggestionEdit(at: At, yamlText: string): SuggestionEdit | undefined;
