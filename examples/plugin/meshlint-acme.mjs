// An example meshlint plugin: the checks one organisation needs on top of the built-in rules.
// A plugin is an ES module whose default export holds its rules by name, as an ESLint plugin does;
// each rule is an @eslint/core-style definition (meta + create) whose visitors get model objects.
// See docs/writing-rules.md. Loaded only with `meshlint --plugins`.

/** @type {import('meshlint').MeshRule} */
const namespaceDefaultDeny = {
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Every namespace with workloads has a default-deny AuthorizationPolicy (an ALLOW policy without rules and without selector).',
      url: 'https://example.com/acme/meshlint/namespace-default-deny',
      recommended: true,
    },
    messages: {
      missing: 'Namespace "{{namespace}}" runs {{count}} workload(s) but has no default-deny AuthorizationPolicy: whatever no policy forbids is allowed. Add `spec: {}` in namespace {{namespace}}.',
    },
    schema: [
      {
        type: 'object',
        properties: { ignoreNamespaces: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreNamespaces: ['kube-system'] }],
    hasSuggestions: true,
    defaultSeverity: 'warn',
  },
  create(context) {
    const [{ ignoreNamespaces }] = context.options;
    return {
      Namespace(ns) {
        if (ignoreNamespaces.includes(ns.name)) return;
        const workloads = context.model.workloadsIn(ns.name);
        if (workloads.length === 0) return;
        // ALLOW with no rules and no selector matches nothing, so it denies every request there.
        const denyAll = context.model
          .policiesIn('AuthorizationPolicy', ns.name)
          .some((p) => p.action === 'ALLOW' && p.rules === undefined && !p.selector && p.targetRefs.length === 0);
        if (denyAll) return;
        context.report({
          at: { resource: ns.resource, path: ['metadata', 'name'] },
          messageId: 'missing',
          data: { namespace: ns.name, count: workloads.length },
          suggest: [{ desc: `Add a default-deny policy to namespace ${ns.name}`, fix: `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata:\n  name: default-deny\n  namespace: ${ns.name}\nspec: {}\n` }],
        });
      },
    };
  },
};

/** @type {import('meshlint').MeshRule} */
const noAllowFromAnyNamespace = {
  meta: {
    type: 'problem',
    docs: {
      description: 'An ALLOW rule admits callers from any namespace (namespaces: ["*"]).',
      url: 'https://example.com/acme/meshlint/no-allow-from-any-namespace',
      recommended: true,
    },
    messages: {
      anyNamespace: 'AuthorizationPolicy "{{name}}" admits callers from any namespace ("*"): name the namespaces that may call.',
    },
    schema: [],
    defaultSeverity: 'error',
  },
  create(context) {
    return {
      AuthorizationPolicy(p) {
        if (p.action !== 'ALLOW' || !Array.isArray(p.rules)) return;
        p.rules.forEach((rule, r) => {
          (rule?.from ?? []).forEach((from, f) => {
            const namespaces = from?.source?.namespaces;
            if (!Array.isArray(namespaces)) return;
            namespaces.forEach((value, i) => {
              if (value !== '*') return;
              context.report({
                at: { resource: p.resource, path: ['spec', 'rules', r, 'from', f, 'source', 'namespaces', i] },
                messageId: 'anyNamespace',
                data: { name: p.name },
              });
            });
          });
        });
      },
    };
  },
};

export default {
  meta: { name: 'meshlint-plugin-acme', version: '1.0.0' },
  rules: {
    'namespace-default-deny': namespaceDefaultDeny,
    'no-allow-from-any-namespace': noAllowFromAnyNamespace,
  },
};
