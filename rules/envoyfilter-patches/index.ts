// How istiod applies EnvoyFilter patches (istio pilot/pkg/networking/core/envoyfilter/: cluster_patch.go,
// listener_patch.go, rc_patch.go) and orders EnvoyFilters (pilot/pkg/model/push_context.go,
// initEnvoyFilters). The checks follow istioctl's analyzer (pkg/config/analysis/analyzers/envoyfilter/envoyfilter.go)
// where istiod agrees with it. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { isRecord, type At, type Resource } from '../../src/model/resource.js';

/** Operations whose effect depends on what the patches applied before them have done. */
const RELATIVE = new Set(['INSERT_BEFORE', 'INSERT_AFTER', 'REPLACE', 'REMOVE']);

/**
 * Operations istiod ignores for an `applyTo` (it skips them without a word). Only the cases istiod's
 * code shows: REPLACE is applied to filters, listener filters and virtual hosts only; a
 * ROUTE_CONFIGURATION takes MERGE only. HTTP_ROUTE does take ADD and REMOVE (rc_patch.go), which
 * istioctl's analyzer says it ignores.
 */
const IGNORED: Record<string, { messageId: 'replaceIgnored' | 'addIgnored' | 'removeIgnored'; unless?: ReadonlySet<string>; on?: ReadonlySet<string> }> = {
  REPLACE: { messageId: 'replaceIgnored', unless: new Set(['HTTP_FILTER', 'NETWORK_FILTER', 'VIRTUAL_HOST', 'LISTENER_FILTER']) },
  ADD: { messageId: 'addIgnored', on: new Set(['ROUTE_CONFIGURATION']) },
  REMOVE: { messageId: 'removeIgnored', on: new Set(['ROUTE_CONFIGURATION']) },
};

function ignored(operation: string, applyTo: string): 'replaceIgnored' | 'addIgnored' | 'removeIgnored' | undefined {
  const rule = IGNORED[operation];
  if (!rule) return undefined;
  if (rule.unless && !rule.unless.has(applyTo)) return rule.messageId;
  if (rule.on?.has(applyTo)) return rule.messageId;
  return undefined;
}

interface Patch {
  filter: Resource;
  index: number;
  applyTo: string;
  operation: string;
  /** The name of the element the patch adds or targets (its value's `name`, else the listener filter it matches); '' when none. */
  element: string;
  proxyVersion: boolean;
}

const rec = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function patchesOf(r: Resource): Patch[] {
  const spec = rec(r.raw.spec);
  const list = Array.isArray(spec.configPatches) ? spec.configPatches : [];
  return list.flatMap((cp, index) => {
    const patch = rec(rec(cp).patch);
    const match = rec(rec(cp).match);
    const value = rec(patch.value);
    const element = str(value.name) || (Object.keys(value).length > 0 ? str(rec(rec(rec(match.listener).filterChain).filter).name) : '');
    return [{ filter: r, index, applyTo: str(rec(cp).applyTo), operation: str(patch.operation), element, proxyVersion: str(rec(match.proxy).proxyVersion) !== '' }];
  });
}

const at = (p: Patch, ...tail: string[]): At => ({ resource: p.filter, path: ['spec', 'configPatches', p.index, ...tail] });

export default defineRule<'relativeWithoutPriority' | 'relativeWithProxyVersion' | 'replaceIgnored' | 'addIgnored' | 'removeIgnored'>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An EnvoyFilter patch istiod ignores for its applyTo, or a relative patch (INSERT_BEFORE/AFTER, REPLACE, REMOVE) whose EnvoyFilter sets no priority.',
      url: docsUrl('envoyfilter-patches'),
      recommended: true,
      aliases: ['IST0151', 'IST0152', 'IST0153', 'IST0154', 'IST0155'],
      tags: ['envoyfilter'],
    },
    messages: {
      relativeWithoutPriority:
        'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}}, relative to what earlier patches left, and sets no priority: EnvoyFilters of one priority apply root namespace first, then by creation time, so whether the element it is relative to is there yet depends on when each EnvoyFilter was created (a re-created one moves last). Set spec.priority, or use INSERT_FIRST or ADD.',
      relativeWithProxyVersion:
        'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}} relative to "{{element}}", which the proxyVersion-scoped patch of EnvoyFilter "{{other}}" also names, and sets no priority: proxies of other versions (during every upgrade) do not get that patch, so what this one finds differs from proxy to proxy, and may be nothing. Set spec.priority, or use INSERT_FIRST or ADD.',
      replaceIgnored:
        'EnvoyFilter "{{name}}" patches {{applyTo}} with REPLACE, which istiod applies to HTTP_FILTER, NETWORK_FILTER, LISTENER_FILTER and VIRTUAL_HOST only: this patch is silently ignored. Use MERGE, or REMOVE and ADD.',
      addIgnored:
        'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with ADD, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. Use MERGE, or ADD a VIRTUAL_HOST or HTTP_ROUTE.',
      removeIgnored:
        'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with REMOVE, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. REMOVE the VIRTUAL_HOST or HTTP_ROUTE instead.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const model = context.model;
    const patches: Patch[] = [];
    return {
      EnvoyFilter(r: Resource) {
        patches.push(...patchesOf(r));
      },
      'Mesh:exit'() {
        // Elements named by proxyVersion-scoped patches, by namespace, for the relative patches that name them too.
        const scoped = new Map<string, Map<string, Patch[]>>();
        for (const p of patches) {
          if (!p.proxyVersion || p.element === '') continue;
          const byNs = scoped.get(p.element) ?? new Map<string, Patch[]>();
          scoped.set(p.element, byNs);
          const list = byNs.get(p.filter.namespace);
          if (list) list.push(p);
          else byNs.set(p.filter.namespace, [p]);
        }
        // Two EnvoyFilters meet on one proxy only in one namespace, or when one is in the root namespace.
        const root = model.rootNamespace;
        const scopedPeer = (p: Patch): Patch | undefined => {
          const byNs = scoped.get(p.element);
          if (!byNs) return undefined;
          const lists = p.filter.namespace === root ? [...byNs.values()] : [byNs.get(p.filter.namespace) ?? [], byNs.get(root) ?? []];
          for (const list of lists) {
            const other = list.find((o) => o !== p);
            if (other) return other;
          }
          return undefined;
        };
        for (const p of patches) {
          const name = p.filter.name;
          const wrong = ignored(p.operation, p.applyTo);
          if (wrong) {
            context.report({ at: at(p, 'patch', 'operation'), messageId: wrong, data: { name, applyTo: p.applyTo } });
            continue;
          }
          if (!RELATIVE.has(p.operation) || priorityOf(p.filter) !== 0) continue;
          const other = scopedPeer(p);
          if (other) {
            context.report({
              at: at(p, 'patch', 'operation'),
              messageId: 'relativeWithProxyVersion',
              data: { name, applyTo: p.applyTo, operation: p.operation, element: p.element, other: `${other.filter.namespace}/${other.filter.name}` },
              related: [{ at: at(other, 'match', 'proxy', 'proxyVersion'), message: `the proxyVersion of EnvoyFilter "${other.filter.name}"` }],
            });
          } else {
            context.report({ at: at(p, 'patch', 'operation'), messageId: 'relativeWithoutPriority', data: { name, applyTo: p.applyTo, operation: p.operation } });
          }
        }
      },
    };
  },
});

/** `spec.priority`; 0, the default, when unset or not a number. */
function priorityOf(r: Resource): number {
  const p = rec(r.raw.spec).priority;
  return typeof p === 'number' ? p : 0;
}
