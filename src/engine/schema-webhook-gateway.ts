import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import {
  arr, collector, isDns1123Label, isHttpProtocol, isIp, isSet, isTlsProtocol, num, parseProtocol, portProblem, PROTOCOLS, str, strs,
  wildcardDomainProblem, type Add, type Spec,
} from './schema-webhook-util.js';

/**
 * istiod's validating webhook for Gateway (istio pkg/config/validation/validation.go:
 * ValidateGateway, validateServer, validateServerPort, validateServerBind, validateTLSOptions;
 * agent/validation.go: ValidateNamespaceSlashWildcardHostname). validateTLSOptions and the host
 * form are shared with the Sidecar's ingress and egress listeners.
 */
export function gatewayProblems(spec: Spec, name: string | undefined): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  // Gateway API gateways istiod converts are exempt; a Gateway resource is not one of them.
  if (name !== undefined && !isDns1123Label(name)) add(['metadata', 'name'], `Gateway name ${JSON.stringify(name)} must be a DNS label (letters, digits and "-", no dots): VirtualServices name it in "namespace/name"`);
  if (!isSet(spec.servers)) add(['spec'], 'a Gateway needs at least one server', { part: 'key' });
  const portNames = new Set<string>();
  arr(spec.servers).forEach((server, i) => {
    if (!isRecord(server)) return;
    const path: Path = ['spec', 'servers', i];
    serverProblems(server, path, add);
    const port = server.port;
    if (!isRecord(port)) return;
    const portName = str(port.name);
    if (portName !== '' && portNames.has(portName)) add([...path, 'port', 'name'], `port name ${JSON.stringify(portName)} is used by an earlier server; port names must be unique in a Gateway`);
    portNames.add(portName);
    if (!isHttpProtocol(parseProtocol(str(port.protocol))) && isRecord(server.tls) && server.tls.httpsRedirect === true) {
      add([...path, 'tls', 'httpsRedirect'], 'httpsRedirect is for HTTP servers; on this port it does nothing', { warning: true, part: 'key' });
    }
  });
  return out;
}

function serverProblems(server: Record<string, unknown>, path: Path, add: Add): void {
  if (!isSet(server.hosts)) add(path, `${formatPath(path)} needs at least one host`);
  strs(server.hosts).forEach((h, i) => {
    const problem = namespacedHostProblem(h, true);
    if (problem) add([...path, 'hosts', i], `host ${JSON.stringify(h)} ${problem}`);
  });
  const bind = str(server.bind);
  const port = server.port;
  // The CRD requires the port.
  let portOk = isRecord(port);
  if (isRecord(port)) {
    const pp: Path = [...path, 'port'];
    if (parseProtocol(str(port.protocol)) === undefined) {
      add([...pp, 'protocol'], `protocol ${JSON.stringify(str(port.protocol))} is not one a Gateway serves: ${PROTOCOLS}`);
      portOk = false;
    }
    const n = num(port.number);
    const np = n > 0 || !bind.startsWith('unix://') ? portProblem(n) : undefined;
    if (np) {
      add([...pp, ...(port.number === undefined ? [] : ['number'])], np);
      portOk = false;
    }
    if (num(port.targetPort) > 0) {
      add([...pp, 'targetPort'], 'targetPort has no effect on a Gateway; remove it', { part: 'key' });
      portOk = false;
    }
    if (str(port.name) === '') {
      add(port.name === undefined ? pp : [...pp, 'name'], `${formatPath(pp)} needs a name`);
      portOk = false;
    }
  }
  bindProblems(bind, isRecord(port) ? num(port.number) : 0, [...path, 'bind'], add);
  serverTlsProblems(server.tls, [...path, 'tls'], add);
  if (!portOk || !isRecord(port)) return;
  const protocol = parseProtocol(str(port.protocol));
  const tls = server.tls;
  if (isTlsProtocol(protocol) && tls === undefined) {
    add([...path, 'port', 'protocol'], `a server with protocol ${protocol} needs tls settings (mode and certificates)`);
  } else if (!isTlsProtocol(protocol) && isRecord(tls)) {
    // An HTTP server may have tls only to redirect to HTTPS.
    const passthrough = tls.mode === undefined || tls.mode === 'PASSTHROUGH' || tls.mode === 'AUTO_PASSTHROUGH';
    const certs = ['caCertificates', 'privateKey', 'serverCertificate'].some((f) => str(tls[f]) !== '');
    if (!isHttpProtocol(protocol)) add([...path, 'tls'], `a server with protocol ${protocol} cannot have tls settings; they are for HTTPS and TLS ports`, { part: 'key' });
    else if (!passthrough || certs) add([...path, 'tls'], `a plain-text ${protocol} server cannot have TLS settings other than httpsRedirect; use protocol HTTPS to terminate TLS`, { part: 'key' });
  }
}

/** validateServerBind: a unix socket (with port 0) or an IP address. */
function bindProblems(bind: string, port: number, path: Path, add: Add): void {
  if (bind.startsWith('unix://')) {
    const problem = unixAddressProblem(bind.slice('unix://'.length));
    if (problem) add(path, problem);
    if (port !== 0) add(path, `a listener bound to a unix socket must have port number 0, not ${port}`);
  } else if (bind !== '' && !isIp(bind)) {
    add(path, `bind ${JSON.stringify(bind)} is not an IP address or unix:///path`);
  }
}

/** ValidateUnixAddress: an absolute file path, or an abstract socket (`@name`). */
export function unixAddressProblem(addr: string): string | undefined {
  if (addr === '') return 'the unix socket address is empty';
  if (addr.startsWith('@')) return undefined;
  return addr.startsWith('/') && !addr.endsWith('/') ? undefined : `unix socket ${JSON.stringify(addr)} is not an absolute path to a file`;
}

/**
 * agent.ValidateNamespaceSlashWildcardHostname: `namespace/host` ("*" or "." for the namespace; a
 * Sidecar may prefix "~" to exclude one), the host a DNS name with an optional leading `*`, no
 * short names; a Gateway may also give a bare host or IP.
 */
export function namespacedHostProblem(h: string, gateway: boolean): string | undefined {
  const slash = h.indexOf('/');
  if (slash < 0) return gateway ? hostPartProblem(h, true) : 'must have the form namespace/host (like "./*" or "istio-system/*.example.com")';
  const [ns, host] = [h.slice(0, slash), h.slice(slash + 1)];
  if (ns === '' || host === '') return 'needs both a namespace and a host: "namespace/host"';
  const bare = gateway ? ns : ns.replace(/^~/, '');
  if (bare !== '' && bare !== '*' && bare !== '.' && !isDns1123Label(bare)) return `has "${ns}", which is not "*", "." or a namespace name`;
  return hostPartProblem(host, gateway);
}

function hostPartProblem(host: string, gateway: boolean): string | undefined {
  if (host !== '*' && !host.includes('.')) return 'is a short name; give the fully qualified name (like "reviews.default.svc.cluster.local") or a wildcard ("*.example.com")';
  const problem = wildcardDomainProblem(host);
  if (problem && !(gateway && isIp(host))) return problem;
  if (host.includes('*') && host !== '*' && !host.startsWith('*.')) return 'has a partial wildcard; only "*" or a leading "*." is allowed';
  return undefined;
}

/** security.ValidCipherSuites, the names Envoy's BoringSSL takes. */
const CIPHERS = new Set([
  'ECDHE-ECDSA-AES128-GCM-SHA256', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-ECDSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES256-GCM-SHA384',
  'ECDHE-ECDSA-CHACHA20-POLY1305', 'ECDHE-RSA-CHACHA20-POLY1305', 'ECDHE-ECDSA-AES128-SHA', 'ECDHE-RSA-AES128-SHA', 'ECDHE-ECDSA-AES256-SHA',
  'ECDHE-RSA-AES256-SHA', 'AES128-GCM-SHA256', 'AES256-GCM-SHA384', 'AES128-SHA', 'AES256-SHA', 'DES-CBC3-SHA',
]);

/** validateTLSOptions: the server side TLS of a Gateway server or a Sidecar ingress listener. */
export function serverTlsProblems(tls: unknown, path: Path, add: Add): void {
  if (!isRecord(tls)) return;
  const at = (f: string): Path => [...path, f];
  const set = (f: string) => isSet(tls[f]);
  const mode = str(tls.mode) || 'PASSTHROUGH';
  if ((tls.minProtocolVersion === 'TLSV1_0' || tls.minProtocolVersion === 'TLSV1_1') && !set('cipherSuites')) {
    add(at('minProtocolVersion'), `${tls.minProtocolVersion} needs cipherSuites: the default ones no longer include ciphers for TLS below 1.2`, { warning: true });
  }
  const seen = new Set<string>();
  strs(tls.cipherSuites).forEach((c, i) => {
    if (c !== '' && c !== 'ALL' && /^[\p{L}\p{N}]/u.test(c) && !CIPHERS.has(c)) add([...at('cipherSuites'), i], `cipher suite ${JSON.stringify(c)} is unknown and ignored`, { warning: true });
    else if (seen.has(c)) add([...at('cipherSuites'), i], `cipher suite ${JSON.stringify(c)} is listed twice`, { warning: true });
    seen.add(c);
  });
  if (mode === 'ISTIO_MUTUAL') {
    for (const f of ['serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames'].filter(set)) {
      add(at(f), `mode ISTIO_MUTUAL uses the mesh's certificates, so ${f} cannot be set`, { part: 'key' });
    }
    return;
  }
  const certFields = ['caCrl', 'serverCertificate', 'privateKey', 'caCertificates', 'tlsCertificates', 'credentialName', 'credentialNames'];
  if ((mode === 'PASSTHROUGH' || mode === 'AUTO_PASSTHROUGH') && certFields.some(set)) {
    add(at(certFields.find(set)!), `mode ${mode} does not terminate TLS, so its certificates are ignored`, { warning: true, part: 'key' });
  }
  const sources = [set('serverCertificate') && set('privateKey'), set('credentialName'), set('credentialNames'), set('tlsCertificates')].filter(Boolean).length;
  if (sources > 1) add(path, `${formatPath(path)} gives certificates more than once; set only one of credentialName, credentialNames, serverCertificate/privateKey or tlsCertificates`, { part: 'key' });
  const terminating = mode === 'SIMPLE' || mode === 'MUTUAL' || mode === 'OPTIONAL_MUTUAL';
  if (terminating && (set('credentialName') || set('credentialNames'))) return;
  if (terminating) {
    const kind = mode === 'SIMPLE' ? 'SIMPLE' : 'MUTUAL';
    if (kind === 'MUTUAL' && !set('caCertificates')) add(at('mode'), `mode ${mode} needs caCertificates (the CA bundle to verify clients) or a credentialName`);
    const certs = arr(tls.tlsCertificates);
    if (certs.length > 2) add(at('tlsCertificates'), `mode ${mode} takes at most 2 server certificates (an RSA and an ECDSA one)`, { warning: true, part: 'key' });
    const pairs: Array<[Record<string, unknown>, Path]> = certs.length > 0 ? certs.map((c, i) => [isRecord(c) ? c : {}, [...at('tlsCertificates'), i]]) : [[tls, at('mode')]];
    for (const [cert, cp] of pairs) {
      if (str(cert.serverCertificate) === '') add(cp, `mode ${mode} needs serverCertificate (or a credentialName)`);
      if (str(cert.privateKey) === '') add(cp, `mode ${mode} needs privateKey (or a credentialName)`);
    }
  }
  if (set('caCrl')) {
    if (set('credentialName')) add(at('caCrl'), 'caCrl cannot be set with credentialName; put the CRL in the credential', { part: 'key' });
    if (mode === 'SIMPLE') add(at('caCrl'), 'caCrl is for client certificates, which mode SIMPLE does not verify', { part: 'key' });
  }
}
