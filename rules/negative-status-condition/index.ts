// Status conditions istiod and the Gateway API controller write back: istio
// pilot/pkg/model/status (istio.io/WaypointBound, ZtunnelAccepted, WaypointAccepted),
// pilot/pkg/config/kube/gateway/conditions.go (Accepted, Programmed, ResolvedRefs). A manifest
// exported from a cluster (kubectl get -o yaml) carries them. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { arr, isRecord, str, type Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';

type MessageId = 'negativeCondition';

const GATEWAY_API = new Set(['Accepted', 'Programmed', 'ResolvedRefs']);

/** Condition types whose status `False` means the object does not work as written, by `group/kind`. */
const NEGATIVE: Record<string, ReadonlySet<string>> = {
  '/Service': new Set(['istio.io/WaypointBound']),
  'networking.istio.io/ServiceEntry': new Set(['istio.io/WaypointBound']),
  'networking.istio.io/WorkloadEntry': new Set(['istio.io/WaypointBound']),
  'security.istio.io/AuthorizationPolicy': new Set(['ZtunnelAccepted', 'WaypointAccepted']),
  'gateway.networking.k8s.io/Gateway': GATEWAY_API,
  'gateway.networking.k8s.io/HTTPRoute': GATEWAY_API,
  'gateway.networking.k8s.io/GRPCRoute': GATEWAY_API,
  'gateway.networking.k8s.io/TCPRoute': GATEWAY_API,
  'gateway.networking.k8s.io/TLSRoute': GATEWAY_API,
};

/** `status.conditions`, or for routes `status.parents[].conditions`, with their paths. */
function conditionsOf(r: Resource): Array<{ c: Record<string, unknown>; path: Path }> {
  const status = isRecord(r.raw.status) ? r.raw.status : undefined;
  if (!status) return [];
  const out: Array<{ c: Record<string, unknown>; path: Path }> = [];
  arr(status.conditions).forEach((c, i) => isRecord(c) && out.push({ c, path: ['status', 'conditions', i] }));
  arr(status.parents).forEach((p, i) => {
    if (isRecord(p)) arr(p.conditions).forEach((c, j) => isRecord(c) && out.push({ c, path: ['status', 'parents', i, 'conditions', j] }));
  });
  return out;
}

/** ` (Reason: message)` of a condition, or what of it is set. */
function detailOf(c: Record<string, unknown>): string {
  const parts = [str(c.reason), str(c.message)].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(': ')})` : '';
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An exported object carries a negative status condition from istiod or the Gateway API controller (not accepted, not programmed, waypoint not bound).',
      url: docsUrl('negative-status-condition'),
      recommended: true,
      aliases: ['IST0171'],
      tags: ['status'],
    },
    messages: {
      negativeCondition:
        '{{kind}} "{{name}}" reports {{type}}={{status}}{{detail}}: the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export.',
    },
    schema: [],
    defaultSeverity: 'warn',
  },
  create(context) {
    return {
      'Mesh:exit'() {
        for (const r of context.model.resources) {
          const types = NEGATIVE[`${r.group}/${r.kind}`];
          if (!types || r.raw.status === undefined) continue;
          for (const { c, path } of conditionsOf(r)) {
            const type = str(c.type);
            const status = str(c.status);
            if (!type || !types.has(type)) continue;
            // istiod accepts an AuthorizationPolicy at the waypoint with some targetRefs ignored: status True, reason PartiallyInvalid.
            const partial = type === 'WaypointAccepted' && c.reason === 'PartiallyInvalid';
            if (status !== 'False' && !partial) continue;
            context.report({
              at: { resource: r, path: [...path, partial ? 'reason' : 'status'] },
              messageId: 'negativeCondition',
              data: { kind: r.kind, name: r.name, type, status: status ?? '', detail: detailOf(c) },
            });
          }
        }
      },
    };
  },
});
