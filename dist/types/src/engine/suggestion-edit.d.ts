import type { Model } from '../mesh/model.js';
import { type At } from '../model/resource.js';
import type { Suggestion, SuggestionEdit } from '../types.js';
/**
 * A suggestion's YAML as a text edit of the reported file (ESLint's `fix: {range, text}`), when it
 * is one exactly:
 * - whole new objects (every document has apiVersion and kind): added after the reported object;
 * - `key: value`, where `key` is a field on the reported path: that field's value replaced.
 * Anything else — a change to another object or to the mesh config, a template with `<placeholders>`,
 * fields to merge — is advice, not an edit, and gives undefined.
 */
export declare function suggestionEdit(at: At, yamlText: string): SuggestionEdit | undefined;
export interface EditContext {
    model: Model;
    /** The text of a file as linted. */
    text(path: string): string | undefined;
}
/** Text between two offsets of a file replaced. */
export interface Offsets {
    start: number;
    end: number;
    text: string;
}
/** A suggestion merged into the workspace: edits of existing files (by path, in order), then new files. */
export interface WorkspaceEdits {
    edits: Map<string, Offsets[]>;
    created: Array<{
        path: string;
        text: string;
    }>;
}
/**
 * A suggestion as a workspace edit: each YAML document of it is merged into the object it is
 * for — a whole object into the object of that kind and name (or a new file beside the finding's
 * when there is none), YAML under a `# Kind ns/name` comment into that object, and other YAML
 * into the innermost map around the finding that holds all its keys. Maps merge key by key; a
 * list or a value replaces the one written. A suggestion that does not fit (a `<placeholder>` to
 * fill in, a place it names that cannot be followed or found, a merged object that would break
 * its kind's schema) gives no edit.
 */
export declare function suggestionWorkspaceEdits(s: Suggestion, file: string, offset: number, ctx: EditContext): Promise<WorkspaceEdits | undefined>;
