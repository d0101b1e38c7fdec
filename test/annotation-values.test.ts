import { describe, expect, it } from 'vitest';
import { invalidAnnotationValue } from '../src/model/annotation-values.js';

// Values istio's sidecar injector accepts or refuses (pkg/kube/inject/validate.go; the quantity
// rows are istio's pkg/kube/inject/validate_test.go).
const ok: Array<[string, string]> = [
  ['sidecar.istio.io/proxyCPU', '100m'],
  ['sidecar.istio.io/proxyMemory', '128Mi'],
  ['sidecar.istio.io/proxyCPULimit', '2'],
  ['sidecar.istio.io/proxyMemoryLimit', '1Gi'],
  ['sidecar.istio.io/proxyMemory', '1e3'],
  ['sidecar.istio.io/interceptionMode', 'NONE'],
  ['status.sidecar.istio.io/port', ' 15021 '],
  ['readiness.status.sidecar.istio.io/failureThreshold', '4294967295'],
  ['traffic.sidecar.istio.io/includeInboundPorts', '*'],
  ['traffic.sidecar.istio.io/excludeInboundPorts', ''],
  ['traffic.sidecar.istio.io/excludeOutboundPorts', ' 80, 443 '],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', '*'],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '10.0.0.1/8,::1/128,2001:db8::/32'],
  ['traffic.sidecar.istio.io/kubevirtInterfaces', 'net1, net-2'],
  ['prometheus.istio.io/merge-metrics', 'T'],
  ['proxy.istio.io/config', 'not checked'],
  ['networking.istio.io/exportTo', 'no validator'],
];

const bad: Array<[string, string]> = [
  ['sidecar.istio.io/proxyCPU', '100m"\n  - name: injected\n    image: "busybox'],
  ['sidecar.istio.io/proxyMemory', '128Mi\r'],
  ['sidecar.istio.io/proxyMemory', '128\tMi'],
  ['sidecar.istio.io/proxyMemory', 'abc'],
  ['sidecar.istio.io/proxyMemory', ''],
  ['sidecar.istio.io/interceptionMode', 'redirect'],
  ['status.sidecar.istio.io/port', '-1'],
  ['readiness.status.sidecar.istio.io/periodSeconds', '4294967296'],
  ['readiness.status.sidecar.istio.io/initialDelaySeconds', '+5'],
  ['traffic.sidecar.istio.io/includeInboundPorts', '80,*'],
  ['traffic.sidecar.istio.io/excludeOutboundPorts', '80,'],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '*'],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '10.0.0.0'],
  ['traffic.sidecar.istio.io/excludeOutboundIPRanges', '10.0.0.0/8, 10.1.0.0/16'],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', '010.0.0.0/8'],
  ['traffic.sidecar.istio.io/includeOutboundIPRanges', 'fe80::1%eth0/64'],
  ['traffic.sidecar.istio.io/excludeInterfaces', 'averyveryverylongname'],
  ['traffic.sidecar.istio.io/excludeInterfaces', 'eth0,,eth1'],
  ['prometheus.istio.io/merge-metrics', 'yes'],
];

describe('invalidAnnotationValue', () => {
  it.each(ok)('accepts %s: %j', (name, value) => expect(invalidAnnotationValue(name, value)).toBeUndefined());
  it.each(bad)('refuses %s: %j', (name, value) => expect(invalidAnnotationValue(name, value)).toEqual(expect.any(String)));
});
