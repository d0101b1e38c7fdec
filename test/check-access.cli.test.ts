import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MESH = join(ROOT, 'test', 'data', 'check-access');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'check-access', MESH, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('meshlint check-access (built CLI)', () => {
  it('exits 0 and names the deciding policy when allowed', () => {
    const r = run('--from', 'front/deployment/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/data');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ALLOWED: /);
    expect(r.out).toContain('enforcement: sidecar');
    expect(r.out).toMatch(/decided by: AuthorizationPolicy shop\/backend-read-only rule 0 \(test\/data\/check-access\/mesh\.yaml:\d+\)/);
  });

  it('exits 1 when denied, and the JSON has the documented shape', () => {
    const r = run('--from', 'front/deployment/frontend', '--to', 'shop/service/backend', '--method', 'POST', '--path', '/api/v1/data', '--format', 'json');
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out);
    expect(d.decision).toBe('DENY');
    expect(d.enforcement).toEqual(['sidecar']);
    expect(d.decidedBy).toMatchObject({ kind: 'AuthorizationPolicy', namespace: 'shop', name: 'backend-read-only' });
    expect(d.decidedBy.file).toBe(join(MESH, 'mesh.yaml'));
    expect(typeof d.decidedBy.line).toBe('number');
    expect(Array.isArray(d.trace)).toBe(true);
  });

  it('accepts a principal and external as sources', () => {
    expect(run('--from', 'cluster.local/ns/front/sa/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x').code).toBe(0);
    expect(run('--from', 'external', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x').code).toBe(1);
  });

  it('exits 2 with close matches for an unknown source', () => {
    const r = run('--from', 'front/deployment/fronted', '--to', 'shop/service/backend');
    expect(r.code).toBe(2);
    expect(r.err).toContain('front/deployment/frontend');
  });

  it('exits 2 on usage errors', () => {
    expect(run('--to', 'shop/service/backend').code).toBe(2);
    expect(run('--from', 'external', '--to', 'shop/service/nope').code).toBe(2);
    expect(run('--from', 'external', '--to', 'shop/service/backend', '--port', 'http').code).toBe(2);
  });
});

// Partial input (issue: "what the manifests don't say is unknown, never allowed").
describe('meshlint check-access on partial or broken input', () => {
  const PARTIAL = join(ROOT, 'test', 'data', 'partial-input');
  const at = (dir: string, ...args: string[]) => {
    const r = spawnSync(process.execPath, [CLI, 'check-access', join(PARTIAL, dir), ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const toPayments = ['--from', 'external', '--to', 'payments/service/payments', '--port', '8080'];

  it('a namespace the input does not declare is assumed to inject sidecars: STRICT refuses the external caller, and the answer says what it assumed', () => {
    const r = at('payments', ...toPayments);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^DENIED: /);
    expect(r.out).toContain('enforcement: sidecar (assumed: sidecar injection in namespace payments: namespace payments is not in the input)');
    const d = JSON.parse(at('payments', ...toPayments, '--format', 'json').out);
    expect(d.decision).toBe('DENY');
    expect(d.assumptions).toEqual([{ namespace: 'payments', dataPlane: 'sidecar', basis: 'setting', missing: 'namespace', why: 'namespace payments is not in the input' }]);
  });

  it('--assume-data-plane none reproduces the old answer, and says it is assumed', () => {
    const r = at('payments', ...toPayments, '--assume-data-plane', 'none', '--format', 'json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.out);
    expect(d).toMatchObject({ decision: 'ALLOW', enforcement: ['none'] });
    expect(d.assumptions[0]).toMatchObject({ namespace: 'payments', dataPlane: 'none' });
    expect(at('payments', ...toPayments, '--assume-data-plane', 'maybe').code).toBe(2);
  });

  it('--no-assume: an answer that rests on an assumption exits 2', () => {
    const r = at('payments', ...toPayments, '--no-assume');
    expect(r.code).toBe(2);
    expect(r.err).toContain('rests on assumed data planes');
    expect(r.err).toContain('namespace payments');
  });

  it('the JSON answer is the documented contract and carries no internal objects', () => {
    const d = JSON.parse(at('payments', ...toPayments, '--format', 'json').out);
    expect(Object.keys(d).sort()).toEqual(['assumptions', 'decidedBy', 'decision', 'enforcement', 'reason', 'trace']);
    expect(Object.keys(d.decidedBy).sort()).toEqual(['file', 'kind', 'line', 'name', 'namespace']);
  });

  it('a YAML error anywhere in the input: no answer (exit 2), naming the file', () => {
    const r = at('broken', '--from', 'external', '--to', 'shop/deployment/web');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('no answer');
    expect(r.err).toMatch(/app\.yaml:25:11 .* \[yaml-syntax\]/);
  });

  it('--ignore-load-errors: the decision, with an incomplete-input warning', () => {
    const r = at('broken', '--from', 'external', '--to', 'shop/deployment/web', '--ignore-load-errors');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^DENIED: /);
    expect(r.out).toContain('warning: incomplete input');
    const d = JSON.parse(at('broken', '--from', 'external', '--to', 'shop/deployment/web', '--ignore-load-errors', '--format', 'json').out);
    expect(d.incompleteInput).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 25, column: 11 })]);
  });

  it('lint and check-access see the same input: the lint run reports the same YAML error', () => {
    const r = spawnSync(process.execPath, [CLI, join(PARTIAL, 'broken'), '--format', 'json'], { encoding: 'utf8', cwd: ROOT });
    const messages = JSON.parse(r.stdout).flatMap((f: { messages: Array<{ ruleId: string; line: number }> }) => f.messages);
    expect(messages).toContainEqual(expect.objectContaining({ ruleId: 'yaml-syntax', line: 25 }));
  });
});
