import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// The edge cases of envoyfilter-patches, telemetry-conflicts and telemetry-missing-provider; the
// fixtures under fixtures/<rule-id>/ document the usual ones.
const envoyFilter = (name: string, namespace: string, spec: string) =>
  `apiVersion: networking.istio.io/v1alpha3\nkind: EnvoyFilter\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const patch = (applyTo: string, operation: string, extra = '') =>
  `- applyTo: ${applyTo}\n  match: {context: SIDECAR_OUTBOUND${extra}}\n  patch:\n    operation: ${operation}\n    value: {name: envoy.lua}`;
const V111 = ", proxy: {proxyVersion: '^1\\.11.*'}";

new RuleTester().run('envoyfilter-patches', builtin('envoyfilter-patches').definition, {
  valid: [
    { name: 'a relative patch with a priority', code: envoyFilter('lua', 'shop', `priority: 10\nconfigPatches:\n${patch('HTTP_FILTER', 'INSERT_AFTER')}`) },
    { name: 'a negative priority is a priority too', code: envoyFilter('lua', 'shop', `priority: -5\nconfigPatches:\n${patch('HTTP_FILTER', 'REMOVE')}`) },
    { name: 'MERGE does not depend on order', code: envoyFilter('lua', 'shop', `configPatches:\n${patch('CLUSTER', 'MERGE')}`) },
    { name: 'ADD and REMOVE on an HTTP route are applied', code: envoyFilter('routes', 'shop', `priority: 1\nconfigPatches:\n${patch('HTTP_ROUTE', 'ADD')}\n${patch('HTTP_ROUTE', 'REMOVE')}`) },
  ],
  invalid: [
    {
      name: 'a relative patch that is itself proxyVersion-scoped does not count against itself',
      code: envoyFilter('lua', 'shop', `configPatches:\n${patch('HTTP_FILTER', 'INSERT_BEFORE', V111)}`),
      errors: [{ messageId: 'relativeWithoutPriority', data: { name: 'lua', applyTo: 'HTTP_FILTER', operation: 'INSERT_BEFORE' }, line: 9, column: 18 }],
    },
    {
      name: 'a proxyVersion patch in the root namespace meets every namespace',
      code: envoyFilter('lua-1-11', 'istio-system', `priority: 1\nconfigPatches:\n${patch('HTTP_FILTER', 'INSERT_FIRST', V111)}`) + envoyFilter('lua', 'shop', `configPatches:\n${patch('HTTP_FILTER', 'REPLACE')}`),
      errors: [{ messageId: 'relativeWithProxyVersion', data: { name: 'lua', element: 'envoy.lua', other: 'istio-system/lua-1-11' } }],
    },
    {
      name: 'an ignored operation is reported whatever the priority',
      code: envoyFilter('clusters', 'shop', `priority: 10\nconfigPatches:\n${patch('CLUSTER', 'REPLACE')}\n${patch('LISTENER', 'REPLACE')}`),
      errors: [
        { messageId: 'replaceIgnored', data: { applyTo: 'CLUSTER' } },
        { messageId: 'replaceIgnored', data: { applyTo: 'LISTENER' } },
      ],
    },
  ],
});

const ns = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}, labels: {istio-injection: enabled}}\n---\n`;
const pod = (name: string, namespace: string, labels: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}, namespace: ${namespace}, labels: {${labels}}}\n---\n`;
const telemetry = (name: string, namespace: string, spec: string) =>
  `apiVersion: telemetry.istio.io/v1\nkind: Telemetry\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${spec.replace(/^/gm, '  ')}\n---\n`;
const METRICS = 'metrics:\n- providers: [{name: prometheus}]';

new RuleTester().run('telemetry-conflicts', builtin('telemetry-conflicts').definition, {
  valid: [
    {
      name: "a root namespace selector selects the root namespace's pods only",
      code: ns('istio-system') + ns('shop') + pod('cart', 'shop', 'app: cart') + telemetry('root-cart', 'istio-system', `selector: {matchLabels: {app: cart}}\n${METRICS}`) + telemetry('cart', 'shop', `selector: {matchLabels: {app: cart}}\n${METRICS}`),
    },
    { name: 'one default per namespace', code: telemetry('default', 'shop', METRICS) + telemetry('default', 'web', METRICS) + telemetry('mesh', 'istio-system', METRICS) },
  ],
  invalid: [
    {
      name: 'two mesh-wide defaults',
      code: telemetry('mesh-default', 'istio-system', METRICS) + telemetry('tracing', 'istio-system', 'tracing:\n- randomSamplingPercentage: 1'),
      errors: [
        { messageId: 'severalNamespaceWide', data: { name: 'mesh-default', others: '"istio-system/tracing"', scope: 'the mesh-wide default (root namespace istio-system)' }, line: 3, column: 18 },
        { messageId: 'severalNamespaceWide', data: { name: 'tracing' } },
      ],
    },
  ],
});

const meshConfigMap = (mesh: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: istio, namespace: istio-system}\ndata:\n  mesh: |-\n${mesh.replace(/^/gm, '    ')}\n---\n`;
const NO_PROVIDER = 'accessLogging:\n- filter: {expression: "response.code >= 400"}';

new RuleTester().run('telemetry-missing-provider', builtin('telemetry-missing-provider').definition, {
  valid: [
    { name: 'no mesh config in a partial input: unknown', code: telemetry('errors', 'shop', NO_PROVIDER) },
    { name: 'a default provider in the ConfigMap', code: meshConfigMap('defaultProviders:\n  accessLogging: [envoy]') + telemetry('errors', 'shop', NO_PROVIDER) },
    {
      name: 'one revision with a default provider is enough',
      code: meshConfigMap('trustDomain: cluster.local') + meshConfigMap('defaultProviders:\n  accessLogging: [envoy]').replace('name: istio,', 'name: istio-canary,') + telemetry('errors', 'shop', NO_PROVIDER),
    },
  ],
  invalid: [
    {
      name: "a complete input without mesh config has Istio's default: no provider",
      code: telemetry('errors', 'shop', NO_PROVIDER),
      mesh: { complete: true },
      errors: [{ messageId: 'noProvider', data: { name: 'errors', meshConfig: "Istio's default mesh config (the input holds no other)" }, line: 6, column: 5 }],
    },
  ],
});
