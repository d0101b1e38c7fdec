import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { type SchemaProblem } from './schema-problem.js';
import { unixAddressProblem } from './schema-webhook-gateway.js';
import { exportToProblems } from './schema-webhook-networking.js';
import {
  arr, collector, entries, fqdnProblem, isDns1123Label, isHttpProtocol, isIp, isIpOrCidr, isSet, isTcpProtocol, isTlsProtocol, labelProblems,
  num, parseProtocol, PROTOCOLS, str, strs, wildcardDomainProblem, type Add, type Spec,
} from './schema-webhook-util.js';

/**
 * istiod's validating webhook for ServiceEntry, WorkloadEntry and WorkloadGroup (istio
 * pkg/config/validation/validation.go: ValidateServiceEntry, validateWorkloadEntry,
 * ValidateWorkloadGroup, validateReadinessProbe). What the CRD's CEL rules already reject (a
 * "*" host, CIDRs outside NONE/STATIC, endpoints with NONE, several with DNS_ROUND_ROBIN,
 * duplicate port numbers, unix socket forms) is not repeated.
 */
export function serviceEntryProblems(spec: Spec, namespace: string | undefined, labels: Record<string, unknown>): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  const resolution = str(spec.resolution) || 'NONE';
  const hosts = strs(spec.hosts);
  hosts.forEach((h, i) => {
    const problem = wildcardDomainProblem(h);
    if (problem) add(['spec', 'hosts', i], `host ${JSON.stringify(h)} ${problem}`);
    else if (resolution !== 'DYNAMIC_DNS' && h.includes('*') && h !== '*' && !h.startsWith('*.')) {
      add(['spec', 'hosts', i], `host ${JSON.stringify(h)} has a partial wildcard; only a leading "*." is supported`, { warning: true });
    }
  });
  strs(spec.addresses).forEach((a, i) => {
    if (!isIpOrCidr(a)) add(['spec', 'addresses', i], `address ${JSON.stringify(a)} is not an IP address or a CIDR range`);
  });
  const ports = portProblems(spec, labels, add);
  resolutionProblems(spec, resolution, hosts, ports, labels, add);
  if (resolution !== 'NONE' && hosts.length > 1) {
    const i = arr(spec.ports).findIndex((p) => isRecord(p) && !isHttpProtocol(parseProtocol(str(p.protocol))) && !isTlsProtocol(parseProtocol(str(p.protocol))));
    if (i >= 0) add(['spec', 'ports', i, 'protocol'], `a ServiceEntry with several hosts and resolution ${resolution} needs HTTP or TLS ports: on a plain TCP port the proxy cannot tell the hosts apart`, { part: isRecord(arr(spec.ports)[i]) && (arr(spec.ports)[i] as Record<string, unknown>).protocol !== undefined ? 'value' : 'key' });
  }
  out.push(...exportToProblems(spec.exportTo, namespace, { serviceEntry: true, withSelector: false }));
  return out;
}

/** The port names; unique names, known protocols, and the address istiod needs for a TCP port. */
function portProblems(spec: Spec, labels: Record<string, unknown>, add: Add): Set<string> {
  const names = new Set<string>();
  // serviceentry.ShouldV2AutoAllocateIPFromConfig: off for resolution NONE or where the resource
  // opts out; otherwise it depends on the mesh (unknown here), so no warning.
  const optOut = labels['networking.istio.io/enable-autoallocate-ip'];
  const noAutoAllocation = (str(spec.resolution) || 'NONE') === 'NONE' || (typeof optOut === 'string' && optOut.toLowerCase() === 'false');
  arr(spec.ports).forEach((p, i) => {
    if (!isRecord(p)) return;
    const path: Path = ['spec', 'ports', i];
    const name = str(p.name);
    if (!isDns1123Label(name)) add([...path, 'name'], `port name ${JSON.stringify(name)} must be a DNS label (letters, digits and "-")`);
    else if (names.has(name)) add([...path, 'name'], `port name ${JSON.stringify(name)} is used by an earlier port; port names must be unique`);
    names.add(name);
    const protocol = str(p.protocol);
    if (protocol !== '' && parseProtocol(protocol) === undefined) add([...path, 'protocol'], `protocol ${JSON.stringify(protocol)} is not one istiod knows: ${PROTOCOLS}`);
    if (noAutoAllocation && !isSet(spec.addresses) && (protocol === '' || protocol === 'TCP')) {
      add(path, 'a TCP (or unnamed-protocol) port needs addresses when IP auto-allocation is off: without one the proxy cannot tell this service\'s traffic apart', { warning: true });
    }
  });
  return names;
}

function resolutionProblems(spec: Spec, resolution: string, hosts: string[], ports: Set<string>, labels: Record<string, unknown>, add: Add): void {
  const endpoints = arr(spec.endpoints);
  switch (resolution) {
    case 'NONE':
      if (spec.workloadSelector !== undefined) add(['spec', 'workloadSelector'], 'a workloadSelector has no effect with resolution NONE', { warning: true, part: 'key' });
      return;
    case 'STATIC':
      endpoints.forEach((e, i) => workloadEntryProblems(e, ['spec', 'endpoints', i], add, { ports, fqdn: false }));
      return;
    case 'DNS':
    case 'DNS_ROUND_ROBIN': {
      if (endpoints.length === 0) {
        const i = hosts.findIndex((h) => fqdnProblem(h) !== undefined);
        if (i >= 0) add(['spec', 'hosts', i], `with resolution ${resolution} and no endpoints, istiod resolves the hosts in DNS, so ${JSON.stringify(hosts[i])} must be a host name without wildcards`);
      }
      endpoints.forEach((e, i) => {
        if (!isRecord(e)) return;
        const path: Path = ['spec', 'endpoints', i];
        const address = str(e.address);
        if (!isIp(address) && fqdnProblem(address)) add([...path, 'address'], `endpoint address ${JSON.stringify(address)} is not a host name or an IP address`);
        labelProblems(e.labels, [...path, 'labels'], add);
        endpointPortProblems(e.ports, [...path, 'ports'], ports, add);
      });
      if (isSet(spec.addresses) && hosts.length > 1 && arr(spec.ports).some((p) => isRecord(p) && isTcpProtocol(parseProtocol(str(p.protocol))))) {
        add(['spec', 'hosts'], 'a ServiceEntry with addresses and a TCP port should have a single host: the proxy cannot tell the hosts apart', { warning: true, part: 'key' });
      }
      return;
    }
    case 'DYNAMIC_DNS':
      hosts.forEach((h, i) => {
        if (!h.startsWith('*')) add(['spec', 'hosts', i], `resolution DYNAMIC_DNS needs wildcard hosts (like "*.example.com"), not ${JSON.stringify(h)}`);
      });
      if (isSet(spec.addresses)) add(['spec', 'addresses'], 'resolution DYNAMIC_DNS takes no addresses: the destination comes from the request\'s host', { part: 'key' });
      if (isSet(spec.endpoints)) add(['spec', 'endpoints'], 'resolution DYNAMIC_DNS takes no endpoints: the destination comes from the request\'s host', { part: 'key' });
      arr(spec.ports).forEach((p, i) => {
        const protocol = isRecord(p) ? parseProtocol(str(p.protocol)) : undefined;
        if (!['HTTP', 'TLS', 'GRPC', 'HTTP2'].includes(protocol ?? '')) add(['spec', 'ports', i], 'resolution DYNAMIC_DNS supports only HTTP, TLS, GRPC and HTTP2 ports');
      });
      if (str(spec.location) === 'MESH_INTERNAL' && usesWaypoint(labels)) {
        add(['spec', 'location'], 'location MESH_INTERNAL with resolution DYNAMIC_DNS is not supported for a ServiceEntry that uses a waypoint');
      }
      return;
  }
}

function usesWaypoint(labels: Record<string, unknown>): boolean {
  const v = labels['istio.io/use-waypoint'];
  return typeof v === 'string' && v !== '' && v.toLowerCase() !== 'none';
}

function endpointPortProblems(ports: unknown, path: Path, servicePorts: Set<string> | undefined, add: Add): void {
  for (const [name] of entries(ports)) {
    if (servicePorts && !servicePorts.has(name)) add([...path, name], `endpoint port ${JSON.stringify(name)} is not a port name of the ServiceEntry`, { part: 'key' });
  }
}

/**
 * validateWorkloadEntry: an address (an IP; a host name too outside a STATIC ServiceEntry), or a
 * network; a unix socket without ports; within a ServiceEntry, ports it declares.
 */
export function workloadEntryProblems(we: unknown, path: Path, add: Add, opts: { ports?: Set<string>; fqdn: boolean }): void {
  if (!isRecord(we)) return;
  const address = str(we.address);
  if (address === '') {
    if (str(we.network) === '') add(we.address === undefined ? path : [...path, 'address'], 'an address is required (or a network, for an endpoint reached through its network gateway)');
    else add(path, `no address, only the network ${JSON.stringify(we.network)}: the endpoint is reached through that network's gateway`, { warning: true, part: 'key' });
  } else if (address.startsWith('unix://')) {
    const problem = unixAddressProblem(address.slice('unix://'.length));
    if (problem) add([...path, 'address'], problem);
    if (opts.ports && opts.ports.size !== 1) add([...path, 'address'], 'a unix socket endpoint needs a ServiceEntry with exactly one port');
  } else if (!isIp(address)) {
    if (!opts.fqdn) add([...path, 'address'], `endpoint address ${JSON.stringify(address)} is not an IP address (resolution STATIC takes IPs)`);
    else if (fqdnProblem(address)) add([...path, 'address'], `address ${JSON.stringify(address)} is not a host name or an IP address`);
  }
  endpointPortProblems(we.ports, [...path, 'ports'], opts.ports, add);
  labelProblems(we.labels, [...path, 'labels'], add);
}

export function workloadEntrySpecProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  workloadEntryProblems(spec, ['spec'], collector(out), { fqdn: true });
  return out;
}

export function workloadGroupProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  if (spec.template === undefined) add(['spec'], 'a WorkloadGroup needs a template', { part: 'key' });
  if (isRecord(spec.metadata)) labelProblems(spec.metadata.labels, ['spec', 'metadata', 'labels'], add);
  const probe = spec.probe;
  if (!isRecord(probe)) return out;
  const path: Path = ['spec', 'probe'];
  for (const f of ['periodSeconds', 'initialDelaySeconds', 'timeoutSeconds', 'successThreshold', 'failureThreshold']) {
    if (num(probe[f]) < 0) add([...path, f], `${f} cannot be negative`);
  }
  if (isRecord(probe.httpGet)) {
    arr(probe.httpGet.httpHeaders).forEach((h, i) => {
      const name = isRecord(h) ? str(h.name) : '';
      if (!/^[-A-Za-z0-9]+$/.test(name)) add([...path, 'httpGet', 'httpHeaders', i, 'name'], `${JSON.stringify(name)} is not a valid header name for a probe (letters, digits and "-", as Kubernetes probes take)`);
    });
  } else if (isRecord(probe.exec)) {
    if (!isSet(probe.exec.command)) add([...path, 'exec'], 'exec needs a command', { part: 'key' });
  } else if (!isRecord(probe.tcpSocket) && !isRecord(probe.grpc)) {
    add(path, 'a probe needs httpGet, tcpSocket or exec', { part: 'key' });
  }
  return out;
}
