import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { arr, isDns1123Label, strs, type Spec } from './schema-webhook-util.js';

/**
 * istiod's validating webhook for DestinationRule and for exportTo (istio
 * pkg/config/validation/validation.go: ValidateDestinationRule, validateTrafficPolicy,
 * validatePortTrafficPolicies, validateSubset, validateExportTo; agent/validation.go:
 * ValidateWildcardDomain, ValidateTLS). Only what the CRD does not already reject.
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
    trafficPolicyProblems(subset.trafficPolicy, [...path, 'trafficPolicy'], out);
  });
  out.push(...exportToProblems(spec.exportTo, namespace, { serviceEntry: false, withSelector: spec.workloadSelector !== undefined }));
  return out;
}

function trafficPolicyProblems(policy: unknown, path: Path, out: SchemaProblem[]): void {
  if (!isRecord(policy)) return;
  if (Object.keys(policy).length === 0) {
    out.push({ path, part: 'key', message: `${formatPath(path)} is empty; istiod rejects a traffic policy without fields` });
    return;
  }
  if (policy.tunnel !== undefined && policy.proxyProtocol !== undefined) {
    out.push({ path: [...path, 'proxyProtocol'], part: 'key', message: `${formatPath(path)} sets both tunnel and proxyProtocol, which istiod rejects` });
  }
  tlsProblems(policy.tls, [...path, 'tls'], out);
  arr(policy.portLevelSettings).forEach((p, i) => {
    if (!isRecord(p)) return;
    const pp: Path = [...path, 'portLevelSettings', i];
    if (p.port === undefined) out.push({ path: pp, part: 'value', message: `${formatPath(pp)} needs a port` });
    if (!['outlierDetection', 'connectionPool', 'loadBalancer', 'tls'].some((f) => p[f] !== undefined)) {
      out.push({ path: pp, part: 'value', message: `${formatPath(pp)} sets nothing for its port; istiod rejects a port traffic policy without fields` });
    }
    tlsProblems(p.tls, [...pp, 'tls'], out);
  });
}

/** agent.ValidateTLS: client TLS settings whose fields contradict each other. */
function tlsProblems(tls: unknown, path: Path, out: SchemaProblem[]): void {
  if (!isRecord(tls)) return;
  const mode = typeof tls.mode === 'string' ? tls.mode : 'DISABLE';
  const set = (f: string) => tls[f] !== undefined && tls[f] !== '' && !(Array.isArray(tls[f]) && (tls[f] as unknown[]).length === 0);
  const add = (field: string, message: string) => out.push({ path: [...path, field], part: 'key', message: `${formatPath(path)}: ${message}` });
  if (tls.insecureSkipVerify === true) {
    const conflicting = mode === 'SIMPLE' ? ['caCertificates', 'credentialName', 'subjectAltNames'] : mode === 'MUTUAL' ? ['caCertificates', 'subjectAltNames'] : [];
    // An empty subjectAltNames is none: istiod reads the JSON with jsonpb.
    for (const f of conflicting.filter(set)) {
      add(f, `${f} cannot be set with insecureSkipVerify: true, which skips verifying the server`);
    }
  }
  if ((mode === 'SIMPLE' || mode === 'MUTUAL') && set('credentialName')) {
    for (const f of ['clientCertificate', 'caCertificates', 'privateKey', 'caCrl'].filter(set)) {
      add(f, `${f} cannot be set with credentialName, which already supplies the certificates`);
    }
    return;
  }
  if (mode === 'MUTUAL') {
    if (!set('clientCertificate')) out.push({ path: [...path, 'mode'], part: 'value', message: `${formatPath(path)}: mode MUTUAL needs clientCertificate (or credentialName)` });
    if (!set('privateKey')) out.push({ path: [...path, 'mode'], part: 'value', message: `${formatPath(path)}: mode MUTUAL needs privateKey (or credentialName)` });
  }
}

/** agent.ValidateWildcardDomain: a DNS name, whose first label may be `*` or start with `*`. */
function wildcardDomainProblem(domain: string): string | undefined {
  if (domain.length === 0) return 'is empty';
  if (domain.length > 255) return 'is longer than 255 characters';
  const dot = domain.indexOf('.');
  const first = dot < 0 ? domain : domain.slice(0, dot);
  if (!(first.length <= 63 && /^(\*|(\*|\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?)$/.test(first))) return `is not a valid host name (label "${first}")`;
  if (dot < 0) return undefined;
  const parts = domain.slice(dot + 1).split('.');
  const tld = parts[parts.length - 1]!;
  if (/^[+-]?\d+$/.test(tld)) return `is not a valid host name (the top-level domain "${tld}" is all digits)`;
  for (const [i, label] of parts.entries()) {
    if (i === parts.length - 1 && label === '') return undefined;
    if (!isDns1123Label(label)) return `is not a valid host name (label "${label}")`;
  }
  return undefined;
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
