// A VirtualService's routes are tried in order and the first that matches wins: istio
// pilot/pkg/networking/core/route/route.go (BuildHTTPRoutesForVirtualService stops at a rule
// without match or a catch-all), pilot/pkg/networking/core/tls.go (tcp and tls filter chains).
// What one match proves about another is in src/model/route-match.ts. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { covers, routeRulesOf, type RouteMatch, type RouteRule } from '../../src/model/route-match.js';

type MessageId = 'unreachableRoute' | 'ineffectiveMatch' | 'redundantMatch';

/** A match seen earlier in the same route list; `match` undefined for a rule without match. */
interface Earlier {
  rule: RouteRule;
  match: RouteMatch | undefined;
}

function routeLabel(rule: RouteRule): string {
  return `${rule.kind}[${rule.index}]${rule.name ? ` ("${rule.name}")` : ''}`;
}

function matchLabel(m: RouteMatch): string {
  return `match[${m.path[m.path.length - 1]}]`;
}

function earlierLabel(e: Earlier): string {
  return e.match ? `${matchLabel(e.match)} of ${routeLabel(e.rule)}` : `${routeLabel(e.rule)}, which has no match`;
}

// A VirtualService istiod built from another API (Ingress, Gateway API) matches prefixes by path segment.
const ROUTE_SEMANTICS = 'internal.istio.io/route-semantics';

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A VirtualService route or match is never used: an earlier route of the same VirtualService takes every request it would match.',
      url: docsUrl('unreachable-route'),
      recommended: true,
      aliases: ['IST0130', 'IST0131'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      unreachableRoute:
        'VirtualService "{{name}}" {{route}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move it before {{first}}, or remove it.',
      ineffectiveMatch:
        'VirtualService "{{name}}" {{route}} {{match}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move the route before {{first}}, or remove the match.',
      redundantMatch:
        'VirtualService "{{name}}" {{route}} {{match}} adds nothing: its {{earlier}} already matches every {{traffic}} it does. Remove it.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs || r.annotations[ROUTE_SEMANTICS] !== undefined) return;
        const vsGateways = vs.gateways.length > 0 ? vs.gateways.map((g) => g.name) : ['mesh'];
        const rules = routeRulesOf(r.raw.spec);
        for (const kind of ['http', 'tcp', 'tls'] as const) {
          const seen: Earlier[] = [];
          // A delegating rule hands requests on to another VirtualService, which may not take them all.
          const coverOf = (m: RouteMatch | undefined) => seen.find((e) => !e.rule.delegates && covers(kind, e.match, m, vsGateways));
          for (const rule of rules.filter((x) => x.kind === kind)) {
            // A tls rule needs a match (validation); without one istiod builds nothing from it.
            if (kind === 'tls' && rule.matches.length === 0) continue;
            const covered = rule.matches.length === 0 ? [coverOf(undefined)] : rule.matches.map(coverOf);
            const name = vs.name;
            const traffic = kind === 'http' ? 'request' : 'connection';
            const route = routeLabel(rule);
            if (covered.every((c) => c !== undefined)) {
              const by = [...new Set(covered.map((c) => earlierLabel(c!)))];
              const first = routeLabel(covered.map((c) => c!.rule).sort((a, b) => a.index - b.index)[0]!);
              context.report({
                at: rule.matches.length > 0 ? { resource: r, path: [...rule.path, 'match'], part: 'key' } : { resource: r, path: rule.path },
                messageId: 'unreachableRoute',
                data: { name, route, earlier: by.join(' and '), first, traffic },
              });
            } else {
              rule.matches.forEach((m, j) => {
                const c = covered[j];
                if (c) {
                  context.report({ at: { resource: r, path: m.path }, messageId: 'ineffectiveMatch', data: { name, route, match: matchLabel(m), earlier: earlierLabel(c), first: routeLabel(c.rule), traffic } });
                  return;
                }
                const twin = rule.matches.slice(0, j).find((o) => covers(kind, o, m, vsGateways));
                if (twin) context.report({ at: { resource: r, path: m.path }, messageId: 'redundantMatch', data: { name, route, match: matchLabel(m), earlier: matchLabel(twin), traffic } });
              });
            }
            if (rule.matches.length === 0) seen.push({ rule, match: undefined });
            else for (const m of rule.matches) seen.push({ rule, match: m });
          }
        }
      },
    };
  },
});
