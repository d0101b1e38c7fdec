/**
 * Istio's string and value matching for AuthorizationPolicy fields
 * (istio pilot/pkg/security/authz/matcher/string.go, pilot/pkg/security/authz/model/generator.go):
 * `*` matches any non-empty value (presence), `prefix*` and `*suffix` match by prefix and suffix,
 * anything else matches exactly.
 */
export function matchString(pattern: string, value: string): boolean {
  if (pattern === '*') return value !== '';
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return pattern === value;
}

export function matchAny(patterns: readonly string[], value: string | undefined): boolean {
  if (value === undefined) return false;
  return patterns.some((p) => matchString(p, value));
}

/**
 * Principal patterns as Istio builds them (generator.go, srcPrincipalGenerator): the values of
 * `principals` are matched against `<trustDomain>/ns/<ns>/sa/<sa>` (Envoy compares against the
 * SPIFFE URI with the `spiffe://` prefix added to exact and prefix forms).
 */
export function matchPrincipal(pattern: string, principal: string): boolean {
  return matchString(pattern, principal);
}

/**
 * `serviceAccounts` entries are `<ns>/<sa>` or `<sa>` (the policy's namespace), matched exactly
 * (istio pilot/pkg/serviceregistry/ambient/authorization.go, stringToServiceAccountMatch).
 */
export function matchServiceAccount(entry: string, policyNamespace: string, ns: string, sa: string): boolean {
  const slash = entry.indexOf('/');
  const [eNs, eSa] = slash === -1 ? [policyNamespace, entry] : [entry.slice(0, slash), entry.slice(slash + 1)];
  return eNs === ns && eSa === sa;
}

/** Parse an IPv4 or IPv6 address into a bigint and its bit length. */
function parseIp(ip: string): { value: bigint; bits: number } | undefined {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(ip)) {
    const parts = ip.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { value: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n), bits: 32 };
  }
  if (ip.includes(':')) {
    const [head, tail] = ip.split('::');
    if (ip.split('::').length > 2) return undefined;
    const h = head ? head.split(':') : [];
    const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
    const missing = 8 - h.length - t.length;
    if (tail === undefined ? h.length !== 8 : missing < 0) return undefined;
    const groups = [...h, ...Array(tail === undefined ? 0 : missing).fill('0'), ...t];
    if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return { value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n), bits: 128 };
  }
  return undefined;
}

/** Whether `ip` is inside `cidr` (an address alone means the single address). */
export function ipInCidr(ip: string, cidr: string): boolean {
  const [net, lenText] = cidr.split('/');
  const a = parseIp(ip);
  const n = parseIp(net ?? '');
  if (!a || !n || a.bits !== n.bits) return false;
  const len = lenText === undefined ? n.bits : Number(lenText);
  if (!Number.isInteger(len) || len < 0 || len > n.bits) return false;
  const shift = BigInt(n.bits - len);
  return a.value >> shift === n.value >> shift;
}

export function isValidCidr(cidr: string): boolean {
  const [net, lenText] = cidr.split('/');
  const n = parseIp(net ?? '');
  if (!n) return false;
  if (lenText === undefined) return true;
  const len = Number(lenText);
  return Number.isInteger(len) && len >= 0 && len <= n.bits;
}

/**
 * Path matching (pilot/pkg/security/authz/model/generator.go pathGenerator, matcher/template.go):
 * exact, `prefix*`, `*suffix`, `*`; and path templates, which Envoy turns into a regex
 * (envoy source/extensions/path/uri_template_lib/uri_template_internal.cc): `{*}` is one or more
 * path characters without `/`, `{**}` zero or more with `/`, everything else literal. Envoy's
 * PathMatcher and the URI template matcher both ignore the query string and fragment.
 */
export function matchPath(pattern: string, path: string): boolean {
  const bare = path.replace(/[?#].*$/, '');
  if (pattern.includes('{*}') || pattern.includes('{**}')) {
    const PCHAR = "[A-Za-z0-9\\-._~%!$&'()+,;:@=]";
    const source = pattern
      .split(/(\{\*\*\}|\{\*\})/)
      .map((part) => (part === '{**}' ? `(?:${PCHAR}|/)*` : part === '{*}' ? `${PCHAR}+` : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return new RegExp(`^${source}$`).test(bare);
  }
  return matchString(pattern, bare);
}

/**
 * `namespaces` and `source.namespace` at Envoy (generator.go, srcNamespaceGenerator): every `*` of
 * the value becomes `.*` in a regex on the peer's namespace, so a `*` in the middle is a wildcard
 * too. ztunnel gets only exact, prefix, suffix and presence (ambient/authorization.go,
 * stringToMatch): use matchString there.
 */
export function matchNamespace(pattern: string, namespace: string): boolean {
  if (!pattern.includes('*')) return pattern === namespace;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(namespace);
}

/**
 * Namespace patterns of `namespaces`/`notNamespaces` and `when: source.namespace` as Envoy matches
 * them (generator.go, srcNamespaceGenerator): every `*` becomes `.*` in a regex over the namespace
 * segment of the peer identity. ztunnel only knows exact, `prefix*`, `*suffix` and `*`
 * (ambient/authorization.go, stringToMatch); this is the wider of the two, so a pattern that
 * matches no name here matches none at either enforcement point.
 */
export function matchNamespacePattern(pattern: string, ns: string): boolean {
  if (!pattern.includes('*')) return pattern === ns;
  const parts = pattern.split('*');
  if (!ns.startsWith(parts[0]!)) return false;
  let pos = parts[0]!.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const at = ns.indexOf(parts[i]!, pos);
    if (at === -1) return false;
    pos = at + parts[i]!.length;
  }
  const last = parts[parts.length - 1]!;
  return ns.length - last.length >= pos && ns.endsWith(last);
}

/** The Istio trust domain every mesh recognises as "this mesh" (pkg/config/constants, DefaultClusterLocalDomain). */
export const CLUSTER_LOCAL_TRUST_DOMAIN = 'cluster.local';

export interface PrincipalPattern {
  /** How Envoy and ztunnel compare it (matcher/string.go StringMatcherWithPrefix; ambient stringToMatch). */
  kind: 'any' | 'exact' | 'prefix' | 'suffix';
  /** The pattern with its trust domain rewritten to the mesh's, as istiod does for `cluster.local`. */
  pattern: string;
  /** The literal part compared (without the `*`). */
  literal: string;
  /** The namespace every identity it matches lives in, when the pattern pins one. */
  namespace?: string;
  /** The service account, for exact principals. */
  serviceAccount?: string;
  /**
   * Whether the pattern can match identities of this mesh's trust domain only ('local'), of any
   * trust domain ('any'), or only of another trust domain or of no SPIFFE identity ('foreign').
   */
  scope: 'local' | 'any' | 'foreign';
  /** Why it can never match any identity at all. */
  impossible?: 'spiffe-scheme' | 'inner-wildcard';
}

/**
 * How istiod reads a `principals` entry (or a `source.principal` value):
 *  - matching (pilot/pkg/security/authz/matcher/string.go, StringMatcherWithPrefix): `*` is presence,
 *    a leading `*` a suffix match, else a trailing `*` a prefix match, else exact; Envoy prepends
 *    `spiffe://` to exact and prefix values, so a value that already carries it never matches, and a
 *    `*` anywhere else is compared literally;
 *  - trust domain (pilot/pkg/security/trustdomain/bundle.go, ReplaceTrustDomainAliases): a principal
 *    of five `/`-separated parts whose trust domain is `cluster.local`, the mesh's or one of its
 *    `aliases` is rewritten to the mesh's trust domain (and its aliases); a first part of `*`
 *    enforces no trust domain.
 */
export function parsePrincipalPattern(value: string, trustDomain: string, aliases: readonly string[] = []): PrincipalPattern {
  if (value === '*') return { kind: 'any', pattern: value, literal: '', scope: 'any' };
  let pattern = value;
  const parts = value.split('/');
  if (parts.length === 5 && (parts[0] === CLUSTER_LOCAL_TRUST_DOMAIN || parts[0] === trustDomain || aliases.includes(parts[0]!))) {
    pattern = [trustDomain, ...parts.slice(1)].join('/');
  }
  const kind: PrincipalPattern['kind'] = pattern.startsWith('*') ? 'suffix' : pattern.endsWith('*') ? 'prefix' : 'exact';
  const literal = kind === 'suffix' ? pattern.slice(1) : kind === 'prefix' ? pattern.slice(0, -1) : pattern;
  const out: PrincipalPattern = { kind, pattern, literal, scope: 'foreign' };
  if (literal.includes('*')) return { ...out, impossible: 'inner-wildcard' };
  if (kind !== 'suffix' && literal.startsWith('spiffe://')) return { ...out, impossible: 'spiffe-scheme' };
  if (kind === 'suffix') {
    // `*/ns/<ns>/…` or `*<end of a trust domain>/ns/<ns>/…`: one namespace, any trust domain that
    // ends that way. Without `/ns/<ns>/` the pattern may match any namespace.
    const m = /^([^/]*)\/ns\/([^/]+)\/(.*)$/.exec(literal);
    if (!m) return { ...out, scope: 'any' };
    return { ...out, scope: trustDomain.endsWith(m[1]!) ? 'any' : 'foreign', namespace: m[2] };
  }
  const local = `${trustDomain}/`;
  if (literal.startsWith(local)) out.scope = 'local';
  else if (kind === 'prefix' && local.startsWith(literal)) out.scope = 'local';
  const m = /^[^/]+\/ns\/([^/]+)\/(.*)$/.exec(literal);
  if (m && out.scope === 'local') {
    out.namespace = m[1];
    const sa = /^sa\/([^/]+)$/.exec(m[2]!);
    if (kind === 'exact' && sa) out.serviceAccount = sa[1];
  }
  return out;
}

/** Whether a parsed principal pattern matches the identity `<trustDomain>/ns/<ns>/sa/<sa>`. */
export function principalPatternMatches(p: PrincipalPattern, identity: string): boolean {
  if (p.impossible) return false;
  return matchString(p.pattern, identity);
}

/**
 * A `serviceAccounts` entry (or `source.serviceAccount` value): `<ns>/<sa>`, or `<sa>` in the
 * policy's namespace (generator.go, serviceAccountRegex; ambient stringToServiceAccountMatch).
 */
export function parseServiceAccountEntry(entry: string, policyNamespace: string): { namespace: string; serviceAccount: string } {
  const slash = entry.indexOf('/');
  return slash === -1
    ? { namespace: policyNamespace, serviceAccount: entry }
    : { namespace: entry.slice(0, slash), serviceAccount: entry.slice(slash + 1) };
}

/**
 * The path Envoy's RBAC filter (and the backend) sees under `meshConfig.pathNormalization`
 * (istio pilot/pkg/networking/core/listener_builder.go sets the HTTP connection manager's
 * `normalize_path`, `merge_slashes` and `path_with_escaped_slashes_action`; istio.io
 * docs/reference/config/security/normalization; envoy http/conn_manager_utility.cc
 * maybeNormalizePath: escaped slashes first, then RFC 3986 normalization, then slash merging):
 *  - NONE: nothing;
 *  - BASE: percent-escapes of unreserved characters (`%2E`, `%41`, `%7E`…) decoded once,
 *    backslashes turned into `/`, dot segments removed (RFC 3986 5.2.4);
 *  - MERGE_SLASHES: BASE, then `//` merged;
 *  - DECODE_AND_MERGE_SLASHES: `%2F` and `%5C` decoded first, then as MERGE_SLASHES.
 * The fragment is dropped in every mode (Envoy strips it; istio tests/integration/security/
 * normalization_test.go: `/app#foo` is `/app` even with NONE); the query string is left as it is
 * (matchPath ignores it). `rejected` is set when Envoy refuses the path outright (`%00`: HTTP 400).
 */
export function normalizePath(path: string, mode: 'NONE' | 'BASE' | 'MERGE_SLASHES' | 'DECODE_AND_MERGE_SLASHES'): { path: string; rejected?: string } {
  const hash = path.indexOf('#');
  if (hash !== -1) path = path.slice(0, hash);
  if (mode === 'NONE') return { path };
  const cut = path.indexOf('?');
  let p = cut === -1 ? path : path.slice(0, cut);
  const rest = cut === -1 ? '' : path.slice(cut);
  if (/%00/.test(p)) return { path, rejected: 'it contains %00' };
  // Nothing to do for the common case: no escape, no backslash, no dot segment, no empty segment.
  if (!/[%\\]|\/\.|\/\//.test(p)) return { path };
  if (mode === 'DECODE_AND_MERGE_SLASHES') p = p.replace(/%2f/gi, '/').replace(/%5c/gi, '\\');
  p = p.replace(/%([0-9a-fA-F]{2})/g, (all, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(c) ? c : all;
  });
  p = removeDotSegments(p.replace(/\\/g, '/'));
  if (mode !== 'BASE') p = p.replace(/\/{2,}/g, '/');
  return { path: p + rest };
}

/** RFC 3986 section 5.2.4 on an absolute path: `.` and `..` segments resolved, `..` never above the root. */
function removeDotSegments(p: string): string {
  if (!p.startsWith('/')) return p;
  const segs = p.split('/');
  const out: string[] = [];
  for (let i = 1; i < segs.length; i++) {
    const s = segs[i]!;
    const last = i === segs.length - 1;
    if (s === '.' || s === '..') {
      if (s === '..') out.pop();
      if (last) out.push('');
      continue;
    }
    out.push(s);
  }
  return `/${out.join('/')}`;
}

function tdPrefixMatch(a: string, pattern: string): boolean {
  return pattern.endsWith('*') && a.startsWith(pattern.slice(0, -1));
}

function tdSuffixMatch(a: string, pattern: string): boolean {
  return pattern.startsWith('*') && a.endsWith(pattern.slice(1));
}

/**
 * The principals istiod writes into Envoy's RBAC config for one policy principal
 * (pilot/pkg/security/trustdomain/bundle.go, ReplaceTrustDomainAliases, with the bundle
 * `[trustDomain, ...trustDomainAliases]` of pilot/pkg/networking/plugin/authz/authorization.go):
 *  - not five `/`-separated parts, or a trust domain of exactly `*`: kept as written;
 *  - a trust domain that is `cluster.local`, or that matches one of the bundle's (exactly, or
 *    either side being a `prefix*`/`*suffix` pattern, trustdomain/util.go stringMatch): one principal
 *    per trust domain of the bundle, the principal as written where its `*suffix` trust domain
 *    matches that one, else with the trust domain replaced; duplicates dropped;
 *  - any other trust domain: kept as written.
 * So with trust domain `td1` and no alias, `cluster.local/ns/a/sa/b` becomes `td1/ns/a/sa/b` only.
 */
export function replaceTrustDomainAliases(principal: string, trustDomains: readonly string[]): string[] {
  const parts = principal.split('/');
  if (parts.length !== 5 || parts[0] === '*') return [principal];
  const td = parts[0]!;
  const known = trustDomains.some((s) => td === s || s === '*' || tdPrefixMatch(td, s) || tdPrefixMatch(s, td) || tdSuffixMatch(td, s) || tdSuffixMatch(s, td));
  if (!known && td !== CLUSTER_LOCAL_TRUST_DOMAIN) return [principal];
  const out: string[] = [];
  for (const t of trustDomains) {
    const p = tdSuffixMatch(t, td) ? principal : [t, ...parts.slice(1)].join('/');
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * `trustDomains` and `source.trustDomain` values at Envoy (bundle.go, ExpandTrustDomainAliases): a
 * value equal to one of the bundle's trust domains stands for all of them.
 */
export function expandTrustDomainAliases(values: readonly string[], trustDomains: readonly string[]): string[] {
  const out: string[] = [];
  for (const v of values) for (const x of trustDomains.includes(v) ? trustDomains : [v]) if (!out.includes(x)) out.push(x);
  return out;
}

/**
 * Whether a sidecar or waypoint accepts an mTLS peer of this trust domain: the mesh's trust domain
 * or one of its aliases (pilot/pkg/networking/plugin/authn/util.go, TrustDomainsForValidation;
 * the peer's SPIFFE URI SAN must start with `spiffe://<td>/`).
 */
export function envoyAcceptsTrustDomain(td: string, trustDomain: string, aliases: readonly string[]): boolean {
  return td === trustDomain || aliases.includes(td);
}
