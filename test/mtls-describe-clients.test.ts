import { describe, expect, it } from 'vitest';
import type { ClientTls } from '../src/mtls/destination-rule.js';
import { describeClients, type ClientEvidence, type ClientView } from '../src/mtls/traffic.js';

const tls = { mode: undefined } as unknown as ClientTls;
const all: Array<[string, ClientEvidence]> = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n, i) => [n, i === 9 ? 'assumed' : 'known']);

function group(except: string[]): ClientView {
  const first = all.find(([ns]) => !except.includes(ns))!;
  return { namespace: first[0], evidence: first[1], group: { all, except: new Set(except) }, tls };
}

function single(namespace: string, evidence: ClientEvidence): ClientView {
  return { namespace, evidence, tls };
}

/** The same description computed the slow way: expand every group. */
function expanded(views: ClientView[]): ClientView[] {
  return views.flatMap((v) => (v.group ? all.filter(([ns]) => !v.group!.except.has(ns)).map(([ns, e]) => single(ns, e)) : [v]));
}

describe('describeClients with grouped views', () => {
  const cases: ClientView[][] = [
    [group(['a', 'd'])],
    [group(['a', 'd']), single('d', 'known')],
    [group(['a', 'd']), group(['b'])],
    [group(['a', 'b', 'c', 'd', 'e', 'f', 'g'])],
    [group(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']), single('zz', 'assumed')],
    [single('c', 'known'), single('j', 'assumed')],
  ];
  for (const views of cases) {
    it(`${views.map((v) => (v.group ? `all but ${[...v.group.except].join('')}` : v.namespace)).join(' + ')}`, () => {
      expect(describeClients(views)).toBe(describeClients(expanded(views)));
    });
  }

  it('counts without listing every namespace', () => {
    expect(describeClients([group(['a', 'd'])])).toBe('sidecars and gateways in namespaces b, c, e, f and 3 more and any Envoy clients in namespace j (pods not in the input)');
  });
});
