import type { Labels } from './resource.js';

export type DataplaneMode = 'ambient' | 'sidecar' | 'none';

export interface DataplaneResolution {
  mode: DataplaneMode;
  /** Why the mode is what it is, for messages. */
  reason: string;
  /** Settings that ask for something other than what wins, e.g. ambient and injection together. */
  conflicts: string[];
}

export interface PodSettings {
  namespaceLabels: Labels;
  podLabels: Labels;
  podAnnotations: Labels;
  hostNetwork?: boolean;
}

/**
 * Whether Istio's sidecar injector adds a proxy to this pod. The default webhooks
 * (manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml) select:
 *  - namespace `istio-injection=enabled`, pod label `sidecar.istio.io/inject` not `false`;
 *  - namespace `istio.io/rev` set and no `istio-injection`, pod label not `false`;
 *  - neither namespace label, pod label `sidecar.istio.io/inject=true` or `istio.io/rev` set.
 * `istio-injection=disabled` on the namespace wins over everything. Once selected, the
 * deprecated annotation `sidecar.istio.io/inject: "false"` and `hostNetwork` still skip injection
 * (pkg/kube/inject/webhook.go, injectRequired).
 */
export function sidecarInjected(s: PodSettings): { injected: boolean; reason: string } {
  const nsInj = s.namespaceLabels['istio-injection'];
  const nsRev = s.namespaceLabels['istio.io/rev'];
  const podInj = s.podLabels['sidecar.istio.io/inject'];
  const podRev = s.podLabels['istio.io/rev'];
  let reason: string | undefined;
  if (nsInj === 'enabled') {
    if (podInj !== 'false') reason = 'namespace label istio-injection=enabled';
  } else if (nsInj === undefined && nsRev !== undefined) {
    if (podInj !== 'false') reason = `namespace label istio.io/rev=${nsRev}`;
  } else if (nsInj === undefined) {
    if (podInj === 'true') reason = 'pod label sidecar.istio.io/inject=true';
    else if (podRev !== undefined && podInj !== 'false') reason = `pod label istio.io/rev=${podRev}`;
  }
  if (!reason) return { injected: false, reason: '' };
  if (s.podAnnotations['sidecar.istio.io/inject'] === 'false') return { injected: false, reason: '' };
  if (s.hostNetwork) return { injected: false, reason: '' };
  return { injected: true, reason };
}

/** Namespaces istio-cni never enrols in ambient (istio-cni chart values, `excludeNamespaces`). */
const AMBIENT_EXCLUDED_NAMESPACES = new Set(['kube-system']);

/**
 * Ambient enrolment (manifests/charts/istio-cni/values.yaml `ambient.enablementSelectors`): the pod's
 * own `istio.io/dataplane-mode` label wins; `none` opts out; otherwise the namespace label.
 * Pods with a sidecar are never captured by ztunnel.
 */
export function resolveDataplane(s: PodSettings, namespace: string): DataplaneResolution {
  const sidecar = sidecarInjected(s);
  const podMode = s.podLabels['istio.io/dataplane-mode'];
  const nsMode = s.namespaceLabels['istio.io/dataplane-mode'];
  let ambientReason: string | undefined;
  if (podMode === 'ambient') ambientReason = 'pod label istio.io/dataplane-mode=ambient';
  else if (podMode !== 'none' && nsMode === 'ambient') ambientReason = 'namespace label istio.io/dataplane-mode=ambient';
  if (ambientReason && AMBIENT_EXCLUDED_NAMESPACES.has(namespace)) ambientReason = undefined;
  if (sidecar.injected) {
    const conflicts = ambientReason ? [`${ambientReason} is ignored because the pod gets a sidecar (${sidecar.reason})`] : [];
    return { mode: 'sidecar', reason: sidecar.reason, conflicts };
  }
  if (ambientReason) return { mode: 'ambient', reason: ambientReason, conflicts: [] };
  return { mode: 'none', reason: 'no sidecar injection and no ambient enrolment', conflicts: [] };
}
