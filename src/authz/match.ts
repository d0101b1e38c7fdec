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
 * Path matching (pilot/pkg/security/authz/matcher/path_template.go and string.go): exact,
 * `prefix*`, `*suffix`, `*`; and path templates where `{*}` matches one segment and `{**}` any
 * number of segments (only as the last segment).
 */
export function matchPath(pattern: string, path: string): boolean {
  if (pattern.includes('{*}') || pattern.includes('{**}')) {
    const pSeg = pattern.split('/');
    const vSeg = path.split('/');
    for (let i = 0; i < pSeg.length; i++) {
      const p = pSeg[i]!;
      if (p === '{**}') return i === pSeg.length - 1 && vSeg.length > i && vSeg.slice(i).join('/') !== '';
      if (i >= vSeg.length) return false;
      if (p === '{*}') {
        if (vSeg[i] === '') return false;
        continue;
      }
      if (p !== vSeg[i]) return false;
    }
    return pSeg.length === vSeg.length;
  }
  return matchString(pattern, path);
}
