import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { covers, routeRulesOf, type RouteKind, type RouteMatch } from '../src/model/route-match.js';

/** The first match of each rule of `kind` in a VirtualService spec written as YAML (undefined: no match). */
function matches(kind: RouteKind, yaml: string): Array<RouteMatch | undefined> {
  return routeRulesOf(parse(yaml)).filter((r) => r.kind === kind).map((r) => r.matches[0]);
}

function firstCoversSecond(kind: RouteKind, yaml: string, vsGateways: string[] = ['mesh']): boolean {
  const [a, b] = matches(kind, yaml);
  return covers(kind, a, b, vsGateways);
}

describe('covers: whether an earlier match takes every request of a later one', () => {
  it('compares uri prefixes and exact values, with case', () => {
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /api}}]}, {match: [{uri: {exact: /api/v1}}]}]}')).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /api/v1}}]}, {match: [{uri: {prefix: /api}}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /API}, ignoreUriCase: true}]}, {match: [{uri: {prefix: /api/x}}]}]}')).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /api}}]}, {match: [{uri: {prefix: /api/x}, ignoreUriCase: true}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /}}]}, {match: [{uri: {prefix: /}, ignoreUriCase: true}]}]}')).toBe(true);
  });

  it('proves nothing about different regexes, and takes ".*" as any path', () => {
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {regex: "/a.*"}}]}, {match: [{uri: {exact: /ab}}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {regex: ".*"}}]}, {match: [{uri: {exact: /ab}}]}]}')).toBe(true);
  });

  it('needs every header of the earlier match implied by the later one; {} is a presence test', () => {
    expect(firstCoversSecond('http', '{http: [{match: [{headers: {x-a: {}}}]}, {match: [{headers: {x-a: {exact: "1"}, x-b: {prefix: b}}}]}]}')).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{headers: {x-a: {exact: "1"}}}]}, {match: [{headers: {x-a: {}}}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{method: {exact: GET}}]}, {match: [{uri: {prefix: /}}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{withoutHeaders: {x-a: {exact: "1"}}}]}, {match: [{withoutHeaders: {x-a: {prefix: ""}}}]}]}')).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{withoutHeaders: {x-a: {}}}]}, {match: [{uri: {prefix: /}}]}]}')).toBe(false);
  });

  it('applies http gateways instead of source labels, as sourceMatchHTTP does', () => {
    const vs = ['gw', 'mesh'];
    expect(firstCoversSecond('http', '{http: [{match: [{gateways: [gw]}]}, {match: [{gateways: [gw], sourceLabels: {app: a}}]}]}', vs)).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{gateways: [gw]}]}, {match: [{uri: {prefix: /}}]}]}', vs)).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{sourceLabels: {app: a}}]}, {match: [{gateways: [mesh]}]}]}', vs)).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /}}]}, {match: [{gateways: [mesh], sourceLabels: {app: a}}]}]}', vs)).toBe(true);
    expect(firstCoversSecond('http', '{http: [{match: [{port: 80}]}, {match: [{uri: {prefix: /}}]}]}')).toBe(false);
  });

  it('ends tcp chains at a match without destinationSubnets; tls only at an identical one', () => {
    expect(firstCoversSecond('tcp', '{tcp: [{match: [{port: 80}]}, {match: [{port: 80, destinationSubnets: [10.0.0.0/8]}]}]}')).toBe(true);
    expect(firstCoversSecond('tcp', '{tcp: [{match: [{destinationSubnets: [10.0.0.0/8]}]}, {match: [{destinationSubnets: [10.1.0.0/16]}]}]}')).toBe(false);
    expect(firstCoversSecond('tcp', '{tcp: [{route: []}, {match: [{port: 80}]}]}')).toBe(true);
    expect(firstCoversSecond('tls', '{tls: [{match: [{sniHosts: ["*.a.com"]}]}, {match: [{sniHosts: [b.a.com]}]}]}')).toBe(false);
    expect(firstCoversSecond('tls', '{tls: [{match: [{sniHosts: [a.com], port: 443}]}, {match: [{sniHosts: [a.com], port: 443, sourceNamespace: x}]}]}')).toBe(true);
  });

  it('proves nothing for fields it does not model', () => {
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {prefix: /}, futureField: 1}]}, {match: [{uri: {prefix: /a}}]}]}')).toBe(false);
    expect(firstCoversSecond('http', '{http: [{match: [{uri: {}}]}, {match: [{uri: {prefix: /a}}]}]}')).toBe(false);
  });
});
