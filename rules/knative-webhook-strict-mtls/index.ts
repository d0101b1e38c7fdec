// The Kubernetes API server calls Knative's admission webhooks from outside the mesh; STRICT mTLS
// on their port refuses it. net-istio ships port-level PERMISSIVE PeerAuthentications for them
// (knative-extensions/net-istio config/400-webhook-peer-authentication.yaml). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { DataplaneResolution } from '../../src/model/dataplane.js';
import type { EffectiveMtls, Model } from '../../src/mesh/model.js';
import type { PeerAuthentication } from '../../src/model/kinds.js';
import { arr, isRecord, str, type At, type Labels } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { hasSidecar, mtlsPath } from '../../src/mtls/traffic.js';
import type { Suggestion } from '../../src/types.js';
import { listText, quoted } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** Knative Serving's namespace (knative/serving config/core/100-namespace.yaml; SYSTEM_NAMESPACE). */
const SYSTEM_NAMESPACE = 'knative-serving';
/** knative.dev/pkg webhook default port, and WEBHOOK_PORT in the Deployments. */
const WEBHOOK_PORT = 8443;

interface WebhookKind {
  /** The pods' `app` label (and Deployment name). */
  app: string;
  /** What a failing call breaks (failurePolicy: Fail), in a few words; README.md has the webhook names. */
  impact: string;
}

const WEBHOOKS: readonly WebhookKind[] = [
  {
    // knative/serving config/core/deployments/webhook.yaml, config/core/webhooks/*.yaml
    app: 'webhook',
    impact: 'Knative resources cannot be created or updated ("failed calling webhook")',
  },
  {
    // net-istio config/500-webhook-deployment.yaml, config/600-mutating-webhook.yaml
    app: 'net-istio-webhook',
    impact: 'no revision becomes ready',
  },
  {
    // Knative Serving releases before the DomainMapping webhook was folded into `webhook`
    // (net-istio #495 added a PeerAuthentication for it).
    app: 'domainmapping-webhook',
    impact: 'DomainMappings cannot be created or updated',
  },
];

interface Subject {
  kind: WebhookKind;
  namespace: string;
  /** The workload, when the input has it. */
  workload?: Workload;
  port: number;
  labels: Labels;
  mode: 'sidecar' | 'ambient';
  why: string;
  dataplane: DataplaneResolution;
}

/** The webhook port of a Deployment: the container port named https-webhook, else WEBHOOK_PORT, else 8443. */
function webhookPort(w: Workload): number {
  const named = w.ports.find((p) => p.name === 'https-webhook');
  if (named) return named.port;
  const tpl = isRecord(w.resource.raw.spec) && isRecord(w.resource.raw.spec.template) ? w.resource.raw.spec.template : {};
  const spec = isRecord(tpl.spec) ? tpl.spec : {};
  for (const c of arr(spec.containers)) {
    if (!isRecord(c)) continue;
    for (const e of arr(c.env)) {
      if (isRecord(e) && e.name === 'WEBHOOK_PORT' && /^\d+$/.test(str(e.value) ?? '')) return Number(e.value);
    }
  }
  return WEBHOOK_PORT;
}

/** Whether the sidecar leaves the port alone (traffic.sidecar.istio.io/{exclude,include}InboundPorts). */
function sidecarSkipsPort(annotations: Labels, port: number): boolean {
  const list = (v: string | undefined) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  if (list(annotations['traffic.sidecar.istio.io/excludeInboundPorts']).includes(String(port))) return true;
  const include = annotations['traffic.sidecar.istio.io/includeInboundPorts'];
  if (include === undefined) return false;
  const inc = list(include);
  return !inc.includes('*') && !inc.includes(String(port));
}

/** Which of Knative's webhooks `w` runs, if any. */
function webhookOf(w: Workload, systemNamespace: string): WebhookKind | undefined {
  if (w.kind !== 'Deployment' && w.kind !== 'Pod') return undefined;
  const kind = WEBHOOKS.find((k) => k.app === w.podLabels.app);
  if (!kind) return undefined;
  // Knative's own webhooks: in its system namespace, or wherever Knative Serving is installed.
  if (w.namespace !== systemNamespace && w.podLabels['app.kubernetes.io/name'] !== 'knative-serving') return undefined;
  return kind;
}

/** The webhook's pods, when they run in the mesh on its port. */
function workloadSubject(w: Workload, kind: WebhookKind): Subject | undefined {
  const port = webhookPort(w);
  if (w.dataplane.mode === 'ambient') {
    return { kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'ambient', why: w.dataplane.reason, dataplane: w.dataplane };
  }
  if (hasSidecar(w) && !sidecarSkipsPort(w.podAnnotations, port)) {
    return { kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'sidecar', why: w.dataplane.reason || 'an injected sidecar', dataplane: w.dataplane };
  }
  return undefined;
}

/**
 * The webhook Deployment is not in the input but its namespace is: its pods will be created with
 * the namespace's labels (knative/serving config/core/deployments/webhook.yaml pod labels).
 */
function namespaceSubject(model: Model, systemNamespace: string): Subject | undefined {
  const ns = model.namespaces.get(systemNamespace);
  if (!ns?.resource) return undefined;
  const labels = { app: 'webhook', role: 'webhook' };
  const dp = model.dataplaneFor(systemNamespace);
  if (dp.mode === 'none') return undefined;
  return { kind: WEBHOOKS[0]!, namespace: systemNamespace, port: WEBHOOK_PORT, labels, mode: dp.mode, why: dp.reason, dataplane: dp };
}

function symptom(mode: Subject['mode'], plural: boolean): string {
  return mode === 'sidecar'
    ? `${plural ? 'their' : 'its'} sidecar rejects the API server's calls, which carry no client certificate`
    : "ztunnel (ambient) refuses the API server's calls, which carry no mesh identity";
}

function fixYaml(s: Subject): string {
  return [
    'apiVersion: security.istio.io/v1',
    'kind: PeerAuthentication',
    'metadata:',
    `  name: ${s.kind.app}`,
    `  namespace: ${s.namespace}`,
    'spec:',
    '  selector:',
    '    matchLabels:',
    `      app: ${s.kind.app}`,
    '  portLevelMtls:',
    `    "${s.port}":`,
    '      mode: PERMISSIVE',
    '',
  ].join('\n');
}

/** A port-level setting that was probably meant for the webhook but names another port (often the Service's 443). */
function misplacedPortLevel(model: Model, s: Subject): { pa: PeerAuthentication; port: number } | undefined {
  for (const pa of model.policiesIn<PeerAuthentication>('PeerAuthentication', s.namespace)) {
    if (!pa.selector || Object.keys(pa.selector).length === 0) continue;
    if (!Object.entries(pa.selector).every(([k, v]) => s.labels[k] === v)) continue;
    for (const [port, mode] of pa.portLevel) if (port !== s.port && (mode === 'PERMISSIVE' || mode === 'DISABLE')) return { pa, port };
  }
  return undefined;
}

/** Why each webhook runs in the mesh (a sidecar or ambient), pointed at its pods or its namespace. */
function dataplaneRelated(model: Model, items: readonly Subject[]): Array<{ at: At; message: string }> {
  const out: Array<{ at: At; message: string }> = [];
  for (const s of items.slice(0, 3)) {
    const message = `${s.kind.app} runs ${s.mode === 'sidecar' ? 'with a sidecar' : 'in ambient'}: ${s.why}`;
    if (s.workload) out.push({ at: { resource: s.workload.resource, path: s.workload.podMetadataPath, part: 'key' }, message });
    else {
      const ns = model.namespaces.get(s.namespace)?.resource;
      if (ns) out.push({ at: { resource: ns, path: ['metadata', 'labels'], part: 'key' }, message });
    }
  }
  return out;
}

type MessageIds = 'strictWebhookPort' | 'strictWebhookPortMisplacedException';
type Options = [{ systemNamespace: string }];
const DEFAULT_OPTIONS: Options[0] = { systemNamespace: SYSTEM_NAMESPACE };

export default defineRule<MessageIds, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: "STRICT mTLS applies to a Knative webhook's port in a mesh: the Kubernetes API server, outside the mesh, can no longer call the admission webhook.",
      url: docsUrl('knative-webhook-strict-mtls'),
      recommended: true,
      tags: ['security', 'mtls', 'knative'],
    },
    messages: {
      strictWebhookPort:
        'PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: ' +
        "{{symptoms}}, so {{impacts}}. Add net-istio's PERMISSIVE exception for port {{ports}}.",
      // The user tried: an exception that names another port (often the Service's 443).
      strictWebhookPortMisplacedException:
        'PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: ' +
        "{{symptoms}}, so {{impacts}}. PeerAuthentication {{exception}} exempts port {{exceptionPort}}, not the pod's {{podPort}}. " +
        "Add net-istio's PERMISSIVE exception for port {{ports}}.",
    },
    schema: [
      {
        type: 'object',
        properties: {
          systemNamespace: {
            type: 'string',
            minLength: 1,
            description: "The namespace Knative Serving is installed in (its SYSTEM_NAMESPACE), for installs that rename `knative-serving`.",
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.peerAuthentications, READS.clientViews),
  },
  create(context) {
    const model = context.model;
    // The engine merges defaultOptions in; a caller that runs the rule directly may pass none.
    const { systemNamespace } = context.options[0] ?? DEFAULT_OPTIONS;
    const subjects: Subject[] = [];
    const seen = new Set<string>();
    return {
      Workload(w) {
        const kind = webhookOf(w, systemNamespace);
        if (!kind) return;
        // Seen even when out of the mesh: then the namespace's labels do not stand for its pods.
        seen.add(`${w.namespace}/${kind.app}`);
        const s = workloadSubject(w, kind);
        if (s) subjects.push(s);
      },
      'Mesh:exit'() {
        if (!seen.has(`${systemNamespace}/webhook`)) {
          const s = namespaceSubject(model, systemNamespace);
          if (s) subjects.push(s);
        }
        const bySource = new Map<string, { m: EffectiveMtls; items: Subject[] }>();
        for (const s of subjects) {
          const m = model.effectiveMtlsFor(s.namespace, s.labels, s.port);
          if (m.mode !== 'STRICT' || !m.decidedBy) continue;
          const key = `${m.decidedBy.namespace}/${m.decidedBy.name}/${mtlsPath(m, s.port).join('.')}`;
          const e = bySource.get(key);
          if (e) e.items.push(s);
          else bySource.set(key, { m, items: [s] });
        }
        for (const { m, items } of bySource.values()) report(m, items);
      },
    };

    function report(m: EffectiveMtls, items: Subject[]): void {
      const pa = m.decidedBy!;
      const namespaces = [...new Set(items.map((s) => s.namespace))];
      const names = quoted(items.map((s) => `${namespaces.length > 1 ? `${s.namespace}/` : ''}${s.workload ? s.workload.name : s.kind.app}`));
      const absent = quoted(items.filter((s) => !s.workload).map((s) => s.kind.app));
      const misplaced = items.flatMap((s) => {
        const x = misplacedPortLevel(model, s);
        return x ? [{ ...x, subject: s }] : [];
      });
      const suggest: Suggestion[] = items.map((s) => ({
        desc: `Accept plaintext on ${s.kind.app}'s port ${s.port} as net-istio does (config/400-webhook-peer-authentication.yaml)`,
        fix: fixYaml(s),
      }));
      const data = {
        policy: `${pa.namespace}/${pa.name}`,
        ports: listText([...new Set(items.map((s) => String(s.port)))], 4),
        webhooks: listText(names, 4),
        webhookNoun: items.length > 1 ? 'webhooks' : 'webhook',
        namespaces: listText(namespaces, 4),
        absentNote: absent.length > 0 ? ` (the ${listText(absent, 4)} Deployment${absent.length > 1 ? 's are' : ' is'} not in the input)` : '',
        symptoms: [...new Set(items.map((s) => s.mode))].map((mode) => symptom(mode, items.length > 1)).join('; '),
        impacts: listText([...new Set(items.map((s) => s.kind.impact))], 4),
      };
      const first = misplaced[0];
      context.report({
        at: { resource: pa.resource, path: mtlsPath(m, items[0]!.port) },
        ...(first
          ? {
              messageId: 'strictWebhookPortMisplacedException' as const,
              data: { ...data, exception: `${first.pa.namespace}/${first.pa.name}`, exceptionPort: first.port, podPort: first.subject.port },
            }
          : { messageId: 'strictWebhookPort' as const, data }),
        // Where the webhooks' data plane is only assumed, a warning.
        severity: items.every((s) => s.dataplane.assumption) ? 'warn' : undefined,
        assumptions: model.assumptionsOf(items.map((s) => s.dataplane)),
        related: [
          ...dataplaneRelated(model, items),
          ...misplaced.slice(0, 2).map((x) => ({
            at: { resource: x.pa.resource, path: ['spec', 'portLevelMtls', String(x.port)], part: 'key' as const },
            message: `this exception is for port ${x.port}, but portLevelMtls names the pod's port (${x.subject.kind.app} listens on ${x.subject.port}), not the Service's`,
          })),
        ],
        suggest,
      });
    }
  },
});
