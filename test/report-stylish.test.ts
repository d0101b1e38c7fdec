import { describe, expect, it } from 'vitest';
import { stylish, wrap } from '../src/report/formatters/stylish.js';
import type { FileResult } from '../src/engine/lint.js';

describe('stylish formatter', () => {
  const long = 'AuthorizationPolicy "cart-get-only" is enforced by ztunnel on Deployment shop/cart, and ztunnel cannot match "methods": every rule of this ALLOW policy is dropped. Attach it to a waypoint with targetRefs.';

  it('wraps long messages at 80 columns and indents the continuation', () => {
    const lines = wrap(long).split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines[0]!.length).toBeLessThanOrEqual(80);
    for (const l of lines.slice(1)) expect(l.startsWith('    ')).toBe(true);
    expect(lines.map((l) => l.trim()).join(' ')).toBe(long);
  });

  it('keeps short messages on one line', () => {
    expect(wrap('Short message.')).toBe('Short message.');
  });

  it('keeps the table narrow: no row is padded past the wrapped message width', () => {
    const result: FileResult = {
      filePath: '/repo/a.yaml',
      errorCount: 1,
      warningCount: 1,
      fatalErrorCount: 0,
      suppressedMessages: [],
      messages: [
        { ruleId: 'ztunnel-l7-policy', severity: 2, message: long, file: '/repo/a.yaml', line: 3, column: 5, endLine: 3, endColumn: 12 },
        { ruleId: 'policy-selects-nothing', severity: 1, message: 'Short.', file: '/repo/a.yaml', line: 9, column: 1, endLine: 9, endColumn: 4 },
      ],
    };
    const out = stylish([result], { cwd: '/repo', color: false, rules: [], version: '0' });
    expect(out).toContain('a.yaml');
    for (const line of out.split('\n')) expect(line.length).toBeLessThan(160);
    expect(out).toMatch(/9:1-9:4 +warning Short\. +policy-selects-nothing/);
  });
});
