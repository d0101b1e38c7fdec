// istio pilot/pkg/security/authn/policy_applier.go (ComposePeerAuthentication): of several
// PeerAuthentications of one scope (mesh, namespace, workload) the oldest wins; pilot/pkg/model/
// push_context.go (initSidecarScopes, sortConfigByCreationTime): a proxy gets the oldest Sidecar whose
// workloadSelector matches it, else the oldest without one. The others are ignored. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { Model } from '../../src/mesh/model.js';
import type { PeerAuthentication, SelectingPolicy } from '../../src/model/kinds.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

type Kind = 'PeerAuthentication' | 'Sidecar';

const SELECTOR_PATH: Record<Kind, string[]> = {
  PeerAuthentication: ['spec', 'selector', 'matchLabels'],
  Sidecar: ['spec', 'workloadSelector', 'labels'],
};

const key = (p: SelectingPolicy) => `${p.namespace}/${p.name}`;
const wide = (p: SelectingPolicy) => !p.selector || Object.keys(p.selector).length === 0;

function createdAt(p: SelectingPolicy): number {
  const meta = p.resource.raw.metadata as Record<string, unknown> | undefined;
  return typeof meta?.creationTimestamp === 'string' ? Date.parse(meta.creationTimestamp) : NaN;
}

/** Which of the policies istiod applies: the oldest, then by name; unknown without timestamps. */
function winner(ps: readonly SelectingPolicy[]): string {
  const times = ps.map(createdAt);
  if (times.some(Number.isNaN)) return ' (which one depends on the order they were created, which the manifests do not show)';
  const first = [...ps].sort((a, b) => createdAt(a) - createdAt(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0]!;
  return ` ("${first.name}", by its creationTimestamp)`;
}

function modeOf(p: SelectingPolicy): string {
  const pa = p as PeerAuthentication;
  return `"${p.name}" ${pa.mode}${pa.portLevel.size > 0 ? ` with port-level modes for ${[...pa.portLevel.keys()].join(', ')}` : ''}`;
}

function names(ps: readonly SelectingPolicy[]): string {
  const shown = ps.slice(0, 3).map((p) => `"${p.name}"`);
  return ps.length > 3 ? `${shown.join(', ')} and ${ps.length - 3} more` : shown.join(', ');
}

function describeWorkloads(ws: readonly Workload[]): string {
  const shown = ws.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`);
  return ws.length > 3 ? `${shown.join(', ')} and ${ws.length - 3} more` : shown.join(', ');
}

/** The policies of one kind, once per namespace/name (a tree may hold the same object twice). */
function unique<T extends SelectingPolicy>(list: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const p of list) if (!seen.has(key(p))) seen.set(key(p), p);
  return [...seen.values()];
}

/** Per policy with a selector: the workloads it shares with other policies of its kind, and those policies. */
function sharedWorkloads<T extends SelectingPolicy>(model: Model, list: readonly T[]): Map<T, { workloads: Workload[]; others: Set<T> }> {
  const byWorkload = new Map<Workload, T[]>();
  for (const p of list) {
    if (wide(p)) continue;
    for (const w of model.policyWorkloads(p, false)) byWorkload.set(w, [...(byWorkload.get(w) ?? []), p]);
  }
  const out = new Map<T, { workloads: Workload[]; others: Set<T> }>();
  for (const [w, ps] of byWorkload) {
    if (ps.length < 2) continue;
    for (const p of ps) {
      const entry = out.get(p) ?? { workloads: [], others: new Set<T>() };
      out.set(p, entry);
      entry.workloads.push(w);
      for (const o of ps) if (o !== p) entry.others.add(o);
    }
  }
  return out;
}

type MessageIds = 'peerAuthenticationsWide' | 'peerAuthenticationsSelect' | 'sidecarsWide' | 'sidecarsSelect';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description: 'Several PeerAuthentications, or several Sidecars, of one scope apply to the same workloads: istiod applies only the oldest and ignores the others.',
      url: docsUrl('competing-policies'),
      recommended: true,
      aliases: ['KIA0002', 'KIA0003'],
      tags: ['security', 'mtls'],
    },
    messages: {
      peerAuthenticationsWide:
        'PeerAuthentication "{{name}}" is one of {{count}} {{scope}} PeerAuthentications in namespace "{{namespace}}" (with {{others}}): istiod applies only the oldest{{winner}} and ignores the others; they set {{modes}}. Keep one, with the mode you mean.',
      peerAuthenticationsSelect:
        'PeerAuthentication "{{name}}" selects {{workloads}}, as PeerAuthentication {{others}} {{does}}: istiod applies only the oldest of them{{winner}} to those pods and ignores the others; they set {{modes}}. Make their selectors disjoint, or merge them into one.',
      sidecarsWide:
        'Sidecar "{{name}}" is one of {{count}} Sidecars without workloadSelector in namespace "{{namespace}}" (with {{others}}): istiod gives the namespace\'s pods only the oldest{{winner}} and ignores the others. Keep one, or give the others a workloadSelector.',
      sidecarsSelect:
        'Sidecar "{{name}}" selects {{workloads}}, as Sidecar {{others}} {{does}}: istiod gives those pods only the oldest of them{{winner}} and ignores the others. Make their workloadSelectors disjoint, or merge them into one.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.peerAuthentications, READS.sidecars, READS.workloads),
  },
  create(context) {
    const model = context.model;
    const check = (kind: Kind, list: readonly SelectingPolicy[]) => {
      const byNamespace = new Map<string, SelectingPolicy[]>();
      for (const p of list) if (wide(p)) byNamespace.set(p.namespace, [...(byNamespace.get(p.namespace) ?? []), p]);
      for (const [ns, ps] of byNamespace) {
        if (ps.length < 2) continue;
        for (const p of ps) {
          const others = ps.filter((o) => o !== p);
          context.report({
            at: { resource: p.resource, path: ['metadata', 'name'] },
            messageId: kind === 'PeerAuthentication' ? 'peerAuthenticationsWide' : 'sidecarsWide',
            data: { name: p.name, count: ps.length, scope: ns === model.rootNamespace ? 'mesh-wide' : 'namespace-wide', namespace: ns, others: names(others), winner: winner(ps), modes: kind === 'PeerAuthentication' ? ps.map(modeOf).join(', ') : '' },
            related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: ['metadata', 'name'] }, message: `${kind} ${key(o)}, also without a selector` })),
          });
        }
      }
      for (const [p, shared] of sharedWorkloads(model, list)) {
        const others = [...shared.others];
        context.report({
          at: { resource: p.resource, path: SELECTOR_PATH[kind] },
          messageId: kind === 'PeerAuthentication' ? 'peerAuthenticationsSelect' : 'sidecarsSelect',
          data: {
            name: p.name,
            workloads: describeWorkloads(shared.workloads),
            others: names(others),
            does: others.length > 1 ? 'do' : 'does',
            winner: winner([p, ...others]),
            modes: kind === 'PeerAuthentication' ? [p, ...others].map(modeOf).join(', ') : '',
          },
          related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: SELECTOR_PATH[kind] }, message: `${kind} ${key(o)} selects them too` })),
          assumptions: model.assumptionsOf(shared.workloads),
        });
      }
    };
    return {
      'Mesh:exit'() {
        check('PeerAuthentication', unique(model.peerAuthentications));
        check('Sidecar', unique(model.sidecars));
      },
    };
  },
});
