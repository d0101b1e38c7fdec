import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import type { SchemaProblem } from './schema-problem.js';

/** A resource's spec, after the CRD checks passed (so the fields have their schema types). */
export type Spec = Record<string, unknown>;

export type Add = (path: Path, message: string, opts?: { part?: 'key' | 'value'; warning?: boolean }) => void;

/** An `Add` that pushes onto `out`; a problem is at the value unless said otherwise. */
export function collector(out: SchemaProblem[]): Add {
  return (path, message, opts = {}) => out.push({ path, message, part: opts.part ?? 'value', ...(opts.warning ? { warning: true } : {}) });
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function asSpec(v: unknown): Spec | undefined {
  return isRecord(v) ? v : undefined;
}

/** A string field as istiod reads it (jsonpb): absent and "" are both unset. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A number field as istiod reads it: absent is 0. */
export function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

/** Whether a field is set as istiod sees it: an empty list or string is unset, an empty message is set. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
}

/** The entries of a map field (headers, labels). */
export function entries(v: unknown): Array<[string, unknown]> {
  return isRecord(v) ? Object.entries(v) : [];
}

const DNS1123_LABEL = /^[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** labels.IsDNS1123Label. */
export function isDns1123Label(v: string): boolean {
  return v.length <= 63 && DNS1123_LABEL.test(v);
}

/** agent.ValidateDNS1123Labels: dot-separated DNS labels, a final dot allowed, the top-level domain not all digits. */
function dnsLabelsProblem(domain: string): string | undefined {
  const parts = domain.split('.');
  const tld = parts[parts.length - 1]!;
  if (/^[+-]?\d+$/.test(tld)) return `is not a valid host name (the top-level domain "${tld}" is all digits)`;
  for (const [i, label] of parts.entries()) {
    if (i === parts.length - 1 && label === '') return undefined;
    if (!isDns1123Label(label)) return `is not a valid host name (label "${label}")`;
  }
  return undefined;
}

function lengthProblem(domain: string): string | undefined {
  if (domain.length === 0) return 'is empty';
  if (domain.length > 255) return 'is longer than 255 characters';
  return undefined;
}

/** agent.ValidateFQDN: a DNS name without wildcards. */
export function fqdnProblem(domain: string): string | undefined {
  return lengthProblem(domain) ?? dnsLabelsProblem(domain);
}

/** agent.ValidateWildcardDomain: a DNS name, whose first label may be `*` or start with `*`. */
export function wildcardDomainProblem(domain: string): string | undefined {
  const problem = lengthProblem(domain);
  if (problem) return problem;
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!(first.length <= 63 && /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/.test(first))) return `is not a valid host name (label "${first}")`;
  return dot < 0 ? undefined : dnsLabelsProblem(domain.slice(dot + 1));
}

/** An IPv4 or IPv6 address as Go's netip.ParseAddr reads it (no leading zeros in IPv4, no zone). */
export function isIp(v: string): boolean {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v)) return v.split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')));
  if (!v.includes(':') || v.includes('%') || !/^[0-9a-fA-F:.]+$/.test(v)) return false;
  try {
    return new URL(`http://[${v}]/`).hostname !== '';
  } catch {
    return false;
  }
}

/** An IP address, or a CIDR range with its prefix length (netip.ParsePrefix). */
export function isIpOrCidr(v: string): boolean {
  const slash = v.indexOf('/');
  if (slash < 0) return isIp(v);
  const addr = v.slice(0, slash);
  const bits = v.slice(slash + 1);
  if (!/^\d{1,3}$/.test(bits) || (bits.length > 1 && bits.startsWith('0'))) return false;
  return isIp(addr) && Number(bits) <= (addr.includes(':') ? 128 : 32);
}

/** agent.ValidatePort, for a port that is set (non-zero). */
export function portProblem(port: number): string | undefined {
  return port >= 1 && port <= 65535 ? undefined : `port ${port} is not in the range 1 to 65535`;
}

/** A hostname, `*.` wildcards as in pkg/config/host. */
function isWildcarded(h: string): boolean {
  return h.startsWith('*');
}

/** host.Name.Matches: whether two hosts have a name in common. */
export function hostsOverlap(a: string, b: string): boolean {
  if (isWildcarded(a) && isWildcarded(b)) return a.length < b.length ? b.slice(1).endsWith(a.slice(1)) : a.slice(1).endsWith(b.slice(1));
  if (isWildcarded(a)) return b.endsWith(a.slice(1));
  if (isWildcarded(b)) return a.endsWith(b.slice(1));
  return a === b;
}

/** host.Name.SubsetOf: whether every name `a` matches is matched by `b`. */
export function hostSubsetOf(a: string, b: string): boolean {
  if (isWildcarded(a)) return isWildcarded(b) && a.length >= b.length && a.slice(1).endsWith(b.slice(1));
  if (isWildcarded(b)) return a.endsWith(b.slice(1));
  return a === b;
}

/**
 * The protocol a port name means to istiod (protocol.Parse), or undefined for one it does not
 * know (which istiod treats as "sniff" where it allows it, and rejects where a protocol is required).
 */
export function parseProtocol(p: string): string | undefined {
  const known = ['TCP', 'UDP', 'GRPC', 'GRPC-WEB', 'HTTP', 'HTTP_PROXY', 'HTTP2', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL'];
  const up = p.toUpperCase();
  return known.includes(up) ? up : undefined;
}

export const isHttpProtocol = (p: string | undefined) => p !== undefined && ['HTTP', 'HTTP2', 'HTTP_PROXY', 'GRPC', 'GRPC-WEB'].includes(p);
export const isTlsProtocol = (p: string | undefined) => p === 'HTTPS' || p === 'TLS';
export const isTcpProtocol = (p: string | undefined) => p !== undefined && ['TCP', 'HTTPS', 'TLS', 'MONGO', 'REDIS', 'MYSQL'].includes(p);

/** The protocols a port may name, for messages. */
export const PROTOCOLS = 'HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TLS, TCP, UDP, MONGO, REDIS or MYSQL';

const LABEL_KEY = /^([a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)*\/)?((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$/;
const LABEL_VALUE = /^((?:[A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** labels.Instance.Validate: each key a Kubernetes label name, each value a label value. */
export function labelProblems(labels: unknown, path: Path, add: Add): void {
  for (const [k, v] of entries(labels)) {
    const m = LABEL_KEY.exec(k);
    if (!m || (m[1] !== undefined && m[1].length - 1 > 253) || m[2]!.length > 63) add([...path, k], `${JSON.stringify(k)} is not a valid label name`, { part: 'key' });
    else if (typeof v === 'string' && !LABEL_VALUE.test(v)) add([...path, k], `${JSON.stringify(v)} is not a valid label value: letters, digits, "-", "_" and ".", starting and ending with a letter or digit`);
  }
}

/**
 * validateStringRegexp: Envoy's RE2 takes at most 1024 characters, and no lookaround or
 * backreference. Beyond those, a pattern JavaScript cannot compile either (unbalanced
 * parentheses, nothing to repeat) is one RE2 rejects too; RE2's own syntax (flags groups, `(?P<`)
 * is translated first, so a valid RE2 pattern is never rejected for being invalid in JavaScript.
 */
export function regexProblem(re: string): string | undefined {
  if (!regexProblems.has(re)) regexProblems.set(re, compileProblem(re));
  return regexProblems.get(re);
}

/** The verdict per pattern: a mesh repeats its regexes across many routes. */
const regexProblems = new Map<string, string | undefined>();

function compileProblem(re: string): string | undefined {
  if (re.length > 1024) return 'is longer than 1024 characters, the most Envoy takes';
  if (/\(\?<?[=!]/.test(re)) return 'uses a lookaround, which RE2 (the regex syntax Istio uses) does not support';
  // `\1` is a backreference, `\12` an octal escape RE2 takes.
  if (/(^|[^\\])(\\\\)*\\([1-7](?![0-7])|[89])/.test(re)) return 'uses a backreference, which RE2 (the regex syntax Istio uses) does not support';
  const js = re.replace(/\\Q.*?(\\E|$)/g, 'x').replace(/\(\?[imsU-]+\)/g, '').replace(/\(\?[imsU-]+:/g, '(?:').replace(/\(\?P</g, '(?<');
  try {
    new RegExp(js);
    return undefined;
  } catch (e) {
    const reason = (e as Error).message.split(': ').pop()!.toLowerCase();
    return `is not a valid regular expression (${reason})`;
  }
}
