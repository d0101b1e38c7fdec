import type { Labels } from './resource.js';

export type DataplaneMode = 'ambient' | 'sidecar' | 'none';

export const DATAPLANE_MODES: readonly DataplaneMode[] = ['sidecar', 'ambient', 'none'];

/**
 * How a data plane the input does not decide was settled: by evidence in the input, or by the
 * configured assumption (`mesh.assumeDataPlane`). Findings that rest on one carry it.
 */
export interface DataplaneAssumption {
  /** The namespace whose labels the input does not show. */
  namespace: string;
  /** The data plane taken for that namespace's pods. */
  dataPlane: DataplaneMode;
  basis: 'evidence' | 'setting';
  /** What the input lacks: the Namespace object, or (declared without data-plane labels) the pods' own labels. */
  missing: 'namespace' | 'pod-labels';
  /** What the input lacks: "namespace shop is not in the input". */
  why: string;
  /** The evidence that decided (basis `evidence`): "Gateway shop/waypoint is a waypoint there". */
  evidence?: string;
}

export interface DataplaneResolution {
  mode: DataplaneMode;
  /** Why the mode is what it is, for messages. */
  reason: string;
  /** Settings that ask for something other than what wins, e.g. ambient and injection together. */
  conflicts: string[];
  /** Set when the input does not decide: the mode rests on this. */
  assumption?: DataplaneAssumption;
}

export const MODE_WORDS: Record<DataplaneMode, string> = {
  sidecar: 'sidecar injection',
  ambient: 'ambient mode',
  none: 'no mesh data plane (no sidecar injection, no ambient)',
};

/**
 * The sentence a finding that rests on assumptions ends with: "Assuming sidecar injection in
 * namespaces bar and foo, which are not in the input (set mesh.assumeDataPlane, or declare them
 * with their labels)." Assumptions of the setting are grouped; evidence is named for each.
 */
export function assumptionClause(list: readonly DataplaneAssumption[]): string {
  const sorted = [...list].sort((a, b) => (a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0));
  const groups = new Map<string, DataplaneAssumption[]>();
  for (const a of sorted) {
    const key = a.basis === 'evidence' ? `evidence:${a.namespace}` : `${a.dataPlane}:${a.missing}`;
    const g = groups.get(key);
    if (g) g.push(a);
    else groups.set(key, [a]);
  }
  const parts = [...groups.values()].map((g) => {
    const a = g[0]!;
    const one = g.length === 1;
    const names = joinNames(g.map((x) => x.namespace));
    const ns = `namespace${one ? '' : 's'} ${names}`;
    if (a.basis === 'evidence') return `${MODE_WORDS[a.dataPlane]} in ${ns}, which is not in the input (${a.evidence})`;
    if (a.missing === 'namespace') return `${MODE_WORDS[a.dataPlane]} in ${ns}, which ${one ? 'is' : 'are'} not in the input (set mesh.assumeDataPlane, or declare ${one ? 'it with its' : 'them with their'} labels)`;
    return `${MODE_WORDS[a.dataPlane]} for the pods of ${ns} that are not in the input (${one ? 'its' : 'their'} labels choose no data plane; set mesh.assumeDataPlane, or label ${one ? 'it' : 'them'})`;
  });
  return `Assuming ${parts.join(', and ')}.`;
}

function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export interface PodSettings {
  namespaceLabels: Labels;
  podLabels: Labels;
  podAnnotations: Labels;
  hostNetwork?: boolean;
}

const INJECT = 'sidecar.istio.io/inject';
const STATUS = 'sidecar.istio.io/status';
const REDIRECTION = 'ambient.istio.io/redirection';

/**
 * Namespaces the injector never injects into (istio pkg/kube/inject/initializer.go,
 * `IgnoredNamespaces`, checked first thing in injectRequired).
 */
export const INJECTION_IGNORED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'local-path-storage']);

/** Namespaces istio-cni never enrols in ambient (manifests/charts/istio-cni/values.yaml, `excludeNamespaces`). */
export const AMBIENT_EXCLUDED_NAMESPACES: ReadonlySet<string> = new Set(['kube-system']);

export interface InjectionResult {
  injected: boolean;
  /** Why the pod gets a sidecar, or which setting would have given it one. */
  reason: string;
  /** Set when a namespace or pod setting asks for a sidecar but something stops the injection. */
  skipped?: string;
}

/**
 * Which of the default injection webhooks selects the pod, from labels only
 * (manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml):
 *  - `namespace.`: namespace `istio-injection=enabled`, pod label `sidecar.istio.io/inject` not `false`;
 *  - `rev.namespace.`: namespace `istio.io/rev` set and no `istio-injection` label, pod label not `false`;
 *  - `object.`: neither namespace label, pod label `sidecar.istio.io/inject=true` and no pod `istio.io/rev`;
 *  - `rev.object.`: neither namespace label, pod label `istio.io/rev` set and pod label not `false`.
 * Any other `istio-injection` value (`disabled`, a typo) matches none of them. Every revision named
 * by `istio.io/rev` is assumed to be installed.
 */
function webhookSelects(s: PodSettings): string | undefined {
  const nsInj = s.namespaceLabels['istio-injection'];
  const nsRev = s.namespaceLabels['istio.io/rev'];
  const podInj = s.podLabels[INJECT];
  const podRev = s.podLabels['istio.io/rev'];
  if (nsInj === 'enabled') return podInj !== 'false' ? 'namespace label istio-injection=enabled' : undefined;
  if (nsInj !== undefined) return undefined;
  if (nsRev !== undefined) return podInj !== 'false' ? `namespace label istio.io/rev=${nsRev}` : undefined;
  if (podInj === 'true' && podRev === undefined) return `pod label ${INJECT}=true`;
  if (podRev !== undefined && podInj !== 'false') return `pod label istio.io/rev=${podRev}`;
  return undefined;
}

/**
 * Whether Istio's sidecar injector adds a proxy to this pod. A pod that already carries
 * `sidecar.istio.io/status` (a pod read back from a cluster, or `istioctl kube-inject` output) has
 * one. Otherwise a webhook must select the pod by labels (webhookSelects), and then
 * pkg/kube/inject/inject.go `injectRequired` decides: `hostNetwork` and the ignored system
 * namespaces never get a sidecar; the pod's `sidecar.istio.io/inject` label, else the deprecated
 * annotation of that name, says `true` or `false`; any other value (or none) follows the default
 * policy, which injects.
 */
export function sidecarInjected(s: PodSettings, namespace?: string): InjectionResult {
  if (s.podAnnotations[STATUS] !== undefined) return { injected: true, reason: `pod annotation ${STATUS} (the sidecar is already injected)` };
  const selected = webhookSelects(s);
  if (!selected) return { injected: false, reason: '' };
  if (s.hostNetwork) return { injected: false, reason: selected, skipped: 'the pod uses hostNetwork, which the injector never injects' };
  if (namespace !== undefined && INJECTION_IGNORED_NAMESPACES.has(namespace)) {
    return { injected: false, reason: selected, skipped: `the injector never injects into namespace "${namespace}"` };
  }
  const label = s.podLabels[INJECT];
  const choice = label !== undefined ? label : s.podAnnotations[INJECT];
  // An explicit opt-out, like the label `false` that keeps the webhooks away: not a conflict.
  if (choice === 'false') return { injected: false, reason: '' };
  return { injected: true, reason: selected };
}

/**
 * The data plane a pod ends up in.
 *
 * Sidecar first: the injector knows nothing of ambient, so a pod it injects keeps its sidecar, and
 * istio-cni never captures a pod with `sidecar.istio.io/status` (cni/pkg/util/enablement_selector.go,
 * `Matches`, podHasSidecar).
 *
 * Ambient (istio-cni chart values `ambient.enablementSelectors`): the pod label
 * `istio.io/dataplane-mode=ambient` in any namespace, or the namespace label
 * `istio.io/dataplane-mode=ambient` unless the pod label is `none`. Host-network pods are never
 * captured (`Matches`), nor pods of `excludeNamespaces` (default: kube-system).
 */
export function resolveDataplane(s: PodSettings, namespace: string): DataplaneResolution {
  const conflicts: string[] = [];
  const sidecar = sidecarInjected(s, namespace);
  if (sidecar.skipped) conflicts.push(`${sidecar.reason} is ignored because ${sidecar.skipped}`);
  const podMode = s.podLabels['istio.io/dataplane-mode'];
  const nsMode = s.namespaceLabels['istio.io/dataplane-mode'];
  let ambientReason: string | undefined;
  if (podMode === 'ambient') ambientReason = 'pod label istio.io/dataplane-mode=ambient';
  else if (podMode !== 'none' && nsMode === 'ambient') ambientReason = 'namespace label istio.io/dataplane-mode=ambient';
  if (ambientReason && sidecar.injected) {
    conflicts.push(`${ambientReason} is ignored because the pod gets a sidecar (${sidecar.reason})`);
    ambientReason = undefined;
  }
  if (ambientReason && s.hostNetwork) {
    conflicts.push(`${ambientReason} is ignored because the pod uses hostNetwork, which istio-cni never captures`);
    ambientReason = undefined;
  }
  if (ambientReason && AMBIENT_EXCLUDED_NAMESPACES.has(namespace)) {
    conflicts.push(`${ambientReason} is ignored because istio-cni never enrols pods of namespace "${namespace}"`);
    ambientReason = undefined;
  }
  if (sidecar.injected) return { mode: 'sidecar', reason: sidecar.reason, conflicts };
  if (ambientReason) return { mode: 'ambient', reason: ambientReason, conflicts };
  return { mode: 'none', reason: 'no sidecar injection and no ambient enrolment', conflicts };
}

/** A namespace label that loses to another (istioctl analyze's NamespaceMultipleInjectionLabels). */
export interface IgnoredNamespaceLabel {
  label: string;
  /** Phrased as resolveDataplane's conflicts, so a pod's conflict made by these labels reads the same. */
  conflict: string;
}

/**
 * The namespace's data-plane labels that ask for more than one data plane, and the one ignored
 * (webhookSelects, resolveDataplane): `istio.io/rev` beside `istio-injection=enabled`, whose
 * namespace webhook injects the default revision (the revision webhooks require no
 * `istio-injection` label); `istio.io/dataplane-mode=ambient` beside either, as the injected
 * sidecar wins. `istio-injection` with another value turns injection off, and a dataplane-mode
 * other than `ambient` asks for nothing: neither conflicts.
 */
export function ignoredNamespaceLabels(namespaceLabels: Labels): IgnoredNamespaceLabel[] {
  const ignored: IgnoredNamespaceLabel[] = [];
  const rev = namespaceLabels['istio.io/rev'];
  if (namespaceLabels['istio-injection'] === 'enabled' && rev !== undefined) {
    ignored.push({
      label: 'istio.io/rev',
      conflict: `namespace label istio.io/rev=${rev} is ignored because namespace label istio-injection=enabled selects the default revision's injector (revision injectors skip namespaces labelled istio-injection)`,
    });
  }
  const sidecar = webhookSelects({ namespaceLabels, podLabels: {}, podAnnotations: {}, hostNetwork: false });
  if (namespaceLabels['istio.io/dataplane-mode'] === 'ambient' && sidecar) {
    ignored.push({ label: 'istio.io/dataplane-mode', conflict: `namespace label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar (${sidecar})` });
  }
  return ignored;
}

/**
 * The data plane a pod ends up in when its namespace's labels are not known, if its own settings
 * decide it whatever the namespace says: an injected sidecar (`sidecar.istio.io/status`); a pod
 * label asking for one (`sidecar.istio.io/inject=true`, `istio.io/rev`), which the object webhooks
 * honour and the namespace webhooks do not refuse; the pod label `istio.io/dataplane-mode=ambient`;
 * `hostNetwork` or an excluded namespace, which neither the injector nor istio-cni touches; or both
 * opt-outs (`sidecar.istio.io/inject=false` and `istio.io/dataplane-mode=none`). Otherwise
 * undefined: the namespace's labels decide, and they are unknown.
 */
export function podDecidesDataplane(s: Omit<PodSettings, 'namespaceLabels'>, namespace: string): DataplaneResolution | undefined {
  const settled = (namespaceLabels: Labels) => resolveDataplane({ ...s, namespaceLabels }, namespace);
  const podInject = s.podLabels[INJECT];
  const podMode = s.podLabels['istio.io/dataplane-mode'];
  const asksSidecar = podInject === 'true' || (s.podLabels['istio.io/rev'] !== undefined && podInject !== 'false');
  if (s.podAnnotations[STATUS] !== undefined || asksSidecar || podMode === 'ambient') return settled({});
  // istio-cni marks the pods it captured (a pod read back from a cluster): cni/pkg/util/podutil.go.
  if (s.podAnnotations[REDIRECTION] === 'enabled') return { mode: 'ambient', reason: `pod annotation ${REDIRECTION}=enabled (istio-cni captured the pod)`, conflicts: [] };
  const untouched = s.hostNetwork === true || (INJECTION_IGNORED_NAMESPACES.has(namespace) && AMBIENT_EXCLUDED_NAMESPACES.has(namespace));
  if (untouched || (podInject === 'false' && podMode === 'none')) return settled({});
  return undefined;
}

/** The namespace labels that stand for a data plane when the real ones are not known. */
export function namespaceLabelsFor(mode: DataplaneMode): Labels {
  if (mode === 'sidecar') return { 'istio-injection': 'enabled' };
  if (mode === 'ambient') return { 'istio.io/dataplane-mode': 'ambient' };
  return {};
}

const DATAPLANE_LABELS = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];

/**
 * The data plane a namespace's labels give a pod with no settings of its own, or undefined when
 * the namespace carries none of the labels that choose one.
 */
export function namespaceMode(name: string, labels: Labels): DataplaneMode | undefined {
  if (!DATAPLANE_LABELS.some((k) => labels[k] !== undefined)) return undefined;
  return resolveDataplane({ namespaceLabels: labels, podLabels: {}, podAnnotations: {} }, name).mode;
}
