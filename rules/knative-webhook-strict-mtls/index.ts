// The Kubernetes API server calls Knative's admission webhooks from outside the mesh; STRICT mTLS
// on their port refuses it. net-istio ships port-level PERMISSIVE PeerAuthentications for them
// (knative-extensions/net-istio config/400-webhook-peer-authentication.yaml). See README.md.
import { legacyRule } from '../../src/engine/rule.js';
import type { DataplaneResolution } from '../../src/model/dataplane.js';
import type { EffectiveMtls, Model } from '../../src/mesh/model.js';
import type { PeerAuthentication } from '../../src/model/kinds.js';
import { arr, isRecord, str, type At, type Labels } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { hasSidecar, listNames, mtlsPath } from '../../src/mtls/traffic.js';
import type { Suggestion } from '../../src/types.js';

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
      out.push({ kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'ambient', why: w.dataplane.reason, dataplane: w.dataplane });
    } else if (hasSidecar(w) && !sidecarSkipsPort(w.podAnnotations, port)) {
      out.push({ kind, namespace: w.namespace, workload: w, port, labels: w.podLabels, mode: 'sidecar', why: w.dataplane.reason || 'an injected sidecar', dataplane: w.dataplane });
    }
  }
  // The webhook Deployment is not in the input but its namespace is: its pods will be created with
  // the namespace's labels (knative/serving config/core/deployments/webhook.yaml pod labels).
  const ns = model.namespaces.get(SYSTEM_NAMESPACE);
  if (ns?.resource && !seen.has(`${SYSTEM_NAMESPACE}/webhook`)) {
    const labels = { app: 'webhook', role: 'webhook' };
    const dp = model.dataplaneFor(SYSTEM_NAMESPACE);
    if (dp.mode !== 'none') out.push({ kind: WEBHOOKS[0]!, namespace: SYSTEM_NAMESPACE, port: WEBHOOK_PORT, labels, mode: dp.mode, why: dp.reason, dataplane: dp });
  }
  return out;
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

export default legacyRule({
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
      const namespaces = [...new Set(items.map((s) => s.namespace))];
      const names = items.map((s) => `"${namespaces.length > 1 ? `${s.namespace}/` : ''}${s.workload ? s.workload.name : s.kind.app}"`);
      const absent = items.filter((s) => !s.workload).map((s) => `"${s.kind.app}"`);
      const absentNote = absent.length > 0 ? ` (the ${listNames(absent)} Deployment${absent.length > 1 ? 's are' : ' is'} not in the input)` : '';
      const modes = [...new Set(items.map((s) => s.mode))].map((mode) => symptom(mode, items.length > 1));
      const misplaced = items.flatMap((s) => {
        const m = misplacedPortLevel(model, s);
        return m ? [{ ...m, subject: s }] : [];
      });
      const note = misplaced.length > 0 ? ` PeerAuthentication ${misplaced[0]!.pa.namespace}/${misplaced[0]!.pa.name} exempts port ${misplaced[0]!.port}, not the pod's ${misplaced[0]!.subject.port}.` : '';
      const suggestions: Suggestion[] = items.map((s) => ({
        desc: `Accept plaintext on ${s.kind.app}'s port ${s.port} as net-istio does (config/400-webhook-peer-authentication.yaml)`,
        fix: fixYaml(s),
      }));
      const ports = listNames([...new Set(items.map((s) => String(s.port)))]);
      ctx.report({
        at: { resource: pa.resource, path: mtlsPath(m, items[0]!.port) },
        message:
          `PeerAuthentication ${pa.namespace}/${pa.name} makes port ${ports} STRICT for the ${listNames(names)} admission webhook${items.length > 1 ? 's' : ''} in ${listNames(namespaces)}${absentNote}: ` +
          `${modes.join('; ')}, so ${listNames([...new Set(items.map((s) => s.kind.impact))])}.${note} ` +
          `Add net-istio's PERMISSIVE exception for port ${ports}.`,
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
        suggestions,
      });
    });
  },
});
