import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// Built-in rules tested the way a rule author tests a plugin rule: the cases read as YAML and the
// errors they must give (messageId, data, position), beside the fixture goldens that document them.
const ns = (name: string, labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {${labels}}}\n---\n`;
const AMBIENT = 'istio.io/dataplane-mode: ambient';
const SIDECAR = 'istio-injection: enabled';
const cart = (namespace: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: cart, namespace: ${namespace}}\nspec:\n  selector: {matchLabels: {app: cart}}\n  template:\n    metadata: {labels: {app: cart}}\n    spec: {containers: [{name: c, image: x}]}\n---\n`;
const policy = (name: string, namespace: string, spec: string) =>
  `apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;

const GET_ONLY = 'selector: {matchLabels: {app: cart}}\nrules:\n- to:\n  - operation: {methods: [GET]}';

new RuleTester().run('ztunnel-l7-policy', builtin('ztunnel-l7-policy').definition, {
  valid: [
    { name: 'a sidecar enforces methods', code: ns('shop', SIDECAR) + cart('shop') + policy('get-only', 'shop', GET_ONLY) },
    { name: 'layer-4 only on ambient', code: ns('shop', AMBIENT) + cart('shop') + policy('ports', 'shop', 'selector: {matchLabels: {app: cart}}\nrules:\n- to:\n  - operation: {ports: ["8080"]}') },
    { name: 'a namespace the options ignore', code: ns('shop', AMBIENT) + cart('shop') + policy('get-only', 'shop', GET_ONLY), options: [{ ignoreNamespaces: ['shop'] }] },
  ],
  invalid: [
    {
      name: 'methods on an ambient pod: the ALLOW rule is dropped',
      code: ns('shop', AMBIENT) + cart('shop') + policy('get-only', 'shop', GET_ONLY),
      errors: [{ messageId: 'fieldNotMatched', data: { name: 'get-only', targets: 'Deployment shop/cart', field: '"methods"' }, line: 21, column: 19 }],
    },
    {
      name: 'ambient by the namespace assumption, and the finding says so',
      code: cart('shop') + policy('get-only', 'shop', GET_ONLY),
      mesh: { assumeDataPlane: 'ambient' },
      errors: [{ messageId: 'fieldNotMatched', message: /Assuming ambient mode in namespace shop, which is not in the input/ }],
    },
    {
      name: 'CUSTOM is not enforced by ztunnel',
      code: ns('shop', AMBIENT) + cart('shop') + policy('ext', 'shop', 'selector: {matchLabels: {app: cart}}\naction: CUSTOM\nprovider: {name: authz}\nrules:\n- {}'),
      errors: [{ messageId: 'customNotEnforced', data: { name: 'ext' } }],
    },
  ],
});

new RuleTester().run('unknown-namespace', builtin('unknown-namespace').definition, {
  valid: [
    { name: 'declared namespaces', code: ns('shop', SIDECAR) + ns('web', SIDECAR) + policy('callers', 'shop', 'rules:\n- from:\n  - source: {namespaces: [web]}') },
    { name: 'a partial tree says nothing', code: policy('callers', 'shop', 'rules:\n- from:\n  - source: {namespaces: [wbe]}') },
    { name: 'known by the options', code: ns('shop', SIDECAR) + policy('callers', 'shop', 'rules:\n- from:\n  - source: {namespaces: [partners]}'), options: [{ knownNamespaces: ['partners'] }] },
  ],
  invalid: [
    {
      name: 'a typo of a declared namespace',
      code: ns('shop', SIDECAR) + ns('web', SIDECAR) + policy('callers', 'shop', 'rules:\n- from:\n  - source: {namespaces: [wbe]}'),
      errors: [{ messageId: 'unknownNamespaceTypo', data: { name: 'callers', namespace: 'wbe', suggestion: 'web' }, line: 15, column: 29 }],
    },
  ],
});

const DENY_ADMIN = 'selector: {matchLabels: {app: cart}}\naction: DENY\nrules:\n- to:\n  - operation: {paths: ["/admin/*"]}';

new RuleTester().run('allow-shadowed-by-deny', builtin('allow-shadowed-by-deny').definition, {
  valid: [
    ns('shop', SIDECAR) + cart('shop') + policy('no-admin', 'shop', DENY_ADMIN) + policy('api', 'shop', 'selector: {matchLabels: {app: cart}}\nrules:\n- to:\n  - operation: {paths: ["/api/*"]}'),
  ],
  invalid: [
    {
      code: ns('shop', SIDECAR) + cart('shop') + policy('no-admin', 'shop', DENY_ADMIN) + policy('admin', 'shop', 'selector: {matchLabels: {app: cart}}\nrules:\n- to:\n  - operation: {paths: ["/admin/users"]}'),
      errors: [{ messageId: 'policyShadowed', data: { name: 'admin', denyNamespace: 'shop', denyName: 'no-admin', denyRule: 0 }, severity: 1 }],
    },
  ],
});
