import { describe, expect, it } from 'vitest';
import { DestinationRuleIndex, mostSpecificHostMatch, moreSpecific, resolveHost, ruleNames } from '../src/mtls/destination-rule.js';
import { modelOf } from './helpers/model.js';

interface DrSpec {
  name: string;
  namespace: string;
  host: string;
  exportTo?: string[];
  selector?: Record<string, string>;
  created?: string;
  /** YAML of spec.trafficPolicy, indented by 4. */
  trafficPolicy?: string;
}

function dr(d: DrSpec): string {
  const lines = ['apiVersion: networking.istio.io/v1', 'kind: DestinationRule', 'metadata:', `  name: ${d.name}`, `  namespace: ${d.namespace}`];
  if (d.created) lines.push(`  creationTimestamp: "${d.created}"`);
  lines.push('spec:', `  host: "${d.host}"`);
  if (d.exportTo) lines.push(`  exportTo: [${d.exportTo.map((e) => `"${e}"`).join(', ')}]`);
  if (d.selector) lines.push('  workloadSelector:', '    matchLabels:', ...Object.entries(d.selector).map(([k, v]) => `      ${k}: ${v}`));
  if (d.trafficPolicy) lines.push('  trafficPolicy:', d.trafficPolicy.replace(/^/gm, '    '));
  return `${lines.join('\n')}\n---\n`;
}

async function indexOf(...rules: DrSpec[]): Promise<DestinationRuleIndex> {
  return new DestinationRuleIndex(await modelOf(rules.map(dr).join('')));
}

const TLS = (mode: string) => `tls:\n  mode: ${mode}`;

describe('host matching (istio pilot/pkg/model/config.go, pkg/config/host/names.go)', () => {
  it('resolves short hosts against the rule namespace only when they have no dot', () => {
    expect(resolveHost('reviews', 'bookinfo')).toBe('reviews.bookinfo.svc.cluster.local');
    expect(resolveHost('reviews.bookinfo', 'bookinfo')).toBe('reviews.bookinfo');
    expect(resolveHost('*', 'bookinfo')).toBe('*');
    expect(resolveHost('*.local', 'bookinfo')).toBe('*.local');
    expect(resolveHost('10.0.0.1', 'bookinfo')).toBe('10.0.0.1');
  });

  it('orders non-wildcards first, then longer hosts', () => {
    expect(moreSpecific('a.b.c', '*.b.c')).toBe(true);
    expect(moreSpecific('*.ns.svc.cluster.local', '*.local')).toBe(true);
    expect(moreSpecific('*.local', '*')).toBe(true);
    expect(moreSpecific('*', '*.local')).toBe(false);
  });

  it('takes the exact host, else the longest matching wildcard', () => {
    const specific = new Map([['a.ns.svc.cluster.local', 'exact']]);
    const wildcard = new Map([
      ['*', 'any'],
      ['*.local', 'local'],
      ['*.ns.svc.cluster.local', 'ns'],
    ]);
    expect(mostSpecificHostMatch('a.ns.svc.cluster.local', specific, wildcard)?.[1]).toBe('exact');
    expect(mostSpecificHostMatch('b.ns.svc.cluster.local', specific, wildcard)?.[1]).toBe('ns');
    expect(mostSpecificHostMatch('b.other.svc.cluster.local', specific, wildcard)?.[1]).toBe('local');
    expect(mostSpecificHostMatch('example.com', specific, wildcard)?.[1]).toBe('any');
    expect(mostSpecificHostMatch('example.com', specific, new Map([['*.org', 'x']]))).toBeUndefined();
  });
});

// The cases of istio pilot/pkg/model/push_context_test.go, TestSetDestinationRuleWithExportTo,
// with the rule each case expects instead of its subsets.
describe('lookup order and exportTo (push_context_test.go, TestSetDestinationRuleWithExportTo)', () => {
  const testhost = 'httpbin.org';
  const rules: DrSpec[] = [
    { name: 'rule1', namespace: 'test1', host: testhost, exportTo: ['.', 'ns1'] },
    { name: 'rule2', namespace: 'test2', host: testhost, exportTo: ['test2', 'ns1', 'test1', 'newNS'] },
    { name: 'rule3', namespace: 'test3', host: testhost, exportTo: ['test1', 'test2', '*'] },
    { name: 'rule4-local', namespace: 'test4', host: testhost, exportTo: ['test4'] },
    { name: 'rule4', namespace: 'istio-system', host: testhost },
    { name: 'rule1', namespace: 'istio-system', host: testhost, exportTo: ['.'] },
    { name: 'rule2', namespace: 'istio-system', host: '*.org', exportTo: ['.'] },
    { name: 'rule3', namespace: 'istio-system', host: '*.app.org', exportTo: ['.'] },
    { name: 'rule5', namespace: 'test5', host: 'api.test.com', exportTo: ['istio-system'] },
    { name: 'rule6', namespace: 'test6', host: 'api.test.com', exportTo: ['istio-system'] },
  ];
  const cases: Array<[proxyNs: string, serviceNs: string, host: string, want: string | undefined]> = [
    ['test1', 'test1', testhost, 'test1/rule1'],
    ['test1', 'test2', testhost, 'test1/rule1'],
    ['test2', 'test1', testhost, 'test2/rule2'],
    ['newNS', 'test2', testhost, 'test2/rule2'],
    ['test3', 'test1', testhost, 'test3/rule3'],
    ['test5', 'test4', testhost, 'istio-system/rule4'],
    ['ns1', 'test1', testhost, 'test1/rule1'],
    ['ns1', 'random', testhost, 'istio-system/rule4'],
    ['random', 'random', testhost, 'istio-system/rule4'],
    ['test3', 'random', testhost, 'test3/rule3'],
    ['istio-system', 'random', testhost, 'istio-system/rule1'],
    ['istio-system', 'istio-system', testhost, 'istio-system/rule1'],
    ['istio-system', 'istio-system', 'foo.app.org', 'istio-system/rule3'],
    ['istio-system', 'test5', 'api.test.com', 'test5/rule5'],
    ['istio-system', 'test6', 'api.test.com', 'test6/rule6'],
    ['istio-system', 'test7', 'api.test.com', undefined],
  ];
  for (const [proxyNs, serviceNs, host, want] of cases) {
    it(`${proxyNs} → ${host} (service in ${serviceNs}): ${want ?? 'none'}`, async () => {
      const idx = await indexOf(...rules);
      const l = idx.lookup(proxyNs, host, serviceNs);
      expect(l.rule ? `${l.rule.namespace}/${l.rule.from[0]!.dr.name}` : undefined).toBe(want);
    });
  }
});

describe('merging and workload selectors (push_context_test.go, TestSetDestinationRuleMerging)', () => {
  const host = 'reviews.test.svc.cluster.local';
  const t0 = '2024-01-01T00:00:00Z';
  const t1 = '2024-01-01T00:00:01Z';
  const tm = '2023-12-31T23:59:59Z';
  const rules: DrSpec[] = [
    { name: 'nsRule1', namespace: 'test', host, exportTo: ['test2', '.'], selector: { app: 'app1' }, created: t0, trafficPolicy: TLS('MUTUAL') },
    { name: 'nsRule2', namespace: 'test', host, exportTo: ['test2', '.'], selector: { app: 'app2' }, created: t1, trafficPolicy: TLS('SIMPLE') },
    { name: 'nsRule3', namespace: 'test', host, exportTo: ['test2', '.'], selector: { app: 'app2' }, created: t1, trafficPolicy: TLS('SIMPLE') },
    { name: 'nsRule4', namespace: 'test', host, exportTo: ['.', 'test2'], created: tm, trafficPolicy: TLS('SIMPLE') },
  ];

  it('keeps selector rules apart unless their selectors match, and merges the wider exportTo into them', async () => {
    const idx = await indexOf(...rules);
    const c = idx.candidates('test', host, 'test');
    expect(c?.list.map((e) => e.from[0]!.dr.name)).toEqual(['nsRule1', 'nsRule2', 'nsRule4']);
    expect(c?.list.map(ruleNames)).toEqual(['test/nsRule1, test/nsRule4', 'test/nsRule2, test/nsRule3, test/nsRule4', 'test/nsRule4']);
  });

  it('never exports workload-selector rules', async () => {
    const idx = await indexOf(...rules);
    const c = idx.candidates('test2', host, 'test');
    expect(c?.list.map((e) => e.from[0]!.dr.name)).toEqual(['nsRule4']);
  });

  it('gives a client the rule whose selector matches it, else the rule without selector', async () => {
    const idx = await indexOf(...rules);
    expect(idx.lookup('test', host, 'test', { app: 'app1' }).rule?.from[0]!.dr.name).toBe('nsRule1');
    expect(idx.lookup('test', host, 'test', { app: 'app2' }).rule?.from[0]!.dr.name).toBe('nsRule2');
    expect(idx.lookup('test', host, 'test', { app: 'other' }).rule?.from[0]!.dr.name).toBe('nsRule4');
  });

  it('leaves a client with no rule when only non-matching selector rules match the host in its namespace', async () => {
    const idx = await indexOf(
      { name: 'only-app1', namespace: 'test', host, selector: { app: 'app1' }, trafficPolicy: TLS('ISTIO_MUTUAL') },
      { name: 'mesh', namespace: 'istio-system', host: '*.local', trafficPolicy: TLS('ISTIO_MUTUAL') },
    );
    const l = idx.lookup('test', host, 'test', { app: 'other' });
    expect(l.rule).toBeUndefined();
    expect(l.selectorOnly?.map(ruleNames)).toEqual(['test/only-app1']);
    expect(idx.clientTls('test', host, 'test', 80, { app: 'other' }).mode).toBeUndefined();
    // A client of another namespace does not see the selector rule and gets the mesh default.
    expect(idx.clientTls('other', host, 'test', 80).mode).toBe('ISTIO_MUTUAL');
  });

  it('keeps the traffic policy of the first rule (by creation time, then name) for the same host', async () => {
    const idx = await indexOf(
      { name: 'b-lb', namespace: 'test', host, trafficPolicy: 'loadBalancer:\n  simple: ROUND_ROBIN' },
      { name: 'a-tls', namespace: 'test', host, created: t1, trafficPolicy: TLS('ISTIO_MUTUAL') },
    );
    // No creationTimestamp is the earliest time: b-lb comes first and its policy (no tls) wins.
    const t = idx.clientTls('test', host, 'test', 80);
    expect(t.mode).toBeUndefined();
    expect(t.decidedAt?.rule.dr.name).toBe('b-lb');
    expect(ruleNames(t.lookup.rule!)).toBe('test/b-lb, test/a-tls');
  });

  it('takes the next rule’s traffic policy when the first has none', async () => {
    const idx = await indexOf({ name: 'a-subsets', namespace: 'test', host }, { name: 'b-tls', namespace: 'test', host, trafficPolicy: TLS('ISTIO_MUTUAL') });
    expect(idx.clientTls('test', host, 'test', 80).decidedAt?.rule.dr.name).toBe('b-tls');
  });
});

describe('the first namespace that matches decides', () => {
  const host = 'httpbin.foo.svc.cluster.local';

  it('a wildcard in the client namespace beats an exact host in the service namespace', async () => {
    const idx = await indexOf(
      { name: 'exact', namespace: 'foo', host, trafficPolicy: TLS('ISTIO_MUTUAL') },
      { name: 'any', namespace: 'bar', host: '*.local', trafficPolicy: 'outlierDetection:\n  consecutive5xxErrors: 5' },
    );
    const t = idx.clientTls('bar', host, 'foo', 8000);
    expect(t.lookup.step).toBe('client-namespace');
    expect(t.mode).toBeUndefined();
    expect(idx.coveringWithMode(host, 8000, 'ISTIO_MUTUAL', 'bar', t.lookup.rule).map((r) => r.dr.name)).toEqual(['exact']);
    expect(idx.clientTls('foo', host, 'foo', 8000).mode).toBe('ISTIO_MUTUAL');
  });

  it('a most specific rule not exported to the client hides less specific ones of its namespace', async () => {
    const idx = await indexOf(
      { name: 'private-exact', namespace: 'foo', host, exportTo: ['.'], trafficPolicy: TLS('DISABLE') },
      { name: 'ns-wide', namespace: 'foo', host: '*.foo.svc.cluster.local', trafficPolicy: TLS('ISTIO_MUTUAL') },
      { name: 'mesh', namespace: 'istio-system', host: '*.local', trafficPolicy: TLS('SIMPLE') },
    );
    // private-exact is not exported at all: in the exported index the most specific match is ns-wide.
    expect(idx.clientTls('bar', host, 'foo', 8000).mode).toBe('ISTIO_MUTUAL');
    expect(idx.clientTls('foo', host, 'foo', 8000).mode).toBe('DISABLE');
  });

  it('an exported exact rule whose exportTo leaves the client out stops nothing: the root namespace is next', async () => {
    const idx = await indexOf(
      { name: 'to-baz', namespace: 'foo', host, exportTo: ['baz'], trafficPolicy: TLS('DISABLE') },
      { name: 'ns-wide', namespace: 'foo', host: '*.foo.svc.cluster.local', trafficPolicy: TLS('ISTIO_MUTUAL') },
      { name: 'mesh', namespace: 'istio-system', host: '*.local', trafficPolicy: TLS('SIMPLE') },
    );
    // The exported index's most specific match is to-baz; it is filtered out for bar, and the
    // less specific ns-wide is never looked at.
    const t = idx.clientTls('bar', host, 'foo', 8000);
    expect(t.lookup.step).toBe('root-namespace');
    expect(t.mode).toBe('SIMPLE');
    expect(idx.clientTls('baz', host, 'foo', 8000).mode).toBe('DISABLE');
  });
});

describe('TLS for a port (util.go GetPortLevelTrafficPolicy; cluster_tls.go)', () => {
  const host = 'httpbin.foo.svc.cluster.local';

  it('uses the port entry whole: a port entry without tls drops the top-level tls', async () => {
    const idx = await indexOf({
      name: 'httpbin',
      namespace: 'foo',
      host,
      trafficPolicy: 'tls:\n  mode: ISTIO_MUTUAL\nportLevelSettings:\n- port:\n    number: 9000\n  loadBalancer:\n    simple: ROUND_ROBIN\n- port:\n    number: 9001\n  tls:\n    mode: SIMPLE',
    });
    expect(idx.clientTls('foo', host, 'foo', 8000)).toMatchObject({ mode: 'ISTIO_MUTUAL', portLevelIndex: undefined });
    const p9000 = idx.clientTls('foo', host, 'foo', 9000);
    expect(p9000).toMatchObject({ mode: undefined, portLevelIndex: 0 });
    expect(p9000.decidedAt?.path).toEqual(['spec', 'trafficPolicy', 'portLevelSettings', 0]);
    expect(idx.clientTls('foo', host, 'foo', 9001).decidedAt?.path).toEqual(['spec', 'trafficPolicy', 'portLevelSettings', 1, 'tls', 'mode']);
  });

  it('reads a tls block without mode as DISABLE', async () => {
    const idx = await indexOf({ name: 'sni', namespace: 'foo', host, trafficPolicy: 'tls:\n  sni: example.com' });
    const t = idx.clientTls('foo', host, 'foo', 8000);
    expect(t.mode).toBe('DISABLE');
    expect(t.decidedAt?.path).toEqual(['spec', 'trafficPolicy', 'tls']);
  });

  it('has no mode and no rule when nothing matches', async () => {
    const idx = await indexOf({ name: 'other', namespace: 'foo', host: 'other.foo.svc.cluster.local', trafficPolicy: TLS('ISTIO_MUTUAL') });
    const t = idx.clientTls('bar', host, 'foo', 8000);
    expect(t.mode).toBeUndefined();
    expect(t.lookup.rule).toBeUndefined();
    expect(t.decidedAt).toBeUndefined();
  });

  it('ignores malformed rules without throwing', async () => {
    const model = await modelOf(
      'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: broken\n  namespace: foo\nspec:\n  trafficPolicy: 3\n---\n' +
        'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: weird\n  namespace: foo\nspec:\n  host: httpbin\n  exportTo: 7\n  trafficPolicy:\n    portLevelSettings: [1, {port: 3}, {port: {number: "8000"}}]\n    tls: yes\n',
    );
    const idx = new DestinationRuleIndex(model);
    expect(idx.rules.map((r) => r.dr.name)).toEqual(['weird']);
    expect(idx.clientTls('foo', host, 'foo', 8000).mode).toBeUndefined();
  });
});
