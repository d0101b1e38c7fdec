// Identity fields need the peer certificate: istio pilot/pkg/security/authz/model/generator.go
// (principalAuthenticated matchers), Envoy source/extensions/filters/common/rbac/matchers.cc
// (AuthenticatedMatcher: no TLS, no match). Who gets mTLS: pilot/pkg/security/authn/policy_applier.go
// (PeerAuthentication DISABLE), pilot/pkg/networking/core/cluster_tls.go (auto mTLS sends plaintext
// to DISABLE). See README.md.
import { fieldLabel, sourceFieldUses, type SourceFieldUse } from '../../src/authz/fields.js';
import { defineRule, docsUrl, ignoreNamespacesSchema, type MeshReport } from '../../src/engine/rule.js';
import type { DataplaneAssumption } from '../../src/model/dataplane.js';
import type { AuthorizationPolicy, PeerAuthentication } from '../../src/model/kinds.js';
import { isIstioGatewayWorkload, type Model } from '../../src/mesh/model.js';
import { arr, isRecord, type Labels } from '../../src/model/resource.js';
import { clientsWithoutIdentity, type ClientsWithoutIdentity } from '../../src/mtls/client-identity.js';
import { clientAssumptions, describeClients, hasSidecar, type ClientView } from '../../src/mtls/traffic.js';
import type { Workload } from '../../src/model/workloads.js';
import { quoted } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

const FIELDS = {
  source: [
    ['principals', false],
    ['notPrincipals', true],
    ['namespaces', false],
    ['notNamespaces', true],
    ['serviceAccounts', false],
    ['notServiceAccounts', true],
    ['trustDomains', false],
    ['notTrustDomains', true],
  ],
  when: ['source.principal', 'source.namespace', 'source.serviceAccount', 'source.trustDomain'],
} as const;

function subset(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

function workloadLabel(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

function describe(ws: readonly Workload[]): string {
  const names = ws.slice(0, 3).map(workloadLabel);
  return ws.length > 3 ? `${names.join(', ')} and ${ws.length - 3} more` : names.join(', ');
}

/**
 * The PeerAuthentication that DISABLEs mTLS for a sidecar workload on every port, if any. When the
 * workload's own PeerAuthentication turns mTLS back on for some port (`portLevelMtls` STRICT or
 * PERMISSIVE), it is not judged: the model decides per port which PeerAuthentication wins.
 */
function disabledBy(model: Model, w: Workload): PeerAuthentication | undefined {
  const em = model.effectiveMtls(w);
  if (em.mode !== 'DISABLE' || !em.decidedBy) return undefined;
  if (w.namespace !== model.rootNamespace) {
    for (const pa of model.policiesIn<PeerAuthentication>('PeerAuthentication', w.namespace)) {
      if (!pa.selector || Object.keys(pa.selector).length === 0 || !subset(pa.selector, w.podLabels)) continue;
      for (const port of pa.portLevel.keys()) if (model.effectiveMtls(w, port).mode !== 'DISABLE') return undefined;
    }
  }
  return em.decidedBy;
}

/**
 * A workload that runs no proxy at all: no sidecar, not ambient, not an Istio gateway — as the
 * input shows it, not as assumed (a finding about unchecked traffic needs the namespace's labels,
 * or pod labels that opt out of both).
 */
function hasNoProxy(w: Workload): boolean {
  return w.dataplane.mode === 'none' && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}

function subject(use: SourceFieldUse): string {
  return use.whenIndex === undefined && use.fromCount > 1 ? `this rule's from[${use.fromIndex}] entry` : 'this rule';
}

/** What Envoy does with a field that sees no peer identity (the field is named earlier in the message). */
function consequence(p: AuthorizationPolicy, use: SourceFieldUse): string {
  if (use.negative) {
    const verb = p.action === 'DENY' ? 'denies' : p.action === 'AUDIT' ? 'audits' : p.action === 'CUSTOM' ? 'sends to the external authorizer' : 'admits';
    const shown = quoted(use.values.slice(0, 3).map((v) => v.value));
    const listed = use.values.length > 3 ? `${shown.join(', ')} and ${use.values.length - 3} more` : shown.join(', ');
    return `it matches every caller and this rule ${verb} every request that meets its other conditions, even from ${listed}`;
  }
  switch (p.action) {
    case 'DENY':
      return `it never matches and ${subject(use)} denies nothing: the callers it should block get through`;
    case 'AUDIT':
      return `it never matches and ${subject(use)} audits nothing`;
    case 'CUSTOM':
      return `it never matches and ${subject(use)} sends nothing to the external authorizer`;
    default:
      return `it never matches and ${subject(use)} admits nothing: its callers get 403 unless another rule admits them`;
  }
}

/** The `not` form of a positive identity field, for the ALLOW a DENY can be rewritten as. */
function negated(use: SourceFieldUse): string {
  if (use.whenIndex !== undefined) return `the "${use.field}" condition with notValues`;
  return `"not${use.field[0]!.toUpperCase()}${use.field.slice(1)}"`;
}

/** Ports a rule is limited to (`to.operation.ports` on every `to` entry), else undefined: any port. */
function rulePorts(p: AuthorizationPolicy, ruleIndex: number): number[] | undefined {
  const rule = p.rules?.[ruleIndex];
  if (!isRecord(rule)) return undefined;
  const to = arr(rule.to);
  if (to.length === 0) return undefined;
  const ports: number[] = [];
  for (const t of to) {
    const op = isRecord(t) && isRecord(t.operation) ? t.operation : undefined;
    const list = op ? arr(op.ports).map((x) => Number(x)).filter((n) => Number.isInteger(n)) : [];
    if (list.length === 0) return undefined;
    ports.push(...list);
  }
  return [...new Set(ports)];
}

/**
 * Why a workload in the mesh accepts plaintext on a port (or on its other ports: `port`
 * undefined), or undefined when it requires mTLS there. ztunnel's mode is what istiod sends it
 * (Model.ztunnelMtls, which follows convertPeerAuthentication's precedence slip).
 */
function plaintextWhy(model: Model, w: Workload, port: number | undefined): string | undefined {
  const zt = w.dataplane.mode === 'ambient' ? model.ztunnelMtls(w, port) : undefined;
  const em = zt ?? model.effectiveMtls(w, port);
  if (em.mode === 'STRICT') return undefined;
  if (zt?.istiodSlip) {
    const { workload: wpa, mesh } = zt.istiodSlip;
    return `PeerAuthentication ${wpa.namespace}/${wpa.name} makes port ${port} STRICT under the mesh-wide STRICT ${mesh.namespace}/${mesh.name}, but istiod's convertPeerAuthentication sends ztunnel no policy for it, so ztunnel accepts plaintext there`;
  }
  if (em.decidedBy) return `PeerAuthentication ${em.decidedBy.namespace}/${em.decidedBy.name} sets ${em.mode}${em.portLevel ? ` on port ${port}` : ''}`;
  return 'no PeerAuthentication applies, and Istio\'s default is PERMISSIVE';
}

/** How the clients reach the pods: the mode their DestinationRule sets, or auto mTLS being off. */
function how(c: ClientsWithoutIdentity): string {
  if (!c.rule) return 'in plaintext, as enableAutoMtls is false and no DestinationRule gives them tls.mode ISTIO_MUTUAL';
  const rule = `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`;
  switch (c.mode) {
    case 'DISABLE':
      return `in plaintext (tls.mode DISABLE in ${rule})`;
    case 'SIMPLE':
      return `with TLS but no client certificate (tls.mode SIMPLE in ${rule})`;
    case 'MUTUAL':
      return `with the certificate of ${rule} (tls.mode MUTUAL), not their Istio one`;
    default:
      return `with tls.mode ${c.mode} (${rule})`;
  }
}

/** The pods' and their clients' assumptions name the same namespace once. */
function uniqueAssumptions(list: readonly DataplaneAssumption[]): DataplaneAssumption[] {
  const seen = new Set<string>();
  return list.filter((a) => {
    const key = `${a.namespace}/${a.dataPlane}/${a.missing}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** One reason several workloads' clients send no identity: a rule and mode, or auto mTLS off. */
interface ClientGroup {
  first: ClientsWithoutIdentity;
  workloads: Workload[];
  services: string[];
  views: ClientView[];
}

type MessageIds = 'identityWithoutMtls' | 'identityWithoutClientMtls' | 'denyOnPlaintext' | 'identityWithoutProxy';
type Options = [{ ignoreNamespaces: string[] }];
const DEFAULT_OPTIONS: Options[0] = { ignoreNamespaces: [] };

export default defineRule<MessageIds, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy matches callers by identity (principals, namespaces, service accounts) on workloads that receive no mTLS, or a DENY does so on workloads that accept plaintext.',
      url: docsUrl('source-identity-without-mtls'),
      recommended: true,
      aliases: ['KIA0105'],
      tags: ['security', 'authorization', 'mtls'],
    },
    messages: {
      identityWithoutMtls:
        'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but PeerAuthentication {{peerAuthentication}} turns mTLS off for {{workloads}}, so {{consequence}}. Enable mTLS there, or match callers by ipBlocks.',
      identityWithoutClientMtls:
        'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but {{clients}} call {{services}} {{how}}: {{workloads}} {{see}} no Istio identity from them, so for them {{consequence}}. {{fix}}',
      denyOnPlaintext:
        'AuthorizationPolicy "{{name}}" denies callers by {{field}}, which needs mTLS, but {{workloads}} {{accept}} plaintext ({{why}}): a client outside the mesh presents no identity, so this DENY rule does not match it and it gets through. Require mTLS with a STRICT PeerAuthentication, or write an ALLOW policy with {{negated}}.',
      identityWithoutProxy:
        'AuthorizationPolicy "{{name}}" matches callers by {{fields}}, which {{need}} mTLS, but {{workloads}} {{have}} no sidecar and {{are}} not in ambient: no proxy enforces the policy there, so every request gets through unchecked. Add {{them}} to the mesh (sidecar injection or ambient).',
    },
    schema: ignoreNamespacesSchema('Namespaces whose AuthorizationPolicies are not checked.'),
    defaultOptions: [DEFAULT_OPTIONS],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.clientViews, READS.peerAuthentications, READS.services, READS.workloads),
  },
  create(context) {
    const model = context.model;
    // The engine merges defaultOptions in; a caller that runs the rule directly may pass none.
    const ignored = new Set((context.options[0] ?? DEFAULT_OPTIONS).ignoreNamespaces);
    // Each workload's mTLS verdict, computed once however many policies cover it.
    const verdicts = new Map<Workload, PeerAuthentication | 'no-proxy' | undefined>();
    const verdict = (w: Workload) => {
      if (verdicts.has(w)) return verdicts.get(w);
      let v: PeerAuthentication | 'no-proxy' | undefined;
      if (w.dataplane.mode === 'sidecar' && !isIstioGatewayWorkload(w)) v = disabledBy(model, w);
      else if (hasNoProxy(w)) v = 'no-proxy';
      verdicts.set(w, v);
      return v;
    };
    const reportPermissiveDeny = (p: AuthorizationPolicy, uses: SourceFieldUse[], selected: readonly Workload[], disabled: Map<PeerAuthentication, Workload[]>) => {
      const disabledWs = new Set([...disabled.values()].flat());
      for (const use of uses) {
        if (use.negative) continue;
        const ports = rulePorts(p, use.ruleIndex);
        const open: Array<{ w: Workload; why: string; pa?: PeerAuthentication }> = [];
        for (const w of selected) {
          if (w.dataplane.mode === 'none' || isIstioGatewayWorkload(w) || disabledWs.has(w)) continue;
          for (const port of ports ?? [undefined, ...w.ports.map((x) => x.port)]) {
            const why = plaintextWhy(model, w, port);
            if (!why) continue;
            const em = w.dataplane.mode === 'ambient' ? model.ztunnelMtls(w, port) : model.effectiveMtls(w, port);
            open.push({ w, why, pa: em.decidedBy });
            break;
          }
        }
        if (open.length === 0) continue;
        const ws = open.map((o) => o.w);
        const whys = [...new Set(open.map((o) => o.why))];
        const pas = [...new Set(open.flatMap((o) => (o.pa ? [o.pa] : [])))];
        context.report({
          at: { resource: p.resource, path: use.at.path, part: use.at.part },
          severity: 'warn',
          messageId: 'denyOnPlaintext',
          data: { name: p.name, field: fieldLabel(use), workloads: describe(ws), accept: ws.length === 1 ? 'accepts' : 'accept', why: whys.slice(0, 2).join('; '), negated: negated(use) },
          suggest: [
            { desc: `Require mTLS for the workloads (PeerAuthentication STRICT in namespace "${ws[0]!.namespace}")`, fix: `apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: ${ws[0]!.namespace}\nspec:\n  mtls:\n    mode: STRICT\n` },
          ],
          related: pas.slice(0, 3).map((pa) => ({
            at: { resource: pa.resource, path: isRecord(pa.resource.raw.spec) && isRecord(pa.resource.raw.spec.mtls) ? ['spec', 'mtls'] : ['spec'] },
            message: `PeerAuthentication ${pa.namespace}/${pa.name} lets plaintext in`,
          })),
          assumptions: model.assumptionsOf(ws),
        });
      }
    };
    const clientCache = new Map<string, ClientsWithoutIdentity[]>();
    const clientsOf = (w: Workload, ports: number[] | undefined) => {
      const key = `${w.kind}/${w.namespace}/${w.name}/${ports?.join(',') ?? '*'}`;
      let list = clientCache.get(key);
      if (!list) clientCache.set(key, (list = clientsWithoutIdentity(model, w, ports)));
      return list;
    };
    const reportClientsWithoutIdentity = (p: AuthorizationPolicy, uses: SourceFieldUse[], sidecars: readonly Workload[]) => {
      if (sidecars.length === 0) return;
      for (const use of uses) {
        const groups = new Map<string, ClientGroup>();
        for (const w of sidecars) {
          for (const c of clientsOf(w, rulePorts(p, use.ruleIndex))) {
            const key = c.rule ? `${c.rule.dr.namespace}/${c.rule.dr.name}/${c.mode}` : c.mode;
            const g = groups.get(key) ?? { first: c, workloads: [], services: [], views: [] };
            groups.set(key, g);
            if (!g.workloads.includes(w)) g.workloads.push(w);
            const service = `${c.service.namespace}/${c.service.name}`;
            if (!g.services.includes(service)) g.services.push(service);
            g.views.push(...c.views);
          }
        }
        for (const g of groups.values()) {
          const c = g.first;
          const one = g.workloads.length === 1;
          const host = model.hostOf(c.service);
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: 'identityWithoutClientMtls',
            data: {
              name: p.name,
              field: fieldLabel(use),
              clients: describeClients(g.views),
              services: `Service ${g.services.slice(0, 3).join(', ')}${g.services.length > 3 ? ` and ${g.services.length - 3} more` : ''}`,
              how: how(c),
              workloads: describe(g.workloads),
              see: one ? 'sees' : 'see',
              consequence: consequence(p, use),
              fix: c.rule
                ? `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} (or drop its tls), or match these callers by ipBlocks.`
                : `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL, or turn auto mTLS on.`,
            },
            suggest: c.rule
              ? [{ desc: `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`, fix: 'spec:\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n' }]
              : [{ desc: `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL`, fix: `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${c.service.name}-istio-mutual\n  namespace: ${c.service.namespace}\nspec:\n  host: ${host}\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n` }],
            related: c.rule && c.path ? [{ at: { resource: c.rule.dr.resource, path: [...c.path] }, message: `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} sets tls.mode ${c.mode} for ${host}` }] : undefined,
            assumptions: uniqueAssumptions([...model.assumptionsOf(g.workloads), ...clientAssumptions(model, g.views)]),
          });
        }
      }
    };
    return {
      AuthorizationPolicy(p) {
        if (ignored.has(p.namespace)) return;
        // Waypoints (targetRefs) always receive HBONE mTLS; dry-run policies decide nothing.
        if (p.targetRefs.length > 0 || p.dryRun) return;
        const uses = sourceFieldUses(p, FIELDS);
        if (uses.length === 0) return;
        const disabled = new Map<PeerAuthentication, Workload[]>();
        const noProxy: Workload[] = [];
        const selected = model.policyWorkloads(p);
        for (const w of selected) {
          const v = verdict(w);
          if (v === 'no-proxy') noProxy.push(w);
          else if (v) disabled.set(v, [...(disabled.get(v) ?? []), w]);
        }
        for (const [pa, ws] of disabled) {
          for (const use of uses) {
            const related: MeshReport['related'] = [
              {
                at: { resource: pa.resource, path: ['spec', 'mtls', 'mode'] },
                message: `PeerAuthentication ${pa.namespace}/${pa.name} disables mTLS ${pa.selector && Object.keys(pa.selector).length > 0 ? 'for the workloads it selects' : pa.namespace === model.rootNamespace ? 'mesh-wide' : `in namespace "${pa.namespace}"`}: callers reach ${describe(ws)} in plaintext, with no identity`,
              },
            ];
            context.report({
              at: { resource: p.resource, path: use.at.path, part: use.at.part },
              messageId: 'identityWithoutMtls',
              data: { name: p.name, field: fieldLabel(use), peerAuthentication: `${pa.namespace}/${pa.name}`, workloads: describe(ws), consequence: consequence(p, use) },
              suggest: [{ desc: `Set mTLS to STRICT in PeerAuthentication ${pa.namespace}/${pa.name}`, fix: 'spec:\n  mtls:\n    mode: STRICT\n' }],
              related,
              assumptions: model.assumptionsOf(ws),
            });
          }
        }
        // Identity rules on pods whose mesh clients send no identity: their DestinationRule opts
        // out of Istio mTLS, or auto mTLS is off.
        reportClientsWithoutIdentity(p, uses, selected.filter((w) => verdict(w) === undefined && hasSidecar(w) && !isIstioGatewayWorkload(w)));
        // DENY by identity on pods that accept plaintext: a caller without mTLS has no identity, so
        // the DENY does not match it and it does what the policy forbids (ISTIO-SECURITY-2021-004;
        // Istio security best practices). DISABLE was reported above; ALLOW refuses such callers anyway.
        if (p.action === 'DENY') reportPermissiveDeny(p, uses, selected, disabled);
        // A namespace-wide (or mesh-wide) policy also covers pods deliberately left out of the mesh
        // (a batch job, a pod with inject=false): report those only when the policy reaches no
        // proxy at all. A selector names its workloads: report them.
        const explicit = p.selector !== undefined && Object.keys(p.selector).length > 0;
        if (noProxy.length > 0 && (explicit || noProxy.length === selected.length)) {
          const use = uses[0]!;
          const one = noProxy.length === 1;
          const ns = noProxy[0]!.namespace;
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: 'identityWithoutProxy',
            data: {
              name: p.name,
              fields: [...new Set(uses.map(fieldLabel))].join(' and '),
              need: uses.length > 1 ? 'need' : 'needs',
              workloads: describe(noProxy),
              have: one ? 'has' : 'have',
              are: one ? 'is' : 'are',
              them: one ? 'it' : 'them',
            },
            suggest: [
              { desc: `Enrol namespace "${ns}" in ambient mode`, fix: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio.io/dataplane-mode: ambient\n` },
              { desc: `Inject sidecars in namespace "${ns}" (then restart its pods)`, fix: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${ns}\n  labels:\n    istio-injection: enabled\n` },
            ],
            related: noProxy.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' as const }, message: `pods of ${workloadLabel(w)}: ${w.dataplane.reason}` })),
          });
        }
      },
    };
  },
});
