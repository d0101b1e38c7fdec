import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { namespacedHostProblem, serverTlsProblems, unixAddressProblem } from './schema-webhook-gateway.js';
import { connectionPoolProblems } from './schema-webhook-networking.js';
import { destinationProblems } from './schema-webhook-route.js';
import {
  arr, collector, fqdnProblem, isDns1123Label, isHttpProtocol, isIp, isSet, isTlsProtocol, num, parseProtocol, portProblem, PROTOCOLS, str, strs,
  type Add, type Spec,
} from './schema-webhook-util.js';

/**
 * istiod's validating webhook for Sidecar (istio pkg/config/validation/validation.go:
 * ValidateSidecar, validateSidecarEgressPortBindAndCaptureMode, validateSidecarIngressPortAndBind,
 * validateSidecarOutboundTrafficPolicy). `namespace` is the Sidecar's, when the manifest says it.
 */
export function sidecarProblems(spec: Spec, namespace: string | undefined): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  if (!isSet(spec.egress) && !isSet(spec.ingress) && spec.outboundTrafficPolicy === undefined && spec.inboundConnectionPool === undefined) {
    add(['spec'], 'the Sidecar configures nothing: give egress, ingress, outboundTrafficPolicy or inboundConnectionPool', { part: 'key' });
    return out;
  }
  ingressProblems(spec.ingress, add);
  connectionPoolProblems(spec.inboundConnectionPool, ['spec', 'inboundConnectionPool'], add);
  egressProblems(spec.egress, namespace, add);
  outboundPolicyProblems(spec.outboundTrafficPolicy, ['spec', 'outboundTrafficPolicy'], add);
  return out;
}

function sidecarPortProblems(port: Record<string, unknown>, path: Path, add: Add): void {
  const name = str(port.name);
  if (name !== '' && !isDns1123Label(name)) add([...path, 'name'], `port name ${JSON.stringify(name)} must be a DNS label (letters, digits and "-")`);
  const protocol = str(port.protocol);
  if (protocol !== '' && parseProtocol(protocol) === undefined) add([...path, 'protocol'], `protocol ${JSON.stringify(protocol)} is not one istiod knows: ${PROTOCOLS}`);
  if (num(port.targetPort) > 0) add([...path, 'targetPort'], 'targetPort has no effect on a Sidecar; remove it', { part: 'key' });
}

function ingressProblems(ingress: unknown, add: Add): void {
  const ports = new Set<number>();
  arr(ingress).forEach((listener, i) => {
    if (!isRecord(listener)) return;
    const path: Path = ['spec', 'ingress', i];
    // The CRD requires the port.
    const port = listener.port;
    if (!isRecord(port)) return;
    sidecarPortProblems(port, [...path, 'port'], add);
    const n = num(port.number);
    const np = portProblem(n);
    if (np) add([...path, 'port', ...(port.number === undefined ? [] : ['number'])], np);
    const bind = str(listener.bind);
    if (bind !== '' && !isIp(bind)) add([...path, 'bind'], `bind ${JSON.stringify(bind)} is not an IP address`);
    if (ports.has(n)) add([...path, 'port', 'number'], `port ${n} is used by an earlier ingress listener; ports must be unique`);
    ports.add(n);
    defaultEndpointProblems(str(listener.defaultEndpoint), [...path, 'defaultEndpoint'], add);
    ingressTlsProblems(listener.tls, parseProtocol(str(port.protocol)), [...path, 'tls'], add);
    connectionPoolProblems(listener.connectionPool, [...path, 'connectionPool'], add);
    if (isRecord(listener.connectionPool) && listener.connectionPool.http !== undefined && !isHttpProtocol(parseProtocol(str(port.protocol)))) {
      add([...path, 'connectionPool', 'http'], `port ${n} is not HTTP (protocol ${JSON.stringify(str(port.protocol))}), so only the tcp connection pool settings apply`, { warning: true, part: 'key' });
    }
  });
}

/** 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port>, :<port> or unix://<path>. */
function defaultEndpointProblems(endpoint: string, path: Path, add: Add): void {
  if (endpoint === '') return;
  if (endpoint.startsWith('unix://')) {
    const problem = unixAddressProblem(endpoint.slice('unix://'.length));
    if (problem) add(path, problem);
    return;
  }
  const m = /^(?:\[([^\]]*)\]|([^:[\]]*)):([^:]*)$/.exec(endpoint);
  const host = m ? (m[1] ?? m[2] ?? '') : undefined;
  if (host === undefined || !['', '127.0.0.1', '0.0.0.0', '::1', '::'].includes(host)) {
    add(path, `defaultEndpoint ${JSON.stringify(endpoint)} must be 127.0.0.1:<port>, 0.0.0.0:<port>, [::1]:<port>, [::]:<port> or unix://<path>`);
    return;
  }
  const port = m![3]!;
  const problem = /^[+-]?\d+$/.test(port) ? portProblem(Number(port)) : `port "${port}" is not a number`;
  if (problem) add(path, `defaultEndpoint ${JSON.stringify(endpoint)}: ${problem}`);
}

function ingressTlsProblems(tls: unknown, protocol: string | undefined, path: Path, add: Add): void {
  if (!isRecord(tls)) return;
  const unsupported: Record<string, string> = {
    subjectAltNames: 'subjectAltNames is not supported in a Sidecar ingress listener',
    httpsRedirect: 'httpsRedirect is not supported in a Sidecar',
    credentialName: 'credentialName is not supported in a Sidecar; give serverCertificate and privateKey as files',
    credentialNames: 'credentialNames is not supported in a Sidecar; give serverCertificate and privateKey as files',
    tlsCertificates: 'tlsCertificates is not supported in a Sidecar; give serverCertificate and privateKey',
  };
  for (const [f, message] of Object.entries(unsupported)) {
    if (f === 'httpsRedirect' ? tls[f] === true : isSet(tls[f])) add([...path, f], message, { part: 'key' });
  }
  if (tls.mode === 'ISTIO_MUTUAL' || tls.mode === 'AUTO_PASSTHROUGH') add([...path, 'mode'], `mode ${tls.mode} cannot be used in a Sidecar ingress listener`);
  if (!isTlsProtocol(protocol)) add(path, `a listener with protocol ${JSON.stringify(protocol ?? '')} cannot have tls settings; they are for HTTPS and TLS ports`, { part: 'key' });
  serverTlsProblems(tls, path, add);
}

function egressProblems(egress: unknown, namespace: string | undefined, add: Add): void {
  const listeners = arr(egress);
  const ports = new Set<number>();
  const sockets = new Set<string>();
  let catchAll = false;
  listeners.forEach((listener, i) => {
    if (!isRecord(listener)) return;
    const path: Path = ['spec', 'egress', i];
    const port = listener.port;
    if (!isRecord(port)) {
      if (catchAll) {
        add(path, 'only one egress listener may have no port (the catch-all one)');
        return;
      }
      if (i === listeners.length - 1) catchAll = true;
      else add(path, 'the egress listener without a port (the catch-all) must be the last one');
    } else {
      sidecarPortProblems(port, [...path, 'port'], add);
      const bind = str(listener.bind);
      const n = num(port.number);
      if (n === 0) {
        const mode = str(listener.captureMode) || 'DEFAULT';
        if (!bind.startsWith('unix://')) add([...path, 'port'], 'an egress port with number 0 needs a unix socket bind (unix:///path)');
        else {
          const problem = unixAddressProblem(bind.slice('unix://'.length));
          if (problem) add([...path, 'bind'], problem);
        }
        if (mode !== 'DEFAULT' && mode !== 'NONE') add([...path, 'captureMode'], 'a unix socket listener takes captureMode DEFAULT or NONE');
        if (sockets.has(bind)) add([...path, 'bind'], `unix socket ${JSON.stringify(bind)} is used by an earlier egress listener`);
        sockets.add(bind);
      } else {
        const np = portProblem(n);
        if (np) add([...path, 'port', 'number'], np);
        if (bind !== '' && !isIp(bind)) add([...path, 'bind'], `bind ${JSON.stringify(bind)} is not an IP address`);
        if (ports.has(n)) add([...path, 'port', 'number'], `port ${n} is used by an earlier egress listener; ports must be unique`);
        ports.add(n);
      }
    }
    egressHostProblems(listener.hosts, [...path, 'hosts'], namespace, add);
  });
}

/** The hosts of an egress listener, and istiod's warnings of ones an earlier host already covers. */
function egressHostProblems(hosts: unknown, path: Path, namespace: string | undefined, add: Add): void {
  const list = strs(hosts);
  if (list.length === 0) {
    add(path.slice(0, -1), `${formatPath(path.slice(0, -1))} needs at least one host`);
    return;
  }
  const byNamespace = new Map<string, Set<string>>();
  list.forEach((h, i) => {
    const at = [...path, i];
    const slash = h.indexOf('/');
    if (slash >= 0 && !h.startsWith('~')) {
      const ns = h.slice(0, slash) === '.' && namespace !== undefined ? namespace : h.slice(0, slash);
      const host = h.slice(slash + 1);
      const seen = byNamespace.get(ns) ?? new Set<string>();
      if (host === '*' ? seen.size > 0 : seen.has(host) || seen.has('*')) add(at, `egress host ${JSON.stringify(h)} is already covered by an earlier host of this listener`, { warning: true });
      seen.add(host);
      byNamespace.set(ns, seen);
    }
    const problem = namespacedHostProblem(h, false);
    if (problem) add(at, `egress host ${JSON.stringify(h)} ${problem}`);
  });
  if (byNamespace.get('*')?.has('*') && byNamespace.size !== 1) {
    add(path, '"*/*" selects every host, so the other hosts of this listener add nothing', { warning: true, part: 'key' });
  }
}

function outboundPolicyProblems(policy: unknown, path: Path, add: Add): void {
  if (!isRecord(policy)) return;
  // The CRD's enum leaves out the mesh config's ALLOW_ANY_DYNAMIC_DNS.
  const mode = str(policy.mode) || 'REGISTRY_ONLY';
  const proxy = policy.egressProxy;
  if (!isRecord(proxy)) return;
  if (mode !== 'ALLOW_ANY') {
    add([...path, 'egressProxy'], `egressProxy needs mode ALLOW_ANY (the mode is ${mode})`, { part: 'key' });
    return;
  }
  const hostProblem = fqdnProblem(str(proxy.host));
  if (hostProblem) add([...path, 'egressProxy', 'host'], `egressProxy host ${JSON.stringify(str(proxy.host))} ${hostProblem}`);
  if (proxy.port === undefined) add([...path, 'egressProxy'], 'egressProxy needs a port', { part: 'key' });
  else if (!hostProblem) destinationProblems(proxy, [...path, 'egressProxy'], add);
}
