import type { AuthorizationPolicy } from '../model/kinds.js';
import { arr, isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { matchPath, matchString } from './match.js';

/**
 * Concrete requests read off a policy's own rules, for questions such as "does anyone other than
 * the waypoint get in?" or "is a request admitted from X refused from the activator?". These are
 * candidates only: a caller always asks the evaluator whether a witness is really admitted, so a
 * candidate that the rule does not match in the end is simply discarded. Nothing here decides.
 */

export interface SourceWitness {
  /** The peer identity; undefined for a plaintext client. */
  principal?: string;
  sourceIp?: string;
  /** Where the identity was read from, for reporting at the narrowest node. */
  origin?: { policy: AuthorizationPolicy; rule: number; path: Path };
}

export interface RequestShape {
  method?: string;
  path?: string;
  host?: string;
  /** Lower-cased header names. */
  headers?: Record<string, string>;
}

const PRINCIPAL_RE = /^[^/*]+\/ns\/[^/*]+\/sa\/[^/*]+$/;

function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string' && x !== '');
}

/** A value that an Istio string pattern (exact, `prefix*`, `*suffix`, `*`) matches. */
export function sampleOf(pattern: string, filler = 'x'): string {
  if (pattern === '*') return filler;
  if (pattern.startsWith('*')) return filler + pattern.slice(1);
  if (pattern.endsWith('*')) return pattern.slice(0, -1) + filler;
  return pattern;
}

/** A namespace that a namespace pattern matches: `*` stands for the policy's own namespace. */
function sampleNamespace(pattern: string, policyNamespace: string): string {
  return pattern === '*' ? policyNamespace : sampleOf(pattern);
}

/** A principal that `pattern` matches, shaped `<td>/ns/<ns>/sa/<sa>`, if one is easy to find. */
export function samplePrincipal(pattern: string, trustDomain: string, namespace: string): string | undefined {
  const candidates = [
    pattern,
    `${trustDomain}/ns/${namespace}/sa/default`,
    pattern.endsWith('*') ? `${pattern.slice(0, -1)}default` : '',
    pattern.endsWith('*') ? `${pattern.slice(0, -1)}sa/default` : '',
    pattern.endsWith('*') ? `${pattern.slice(0, -1)}x/sa/default` : '',
    pattern.startsWith('*') ? `${trustDomain}${pattern.slice(1)}` : '',
    pattern.startsWith('*') ? `${trustDomain}/ns/${namespace}${pattern.slice(1)}` : '',
    pattern.startsWith('*') ? `${trustDomain}/ns/${namespace}/sa${pattern.slice(1)}` : '',
    pattern.startsWith('*') ? `${trustDomain}/ns/${namespace}/sa/x${pattern.slice(1)}` : '',
  ];
  return candidates.find((c) => c !== '' && PRINCIPAL_RE.test(c) && matchString(pattern, c));
}

/** A path that an Istio path pattern (with `{*}`, `{**}` templates) matches. */
export function samplePath(pattern: string): string | undefined {
  const p = pattern.replace(/\{\*\*\}/g, 'x').replace(/\{\*\}/g, 'x');
  const sample = p === '*' ? '/' : p.startsWith('*') ? `/x${p.slice(1)}` : p.endsWith('*') ? `${p.slice(0, -1)}x` : p;
  return matchPath(pattern, sample) ? sample : undefined;
}

function firstIp(cidr: string): string | undefined {
  const net = cidr.split('/')[0];
  return net && /^[0-9a-fA-F:.]+$/.test(net) ? net : undefined;
}

/**
 * Candidate peers read off the `from` sources and source `when` conditions of a policy's rules:
 * one per listed principal, namespace or service account (with the first `ipBlocks` address of the
 * same source, if any). `rules` narrows to some rule indexes.
 */
export function sourceWitnesses(p: AuthorizationPolicy, trustDomain: string, rules?: readonly number[]): SourceWitness[] {
  const out: SourceWitness[] = [];
  (p.rules ?? []).forEach((rule, ri) => {
    if (rules && !rules.includes(ri)) return;
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const s = isRecord(from) && isRecord(from.source) ? from.source : undefined;
      if (!s) return;
      const base: Path = ['spec', 'rules', ri, 'from', fi, 'source'];
      const ip = strings(s.ipBlocks).map(firstIp).find((x) => x !== undefined);
      const origin = (field: string, i: number) => ({ policy: p, rule: ri, path: [...base, field, i] });
      let identities = 0;
      strings(s.principals).forEach((v, i) => {
        const principal = samplePrincipal(v, trustDomain, p.namespace);
        if (!principal) return;
        out.push({ principal, sourceIp: ip, origin: origin('principals', i) });
        identities++;
      });
      strings(s.serviceAccounts).forEach((v, i) => {
        const [ns, sa] = v.includes('/') ? v.split('/', 2) : [p.namespace, v];
        out.push({ principal: `${trustDomain}/ns/${ns}/sa/${sa}`, sourceIp: ip, origin: origin('serviceAccounts', i) });
        identities++;
      });
      strings(s.namespaces).forEach((v, i) => {
        out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, sourceIp: ip, origin: origin('namespaces', i) });
        identities++;
      });
      if (identities === 0 && ip) out.push({ sourceIp: ip, origin: { policy: p, rule: ri, path: [...base, 'ipBlocks', 0] } });
    });
    arr(rule.when).forEach((w, wi) => {
      if (!isRecord(w)) return;
      const path = (i: number): Path => ['spec', 'rules', ri, 'when', wi, 'values', i];
      if (w.key === 'source.principal') {
        strings(w.values).forEach((v, i) => {
          const principal = samplePrincipal(v, trustDomain, p.namespace);
          if (principal) out.push({ principal, origin: { policy: p, rule: ri, path: path(i) } });
        });
      } else if (w.key === 'source.namespace') {
        strings(w.values).forEach((v, i) => out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, origin: { policy: p, rule: ri, path: path(i) } }));
      }
    });
  });
  return out;
}

/** The request one rule's first `to` operation and header conditions describe (GET / by default). */
export function requestShape(rule: unknown): RequestShape {
  const shape: RequestShape = { method: 'GET', path: '/' };
  if (!isRecord(rule)) return shape;
  const to = arr(rule.to)[0];
  const op = isRecord(to) && isRecord(to.operation) ? to.operation : {};
  const method = strings(op.methods)[0];
  if (method) shape.method = method;
  const path = strings(op.paths).map(samplePath).find((x) => x !== undefined);
  if (path) shape.path = path;
  const host = strings(op.hosts)[0];
  if (host) shape.host = sampleOf(host, 'x').toLowerCase();
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== 'string') continue;
    const m = /^request\.headers\[(.+)\]$/.exec(w.key);
    const v = strings(w.values)[0];
    if (m && v) (shape.headers ??= {})[m[1]!.toLowerCase()] = sampleOf(v);
  }
  return shape;
}
