// Knative's system pods call every revision pod: the activator probes and proxies to queue-proxy
// (knative/serving pkg/activator/net/revision_backends.go), the autoscaler scrapes its metrics
// (pkg/autoscaler/metrics/stats_scraper.go). Each request is decided by the evaluator that
// `meshlint check-access` uses (src/authz/access.ts). See README.md.
import { stringify } from 'yaml';
import { checkAccess, type AccessDecision, type Peer } from '../../src/authz/access.js';
import { isImplicitWaypointPolicy, ztunnelPoliciesFor } from '../../src/authz/waypoints.js';
import { requestShape, sourceWitnesses, type RequestShape } from '../../src/authz/witness.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { interpolate } from '../../src/engine/run-rules.js';
import type { DataplaneAssumption } from '../../src/model/dataplane.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { At } from '../../src/model/resource.js';
import type { Path, Suggestion } from '../../src/types.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** queue-proxy ports (knative/serving pkg/networking/constants.go). */
const QUEUE_HTTP1 = 8012;
const QUEUE_H2C = 8013;
const AUTOSCALER_METRICS = 9090;

type RequestKind = 'probe' | 'proxy' | 'scrape';

interface SystemPeer {
  peer: Peer;
  /** The identity it presents over mTLS. */
  principal: string;
}

interface Failure {
  kind: RequestKind;
  port: number;
  /** Whether the system pod reached the destination in plaintext. */
  plaintext: boolean;
  /** For `proxy`: a request admitted from another client and refused from the activator. */
  witness?: { principal: string; shape: RequestShape };
  /** For `proxy`: the ALLOW policy that admits the witness, where the activator belongs too. */
  admittedBy?: AuthorizationPolicy;
  /** The data planes the refusal assumed (the system pod's, the revision's). */
  assumptions: readonly DataplaneAssumption[];
}

interface Blame {
  policy: AuthorizationPolicy;
  path: Path;
  part: 'key' | 'value';
  /** The DENY rule that matched, or undefined when no ALLOW rule matched. */
  denyRule?: number;
  /** Where its rules with HTTP attributes were dropped: `ztunnel`, or `sidecar` on a non-HTTP port. */
  droppedAt?: string;
  failures: Map<Workload, Failure[]>;
}

interface Options {
  /** The namespace Knative Serving's system pods run in (`knative-serving` in its release manifests). */
  systemNamespace: string;
  /** The activator's service account (`activator`, config/core/deployments/activator.yaml). */
  activatorServiceAccount: string;
  /** The autoscaler's service account (`controller`, config/core/deployments/autoscaler.yaml). */
  autoscalerServiceAccount: string;
}

const DEFAULTS: Options = { systemNamespace: 'knative-serving', activatorServiceAccount: 'activator', autoscalerServiceAccount: 'controller' };

/**
 * The activator or autoscaler as a request source: its Deployment when the input holds it, else a
 * pod of the system namespace with the data plane the model gives pods it does not hold
 * (the namespace's labels when they choose one, else evidence or `mesh.assumeDataPlane`).
 */
function systemPeer(model: Model, systemNs: string, app: 'activator' | 'autoscaler', defaultSa: string): SystemPeer {
  const found = model.workloadsIn(systemNs).find((w) => w.podLabels.app === app || (w.name === app && w.kind === 'Deployment'));
  if (found) return { peer: { kind: 'workload', workload: found }, principal: model.identityOf(found) };
  const principal = `${model.mesh.trustDomain}/ns/${systemNs}/sa/${defaultSa}`;
  return { peer: { kind: 'pod', namespace: systemNs, serviceAccount: defaultSa, dataplane: model.dataplaneFor(systemNs), label: `the ${app} of namespace ${systemNs}` }, principal };
}

function sentPlaintext(d: AccessDecision): boolean {
  return d.trace.some((t) => t.enforcement === 'mtls' && t.outcome === 'plaintext');
}

type Blamed = Omit<Blame, 'failures'>;

/** The policy nodes that refuse a request: the matching DENY rule, or every ALLOW policy that applies. */
function blamed(d: AccessDecision): Blamed[] {
  const pd = d.policyDecision;
  if (d.decision !== 'DENY' || !pd) return [];
  const by = pd.decidedBy;
  if (by && by.policy.action === 'DENY' && by.rule !== undefined) {
    return [{ policy: by.policy, path: ['spec', 'rules', by.rule], part: 'value', denyRule: by.rule }];
  }
  const out: Blamed[] = [];
  for (const t of pd.trace) {
    const p = t.policy;
    if (p.action !== 'ALLOW' || p.dryRun || isImplicitWaypointPolicy(p) || out.some((o) => o.policy === p)) continue;
    if (t.outcome !== 'no-match' && t.outcome !== 'skipped') continue;
    out.push({ policy: p, path: p.rules ? ['spec', 'rules'] : ['spec'], part: 'key', droppedAt: t.outcome === 'skipped' ? pd.enforcement : undefined });
  }
  return out;
}

/**
 * Requests the activator forwards carry the client's method and path but the activator's identity.
 * A witness is a request some ALLOW rule admits from its own client; the activator fails when the
 * same request is refused from it. Candidates come from the rules of the policies on the pod.
 */
function proxyFailure(model: Model, w: Workload, activator: SystemPeer, port: number): Failure | undefined {
  const td = model.mesh.trustDomain;
  const policies = w.dataplane.mode === 'ambient' ? ztunnelPoliciesFor(model, w) : model.authorizationPoliciesFor(w);
  const candidates: Array<{ principal: string; shape: RequestShape }> = [{ principal: `${td}/ns/${w.namespace}/sa/default`, shape: { method: 'GET', path: '/' } }];
  for (const p of policies) {
    if (p.action !== 'ALLOW' || p.dryRun || !p.rules) continue;
    p.rules.forEach((rule, i) => {
      const shape = requestShape(rule);
      const from = isRecord(rule) ? arr(rule.from) : [];
      const sources = from.length > 0 ? sourceWitnesses(p, td, [i]) : [{ principal: `${td}/ns/${w.namespace}/sa/default` }];
      for (const s of sources) if (s.principal && !s.sourceIp) candidates.push({ principal: s.principal, shape });
    });
  }
  const seen = new Set<string>();
  for (const c of candidates.slice(0, 40)) {
    if (c.principal === activator.principal) continue;
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    const req = { to: { workload: w }, port, ...c.shape };
    const admitted = checkAccess(model, { ...req, from: { kind: 'principal', principal: c.principal } });
    if (admitted.decision !== 'ALLOW') continue;
    const d = checkAccess(model, { ...req, from: activator.peer });
    if (d.decision === 'DENY' && d.policyDecision) {
      const by = admitted.policyDecision?.decidedBy?.policy;
      return { kind: 'proxy', port, plaintext: sentPlaintext(d), witness: c, admittedBy: by && !isImplicitWaypointPolicy(by) ? by : undefined, assumptions: d.assumptions };
    }
  }
  return undefined;
}

function workloadLabel(w: Workload): string {
  const kind = w.resource.group === 'serving.knative.dev' ? `Knative ${w.kind}` : w.kind;
  return `${kind} ${w.namespace}/${w.name}`;
}

/** "knative-serving/activator" for cluster.local/ns/knative-serving/sa/activator; other principals as they are. */
function accountOf(principal: string): string {
  const m = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return m ? `${m[1]}/${m[2]}` : principal;
}

/** The refused requests, in a few words: what, on which port, from which service account (or in plaintext). */
function requestsText(fs: readonly Failure[], activator: string, autoscaler: string): string {
  const allPlain = fs.every((f) => f.plaintext);
  const byPort = new Map<string, { what: string[]; port: number; from: string }>();
  for (const f of fs) {
    const from = f.plaintext ? (allPlain ? '' : ', in plaintext') : `, from ${accountOf(f.kind === 'scrape' ? autoscaler : activator)}`;
    const key = `${f.port}${from}`;
    const e = byPort.get(key) ?? { what: [], port: f.port, from };
    e.what.push(f.kind === 'probe' ? 'probes' : f.kind === 'proxy' ? 'forwarded requests' : 'metrics scrapes');
    byPort.set(key, e);
  }
  const parts = [...byPort.values()].map((e) => `${listText(e.what)} (port ${e.port}${e.from})`);
  return `Knative's ${listText(parts)}${allPlain ? ', sent in plaintext with no identity,' : ''}`;
}

function consequence(kind: RequestKind, ambient: boolean): string {
  switch (kind) {
    case 'probe':
      return 'requests the activator holds time out';
    case 'proxy':
      return ambient ? 'ztunnel resets the ones it forwards' : 'the ones it forwards get 403';
    case 'scrape':
      return 'the autoscaler gets no metrics';
  }
}

/**
 * The fix in a few words, the last sentence of every message (`{{fix}}`); the suggestion carries the
 * YAML and the longer description. A table beside `meta.messages`, so all the wording reads in one place.
 */
const FIX_TEXT = {
  exemptPaths: 'Exempt /healthz and /metrics from its DENY rule {{rule}}, and give {{systemNamespace}} a sidecar.',
  // The system pods have sidecars that send plaintext (auto mTLS off, no DestinationRule ISTIO_MUTUAL).
  exemptPathsMtls: 'Exempt /healthz and /metrics from its DENY rule {{rule}}, and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).',
  allowPathsMtls: 'Allow /healthz and /metrics (Knative docs), and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).',
  exemptNamespace: 'Exempt namespace {{systemNamespace}} from its DENY rule {{rule}}.',
  allowPaths: 'Allow /healthz and /metrics (Knative docs), and give {{systemNamespace}} a sidecar.',
  enrolNamespace: 'Enrol {{systemNamespace}} in the mesh, then allow that namespace.',
  allowNamespace: 'Allow namespace {{systemNamespace}}.',
};

/** The fix sentence; `systemSidecar`: the system pods have sidecars, so their plaintext is a TLS setting, not a missing proxy. */
function fixText(b: Blame, anyPlaintext: boolean, ambient: boolean, systemNs: string, systemSidecar: boolean): string {
  const paths = anyPlaintext && !ambient;
  const key: keyof typeof FIX_TEXT =
    b.denyRule !== undefined
      ? paths
        ? systemSidecar
          ? 'exemptPathsMtls'
          : 'exemptPaths'
        : 'exemptNamespace'
      : paths
        ? systemSidecar
          ? 'allowPathsMtls'
          : 'allowPaths'
        : anyPlaintext
          ? 'enrolNamespace'
          : 'allowNamespace';
  return interpolate(FIX_TEXT[key], { rule: b.denyRule, systemNamespace: systemNs });
}

function fixFor(b: Blame, anyPlaintext: boolean, ambient: boolean, systemNs: string): Suggestion {
  const ns = b.policy.namespace;
  if (b.denyRule !== undefined) {
    const rule = b.policy.rules?.[b.denyRule];
    const changed: Record<string, unknown> = isRecord(rule) ? structuredClone(rule) : {};
    let desc: string;
    if (anyPlaintext && !ambient) {
      const to = arr(changed.to).filter(isRecord);
      if (to.length === 0) changed.to = [{ operation: { notPaths: ['/healthz', '/metrics'] } }];
      for (const t of to) {
        const op = isRecord(t.operation) ? t.operation : (t.operation = {});
        op.notPaths = [...arr(op.notPaths), '/healthz', '/metrics'];
      }
      desc = `Exempt Knative's probe and metrics paths from rule ${b.denyRule} of DENY policy "${b.policy.name}" (and give ${systemNs} a sidecar so the activator's forwarded requests carry its identity)`;
    } else {
      const from = arr(changed.from).filter(isRecord);
      if (from.length === 0) changed.from = [{ source: { notNamespaces: [systemNs] } }];
      for (const f of from) {
        const s = isRecord(f.source) ? f.source : (f.source = {});
        s.notNamespaces = [...arr(s.notNamespaces), systemNs];
      }
      desc = `Exempt the ${systemNs} namespace from rule ${b.denyRule} of DENY policy "${b.policy.name}"`;
    }
    return { desc, fix: `# AuthorizationPolicy ${ns}/${b.policy.name}, spec.rules[${b.denyRule}]:\n${stringify([changed])}` };
  }
  const byPaths = anyPlaintext && !ambient;
  const rules = byPaths ? [{ to: [{ operation: { paths: ['/metrics', '/healthz'] } }] }] : [{ from: [{ source: { namespaces: [systemNs] } }] }];
  const policy = {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: byPaths ? 'allowlist-by-paths' : 'allow-knative-system', namespace: ns },
    spec: { action: 'ALLOW', rules },
  };
  const desc = byPaths
    ? `Allow Knative's probe and metrics paths in namespace "${ns}", as the Knative docs do; requests forwarded by the activator also need ${systemNs} to run with a sidecar (label it istio-injection=enabled)`
    : anyPlaintext
      ? `Enrol ${systemNs} in the mesh (ztunnel cannot match paths, so the system pods must present their identity), then allow that namespace in "${ns}"`
      : `Allow requests from the ${systemNs} namespace in "${ns}", as the Knative docs do`;
  return { desc, fix: stringify(policy) };
}

type MessageIds = 'denyRuleMatches' | 'layer7RulesDropped' | 'noAllowRuleMatches' | 'noRules';

/** Why the policy refuses the requests: the DENY rule that matches, or why no ALLOW rule does. */
function reason(b: Blame): MessageIds {
  if (b.denyRule !== undefined) return 'denyRuleMatches';
  if (b.droppedAt === 'ztunnel') return 'layer7RulesDropped';
  return b.policy.rules ? 'noAllowRuleMatches' : 'noRules';
}

const REFUSES = 'AuthorizationPolicy "{{name}}" refuses {{requests}} to {{pods}}:';
const THEN = '{{consequences}}. {{fix}}';

export default defineRule<MessageIds, [Options]>({
  meta: {
    type: 'problem',
    docs: {
      description: "An AuthorizationPolicy on a Knative revision's pods refuses the activator's probes and proxied requests or the autoscaler's metrics scrape.",
      url: docsUrl('knative-system-access'),
      recommended: true,
      tags: ['security', 'knative', 'authorization'],
    },
    messages: {
      denyRuleMatches: `${REFUSES} its DENY rule {{rule}} matches them. ${THEN}`,
      layer7RulesDropped: `${REFUSES} ztunnel drops its layer-7 rules, and no other rule matches them. ${THEN}`,
      noAllowRuleMatches: `${REFUSES} no ALLOW rule matches them. ${THEN}`,
      noRules: `${REFUSES} it has no rules, and no other ALLOW policy matches them. ${THEN}`,
    },
    schema: [
      {
        type: 'object',
        properties: {
          systemNamespace: { type: 'string', minLength: 1, description: "The namespace of Knative Serving's activator and autoscaler." },
          activatorServiceAccount: { type: 'string', minLength: 1, description: "The activator's service account, when the input does not hold its Deployment." },
          autoscalerServiceAccount: { type: 'string', minLength: 1, description: "The autoscaler's service account, when the input does not hold its Deployment." },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULTS],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.access, READS.identities, READS.waypoints),
  },
  create(context) {
    const model = context.model;
    const opts: Options = { ...DEFAULTS, ...context.options[0] };
    const systemNs = opts.systemNamespace;
    let peers: { activator: SystemPeer; autoscaler: SystemPeer } | undefined;
    const blames = new Map<string, Blame>();
    const addFailure = (d: AccessDecision, w: Workload, f: Failure) => {
      let nodes = blamed(d);
      // A forwarded request refused for want of an ALLOW: the fix belongs in the policy that admits
      // the same request from its own client (as the Knative docs extend "allow-serving-tests").
      if (f.admittedBy && nodes.every((n) => n.denyRule === undefined)) {
        const own = nodes.filter((n) => n.policy === f.admittedBy);
        if (own.length > 0) nodes = own;
      }
      for (const b of nodes) {
        const key = `${b.policy.namespace}/${b.policy.name}\u0000${b.path.join('.')}`;
        let entry = blames.get(key);
        if (!entry) blames.set(key, (entry = { ...b, failures: new Map() }));
        entry.droppedAt ??= b.droppedAt;
        const list = entry.failures.get(w) ?? [];
        if (!list.some((x) => x.kind === f.kind)) list.push(f);
        entry.failures.set(w, list);
      }
    };
    return {
      Workload(w) {
        if (!w.knative || w.dataplane.mode === 'none') return;
        peers ??= {
          activator: systemPeer(model, systemNs, 'activator', opts.activatorServiceAccount),
          autoscaler: systemPeer(model, systemNs, 'autoscaler', opts.autoscalerServiceAccount),
        };
        const { activator, autoscaler } = peers;
        // The first container port named h2c makes the revision HTTP/2 (pkg/apis/serving/v1/revision_helpers.go).
        const queuePort = w.ports[0]?.name === 'h2c' ? QUEUE_H2C : QUEUE_HTTP1;
        const probe = checkAccess(model, {
          from: activator.peer,
          to: { workload: w },
          port: queuePort,
          method: 'GET',
          path: '/healthz',
          headers: { 'K-Network-Probe': 'queue', 'User-Agent': 'Knative-Activator-Probe' },
        });
        if (probe.decision === 'DENY') addFailure(probe, w, { kind: 'probe', port: queuePort, plaintext: sentPlaintext(probe), assumptions: probe.assumptions });
        const proxy = proxyFailure(model, w, activator, queuePort);
        if (proxy) {
          const d = checkAccess(model, { from: activator.peer, to: { workload: w }, port: queuePort, ...proxy.witness!.shape });
          addFailure(d, w, proxy);
        }
        const scrape = checkAccess(model, { from: autoscaler.peer, to: { workload: w }, port: AUTOSCALER_METRICS, method: 'GET', path: '/metrics' });
        if (scrape.decision === 'DENY') addFailure(scrape, w, { kind: 'scrape', port: AUTOSCALER_METRICS, plaintext: sentPlaintext(scrape), assumptions: scrape.assumptions });
      },
      'Mesh:exit'() {
        if (!peers) return;
        const { activator, autoscaler } = peers;
        const order: RequestKind[] = ['probe', 'proxy', 'scrape'];
        for (const b of blames.values()) {
          // One report per group of pods that fail the same way.
          const groups = new Map<string, { workloads: Workload[]; failures: Failure[] }>();
          for (const [w, fs] of [...b.failures].sort(([a], [c]) => workloadLabel(a).localeCompare(workloadLabel(c)))) {
            fs.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
            const key = `${w.dataplane.mode}:${fs.map((f) => `${f.kind}:${f.plaintext}`).join(',')}`;
            const g = groups.get(key);
            if (g) g.workloads.push(w);
            else groups.set(key, { workloads: [w], failures: fs });
          }
          for (const g of groups.values()) {
            // Up to three, comma-separated, then "and N more".
            const names = g.workloads.slice(0, 3).map(workloadLabel);
            const pods = `${names.join(', ')}${g.workloads.length > 3 ? ` and ${g.workloads.length - 3} more` : ''}`;
            const anyPlaintext = g.failures.some((f) => f.plaintext);
            const ambient = g.workloads[0]!.dataplane.mode === 'ambient';
            const effects = g.failures.map((f) => consequence(f.kind, ambient));
            // "the ones it forwards" needs the activator named first.
            if (!g.failures.some((f) => f.kind === 'probe')) for (let i = 0; i < effects.length; i++) effects[i] = effects[i]!.replace('the ones it forwards', 'requests the activator forwards');
            const effectText = listText(effects);
            context.report({
              at: { resource: b.policy.resource, path: b.path, part: b.part },
              messageId: reason(b),
              data: {
                name: b.policy.name,
                requests: requestsText(g.failures, activator.principal, autoscaler.principal),
                pods,
                rule: b.denyRule,
                consequences: `${effectText.charAt(0).toUpperCase()}${effectText.slice(1)}`,
                fix: fixText(b, anyPlaintext, ambient, systemNs, peerMode(activator.peer) === 'sidecar'),
              },
              assumptions: model.assumptionsOf(g.failures.flatMap((f) => f.assumptions)),
              suggest: [() => fixFor(b, anyPlaintext, ambient, systemNs)],
              related: witnessRelated(b, g.failures, activator.principal),
            });
          }
        }
      },
    };
  },
});

/**
 * The request that shows forwarded requests fail: admitted from its own client, refused when the
 * activator forwards it with its own identity. Pointed at the policy that admits it.
 */
function witnessRelated(b: Blame, fs: readonly Failure[], activator: string): Array<{ at: At; message: string }> {
  const f = fs.find((x) => x.kind === 'proxy' && x.witness);
  if (!f) return [];
  const w = f.witness!;
  const req = `${w.shape.method ?? 'GET'} ${w.shape.path ?? '/'}`;
  const p = f.admittedBy ?? b.policy;
  return [
    {
      at: { resource: p.resource, path: p.rules ? ['spec', 'rules'] : ['spec'], part: 'key' },
      message: `${req} on port ${f.port} is admitted from ${w.principal}, but not when the activator forwards it ${f.plaintext ? 'in plaintext, with no identity' : `as ${activator}`}`,
    },
  ];
}

/** The data plane a system peer runs in (a principal alone: unknown). */
function peerMode(peer: Peer): string | undefined {
  return peer.kind === 'workload' ? peer.workload.dataplane.mode : peer.kind === 'pod' ? peer.dataplane.mode : undefined;
}
