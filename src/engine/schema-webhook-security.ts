import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { closest, listText } from '../util/text.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { arr, collector, isIpOrCidr, strs, type Add, type Spec } from './schema-webhook-util.js';

/**
 * istiod's validating webhook for the security kinds (istio pkg/config/validation/validation.go:
 * ValidateAuthorizationPolicy, ValidateRequestAuthentication, validateWorkloadSelector,
 * validatePolicyTargetReference; pkg/config/security/security.go: the value checks). It runs
 * after the CRD checks passed, so the fields have their schema types; what the CRD already
 * rejects (wildcards in selectors, cross-namespace targetRefs, empty audiences) is not repeated.
 */

/** The kinds and groups a policy's targetRef may name (validation.go allowedTargetRefs). */
const TARGET_KINDS = [
  { group: 'core', kind: 'Service' },
  { group: 'networking.istio.io', kind: 'ServiceEntry' },
  { group: 'gateway.networking.k8s.io', kind: 'Gateway' },
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass' },
];

/** The targetRefs both policies may have. */
export function checkTargetRefs(spec: Spec, add: Add): void {
  const refs: Array<{ ref: unknown; path: Path }> = [
    ...(spec.targetRef === undefined ? [] : [{ ref: spec.targetRef, path: ['spec', 'targetRef'] as Path }]),
    ...arr(spec.targetRefs).map((ref, i) => ({ ref, path: ['spec', 'targetRefs', i] as Path })),
  ];
  for (const { ref, path } of refs) {
    if (!isRecord(ref)) continue;
    const group = typeof ref.group === 'string' && ref.group !== '' ? ref.group : 'core';
    if (!TARGET_KINDS.some((t) => t.group === group && t.kind === ref.kind)) {
      const allowed = TARGET_KINDS.map((t) => (t.group === 'core' ? t.kind : `${t.kind} (${t.group})`));
      add([...path, 'kind'], `${formatPath(path)} names ${group === 'core' ? '' : `${group} `}${String(ref.kind)}; a policy can target only ${listText(allowed)}`);
    }
  }
}

export function authorizationPolicyProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  checkTargetRefs(spec, add);
  const action = typeof spec.action === 'string' ? spec.action : 'ALLOW';
  const rules = spec.rules;
  // istiod reads the JSON with jsonpb, where an empty list is no list: `rules: []` is no rules, and
  // `from: []` no from (so istiod's "`from` must not be empty" never fires on a manifest).
  const noRules = arr(rules).length === 0;
  if (action === 'CUSTOM') {
    if (noRules) {
      add(['spec', 'action'], 'a CUSTOM policy without rules is never triggered; add an empty rule `rules: [{}]` to send every request to the provider');
    } else if (!isRecord(spec.provider) || !spec.provider.name) {
      add(isRecord(spec.provider) ? ['spec', 'provider'] : ['spec', 'action'], 'a CUSTOM policy needs provider.name, the extension provider of the mesh config that decides');
    }
    arr(rules).forEach((rule, i) => checkCustomRule(rule, ['spec', 'rules', i], add));
  } else if (spec.provider !== undefined) {
    add(['spec', 'provider'], `provider is only for action CUSTOM, not ${action}`, { part: 'key' });
  }
  if (action === 'DENY' && noRules) {
    add(['spec', 'action'], 'a DENY policy without rules is never triggered; add an empty rule `rules: [{}]` to deny every request');
  }
  arr(rules).forEach((rule, i) => checkRule(rule, ['spec', 'rules', i], add));
  return out;
}

/** Identity fields the ext_authz (CUSTOM) filter cannot match on. */
const CUSTOM_UNSUPPORTED_SOURCE = [
  'namespaces', 'notNamespaces', 'serviceAccounts', 'notServiceAccounts', 'trustDomains', 'notTrustDomains',
  'principals', 'notPrincipals', 'requestPrincipals', 'notRequestPrincipals',
];

function checkCustomRule(rule: unknown, path: Path, add: Add): void {
  if (!isRecord(rule)) return;
  arr(rule.from).forEach((from, j) => {
    const source = isRecord(from) && isRecord(from.source) ? from.source : undefined;
    for (const field of CUSTOM_UNSUPPORTED_SOURCE) {
      if (source && strs(source[field]).length > 0) add([...path, 'from', j, 'source', field], `${field} is not supported in a CUSTOM policy`, { part: 'key' });
    }
  });
  arr(rule.when).forEach((when, j) => {
    const key = isRecord(when) ? when.key : undefined;
    if (typeof key !== 'string') return;
    if (['source.namespace', 'source.serviceAccount', 'source.trustDomain', 'source.principal'].includes(key) || key.startsWith('request.auth.')) {
      add([...path, 'when', j, 'key'], `the condition ${key} is not supported in a CUSTOM policy`);
    }
  });
}

const SOURCE_FIELDS = [
  'principals', 'requestPrincipals', 'namespaces', 'ipBlocks', 'remoteIpBlocks', 'serviceAccounts', 'trustDomains',
  'notPrincipals', 'notRequestPrincipals', 'notNamespaces', 'notIpBlocks', 'notRemoteIpBlocks', 'notServiceAccounts', 'notTrustDomains',
];
const OPERATION_FIELDS = ['ports', 'methods', 'paths', 'hosts', 'notPorts', 'notMethods', 'notPaths', 'notHosts'];

function checkRule(rule: unknown, path: Path, add: Add): void {
  if (!isRecord(rule)) return;
  arr(rule.from).forEach((from, j) => {
    const at: Path = [...path, 'from', j];
    if (!isRecord(from) || !isRecord(from.source)) {
      add(at, `${formatPath(at)} needs a source`);
      return;
    }
    const source = from.source;
    const sp: Path = [...at, 'source'];
    const set = (f: string) => strs(source[f]).length > 0;
    if (!SOURCE_FIELDS.some(set)) add(sp, `${formatPath(sp)} is empty; name who may match, or drop this "from" entry`);
    for (const f of ['ipBlocks', 'notIpBlocks', 'remoteIpBlocks', 'notRemoteIpBlocks']) checkIps(source[f], [...sp, f], add);
    for (const f of ['principals', 'requestPrincipals', 'namespaces', 'notPrincipals', 'notRequestPrincipals', 'notNamespaces']) checkNonEmpty(source[f], [...sp, f], add);
    for (const f of ['serviceAccounts', 'notServiceAccounts']) checkServiceAccounts(source[f], [...sp, f], add);
    for (const f of ['trustDomains', 'notTrustDomains']) checkTrustDomains(source[f], [...sp, f], add);
  });
  arr(rule.to).forEach((to, j) => {
    const at: Path = [...path, 'to', j];
    if (!isRecord(to) || !isRecord(to.operation)) {
      add(at, `${formatPath(at)} needs an operation`);
      return;
    }
    const op = to.operation;
    const opPath: Path = [...at, 'operation'];
    if (!OPERATION_FIELDS.some((f) => strs(op[f]).length > 0)) add(opPath, `${formatPath(opPath)} is empty; name what it matches, or drop this "to" entry`);
    for (const f of ['ports', 'notPorts']) checkPorts(op[f], [...opPath, f], add);
    for (const f of ['methods', 'hosts', 'notMethods', 'notHosts']) checkNonEmpty(op[f], [...opPath, f], add);
    for (const f of ['paths', 'notPaths']) checkPaths(op[f], [...opPath, f], add);
  });
  arr(rule.when).forEach((when, j) => checkCondition(when, [...path, 'when', j], add));
}

function checkNonEmpty(values: unknown, path: Path, add: Add): void {
  strs(values).forEach((v, i) => {
    if (v === '') add([...path, i], `${formatPath(path)} has an empty value, which istiod rejects`);
  });
}

/** security.ValidateIPs: an IP address, or a CIDR range with its prefix length. */
function checkIps(values: unknown, path: Path, add: Add): void {
  strs(values).forEach((v, i) => {
    if (v === '') add([...path, i], `${formatPath(path)} has an empty value, which istiod rejects`);
    else if (!isIpOrCidr(v)) add([...path, i], `${JSON.stringify(v)} is not ${v.includes('/') ? 'a CIDR range' : 'an IP address'} (like "10.0.0.1" or "10.0.0.0/16")`);
  });
}

/** security.ValidatePorts: a decimal port number, 0 to 65535. */
function checkPorts(values: unknown, path: Path, add: Add): void {
  strs(values).forEach((v, i) => {
    if (!/^\d+$/.test(v) || Number(v) > 65535) add([...path, i], `${JSON.stringify(v)} is not a port number (0 to 65535)`);
  });
}

/** security.CheckServiceAccount: "sa" or "namespace/sa", no wildcard, at most 16 values. */
function checkServiceAccounts(values: unknown, path: Path, add: Add): void {
  const list = strs(values);
  if (list.length > 16) add(path, `${formatPath(path)} has ${list.length} values; istiod takes at most 16`);
  list.forEach((v, i) => {
    const [ns, sa, extra] = v.split('/');
    let problem: string | undefined;
    if (v === '') problem = 'is empty';
    else if (v.includes('*')) problem = 'has a wildcard, which serviceAccounts does not support (use principals for patterns)';
    else if (extra !== undefined || ns === '' || sa === '') problem = 'is not "serviceAccount" or "namespace/serviceAccount"';
    else if (v.length > 320) problem = 'is longer than 320 characters';
    if (problem) add([...path, i], `${JSON.stringify(v)} ${problem}`);
  });
}

/** security.CheckTrustDomainValues: at most one `*`, at the start or end, and no "/". */
function checkTrustDomains(values: unknown, path: Path, add: Add): void {
  strs(values).forEach((v, i) => {
    const problem = wildcardProblem(v) ?? (v.includes('/') ? 'contains "/"; a trust domain is the part of a SPIFFE ID before /ns/' : undefined);
    if (problem) add([...path, i], `${JSON.stringify(v)} ${problem}`);
  });
}

function wildcardProblem(v: string): string | undefined {
  if (v === '') return 'is empty';
  const stars = v.split('*').length - 1;
  if (stars > 1) return 'has more than one "*"';
  if (stars === 1 && v !== '*' && !v.startsWith('*') && !v.endsWith('*')) return 'has a "*" in the middle; a wildcard may only start or end the value';
  return undefined;
}

const LITERAL = /^[a-zA-Z0-9\-._~%!$&'()+,;:@=]+$/;

/** security.CheckValidPathTemplate: `{*}` and `{**}` as whole segments, `{**}` last. */
function checkPaths(values: unknown, path: Path, add: Add): void {
  strs(values).forEach((v, i) => {
    if (v === '') {
      add([...path, i], `${formatPath(path)} has an empty value, which istiod rejects`);
      return;
    }
    const template = v.includes('{*}') || v.includes('{**}');
    let anySeen = false;
    for (const glob of v.replace(/^\/+|\/+$/g, '').split('/')) {
      if ((glob === '{*}' || glob === '{**}') && !anySeen) {
        anySeen = glob === '{**}';
        continue;
      }
      let problem: string | undefined;
      if (glob === '{*}' || glob === '{**}') problem = 'has an operator after {**}, which must be the last';
      else if (/[{}]/.test(glob)) problem = `has "${glob}": only {*} and {**}, as whole segments, are path templates`;
      else if (template && !LITERAL.test(glob)) problem = `has the segment "${glob}", which a path template does not allow`;
      if (problem) {
        add([...path, i], `${JSON.stringify(v)} ${problem}`);
        return;
      }
    }
  });
}

/** The condition keys of security.ValidateAttribute. */
const EXACT_KEYS = [
  'source.ip', 'remote.ip', 'source.namespace', 'source.serviceAccount', 'source.principal', 'source.trustDomain',
  'request.auth.principal', 'request.auth.audiences', 'request.auth.presenter', 'destination.ip', 'destination.port', 'connection.sni',
];
const MAP_KEYS = ['request.headers', 'request.auth.claims', 'experimental.envoy.filters.'];

function checkCondition(when: unknown, path: Path, add: Add): void {
  if (!isRecord(when)) return;
  const key = typeof when.key === 'string' ? when.key : '';
  if (key === '') {
    add([...path, 'key'], `${formatPath(path)} needs a key`, { part: 'key' });
    return;
  }
  if (strs(when.values).length === 0 && strs(when.notValues).length === 0) {
    add([...path, 'key'], `the condition ${key} needs values or notValues`);
    return;
  }
  const keyProblem = conditionKeyProblem(key);
  if (keyProblem) {
    add([...path, 'key'], keyProblem);
    return;
  }
  for (const field of ['values', 'notValues']) {
    const fp: Path = [...path, field];
    if (key === 'source.ip' || key === 'remote.ip' || key === 'destination.ip') checkIps(when[field], fp, add);
    else if (key === 'destination.port') checkPorts(when[field], fp, add);
    else if (key === 'source.serviceAccount') checkServiceAccounts(when[field], fp, add);
    else if (key === 'source.trustDomain') checkTrustDomains(when[field], fp, add);
    else checkNonEmpty(when[field], fp, add);
  }
}

function conditionKeyProblem(key: string): string | undefined {
  if (EXACT_KEYS.includes(key)) return undefined;
  const prefix = MAP_KEYS.find((p) => key.startsWith(p));
  if (prefix) {
    const open = key.indexOf('[');
    return key.endsWith(']') && open > 0 && open < key.length - 2 ? undefined : `the condition key ${key} must have the form ${prefix.replace(/\.$/, '')}[name]`;
  }
  if (key === 'destination.namespace') return 'the condition key destination.namespace is not supported: the policy\'s namespace (metadata.namespace) is the destination namespace';
  if (key.startsWith('destination.labels')) return `the condition key ${key} is not supported: use the policy's selector to pick the destination workloads`;
  if (key === 'destination.name' || key === 'destination.user') return `the condition key ${key} was only supported in v1alpha1 RBAC`;
  const open = key.indexOf('[');
  const [base, rest] = open < 0 ? [key, ''] : [key.slice(0, open), key.slice(open)];
  const near = closest(base, rest ? ['request.headers', 'request.auth.claims'] : EXACT_KEYS);
  return `${key} is not a condition key istiod knows${near ? ` (did you mean "${near}${rest}"?)` : ''}; see the AuthorizationPolicy conditions reference`;
}

/** The inline JWKS parses as a key or a key set (jwk.Parse); istiod warns of private keys in it. */
function checkJwks(text: string, path: Path, add: Add): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    add(path, 'jwks is not JSON; it must be a JSON Web Key Set ({"keys": [...]})');
    return;
  }
  const keys = isRecord(parsed) && Array.isArray(parsed.keys) ? parsed.keys : [parsed];
  keys.forEach((key, i) => {
    if (!isRecord(key) || typeof key.kty !== 'string') {
      add(path, `jwks key ${i} has no "kty"; it is not a JSON Web Key`);
    } else if (key.kty === 'oct' || key.d !== undefined) {
      add(path, `jwks key ${i} holds private key material; only public keys are needed to verify tokens, so remove the private parts`, { warning: true });
    }
  });
}

export function requestAuthenticationProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  checkTargetRefs(spec, add);
  arr(spec.jwtRules).forEach((rule, i) => {
    if (!isRecord(rule)) return;
    const path: Path = ['spec', 'jwtRules', i];
    if (!rule.issuer && !rule.jwksUri && !rule.jwks_uri) add(path, `${formatPath(path)} needs an issuer or a jwksUri`);
    if (typeof rule.jwks === 'string' && rule.jwks !== '') checkJwks(rule.jwks, [...path, 'jwks'], add);
  });
  return out;
}
