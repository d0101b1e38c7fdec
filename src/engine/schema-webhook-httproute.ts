import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest } from '../util/text.js';
import { formatPath } from './schema-problem.js';
import { destinationProblems, destinationsProblems, headerOperationProblems, isAuthority, l4MatchProblems } from './schema-webhook-route.js';
import { arr, entries, isDns1123Label, isSet, num, portProblem, regexProblem, str, strs, type Add } from './schema-webhook-util.js';

/**
 * istiod's checks of a VirtualService's HTTP route (istio pkg/config/validation/virtualservice.go:
 * validateHTTPRoute, validateHTTPRouteConflict, validateHTTPRouteMatchRequest; validation.go:
 * validateCORSPolicy, validateHTTPFaultInjection, validateHTTPRedirect, validateHTTPDirectResponse,
 * validateHTTPMirrors, validateHTTPRewrite; agent/validation.go: ValidateHTTPRetry).
 */

export function httpRouteProblems(route: unknown, path: Path, delegateVs: boolean, add: Add): void {
  if (!isRecord(route)) return;
  conflictProblems(route, path, delegateVs, add);
  arr(route.match).forEach((m, j) => matchProblems(m, [...path, 'match', j], add));
  headerOperationProblems(route.headers, [...path, 'headers'], add);
  corsProblems(route.corsPolicy, [...path, 'corsPolicy'], add);
  faultProblems(route.fault, [...path, 'fault'], add);
  mirrorProblems(route, path, add);
  redirectProblems(route, path, add);
  directResponseProblems(route.directResponse, [...path, 'directResponse'], add);
  retryProblems(route.retries, [...path, 'retries'], add);
  rewriteProblems(route, path, add);
  destinationsProblems(route.route, [...path, 'route'], add, true);
}

/** validateHTTPRouteConflict: a route, a redirect or a direct response; a root route only delegates. */
function conflictProblems(route: Record<string, unknown>, path: Path, delegateVs: boolean, add: Add): void {
  const at = (f: string) => [...path, f];
  if (!delegateVs && route.delegate !== undefined) {
    for (const f of ['redirect', 'route']) {
      if (route[f] !== undefined && isSet(route[f])) add(at(f), `${formatPath(path)} delegates, so it cannot also have ${f}; the delegate VirtualService routes`, { part: 'key' });
    }
    return;
  }
  if (delegateVs && route.delegate !== undefined) {
    add(at('delegate'), 'a delegate VirtualService cannot delegate further', { part: 'key' });
    return;
  }
  const action = route.redirect !== undefined ? 'redirect' : route.directResponse !== undefined ? 'directResponse' : undefined;
  if (action) {
    for (const f of ['route', 'fault', 'rewrite', 'redirect', 'directResponse']) {
      if (f !== action && isSet(route[f])) add(at(f), `${formatPath(path)} has ${action}, so it cannot also have ${f}`, { part: 'key' });
    }
  } else if (!isSet(route.route)) {
    add(path, `${formatPath(path)} needs a route, a redirect, a directResponse or a delegate`);
  }
  if (route.mirror !== undefined && isSet(route.mirrors)) add(at('mirrors'), `${formatPath(path)} has both mirror and mirrors; use mirrors alone`, { part: 'key' });
}

/** jwt.ToRoutingClaim: `@request.auth.claims.a.b` or `@request.auth.claims[a][b]`. */
export function isJwtClaimHeader(name: string): boolean {
  const prefix = '@request.auth.claims';
  if (!name.toLowerCase().startsWith(prefix)) return false;
  const rest = name.slice(prefix.length);
  return (rest.startsWith('.') && rest.length > 1) || (rest.startsWith('[') && rest.endsWith(']') && rest.length > 2);
}

const TCHAR = /^[!#$%&'*+\-.^_`|~A-Za-z0-9]+$/;
const PSEUDO_HEADERS = [':method', ':scheme', ':authority', ':path', ':status'];

function matchProblems(match: unknown, path: Path, add: Add): void {
  if (!isRecord(match)) return;
  for (const field of ['headers', 'withoutHeaders']) {
    for (const [name, sm] of entries(match[field])) {
      const at = [...path, field, name];
      if (!(isJwtClaimHeader(name) || PSEUDO_HEADERS.includes(name) || TCHAR.test(name))) {
        add(at, name === '' ? 'a header name cannot be empty' : `${JSON.stringify(name)} is not a valid HTTP header name`, { part: 'key' });
      }
      // In withoutHeaders, regex "*" means "present", not a regular expression.
      if (!(field === 'withoutHeaders' && isRecord(sm) && sm.regex === '*')) stringMatchProblems(sm, at, add, false);
    }
  }
  stringMatchProblems(match.uri, [...path, 'uri'], add, true);
  for (const f of ['scheme', 'method', 'authority']) stringMatchProblems(match[f], [...path, f], add, false);
  for (const [name, sm] of entries(match.queryParams)) stringMatchProblems(sm, [...path, 'queryParams', name], add, false);
  l4MatchProblems(match, path, add);
  if (str(match.sourceNamespace) !== '' && !isDns1123Label(str(match.sourceNamespace))) {
    add([...path, 'sourceNamespace'], `sourceNamespace ${JSON.stringify(match.sourceNamespace)} is not a namespace name`);
  }
}

/** validateStringMatch: a prefix is not empty (a URI prefix may be), a regex is valid RE2. */
function stringMatchProblems(sm: unknown, path: Path, add: Add, emptyPrefixOk: boolean): void {
  if (!isRecord(sm)) return;
  if (!emptyPrefixOk && sm.prefix === '') add([...path, 'prefix'], 'an empty prefix matches everything; istiod rejects it (drop the match instead)');
  if (typeof sm.regex === 'string') {
    const problem = sm.regex === '' ? 'is empty' : regexProblem(sm.regex);
    if (problem) add([...path, 'regex'], `regex ${JSON.stringify(sm.regex)} ${problem}`);
  }
}

const CORS_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', '*'];

function corsProblems(cors: unknown, path: Path, add: Add): void {
  if (!isRecord(cors)) return;
  arr(cors.allowOrigins).forEach((origin, i) => {
    if (!isRecord(origin)) return;
    const at = [...path, 'allowOrigins', i];
    const value = [origin.exact, origin.prefix, origin.regex].find((v) => typeof v === 'string');
    if (!value) add(at, `${formatPath(at)} needs a non-empty exact, prefix or regex`);
    else stringMatchProblems(origin, at, add, true);
  });
  strs(cors.allowMethods).forEach((m, i) => {
    if (!CORS_METHODS.includes(m)) {
      const near = closest(m, CORS_METHODS);
      add([...path, 'allowMethods', i], `${JSON.stringify(m)} is not an HTTP method${near ? ` (did you mean "${near}"?)` : ''}; methods are upper case`);
    }
  });
  for (const f of ['allowHeaders', 'exposeHeaders']) {
    strs(cors[f]).forEach((h, i) => {
      if (h !== '*' && !TCHAR.test(h)) add([...path, f, i], h === '' ? 'a header name cannot be empty' : `${JSON.stringify(h)} is not a valid HTTP header name`);
    });
  }
}

const GRPC_STATUSES = [
  'OK', 'CANCELLED', 'UNKNOWN', 'INVALID_ARGUMENT', 'DEADLINE_EXCEEDED', 'NOT_FOUND', 'ALREADY_EXISTS', 'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED', 'FAILED_PRECONDITION', 'ABORTED', 'OUT_OF_RANGE', 'UNIMPLEMENTED', 'INTERNAL', 'UNAVAILABLE', 'DATA_LOSS', 'UNAUTHENTICATED',
];

function faultProblems(fault: unknown, path: Path, add: Add): void {
  if (!isRecord(fault)) return;
  if (fault.abort === undefined && fault.delay === undefined) add(path, `${formatPath(path)} needs an abort, a delay or both`);
  const abort = fault.abort;
  if (isRecord(abort)) {
    const ap = [...path, 'abort'];
    percentageProblems(abort.percentage, [...ap, 'percentage'], add);
    if (typeof abort.grpcStatus === 'string') {
      if (!GRPC_STATUSES.includes(abort.grpcStatus)) {
        const near = closest(abort.grpcStatus, GRPC_STATUSES);
        add([...ap, 'grpcStatus'], `${JSON.stringify(abort.grpcStatus)} is not a gRPC status name${near ? ` (did you mean "${near}"?)` : ''}, like "UNAVAILABLE" or "NOT_FOUND"`);
      }
    } else if (abort.http2Error !== undefined) {
      add([...ap, 'http2Error'], 'istiod does not support HTTP/2 error aborts yet; use httpStatus or grpcStatus', { part: 'key' });
    } else if (abort.httpStatus !== undefined) {
      statusProblem(num(abort.httpStatus), [...ap, 'httpStatus'], add);
    } else {
      add(ap, `${formatPath(ap)} sets no httpStatus or grpcStatus, so it aborts nothing`, { warning: true, part: 'key' });
    }
  }
  const delay = fault.delay;
  if (isRecord(delay)) {
    percentageProblems(delay.percentage, [...path, 'delay', 'percentage'], add);
    // Still honoured (route.go translates it), but deprecated in the API: istioctl's IST0002.
    if (num(delay.percent) > 0) add([...path, 'delay', 'percent'], 'percent is deprecated; use percentage: {value: …}', { warning: true, part: 'key' });
    if (delay.exponentialDelay !== undefined) add([...path, 'delay', 'exponentialDelay'], 'istiod does not support exponentialDelay yet; use fixedDelay', { part: 'key' });
  }
}

/** validatePercentage: 0, or between 0.0001 and 100. */
function percentageProblems(p: unknown, path: Path, add: Add): void {
  if (!isRecord(p)) return;
  const v = num(p.value);
  if (v < 0 || v > 100 || (v > 0 && v < 0.0001)) add([...path, 'value'], `percentage ${v} is not 0 or between 0.0001 and 100`);
}

/** validateHTTPStatus: 200 to 600. */
function statusProblem(status: number, path: Path, add: Add): void {
  if (status < 200 || status > 600) add(path, `HTTP status ${status} is not in the range 200 to 599`);
}

function mirrorProblems(route: Record<string, unknown>, path: Path, add: Add): void {
  if (route.mirrorPercent !== undefined) {
    const v = num(route.mirrorPercent);
    if (v > 100) add([...path, 'mirrorPercent'], `mirrorPercent ${v} is more than 100`);
    add([...path, 'mirrorPercent'], 'mirrorPercent is deprecated; use mirrorPercentage: {value: …}', { warning: true, part: 'key' });
  }
  const mp = isRecord(route.mirrorPercentage) ? num(route.mirrorPercentage.value) : 0;
  if (mp > 100 || mp < 0) add([...path, 'mirrorPercentage', 'value'], `mirrorPercentage ${mp} is not between 0 and 100`);
  destinationProblems(route.mirror, [...path, 'mirror'], add);
  // The CRD requires a mirror's destination, and a route destination's.
  arr(route.mirrors).forEach((m, i) => {
    if (!isRecord(m)) return;
    const at = [...path, 'mirrors', i];
    destinationProblems(m.destination, [...at, 'destination'], add);
    const v = isRecord(m.percentage) ? num(m.percentage.value) : 0;
    if (v > 100 || v < 0) add([...at, 'percentage', 'value'], `mirror percentage ${v} is not between 0 and 100`);
  });
}

function redirectProblems(route: Record<string, unknown>, path: Path, add: Add): void {
  const r = route.redirect;
  if (!isRecord(r)) return;
  const at = [...path, 'redirect'];
  // istiod reports only the first problem of a redirect.
  if (str(r.uri) !== '' && str(r.prefixRewrite) !== '') {
    add([...at, 'prefixRewrite'], 'a redirect can have uri or prefixRewrite, not both', { part: 'key' });
    return;
  }
  if (str(r.prefixRewrite) !== '') {
    const j = arr(route.match).findIndex((m) => isRecord(m) && isRecord(m.uri) && m.uri.prefix === undefined);
    if (j >= 0) {
      add([...path, 'match', j, 'uri'], 'redirect.prefixRewrite needs every URI match of the route to be a prefix match', { part: 'key' });
      return;
    }
  }
  if (![r.uri, r.prefixRewrite, r.authority, r.scheme].some((v) => str(v) !== '') && r.port === undefined && r.derivePort === undefined) {
    add(at, `${formatPath(at)} changes nothing: set uri, prefixRewrite, authority, scheme or port`, { part: 'key' });
    return;
  }
  const code = num(r.redirectCode);
  if (code !== 0 && (code < 300 || code > 399)) {
    add([...at, 'redirectCode'], `redirect code ${code} is not a redirect (3xx)`);
    return;
  }
  if (str(r.scheme) !== '' && r.scheme !== 'http' && r.scheme !== 'https') {
    add([...at, 'scheme'], `redirect scheme ${JSON.stringify(r.scheme)} must be "http" or "https"`);
    return;
  }
  const port = num(r.port);
  if (port > 0 && portProblem(port)) add([...at, 'port'], portProblem(port)!);
}

function directResponseProblems(dr: unknown, path: Path, add: Add): void {
  if (!isRecord(dr)) return;
  const body = isRecord(dr.body) ? dr.body : undefined;
  // The size in bytes: the string's UTF-8 length, or the decoded base64.
  const size = typeof body?.string === 'string' ? Buffer.byteLength(body.string) : typeof body?.bytes === 'string' ? Buffer.from(body.bytes, 'base64').length : 0;
  if (size > 1024 * 1024) add([...path, 'body'], 'the direct response body is larger than 1MB, which istiod rejects (it is sent to every proxy)');
  else if (size > 100 * 1024) add([...path, 'body'], 'the direct response body is larger than 100KB, which burdens the control plane (it is sent to every proxy)', { warning: true });
  statusProblem(num(dr.status), [...path, 'status'], add);
}

/** The retryOn values Envoy knows (x-envoy-retry-on and x-envoy-retry-grpc-on); HTTP status codes are taken too. */
const RETRY_ON = [
  '5xx', 'gateway-error', 'reset', 'reset-before-request', 'connect-failure', 'retriable-4xx', 'refused-stream', 'retriable-status-codes',
  'retriable-headers', 'envoy-ratelimited', 'http3-post-connect-failure', 'cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable',
];

/** The status codes Go's net/http names (http.StatusText). */
const HTTP_STATUSES = new Set([
  100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308,
  ...Array.from({ length: 19 }, (_, i) => 400 + i), 421, 422, 423, 424, 425, 426, 428, 429, 431, 451,
  500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
]);

function retryProblems(retries: unknown, path: Path, add: Add): void {
  if (!isRecord(retries)) return;
  const attempts = num(retries.attempts);
  if (attempts < 0) add([...path, 'attempts'], 'attempts cannot be negative');
  if (attempts === 0) {
    const set = ['perTryTimeout', 'retryOn', 'retryRemoteLocalities'].filter((f) => retries[f] !== undefined && retries[f] !== '');
    if (set.length > 0) add([...path, set[0]!], `${formatPath(path)} sets ${set.join(' and ')} but no attempts, and 0 attempts turns retries off; set attempts`, { part: 'key' });
  }
  if (typeof retries.retryOn === 'string' && retries.retryOn !== '') {
    const bad = retries.retryOn.split(',').filter((p) => !RETRY_ON.includes(p) && !(/^\d+$/.test(p) && HTTP_STATUSES.has(Number(p))));
    if (bad.length > 0) {
      const spaces = bad.some((p) => p !== p.trim() && RETRY_ON.includes(p.trim()));
      const near = closest(bad[0]!.trim(), RETRY_ON);
      const hint = spaces ? '; write the list without spaces' : near ? ` (did you mean "${near}"?)` : '';
      add([...path, 'retryOn'], `retryOn has ${bad.map((p) => JSON.stringify(p)).join(', ')}, which Envoy does not know${hint}`);
    }
  }
}

function rewriteProblems(route: Record<string, unknown>, path: Path, add: Add): void {
  const rw = route.rewrite;
  if (isRecord(rw)) {
    const at = [...path, 'rewrite'];
    const regex = rw.uriRegexRewrite;
    if (str(rw.uri) !== '' && regex !== undefined) add([...at, 'uriRegexRewrite'], 'a rewrite can have uri or uriRegexRewrite, not both', { part: 'key' });
    else if (str(rw.uri) === '' && regex === undefined && str(rw.authority) === '') add(at, `${formatPath(at)} changes nothing: set uri, uriRegexRewrite or authority`, { part: 'key' });
    else if (isRecord(regex)) {
      if (str(regex.match) === '' || str(regex.rewrite) === '') add([...at, 'uriRegexRewrite'], 'uriRegexRewrite needs both match and rewrite', { part: 'key' });
      else {
        const problem = regexProblem(str(regex.match));
        if (problem) add([...at, 'uriRegexRewrite', 'match'], `regex ${JSON.stringify(regex.match)} ${problem}`);
      }
    }
  }
  // validateAuthorityRewrite: the authority is rewritten in one place only.
  const request = isRecord(route.headers) && isRecord(route.headers.request) ? route.headers.request : {};
  let count = isRecord(rw) && str(rw.authority) !== '' ? 1 : 0;
  for (const op of ['set', 'add']) {
    for (const [name] of entries(request[op])) {
      if (!isAuthority(name)) continue;
      if (++count > 1) {
        add([...path, 'headers', 'request', op, name], 'the authority is already rewritten (rewrite.authority or another :authority/host header); set it in one place', { part: 'key' });
        return;
      }
    }
  }
}
