// Namespace matching: istio pilot/pkg/security/authz/model/generator.go (srcNamespaceGenerator) for
// Envoy, pilot/pkg/serviceregistry/ambient/authorization.go (stringToMatch) for ztunnel. See README.md.
import { fieldLabel, noCallerConsequence, sourceFieldUses } from '../../src/authz/fields.js';
import { matchNamespacePattern } from '../../src/authz/match.js';
import { defineRule, docsUrl, NAMESPACE_LIST } from '../../src/engine/rule.js';
import { closest } from '../../src/util/text.js';
import type { Model } from '../../src/mesh/model.js';
import { arr, isRecord, type Resource } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';

/** Namespaces every cluster has, whether or not a tree declares them. */
const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/**
 * Namespaces a platform's objects imply: Knative Serving objects run their system pods
 * (activator, autoscaler) in `knative-serving`, which its docs' policies name
 * (knative/serving config/core/deployments/, knative.dev/docs/serving/istio-authorization/).
 */
const IMPLIED_BY_GROUP: Record<string, string> = {
  'serving.knative.dev': 'knative-serving',
  'eventing.knative.dev': 'knative-eventing',
};

function impliedNamespaces(model: Model): string[] {
  const out = new Set<string>();
  for (const r of model.resources) {
    const ns = IMPLIED_BY_GROUP[r.group];
    if (ns) out.add(ns);
  }
  return [...out];
}

const FIELDS = {
  source: [
    ['namespaces', false],
    ['notNamespaces', true],
  ],
  when: ['source.namespace'],
} as const;

/**
 * The namespaces of the cluster, when the input lists them: it declares Namespace objects, and
 * every namespace any of its resources lives in is declared (apart from the built-in ones, the
 * mesh root namespace, which exists in every Istio cluster, those a platform's objects imply, and
 * those the configuration names as known). Otherwise undefined: a partial tree
 * tells nothing of the namespaces it does not mention.
 */
function clusterNamespaces(model: Model, knownNamespaces: readonly string[]): string[] | undefined {
  // `knownNamespaces` (option): created outside the tree, so a resource in one does not make it partial.
  const always = new Set([...BUILTIN_NAMESPACES, model.rootNamespace, ...impliedNamespaces(model), ...knownNamespaces]);
  // A complete input (--complete) holds every namespace there is: those it puts objects in.
  if (model.mesh.complete) return [...new Set([...model.namespaces.keys(), ...always])].sort();
  const declared: string[] = [];
  for (const info of model.namespaces.values()) {
    if (info.resource) declared.push(info.name);
    else if (!always.has(info.name)) return undefined;
  }
  if (declared.length === 0) return undefined;
  return [...new Set([...declared, ...always])].sort();
}

/** `"a", "b", "c"`, past four `… and N more`: not `listText`, whose "a, b and c" would change the messages. */
function declaredText(names: readonly string[]): string {
  const shown = names.slice(0, 4).map((n) => `"${n}"`);
  return names.length > 4 ? `${shown.join(', ')} and ${names.length - 4} more` : shown.join(', ');
}

type Options = [{ knownNamespaces: string[]; ignoreNamespaces: string[] }];

/** The `from` entries of a ReferenceGrant (gateway.networking.k8s.io): kind and namespace, with the path of the namespace. */
function grantSources(r: Resource): Array<{ kind: string; namespace: string; path: Path }> {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return arr(spec.from).flatMap((f, i) =>
    isRecord(f) && typeof f.namespace === 'string' && f.namespace ? [{ kind: typeof f.kind === 'string' ? f.kind : 'objects', namespace: f.namespace, path: ['spec', 'from', i, 'namespace'] as Path }] : [],
  );
}

export default defineRule<'unknownNamespace' | 'unknownNamespaceTypo' | 'patternMatchesNothing' | 'unknownGrantNamespace', Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy names a source namespace (namespaces, notNamespaces, source.namespace), or a ReferenceGrant a from namespace, that the input does not declare.',
      url: docsUrl('unknown-namespace'),
      recommended: true,
      aliases: ['IST0101', 'KIA0101', 'KIA1601'],
      tags: ['correctness', 'authorization'],
    },
    messages: {
      // {{field}}: `"namespaces"` or `the "source.namespace" condition`; {{consequence}}: what the
      // entry does to its rule (src/authz/fields.ts, noCallerConsequence).
      unknownNamespaceTypo:
        'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Did you mean "{{suggestion}}"?',
      unknownNamespace:
        'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      patternMatchesNothing:
        'AuthorizationPolicy "{{name}}" names namespace pattern "{{namespace}}", which matches no namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      unknownGrantNamespace:
        'ReferenceGrant "{{name}}" lets {{kind}}s of namespace "{{namespace}}" refer to objects of namespace {{grantNamespace}}, but "{{namespace}}" is not a namespace the input declares ({{basis}}): the grant lets no existing route through, so the routes it was meant for stay refused (ResolvedRefs=False, RefNotPermitted). {{hint}}',
    },
    schema: [
      {
        type: 'object',
        properties: {
          knownNamespaces: { ...NAMESPACE_LIST, description: 'Namespaces that exist although the input does not declare them (created by `helm install --create-namespace`, or by another team\'s tree).' },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: 'AuthorizationPolicies and ReferenceGrants in these namespaces are not checked.' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ knownNamespaces: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: 'error',
  },
  create(context) {
    // The runner merges `defaultOptions`; a caller of runRules with bare options may not.
    const options: Partial<Options[0]> = context.options[0] ?? {};
    const { knownNamespaces = [], ignoreNamespaces = [] } = options;
    const namespaces = clusterNamespaces(context.model, knownNamespaces);
    if (!namespaces) return {};
    const ignored = new Set(ignoreNamespaces);
    const complete = context.model.mesh.complete;
    const declared = declaredText(complete ? namespaces : namespaces.filter((n) => context.model.namespaces.get(n)?.resource));
    const basis = complete ? 'the input is the whole cluster, --complete' : 'it declares every namespace it uses';
    const known = new Set(namespaces);
    const patterns = new Map<string, boolean>();
    const exists = (pattern: string) => {
      if (!pattern.includes('*')) return known.has(pattern);
      let found = patterns.get(pattern);
      if (found === undefined) patterns.set(pattern, (found = namespaces.some((ns) => matchNamespacePattern(pattern, ns))));
      return found;
    };
    return {
      // ReferenceGrants are no model kind (src/model/model.ts indexes Istio's kinds and Gateways).
      'Mesh:exit'() {
        for (const r of context.model.resources) {
          if (r.kind !== 'ReferenceGrant' || r.group !== 'gateway.networking.k8s.io' || ignored.has(r.namespace)) continue;
          for (const from of grantSources(r)) {
            if (known.has(from.namespace)) continue;
            const near = closest(from.namespace, namespaces);
            context.report({
              at: { resource: r, path: from.path },
              messageId: 'unknownGrantNamespace',
              data: { name: r.name, kind: from.kind, namespace: from.namespace, grantNamespace: r.namespace, basis, hint: near ? `Did you mean "${near}"?` : `Use one it declares (${declared}), or declare the namespace.` },
              suggest: near ? [{ desc: `Replace "${from.namespace}" with "${near}"`, fix: `namespace: ${near}\n` }] : undefined,
            });
          }
        }
      },
      AuthorizationPolicy(p) {
        if (ignored.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, FIELDS, true)) {
          for (const entry of use.values) {
            if (exists(entry.value)) continue;
            const wildcard = entry.value.includes('*');
            const near = wildcard ? undefined : closest(entry.value, namespaces);
            context.report({
              at: { resource: p.resource, path: entry.path },
              messageId: wildcard ? 'patternMatchesNothing' : near ? 'unknownNamespaceTypo' : 'unknownNamespace',
              data: { name: p.name, namespace: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use), suggestion: near, declared, basis },
              suggest: near
                ? [
                    {
                      desc: `Replace "${entry.value}" with "${near}"`,
                      fix: `${use.whenIndex === undefined ? use.field : use.negative ? 'notValues' : 'values'}:\n${use.values
                        .map((v) => `- ${JSON.stringify(v === entry ? near : v.value)}`)
                        .join('\n')}\n`,
                    },
                  ]
                : undefined,
            });
          }
        }
      },
    };
  },
});
