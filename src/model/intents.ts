import { createHash } from 'node:crypto';
import type { Path } from '../types.js';
import { parseGoBool } from '../util/text.js';
import { arr, isRecord, str, type Resource } from './resource.js';
import type { Workload } from './workloads.js';

/**
 * Otterize's ClientIntents (`k8s.otterize.com`), read the way the intents operator reads them
 * (otterize/intents-operator src/operator/api/*): every served version is converted to one form,
 * v2's `targets`, as the conversion webhooks do (api/v1beta1/webhooks.go `ConvertTo`,
 * api/v1alpha2/clientintents_webhook.go).
 */

export const OTTERIZE_GROUP = 'k8s.otterize.com';

/** The kind the operator gives a target written without one (serviceidentity.KindOtterizeLegacy). */
export const LEGACY_KIND = 'OttrLegacy';

export interface HttpResource {
  path: string;
  methods: string[];
}

export type IntentTargetType = 'kubernetes' | 'service' | 'kafka' | 'sql' | 'other';

/** One entry of `spec.targets` (or `spec.calls`), as the operator's v2 `Target`. */
export interface IntentTarget {
  type: IntentTargetType;
  /** The server's name, without `.namespace` (and without `svc:`). */
  name: string;
  /** The server's namespace: the `name.namespace` suffix, else the ClientIntents' namespace. */
  namespace: string;
  /** `Service` for Service targets (`service:`, `svc:`, `kind: Service`), the owner kind written, else LEGACY_KIND. */
  kind: string;
  /** HTTP resources: v2 `http`; in v1 only with `type: http`. */
  http: HttpResource[];
  /** The entry inside the ClientIntents, e.g. `['spec', 'calls', 2]`. */
  path: Path;
  /** Its name node, e.g. `['spec', 'targets', 0, 'kubernetes', 'name']`. */
  namePath: Path;
  /** The entry as the docs name it: `calls[2]`, `targets[0]`. */
  entry: string;
}

export interface ClientIntents {
  readonly resource: Resource;
  readonly name: string;
  readonly namespace: string;
  /** The client: `spec.workload` (v2) or `spec.service` (v1). */
  readonly client: { name: string; kind: string; path: Path };
  readonly targets: readonly IntentTarget[];
}

/**
 * The Kubernetes API server's Service, `kubernetes.default` (v2alpha1 KubernetesAPIServerName,
 * KubernetesAPIServerNamespace): in every cluster, in no manifest, and without a selector.
 */
export function isKubernetesApiServer(t: IntentTarget): boolean {
  return t.type === 'service' && t.name === 'kubernetes' && t.namespace === 'default';
}

export function isClientIntents(r: Resource): boolean {
  return r.group === OTTERIZE_GROUP && r.kind === 'ClientIntents';
}

/** `name.namespace` → [name, namespace] as the operator splits it (strings.Split(name, ".")[0], [1]). */
function splitName(written: string, defaultNs: string): [string, string] {
  const parts = written.split('.');
  return [parts[0]!, parts.length === 1 ? defaultNs : parts[1]!];
}

function httpResources(v: unknown): HttpResource[] {
  return arr(v).flatMap((h) => (isRecord(h) ? [{ path: str(h.path) ?? '', methods: arr(h.methods).filter((m): m is string => typeof m === 'string') }] : []));
}

/**
 * v1alpha2, v1alpha3, v1beta1: `spec.calls[]` (api/v1beta1/clientintents_types.go, Intent). v1alpha2
 * has no `kind` (api/v1alpha2/intents_types.go): the API server prunes one written there.
 */
function v1Target(call: Record<string, unknown>, ns: string, i: number, version: string): IntentTarget {
  const path = ['spec', 'calls', i];
  const entry = `calls[${i}]`;
  const namePath = [...path, 'name'];
  const type = str(call.type) ?? '';
  const written = str(call.name) ?? '';
  const kind = version === 'v1alpha2' ? '' : (str(call.kind) ?? '');
  const other = (t: IntentTargetType): IntentTarget => ({ type: t, name: written, namespace: ns, kind: '', http: [], path, namePath, entry });
  if (type === 'kafka') return other('kafka');
  if (type === 'database') return other('sql');
  if (type !== '' && type !== 'http') return other('other');
  // Intent.IsTargetServerKubernetesService: a `svc:` prefix or kind Service; the prefix is removed.
  const isService = written.startsWith('svc:') || kind === 'Service';
  const [name, namespace] = splitName(isService ? written.replaceAll('svc:', '') : written, ns);
  return {
    type: isService ? 'service' : 'kubernetes',
    name,
    namespace,
    kind: kind || (isService ? 'Service' : LEGACY_KIND),
    // v1alpha2 names the HTTP resources `resources`; v1alpha3 and v1beta1 `HTTPResources`.
    http: type === 'http' ? httpResources(call[version === 'v1alpha2' ? 'resources' : 'HTTPResources']) : [],
    path,
    namePath,
    entry,
  };
}

/** v2alpha1, v2beta1: `spec.targets[]` (api/v2alpha1/clientintents_types.go, Target). */
function v2Target(t: Record<string, unknown>, ns: string, i: number): IntentTarget {
  const path = ['spec', 'targets', i];
  const entry = `targets[${i}]`;
  const k8s = isRecord(t.kubernetes) ? t.kubernetes : undefined;
  const svc = isRecord(t.service) ? t.service : undefined;
  if (svc || k8s) {
    const body = (svc ?? k8s)!;
    const [name, namespace] = splitName(str(body.name) ?? '', ns);
    // Target.GetTargetServerKind: a `service` target, else the written kind, else the legacy kind.
    const kind = svc ? 'Service' : str(k8s!.kind) || LEGACY_KIND;
    const namePath = [...path, svc ? 'service' : 'kubernetes', 'name'];
    return { type: kind === 'Service' ? 'service' : 'kubernetes', name, namespace, kind, http: httpResources(body.http), path, namePath, entry };
  }
  const other = (type: IntentTargetType, key: string): IntentTarget => ({ type, name: isRecord(t[key]) ? (str(t[key].name) ?? '') : '', namespace: ns, kind: '', http: [], path, namePath: [...path, key], entry });
  if (isRecord(t.kafka)) return other('kafka', 'kafka');
  if (isRecord(t.sql)) return other('sql', 'sql');
  return other('other', 'internet');
}

export function toClientIntents(r: Resource): ClientIntents | undefined {
  if (!isClientIntents(r) || !isRecord(r.raw.spec)) return undefined;
  const spec = r.raw.spec;
  const v2 = r.version.startsWith('v2');
  const clientKey = v2 ? 'workload' : 'service';
  const c = isRecord(spec[clientKey]) ? spec[clientKey] : {};
  const client = { name: str(c.name) ?? '', kind: (r.version !== 'v1alpha2' && str(c.kind)) || LEGACY_KIND, path: ['spec', clientKey, 'name'] };
  const targets: IntentTarget[] = [];
  if (v2) {
    arr(spec.targets).forEach((t, i) => {
      if (isRecord(t)) targets.push(v2Target(t, r.namespace, i));
    });
  } else {
    arr(spec.calls).forEach((call, i) => {
      if (isRecord(call)) targets.push(v1Target(call, r.namespace, i, r.version));
    });
  }
  return { resource: r, name: r.name, namespace: r.namespace, client, targets };
}

/** A ProtectedService: enforcement for the server it names when the default is off. */
export interface ProtectedService {
  readonly resource: Resource;
  readonly namespace: string;
  readonly name: string;
  /** `spec.kind`, empty when not written. */
  readonly kind: string;
}

export function toProtectedService(r: Resource): ProtectedService | undefined {
  if (r.group !== OTTERIZE_GROUP || r.kind !== 'ProtectedService') return undefined;
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return { resource: r, namespace: r.namespace, name: str(spec.name) ?? '', kind: str(spec.kind) ?? '' };
}

/**
 * Whether a ProtectedService protects a server of this kind: one without a kind protects every
 * kind, one with a kind only servers written with that kind — a target written without a kind
 * has the legacy kind (protected_services/should_protect.go).
 */
export function protectsKind(ps: ProtectedService, serverKind: string): boolean {
  return ps.kind === '' || ps.kind === serverKind;
}

/** A workload's identity as the operator assigns it (shared/serviceidresolver/podownerresolver). */
export interface OtterizeIdentity {
  name: string;
  namespace: string;
  /** The top owner's kind; empty when the name comes from the override annotation. */
  kind: string;
}

/**
 * The pod's override annotation (default `intents.otterize.com/workload-name`, then the deprecated
 * `intents.otterize.com/service-name`), else the top owner's name with `.` turned into `_` and its
 * kind. A Knative revision's pods are owned, up the chain, by the Knative Service (or the
 * Configuration when it stands alone).
 */
export function otterizeIdentity(w: Workload, annotation: string): OtterizeIdentity {
  const named = w.podAnnotations[annotation] ?? w.podAnnotations['intents.otterize.com/service-name'];
  if (named !== undefined) return { name: named, namespace: w.namespace, kind: '' };
  let name = w.name;
  let kind = w.kind;
  if (w.knative) {
    name = w.knative.service ?? w.knative.configuration;
    kind = w.knative.service ? 'Service' : 'Configuration';
  }
  return { name: name.replaceAll('.', '_'), namespace: w.namespace, kind };
}

/**
 * The value of the operator's `intents.otterize.com/service` pod label: name and namespace cut to
 * 20 characters and a 6-hex md5 of `name-namespace` (serviceidentity.go, getFormattedOtterizeIdentity).
 */
export function formattedIdentity(name: string, namespace: string): string {
  const hash = createHash('md5').update(`${name}-${namespace}`).digest('hex').slice(0, 6);
  return `${name.slice(0, 20)}-${namespace.slice(0, 20)}-${hash}`;
}

export const SERVICE_LABEL = 'intents.otterize.com/service';
export const OWNER_KIND_LABEL = 'intents.otterize.com/owner-kind';

/** The labels the operator's pod watcher puts on every pod (pod_reconcilers/pods.go, addOtterizePodLabels). */
export function otterizePodLabels(id: OtterizeIdentity): Record<string, string> {
  return { [SERVICE_LABEL]: formattedIdentity(id.name, id.namespace), [OWNER_KIND_LABEL]: id.kind };
}

/** `name` plus `-kind` for a kind other than the legacy one, `_` as `.` (serviceidentity.go, GetRFC1123NameWithKind). */
export function rfc1123NameWithKind(name: string, kind: string): string {
  const withKind = kind === '' || kind === LEGACY_KIND ? name : `${name}-${kind.toLowerCase()}`;
  return withKind.replaceAll('_', '.');
}

/** The operator's settings that decide which policies it generates. */
export interface OtterizeSettings {
  /** `enforcement-default-state` (default true): off, only protected servers get policies. */
  enforcementDefault: boolean;
  /** `enable-istio-policy-creation` (default true). */
  istioPolicyCreation: boolean;
  /** `active-enforcement-namespaces`: servers there are enforced although the default is off. */
  activeEnforcementNamespaces: readonly string[];
  /** `watched-namespaces`: when set, policies only for servers in these namespaces. */
  watchedNamespaces: readonly string[];
  /** `workload-name-override-annotation` (default `intents.otterize.com/workload-name`). */
  workloadNameAnnotation: string;
}

export const OTTERIZE_DEFAULTS: OtterizeSettings = {
  enforcementDefault: true,
  istioPolicyCreation: true,
  activeEnforcementNamespaces: [],
  watchedNamespaces: [],
  workloadNameAnnotation: 'intents.otterize.com/workload-name',
};

/** The operator's keys (shared/operatorconfig): viper reads each as flag `--key` or env `OTTERIZE_KEY`. */
const KEYS: Array<[keyof OtterizeSettings, string, 'bool' | 'list' | 'string']> = [
  ['enforcementDefault', 'enforcement-default-state', 'bool'],
  ['istioPolicyCreation', 'enable-istio-policy-creation', 'bool'],
  ['activeEnforcementNamespaces', 'active-enforcement-namespaces', 'list'],
  ['watchedNamespaces', 'watched-namespaces', 'list'],
  ['workloadNameAnnotation', 'workload-name-override-annotation', 'string'],
];

/** Where a setting came from: the operator's Deployment, at this node. */
export interface OtterizeSource {
  resource: Resource;
  path: Path;
}

export interface OtterizeConfig extends OtterizeSettings {
  sources: Partial<Record<keyof OtterizeSettings, OtterizeSource>>;
}

function envName(key: string): string {
  return `OTTERIZE_${key.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * A value as viper reads it: booleans with strconv.ParseBool (anything else is false, cast.ToBool);
 * a list from the environment split on white space (cast.ToStringSlice), from a flag on commas
 * (pflag's StringSlice).
 */
function parseValue(type: 'bool' | 'list' | 'string', v: string, fromFlag: boolean): unknown {
  if (type === 'bool') return parseGoBool(v);
  if (type === 'list') return (fromFlag ? v.split(',') : v.split(/\s+/)).map((x) => x.trim()).filter((x) => x !== '');
  return v;
}

/** Whether a Deployment runs the intents operator: an `otterize/intents-operator` image or `OTTERIZE_` settings. */
/** The settings by their `OTTERIZE_*` variable name. */
const KEYS_BY_ENV = new Map(KEYS.map((k) => [envName(k[1]), k]));

function operatorContainers(r: Resource): Array<{ c: Record<string, unknown>; index: number }> {
  if (r.kind !== 'Deployment' || r.group !== 'apps') return [];
  const template = isRecord(r.raw.spec) && isRecord(r.raw.spec.template) ? r.raw.spec.template : {};
  const pod = isRecord(template.spec) ? template.spec : {};
  return arr(pod.containers).flatMap((c, index) => {
    if (!isRecord(c)) return [];
    const image = str(c.image) ?? '';
    const hasEnv = arr(c.env).some((e) => isRecord(e) && typeof e.name === 'string' && KEYS_BY_ENV.has(e.name));
    return image.includes('intents-operator') || hasEnv ? [{ c, index }] : [];
  });
}

/** Settings written in an operator Deployment's container: `--key=value` args over `OTTERIZE_*` env (viper's order). */
function settingsOf(r: Resource): OtterizeConfig['sources'] & { values: Partial<OtterizeSettings> } {
  const values: Partial<OtterizeSettings> = {};
  const out: OtterizeConfig['sources'] & { values: Partial<OtterizeSettings> } = { values };
  for (const { c, index } of operatorContainers(r)) {
    const base = ['spec', 'template', 'spec', 'containers', index];
    arr(c.env).forEach((e, ei) => {
      if (!isRecord(e) || typeof e.value !== 'string') return;
      const k = typeof e.name === 'string' ? KEYS_BY_ENV.get(e.name) : undefined;
      if (!k) return;
      (values as Record<string, unknown>)[k[0]] = parseValue(k[2], e.value, false);
      out[k[0]] = { resource: r, path: [...base, 'env', ei, 'value'] };
    });
    const args = [...arr(c.command), ...arr(c.args)];
    const argBase = arr(c.command).length;
    args.forEach((a, ai) => {
      if (typeof a !== 'string' || !a.startsWith('--')) return;
      const [flag, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const k = KEYS.find(([, key]) => key === flag);
      if (!k) return;
      const next = args[ai + 1];
      const value = inline ?? (k[2] === 'bool' ? 'true' : typeof next === 'string' ? next : undefined);
      if (value === undefined) return;
      (values as Record<string, unknown>)[k[0]] = parseValue(k[2], value, true);
      const inArgs = ai >= argBase;
      out[k[0]] = { resource: r, path: [...base, inArgs ? 'args' : 'command', inArgs ? ai - argBase : ai] };
    });
  }
  return out;
}

/**
 * The operator's settings: its own Deployment in the input first, then the configuration's
 * `otterize` key, then the operator's defaults.
 */
export function resolveOtterize(resources: Iterable<Resource>, configured: Partial<OtterizeSettings> = {}): OtterizeConfig {
  const found: Partial<OtterizeSettings> = {};
  const sources: OtterizeConfig['sources'] = {};
  for (const r of resources) {
    if (operatorContainers(r).length === 0) continue;
    const { values, ...from } = settingsOf(r);
    Object.assign(found, values);
    Object.assign(sources, from);
  }
  const defined = Object.fromEntries(Object.entries(configured).filter(([, v]) => v !== undefined));
  return { ...OTTERIZE_DEFAULTS, ...defined, ...found, sources };
}

/**
 * Whether an injected pod runs Istio's proxy as a native sidecar (an init container), which the
 * operator does not see: the pod's `sidecar.istio.io/nativeSidecar` annotation over istiod's
 * ENABLE_NATIVE_SIDECARS (`meshDefault`; istio pkg/kube/inject/inject.go), or a pod read back from a
 * cluster that shows istio-proxy among its init containers.
 */
export function nativeSidecar(w: Workload, meshDefault: boolean): boolean {
  const annotation = w.podAnnotations['sidecar.istio.io/nativeSidecar'];
  if (annotation === 'true') return true;
  if (annotation === 'false') return false;
  const specPath = [...w.podMetadataPath.slice(0, -1), 'spec'];
  let spec: unknown = w.resource.raw;
  for (const seg of specPath) spec = isRecord(spec) ? spec[seg as string] : undefined;
  if (!isRecord(spec)) return meshDefault;
  const named = (list: unknown) => arr(list).some((c) => isRecord(c) && c.name === 'istio-proxy');
  if (named(spec.containers)) return false;
  return named(spec.initContainers) || meshDefault;
}

/** The `intents.otterize.com/service` value of generated policies, kind included (getFormattedOtterizeIdentityWithKind). */
export function formattedIdentityWithKind(name: string, namespace: string, kind: string): string {
  if (kind === '' || kind === LEGACY_KIND) return formattedIdentity(name, namespace);
  const hash = createHash('md5').update(`${name}-${namespace}-${kind}`).digest('hex').slice(0, 6);
  return `${name.slice(0, 19)}-${namespace.slice(0, 19)}-${kind.slice(0, 5).toLowerCase()}-${hash}`;
}
