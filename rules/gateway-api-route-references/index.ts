// Gateway API route references, as istiod's gateway controller resolves them: istio
// pilot/pkg/config/kube/gateway/conversion.go (parentRefs: the Gateway or, for mesh routes, the
// Service; a listener's allowedRoutes.namespaces; backendRefs to Services, cross-namespace ones only
// with a ReferenceGrant) and the Gateway API spec (gateway.networking.k8s.io v1, ReferenceGrant
// v1beta1). See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { arr, isRecord, matchesLabels, str, stringMap, type Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';

type MessageId = 'unknownParent' | 'parentNotAllowed' | 'unknownBackend' | 'backendNotGranted';
type Context = MeshRuleContext<MessageId, []>;

const GROUP = 'gateway.networking.k8s.io';
const ROUTES = new Set(['HTTPRoute', 'GRPCRoute', 'TCPRoute', 'TLSRoute', 'UDPRoute']);

interface Ref {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  sectionName: string | undefined;
  path: Path;
}

function refOf(v: unknown, path: Path, defaults: { group: string; kind: string; namespace: string }): Ref | undefined {
  if (!isRecord(v) || !str(v.name)) return undefined;
  return { group: str(v.group) ?? defaults.group, kind: str(v.kind) ?? defaults.kind, namespace: str(v.namespace) ?? defaults.namespace, name: str(v.name)!, sectionName: str(v.sectionName), path };
}

/** Whether namespace `ns` is known to the input well enough to say an object there does not exist. */
function known(context: Context, ns: string): boolean {
  return context.model.mesh.complete || context.model.declaresNamespace(ns);
}

/** Whether a Gateway's listeners (the named one, if any) admit routes of namespace `routeNs`; undefined when the input cannot tell. */
function listenersAdmit(context: Context, gw: Resource, routeNs: string, section: string | undefined): boolean | undefined {
  const spec = isRecord(gw.raw.spec) ? gw.raw.spec : {};
  const listeners = arr(spec.listeners).filter((l): l is Record<string, unknown> => isRecord(l) && (section === undefined || l.name === section));
  if (listeners.length === 0) return undefined;
  let unknown = false;
  for (const l of listeners) {
    const allowed = isRecord(l.allowedRoutes) && isRecord(l.allowedRoutes.namespaces) ? l.allowedRoutes.namespaces : {};
    const from = str(allowed.from) ?? 'Same';
    if (from === 'All' || (from === 'Same' && routeNs === gw.namespace)) return true;
    if (from === 'Selector') {
      if (!context.model.declaresNamespace(routeNs)) unknown = true;
      else if (isRecord(allowed.selector) && !allowed.selector.matchExpressions && matchesLabels(stringMap(allowed.selector.matchLabels), context.model.namespaceLabels(routeNs))) return true;
      else if (isRecord(allowed.selector) && allowed.selector.matchExpressions) unknown = true;
    }
  }
  return unknown ? undefined : false;
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A Gateway API route names a parent Gateway or Service, or a backend Service, that does not exist, does not admit it, or is in another namespace without a ReferenceGrant.',
      url: docsUrl('gateway-api-route-references'),
      recommended: true,
      aliases: ['KIA1401', 'KIA1402'],
      tags: ['correctness', 'traffic', 'gateway-api'],
    },
    messages: {
      unknownParent: '{{kind}} "{{name}}" is attached to {{parentKind}} {{parent}}, which does not exist: the route is not attached there (Accepted=False for that parent). Fix parentRefs.',
      parentNotAllowed:
        '{{kind}} "{{name}}" is attached to Gateway {{parent}}, but {{listeners}} admit{{s}} no routes from namespace {{namespace}} (allowedRoutes.namespaces): the route is not accepted there. Attach it from an admitted namespace, or widen allowedRoutes.',
      unknownBackend: '{{kind}} "{{name}}" sends traffic to Service {{backend}}, which does not exist: requests for this rule get 500 (ResolvedRefs=False, BackendNotFound). Fix backendRefs.',
      backendNotGranted:
        '{{kind}} "{{name}}" sends traffic to Service {{backend}} in another namespace, but no ReferenceGrant in namespace {{namespace}} allows {{kind}}s of namespace {{from}} to refer to it: requests for this rule get 500 (ResolvedRefs=False, RefNotPermitted). Add a ReferenceGrant in {{namespace}}.',
    },
    schema: [],
    defaultSeverity: 'error',
  },
  create(context) {
    return {
      'Mesh:exit'() {
        const model = context.model;
        // ReferenceGrants by namespace: what they let which kinds of which namespaces refer to.
        const grants = new Map<string, Record<string, unknown>[]>();
        for (const r of model.resources) {
          if (r.group !== GROUP || r.kind !== 'ReferenceGrant' || !isRecord(r.raw.spec)) continue;
          const list = grants.get(r.namespace) ?? [];
          list.push(r.raw.spec);
          grants.set(r.namespace, list);
        }
        const granted = (route: Resource, ref: Ref) =>
          (grants.get(ref.namespace) ?? []).some(
            (g) =>
              arr(g.from).some((f) => isRecord(f) && f.group === GROUP && f.kind === route.kind && f.namespace === route.namespace) &&
              arr(g.to).some((t) => isRecord(t) && (t.group ?? '') === '' && t.kind === 'Service' && (t.name === undefined || t.name === ref.name)),
          );
        for (const route of model.resources) {
          if (route.group !== GROUP || !ROUTES.has(route.kind) || !isRecord(route.raw.spec)) continue;
          const spec = route.raw.spec;
          const base = { kind: route.kind, name: route.name };
          arr(spec.parentRefs).forEach((v, i) => {
            const ref = refOf(v, ['spec', 'parentRefs', i], { group: GROUP, kind: 'Gateway', namespace: route.namespace });
            if (!ref) return;
            if (ref.group === GROUP && ref.kind === 'Gateway') {
              const gw = model.gateway(ref.namespace, ref.name);
              if (!gw) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, 'name'] }, messageId: 'unknownParent', data: { ...base, parentKind: 'Gateway', parent: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (listenersAdmit(context, gw.resource, route.namespace, ref.sectionName) === false) {
                context.report({
                  at: { resource: route, path: [...ref.path, 'name'] },
                  messageId: 'parentNotAllowed',
                  data: { ...base, parent: `${ref.namespace}/${ref.name}`, listeners: ref.sectionName ? `its listener "${ref.sectionName}"` : 'its listeners', s: ref.sectionName ? 's' : '', namespace: route.namespace },
                });
              }
            } else if (ref.group === '' && ref.kind === 'Service' && !model.service(ref.namespace, ref.name) && known(context, ref.namespace)) {
              context.report({ at: { resource: route, path: [...ref.path, 'name'] }, messageId: 'unknownParent', data: { ...base, parentKind: 'Service', parent: `${ref.namespace}/${ref.name}` } });
            }
          });
          arr(spec.rules).forEach((rule, i) => {
            if (!isRecord(rule)) return;
            arr(rule.backendRefs).forEach((v, j) => {
              const ref = refOf(v, ['spec', 'rules', i, 'backendRefs', j], { group: '', kind: 'Service', namespace: route.namespace });
              if (!ref || ref.group !== '' || ref.kind !== 'Service') return;
              if (!model.service(ref.namespace, ref.name)) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, 'name'] }, messageId: 'unknownBackend', data: { ...base, backend: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (ref.namespace !== route.namespace && known(context, ref.namespace) && !granted(route, ref)) {
                context.report({
                  at: { resource: route, path: [...ref.path, 'namespace'] },
                  messageId: 'backendNotGranted',
                  data: { ...base, backend: `${ref.namespace}/${ref.name}`, namespace: ref.namespace, from: route.namespace },
                });
              }
            });
          });
        }
      },
    };
  },
});
