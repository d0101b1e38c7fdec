import { describe, expect, it } from 'vitest';
import { checkAccess } from '../src/authz/access.js';
import { normalizePath } from '../src/authz/match.js';
import type { PathNormalization } from '../src/model/mesh.js';
import { deployment, modelOf, ns, policy } from './helpers/model.js';

/**
 * Translated from istio tests/integration/security/normalization_test.go (TestNormalization): the
 * path the backend receives — the one Envoy's RBAC matches — for each meshConfig.pathNormalization.
 */
type Case = [input: string, output: string];
const TABLE: Record<PathNormalization, Case[]> = {
  NONE: [
    ['/', '/'],
    ['/app#foo', '/app'],
    ['/app/', '/app/'],
    ['/app/../admin', '/app/../admin'],
    ['/app', '/app'],
    ['/app//', '/app//'],
    ['/app/%2f', '/app/%2f'],
    ['/app%2f/', '/app%2f/'],
    ['/xyz%30..//abc', '/xyz%30..//abc'],
    ['/app/%2E./admin', '/app/%2E./admin'],
    ['/app\\admin', '/app\\admin'],
    ['/app/\\/\\/\\admin', '/app/\\/\\/\\admin'],
    ['/%2Fapp%5cadmin%5Cabc', '/%2Fapp%5cadmin%5Cabc'],
    ['/%5Capp%2f%5c%2F%2e%2e%2fadmin%5c\\abc', '/%5Capp%2f%5c%2F%2e%2e%2fadmin%5c\\abc'],
    ['/app//../admin', '/app//../admin'],
    ['/app//../../admin', '/app//../../admin'],
  ],
  BASE: [
    ['/', '/'],
    ['/app#foo', '/app'],
    ['/app/', '/app/'],
    ['/app/../admin', '/admin'],
    ['/app', '/app'],
    ['/app//', '/app//'],
    ['/app/%2f', '/app/%2f'],
    ['/app%2f/', '/app%2f/'],
    ['/xyz%30..//abc', '/xyz0..//abc'],
    ['/app/%2E./admin', '/admin'],
    ['/app\\admin', '/app/admin'],
    ['/app/\\/\\/\\admin', '/app//////admin'],
    ['/%2Fapp%5cadmin%5Cabc', '/%2Fapp%5cadmin%5Cabc'],
    ['/%5Capp%2f%5c%2F%2e%2e%2fadmin%5c\\abc', '/%5Capp%2f%5c%2F..%2fadmin%5c/abc'],
    ['/app//../admin', '/app/admin'],
    ['/app//../../admin', '/admin'],
  ],
  MERGE_SLASHES: [
    ['/', '/'],
    ['/app#foo', '/app'],
    ['/app/', '/app/'],
    ['/app/../admin', '/admin'],
    ['/app', '/app'],
    ['/app//', '/app/'],
    ['/app/%2f', '/app/%2f'],
    ['/app%2f/', '/app%2f/'],
    ['/xyz%30..//abc', '/xyz0../abc'],
    ['/app/%2E./admin', '/admin'],
    ['/app\\admin', '/app/admin'],
    ['/app/\\/\\/\\admin', '/app/admin'],
    ['/%2Fapp%5cadmin%5Cabc', '/%2Fapp%5cadmin%5Cabc'],
    ['/%5Capp%2f%5c%2F%2e%2e%2fadmin%5c\\abc', '/%5Capp%2f%5c%2F..%2fadmin%5c/abc'],
    ['/app//../admin', '/app/admin'],
    ['/app//../../admin', '/admin'],
  ],
  DECODE_AND_MERGE_SLASHES: [
    ['/', '/'],
    ['/app#foo', '/app'],
    ['/app/', '/app/'],
    ['/app/../admin', '/admin'],
    ['/app', '/app'],
    ['/app//', '/app/'],
    ['/app/%2f', '/app/'],
    ['/app%2f/', '/app/'],
    ['/xyz%30..//abc', '/xyz0../abc'],
    ['/app/%2E./admin', '/admin'],
    ['/app\\admin', '/app/admin'],
    ['/app/\\/\\/\\admin', '/app/admin'],
    ['/%2Fapp%5cadmin%5Cabc', '/app/admin/abc'],
    ['/%5Capp%2f%5c%2F%2e%2e%2fadmin%5c\\abc', '/app/admin/abc'],
    ['/app//../admin', '/app/admin'],
    ['/app//../../admin', '/admin'],
    ['/%c0%2e%c0%2e/admin', '/%c0.%c0./admin'],
    ['/%c0%2fadmin', '/%c0/admin'],
    // "NotNormalized" (DECODE_AND_MERGE_SLASHES)
    ['/0x2e0x2e/admin', '/0x2e0x2e/admin'],
    ['/%25c0%25ae%25c1%259cadmin', '/%25c0%25ae%25c1%259cadmin'],
    ['/%252e%252e/admin', '/%252e%252e/admin'],
    ['/%252e%252e%252fadmin', '/%252e%252e%252fadmin'],
    ['/%c1%9cadmin', '/%c1%9cadmin'],
    ['/%c0%ae%c0%ae/admin', '/%c0%ae%c0%ae/admin'],
    ['/.../admin', '/.../admin'],
    ['/..../admin', '/..../admin'],
    ['/..;/admin', '/..;/admin'],
    ['/;/admin', '/;/admin'],
    ['/admin;a=b/xyz', '/admin;a=b/xyz'],
    ['/admin,a=b/xyz', '/admin,a=b/xyz'],
    ['/Admin', '/Admin'],
    ['/ADMIN', '/ADMIN'],
  ],
};

describe('normalizePath: istio normalization_test.go', () => {
  for (const [mode, cases] of Object.entries(TABLE) as Array<[PathNormalization, Case[]]>) {
    it.each(cases)(`${mode}: %s`, (input, output) => {
      expect(normalizePath(input, mode)).toEqual({ path: output });
    });
  }

  it('PercentEncoded (DECODE_AND_MERGE_SLASHES): %01 to %ff, only unreserved characters, / and \\ decoded', () => {
    const supported = (i: number) => [0x2d, 0x2e, 0x2f, 0x5c, 0x5f, 0x7e].includes(i) || (i >= 0x30 && i <= 0x39) || (i >= 0x41 && i <= 0x5a) || (i >= 0x61 && i <= 0x7a);
    for (let i = 1; i <= 0xff; i++) {
      const input = `/admin%${i.toString(16).padStart(2, '0')}`;
      let output = input;
      if (supported(i)) output = `/admin${i === 0x5c ? '/' : String.fromCharCode(i)}`;
      expect(normalizePath(input, 'DECODE_AND_MERGE_SLASHES').path, input).toBe(output);
    }
  });

  it('Invalid: /admin%00 is refused (400)', () => {
    expect(normalizePath('/admin%00', 'DECODE_AND_MERGE_SLASHES').rejected).toBeDefined();
  });
});

/**
 * Translated from istio tests/integration/security/authz_test.go (TestAuthz_PathNormalization,
 * testdata/authz/path-normalization.yaml.tmpl): ALLOW GET `/public*` under the default BASE.
 */
describe('check-access: TestAuthz_PathNormalization', () => {
  const yaml =
    ns('shop', { 'istio-injection': 'enabled' }) +
    ns('front', { 'istio-injection': 'enabled' }) +
    deployment('b', 'shop') +
    deployment('a', 'front') +
    policy('b', 'shop', 'selector:\n  matchLabels:\n    app: b\nrules:\n- to:\n  - operation:\n      paths: ["/public*"]\n      methods: ["GET"]');
  const cases: Array<[string, boolean]> = [
    ['/public', true],
    ['/public/../public', true],
    ['/private', false],
    ['/public/../private', false],
    ['/public/./../private', false],
    ['/public/.././private', false],
    ['/public/%2E%2E/private', false],
    ['/public/%2e%2e/private', false],
    ['/public/%2E/%2E%2E/private', false],
    ['/public/%2e/%2e%2e/private', false],
    ['/public/%2E%2E/%2E/private', false],
    ['/public/%2e%2e/%2e/private', false],
  ];
  it.each(cases)('%s allowed: %s', async (path, allow) => {
    const model = await modelOf(yaml);
    const a = model.workloadsIn('front').find((w) => w.name === 'a')!;
    const d = checkAccess(model, { from: { kind: 'workload', workload: a }, to: { service: model.service('shop', 'b')! }, port: 80, method: 'GET', path });
    expect(d.decision).toBe(allow ? 'ALLOW' : 'DENY');
  });
});
