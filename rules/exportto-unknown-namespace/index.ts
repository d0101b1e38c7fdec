// `exportTo` lists the namespaces whose proxies see an object: istio pilot/pkg/model/push_context.go
// (initVirtualServices, initDestinationRules, initServiceRegistry: visibility by namespace name),
// pilot/pkg/serviceregistry/kube/conversion.go (the networking.istio.io/exportTo annotation). A
// name that is no namespace exports to nobody. See README.md.
import { defineRule, docsUrl, type MeshRuleContext } from '../../src/engine/rule.js';
import { arr, type Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';
import { closest } from '../../src/util/text.js';

type MessageId = 'unknownNamespace';
type Context = MeshRuleContext<MessageId, []>;

const ANNOTATION = 'networking.istio.io/exportTo';
/** Namespaces every cluster has. */
const BUILTIN = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function check(context: Context, r: Resource, entries: Array<{ value: string; path: Path }>): void {
  const model = context.model;
  for (const { value, path } of entries) {
    if (value === '.' || value === '*' || value === '~' || value === '' || BUILTIN.includes(value) || value === model.rootNamespace) continue;
    if (model.namespaces.has(value)) continue;
    const near = closest(value, [...model.namespaces.keys()]);
    context.report({
      at: { resource: r, path },
      messageId: 'unknownNamespace',
      data: { kind: r.kind, name: r.name, namespace: value, hint: near ? ` Did you mean "${near}"?` : '' },
    });
  }
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An exportTo list (VirtualService, DestinationRule, ServiceEntry, or a Service\'s networking.istio.io/exportTo annotation) names a namespace that does not exist (with --complete).',
      url: docsUrl('exportto-unknown-namespace'),
      recommended: true,
      aliases: ['KIA0005'],
      tags: ['correctness', 'traffic'],
    },
    messages: {
      unknownNamespace:
        '{{kind}} "{{name}}" is exported to namespace "{{namespace}}", which does not exist in this cluster: the entry exports to no one, so the clients it was meant for do not see the {{kind}}.{{hint}} Fix the name.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    // Whether a namespace exists is known only of a whole cluster.
    if (!context.model.mesh.complete) return {};
    const spec = (r: Resource) => (r.raw.spec && typeof r.raw.spec === 'object' ? (r.raw.spec as Record<string, unknown>) : {});
    const listed = (r: Resource) => arr(spec(r).exportTo).flatMap((v, i) => (typeof v === 'string' ? [{ value: v, path: ['spec', 'exportTo', i] as Path }] : []));
    return {
      VirtualService: (r) => check(context, r, listed(r)),
      ServiceEntry: (r) => check(context, r, listed(r)),
      DestinationRule: (dr) => check(context, dr.resource, listed(dr.resource)),
      Service(s) {
        const anno = s.resource.annotations[ANNOTATION];
        if (anno === undefined) return;
        const path: Path = ['metadata', 'annotations', ANNOTATION];
        check(context, s.resource, anno.split(',').map((v) => ({ value: v.trim(), path })));
      },
    };
  },
});
