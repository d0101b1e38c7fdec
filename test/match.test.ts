import { describe, expect, it } from 'vitest';
import {
  expandTrustDomainAliases,
  normalizePath,
  replaceTrustDomainAliases,
  matchNamespacePattern,
  parsePrincipalPattern,
  parseServiceAccountEntry,
  principalPatternMatches,
} from '../src/authz/match.js';

// Cases follow istio pilot/pkg/security/authz/model/generator.go (srcNamespaceGenerator,
// srcPrincipalGenerator), matcher/string.go (StringMatcherWithPrefix) and trustdomain/bundle.go.
describe('matchNamespacePattern', () => {
  it.each([
    ['shop', 'shop', true],
    ['shop', 'shops', false],
    ['*', 'anything', true],
    ['prod-*', 'prod-eu', true],
    ['prod-*', 'staging-eu', false],
    ['*-prod', 'eu-prod', true],
    ['*-prod', 'eu-prod-2', false],
    // Envoy turns every `*` into `.*`, so an inner wildcard matches too.
    ['team-*-prod', 'team-a-prod', true],
    ['team-*-prod', 'team-prod', false],
    ['a*a', 'a', false],
    ['a*a', 'aa', true],
  ])('%s vs %s → %s', (pattern, ns, expected) => {
    expect(matchNamespacePattern(pattern, ns)).toBe(expected);
  });
});

describe('parsePrincipalPattern', () => {
  it('pins namespace and service account of an exact principal', () => {
    const p = parsePrincipalPattern('cluster.local/ns/shop/sa/cart', 'cluster.local');
    expect(p).toMatchObject({ kind: 'exact', scope: 'local', namespace: 'shop', serviceAccount: 'cart' });
    expect(principalPatternMatches(p, 'cluster.local/ns/shop/sa/cart')).toBe(true);
    expect(principalPatternMatches(p, 'cluster.local/ns/shop/sa/carts')).toBe(false);
  });

  it('rewrites cluster.local to the mesh trust domain, as ReplaceTrustDomainAliases does', () => {
    const p = parsePrincipalPattern('cluster.local/ns/shop/sa/cart', 'example.org');
    expect(p.scope).toBe('local');
    expect(principalPatternMatches(p, 'example.org/ns/shop/sa/cart')).toBe(true);
  });

  it('leaves another trust domain alone (foreign)', () => {
    const p = parsePrincipalPattern('other.org/ns/shop/sa/cart', 'cluster.local');
    expect(p.scope).toBe('foreign');
    expect(principalPatternMatches(p, 'cluster.local/ns/shop/sa/cart')).toBe(false);
  });

  it('does not rewrite a four-part prefix pattern', () => {
    expect(parsePrincipalPattern('cluster.local/ns/shop/*', 'example.org').scope).toBe('foreign');
    const p = parsePrincipalPattern('cluster.local/ns/shop/*', 'cluster.local');
    expect(p).toMatchObject({ kind: 'prefix', scope: 'local', namespace: 'shop' });
    expect(principalPatternMatches(p, 'cluster.local/ns/shop/sa/any')).toBe(true);
    expect(principalPatternMatches(p, 'cluster.local/ns/shops/sa/any')).toBe(false);
  });

  it('pins no namespace when the namespace segment is itself a prefix', () => {
    expect(parsePrincipalPattern('cluster.local/ns/sho*', 'cluster.local').namespace).toBeUndefined();
  });

  it('reads */ns/<ns>/sa/<sa> as any trust domain, one namespace', () => {
    const p = parsePrincipalPattern('*/ns/shop/sa/cart', 'cluster.local');
    expect(p).toMatchObject({ kind: 'suffix', scope: 'any', namespace: 'shop' });
    expect(principalPatternMatches(p, 'cluster.local/ns/shop/sa/cart')).toBe(true);
  });

  it('reads a suffix that ends another trust domain as foreign', () => {
    expect(parsePrincipalPattern('*.corp/ns/shop/sa/cart', 'cluster.local').scope).toBe('foreign');
    expect(parsePrincipalPattern('*local/ns/shop/sa/cart', 'cluster.local').scope).toBe('any');
  });

  it('pins nothing for a suffix without /ns/', () => {
    const p = parsePrincipalPattern('*/sa/cart', 'cluster.local');
    expect(p.scope).toBe('any');
    expect(p.namespace).toBeUndefined();
  });

  it('flags values that can never match', () => {
    expect(parsePrincipalPattern('spiffe://cluster.local/ns/shop/sa/cart', 'cluster.local').impossible).toBe('spiffe-scheme');
    expect(parsePrincipalPattern('cluster.local/ns/*/sa/cart', 'cluster.local').impossible).toBe('inner-wildcard');
    expect(parsePrincipalPattern('*/ns/*/sa/cart', 'cluster.local').impossible).toBe('inner-wildcard');
    const any = parsePrincipalPattern('*', 'cluster.local');
    expect(any.kind).toBe('any');
    expect(any.impossible).toBeUndefined();
  });
});

describe('parseServiceAccountEntry', () => {
  it('defaults to the policy namespace', () => {
    expect(parseServiceAccountEntry('cart', 'shop')).toEqual({ namespace: 'shop', serviceAccount: 'cart' });
    expect(parseServiceAccountEntry('web/frontend', 'shop')).toEqual({ namespace: 'web', serviceAccount: 'frontend' });
  });
});

describe('normalizePath (istio.io "Authorization Policy Normalization"; listener_builder.go)', () => {
  const cases: Array<[string, string, string, string, string, string]> = [
    // path, NONE, BASE, MERGE_SLASHES, DECODE_AND_MERGE_SLASHES
    ['/some%2fdata/%61%62%63', '/some%2fdata/%61%62%63', '/some%2fdata/abc', '/some%2fdata/abc', '/some/data/abc', 'percent-decoding'],
    ['/some\\data', '/some\\data', '/some/data', '/some/data', '/some/data', 'backslash'],
    ['/some//data///abc', '/some//data///abc', '/some//data///abc', '/some/data/abc', '/some/data/abc', 'merge slashes'],
    ['/public/./data/abc/../xyz', '/public/./data/abc/../xyz', '/public/data/xyz', '/public/data/xyz', '/public/data/xyz', 'dot segments'],
    ['/a/../../b', '/a/../../b', '/b', '/b', '/b', 'never above the root'],
    ['/a/b/..', '/a/b/..', '/a/', '/a/', '/a/', 'trailing ..'],
    ['/a/%2E%2E/b', '/a/%2E%2E/b', '/b', '/b', '/b', 'encoded dots'],
    ['/a%3Fb/%2D%5F%7E', '/a%3Fb/%2D%5F%7E', '/a%3Fb/-_~', '/a%3Fb/-_~', '/a%3Fb/-_~', 'only unreserved characters are decoded'],
    ['/a%5cb', '/a%5cb', '/a%5cb', '/a%5cb', '/a/b', '%5C'],
    ['/a/../b?x=/c/../d', '/a/../b?x=/c/../d', '/b?x=/c/../d', '/b?x=/c/../d', '/b?x=/c/../d', 'query untouched'],
  ];
  it.each(cases)('%s', (path, none, base, merge, decode) => {
    expect(normalizePath(path, 'NONE').path).toBe(none);
    expect(normalizePath(path, 'BASE').path).toBe(base);
    expect(normalizePath(path, 'MERGE_SLASHES').path).toBe(merge);
    expect(normalizePath(path, 'DECODE_AND_MERGE_SLASHES').path).toBe(decode);
  });
  it('decodes once (no double decoding)', () => {
    expect(normalizePath('/%2561', 'BASE').path).toBe('/%2561');
  });
  it('%00 is rejected unless normalization is off', () => {
    expect(normalizePath('/a%00', 'BASE').rejected).toBeDefined();
    expect(normalizePath('/a%00', 'NONE').rejected).toBeUndefined();
  });
});

describe('replaceTrustDomainAliases (pilot/pkg/security/trustdomain/bundle_test.go)', () => {
  const cases: Array<[string, string[], string[], string[]]> = [
    ['No trust domain aliases', ['cluster.local'], ['cluster.local/ns/foo/sa/bar'], ['cluster.local/ns/foo/sa/bar']],
    ['Principal with *', ['cluster.local'], ['*'], ['*']],
    ['Principal with * prefix', ['cluster.local'], ['*/ns/foo/sa/bar'], ['*/ns/foo/sa/bar']],
    ['One trust domain alias, one principal', ['td2', 'td1'], ['td1/ns/foo/sa/bar'], ['td2/ns/foo/sa/bar', 'td1/ns/foo/sa/bar']],
    ['One alias, two principals', ['td1', 'cluster.local'], ['cluster.local/ns/foo/sa/bar', 'cluster.local/ns/yyy/sa/zzz'], ['td1/ns/foo/sa/bar', 'cluster.local/ns/foo/sa/bar', 'td1/ns/yyy/sa/zzz', 'cluster.local/ns/yyy/sa/zzz']],
    ['One alias, principals with * as-is', ['td1', 'cluster.local'], ['*/ns/foo/sa/bar', '*sa/zzz', '*'], ['*/ns/foo/sa/bar', '*sa/zzz', '*']],
    ['* prefix in trust domain', ['td2', 'foo-td1', 'cluster.local'], ['*-td1/ns/foo/sa/bar'], ['td2/ns/foo/sa/bar', '*-td1/ns/foo/sa/bar', 'cluster.local/ns/foo/sa/bar']],
    ['Principals not match any trust domains', ['td1', 'td2'], ['some-td/ns/foo/sa/bar'], ['some-td/ns/foo/sa/bar']],
    ['Principals match one alias', ['td1', 'td2', 'some-td'], ['some-td/ns/foo/sa/bar'], ['td1/ns/foo/sa/bar', 'td2/ns/foo/sa/bar', 'some-td/ns/foo/sa/bar']],
    ['One principal match one alias', ['new-td', 'td2', 'td3'], ['td1/ns/some-ns/sa/some-sa', 'td2/ns/foo/sa/bar'], ['td1/ns/some-ns/sa/some-sa', 'new-td/ns/foo/sa/bar', 'td2/ns/foo/sa/bar', 'td3/ns/foo/sa/bar']],
    ['Trust domain is empty string', ['new-td', 'td2', 'td3'], ['/ns/some-ns/sa/some-sa'], ['/ns/some-ns/sa/some-sa']],
    ['No duplicated principals for prefix', ['new-td', 'old-td'], ['*-td/ns/some-ns/sa/some-sa'], ['*-td/ns/some-ns/sa/some-sa']],
    ['cluster.local when it is no alias', ['td1'], ['cluster.local/ns/foo/sa/bar'], ['td1/ns/foo/sa/bar']],
    // builder testdata td-aliases-source-principal (source.principal, bundle new-td + old-td, some-trustdomain)
    ['td-aliases-source-principal', ['new-td', 'old-td', 'some-trustdomain'], ['*', '*/ns/foo/sa/all-td', '*-td/ns/foo/sa/prefix-td'], ['*', '*/ns/foo/sa/all-td', '*-td/ns/foo/sa/prefix-td', 'some-trustdomain/ns/foo/sa/prefix-td']],
    // builder testdata simple-policy-principal-with-wildcard (bundle td1 + foobar)
    ['simple-policy-principal-with-wildcard', ['td1', 'foobar'], ['*/ns/foo/sa/x', '*bar/ns/foo/sa/y'], ['*/ns/foo/sa/x', 'td1/ns/foo/sa/y', '*bar/ns/foo/sa/y']],
  ];
  it.each(cases)('%s', (_name, bundle, principals, expected) => {
    expect(principals.flatMap((p) => replaceTrustDomainAliases(p, bundle))).toEqual(expected);
  });
  it('ExpandTrustDomainAliases: a known trust domain stands for all', () => {
    expect(expandTrustDomainAliases(['td1', 'other'], ['td2', 'td1'])).toEqual(['td2', 'td1', 'other']);
  });
});

describe('parsePrincipalPattern with trust domain aliases', () => {
  it('a principal written with an alias is local and rewritten to the trust domain', () => {
    const pp = parsePrincipalPattern('old-td/ns/shop/sa/cart', 'new-td', ['old-td']);
    expect(pp).toMatchObject({ kind: 'exact', pattern: 'new-td/ns/shop/sa/cart', scope: 'local', namespace: 'shop', serviceAccount: 'cart' });
    expect(parsePrincipalPattern('old-td/ns/shop/sa/cart', 'new-td').scope).toBe('foreign');
  });
});
