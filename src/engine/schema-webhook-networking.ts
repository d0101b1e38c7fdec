import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import {
  arr, collector, entries, fqdnProblem, isDns1123Label, isIp, isSet, labelProblems, num, portProblem, str, strs, wildcardDomainProblem, type Add, type Spec,
} from './schema-webhook-util.js';

/**
 * istiod's validating webhook for DestinationRule and for exportTo (istio
 * pkg/config/validation/validation.go: ValidateDestinationRule, validateTrafficPolicy,
 * validatePortTrafficPolicies, validateSubset, validateExportTo, validateOutlierDetection,
 * validateConnectionPool, validateLoadBalancer, validateTunnelSettings; agent/validation.go:
 * ValidateWildcardDomain, ValidateTLS, ValidateLocalityLbSetting). Only what the CRD does not
 * already reject (durations, for one, are its CEL rules').
 */

/** `namespace` is the resource's own, or undefined when the manifest does not say it. */
export function destinationRuleProblems(spec: Spec, namespace: string | undefined): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  if (typeof spec.host === 'string') {
    const problem = wildcardDomainProblem(spec.host);
    if (problem) out.push({ path: ['spec', 'host'], part: 'value', message: `host ${JSON.stringify(spec.host)} ${problem}` });
  }
  trafficPolicyProblems(spec.trafficPolicy, ['spec', 'trafficPolicy'], out);
  const names = new Set<string>();
  arr(spec.subsets).forEach((subset, i) => {
    if (!isRecord(subset)) return;
    const path: Path = ['spec', 'subsets', i];
    const name = typeof subset.name === 'string' ? subset.name : '';
    if (name === '') out.push({ path, part: 'value', message: `${formatPath(path)} needs a name` });
    else if (!isDns1123Label(name)) out.push({ path: [...path, 'name'], part: 'value', message: `subset name ${JSON.stringify(name)} must be a DNS label: letters, digits and "-", at most 63` });
    else if (names.has(name)) out.push({ path: [...path, 'name'], part: 'value', message: `subset name ${JSON.stringify(name)} is used by an earlier subset; subset names must be unique` });
    names.add(name);
    labelProblems(subset.labels, [...path, 'labels'], collector(out));
    trafficPolicyProblems(subset.trafficPolicy, [...path, 'trafficPolicy'], out);
  });
  out.push(...exportToProblems(spec.exportTo, namespace, { serviceEntry: false, withSelector: spec.workloadSelector !== undefined }));
  return out;
}

function trafficPolicyProblems(policy: unknown, path: Path, out: SchemaProblem[]): void {
  if (!isRecord(policy)) return;
  const fields = ['outlierDetection', 'connectionPool', 'loadBalancer', 'tls', 'portLevelSettings', 'tunnel', 'proxyProtocol', 'retryBudget'];
  if (!fields.some((f) => isSet(policy[f]))) {
    out.push({ path, part: 'key', message: `${formatPath(path)} is empty; istiod rejects a traffic policy without fields` });
    return;
  }
  if (policy.tunnel !== undefined && policy.proxyProtocol !== undefined) {
    out.push({ path: [...path, 'proxyProtocol'], part: 'key', message: `${formatPath(path)} sets both tunnel and proxyProtocol, which istiod rejects` });
    return;
  }
  const add = collector(out);
  settingsProblems(policy, path, add);
  tunnelProblems(policy.tunnel, [...path, 'tunnel'], add);
  if (isRecord(policy.proxyProtocol) && ![0, 1].includes(num(policy.proxyProtocol.version))) {
    add([...path, 'proxyProtocol', 'version'], `proxy protocol version ${num(policy.proxyProtocol.version)} is not V1 or V2`);
  }
  arr(policy.portLevelSettings).forEach((p, i) => {
    if (!isRecord(p)) return;
    const pp: Path = [...path, 'portLevelSettings', i];
    if (p.port === undefined) out.push({ path: pp, part: 'value', message: `${formatPath(pp)} needs a port` });
    if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => p[f] !== undefined)) {
      out.push({ path: pp, part: 'value', message: `${formatPath(pp)} sets nothing for its port; istiod rejects a port traffic policy without fields` });
    } else settingsProblems(p, pp, add);
  });
}

/** The settings a traffic policy and a port traffic policy share. */
function settingsProblems(policy: Record<string, unknown>, path: Path, add: Add): void {
  outlierProblems(policy.outlierDetection, [...path, 'outlierDetection'], add);
  connectionPoolProblems(policy.connectionPool, [...path, 'connectionPool'], add);
  loadBalancerProblems(policy.loadBalancer, policy.outlierDetection, [...path, 'loadBalancer'], add);
  tlsProblems(policy.tls, [...path, 'tls'], add);
}

function outlierProblems(outlier: unknown, path: Path, add: Add): void {
  if (!isRecord(outlier)) return;
  if (num(outlier.consecutiveErrors) !== 0) {
    add([...path, 'consecutiveErrors'], 'consecutiveErrors is deprecated; use consecutive5xxErrors or consecutiveGatewayErrors', { warning: true, part: 'key' });
  }
  if (outlier.splitExternalLocalOriginErrors !== true && num(outlier.consecutiveLocalOriginFailures) > 0) {
    add([...path, 'consecutiveLocalOriginFailures'], 'consecutiveLocalOriginFailures counts only with splitExternalLocalOriginErrors: true', { part: 'key' });
  }
  for (const f of ['maxEjectionPercent', 'minHealthPercent']) {
    const v = num(outlier[f]);
    if (v < 0 || v > 100) add([...path, f], `${f} ${v} is not a percentage (0 to 100)`);
  }
}

/** validateConnectionPool: http or tcp settings, no negative limits, keepalive with interval and timeout. */
export function connectionPoolProblems(pool: unknown, path: Path, add: Add): void {
  if (!isRecord(pool)) return;
  if (pool.http === undefined && pool.tcp === undefined) {
    add(path, `${formatPath(path)} has neither http nor tcp settings`, { part: 'key' });
    return;
  }
  const negative = (o: Record<string, unknown>, at: Path, fields: string[]) => {
    for (const f of fields) if (num(o[f]) < 0) add([...at, f], `${f} cannot be negative`);
  };
  if (isRecord(pool.http)) {
    const http = pool.http;
    const hp = [...path, 'http'];
    negative(http, hp, ['http1MaxPendingRequests', 'http2MaxRequests', 'maxRequestsPerConnection', 'maxRetries', 'maxConcurrentStreams']);
    if (http.h2UpgradePolicy === 'UPGRADE' && http.useClientProtocol === true) add([...hp, 'useClientProtocol'], 'useClientProtocol cannot be true with h2UpgradePolicy UPGRADE', { part: 'key' });
    if (isRecord(http.http2KeepAlive)) {
      for (const f of ['interval', 'timeout']) {
        if (http.http2KeepAlive[f] === undefined) add([...hp, 'http2KeepAlive'], `http2KeepAlive needs ${f}`, { part: 'key' });
      }
    }
  }
  if (isRecord(pool.tcp)) negative(pool.tcp, [...path, 'tcp'], ['maxConnections']);
}

const TOPOLOGY_LABELS = ['topology.kubernetes.io/region', 'topology.kubernetes.io/zone', 'topology.istio.io/subzone'];

function loadBalancerProblems(lb: unknown, outlier: unknown, path: Path, add: Add): void {
  if (!isRecord(lb)) return;
  const hash = lb.consistentHash;
  if (isRecord(hash)) {
    const hp = [...path, 'consistentHash'];
    const cookie = hash.httpCookie;
    if (isRecord(cookie)) {
      if (str(cookie.name) === '') add([...hp, 'httpCookie'], 'httpCookie needs a name', { part: 'key' });
      const names = new Set<string>();
      arr(cookie.attributes).forEach((a, i) => {
        const name = isRecord(a) ? str(a.name) : '';
        if (name === '') add([...hp, 'httpCookie', 'attributes', i], 'a cookie attribute needs a name');
        else if (names.has(name)) add([...hp, 'httpCookie', 'attributes', i, 'name'], `cookie attribute ${JSON.stringify(name)} is listed twice`);
        names.add(name);
      });
    }
    if (num(hash.minimumRingSize) !== 0) {
      add([...hp, 'minimumRingSize'], 'minimumRingSize is deprecated; use ringHash: {minimumRingSize: …}', { warning: true, part: 'key' });
      if (hash.maglev !== undefined || hash.ringHash !== undefined) add([...hp, 'minimumRingSize'], 'minimumRingSize cannot be set with maglev or ringHash', { part: 'key' });
    }
    if (isRecord(hash.maglev)) {
      const size = num(hash.maglev.tableSize);
      const at = [...hp, 'maglev', ...(hash.maglev.tableSize === undefined ? [] : ['tableSize'])];
      if (size === 0) add(at, 'maglev needs a tableSize, a prime number');
      else if (size >= 5000011) add(at, `tableSize ${size} must be less than 5000011`);
      else if (!isPrime(size)) add(at, `tableSize ${size} must be a prime number (like 65537)`);
    }
  }
  if (lb.localityLbSetting !== undefined && lb.zoneAwareLbSetting !== undefined) add([...path, 'zoneAwareLbSetting'], 'only one of localityLbSetting and zoneAwareLbSetting can be set', { part: 'key' });
  localityProblems(lb.localityLbSetting, outlier, [...path, 'localityLbSetting'], add);
  // The CRD requires the warmup's duration and bounds its minimumPercent.
  const aggression = isRecord(lb.warmup) ? lb.warmup.aggression : undefined;
  if (aggression !== undefined && num(aggression) <= 0) add([...path, 'warmup', 'aggression'], 'aggression must be greater than 0');
}

/** Envoy's primality test for the Maglev table size. */
function isPrime(x: number): boolean {
  if (x < 4) return x !== 0;
  if (x % 2 === 0) return false;
  for (let f = 3; f * f <= x; f += 2) if (x % f === 0) return false;
  return true;
}

/** agent.ValidateLocalityLbSetting, without the overlap analysis of the distribute localities. */
function localityProblems(setting: unknown, outlier: unknown, path: Path, add: Add): void {
  if (!isRecord(setting)) return;
  const failover = arr(setting.failover);
  if (isSet(setting.distribute) && failover.length > 0) {
    add([...path, 'failover'], 'localityLbSetting cannot have both distribute and failover', { part: 'key' });
    return;
  }
  if (failover.length > 0) {
    const i = strs(setting.failoverPriority).findIndex((l) => TOPOLOGY_LABELS.includes(l));
    if (i >= 0) {
      add([...path, 'failoverPriority', i], `failoverPriority cannot have the topology label ${strs(setting.failoverPriority)[i]} together with failover`);
      return;
    }
  }
  for (const [i, d] of arr(setting.distribute).entries()) {
    if (!isRecord(d)) continue;
    const weights = entries(d.to).map(([, w]) => num(w));
    const dp = [...path, 'distribute', i, 'to'];
    if (weights.some((w) => w <= 0 || w > 100)) {
      add(dp, 'each locality weight must be between 1 and 100');
      return;
    }
    const total = weights.reduce((a, b) => a + b, 0);
    if (total !== 100) {
      add(dp, `the locality weights add up to ${total}, not 100`);
      return;
    }
  }
  if ((failover.length > 0 || isSet(setting.failoverPriority)) && outlier === undefined) {
    add(path, 'failover needs outlierDetection in the same traffic policy: without it no endpoint is ever marked unhealthy, so traffic never fails over', { warning: true, part: 'key' });
  }
  failover.forEach((f, i) => {
    if (!isRecord(f)) return;
    const fp = [...path, 'failover', i];
    const [from, to] = [str(f.from), str(f.to)];
    if (from === to) add(fp, `failover from and to are the same region ${JSON.stringify(from)}`);
    if (from.includes('/') || to.includes('/')) add(fp, 'failover names regions only (no "/zone")');
    if (from.includes('*') || to.includes('*')) add(fp, 'failover regions cannot have a "*" wildcard');
  });
}

/** validateTunnelSettings: CONNECT or POST to a host name or IP and a port. */
function tunnelProblems(tunnel: unknown, path: Path, add: Add): void {
  if (!isRecord(tunnel)) return;
  const protocol = str(tunnel.protocol);
  if (protocol !== '' && protocol !== 'CONNECT' && protocol !== 'POST') add([...path, 'protocol'], `tunnel protocol ${JSON.stringify(protocol)} must be "CONNECT" or "POST"`);
  const host = str(tunnel.targetHost);
  const hp = fqdnProblem(host);
  if (hp && !isIp(host)) add([...path, 'targetHost'], `tunnel targetHost ${JSON.stringify(host)} is not a host name or an IP address`);
  const pp = portProblem(num(tunnel.targetPort));
  if (pp) add([...path, 'targetPort'], `tunnel targetPort: ${pp}`);
}

/** agent.ValidateTLS: client TLS settings whose fields contradict each other. */
function tlsProblems(tls: unknown, path: Path, add: Add): void {
  if (!isRecord(tls)) return;
  const mode = typeof tls.mode === 'string' ? tls.mode : 'DISABLE';
  const set = (f: string) => tls[f] !== undefined && tls[f] !== '' && !(Array.isArray(tls[f]) && (tls[f] as unknown[]).length === 0);
  const addAt = (field: string, message: string) => add([...path, field], `${formatPath(path)}: ${message}`, { part: 'key' });
  if (tls.insecureSkipVerify === true) {
    const conflicting = mode === 'SIMPLE' ? ['caCertificates', 'credentialName', 'subjectAltNames'] : mode === 'MUTUAL' ? ['caCertificates', 'subjectAltNames'] : [];
    // An empty subjectAltNames is none: istiod reads the JSON with jsonpb.
    for (const f of conflicting.filter(set)) {
      addAt(f, `${f} cannot be set with insecureSkipVerify: true, which skips verifying the server`);
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && set('credentialName')) {
    for (const f of ['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'].filter(set)) {
      addAt(f, `${f} cannot be set with credentialName, which already supplies the certificates`);
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!set('clientCertificate')) add([...path, 'mode'], `${formatPath(path)}: mode MUTUAL needs clientCertificate (or credentialName)`);
    if (!set('privateKey')) add([...path, 'mode'], `${formatPath(path)}: mode MUTUAL needs privateKey (or credentialName)`);
  }
}

/**
 * validateExportTo: each entry is ".", "*" or a namespace, without duplicates ("." is the
 * resource's own namespace); "*" alone; "~" (nobody) only for a ServiceEntry, and alone.
 */
export function exportToProblems(exportTo: unknown, namespace: string | undefined, opts: { serviceEntry: boolean; withSelector: boolean }): SchemaProblem[] {
  const list = strs(exportTo);
  const out: SchemaProblem[] = [];
  const add = (i: number, message: string) => out.push({ path: ['spec', 'exportTo', i], part: 'value', message });
  const seen = new Set<string>();
  list.forEach((e, i) => {
    const key = e === '.' && namespace !== undefined ? namespace : e;
    if (seen.has(key)) {
      const ownTwice = key === namespace && list.includes('.') && list.includes(namespace);
      add(i, ownTwice ? `exportTo lists "." and its own namespace "${namespace}", the same namespace twice` : `exportTo lists "${e}" twice`);
      return;
    }
    if (e === '~' && !opts.serviceEntry) add(i, 'exportTo "~" (no one) is only for a ServiceEntry');
    else if (e !== '.' && e !== '*' && e !== '~' && !isDns1123Label(e)) add(i, `exportTo entry ${JSON.stringify(e)} is not ".", "*" or a namespace name`);
    else seen.add(key);
  });
  if (opts.withSelector && seen.size > 0) {
    const own = namespace !== undefined ? seen.has(namespace) : seen.has('.');
    if (!own && namespace !== undefined) out.push({ path: ['spec', 'exportTo'], part: 'value', message: 'a DestinationRule with a workloadSelector cannot be exported beyond its own namespace' });
    else if (seen.size > 1) out.push({ path: ['spec', 'exportTo'], part: 'value', message: 'a DestinationRule with a workloadSelector can have only its own namespace in exportTo' });
  }
  if (seen.has('*') && list.length > 1) out.push({ path: ['spec', 'exportTo'], part: 'value', message: 'exportTo has "*" (everyone) with other entries; "*" alone says it' });
  if (seen.has('~') && list.length > 1) out.push({ path: ['spec', 'exportTo'], part: 'value', message: 'exportTo has "~" (no one) with other entries' });
  return out;
}
