// With meshConfig.enableAutoMtls false, an Envoy client originates Istio mTLS only when its
// DestinationRule says ISTIO_MUTUAL (istio pilot/pkg/networking/core/cluster_tls.go,
// buildUpstreamTLSSettings); a STRICT sidecar refuses the plaintext it sends otherwise.
// The DestinationRule lookup is src/mtls/destination-rule.ts. See README.md.
import { defineRule, type RuleContext } from '../../src/engine/rule.js';
import type { Service, ServicePort } from '../../src/model/kinds.js';
import type { Model } from '../../src/model/model.js';
import type { PeerAuthentication } from '../../src/model/kinds.js';
import { destinationRuleIndex, ruleNames, type ClientTls } from '../../src/mtls/destination-rule.js';
import {
  clientViews,
  describeClients,
  describePa,
  describeWorkloads,
  listNames,
  mtlsPath,
  portLabel,
  sidecarBackends,
  type Backend,
  type ClientView,
} from '../../src/mtls/traffic.js';
import type { Suggestion } from '../../src/types.js';

/** Why a group of clients sends plaintext. */
function reasonOf(model: Model, host: string, port: number, view: ClientView): string {
  const tls = view.tls;
  const l = tls.lookup;
  if (l.selectorOnly) {
    return `the DestinationRules for it in their namespace (${l.selectorOnly.map(ruleNames).join(', ')}) have a workloadSelector that does not select them, and that leaves them with none (the lookup stops at that namespace)`;
  }
  if (!l.rule) return 'no DestinationRule covers it';
  const where = l.step === 'client-namespace' ? 'their own namespace' : l.step === 'service-namespace' ? "the Service's namespace" : `the root namespace ${model.rootNamespace}`;
  const name = `DestinationRule ${ruleNames(l.rule)} (host "${l.matchedHost}", from ${where})`;
  if (tls.portLevelIndex !== undefined) return `${name} applies, and its portLevelSettings entry for this port has no tls — port-level settings replace the top-level ones, they do not inherit its tls`;
  const shadowed = destinationRuleIndex(model).coveringWithMode(host, port, 'ISTIO_MUTUAL', view.namespace, l.rule);
  let text = `${name} applies and sets no tls`;
  if (shadowed.length > 0) {
    const s = shadowed[0]!;
    const sameNs = s.dr.namespace === l.rule.namespace;
    text += ` — it hides DestinationRule ${s.dr.namespace}/${s.dr.name} (host "${s.host}"), which sets ISTIO_MUTUAL, because ${
      sameNs ? 'within a namespace the most specific host wins' : 'the lookup stops at the first namespace with a match (the client\'s, then the Service\'s, then the root namespace)'
    }`;
  }
  return text;
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

function autoMtlsSource(model: Model): string {
  const src = model.mesh.sources.enableAutoMtls;
  if (!src) return 'meshConfig.enableAutoMtls is false';
  return `meshConfig.enableAutoMtls is false (${src.resource.kind} ${src.resource.namespace ? `${src.resource.namespace}/` : ''}${src.resource.name})`;
}

export default defineRule({
  id: 'automtls-missing-destinationrule',
  meta: {
    description: 'With auto mTLS off, Envoy clients send plaintext to STRICT mTLS workloads because no DestinationRule with tls.mode ISTIO_MUTUAL covers the host and port for them.',
    severity: 'error',
    aliases: ['KIA0401', 'KIA0501'],
    tags: ['security', 'mtls', 'sidecar'],
  },
  check(ctx) {
    const model = ctx.model;
    if (model.mesh.enableAutoMtls) return;
    const findings: Finding[] = [];
    ctx.each(model.services, (s) => {
      for (const p of s.ports) {
        const strict = sidecarBackends(model, s, p).filter((b) => b.mtls.mode === 'STRICT');
        if (strict.length === 0) continue;
        const groups = new Map<string, ClientView[]>();
        for (const v of clientViews(model, s, p)) {
          if (v.tls.mode !== undefined) continue; // explicit TLS: tls-mode-conflict's business
          const key = reasonKey(v.tls);
          const g = groups.get(key);
          if (g) g.push(v);
          else groups.set(key, [v]);
        }
        if (groups.size === 0) continue;
        findings.push({ service: s, port: p, strict, groups });
        const why = [...groups.values()].map((g) => `for ${describeClients(g)}, ${reasonOf(model, model.hostOf(s), p.port, g[0]!)}`).join('; ');
        const pas = [...new Set(strict.map((b) => describePa(model, b.mtls)))];
        ctx.report({
          at: { resource: s.resource, path: ['spec', 'ports', p.index] },
          message:
            `Service ${s.namespace}/${s.name} port ${portLabel(p)}: its pods (${describeWorkloads(strict.map((b) => b.workload))}) accept only mTLS (STRICT, ${listNames(pas)}), ` +
            `but ${autoMtlsSource(model)}, so an Envoy client sends mTLS only where a DestinationRule with tls.mode ISTIO_MUTUAL covers ${model.hostOf(s)}:${p.port} — ${why}. ` +
            `These clients send plaintext and every request they make is refused (connection reset, 503). Add tls.mode ISTIO_MUTUAL for the host as suggested, or turn auto mTLS back on.`,
          suggestions: uniqueFixes([...groups.values()].map((g) => fixFor(model, s, p, g[0]!.tls))),
          related: strict
            .filter((b) => b.mtls.decidedBy)
            .slice(0, 1)
            .map((b) => ({ at: { resource: b.mtls.decidedBy!.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: 'STRICT is set here' })),
        });
      }
    });
    reportAtPolicies(ctx, model, findings);
  },
});

/** One report per STRICT PeerAuthentication node, naming the Service ports it makes unreachable. */
function reportAtPolicies(ctx: RuleContext, model: Model, findings: Finding[]): void {
  const byNode = new Map<string, { pa: PeerAuthentication; path: (string | number)[]; ports: string[]; clients: Map<string, ClientView>; portLevel: boolean; services: Map<string, Service> }>();
  for (const f of findings) {
    const clients = [...f.groups.values()].flat();
    for (const b of f.strict) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const path = mtlsPath(b.mtls, b.targetPort);
      const key = `${pa.namespace}/${pa.name}/${path.join('.')}`;
      let e = byNode.get(key);
      if (!e) byNode.set(key, (e = { pa, path, ports: [], clients: new Map(), portLevel: b.mtls.portLevel, services: new Map() }));
      const label = `${f.service.namespace}/${f.service.name}:${f.port.port}`;
      if (!e.ports.includes(label)) e.ports.push(label);
      e.services.set(model.hostOf(f.service), f.service);
      for (const c of clients) e.clients.set(c.workload ? `${c.namespace}/${c.workload.name}` : c.namespace, c);
    }
  }
  ctx.each([...byNode.values()].map((e) => ({ ...e, resource: e.pa.resource })), (e) => {
    const scope = e.pa.selector && Object.keys(e.pa.selector).length > 0 ? 'workload' : e.pa.namespace === model.rootNamespace ? 'mesh' : 'namespace';
    const host = scope === 'mesh' ? '*.local' : scope === 'namespace' ? `*.${e.pa.namespace}.svc.cluster.local` : undefined;
    const suggestions: Suggestion[] = host
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
    ctx.report({
      at: { resource: e.pa.resource, path: e.path },
      message:
        `PeerAuthentication ${e.pa.namespace}/${e.pa.name} requires mTLS (STRICT) on Service port${e.ports.length === 1 ? '' : 's'} ${listNames(e.ports)}, but ${autoMtlsSource(model)} and no DestinationRule with tls.mode ISTIO_MUTUAL covers ${e.ports.length === 1 ? 'it' : 'them'} for ${describeClients([...e.clients.values()])}: ` +
        `they send plaintext and every request is refused. Add DestinationRules with tls.mode ISTIO_MUTUAL before enforcing STRICT, or keep PERMISSIVE until they exist.`,
      suggestions,
    });
  });
}
