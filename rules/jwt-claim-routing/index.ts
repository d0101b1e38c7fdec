// Routing on JWT claims: istio pilot/pkg/networking/core/route/route.go (a `@request.auth.claims.*`
// header match reads the dynamic metadata the jwt_authn filter writes), pkg/jwt/routing.go
// (ToRoutingClaim), pilot/pkg/security/authn (the jwt_authn filter exists only where a
// RequestAuthentication applies). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import type { SelectingPolicy } from '../../src/model/kinds.js';
import { arr, isRecord, matchesLabels } from '../../src/model/resource.js';
import type { VirtualService } from '../../src/model/traffic.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Path } from '../../src/types.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'noRequestAuthentication';
type Context = MeshRuleContext<MessageId, []>;

const CLAIM = '@request.auth.claims';

/** The first header key of a match on a JWT claim, with its path and whether it is a `withoutHeaders` key. */
function claimMatch(vs: VirtualService): { key: string; path: Path; without: boolean } | undefined {
  const spec = isRecord(vs.resource.raw.spec) ? vs.resource.raw.spec : {};
  let found: { key: string; path: Path; without: boolean } | undefined;
  arr(spec.http).forEach((rule, i) => {
    if (found || !isRecord(rule)) return;
    arr(rule.match).forEach((m, j) => {
      if (found || !isRecord(m)) return;
      for (const field of ['headers', 'withoutHeaders'] as const) {
        const headers = m[field];
        if (!isRecord(headers)) continue;
        const key = Object.keys(headers).find((k) => k.toLowerCase().startsWith(`${CLAIM}.`) || k.toLowerCase().startsWith(`${CLAIM}[`));
        if (key) {
          found = { key, path: ['spec', 'http', i, 'match', j, field, key], without: field === 'withoutHeaders' };
          return;
        }
      }
    });
  });
  return found;
}

/** RequestAuthentications that apply to a pod: selector-less or matching ones of its namespace and of the root namespace. */
function requestAuthenticationsFor(context: Context, w: Workload): SelectingPolicy[] {
  const model = context.model;
  const namespaces = w.namespace === model.rootNamespace ? [w.namespace] : [w.namespace, model.rootNamespace];
  return namespaces.flatMap((ns) =>
    model.policiesIn<SelectingPolicy>('RequestAuthentication', ns).filter((p) => p.targetRefs.length === 0 && (!p.selector || matchesLabels(p.selector, w.podLabels))),
  );
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A VirtualService routes on a JWT claim at a gateway whose pods no RequestAuthentication applies to, so the claim is never set.',
      url: docsUrl('jwt-claim-routing'),
      recommended: true,
      aliases: ['IST0149'],
      tags: ['authentication', 'traffic'],
    },
    messages: {
      noRequestAuthentication:
        'VirtualService "{{name}}" matches on JWT claim "{{claim}}" at gateway {{gateway}}, but no RequestAuthentication applies to its pods ({{pods}}): no token is validated there, so the claim is never set and this match {{consequence}}. Add a RequestAuthentication that selects the gateway pods.',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: reads(READS.requestAuthentications, READS.istioGateways, READS.workloads),
  },
  create(context) {
    return {
      VirtualService(r) {
        const model = context.model;
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const match = claimMatch(vs);
        if (!match) return;
        for (const g of vs.gateways) {
          if (g.name === 'mesh') continue;
          const slash = g.name.indexOf('/');
          const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
          const gw = model.istioGateway(ns, name);
          if (!gw || Object.keys(gw.selector).length === 0) continue;
          // Istio gateway selectors match pods of every namespace.
          const pods: Workload[] = [];
          for (const podNs of model.workloadNamespaces()) pods.push(...model.selectWorkloads(podNs, gw.selector));
          const unauthenticated = pods.filter((w) => (model.mesh.complete || (model.hasNamespace(w.namespace) && model.hasNamespace(model.rootNamespace))) && requestAuthenticationsFor(context, w).length === 0);
          if (unauthenticated.length === 0) continue;
          context.report({
            at: { resource: vs.resource, path: match.path, part: 'key' },
            messageId: 'noRequestAuthentication',
            data: {
              name: vs.name,
              claim: match.key,
              gateway: `${ns}/${name}`,
              pods: listText(unauthenticated.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (unauthenticated.length > 3 ? ` and ${unauthenticated.length - 3} more` : ''),
              consequence: match.without ? 'in withoutHeaders always matches' : 'never matches',
            },
          });
        }
      },
    };
  },
});
