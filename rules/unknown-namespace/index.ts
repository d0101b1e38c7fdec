// Namespace matching: istio pilot/pkg/security/authz/model/generator.go (srcNamespaceGenerator) for
// Envoy, pilot/pkg/serviceregistry/ambient/authorization.go (stringToMatch) for ztunnel. See README.md.
import { fieldLabel, noCallerConsequence, sourceFieldUses } from '../../src/authz/fields.js';
import { matchNamespacePattern } from '../../src/authz/match.js';
import { legacyRule } from '../../src/engine/rule.js';
import { closest } from '../../src/util/text.js';
import type { Model } from '../../src/mesh/model.js';

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
 * mesh root namespace, which exists in every Istio cluster, and those a platform's objects imply). Otherwise undefined: a partial tree
 * tells nothing of the namespaces it does not mention.
 */
function clusterNamespaces(model: Model): string[] | undefined {
  const always = new Set([...BUILTIN_NAMESPACES, model.rootNamespace, ...impliedNamespaces(model)]);
  const declared: string[] = [];
  for (const info of model.namespaces.values()) {
    if (info.resource) declared.push(info.name);
    else if (!always.has(info.name)) return undefined;
  }
  if (declared.length === 0) return undefined;
  return [...new Set([...declared, ...always])].sort();
}

function listText(names: readonly string[]): string {
  const shown = names.slice(0, 4).map((n) => `"${n}"`);
  return names.length > 4 ? `${shown.join(', ')} and ${names.length - 4} more` : shown.join(', ');
}

export default legacyRule({
  id: 'unknown-namespace',
  meta: {
    description: 'An AuthorizationPolicy names a source namespace (namespaces, notNamespaces, source.namespace) that the input does not declare.',
    severity: 'error',
    aliases: ['IST0101', 'KIA0101'],
    tags: ['correctness', 'authorization'],
  },
  check(ctx) {
    const namespaces = clusterNamespaces(ctx.model);
    if (!namespaces) return;
    const declared = namespaces.filter((n) => ctx.model.namespaces.get(n)?.resource);
    const known = new Set(namespaces);
    const patterns = new Map<string, boolean>();
    const exists = (pattern: string) => {
      if (!pattern.includes('*')) return known.has(pattern);
      let found = patterns.get(pattern);
      if (found === undefined) patterns.set(pattern, (found = namespaces.some((ns) => matchNamespacePattern(pattern, ns))));
      return found;
    };
    ctx.each(ctx.model.authorizationPolicies, (p) => {
      for (const use of sourceFieldUses(p, FIELDS, true)) {
        for (const entry of use.values) {
          if (exists(entry.value)) continue;
          const wildcard = entry.value.includes('*');
          const near = wildcard ? undefined : closest(entry.value, namespaces);
          const what = wildcard
            ? `namespace pattern "${entry.value}", which matches no namespace`
            : `namespace "${entry.value}", which is not a namespace`;
          const hint = near ? ` Did you mean "${near}"?` : ` Use one it declares (${listText(declared)}), or declare the namespace.`;
          ctx.report({
            at: { resource: p.resource, path: entry.path },
            message: `AuthorizationPolicy "${p.name}" names ${what} the input declares (it declares every namespace it uses): in ${fieldLabel(use)} ${noCallerConsequence(p, use)}.${hint}`,
            suggestions: near
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
    });
  },
});
