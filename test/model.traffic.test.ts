import { describe, expect, it } from 'vitest';
import { gatewayHostsFor, hostsOverlap, resolveHost, serviceHostNamespace } from '../src/model/hosts.js';
import { exportsOverlap, exportToText, portProtocol } from '../src/model/traffic.js';
import { modelOf } from './helpers/model.js';

// The traffic views and the service registry (src/model/traffic.ts, hosts.ts) that the traffic
// rules share: exportTo, wildcard hosts, Service port protocols, gateway host scoping.

const REGISTRY = `apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: bookinfo
  annotations:
    networking.istio.io/exportTo: ".,web"
spec:
  ports:
  - name: http
    port: 9080
---
apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata:
  name: eu
  namespace: egress
spec:
  exportTo: ["."]
  hosts: ["*.eu.example.com", "api.example.com"]
  ports:
  - number: 443
    name: https
    protocol: HTTPS
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
  namespace: bookinfo
spec:
  exportTo: ["."]
  hosts: [reviews]
  gateways: [mesh, istio-system/public]
  http:
  - route:
    - destination: {host: reviews, subset: v1, port: {number: 9080}}
    mirror: {host: shadow}
  tcp:
  - route:
    - destination: {host: db.example.com}
`;

describe('service registry', () => {
  it('keys Services by FQDN with their exportTo annotation, ServiceEntry hosts with exportTo', async () => {
    const m = await modelOf(REGISTRY);
    const [svc] = m.hosts.lookup('reviews.bookinfo.svc.cluster.local');
    expect(svc).toMatchObject({ kind: 'Service', name: 'reviews', ports: [9080] });
    expect([...svc!.exportTo].sort()).toEqual(['bookinfo', 'web']);
    expect(m.hosts.lookup('api.example.com').map((e) => `${e.kind} ${e.host} ${[...e.exportTo]}`)).toEqual(['ServiceEntry api.example.com egress']);
  });

  it('wildcard entries cover the hosts under them, and a wildcard covers what is under it', async () => {
    const m = await modelOf(REGISTRY);
    expect(m.hosts.lookup('a.eu.example.com').map((e) => e.host)).toEqual(['*.eu.example.com']);
    expect(m.hosts.lookup('*.b.eu.example.com').map((e) => e.host)).toEqual(['*.eu.example.com']);
    expect(m.hosts.lookup('eu.example.com')).toEqual([]);
    expect(m.hosts.under('*.example.com').map((e) => e.host).sort()).toEqual(['api.example.com']);
    expect(m.hosts.under('*.svc.cluster.local').map((e) => e.name)).toEqual(['reviews']);
    expect(m.hosts.under('*').length).toBe(3);
  });

  it('knows a Service host is missing only where the input declares the namespace, or with complete', async () => {
    const partial = await modelOf(`apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\n${REGISTRY}`);
    expect(partial.knowsHost('cart.shop.svc.cluster.local')).toBe(true);
    expect(partial.knowsHost('cart.bookinfo.svc.cluster.local')).toBe(false); // bookinfo holds objects but is not declared
    expect(partial.knowsHost('cart.example.com')).toBe(false);
    const complete = await modelOf(REGISTRY, { complete: true });
    expect(complete.knowsHost('cart.example.com')).toBe(true);
  });
});

describe('VirtualService view', () => {
  it('lists route and mirror destinations with their paths, gateways and exportTo', async () => {
    const m = await modelOf(REGISTRY);
    const vs = m.virtualServiceOf(m.virtualServices[0]!.resource)!;
    expect(vs.destinations).toEqual([
      { host: 'reviews', subset: 'v1', port: 9080, path: ['spec', 'http', 0, 'route', 0, 'destination'], role: 'route' },
      { host: 'shadow', subset: undefined, port: undefined, path: ['spec', 'http', 0, 'mirror'], role: 'mirror' },
      { host: 'db.example.com', subset: undefined, port: undefined, path: ['spec', 'tcp', 0, 'route', 0, 'destination'], role: 'route' },
    ]);
    expect(vs.gateways.map((g) => g.name)).toEqual(['mesh', 'istio-system/public']);
    expect([...vs.exportTo]).toEqual(['bookinfo']);
    expect(m.serviceEntryOf(vs.resource)).toBeUndefined();
  });
});

describe('host and exportTo helpers', () => {
  it('resolves short names, and finds the namespace of Service hosts', () => {
    expect(resolveHost('reviews', 'bookinfo')).toBe('reviews.bookinfo.svc.cluster.local');
    expect(resolveHost('reviews.bookinfo', 'x')).toBe('reviews.bookinfo');
    expect(resolveHost('*', 'x')).toBe('*');
    expect(serviceHostNamespace('reviews.bookinfo.svc.cluster.local')).toBe('bookinfo');
    expect(serviceHostNamespace('*.bookinfo.svc.cluster.local')).toBeUndefined();
    expect(serviceHostNamespace('reviews.example.com')).toBeUndefined();
  });

  it('overlaps hosts as istio host.Name.Matches does', () => {
    expect(hostsOverlap('*.example.com', 'a.example.com')).toBe(true);
    expect(hostsOverlap('a.example.com', '*.example.com')).toBe(true);
    expect(hostsOverlap('*.example.com', '*.a.example.com')).toBe(true);
    expect(hostsOverlap('*', 'anything')).toBe(true);
    expect(hostsOverlap('a.example.com', 'b.example.com')).toBe(false);
    expect(hostsOverlap('*.a.example.com', 'b.example.com')).toBe(false);
  });

  it('scopes Gateway server hosts to the VirtualService namespace', () => {
    const hosts = ['shop/*.shop.com', './internal.com', '*/any.com', 'plain.com', 'billing/pay.com'];
    expect(gatewayHostsFor(hosts, 'istio-system', 'shop')).toEqual(['*.shop.com', 'any.com', 'plain.com']);
    expect(gatewayHostsFor(hosts, 'istio-system', 'istio-system')).toEqual(['internal.com', 'any.com', 'plain.com']);
  });

  it('overlaps and words exportTo sets', () => {
    const s = (...x: string[]) => new Set(x);
    expect(exportsOverlap(s('*'), s('a'))).toBe(true);
    expect(exportsOverlap(s('*'), s('~'))).toBe(false);
    expect(exportsOverlap(s('a', 'b'), s('*'))).toBe(true);
    expect(exportsOverlap(s('a'), s('b'))).toBe(false);
    expect(exportToText(s('b', 'a'))).toBe('namespaces a and b');
    expect(exportToText(s('~'))).toBe('no namespace');
  });
});

describe('Service port protocol', () => {
  it('follows istiod: UDP, appProtocol, the name prefix, well-known ports, else unknown', () => {
    const p = (name: string | undefined, port = 8080, extra: { protocol?: string; appProtocol?: string } = {}) => portProtocol({ name, port, protocol: extra.protocol ?? 'TCP', appProtocol: extra.appProtocol });
    expect(p('http-web')).toBe('http');
    expect(p('GRPC-Web-api')).toBe('grpc-web');
    expect(p('grpc-api')).toBe('grpc');
    expect(p('web')).toBeUndefined();
    expect(p(undefined)).toBeUndefined();
    expect(p(undefined, 3306)).toBe('tcp');
    expect(p('web', 53, { protocol: 'UDP' })).toBe('udp');
    expect(p('web', 8080, { appProtocol: 'https' })).toBe('https');
    expect(p('http', 8080, { appProtocol: 'prometheus' })).toBeUndefined();
    expect(p('x', 8080, { appProtocol: 'kubernetes.io/h2c' })).toBe('kubernetes.io/h2c');
  });
});
