import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { lint } from '../src/engine/lint.js';
import { RULES } from '../src/generated/rules.js';
import type { Diagnostic } from '../src/types.js';
import { FIXTURES, listFixtures } from './helpers/fixtures.js';
import { deployment, ns, policy } from './helpers/model.js';
import { builtin } from './helpers/rules.js';
const mismatch = builtin('waypoint-principal-mismatch');
const behind = builtin('ztunnel-policy-behind-waypoint');

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CASES = join(FIXTURES, 'ztunnel-policy-behind-waypoint');

interface Verdict {
  decision: 'ALLOW' | 'DENY';
  enforcement: string[];
  decidedBy?: { name: string };
}

/** The built CLI's answer: `meshlint check-access <dir> --from … --to … --port … --format json`. */
function checkAccessCli(dir: string, from: string, to: string, port: string): Verdict {
  const r = spawnSync(process.execPath, [CLI, 'check-access', dir, '--from', from, '--to', to, '--port', port, '--format', 'json'], { encoding: 'utf8', cwd: ROOT });
  expect([0, 1], r.stderr).toContain(r.status);
  return JSON.parse(r.stdout) as Verdict;
}

/** The rule's findings on a case folder, with the case's own `.meshlint.yaml` (its options) if any. */
async function findings(dir: string, rule = behind): Promise<Diagnostic[]> {
  const configFile = join(dir, '.meshlint.yaml');
  const config = existsSync(configFile) ? loadConfig(configFile) : undefined;
  const result = await lint({ cwd: dir, patterns: ['.'], rules: [rule], ...(config ? { config } : {}) });
  return result.results.flatMap((r) => r.messages).filter((m) => m.ruleId === rule.id);
}

/** `--from` for a caller as the message names it: a principal, or `Deployment ns/name`. */
function fromArg(who: string): string {
  const m = /^(\w+) ([^/]+)\/(\S+)$/.exec(who);
  return m ? `${m[2]}/${m[1]!.toLowerCase()}/${m[3]}` : who;
}

describe('ztunnel-policy-behind-waypoint agrees with check-access on its fixtures', () => {
  const firing = readdirSync(CASES).filter((c) => !c.startsWith('ok-'));
  it.each(firing)('%s: each finding is what check-access answers for the caller it names', async (c) => {
    const dir = join(CASES, c);
    const ds = await findings(dir);
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      const m = /^AuthorizationPolicy "([^"]+)" is enforced by ztunnel on the pods of Service ([^ ]+) \(port (\d+)\), which is bound to (waypoint \S+):/.exec(d.message);
      expect(m, d.message).not.toBeNull();
      const [, policyName, service, port, waypoint] = m!;
      const [svcNs, svcName] = service!.split('/');
      const who = /(?:so|and) (\S+(?: \S+\/\S+)?), which it (?:admits|matches)|not only (\S+(?: \S+\/\S+)?), so/.exec(d.message);
      expect(who, d.message).not.toBeNull();
      const v = checkAccessCli(dir, fromArg((who![1] ?? who![2])!), `${svcNs}/service/${svcName}`, port!);
      // Every finding is about a caller that goes through the waypoint and is decided at ztunnel.
      expect(v.enforcement).toEqual([waypoint, 'ztunnel']);
      if (d.message.includes('this ALLOW policy does not admit it')) {
        expect(d.severity).toBe(2);
        expect(v.decision).toBe('DENY');
        expect(v.decidedBy?.name).toBe(policyName);
      } else if (d.message.includes('this DENY policy matches that identity too')) {
        expect(d.severity).toBe(2);
        expect(v.decision).toBe('DENY');
        expect(v.decidedBy?.name).toBe(policyName);
      } else {
        expect(d.severity).toBe(1);
        expect(v.decision).toBe('ALLOW');
      }
    }
  });

  // The clean cases: check-access says the intended thing, and the rule says nothing.
  const clean: Array<[string, string, string, Verdict['decision'], string[]]> = [
    ['ok-allow-admits-waypoint-principal', 'default/deployment/sleep', 'default/service/productpage', 'ALLOW', ['waypoint default/waypoint', 'ztunnel']],
    ['ok-deny-attached-to-waypoint', 'default/deployment/sleep', 'default/service/productpage', 'DENY', ['waypoint default/waypoint']],
    // The policy of allow-client-behind-waypoint in a namespace the options ignore: refused as there, not reported.
    ['ok-options-ignore-namespaces', 'default/deployment/sleep', 'default/service/productpage', 'DENY', ['waypoint default/waypoint', 'ztunnel']],
    ['ok-ingress-use-waypoint-waypoint-admitted', 'cluster.local/ns/default/sa/bookinfo-gateway-istio', 'default/service/productpage', 'ALLOW', ['waypoint default/waypoint', 'ztunnel']],
    ['ok-sidecar-client-only', 'default/deployment/sleep', 'default/service/productpage', 'ALLOW', ['ztunnel']],
    // Without the Namespace object, the productpage pods that ask for a sidecar are enforced by it, not by ztunnel.
    ['ok-partial-allow-client-behind-waypoint', 'default/deployment/sleep', 'default/service/productpage', 'ALLOW', ['sidecar']],
  ];
  it.each(clean)('%s: check-access %s -> %s is %s, the rule is silent', async (c, from, to, decision, enforcement) => {
    const dir = join(CASES, c);
    expect(await findings(dir)).toEqual([]);
    const v = checkAccessCli(dir, from, to, '9080');
    expect(v.decision).toBe(decision);
    expect(v.enforcement).toEqual(enforcement);
  });
  it('every clean case of the rule is in the table above', () => {
    expect(readdirSync(CASES).filter((c) => c.startsWith('ok-')).sort()).toEqual(clean.map((x) => x[0]).sort());
  });
});

describe('ztunnel-policy-behind-waypoint and waypoint-principal-mismatch never report the same policy', () => {
  it('on every fixture of the repository', async () => {
    for (const c of listFixtures()) {
      const result = await lint({ cwd: c.dir, patterns: ['.'], rules: RULES.filter((r) => r.id === behind.id || r.id === mismatch.id) });
      const ds = result.results.flatMap((r) => r.messages);
      const key = (d: Diagnostic) => `${d.file}:${d.line}`;
      const a = new Set(ds.filter((d) => d.ruleId === behind.id).map(key));
      const b = ds.filter((d) => d.ruleId === mismatch.id).map(key);
      expect(b.filter((k) => a.has(k)), c.name).toEqual([]);
    }
  });
  it('a policy naming a client and a wrong waypoint identity is the mismatch rule\'s alone', async () => {
    const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'cart-wp' });
    const gw = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: cart-wp\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\n';
    const both = policy('cart-ztunnel', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/web", "cluster.local/ns/shop/sa/waypoint"]');
    const yaml = SHOP + gw + deployment('cart', 'shop') + deployment('web', 'shop') + both;
    const run = async (rule: typeof behind) => {
      const r = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [rule] });
      return r.results.flatMap((x) => x.messages).filter((m) => m.ruleId === rule.id);
    };
    expect(await run(mismatch)).toHaveLength(1);
    expect(await run(behind)).toEqual([]);
    // Without the wrong waypoint entry, the client entry is this rule's.
    const clientOnly = yaml.replace(', "cluster.local/ns/shop/sa/waypoint"', '');
    const r = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: clientOnly, filename: 'test.yaml' }, rules: [behind, mismatch] });
    expect(r.results.flatMap((x) => x.messages).map((m) => m.ruleId)).toEqual([behind.id]);
  });
});

describe('ztunnel-policy-behind-waypoint: who the callers are', () => {
  const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
  const WP = 'apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: waypoint\n  namespace: shop\nspec:\n  gatewayClassName: istio-waypoint\n  listeners:\n  - name: mesh\n    port: 15008\n    protocol: HBONE\n---\n';
  const run = async (yaml: string) => {
    const r = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [behind] });
    return r.results.flatMap((x) => x.messages).filter((m) => m.ruleId === behind.id);
  };
  const fromIngressNs = policy('cart-from-ingress', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      namespaces: ["istio-system"]');
  it('namespaces: [istio-system] stands for the ingress gateway, which skips the waypoint unless the Service opts in', async () => {
    const base = SHOP + WP + deployment('cart', 'shop');
    expect(await run(base + fromIngressNs)).toEqual([]);
    const labelled = base.replace('istio.io/use-waypoint: "waypoint"', 'istio.io/use-waypoint: "waypoint"\n    istio.io/ingress-use-waypoint: "true"');
    const ds = await run(labelled + fromIngressNs);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('so the ingress gateway of namespace istio-system, which it admits, and every other caller sent through the waypoint get connection failures');
  });
  it('reads source.principal and source.namespace conditions', async () => {
    const base = SHOP + WP + deployment('cart', 'shop') + ns('front', { 'istio.io/dataplane-mode': 'ambient' }) + deployment('web', 'front');
    const byPrincipal = policy('p', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- when:\n  - key: source.principal\n    values: ["cluster.local/ns/front/sa/web"]');
    const ds = await run(base + byPrincipal);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toContain('so cluster.local/ns/front/sa/web, which it admits');
    const byNs = policy('p', 'shop', 'selector:\n  matchLabels:\n    app: cart\naction: DENY\nrules:\n- when:\n  - key: source.namespace\n    values: ["front"]');
    const deny = await run(base + byNs);
    expect(deny).toHaveLength(1);
    expect(deny[0]!.severity).toBe(1);
    expect(deny[0]!.message).toContain('and Deployment front/web, which it matches, still gets through the waypoint');
  });
});

describe('ztunnel-policy-behind-waypoint: a waypoint whose Gateway is not in the input', () => {
  it('is not judged when the policy names an unknown identity of its namespace (it may be the renamed waypoint)', async () => {
    const SHOP = ns('shop', { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'waypoint' });
    const apps = deployment('cart', 'shop') + deployment('web', 'shop');
    const run = async (yaml: string) => {
      const r = await lint({ cwd: process.cwd(), patterns: ['-'], stdin: { text: yaml, filename: 'test.yaml' }, rules: [behind] });
      return r.results.flatMap((x) => x.messages).filter((m) => m.ruleId === behind.id);
    };
    const webOnly = policy('p', 'shop', 'selector:\n  matchLabels:\n    app: cart\nrules:\n- from:\n  - source:\n      principals: ["cluster.local/ns/shop/sa/web"]');
    expect(await run(SHOP + apps + webOnly)).toHaveLength(1);
    const withProxy = webOnly.replace('"cluster.local/ns/shop/sa/web"]', '"cluster.local/ns/shop/sa/web", "cluster.local/ns/shop/sa/edge-proxy"]');
    expect(await run(SHOP + apps + withProxy)).toEqual([]);
  });
});

describe('ztunnel-policy-behind-waypoint with PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true', () => {
  it('is silent for ALLOW: istiod admits the waypoint at ztunnel itself (pilot/pkg/serviceregistry/ambient/policies.go)', async () => {
    const dir = join(CASES, 'allow-client-behind-waypoint');
    const on = await lint({ cwd: dir, patterns: ['.'], rules: [behind], mesh: { autoAllowWaypointPolicy: true } });
    expect(on.results.flatMap((r) => r.messages).filter((m) => m.ruleId === behind.id)).toEqual([]);
    const deny = await lint({ cwd: join(CASES, 'deny-client-behind-waypoint'), patterns: ['.'], rules: [behind], mesh: { autoAllowWaypointPolicy: true } });
    expect(deny.results.flatMap((r) => r.messages).filter((m) => m.ruleId === behind.id)).toHaveLength(1);
  });
});
