// The Kubernetes API server calls Knative's admission webhooks from outside the mesh; STRICT mTLS
// on their port refuses it. net-istio ships port-level PERMISSIVE PeerAuthentications for them
// (knative-extensions/net-istio config/400-webhook-peer-authentication.yaml). See README.md.
import { defineRule } from '../../src/engine/rule.js';
import { resolveDataplane } from '../../src/model/dataplane.js';
import type { EffectiveMtls, Model } from '../../src/model/model.js';
import type { PeerAuthentication } from '../../src/model/kinds.js';
import { arr, isRecord, str, type Labels } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { describePa, hasSidecar, listNames, mtlsPath } from '../../src/mtls/traffic.js';
import type { Suggestion } from '../../src/types.js';

/** Knative Serving's namespace (knative/serving config/core/100-namespace.yaml; SYSTEM_NAMESPACE). */
const SYSTEM_NAMESPACE = 'knative-serving';
/** knative.dev/pkg webhook default port, and WEBHOOK_PORT in the Deployments. */
const WEBHOOK_PORT = 8443;

interface WebhookKind {
  /** The pods' `app` label (and Deployment name). */
  app: string;
  /** The admission webhooks served, and what their failure breaks (failurePolicy: Fail). */
  impact: string;
}

const WEBHOOKS: readonly WebhookKind[] = [
  {
    // knative/serving config/core/deployments/webhook.yaml, config/core/webhooks/*.yaml
    app: 'webhook',
    impact:
      'every create or update of a Knative Service, Configuration, Route or Revision (`kn service create` included) and of Knative config maps is rejected with `failed calling webhook "webhook.serving.knative.dev"`',
  },
  {
    // net-istio config/500-webhook-deployment.yaml, config/600-mutating-webhook.yaml
    app: 'net-istio-webhook',
    impact:
      'objects labelled serving.knative.dev/configuration (the revisions\' Deployments) cannot be admitted (`failed calling webhook "webhook.istio.networking.internal.knative.dev"`), so no revision becomes ready',
  },
  {
    // Knative Serving releases before the DomainMapping webhook was folded into `webhook`
    // (net-istio #495 added a PeerAuthentication for it).
    app: 'domainmapping-webhook',
    impact: 'every create or update of a DomainMapping is rejected by its admission webhook',
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

function subjects(model: Model): Subject[] {
  const out: Subject[] = [];
  const seen = new Set<string>();
  for (const w of model.workloads) {
    if (w.kind !== 'Deployment' && w.kind !== 'Pod') continue;
    const kind = WEBHOOKS.find((k) => k.app === w.podLabels.app);
    if (!kind) continue;
    // Knative's own webhooks: in knative-serving, or wherever Knative Serving is installed.
    if (w.namespace !== SYSTEM_NAMESPACE && w.podLabels['app.kubernetes.io/name'] !== 'knative-serving') continue;
    seen.add(`${w.namespace}/${kind.app}`);
    const port = webhookPort(w);
    if (w.dataplane.mode === 'ambient') {
      out.push({ kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'ambient', why: w.dataplane.reason });
    } else if (hasSidecar(w) && !sidecarSkipsPort(w.podAnnotations, port)) {
      out.push({ kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'sidecar', why: w.dataplane.reason || 'an injected sidecar' });
    }
  }
  // The webhook Deployment is not in the input but its namespace is: its pods will be created with
  // the namespace's labels (knative/serving config/core/deployments/webhook.yaml pod labels).
  const ns = model.namespaces.get(SYSTEM_NAMESPACE);
  if (ns?.resource && !seen.has(`${SYSTEM_NAMESPACE}/webhook`)) {
    const labels = { app: 'webhook', role: 'webhook' };
    const dp = resolveDataplane({ namespaceLabels: ns.labels, podLabels: labels, podAnnotations: {} }, SYSTEM_NAMESPACE);
    if (dp.mode !== 'none') out.push({ kind: WEBHOOKS[0]!, namespace: SYSTEM_NAMESPACE, port: WEBHOOK_PORT, labels, mode: dp.mode, why: dp.reason });
  }
  return out;
}

function symptom(mode: Subject['mode']): string {
  return mode === 'sidecar'
    ? 'the sidecar answers the API server with its mesh certificate and demands a client certificate, so the handshake fails (x509: certificate is not valid for webhook… / EOF)'
    : "ztunnel refuses the API server's connection, which carries no mesh identity (connection reset / EOF)";
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
function misplacedPortLevel(model: Model, s: Subject): PeerAuthentication | undefined {
  for (const pa of model.policiesIn<PeerAuthentication>('PeerAuthentication', s.namespace)) {
    if (!pa.selector || Object.keys(pa.selector).length === 0) continue;
    if (!Object.entries(pa.selector).every(([k, v]) => s.labels[k] === v)) continue;
    for (const [port, mode] of pa.portLevel) if (port !== s.port && (mode === 'PERMISSIVE' || mode === 'DISABLE')) return pa;
  }
  return undefined;
}

export default defineRule({
  id: 'knative-webhook-strict-mtls',
  meta: {
    description:
      "STRICT mTLS applies to a Knative webhook's port in a mesh: the Kubernetes API server, outside the mesh, can no longer call the admission webhook.",
    severity: 'error',
    tags: ['security', 'mtls', 'knative'],
  },
  check(ctx) {
    const model = ctx.model;
    const bySource = new Map<string, { m: EffectiveMtls; items: Subject[] }>();
    for (const s of subjects(model)) {
      const m = model.effectiveMtlsFor(s.namespace, s.labels, s.port);
      if (m.mode !== 'STRICT' || !m.decidedBy) continue;
      const key = `${m.decidedBy.namespace}/${m.decidedBy.name}/${mtlsPath(m, s.port).join('.')}`;
      const e = bySource.get(key);
      if (e) e.items.push(s);
      else bySource.set(key, { m, items: [s] });
    }
    ctx.each([...bySource.values()].map((e) => ({ ...e, resource: e.m.decidedBy!.resource })), ({ m, items }) => {
      const pa = m.decidedBy!;
      const names = items.map((s) => (s.workload ? `${s.workload.kind} ${s.namespace}/${s.workload.name}` : `Knative's webhook pods in ${s.namespace} (their Deployment is not in the input)`));
      const modes = [...new Set(items.map((s) => s.mode))].map((mode) => {
        const why = [...new Set(items.filter((s) => s.mode === mode).map((s) => s.why))].join(', ');
        return `${mode === 'sidecar' ? 'With a sidecar' : 'In ambient'} (${why}), ${symptom(mode)}.`;
      });
      const impacts = items.map((s) => {
        const misplaced = misplacedPortLevel(model, s);
        const note = misplaced ? ` (PeerAuthentication ${misplaced.namespace}/${misplaced.name} sets port-level mTLS, but not for port ${s.port}: portLevelMtls names the pod's port, not the Service's 443)` : '';
        return `for ${s.kind.app}${note}, ${s.kind.impact}`;
      });
      const suggestions: Suggestion[] = items.map((s) => ({
        desc: `Accept plaintext on ${s.kind.app}'s port ${s.port} as net-istio does (config/400-webhook-peer-authentication.yaml)`,
        fix: fixYaml(s),
      }));
      ctx.report({
        at: { resource: pa.resource, path: mtlsPath(m, items[0]!.port) },
        message:
          `${describePa(model, m)} makes mTLS STRICT on port ${listNames(items.map((s) => String(s.port)))} of ${listNames(names)}, admission webhooks the Kubernetes API server calls from outside the mesh. ` +
          `${modes.join(' ')} So ${impacts.join('; ')}. ` +
          `Add a PeerAuthentication with port-level PERMISSIVE for the webhook port (net-istio ships one), or set ${SYSTEM_NAMESPACE} to PERMISSIVE.`,
        suggestions,
      });
    });
  },
});
