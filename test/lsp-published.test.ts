import { describe, expect, it } from 'vitest';
import { fileUri, Published } from '../src/lsp/diagnostics.js';
import type { Diagnostic } from '../src/types.js';

// After an edit the server publishes only the files whose diagnostics change: on a large
// workspace an edit changes a few files' findings out of thousands.

const finding = (message: string, related?: Diagnostic['related']): Diagnostic => ({ ruleId: 'r', severity: 2, message, file: '/w/a.yaml', line: 1, column: 1, endLine: 1, endColumn: 5, ...(related ? { related } : {}) });

describe('Published', () => {
  it('sends a file when its diagnostics first appear, change or go, and not when they stay the same', () => {
    const published = new Published();
    const first = published.changes(new Map([['/w/a.yaml', [finding('x')]], ['/w/b.yaml', []]]), fileUri);
    expect(first.map(([path, ds]) => [path, ds.map((d) => d.message)])).toEqual([['/w/a.yaml', ['x']]]);
    // The same findings, as new objects from the next lint: nothing to send.
    expect(published.changes(new Map([['/w/a.yaml', [finding('x')]], ['/w/b.yaml', []]]), fileUri)).toEqual([]);
    const changed = published.changes(new Map([['/w/a.yaml', [finding('y')]]]), fileUri);
    expect(changed.map(([path, ds]) => [path, ds.map((d) => d.message)])).toEqual([['/w/a.yaml', ['y']]]);
    expect(published.changes(new Map(), fileUri)).toEqual([['/w/a.yaml', []]]);
  });

  it('sends a file again when a related place moves or is published under another URI', () => {
    const published = new Published();
    const related = [{ message: 'here', file: '/w/b.yaml', line: 3, column: 1 }];
    published.changes(new Map([['/w/a.yaml', [finding('x', related)]]]), fileUri);
    expect(published.changes(new Map([['/w/a.yaml', [finding('x', related)]]]), fileUri)).toEqual([]);
    expect(published.changes(new Map([['/w/a.yaml', [finding('x', [{ ...related[0]!, line: 4 }])]]]), fileUri)).toHaveLength(1);
    const editorUri = (path: string) => (path === '/w/b.yaml' ? 'untitled:b' : fileUri(path));
    const again = published.changes(new Map([['/w/a.yaml', [finding('x', [{ ...related[0]!, line: 4 }])]]]), editorUri);
    expect(again).toHaveLength(1);
    expect(again[0]![1][0]!.relatedInformation![0]!.location.uri).toBe('untitled:b');
  });
});
