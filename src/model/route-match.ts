/**
 * The route rules of a VirtualService (`http`, `tcp`, `tls`) with their matches, and whether one
 * match takes every request another would: a later match is then never used, since a proxy uses
 * the first route that matches. Semantics from istio pilot/pkg/networking/core/route/route.go
 * (TranslateRouteMatch, sourceMatchHTTP, BuildHTTPRoutesForVirtualService) and
 * pilot/pkg/networking/core/tls.go (matchTCP, matchTLS, the TCP catch-all). `covers` answers
 * true only when it can prove it; anything it does not model (a regex, an unknown field) is
 * "not proven".
 */
import type { Path } from '../types.js';
import { arr, isRecord, str, stringMap, type Labels } from './resource.js';

export type RouteKind = 'http' | 'tcp' | 'tls';

/** An Istio StringMatch; `present` is `{}` or `regex: "*"`, which istiod turns into a presence test. */
export type StringMatch = { kind: 'exact' | 'prefix' | 'regex'; value: string } | { kind: 'present' };

/** Which proxies a match applies on (gateways, sourceLabels, sourceNamespace) and on which port. */
interface SourceMatch {
  gateways: readonly string[];
  sourceLabels: Labels;
  sourceNamespace: string | undefined;
  port: number | undefined;
}

export interface RouteMatch extends SourceMatch {
  path: Path;
  /** False when the match holds a field or value this module does not model. */
  modelled: boolean;
  uri?: StringMatch;
  ignoreUriCase: boolean;
  /** method, scheme, authority and `headers`, keyed as Envoy matches them (`:method`…). */
  headers: ReadonlyMap<string, StringMatch>;
  withoutHeaders: ReadonlyMap<string, StringMatch>;
  queryParams: ReadonlyMap<string, StringMatch>;
  destinationSubnets: readonly string[];
  sniHosts: readonly string[];
}

export interface RouteRule {
  kind: RouteKind;
  index: number;
  name: string | undefined;
  path: Path;
  /** Empty: the rule has no match and takes every request that reaches it. */
  matches: readonly RouteMatch[];
  /** An http rule that hands its requests to a delegate VirtualService, which may not take them all. */
  delegates: boolean;
}

const HTTP_FIELDS = new Set(['name', 'uri', 'scheme', 'method', 'authority', 'headers', 'withoutHeaders', 'queryParams', 'ignoreUriCase', 'port', 'sourceLabels', 'gateways', 'sourceNamespace', 'statPrefix']);
const TCP_FIELDS = new Set(['destinationSubnets', 'port', 'sourceLabels', 'gateways', 'sourceNamespace']);
const TLS_FIELDS = new Set(['sniHosts', 'destinationSubnets', 'port', 'sourceLabels', 'gateways', 'sourceNamespace']);

function stringMatch(v: unknown): StringMatch | undefined {
  if (!isRecord(v)) return undefined;
  const keys = Object.keys(v);
  if (keys.length === 0) return { kind: 'present' };
  if (keys.length !== 1) return undefined;
  const kind = keys[0] as 'exact' | 'prefix' | 'regex';
  const value = v[kind];
  if (!['exact', 'prefix', 'regex'].includes(kind) || typeof value !== 'string') return undefined;
  return kind === 'regex' && value === '*' ? { kind: 'present' } : { kind, value };
}

function stringMatches(v: unknown, into: Map<string, StringMatch>, prefix = ''): boolean {
  if (v === undefined) return true;
  if (!isRecord(v)) return false;
  for (const [key, m] of Object.entries(v)) {
    const parsed = stringMatch(m);
    if (!parsed) return false;
    into.set(prefix + key, parsed);
  }
  return true;
}

function strings(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string');
}

function toMatch(kind: RouteKind, m: unknown, path: Path): RouteMatch {
  const o = isRecord(m) ? m : {};
  const fields = kind === 'http' ? HTTP_FIELDS : kind === 'tcp' ? TCP_FIELDS : TLS_FIELDS;
  let modelled = isRecord(m) && Object.keys(o).every((k) => fields.has(k));
  const headers = new Map<string, StringMatch>();
  const withoutHeaders = new Map<string, StringMatch>();
  const queryParams = new Map<string, StringMatch>();
  let uri: StringMatch | undefined;
  if (kind === 'http') {
    for (const [field, header] of [['method', ':method'], ['scheme', ':scheme'], ['authority', ':authority']] as const) {
      if (o[field] === undefined) continue;
      const parsed = stringMatch(o[field]);
      if (parsed) headers.set(header, parsed);
      else modelled = false;
    }
    modelled &&= stringMatches(o.headers, headers) && stringMatches(o.withoutHeaders, withoutHeaders) && stringMatches(o.queryParams, queryParams);
    if (o.uri !== undefined) {
      uri = stringMatch(o.uri);
      // An empty uri match is not a presence test: leave it undecided.
      if (!uri || uri.kind === 'present') modelled = false;
      // Every path starts with "/": these match any (IsCatchAllRoute).
      else if ((uri.kind === 'prefix' && uri.value === '/') || (uri.kind === 'regex' && uri.value === '.*')) uri = undefined;
    }
  }
  const port = o.port === undefined ? undefined : typeof o.port === 'number' ? o.port : NaN;
  if (Number.isNaN(port)) modelled = false;
  return {
    path,
    modelled,
    uri,
    ignoreUriCase: o.ignoreUriCase === true,
    headers,
    withoutHeaders,
    queryParams,
    gateways: strings(o.gateways),
    sourceLabels: stringMap(o.sourceLabels),
    sourceNamespace: str(o.sourceNamespace) || undefined,
    port,
    destinationSubnets: strings(o.destinationSubnets),
    sniHosts: strings(o.sniHosts),
  };
}

/** The route rules of a VirtualService spec, in order. */
export function routeRulesOf(spec: unknown): RouteRule[] {
  if (!isRecord(spec)) return [];
  const rules: RouteRule[] = [];
  for (const kind of ['http', 'tcp', 'tls'] as const) {
    arr(spec[kind]).forEach((rule, index) => {
      if (!isRecord(rule)) return;
      const path: Path = ['spec', kind, index];
      rules.push({
        kind,
        index,
        name: str(rule.name) || undefined,
        path,
        matches: arr(rule.match).map((m, j) => toMatch(kind, m, [...path, 'match', j])),
        delegates: kind === 'http' && rule.delegate !== undefined,
      });
    });
  }
  return rules;
}

function hasCase(s: string): boolean {
  return s.toLowerCase() !== s.toUpperCase();
}

/** Whether every value `b` accepts, `a` accepts too (a missing matcher accepts anything). */
function stringCovers(a: StringMatch | undefined, b: StringMatch | undefined, aIgnoreCase = false, bIgnoreCase = false): boolean {
  if (!a) return true;
  if (!b) return false;
  if (a.kind === 'present') return true;
  if (b.kind === 'present') return false;
  if (a.kind === 'regex') return a.value === '.*' || (b.kind === 'regex' && b.value === a.value && aIgnoreCase === bIgnoreCase);
  if (b.kind === 'regex') return false;
  // A case-insensitive b accepts spellings a case-sensitive a refuses, unless it has no letters.
  if (bIgnoreCase && !aIgnoreCase && hasCase(b.value)) return false;
  const [av, bv] = aIgnoreCase ? [a.value.toLowerCase(), b.value.toLowerCase()] : [a.value, b.value];
  return a.kind === 'exact' ? b.kind === 'exact' && av === bv : bv.startsWith(av);
}

/** Every matcher of `a` is implied by `b`'s matcher of the same name. */
function mapCovers(a: ReadonlyMap<string, StringMatch>, b: ReadonlyMap<string, StringMatch>): boolean {
  return [...a].every(([k, m]) => stringCovers(m, b.get(k)));
}

/** `b` excludes at least what each exclusion of `a` excludes. */
function exclusionsCover(a: ReadonlyMap<string, StringMatch>, b: ReadonlyMap<string, StringMatch>): boolean {
  return [...a].every(([k, m]) => b.has(k) && stringCovers(b.get(k), m));
}

function labelsCover(a: Labels, b: Labels): boolean {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}

/** The gateways a match applies on: its own, else the VirtualService's. */
function gatewaysOf(m: SourceMatch, vsGateways: readonly string[]): readonly string[] {
  return m.gateways.length > 0 ? m.gateways : vsGateways;
}

/**
 * Whether `a` applies on every proxy and port `b` does. For http routes, a match's `gateways`
 * replace its sourceLabels and sourceNamespace (sourceMatchHTTP); tcp and tls matches need all.
 */
function sourceCovers(kind: RouteKind, a: SourceMatch, b: SourceMatch, vsGateways: readonly string[]): boolean {
  if (a.port !== undefined && a.port !== b.port) return false;
  const aGateways = gatewaysOf(a, vsGateways);
  if (!gatewaysOf(b, vsGateways).every((g) => aGateways.includes(g))) return false;
  const bIgnoresSource = kind === 'http' && b.gateways.length > 0;
  const aIgnoresSource = kind === 'http' && a.gateways.length > 0;
  if (aIgnoresSource) return true;
  if (bIgnoresSource) return Object.keys(a.sourceLabels).length === 0 && a.sourceNamespace === undefined;
  return labelsCover(a.sourceLabels, b.sourceLabels) && (a.sourceNamespace === undefined || a.sourceNamespace === b.sourceNamespace);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/**
 * Whether a request `b` matches always matches `a` first. `a` undefined is a rule without match.
 * A tcp match without destinationSubnets ends the filter chains of its port (tls.go); a tls match
 * wins only over one with the same SNI hosts and subnets, which istiod skips (matchHasBeenHandled):
 * chains are otherwise chosen by the most specific SNI, not by order.
 */
export function covers(kind: RouteKind, a: RouteMatch | undefined, b: RouteMatch | undefined, vsGateways: readonly string[]): boolean {
  if (!a) return true;
  if (!a.modelled || (b && !b.modelled)) return false;
  const bb = b ?? { ...a, ...EVERYTHING };
  if (!sourceCovers(kind, a, bb, vsGateways)) return false;
  if (kind === 'tcp') return a.destinationSubnets.length === 0 || sameList(a.destinationSubnets, bb.destinationSubnets);
  if (kind === 'tls') return sameList(a.sniHosts, bb.sniHosts) && sameList(a.destinationSubnets, bb.destinationSubnets);
  return (
    stringCovers(a.uri, bb.uri, a.ignoreUriCase, bb.ignoreUriCase) &&
    mapCovers(a.headers, bb.headers) &&
    mapCovers(a.queryParams, bb.queryParams) &&
    exclusionsCover(a.withoutHeaders, bb.withoutHeaders)
  );
}

/** What a rule without match accepts: any request, on any proxy of the VirtualService. */
const EVERYTHING = {
  uri: undefined,
  ignoreUriCase: false,
  headers: new Map(),
  withoutHeaders: new Map(),
  queryParams: new Map(),
  gateways: [],
  sourceLabels: {},
  sourceNamespace: undefined,
  port: undefined,
  destinationSubnets: [],
  sniHosts: [],
} satisfies Omit<RouteMatch, 'path' | 'modelled'>;
