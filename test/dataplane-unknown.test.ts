import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../src/engine/lint.js';
import { podDecidesDataplane, type DataplaneMode } from '../src/model/dataplane.js';
import type { MeshSettings } from '../src/model/mesh.js';
import { Model } from '../src/mesh/model.js';
import { deployment, modelOf, ns } from './helpers/model.js';

// A namespace the input does not declare has unknown labels: the pod's own settings decide only
// where every namespace label would give the same answer (README, "When the input does not say").
describe('the pod settings that decide the data plane whatever the namespace says', () => {
  const rows: Array<{ name: string; labels?: Record<string, string>; annotations?: Record<string, string>; hostNetwork?: boolean; namespace?: string; mode: DataplaneMode | undefined }> = [
    { name: 'sidecar already injected (sidecar.istio.io/status)', annotations: { 'sidecar.istio.io/status': '{}' }, mode: 'sidecar' },
    { name: 'pod label sidecar.istio.io/inject=true', labels: { 'sidecar.istio.io/inject': 'true' }, mode: 'sidecar' },
    { name: 'pod label istio.io/rev', labels: { 'istio.io/rev': 'canary' }, mode: 'sidecar' },
    { name: 'pod label istio.io/dataplane-mode=ambient', labels: { 'istio.io/dataplane-mode': 'ambient' }, mode: 'ambient' },
    { name: 'captured by istio-cni (ambient.istio.io/redirection)', annotations: { 'ambient.istio.io/redirection': 'enabled' }, mode: 'ambient' },
    { name: 'hostNetwork', hostNetwork: true, mode: 'none' },
    { name: 'kube-system', namespace: 'kube-system', mode: 'none' },
    { name: 'both opt-outs', labels: { 'sidecar.istio.io/inject': 'false', 'istio.io/dataplane-mode': 'none' }, mode: 'none' },
    { name: 'no labels', mode: undefined },
    { name: 'only the sidecar opt-out (the namespace may be ambient)', labels: { 'sidecar.istio.io/inject': 'false' }, mode: undefined },
    { name: 'only the ambient opt-out (the namespace may inject)', labels: { 'istio.io/dataplane-mode': 'none' }, mode: undefined },
    { name: 'istio.io/rev with inject=false', labels: { 'istio.io/rev': 'canary', 'sidecar.istio.io/inject': 'false' }, mode: undefined },
    { name: 'the deprecated annotation alone selects no webhook', annotations: { 'sidecar.istio.io/inject': 'true' }, mode: undefined },
  ];
  for (const r of rows) {
    it(`${r.name}: ${r.mode ?? 'unknown'}`, () => {
      const d = podDecidesDataplane({ podLabels: r.labels ?? {}, podAnnotations: r.annotations ?? {}, hostNetwork: r.hostNetwork }, r.namespace ?? 'shop');
      expect(d?.mode).toBe(r.mode);
      expect(d?.assumption).toBeUndefined();
    });
  }
});

describe('a namespace the input does not declare', () => {
  it('takes mesh.assumeDataPlane (default sidecar) and says so', async () => {
    for (const [mesh, mode] of [[{}, 'sidecar'], [{ assumeDataPlane: 'ambient' }, 'ambient'], [{ assumeDataPlane: 'none' }, 'none']] as const) {
      const m = await modelOf(deployment('pay', 'payments'), mesh);
      const w = m.workloads[0]!;
      expect(w.dataplane.mode).toBe(mode);
      expect(w.dataplane.assumption).toEqual({ namespace: 'payments', dataPlane: mode, basis: 'setting', missing: 'namespace', why: 'namespace payments is not in the input' });
    }
  });

  it('a declared namespace without data-plane labels is known: no mesh, no assumption', async () => {
    const m = await modelOf(ns('payments') + deployment('pay', 'payments'));
    expect(m.workloads[0]!.dataplane.mode).toBe('none');
    expect(m.workloads[0]!.dataplane.assumption).toBeUndefined();
  });

  it('the assumption stands for the namespace labels: a pod that opts out of injection has no sidecar', async () => {
    const m = await modelOf(deployment('pay', 'payments', { labels: { 'sidecar.istio.io/inject': 'false' } }));
    expect(m.workloads[0]!.dataplane.mode).toBe('none');
    expect(m.workloads[0]!.dataplane.assumption?.dataPlane).toBe('sidecar');
  });

  it('pods whose own labels decide carry no assumption', async () => {
    const m = await modelOf(deployment('pay', 'payments', { labels: { 'istio.io/dataplane-mode': 'ambient' } }));
    expect(m.workloads[0]!.dataplane.mode).toBe('ambient');
    expect(m.workloads[0]!.dataplane.assumption).toBeUndefined();
  });

  it('a waypoint Gateway in the namespace is evidence of ambient, before the setting', async () => {
    const gw = `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: waypoint, namespace: shop}
spec:
  gatewayClassName: istio-waypoint
  listeners: [{name: mesh, port: 15008, protocol: HBONE}]
---
`;
    const m = await modelOf(gw + deployment('cart', 'shop'), { assumeDataPlane: 'none' });
    expect(m.workloads[0]!.dataplane.mode).toBe('ambient');
    expect(m.workloads[0]!.dataplane.assumption).toEqual({ namespace: 'shop', dataPlane: 'ambient', basis: 'evidence', missing: 'namespace', why: 'namespace shop is not in the input', evidence: 'Gateway shop/waypoint is a waypoint there' });
  });

  it('an object labelled istio.io/use-waypoint is evidence of ambient; use-waypoint: none is not', async () => {
    const svc = (wp: string) => `apiVersion: v1
kind: Service
metadata: {name: orders, namespace: shop, labels: {istio.io/use-waypoint: ${wp}}}
spec: {ports: [{port: 80}]}
---
`;
    expect((await modelOf(svc('waypoint') + deployment('cart', 'shop'))).workloads[0]!.dataplane.assumption).toMatchObject({ dataPlane: 'ambient', basis: 'evidence', missing: 'namespace', why: 'namespace shop is not in the input', evidence: 'Service shop/orders is labelled istio.io/use-waypoint' });
    expect((await modelOf(svc('none') + deployment('cart', 'shop'))).workloads[0]!.dataplane.assumption).toMatchObject({ dataPlane: 'sidecar', basis: 'setting' });
  });

  it('the pods the input does not hold (Knative activator) follow the same ladder', async () => {
    const m = await modelOf(ns('knative-serving') + ns('mesh', { 'istio-injection': 'enabled' }) + ns('off', { 'istio-injection': 'disabled' }), { assumeDataPlane: 'none' });
    // A bare knative-serving Namespace does not show its pods' labels (OpenShift Serverless injects
    // the activator with a pod label): unknown, so the assumption decides and is named.
    expect(m.dataplaneFor('knative-serving')).toMatchObject({
      mode: 'none',
      assumption: { namespace: 'knative-serving', dataPlane: 'none', basis: 'setting', missing: 'pod-labels', why: 'the pods of namespace knative-serving are not in the input and its labels choose no data plane' },
    });
    expect((await modelOf(ns('knative-serving'))).dataplaneFor('knative-serving').mode).toBe('sidecar');
    // Labels that choose a data plane decide for every pod.
    expect(m.dataplaneFor('mesh').mode).toBe('sidecar');
    expect(m.dataplaneFor('mesh').assumption).toBeUndefined();
    expect(m.dataplaneFor('off').mode).toBe('none');
    expect(m.dataplaneFor('off').assumption).toBeUndefined();
    expect(m.dataplaneFor('elsewhere')).toMatchObject({ mode: 'none', assumption: { namespace: 'elsewhere', basis: 'setting', missing: 'namespace', why: 'namespace elsewhere is not in the input' } });
  });
});

describe('evidence from the folder', () => {
  async function modelOfTree(files: Record<string, string>, mesh: Partial<MeshSettings> = {}): Promise<Model> {
    const root = mkdtempSync(join(tmpdir(), 'meshlint-folder-'));
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, name)), { recursive: true });
      writeFileSync(join(root, name), text);
    }
    const input = await loadInput({ cwd: root, patterns: ['.'] });
    return new Model(input.resources, mesh);
  }

  it('namespaces declared in the same folder that agree decide', async () => {
    const m = await modelOfTree({ 'app/ns.yaml': ns('front', { 'istio.io/dataplane-mode': 'ambient' }), 'app/cart.yaml': deployment('cart', 'shop') });
    expect(m.workloads.find((w) => w.name === 'cart')!.dataplane.assumption).toEqual({
      namespace: 'shop',
      dataPlane: 'ambient',
      basis: 'evidence',
      missing: 'namespace',
      why: 'namespace shop is not in the input',
      evidence: 'namespace front declared in the same folder has ambient mode',
    });
  });

  it('a namespace of another folder is no evidence', async () => {
    const m = await modelOfTree({ 'other/ns.yaml': ns('front', { 'istio.io/dataplane-mode': 'ambient' }), 'app/cart.yaml': deployment('cart', 'shop') });
    expect(m.workloads.find((w) => w.name === 'cart')!.dataplane.assumption).toMatchObject({ dataPlane: 'sidecar', basis: 'setting' });
  });

  it('namespaces that disagree leave the setting, unless an ambient-profile IstioOperator breaks the tie', async () => {
    const files = {
      'app/ns.yaml': ns('front', { 'istio.io/dataplane-mode': 'ambient' }) + ns('back', { 'istio-injection': 'enabled' }),
      'app/cart.yaml': deployment('cart', 'shop'),
    };
    const split = await modelOfTree(files, { assumeDataPlane: 'none' });
    expect(split.workloads.find((w) => w.name === 'cart')!.dataplane.assumption).toMatchObject({ dataPlane: 'none', basis: 'setting' });
    const iop = 'apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nmetadata: {name: install, namespace: istio-system}\nspec: {profile: ambient}\n';
    const tie = await modelOfTree({ ...files, 'istio/iop.yaml': iop }, { assumeDataPlane: 'none' });
    expect(tie.workloads.find((w) => w.name === 'cart')!.dataplane.assumption).toMatchObject({ dataPlane: 'ambient', basis: 'evidence' });
  });
});
