// A DestinationRule's tls.mode overrides auto mTLS (istio pilot/pkg/networking/core/cluster_tls.go,
// buildUpstreamTLSSettings): DISABLE/SIMPLE/MUTUAL toward a STRICT sidecar, or ISTIO_MUTUAL toward
// a pod that does not terminate Istio mTLS, fails every request. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { READS, reads } from '../../src/model/reads.js';
import type { Service, ServicePort } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import type { Workload } from '../../src/model/workloads.js';
import type { ClientTls, IndexedRule } from '../../src/mtls/destination-rule.js';
import {
  clientAssumptions,
  clientViews,
  describePa,
  describeWorkloads,
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
import { listText } from '../../src/util/text.js';

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

type MessageIds = 'plaintextToStrict' | 'tlsWithoutModeToStrict' | 'mtlsToDisabled' | 'mtlsToNoSidecar' | 'mtlsToDisabledOrNoSidecar';

const TO_STRICT = 'for {{ports}}, which {{isAre}} STRICT (PeerAuthentication {{policies}}): {{clients}} {{send}}, and every request is reset (503). Set tls.mode ISTIO_MUTUAL{{dropTls}}, or make {{thosePorts}} PERMISSIVE.';
const TO_PLAINTEXT = 'DestinationRule {{rule}}{{host}}{{where}} sets tls.mode ISTIO_MUTUAL for {{ports}}, whose pods have';
const UNREADABLE = '{{clients}} send Istio mTLS the application cannot read, and every request fails (503). Use tls.mode DISABLE{{dropTls}}';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description:
        'A DestinationRule tls.mode that the destination pods cannot accept: DISABLE, SIMPLE or MUTUAL toward STRICT mTLS workloads, or ISTIO_MUTUAL toward pods with mTLS DISABLE or without a sidecar.',
      url: docsUrl('tls-mode-conflict'),
      recommended: true,
      aliases: ['KIA0207', 'KIA0208', 'KIA0505', 'KIA0506'],
      tags: ['security', 'mtls', 'sidecar'],
    },
    messages: {
      plaintextToStrict: `DestinationRule {{rule}}{{host}}{{where}} sets tls.mode {{mode}} ${TO_STRICT}`,
      tlsWithoutModeToStrict: `DestinationRule {{rule}}{{host}}{{where}} has tls without a mode (DISABLE) ${TO_STRICT}`,
      mtlsToDisabled: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}): ${UNREADABLE}, or make the pods PERMISSIVE.`,
      mtlsToNoSidecar: `${TO_PLAINTEXT} no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`,
      mtlsToDisabledOrNoSidecar: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}) or no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`,
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'error',
    reads: reads(READS.services, READS.clientViews, READS.peerAuthentications, READS.destinationRules),
  },
  create(context) {
    const model = context.model;
    if (model.destinationRules.length === 0) return {};
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
    return {
      Service(s) {
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
      },
      // One report per DestinationRule node, naming every Service port it breaks: only known once
      // all Services are seen.
      'Mesh:exit'() {
        for (const c of conflicts.values()) report(c);
      },
    };

    function report(c: Conflict): void {
      const dr = c.rule.dr;
      const targets = [...c.targets.values()];
      const one = targets.length === 1;
      // STRICT and DISABLE only ever come from a PeerAuthentication (Model.effectiveMtlsFor), so
      // pods of either mode name at least one.
      const data = {
        rule: `${dr.namespace}/${dr.name}`,
        host: one && model.hostOf(targets[0]!.service) === c.rule.host ? '' : ` (host "${c.rule.host}")`,
        where: c.path.includes('portLevelSettings') ? `'s port ${targets[0]!.port.port} entry` : '',
        ports: listText(targets.map((t) => `${t.service.namespace}/${t.service.name}:${t.port.port}`), 3),
        policies: listText(paNames(targets), 2),
        clients: describeClients([...c.clients.values()]),
        dropTls: model.mesh.enableAutoMtls ? ' (or drop tls)' : '',
      };
      const common = {
        at: { resource: dr.resource, path: c.path },
        assumptions: model.assumptionsOf([...targets.flatMap((t) => [...t.backends.map((b) => b.workload), ...t.plain]), ...clientAssumptions(model, [...c.clients.values()])]),
        related: targetRelated(model, targets, c.kind),
      };
      if (c.kind === 'plaintext-to-strict') {
        context.report({
          ...common,
          messageId: c.path[c.path.length - 1] === 'tls' ? 'tlsWithoutModeToStrict' : 'plaintextToStrict',
          data: { ...data, mode: c.mode, isAre: one ? 'is' : 'are', send: whatClientsSend(c.mode), thosePorts: one ? 'that port' : 'those ports' },
          suggest: suggestion(model, c, 'ISTIO_MUTUAL'),
        });
      } else {
        const plain = targets.flatMap((t) => t.plain);
        const disabled = targets.some((t) => t.backends.length > 0);
        context.report({
          ...common,
          messageId: plain.length === 0 ? 'mtlsToDisabled' : disabled ? 'mtlsToDisabledOrNoSidecar' : 'mtlsToNoSidecar',
          data: { ...data, workloads: plain.length > 0 ? describeWorkloads(plain) : undefined },
          suggest: suggestion(model, c, 'DISABLE'),
        });
      }
    }
  },
});
