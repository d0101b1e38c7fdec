import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { httpRouteProblems, isJwtClaimHeader } from './schema-webhook-httproute.js';
import { exportToProblems } from './schema-webhook-networking.js';
import { destinationsProblems, gatewayNameProblems, l4MatchProblems } from './schema-webhook-route.js';
import {
  arr, collector, entries, hostSubsetOf, hostsOverlap, isIp, isIpOrCidr, isSet, strs, wildcardDomainProblem, type Add, type Spec,
} from './schema-webhook-util.js';

/**
 * istiod's validating webhook for VirtualService (istio pkg/config/validation/validation.go:
 * ValidateVirtualService, validateTLSRoute, validateTLSMatch, validateSniHost, validateTCPRoute;
 * agent/validation.go: ValidateWildcardDomainForVirtualServiceBoundToGateway); the HTTP routes are
 * schema-webhook-httproute.ts's. Fields are read as istiod reads them (jsonpb): an empty string or
 * list is unset, an empty message is set. The warnings of its unreachable-rule analysis are left to
 * the rules that analyse routes.
 */
export function virtualServiceProblems(spec: Spec, namespace: string | undefined): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  const hosts = strs(spec.hosts);
  const gateways = strs(spec.gateways);
  const delegate = hosts.length === 0;
  if (delegate) {
    for (const f of ['gateways', 'tls', 'tcp']) {
      if (isSet(spec[f])) add(['spec', f], `a delegate VirtualService (one without hosts) cannot have ${f}: the root VirtualService that delegates to it decides them`, { part: 'key' });
    }
  }
  gatewayNameProblems(spec.gateways, ['spec', 'gateways'], add);
  // As istiod: bound to gateways unless "mesh" is among them.
  const boundToGateway = gateways.length > 0 && !gateways.includes('mesh');
  if (!boundToGateway) jwtClaimRouteProblems(spec, add);
  hostProblems(spec, hosts, boundToGateway, add);
  if (!isSet(spec.http) && !isSet(spec.tcp) && !isSet(spec.tls)) add(['spec'], 'a VirtualService needs http, tcp or tls routes', { part: 'key' });
  arr(spec.http).forEach((route, i) => httpRouteProblems(route, ['spec', 'http', i], delegate, add));
  arr(spec.tls).forEach((route, i) => tlsRouteProblems(route, ['spec', 'tls', i], spec, add));
  arr(spec.tcp).forEach((route, i) => tcpRouteProblems(route, ['spec', 'tcp', i], add));
  out.push(...exportToProblems(spec.exportTo, namespace, { serviceEntry: false, withSelector: false }));
  return out;
}

function hostProblems(spec: Spec, hosts: string[], boundToGateway: boolean, add: Add): void {
  const sni = arr(spec.tls).some((t) => isRecord(t) && arr(t.match).some((m) => isRecord(m) && isSet(m.sniHosts)));
  let allValid = true;
  hosts.forEach((h, i) => {
    const problem = boundToGateway ? gatewayHostProblem(h, sni) : wildcardDomainProblem(h);
    if (problem && !isIp(h)) {
      add(['spec', 'hosts', i], `host ${JSON.stringify(h)} ${problem}`);
      allValid = false;
    } else if (!problem && !boundToGateway && h === '*') {
      add(['spec', 'hosts', i], 'host "*" is not allowed for a VirtualService of the mesh (no gateways, or "mesh" among them); name the hosts');
      allValid = false;
    }
  });
  if (!allValid) return;
  // The hosts of one VirtualService are few; istiod compares each pair too.
  hosts.forEach((h, j) => {
    const earlier = hosts.slice(0, j).find((e) => hostsOverlap(e, h));
    if (earlier !== undefined) add(['spec', 'hosts', j], `hosts ${JSON.stringify(earlier)} and ${JSON.stringify(h)} overlap; a VirtualService lists each host once`);
  });
}

/**
 * agent.ValidateWildcardDomainForVirtualServiceBoundToGateway: with TLS SNI matching, a host may
 * be the name Envoy generates for AUTO_PASSTHROUGH, `outbound_.<port>_._.<host>`.
 */
function gatewayHostProblem(h: string, sni: boolean): string | undefined {
  if (!sni || !h.startsWith('outbound_') || h.length > 255) return wildcardDomainProblem(h);
  const parts = h.split('_');
  const trim = (s: string | undefined) => (s ?? '').replace(/^\.+|\.+$/g, '');
  if (parts.length < 4) return 'is not of the form outbound_.<port>_._.<hostname>';
  if (!/[0-9]/.test(trim(parts[1])) || !/[a-zA-Z]/.test(trim(parts[3]))) return 'is not of the form outbound_.<port>_._.<hostname>';
  return undefined;
}

function jwtClaimRouteProblems(spec: Spec, add: Add): void {
  arr(spec.http).forEach((route, i) => {
    if (!isRecord(route)) return;
    arr(route.match).forEach((m, j) => {
      if (!isRecord(m)) return;
      for (const field of ['headers', 'withoutHeaders']) {
        for (const [name] of entries(m[field])) {
          if (isJwtClaimHeader(name)) {
            add(['spec', 'http', i, 'match', j, field, name], `routing on the JWT claim ${name} works only on gateways; this VirtualService applies to sidecars (add gateways without "mesh")`, { part: 'key' });
          }
        }
      }
    });
  });
}

function tlsRouteProblems(route: unknown, path: Path, spec: Spec, add: Add): void {
  if (!isRecord(route)) return;
  if (!isSet(route.match)) add(path, `${formatPath(path)} needs at least one match (sniHosts)`);
  arr(route.match).forEach((m, j) => {
    if (!isRecord(m)) return;
    const at = [...path, 'match', j];
    if (!isSet(m.sniHosts)) add(at, `${formatPath(at)} needs sniHosts`);
    strs(m.sniHosts).forEach((sni, k) => sniProblems(sni, [...at, 'sniHosts', k], spec, add));
    subnetProblems(m.destinationSubnets, [...at, 'destinationSubnets'], add);
    l4MatchProblems(m, at, add);
  });
  if (!isSet(route.route)) add(path, `${formatPath(path)} needs a route`);
  destinationsProblems(route.route, [...path, 'route'], add, false);
}

function sniProblems(sni: string, path: Path, spec: Spec, add: Add): void {
  // As istiod: the gateway form of the check unless "mesh" is among the gateways.
  const problem = strs(spec.gateways).includes('mesh') ? wildcardDomainProblem(sni) : gatewayHostProblem(sni, true);
  if (problem) {
    if (isIp(sni)) add(path, `SNI host ${JSON.stringify(sni)} is an IP address; SNI carries host names and most clients never send an IP`, { warning: true });
    else add(path, `SNI host ${JSON.stringify(sni)} ${problem}`);
    return;
  }
  const hosts = strs(spec.hosts);
  if (!hosts.some((h) => hostSubsetOf(sni, h))) add(path, `SNI host ${JSON.stringify(sni)} is not among the VirtualService's hosts (${hosts.join(', ')}) nor covered by a wildcard of them`);
}

function subnetProblems(subnets: unknown, path: Path, add: Add): void {
  strs(subnets).forEach((s, i) => {
    if (!isIpOrCidr(s)) add([...path, i], `${JSON.stringify(s)} is not an IP address or a CIDR range`);
  });
}

function tcpRouteProblems(route: unknown, path: Path, add: Add): void {
  if (!isRecord(route)) return;
  arr(route.match).forEach((m, j) => {
    if (!isRecord(m)) return;
    subnetProblems(m.destinationSubnets, [...path, 'match', j, 'destinationSubnets'], add);
    l4MatchProblems(m, [...path, 'match', j], add);
  });
  if (!isSet(route.route)) add(path, `${formatPath(path)} needs a route`);
  destinationsProblems(route.route, [...path, 'route'], add, false);
}
