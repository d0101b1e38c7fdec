// A DestinationRule's tls.mode overrides auto mTLS (istio pilot/pkg/networking/core/cluster_tls.go,
// buildUpstreamTLSSettings): DISABLE/SIMPLE/MUTUAL toward a STRICT sidecar, or ISTIO_MUTUAL toward
// a pod that does not terminate Istio mTLS, fails every request. See README.md.
import { legacyRule } from '../../src/engine/rule.js';
import type { Service, ServicePort } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import type { Workload } from '../../src/model/workloads.js';
import type { ClientTls, IndexedRule } from '../../src/mtls/destination-rule.js';
import {
  clientAssumptions,
  clientViews,
  describePa,
  describeWorkloads,
  listNames,
  mtlsPath,
  plainBackends,
  describeClients,
  sidecarBackends,
  viewKey,
  type Backend,
  type ClientView,
} from '../../src/mtls/traffic.js';
import type { At } from '../../src/model/resource.js';
import type { Path, Suggestion } from '../../src/types.js';

type Kind = 'plaintext-to-strict' | 'mtls-to-plaintext';

const MAX_SUGGESTIONS = 3;

interface Target {
  service: Service;
  port: ServicePort;
  /** STRICT pods (plaintext-to-strict), or DISABLE pods (mtls-to-plaintext). */
  backends: Backend[];
  /** Pods without a sidecar (mtls-to-plaintext only). */
  plain: Workload[];
  tls: ClientTls;
}

interface Conflict {
  kind: Kind;
  rule: IndexedRule;
  path: Path;
  mode: string;
  clients: Map<string, ClientView>;
  targets: Map<string, Target>;
}

function whatClientsSend(mode: string): string {
  switch (mode) {
    case 'DISABLE':
      return 'send plaintext';
    case 'SIMPLE':
      return 'send TLS without a client certificate (SIMPLE), not Istio mTLS';
    case 'MUTUAL':
      return "send TLS with the rule's own certificates (MUTUAL), not their Istio identity";
    default:
      return `use tls.mode ${mode}`;
  }
}

function fixRule(name: string, ns: string, host: string, mode: string): string {
  return ['apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', `  name: ${name}`, `  namespace: ${ns}`, 'spec:', `  host: "${host}"`, '  trafficPolicy:', '    tls:', `      mode: ${mode}`, ''].join('\n');
}

/**
 * Change the mode in place when the rule is for this very host; otherwise add a rule for the host
 * where the lookup will find it first (the deciding rule's namespace — a more specific host wins
 * there — or the Service's namespace when the deciding rule is a root-namespace default).
 */
function suggestion(model: Model, c: Conflict, want: 'ISTIO_MUTUAL' | 'DISABLE'): Suggestion[] {
  const dr = c.rule.dr;
  const out: Suggestion[] = [];
  const hosts = new Set([...c.targets.values()].map((t) => model.hostOf(t.service)));
  const specific = hosts.size === 1 && hosts.has(c.rule.host);
  if (specific) {
    const portEntry = c.path.includes('portLevelSettings');
    out.push({
      desc: `Set tls.mode ${want} in DestinationRule ${dr.namespace}/${dr.name}${portEntry ? ' (its portLevelSettings entry)' : ''}`,
      fix: portEntry
        ? ['spec:', '  trafficPolicy:', '    portLevelSettings:', `    - port:`, `        number: ${[...c.targets.values()][0]!.port.port}`, '      tls:', `        mode: ${want}`, ''].join('\n')
        : ['spec:', '  trafficPolicy:', '    tls:', `      mode: ${want}`, ''].join('\n'),
    });
  } else {
    for (const t of c.targets.values()) {
      const ns = t.tls.lookup.step === 'root-namespace' ? t.service.namespace : c.rule.dr.namespace;
      const host = model.hostOf(t.service);
      const fix = fixRule(`${t.service.name}-${want === 'DISABLE' ? 'plaintext' : 'istio-mutual'}`, ns, host, want);
      if (out.some((s) => s.fix === fix)) continue;
      out.push({ desc: `Add a DestinationRule for ${host} with tls.mode ${want} in namespace ${ns}, where the lookup finds it before "${c.rule.host}"`, fix });
    }
    if (out.length > MAX_SUGGESTIONS) {
      const rest = out.length - MAX_SUGGESTIONS;
      out.length = MAX_SUGGESTIONS;
      out[MAX_SUGGESTIONS - 1] = { ...out[MAX_SUGGESTIONS - 1]!, desc: `${out[MAX_SUGGESTIONS - 1]!.desc} (and the same for ${rest} more host${rest === 1 ? '' : 's'})` };
    }
  }
  return out;
}

/** The PeerAuthentications that set the pods' mode ("foo/default"), named once for all targets. */
function paNames(targets: readonly Target[]): string[] {
  return [...new Set(targets.flatMap((t) => t.backends.flatMap((b) => (b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : []))))];
}

/** Where the destination pods' mode is set, and which pods: the detail the message leaves out. */
function targetRelated(model: Model, targets: readonly Target[], kind: Kind): Array<{ at: At; message: string }> {
  const out: Array<{ at: At; message: string }> = [];
  const seen = new Set<string>();
  for (const t of targets) {
    for (const b of t.backends) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const key = `${pa.namespace}/${pa.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const pods = describeWorkloads(t.backends.filter((x) => x.mtls.decidedBy === pa).map((x) => x.workload));
      out.push({ at: { resource: pa.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `${describePa(model, b.mtls)} sets mTLS ${kind === 'plaintext-to-strict' ? 'STRICT' : 'DISABLE'} here, for ${pods}` });
    }
    for (const w of t.plain.slice(0, 3)) {
      const key = `${w.kind}/${w.namespace}/${w.name}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ at: { resource: w.resource, path: w.podMetadataPath, part: 'key' }, message: `pods of ${w.kind} ${w.namespace}/${w.name}, without a sidecar: ${w.dataplane.reason}` });
    }
  }
  return out.slice(0, 5);
}

export default legacyRule({
  id: 'tls-mode-conflict',
  meta: {
    description:
      'A DestinationRule tls.mode that the destination pods cannot accept: DISABLE, SIMPLE or MUTUAL toward STRICT mTLS workloads, or ISTIO_MUTUAL toward pods with mTLS DISABLE or without a sidecar.',
    severity: 'error',
    aliases: ['KIA0207', 'KIA0208', 'KIA0505', 'KIA0506'],
    tags: ['security', 'mtls', 'sidecar'],
  },
  check(ctx) {
    const model = ctx.model;
    if (model.destinationRules.length === 0) return;
    const conflicts = new Map<string, Conflict>();
    const add = (kind: Kind, v: ClientView, target: Omit<Target, 'tls'>) => {
      const at = v.tls.decidedAt;
      if (!at || v.tls.mode === undefined) return;
      const key = `${kind}|${at.rule.dr.namespace}/${at.rule.dr.name}|${at.path.join('.')}`;
      let c = conflicts.get(key);
      if (!c) conflicts.set(key, (c = { kind, rule: at.rule, path: at.path, mode: v.tls.mode, clients: new Map(), targets: new Map() }));
      c.clients.set(viewKey(v), v);
      const tk = `${target.service.namespace}/${target.service.name}:${target.port.port}`;
      if (!c.targets.has(tk)) c.targets.set(tk, { ...target, tls: v.tls });
    };
    ctx.each(model.services, (s) => {
      for (const p of s.ports) {
        const backends = sidecarBackends(model, s, p);
        const strict = backends.filter((b) => b.mtls.mode === 'STRICT');
        const disabled = backends.filter((b) => b.mtls.mode === 'DISABLE');
        const plain = plainBackends(model, s);
        if (strict.length === 0 && disabled.length === 0 && plain.length === 0) continue;
        for (const v of clientViews(model, s, p, (tls) => tls.mode !== undefined)) {
          const mode = v.tls.mode!;
          if (mode === 'ISTIO_MUTUAL') {
            if (disabled.length > 0 || plain.length > 0) add('mtls-to-plaintext', v, { service: s, port: p, backends: disabled, plain });
          } else if (strict.length > 0) {
            add('plaintext-to-strict', v, { service: s, port: p, backends: strict, plain: [] });
          }
        }
      }
    });
    ctx.each([...conflicts.values()].map((c) => ({ ...c, resource: c.rule.dr.resource })), (c) => {
      const dr = c.rule.dr;
      const targets = [...c.targets.values()];
      const clients = describeClients([...c.clients.values()]);
      const where = c.path.includes('portLevelSettings') ? `'s port ${targets[0]!.port.port} entry` : '';
      const host = targets.length === 1 && model.hostOf(targets[0]!.service) === c.rule.host ? '' : ` (host "${c.rule.host}")`;
      const ports = listNames(targets.map((t) => `${t.service.namespace}/${t.service.name}:${t.port.port}`), 3);
      const pas = paNames(targets);
      const related = targetRelated(model, targets, c.kind);
      const dropTls = model.mesh.enableAutoMtls ? ' (or drop tls)' : '';
      const assumptions = model.assumptionsOf([...targets.flatMap((t) => [...t.backends.map((b) => b.workload), ...t.plain]), ...clientAssumptions(model, [...c.clients.values()])]);
      if (c.kind === 'plaintext-to-strict') {
        const sets = c.path[c.path.length - 1] === 'tls' ? 'has tls without a mode (DISABLE)' : `sets tls.mode ${c.mode}`;
        ctx.report({
          at: { resource: dr.resource, path: c.path },
          message:
            `DestinationRule ${dr.namespace}/${dr.name}${host}${where} ${sets} for ${ports}, which ${targets.length === 1 ? 'is' : 'are'} STRICT${pas.length > 0 ? ` (PeerAuthentication ${listNames(pas, 2)})` : ''}: ` +
            `${clients} ${whatClientsSend(c.mode)}, and every request is reset (503). ` +
            `Set tls.mode ISTIO_MUTUAL${dropTls}, or make ${targets.length === 1 ? 'that port' : 'those ports'} PERMISSIVE.`,
          assumptions,
          suggestions: suggestion(model, c, 'ISTIO_MUTUAL'),
          related,
        });
      } else {
        const plain = targets.flatMap((t) => t.plain);
        const why = [
          ...(pas.length > 0 ? [`mTLS DISABLE (PeerAuthentication ${listNames(pas, 2)})`] : []),
          ...(plain.length > 0 ? [`no sidecar (${describeWorkloads(plain)})`] : []),
        ].join(' or ');
        ctx.report({
          at: { resource: dr.resource, path: c.path },
          message:
            `DestinationRule ${dr.namespace}/${dr.name}${host}${where} sets tls.mode ISTIO_MUTUAL for ${ports}, whose pods have ${why}: ` +
            `${clients} send Istio mTLS the application cannot read, and every request fails (503). ` +
            `Use tls.mode DISABLE${dropTls}, or ${plain.length > 0 ? 'give the pods a sidecar' : 'make the pods PERMISSIVE'}.`,
          assumptions,
          suggestions: suggestion(model, c, 'DISABLE'),
          related,
        });
      }
    });
  },
});
