import { describe, expect, it } from 'vitest';
import { RULES } from '../src/generated/rules.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

// TIMING, as ESLint's: how long each rule took, on stderr, so the report on stdout stays as it is.

describe('TIMING', () => {
  const dir = tempTree(AMBIENT_SHOP);

  it('TIMING=1 prints the 10 slowest rules with their share, after the report', async () => {
    const plain = await cli(['-f', 'json', '.'], { cwd: dir });
    const timed = await cli(['-f', 'json', '.'], { cwd: dir, env: { TIMING: '1' } });
    expect(timed.out).toBe(plain.out);
    expect(timed.code).toBe(plain.code);
    const lines = timed.err.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Rule +\| Time \(ms\) \| Relative$/);
    expect(lines).toHaveLength(11);
    const rows = lines.slice(1).map((l) => l.split('|').map((c) => c.trim()));
    for (const [id, ms, share] of rows) {
      expect(RULES.some((r) => r.id === id)).toBe(true);
      expect(Number(ms)).toBeGreaterThanOrEqual(0);
      expect(share).toMatch(/^\d+\.\d%$/);
    }
    // Slowest first.
    const times = rows.map((r) => Number(r[1]));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(plain.err).toBe('');
  });

  it('TIMING=all lists every rule that ran; TIMING=3 the three slowest', async () => {
    const all = await cli(['.'], { cwd: dir, env: { TIMING: 'all' } });
    const ran = RULES.filter((r) => r.meta.severity !== 'off').length;
    expect(all.err.trimEnd().split('\n')).toHaveLength(ran + 1);
    const three = await cli(['.'], { cwd: dir, env: { TIMING: '3' } });
    expect(three.err.trimEnd().split('\n')).toHaveLength(4);
  });
});
