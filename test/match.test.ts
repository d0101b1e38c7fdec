import { describe, expect, it } from 'vitest';
import {
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
