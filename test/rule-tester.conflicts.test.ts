import { describe, it } from 'vitest';
import { RuleTester } from '../src/rule-tester.js';
import { builtin } from './helpers/rules.js';

RuleTester.describe = describe;
RuleTester.it = it;

// The edge cases of the rules about objects istiod merges or drops: which pairs it compares, and
// which it leaves alone.
const vs = (name: string, namespace: string, extra: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n${extra.replace(/^/gm, '  ')}\n  http: [{route: [{destination: {host: reviews}}]}]\n---\n`;

new RuleTester().run('virtualservice-host-conflict', builtin('virtualservice-host-conflict').definition, {
  valid: [
    { name: 'one mesh VirtualService, one gateway-only', code: vs('a', 'shop', 'hosts: [reviews]') + vs('b', 'shop', 'hosts: [reviews]\ngateways: [shop/public]') },
    { name: 'exported to disjoint namespaces', code: vs('a', 'shop', 'hosts: [reviews.shop.svc.cluster.local]\nexportTo: [web]') + vs('b', 'ops', 'hosts: [reviews.shop.svc.cluster.local]\nexportTo: ["."]') },
    { name: 'the same short name in two namespaces is two hosts', code: vs('a', 'shop', 'hosts: [reviews]') + vs('a', 'web', 'hosts: [reviews]') },
  ],
  invalid: [
    {
      name: '`gateways: [mesh]` and no gateways are both the mesh',
      code: vs('a', 'shop', 'hosts: [reviews]\ngateways: [mesh]') + vs('b', 'shop', 'hosts: [reviews]'),
      errors: [
        { messageId: 'sameMeshHost', data: { name: 'a', host: 'reviews.shop.svc.cluster.local', others: '"shop/b"', scope: 'every namespace' }, line: 5, column: 11 },
        { messageId: 'sameMeshHost', data: { name: 'b', others: '"shop/a"' }, line: 13, column: 11 },
      ],
    },
    {
      name: 'many VirtualServices for one host: five named, the rest counted',
      code: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => vs(n, 'shop', 'hosts: [reviews]')).join(''),
      errors: [{ messageId: 'sameMeshHost', data: { name: 'a', others: '"shop/b", "shop/c", "shop/d", "shop/e", "shop/f" and 1 more' } }, ...Array(6).fill({ messageId: 'sameMeshHost' })],
    },
    {
      name: 'exported to one namespace each, seen together in one',
      code: vs('a', 'shop', 'hosts: [reviews.shop.svc.cluster.local]\nexportTo: [web, shop]') + vs('b', 'web', 'hosts: [reviews.shop.svc.cluster.local]\nexportTo: ["."]'),
      errors: [{ messageId: 'sameMeshHost', data: { scope: 'namespace web' } }, { messageId: 'sameMeshHost', data: { scope: 'namespace web' } }],
    },
  ],
});

const se = (name: string, namespace: string, port: string, extra = '') =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  hosts: [api.example.com]\n  resolution: DNS\n  ports: [${port}]\n${extra}---\n`;

new RuleTester().run('serviceentry-conflict', builtin('serviceentry-conflict').definition, {
  valid: [
    { name: 'protocols compared case-insensitively', code: se('a', 'shop', '{number: 443, name: tls, protocol: TLS}') + se('b', 'shop', '{number: 443, name: tls, protocol: tls}') },
    { name: 'other ports', code: se('a', 'shop', '{number: 443, name: tls, protocol: TLS}') + se('b', 'web', '{number: 8443, name: tls, protocol: TLS}') },
    { name: 'another namespace, exported apart', code: se('a', 'shop', '{number: 443, name: tls, protocol: TLS}', '  exportTo: ["."]\n') + se('b', 'web', '{number: 443, name: tls, protocol: TLS}', '  exportTo: ["."]\n') },
  ],
  invalid: [
    {
      name: 'a port without protocol beside one with',
      code: se('a', 'shop', '{number: 8080, name: web}') + se('b', 'shop', '{number: 8080, name: http, protocol: HTTP}'),
      errors: [
        { messageId: 'conflictingProtocols', data: { name: 'a', host: 'api.example.com', port: 8080, protocol: 'no protocol (sniffed)', otherProtocols: 'HTTP' }, line: 7, column: 11 },
        { messageId: 'conflictingProtocols', data: { name: 'b', protocol: 'HTTP', otherProtocols: 'no protocol (sniffed)' } },
      ],
    },
  ],
});

const gateway = (name: string, selector: string, server: string) =>
  `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: ingress}\nspec:\n  selector: {${selector}}\n  servers:\n  - ${server}\n---\n`;
const TCP = (port: number, bind = '') => `{port: {number: ${port}, name: tcp, protocol: TCP}, hosts: ["*"]${bind ? `, bind: ${bind}` : ''}}`;

new RuleTester().run('istio-gateway-servers', builtin('istio-gateway-servers').definition, {
  valid: [
    { name: 'TCP servers on different binds', code: gateway('a', 'istio: ingressgateway', TCP(9000, '10.0.0.1')) + gateway('b', 'istio: ingressgateway', TCP(9000, '10.0.0.2')) },
    { name: 'different selectors, no pod of the input under both', code: gateway('a', 'istio: ingressgateway', TCP(9000)) + gateway('b', 'istio: internal', TCP(9000)) },
    { name: 'a selector without pods in a partial input', code: gateway('a', 'istio: nothing-here', TCP(9000)) },
  ],
  invalid: [
    {
      name: 'two TCP servers on one port: istiod keeps one',
      code: gateway('a', 'istio: ingressgateway', TCP(9000)) + gateway('b', 'istio: ingressgateway', TCP(9000)),
      errors: [
        { messageId: 'protocolConflict', data: { name: 'a', port: 9000, protocol: 'TCP', others: '"ingress/b" (TCP)' }, line: 7, column: 21 },
        { messageId: 'protocolConflict', data: { name: 'b', others: '"ingress/a" (TCP)' } },
      ],
    },
    {
      name: 'no pod with the labels in a complete input',
      code: gateway('a', 'istio: nothing-here', TCP(9000)),
      mesh: { complete: true },
      errors: [{ messageId: 'selectsNoPod', data: { name: 'a', selector: 'istio=nothing-here' }, line: 5, column: 3 }],
    },
  ],
});

const k8sGateway = (name: string, spec: string) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  gatewayClassName: istio\n${spec.replace(/^/gm, '  ')}\n---\n`;
const SHARED = 'addresses: [{type: Hostname, value: ingress}]';

new RuleTester().run('gateway-api-listener-conflict', builtin('gateway-api-listener-conflict').definition, {
  valid: [
    { name: 'listeners of one Gateway differ by hostname', code: k8sGateway('a', 'listeners:\n- {name: a, port: 80, protocol: HTTP, hostname: a.example.com}\n- {name: b, port: 80, protocol: HTTP}') },
    { name: 'HTTP listeners of a shared deployment merge', code: k8sGateway('a', `${SHARED}\nlisteners: [{name: a, port: 80, protocol: HTTP}]`) + k8sGateway('b', `${SHARED}\nlisteners: [{name: a, port: 80, protocol: HTTP}]`) },
    { name: 'a Hostname address is not an IP to share', code: k8sGateway('a', `${SHARED}\nlisteners: [{name: a, port: 80, protocol: HTTP}]`) + k8sGateway('b', `${SHARED}\nlisteners: [{name: b, port: 81, protocol: HTTP}]`) },
  ],
  invalid: [
    {
      name: 'two listeners without hostname on one port and protocol',
      code: k8sGateway('a', 'listeners:\n- {name: one, port: 80, protocol: HTTP}\n- {name: two, port: 80, protocol: HTTP}'),
      errors: [{ messageId: 'duplicateListener', data: { listener: 'two', other: 'one', hostname: 'no hostname' }, line: 8, column: 12 }],
    },
    {
      name: 'a short Hostname address names a Service of the Gateway\'s namespace',
      code: k8sGateway('a', `${SHARED}\nlisteners: [{name: a, port: 5432, protocol: TCP}]`) + k8sGateway('b', 'addresses: [{type: Hostname, value: ingress.shop.svc.cluster.local}]\nlisteners: [{name: a, port: 5432, protocol: TCP}]'),
      errors: [
        { messageId: 'protocolConflict', data: { name: 'a', service: 'ingress.shop.svc.cluster.local' } },
        { messageId: 'protocolConflict', data: { name: 'b' } },
      ],
    },
  ],
});

const dr = (name: string, extra: string) =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: ${name}, namespace: shop}\nspec:\n  host: reviews\n${extra.replace(/^/gm, '  ')}\n---\n`;
const V1 = 'subsets: [{name: v1, labels: {version: v1}}]';

new RuleTester().run('destinationrule-merge-conflict', builtin('destinationrule-merge-conflict').definition, {
  valid: [
    { name: 'different exportTo: not merged', code: dr('a', `${V1}\nexportTo: ["."]`) + dr('b', V1) },
    { name: 'different workload selectors: not merged', code: dr('a', `${V1}\nworkloadSelector: {matchLabels: {app: a}}`) + dr('b', `${V1}\nworkloadSelector: {matchLabels: {app: b}}`) },
  ],
  invalid: [
    {
      name: 'equal workload selectors merge',
      code: dr('a', `${V1}\nworkloadSelector: {matchLabels: {app: a}}`) + dr('b', `${V1}\nworkloadSelector: {matchLabels: {app: a}}`),
      errors: [
        { messageId: 'duplicateSubset', data: { name: 'a', subset: 'v1', host: 'reviews.shop.svc.cluster.local', others: '"shop/b"' }, line: 6, column: 20 },
        { messageId: 'duplicateSubset', data: { name: 'b', others: '"shop/a"' } },
      ],
    },
  ],
});
