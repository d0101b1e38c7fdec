// Which workloads a selector reaches, per kind: istio pilot/pkg/model/policyattachment.go
// (AuthorizationPolicy, RequestAuthentication: the namespace and, from the root namespace, every
// namespace), pilot/pkg/security/authn/policy_applier.go (PeerAuthentication: a selector in the root
// namespace is ignored), pilot/pkg/model/push_context.go (Sidecar) and pilot/pkg/model/telemetry.go
// (Telemetry: the workload's own namespace only). See README.md.
import { defineRule, docsUrl, ignoreNamespacesSchema, type MeshRuleContext } from '../../src/engine/rule.js';
import { closest } from '../../src/util/text.js';
import type { AuthorizationPolicy, SelectingPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import { isRecord, stringMap, type Labels } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Path } from '../../src/types.js';
import { READS, reads } from '../../src/model/reads.js';

/**
 * Pod labels added at runtime, which no manifest shows: by Kubernetes controllers (Deployment,
 * StatefulSet, Job), by Istio's sidecar injector
 * (manifests/charts/istio-control/istio-discovery/files/injection-template.yaml), and on the pods
 * Istio deploys for a Gateway API Gateway (files/kube-gateway.yaml). A selector on one of them is
 * not judged.
 */
const RUNTIME_LABELS = new Set([
  'pod-template-hash',
  'controller-revision-hash',
  'statefulset.kubernetes.io/pod-name',
  'apps.kubernetes.io/pod-index',
  'job-name',
  'controller-uid',
  'batch.kubernetes.io/job-name',
  'batch.kubernetes.io/controller-uid',
  'batch.kubernetes.io/job-completion-index',
  'security.istio.io/tlsMode',
  'service.istio.io/canonical-name',
  'service.istio.io/canonical-revision',
  'topology.istio.io/network',
  'gateway.networking.k8s.io/gateway-name',
  'gateway.networking.k8s.io/gateway-class-name',
  'gateway.istio.io/managed',
  'istio.io/gateway-name',
]);

/**
 * Labels of the pods Istio deploys for a Gateway API Gateway of an Istio class, besides the runtime
 * ones above: `spec.infrastructure.labels` (files/kube-gateway.yaml, InfrastructureLabels).
 */
function gatewayPodLabels(model: Model, ns: string): Labels[] {
  const out: Labels[] = [];
  for (const g of model.gateways) {
    if (g.namespace !== ns || !g.className.startsWith('istio')) continue;
    const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
    out.push(isRecord(spec.infrastructure) ? stringMap(spec.infrastructure.labels) : {});
  }
  return out;
}

type Kind = 'AuthorizationPolicy' | 'PeerAuthentication' | 'RequestAuthentication' | 'Sidecar' | 'Telemetry';

interface Checked {
  kind: Kind;
  policy: SelectingPolicy;
  /** The map of labels the selector holds. */
  labelsPath: Path;
  /** Whether a selector in the root namespace reaches workloads of every namespace. */
  rootSpansMesh: boolean;
}

function entries(selector: Labels): string {
  return Object.entries(selector)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

/** A workload that the selector nearly matches, the selector that would match it, and how it differs. */
interface NearMiss {
  workload: Workload;
  selector: Labels;
  text: string;
}

/**
 * The nearest workload in `ns`: one that matches every entry but one, or, for a one-label selector,
 * one whose value (or key) is within two edits of it. Each step is an index lookup.
 */
function nearMiss(model: Model, ns: string, selector: Labels): NearMiss | undefined {
  const keys = Object.keys(selector);
  for (const k of keys) {
    const v = selector[k]!;
    const rest: Record<string, string> = {};
    for (const o of keys) if (o !== k) rest[o] = selector[o]!;
    if (keys.length > 1) {
      const candidates = model.selectWorkloads(ns, rest);
      if (candidates.length === 0) continue;
      const values = [...new Set(candidates.map((w) => w.podLabels[k]).filter((x): x is string => x !== undefined))];
      const near = closest(v, values) ?? values.sort()[0];
      const w = near === undefined ? candidates[0]! : candidates.find((c) => c.podLabels[k] === near)!;
      const fixed = { ...rest };
      if (near !== undefined) fixed[k] = near;
      const but = near === undefined ? `no label "${k}"` : `${k}=${near}`;
      return { workload: w, selector: fixed, text: `${workloadLabel(w)} has ${entries(rest)} but ${but}` };
    }
    const near = closest(v, [...model.labelValues(ns, k)]);
    if (near !== undefined) {
      const w = model.selectWorkloads(ns, { [k]: near })[0]!;
      return { workload: w, selector: { [k]: near }, text: `${workloadLabel(w)} has ${k}=${near}` };
    }
    const nearKey = closest(k, [...model.labelKeys(ns)].filter((key) => model.labelValues(ns, key).has(v)));
    if (nearKey !== undefined) {
      const w = model.selectWorkloads(ns, { [nearKey]: v })[0]!;
      return { workload: w, selector: { [nearKey]: v }, text: `${workloadLabel(w)} has ${nearKey}=${v}` };
    }
  }
  return undefined;
}

function consequence(c: Checked): string {
  switch (c.kind) {
    case 'AuthorizationPolicy': {
      const action = (c.policy as AuthorizationPolicy).action;
      if (action === 'DENY') return 'the requests it is meant to deny are not denied anywhere';
      if (action === 'CUSTOM') return 'no request is sent to its external authorizer';
      if (action === 'AUDIT') return 'nothing is audited';
      return 'the workload it was written for does not get this ALLOW list and, with no other ALLOW policy, accepts every request';
    }
    case 'PeerAuthentication':
      return 'its mTLS mode applies to no workload: they keep the namespace or mesh mode';
    case 'RequestAuthentication':
      return 'no workload validates its tokens, and AuthorizationPolicies never see a request principal from it';
    case 'Sidecar':
      return 'no proxy gets this configuration: they keep the namespace default Sidecar, or none';
    case 'Telemetry':
      return 'its telemetry settings apply to no workload';
  }
}

function selectorYaml(c: Checked, selector: Labels): string {
  const [outer, inner] = c.kind === 'Sidecar' ? ['workloadSelector', 'labels'] : ['selector', 'matchLabels'];
  const lines = ['spec:', `  ${outer}:`, `    ${inner}:`];
  for (const [k, v] of Object.entries(selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  return `${lines.join('\n')}\n`;
}

function describe(ws: readonly Workload[]): string {
  const names = ws.slice(0, 3).map(workloadLabel);
  return ws.length > 3 ? `${names.join(', ')} and ${ws.length - 3} more` : names.join(', ');
}

const MESSAGES = {
  // A PeerAuthentication with a selector in the root namespace (policy_applier.go ignores it).
  rootPeerAuthenticationMove:
    'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}: move it to namespace "{{target}}".',
  rootPeerAuthenticationInRoot:
    'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}, in the root namespace, where no PeerAuthentication can select workloads: they follow the mesh-wide (selector-less) one.',
  rootPeerAuthentication:
    'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. Move it to the namespace of the workloads it is for, or drop the selector to make it the mesh-wide policy.',
  // {{consequence}}: what selecting nothing means for the kind (and action); {{nearMiss}}: the
  // workload the selector nearly matches and how it differs.
  selectsNothing:
    '{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}}. So {{consequence}}. Make the selector match the pods\' labels.',
  selectsNothingNear:
    '{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods\' labels.',
  selectsNothingInRoot:
    '{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}\'s selector reaches only its own namespace, even the root one). So {{consequence}}. Make the selector match the pods\' labels.',
  selectsNothingInRootNear:
    '{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}\'s selector reaches only its own namespace, even the root one) ({{nearMiss}}). So {{consequence}}. Make the selector match the pods\' labels.',
  selectsNothingMeshWide:
    '{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}}. So {{consequence}}. Make the selector match the pods\' labels.',
  selectsNothingMeshWideNear:
    '{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods\' labels.',
};

type MessageId = keyof typeof MESSAGES;
type Options = [{ ignoreNamespaces: string[] }];
type Context = MeshRuleContext<MessageId, Options>;

function checkRootPeerAuthentication(context: Context, c: Checked): void {
  const model = context.model;
  const p = c.policy;
  const selected = model.policyWorkloads(p, true);
  const elsewhere = selected.filter((w) => w.namespace !== p.namespace);
  const target = elsewhere.length > 0 ? elsewhere.map((w) => w.namespace).sort()[0] : undefined;
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: 'key' },
    messageId: target ? 'rootPeerAuthenticationMove' : selected.length > 0 ? 'rootPeerAuthenticationInRoot' : 'rootPeerAuthentication',
    data: { name: p.name, namespace: p.namespace, workloads: describe(target ? elsewhere : selected), target },
    suggest: target
      ? [{ desc: `Move PeerAuthentication "${p.name}" to namespace "${target}"`, fix: `metadata:\n  name: ${p.name}\n  namespace: ${target}\n` }]
      : undefined,
  });
}

function check(context: Context, c: Checked): void {
  const model = context.model;
  const p = c.policy;
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return;
  if (Object.keys(p.selector).some((k) => RUNTIME_LABELS.has(k))) return;
  const isRoot = p.namespace === model.rootNamespace;
  if (c.kind === 'PeerAuthentication' && isRoot) {
    checkRootPeerAuthentication(context, c);
    return;
  }
  // Closed world only where we know it: the input must declare the namespace and hold workloads
  // in it, or we know nothing of its pods (a policy folder linted without its Deployments).
  if (!model.knowsWorkloadsOf(p.namespace)) return;
  const spans = isRoot && c.rootSpansMesh;
  if (model.policyWorkloads(p, c.rootSpansMesh).length > 0) return;
  const namespaces = spans ? [p.namespace, ...[...model.workloadNamespaces()].filter((ns) => ns !== p.namespace).sort()] : [p.namespace];
  const selector = p.selector;
  const onGateway = (ns: string) => gatewayPodLabels(model, ns).some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
  if (namespaces.some(onGateway)) return;
  let near: NearMiss | undefined;
  for (const ns of namespaces) if ((near = nearMiss(model, ns, p.selector))) break;
  const scope = spans ? 'selectsNothingMeshWide' : isRoot ? 'selectsNothingInRoot' : 'selectsNothing';
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: 'key' },
    messageId: near ? `${scope}Near` : scope,
    data: { kind: c.kind, name: p.name, namespace: p.namespace, labels: entries(p.selector), nearMiss: near?.text, consequence: consequence(c) },
    suggest: near
      ? [{ desc: `Select ${workloadLabel(near.workload)} with ${entries(near.selector)}`, fix: selectorYaml(c, near.selector) }]
      : undefined,
    related: near
      ? [{ at: { resource: near.workload.resource, path: [...near.workload.podMetadataPath, 'labels'], part: 'key' }, message: `pod labels of ${workloadLabel(near.workload)}` }]
      : undefined,
  });
}

const SELECTOR: Path = ['spec', 'selector', 'matchLabels'];

export default defineRule<MessageId, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A workload selector (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Sidecar, Telemetry) matches no workload.',
      url: docsUrl('policy-selects-nothing'),
      recommended: true,
      aliases: ['IST0127', 'IST0101', 'KIA0004', 'KIA1006'],
      tags: ['correctness', 'authorization', 'authentication'],
    },
    messages: MESSAGES,
    schema: ignoreNamespacesSchema('Policies in these namespaces are not checked.'),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: reads(READS.workloads, READS.gateways),
  },
  create(context) {
    // The runner merges `defaultOptions`; a caller of runRules with bare options may not.
    const ignored = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const run = (c: Checked) => {
      if (!ignored.has(c.policy.namespace)) check(context, c);
    };
    return {
      // A policy Otterize generates selects what its ClientIntents names: intent-unknown-target judges that.
      AuthorizationPolicy: (p) => {
        if (!p.generatedBy) run({ kind: 'AuthorizationPolicy', policy: p, labelsPath: SELECTOR, rootSpansMesh: true });
      },
      PeerAuthentication: (p) => run({ kind: 'PeerAuthentication', policy: p, labelsPath: SELECTOR, rootSpansMesh: false }),
      RequestAuthentication: (p) => run({ kind: 'RequestAuthentication', policy: p, labelsPath: SELECTOR, rootSpansMesh: true }),
      Sidecar: (p) => run({ kind: 'Sidecar', policy: p, labelsPath: ['spec', 'workloadSelector', 'labels'], rootSpansMesh: false }),
      Telemetry: (p) => run({ kind: 'Telemetry', policy: p, labelsPath: SELECTOR, rootSpansMesh: false }),
    };
  },
});
