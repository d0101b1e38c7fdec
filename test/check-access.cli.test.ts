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

  it('says which path the policies matched when normalization changed it (BASE by default, --path-normalization)', () => {
    const r = run('--from', 'front/deployment/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/../../admin');
    expect(r.code).toBe(1);
    expect(r.out).toContain('  [sidecar] Deployment shop/backend: path — pathNormalization BASE: policies match "/admin" (the request gave "/api/v1/../../admin")\n');
    const none = run('--from', 'front/deployment/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/../../admin', '--path-normalization', 'NONE');
    expect(none.code).toBe(0);
    expect(none.out).not.toContain('pathNormalization');
  });

  it('denies a caller of another trust domain at the handshake; --trust-domain-alias admits it', () => {
    const r = run('--from', 'other-td/ns/front/sa/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'reason: the peer\'s trust domain "other-td" is neither the mesh\'s trust domain "cluster.local" nor one of its trustDomainAliases: the sidecar of Deployment shop/backend refuses the mTLS handshake, whatever the policies say\n',
    );
    expect(r.out).toContain('  [sidecar] Deployment shop/backend: handshake-refused — the peer\'s trust domain "other-td"');
    // Accepted as an alias, and the policy's cluster.local principal is rewritten to it too.
    const alias = run('--from', 'other-td/ns/front/sa/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x', '--trust-domain-alias', 'other-td');
    expect(alias.code).toBe(0);
    // With trust domain td1, the cluster.local caller is refused: cluster.local is no alias.
    expect(run('--from', 'cluster.local/ns/front/sa/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x', '--trust-domain', 'td1').code).toBe(1);
    expect(run('--from', 'front/deployment/frontend', '--to', 'shop/service/backend', '--method', 'GET', '--path', '/api/v1/x', '--trust-domain', 'td1').code).toBe(0);
  });

  it('connection.sni: a sidecar client sends outbound_.<port>_._.<host> (authz_test.go /connection-sni-*)', () => {
    const envoy = (...args: string[]) => {
      const r = spawnSync(process.execPath, [CLI, 'check-access', join(ROOT, 'test', 'data', 'check-access-envoy'), ...args], { encoding: 'utf8', cwd: ROOT });
      return { code: r.status, out: r.stdout };
    };
    const call = (path: string, from = 'front/deployment/frontend') => envoy('--from', from, '--to', 'shop/service/backend', '--method', 'GET', '--path', path);
    const good = call('/connection-sni-good');
    expect(good.code).toBe(0);
    expect(good.out).toContain('decided by: AuthorizationPolicy shop/backend-connection-sni rule 0');
    expect(call('/connection-sni-bad').code).toBe(1);
    expect(call('/connection-sni-notValues').code).toBe(1);
    // The principal of a sidecar workload of the input connects like it.
    expect(call('/connection-sni-good', 'cluster.local/ns/front/sa/frontend').code).toBe(0);
  });

  it('several CUSTOM providers on one workload: their rules act as DENY, and the trace says why', () => {
    const r = spawnSync(process.execPath, [CLI, 'check-access', join(ROOT, 'test', 'data', 'check-access-envoy'), '--from', 'front/deployment/frontend', '--to', 'shop/service/httpbin', '--method', 'GET', '--path', '/httpbin1'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('decided by: AuthorizationPolicy shop/httpbin-1 rule 0');
    expect(r.stdout).toContain(
      '  [sidecar] shop/httpbin-1 (CUSTOM): match rule 0 — CUSTOM policies of several providers ("another", "default") apply and PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off, so istiod turns their rules into DENY rules\n',
    );
    const other = spawnSync(process.execPath, [CLI, 'check-access', join(ROOT, 'test', 'data', 'check-access-envoy'), '--from', 'front/deployment/frontend', '--to', 'shop/service/httpbin', '--method', 'GET', '--path', '/other'], { encoding: 'utf8', cwd: ROOT });
    expect(other.status).toBe(0);
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
