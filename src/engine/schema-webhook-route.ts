import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath } from './schema-problem.js';
import { arr, entries, fqdnProblem, isDns1123Label, labelProblems, num, portProblem, str, strs, wildcardDomainProblem, type Add } from './schema-webhook-util.js';

/**
 * What the routes of a VirtualService share, and a Sidecar's egress proxy with them (istio
 * pkg/config/validation/validation.go: validateGatewayNames, validateHTTPRouteDestinations,
 * validateRouteDestinations, validateDestination; the header operations of virtualservice.go
 * validateHTTPRoute: ValidateHTTPHeader*OperationName, ValidateHTTPHeaderValue).
 */

/** validateGatewayNames: "namespace/name", or a legacy name; istiod stops at the first name without a "/". */
export function gatewayNameProblems(names: unknown, path: Path, add: Add): void {
  for (const [i, name] of strs(names).entries()) {
    const at = [...path, i];
    const slash = name.indexOf('/');
    if (slash < 0) {
      if (name.includes('.')) {
        const [n, ns] = name.split('.');
        add(at, `gateway ${JSON.stringify(name)} uses the legacy <name>.<namespace> form; write "${ns}/${n}"`, { warning: true });
      }
      const problem = fqdnProblem(name);
      if (problem) add(at, `gateway ${JSON.stringify(name)} ${problem}`);
      return;
    }
    const [ns, gw] = [name.slice(0, slash), name.slice(slash + 1)];
    if (ns === '' || gw === '') add(at, `gateway ${JSON.stringify(name)} needs both a namespace and a name: "namespace/name"`);
    else if (!isDns1123Label(ns)) add(at, `gateway ${JSON.stringify(name)}: "${ns}" is not a namespace name`);
    else if (!isDns1123Label(gw)) add(at, `gateway ${JSON.stringify(name)}: "${gw}" is not a gateway name (a DNS label)`);
  }
}

/** The match fields HTTP, TLS and TCP matches share: port, sourceLabels, gateways. */
export function l4MatchProblems(match: Record<string, unknown>, path: Path, add: Add): void {
  const port = num(match.port);
  const problem = port !== 0 ? portProblem(port) : undefined;
  if (problem) add([...path, 'port'], problem);
  labelProblems(match.sourceLabels, [...path, 'sourceLabels'], add);
  gatewayNameProblems(match.gateways, [...path, 'gateways'], add);
}

/** validateHTTPRouteDestinations, validateRouteDestinations. */
export function destinationsProblems(list: unknown, path: Path, add: Add, http: boolean): void {
  const items = arr(list);
  let total = 0;
  items.forEach((d, i) => {
    if (!isRecord(d)) return;
    const at = [...path, i];
    if (http) headerOperationProblems(d.headers, [...at, 'headers'], add);
    destinationProblems(d.destination, [...at, 'destination'], add);
    if (num(d.weight) < 0) add([...at, 'weight'], 'weight cannot be negative');
    total += num(d.weight);
  });
  if (items.length > 1 && total === 0) add(path, `${formatPath(path)} has ${items.length} destinations and no weights (all 0); give them weights`, { part: 'key' });
}

/** validateDestination: a host (not "*"), a DNS-label subset, a port number. */
export function destinationProblems(dest: unknown, path: Path, add: Add): void {
  if (!isRecord(dest)) return;
  const host = str(dest.host);
  const hp = host === '*' ? 'is not a destination; name a service' : wildcardDomainProblem(host);
  if (hp) add([...path, 'host'], `destination host ${JSON.stringify(host)} ${hp}`);
  if (str(dest.subset) !== '' && !isDns1123Label(str(dest.subset))) add([...path, 'subset'], `subset ${JSON.stringify(dest.subset)} is not a valid subset name (a DNS label)`);
  if (isRecord(dest.port)) {
    const problem = portProblem(num(dest.port.number));
    if (problem) add([...path, 'port', ...(dest.port.number === undefined ? [] : ['number'])], problem);
  }
}

export const isAuthority = (name: string) => name.toLowerCase() === ':authority' || name.toLowerCase() === 'host';

/** The header operations of a route or a destination (ValidateHTTPHeader*OperationName, ValidateHTTPHeaderValue). */
export function headerOperationProblems(headers: unknown, path: Path, add: Add): void {
  if (!isRecord(headers)) return;
  for (const side of ['request', 'response']) {
    const ops = headers[side];
    if (!isRecord(ops)) continue;
    for (const op of ['add', 'set']) {
      for (const [name, value] of entries(ops[op])) {
        const at = [...path, side, op, name];
        const problem = headerNameProblem(name, side === 'request');
        if (problem) add(at, problem, { part: 'key' });
        else if (typeof value === 'string') {
          const vp = headerValueProblem(value);
          if (vp) add(at, `the value of header ${name} ${vp}`);
        }
      }
    }
    strs(ops.remove).forEach((name, i) => {
      const problem = headerNameProblem(name, false);
      if (problem) add([...path, side, 'remove', i], problem);
    });
  }
}

/** Setting the authority (`:authority` or `host`) is allowed on requests; other `:` headers and `host` cannot be changed. */
function headerNameProblem(name: string, authorityOk: boolean): string | undefined {
  if (name === '') return 'a header name cannot be empty';
  if (authorityOk && isAuthority(name)) return undefined;
  if (name.toLowerCase() === 'host') return 'the Host header cannot be changed here (set the authority with a request header operation or rewrite.authority)';
  if (name.startsWith(':')) return `header ${name} cannot be changed: a name starting with ":" is a pseudo-header Envoy manages`;
  return undefined;
}

/**
 * ValidateHTTPHeaderValue: no control characters, and every `%` either escaped (`%%`) or starting a
 * complete `%VARIABLE%` or `%VARIABLE(args)%`, as Envoy's header parser reads it.
 */
function headerValueProblem(value: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(value)) return 'has a control character';
  for (let i = 0; i < value.length; i++) {
    if (value[i] !== '%') continue;
    if (value[i + 1] === '%') {
      i++;
      continue;
    }
    const end = variableEnd(value, i + 1);
    if (end < 0) return `has an unterminated %VARIABLE% (write %% for a literal %)`;
    i = end;
  }
  return undefined;
}

/** The index of the `%` closing a variable that starts at `start`, or -1. */
function variableEnd(value: string, start: number): number {
  let i = start;
  while (i < value.length && value[i] !== '%' && value[i] !== '(') i++;
  if (value[i] === '%') return i;
  if (value[i] !== '(') return -1;
  let inString = false;
  for (i++; i < value.length; i++) {
    const c = value[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === ')') break;
  }
  for (i++; i < value.length && value[i] === ' '; i++);
  return value[i] === '%' ? i : -1;
}
