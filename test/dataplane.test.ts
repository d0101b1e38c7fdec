import { describe, expect, it } from 'vitest';
import { ignoredNamespaceLabels, resolveDataplane, sidecarInjected, type DataplaneMode, type PodSettings } from '../src/model/dataplane.js';

// Each row is checked against Istio's sources:
//  - injection webhooks: manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml
//  - injectRequired: pkg/kube/inject/inject.go (hostNetwork, IgnoredNamespaces, label over annotation)
//  - ambient: manifests/charts/istio-cni/values.yaml enablementSelectors, excludeNamespaces;
//    cni/pkg/util/enablement_selector.go Matches (hostNetwork, sidecar.istio.io/status)
interface Case {
  name: string;
  ns?: Record<string, string>;
  pod?: Record<string, string>;
  annotations?: Record<string, string>;
  hostNetwork?: boolean;
  namespace?: string;
  mode: DataplaneMode;
  /** A fragment of the reason, when the mode is sidecar or ambient. */
  reason?: string;
  /** Fragments of the expected conflicts, in order; none when omitted. */
  conflicts?: string[];
}

const AMBIENT_NS = { 'istio.io/dataplane-mode': 'ambient' };

const cases: Case[] = [
  // No mesh at all
  { name: 'no labels anywhere', mode: 'none' },
  { name: 'unrelated labels', ns: { team: 'a' }, pod: { app: 'x' }, mode: 'none' },

  // Namespace istio-injection
  { name: 'ns istio-injection=enabled', ns: { 'istio-injection': 'enabled' }, mode: 'sidecar', reason: 'istio-injection=enabled' },
  { name: 'ns istio-injection=disabled', ns: { 'istio-injection': 'disabled' }, mode: 'none' },
  { name: 'ns istio-injection=disabled beats pod inject=true', ns: { 'istio-injection': 'disabled' }, pod: { 'sidecar.istio.io/inject': 'true' }, mode: 'none' },
  { name: 'ns istio-injection=disabled beats pod istio.io/rev', ns: { 'istio-injection': 'disabled' }, pod: { 'istio.io/rev': 'canary' }, mode: 'none' },
  { name: 'ns istio-injection with an unknown value matches no webhook', ns: { 'istio-injection': 'true' }, pod: { 'sidecar.istio.io/inject': 'true' }, mode: 'none' },
  { name: 'ns enabled, pod label inject=false', ns: { 'istio-injection': 'enabled' }, pod: { 'sidecar.istio.io/inject': 'false' }, mode: 'none' },
  { name: 'ns enabled, pod label inject=true', ns: { 'istio-injection': 'enabled' }, pod: { 'sidecar.istio.io/inject': 'true' }, mode: 'sidecar' },
  { name: 'ns enabled and istio.io/rev: the legacy label wins', ns: { 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }, mode: 'sidecar', reason: 'istio-injection=enabled' },
  { name: 'ns disabled and istio.io/rev: nothing selects', ns: { 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }, mode: 'none' },

  // Namespace istio.io/rev
  { name: 'ns istio.io/rev', ns: { 'istio.io/rev': 'canary' }, mode: 'sidecar', reason: 'istio.io/rev=canary' },
  { name: 'ns istio.io/rev=default', ns: { 'istio.io/rev': 'default' }, mode: 'sidecar', reason: 'istio.io/rev=default' },
  { name: 'ns istio.io/rev, pod label inject=false', ns: { 'istio.io/rev': 'canary' }, pod: { 'sidecar.istio.io/inject': 'false' }, mode: 'none' },

  // Pod labels in an unlabelled namespace
  { name: 'pod label inject=true', pod: { 'sidecar.istio.io/inject': 'true' }, mode: 'sidecar', reason: 'sidecar.istio.io/inject=true' },
  { name: 'pod label inject=false', pod: { 'sidecar.istio.io/inject': 'false' }, mode: 'none' },
  { name: 'pod label istio.io/rev', pod: { 'istio.io/rev': 'canary' }, mode: 'sidecar', reason: 'pod label istio.io/rev=canary' },
  { name: 'pod label istio.io/rev and inject=false', pod: { 'istio.io/rev': 'canary', 'sidecar.istio.io/inject': 'false' }, mode: 'none' },
  { name: 'pod label istio.io/rev and inject=true', pod: { 'istio.io/rev': 'canary', 'sidecar.istio.io/inject': 'true' }, mode: 'sidecar', reason: 'istio.io/rev=canary' },
  { name: 'pod label inject with another value selects no webhook', pod: { 'sidecar.istio.io/inject': 'yes' }, mode: 'none' },

  // The deprecated annotation: read by injectRequired only, after a webhook selected the pod
  { name: 'annotation inject=true alone selects no webhook', annotations: { 'sidecar.istio.io/inject': 'true' }, mode: 'none' },
  { name: 'ns enabled, annotation inject=false', ns: { 'istio-injection': 'enabled' }, annotations: { 'sidecar.istio.io/inject': 'false' }, mode: 'none' },
  { name: 'ns rev, annotation inject=false', ns: { 'istio.io/rev': 'canary' }, annotations: { 'sidecar.istio.io/inject': 'false' }, mode: 'none' },
  {
    name: 'label inject=true wins over annotation inject=false',
    ns: { 'istio-injection': 'enabled' },
    pod: { 'sidecar.istio.io/inject': 'true' },
    annotations: { 'sidecar.istio.io/inject': 'false' },
    mode: 'sidecar',
  },
  {
    name: 'a label of any value hides the annotation',
    ns: { 'istio-injection': 'enabled' },
    pod: { 'sidecar.istio.io/inject': 'maybe' },
    annotations: { 'sidecar.istio.io/inject': 'false' },
    mode: 'sidecar',
  },
  { name: 'ns enabled, annotation inject=true', ns: { 'istio-injection': 'enabled' }, annotations: { 'sidecar.istio.io/inject': 'true' }, mode: 'sidecar' },

  // Already injected
  { name: 'pod carrying sidecar.istio.io/status', annotations: { 'sidecar.istio.io/status': '{"containers":["istio-proxy"]}' }, mode: 'sidecar', reason: 'sidecar.istio.io/status' },
  {
    name: 'injected pod in an ambient namespace stays sidecar',
    ns: AMBIENT_NS,
    annotations: { 'sidecar.istio.io/status': '{}' },
    mode: 'sidecar',
    conflicts: ['namespace label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar'],
  },

  // hostNetwork
  {
    name: 'hostNetwork skips injection',
    ns: { 'istio-injection': 'enabled' },
    hostNetwork: true,
    mode: 'none',
    conflicts: ['namespace label istio-injection=enabled is ignored because the pod uses hostNetwork'],
  },
  {
    name: 'hostNetwork is never captured by ambient',
    ns: AMBIENT_NS,
    hostNetwork: true,
    mode: 'none',
    conflicts: ['namespace label istio.io/dataplane-mode=ambient is ignored because the pod uses hostNetwork'],
  },
  {
    name: 'hostNetwork with pod ambient label',
    pod: { 'istio.io/dataplane-mode': 'ambient' },
    hostNetwork: true,
    mode: 'none',
    conflicts: ['pod label istio.io/dataplane-mode=ambient is ignored'],
  },

  // Ambient
  { name: 'ns dataplane-mode=ambient', ns: AMBIENT_NS, mode: 'ambient', reason: 'namespace label istio.io/dataplane-mode=ambient' },
  { name: 'ns ambient, pod label none opts out', ns: AMBIENT_NS, pod: { 'istio.io/dataplane-mode': 'none' }, mode: 'none' },
  { name: 'ns ambient, pod label of another value stays ambient', ns: AMBIENT_NS, pod: { 'istio.io/dataplane-mode': 'sidecar' }, mode: 'ambient' },
  { name: 'pod label ambient in a plain namespace', pod: { 'istio.io/dataplane-mode': 'ambient' }, mode: 'ambient', reason: 'pod label istio.io/dataplane-mode=ambient' },
  { name: 'pod label ambient in a namespace set to none', ns: { 'istio.io/dataplane-mode': 'none' }, pod: { 'istio.io/dataplane-mode': 'ambient' }, mode: 'ambient' },
  { name: 'ns dataplane-mode=none', ns: { 'istio.io/dataplane-mode': 'none' }, mode: 'none' },
  { name: 'ns dataplane-mode with an unknown value', ns: { 'istio.io/dataplane-mode': 'Ambient' }, mode: 'none' },

  // Conflicts: sidecar and ambient asked for together
  {
    name: 'ns injection and ns ambient: sidecar wins',
    ns: { 'istio-injection': 'enabled', ...AMBIENT_NS },
    mode: 'sidecar',
    conflicts: ['namespace label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar (namespace label istio-injection=enabled)'],
  },
  {
    name: 'ns injection and pod ambient: sidecar wins',
    ns: { 'istio-injection': 'enabled' },
    pod: { 'istio.io/dataplane-mode': 'ambient' },
    mode: 'sidecar',
    conflicts: ['pod label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar'],
  },
  {
    name: 'ns rev and ns ambient: sidecar wins',
    ns: { 'istio.io/rev': 'canary', ...AMBIENT_NS },
    mode: 'sidecar',
    conflicts: ['is ignored because the pod gets a sidecar (namespace label istio.io/rev=canary)'],
  },
  {
    name: 'ns ambient and pod inject=true: sidecar wins',
    ns: AMBIENT_NS,
    pod: { 'sidecar.istio.io/inject': 'true' },
    mode: 'sidecar',
    conflicts: ['namespace label istio.io/dataplane-mode=ambient is ignored because the pod gets a sidecar (pod label sidecar.istio.io/inject=true)'],
  },
  { name: 'ns injection and ns ambient, pod inject=false: ambient', ns: { 'istio-injection': 'enabled', ...AMBIENT_NS }, pod: { 'sidecar.istio.io/inject': 'false' }, mode: 'ambient' },

  // System namespaces
  {
    name: 'kube-system is never ambient',
    namespace: 'kube-system',
    ns: AMBIENT_NS,
    mode: 'none',
    conflicts: ['istio-cni never enrols pods of namespace "kube-system"'],
  },
  {
    name: 'kube-system is never injected',
    namespace: 'kube-system',
    ns: { 'istio-injection': 'enabled' },
    mode: 'none',
    conflicts: ['the injector never injects into namespace "kube-system"'],
  },
  { name: 'kube-public is never injected', namespace: 'kube-public', pod: { 'sidecar.istio.io/inject': 'true' }, mode: 'none', conflicts: ['kube-public'] },
  { name: 'kube-public can be ambient (only kube-system is excluded)', namespace: 'kube-public', ns: AMBIENT_NS, mode: 'ambient' },
  { name: 'istio-system follows the labels like any namespace', namespace: 'istio-system', ns: AMBIENT_NS, mode: 'ambient' },
];

function settings(c: Case): PodSettings {
  return { namespaceLabels: c.ns ?? {}, podLabels: c.pod ?? {}, podAnnotations: c.annotations ?? {}, hostNetwork: c.hostNetwork };
}

describe('data-plane mode resolution', () => {
  it.each(cases)('$name → $mode', (c) => {
    const r = resolveDataplane(settings(c), c.namespace ?? 'shop');
    expect(r.mode).toBe(c.mode);
    if (c.reason) expect(r.reason).toContain(c.reason);
    const expected = c.conflicts ?? [];
    expect(r.conflicts).toHaveLength(expected.length);
    expected.forEach((frag, i) => expect(r.conflicts[i]).toContain(frag));
  });

  it('sidecarInjected agrees with the mode on every row', () => {
    for (const c of cases) {
      const injected = sidecarInjected(settings(c), c.namespace ?? 'shop').injected;
      expect(injected, c.name).toBe(c.mode === 'sidecar');
    }
  });

  it('every label combination lands on a mode that some setting asked for', () => {
    const values = [undefined, 'enabled', 'disabled', 'true', 'false', 'ambient', 'none', 'canary'];
    const keys = ['istio-injection', 'istio.io/rev', 'istio.io/dataplane-mode'];
    const podKeys = ['sidecar.istio.io/inject', 'istio.io/rev', 'istio.io/dataplane-mode'];
    let count = 0;
    const pick = (ks: string[], i: number) => {
      const out: Record<string, string> = {};
      ks.forEach((k, j) => {
        const v = values[Math.floor(i / values.length ** j) % values.length];
        if (v !== undefined) out[k] = v;
      });
      return out;
    };
    const n = values.length ** 3;
    for (let i = 0; i < n; i += 7) {
      for (let j = 0; j < n; j += 11) {
        const ns = pick(keys, i);
        const pod = pick(podKeys, j);
        const r = resolveDataplane({ namespaceLabels: ns, podLabels: pod, podAnnotations: {} }, 'x');
        // Ambient only through the enablement selectors; sidecar only through a webhook's labels.
        const ambientAsked = pod['istio.io/dataplane-mode'] === 'ambient' || (ns['istio.io/dataplane-mode'] === 'ambient' && pod['istio.io/dataplane-mode'] !== 'none');
        const sidecarAsked = ns['istio-injection'] === 'enabled' || ns['istio.io/rev'] !== undefined || pod['sidecar.istio.io/inject'] === 'true' || pod['istio.io/rev'] !== undefined;
        if (r.mode === 'ambient') expect(ambientAsked, JSON.stringify({ ns, pod })).toBe(true);
        if (r.mode === 'sidecar') expect(sidecarAsked, JSON.stringify({ ns, pod })).toBe(true);
        if (r.mode === 'none') expect(ambientAsked, JSON.stringify({ ns, pod })).toBe(false);
        count++;
      }
    }
    expect(count).toBeGreaterThan(1000);
  });
});

// istio pkg/config/analysis/analyzers/injection/injection.go (NamespaceMultipleInjectionLabels) and
// its testdata/injection.yaml namespaces, judged by the webhooks' selectors.
describe('ignoredNamespaceLabels', () => {
  it.each([
    [{ 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }, ['istio.io/rev']],
    [{ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' }, ['istio.io/dataplane-mode']],
    [{ 'istio.io/rev': 'test', 'istio.io/dataplane-mode': 'ambient' }, ['istio.io/dataplane-mode']],
    [{ 'istio-injection': 'enabled', 'istio.io/rev': 'test', 'istio.io/dataplane-mode': 'ambient' }, ['istio.io/rev', 'istio.io/dataplane-mode']],
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'test' }, []],
    [{ 'istio-injection': 'disabled', 'istio.io/dataplane-mode': 'ambient' }, []],
    [{ 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'none' }, []],
    [{ 'istio.io/rev': 'canary' }, []],
  ])('%j ignores %j', (labels, ignored) => {
    expect(ignoredNamespaceLabels(labels).map((i) => i.label)).toEqual(ignored);
  });

  it('phrases the ambient conflict as a pod of that namespace gets it', () => {
    const labels = { 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'ambient' };
    const pod = resolveDataplane({ namespaceLabels: labels, podLabels: {}, podAnnotations: {} }, 'shop');
    expect(ignoredNamespaceLabels(labels).map((i) => i.conflict)).toEqual(pod.conflicts);
  });
});
