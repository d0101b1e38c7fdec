// With meshConfig.enableAutoMtls false, an Envoy client originates Istio mTLS only when its
// DestinationRule says ISTIO_MUTUAL (istio pilot/pkg/networking/core/cluster_tls.go,
// buildUpstreamTLSSettings); a STRICT sidecar refuses the plaintext it sends otherwise.
// The DestinationRule lookup is src/mtls/destination-rule.ts. See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { Service, ServicePort } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import type { PeerAuthentication } from '../../src/model/kinds.js';
import { destinationRuleIndex, ruleNames, type ClientTls } from '../../src/mtls/destination-rule.js';
import {
  clientAssumptions,
  clientViews,
  describePa,
  describeWorkloads,
  mtlsPath,
  describeClients,
  sidecarBackends,
  viewKey,
  type Backend,
  type ClientView,
} from '../../src/mtls/traffic.js';
import type { At } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Suggestion } from '../../src/types.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** Why a group of clients sends plaintext, in a few words (the lookup order is in README.md). */
function reasonOf(model: Model, host: string, port: number, views: readonly ClientView[]): string {
  const view = views[0]!;
  const who = describeClients(views);
  const tls = view.tls;
  const l = tls.lookup;
  if (l.selectorOnly) {
    return `DestinationRule ${l.selectorOnly.map(ruleNames).join(', ')} leaves out ${who} (workloadSelector) and ends their lookup`;
  }
  if (!l.rule) return `no DestinationRule applies to ${who}`;
  const name = `DestinationRule ${ruleNames(l.rule)}${l.matchedHost !== host ? ` (host "${l.matchedHost}")` : ''}`;
  if (tls.portLevelIndex !== undefined) return `${who} use ${name}, whose port ${port} entry has no tls (it replaces the top-level tls)`;
  const shadowed = destinationRuleIndex(model).coveringWithMode(host, port, 'ISTIO_MUTUAL', view.namespace, l.rule);
  if (shadowed.length > 0) return `${who} use ${name}, which sets no tls and hides the ISTIO_MUTUAL of ${shadowed[0]!.dr.namespace}/${shadowed[0]!.dr.name}`;
  return `${who} use ${name}, which sets no tls`;
}

/** Related locations that keep the detail the message leaves out: which rule decides, which it hides, and why. */
function reasonRelated(model: Model, host: string, port: number, views: readonly ClientView[]): Array<{ at: At; message: string }> {
  const v = views[0]!;
  const tls = v.tls;
  const l = tls.lookup;
  const who = describeClients(views);
  if (l.selectorOnly) {
    return l.selectorOnly.slice(0, 2).flatMap((c) =>
      c.from.slice(0, 1).map((r) => ({
        at: { resource: r.dr.resource, path: ['spec', 'workloadSelector'] },
        message: `its workloadSelector leaves out ${who}; istiod looks no further than this namespace, so they get no DestinationRule`,
      })),
    );
  }
  if (!l.rule) return [];
  const where = l.step === 'client-namespace' ? 'their own namespace' : l.step === 'service-namespace' ? "the Service's namespace" : `the root namespace ${model.rootNamespace}`;
  const decided = tls.decidedAt ?? { rule: l.rule.policyFrom ?? l.rule.from[0]!, path: ['spec', 'host'] };
  const out: Array<{ at: At; message: string }> = [
    {
      at: { resource: decided.rule.dr.resource, path: decided.path },
      message: `${who} use this DestinationRule (host "${l.matchedHost}", found in ${where}) for ${host}:${port}, and it sets no tls${
        tls.portLevelIndex !== undefined ? ' for that port: a portLevelSettings entry replaces the top-level settings, it does not inherit their tls' : ''
      }`,
    },
  ];
  if (tls.portLevelIndex === undefined) {
    const shadowed = destinationRuleIndex(model).coveringWithMode(host, port, 'ISTIO_MUTUAL', v.namespace, l.rule)[0];
    if (shadowed) {
      const sameNs = shadowed.dr.namespace === l.rule.namespace;
      out.push({
        at: { resource: shadowed.dr.resource, path: ['spec', 'host'] },
        message: `this ISTIO_MUTUAL rule (host "${shadowed.host}") is hidden from ${who}: ${
          sameNs ? 'within a namespace the most specific host wins' : "the lookup stops at the first namespace with a match (the client's, then the Service's, then the root namespace)"
        }`,
      });
    }
  }
  return out;
}

function reasonKey(tls: ClientTls): string {
  const l = tls.lookup;
  if (l.selectorOnly) return `sel:${l.selectorOnly.map(ruleNames).join(',')}`;
  if (!l.rule) return 'none';
  return `dr:${ruleNames(l.rule)}:${tls.portLevelIndex ?? ''}`;
}

function drYaml(name: string, ns: string, host: string): string {
  return [
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${name}`,
    `  namespace: ${ns}`,
    'spec:',
    `  host: "${host}"`,
    '  trafficPolicy:',
    '    tls:',
    '      mode: ISTIO_MUTUAL',
    '',
  ].join('\n');
}

/** The change that makes one group of clients originate mTLS. */
function fixFor(model: Model, s: Service, p: ServicePort, tls: ClientTls): Suggestion {
  const host = model.hostOf(s);
  const l = tls.lookup;
  if (l.rule && tls.decidedAt) {
    const dr = tls.decidedAt.rule.dr;
    if (tls.portLevelIndex !== undefined) {
      return {
        desc: `Add tls.mode ISTIO_MUTUAL to the port ${p.port} entry of DestinationRule ${dr.namespace}/${dr.name}`,
        fix: ['spec:', '  trafficPolicy:', '    portLevelSettings:', '    - port:', `        number: ${p.port}`, '      tls:', '        mode: ISTIO_MUTUAL', ''].join('\n'),
      };
    }
    return {
      desc: `Add tls.mode ISTIO_MUTUAL to DestinationRule ${dr.namespace}/${dr.name}${l.matchedHost !== host ? ` (it covers every host matching "${l.matchedHost}")` : ''}`,
      fix: ['spec:', '  trafficPolicy:', '    tls:', '      mode: ISTIO_MUTUAL', ''].join('\n'),
    };
  }
  if (l.selectorOnly) {
    const ns = l.selectorOnly[0]!.namespace;
    return {
      desc: `Add a DestinationRule without workloadSelector for ${host} in namespace ${ns}, with tls.mode ISTIO_MUTUAL`,
      fix: drYaml(`${s.name}-istio-mutual`, ns, host),
    };
  }
  return {
    desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${host} in namespace ${s.namespace}`,
    fix: drYaml(`${s.name}-istio-mutual`, s.namespace, host),
  };
}

/** One suggestion per distinct YAML: clients that need the same change get it once. */
function uniqueFixes(list: Suggestion[]): Suggestion[] {
  const byFix = new Map<string, Suggestion>();
  for (const f of list) if (!byFix.has(f.fix)) byFix.set(f.fix, f);
  return [...byFix.values()];
}

interface Finding {
  service: Service;
  port: ServicePort;
  strict: Backend[];
  groups: Map<string, ClientView[]>;
}

/** Where enableAutoMtls: false comes from, as a related location (none when set by the CLI or config file). */
function autoMtlsRelated(model: Model): Array<{ at: At; message: string }> {
  const src = model.mesh.sources.enableAutoMtls;
  return src ? [{ at: { resource: src.resource, path: src.path }, message: 'meshConfig.enableAutoMtls is false here' }] : [];
}

type MessageIds = 'strictService' | 'strictPolicy';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description: 'With auto mTLS off, Envoy clients send plaintext to STRICT mTLS workloads because no DestinationRule with tls.mode ISTIO_MUTUAL covers the host and port for them.',
      url: docsUrl('automtls-missing-destinationrule'),
      recommended: true,
      aliases: ['KIA0204', 'KIA0401', 'KIA0501'],
      tags: ['security', 'mtls', 'sidecar'],
    },
    messages: {
      // {{reasons}}: why each group of clients sends plaintext (reasonOf), joined by "; ".
      strictService:
        'Service {{service}}:{{port}} is STRICT (PeerAuthentication {{policies}}) and auto mTLS is off, but {{reasons}}: ' +
        'they send plaintext and every request is reset (503). Add tls.mode ISTIO_MUTUAL as suggested, or turn auto mTLS on.',
      strictPolicy:
        'PeerAuthentication {{policy}} makes Service {{portNoun}} {{ports}} STRICT while auto mTLS is off, and no DestinationRule gives {{clients}} ISTIO_MUTUAL: ' +
        'their plaintext is refused. Add DestinationRules with ISTIO_MUTUAL first, or stay PERMISSIVE.',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.services, READS.clientViews, READS.destinationRules, READS.peerAuthentications),
  },
  create(context) {
    const model = context.model;
    if (context.mesh.enableAutoMtls) return {};
    const findings: Finding[] = [];
    return {
      Service(s) {
        for (const p of s.ports) {
          const strict = sidecarBackends(model, s, p).filter((b) => b.mtls.mode === 'STRICT');
          if (strict.length === 0) continue;
          const groups = new Map<string, ClientView[]>();
          // Explicit TLS is tls-mode-conflict's business.
          for (const v of clientViews(model, s, p, (tls) => tls.mode === undefined)) {
            const key = reasonKey(v.tls);
            const g = groups.get(key);
            if (g) g.push(v);
            else groups.set(key, [v]);
          }
          if (groups.size === 0) continue;
          findings.push({ service: s, port: p, strict, groups });
          const host = model.hostOf(s);
          // STRICT only ever comes from a PeerAuthentication (Model.effectiveMtlsFor): never empty.
          const pas = strict.flatMap((b) => (b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : []));
          context.report({
            at: { resource: s.resource, path: ['spec', 'ports', p.index] },
            messageId: 'strictService',
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              policies: listText(pas, 4),
              reasons: [...groups.values()].map((g) => reasonOf(model, host, p.port, g)).join('; '),
            },
            assumptions: model.assumptionsOf([...strict.map((b) => b.workload), ...clientAssumptions(model, [...groups.values()].flat())]),
            suggest: uniqueFixes([...groups.values()].map((g) => fixFor(model, s, p, g[0]!.tls))),
            related: [
              ...strict
                .filter((b) => b.mtls.decidedBy)
                .slice(0, 1)
                .map((b) => ({ at: { resource: b.mtls.decidedBy!.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `STRICT is set here (${describePa(model, b.mtls)}), for ${describeWorkloads(strict.map((x) => x.workload))}` })),
              ...autoMtlsRelated(model),
              ...[...groups.values()].flatMap((g) => reasonRelated(model, host, p.port, g)),
            ],
          });
        }
      },
      // Each STRICT PeerAuthentication node is reported once for all the Service ports it makes
      // unreachable: known only when every Service has been seen.
      'Mesh:exit'() {
        reportAtPolicies(context, model, findings);
      },
    };
  },
});

/** One report per STRICT PeerAuthentication node, naming the Service ports it makes unreachable. */
function reportAtPolicies(context: MeshRuleContext<MessageIds>, model: Model, findings: Finding[]): void {
  const byNode = new Map<string, { pa: PeerAuthentication; path: (string | number)[]; ports: string[]; clients: Map<string, ClientView>; portLevel: boolean; services: Map<string, Service>; workloads: Workload[] }>();
  for (const f of findings) {
    const clients = [...f.groups.values()].flat();
    for (const b of f.strict) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const path = mtlsPath(b.mtls, b.targetPort);
      const key = `${pa.namespace}/${pa.name}/${path.join('.')}`;
      let e = byNode.get(key);
      if (!e) byNode.set(key, (e = { pa, path, ports: [], clients: new Map(), portLevel: b.mtls.portLevel, services: new Map(), workloads: [] }));
      e.workloads.push(b.workload);
      const label = `${f.service.namespace}/${f.service.name}:${f.port.port}`;
      if (!e.ports.includes(label)) e.ports.push(label);
      e.services.set(model.hostOf(f.service), f.service);
      for (const c of clients) e.clients.set(viewKey(c), c);
    }
  }
  for (const e of byNode.values()) {
    const scope = e.pa.selector && Object.keys(e.pa.selector).length > 0 ? 'workload' : e.pa.namespace === model.rootNamespace ? 'mesh' : 'namespace';
    const host = scope === 'mesh' ? '*.local' : scope === 'namespace' ? `*.${e.pa.namespace}.svc.cluster.local` : undefined;
    const suggest: Suggestion[] = host
      ? [
          {
            desc: `Add a ${scope}-wide DestinationRule with tls.mode ISTIO_MUTUAL (DestinationRules that already match these hosts without tls take precedence and need it too; see the Service diagnostics)`,
            fix: drYaml(scope === 'mesh' ? 'default' : 'istio-mutual', e.pa.namespace, host),
          },
        ]
      : [...e.services.entries()].slice(0, 3).map(([h, svc]) => ({
          desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${h}`,
          fix: drYaml(`${svc.name}-istio-mutual`, svc.namespace, h),
        }));
    context.report({
      at: { resource: e.pa.resource, path: e.path },
      messageId: 'strictPolicy',
      data: {
        policy: `${e.pa.namespace}/${e.pa.name}`,
        portNoun: e.ports.length === 1 ? 'port' : 'ports',
        ports: listText(e.ports, 4),
        clients: describeClients([...e.clients.values()]),
      },
      assumptions: model.assumptionsOf([...e.workloads, ...clientAssumptions(model, [...e.clients.values()])]),
      suggest,
      related: autoMtlsRelated(model),
    });
  }
}
