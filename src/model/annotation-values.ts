// The values Istio's sidecar injector accepts for its annotations: istio pkg/kube/inject/validate.go
// (`AnnotationValidation`), which istioctl analyze's InvalidAnnotation (IST0125) applies too.

/** Why `value` is not valid for annotation `name`, or undefined (also for annotations without a check). */
export function invalidAnnotationValue(name: string, value: string): string | undefined {
  return VALIDATORS[name]?.(value);
}

type Validator = (value: string) => string | undefined;

/** Go's strconv.ParseUint(s, 10, bits): ASCII digits only, no sign, no spaces. */
function parseUint(s: string, max: number): number | undefined {
  if (!/^[0-9]+$/.test(s)) return undefined;
  const n = Number(s);
  return n <= max ? n : undefined;
}

function port(s: string): string | undefined {
  if (s.trim() === '') return 'a port in the list is empty';
  return parseUint(s.trim(), 65535) === undefined ? `"${s}" is not a port number (0-65535)` : undefined;
}

function portList(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  for (const p of trimmed.split(',')) {
    const problem = port(p);
    if (problem) return problem;
  }
  return undefined;
}

const IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;

/** Go's netip.ParsePrefix: an address (no zone) and a prefix length in decimal without leading zeros. */
function isPrefix(s: string): boolean {
  const slash = s.indexOf('/');
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return false;
  if (IPV4.test(addr)) return Number(bits) <= 32;
  if (addr.includes('%') || !addr.includes(':') || !/^[0-9a-fA-F:.]+$/.test(addr)) return false;
  try {
    new URL(`http://[${addr}]/`);
  } catch {
    return false;
  }
  return Number(bits) <= 128;
}

function cidrList(value: string): string | undefined {
  if (value === '') return undefined;
  const bad = value.split(',').find((c) => !isPrefix(c));
  return bad === undefined ? undefined : `"${bad}" is not a CIDR (address/prefix length)`;
}

/** pkg/util/net ValidateInterfaceNames. */
function interfaceNames(value: string): string | undefined {
  if (value === '') return undefined;
  for (const raw of value.split(',')) {
    const name = raw.trim();
    if (name === '') return 'an interface name is empty';
    if (name.length > 15) return `interface name "${name}" is longer than 15 characters`;
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(name)) return `interface name "${name}" contains invalid characters`;
  }
  return undefined;
}

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Kubernetes resource.ParseQuantity: a signed decimal, then a binary/decimal SI suffix or an exponent. */
const QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

const uint32: Validator = (v) => (parseUint(v, 4294967295) === undefined ? `"${v}" is not a non-negative whole number` : undefined);
const quantity: Validator = (v) => (QUANTITY.test(v) ? undefined : `"${v}" is not a Kubernetes quantity (e.g. 100m, 128Mi)`);

const VALIDATORS: Record<string, Validator> = {
  'sidecar.istio.io/interceptionMode': (v) => (['REDIRECT', 'TPROXY', 'NONE'].includes(v) ? undefined : `"${v}" is not REDIRECT, TPROXY or NONE`),
  'status.sidecar.istio.io/port': port,
  'readiness.status.sidecar.istio.io/initialDelaySeconds': uint32,
  'readiness.status.sidecar.istio.io/periodSeconds': uint32,
  'readiness.status.sidecar.istio.io/failureThreshold': uint32,
  'traffic.sidecar.istio.io/includeOutboundIPRanges': (v) => (v === '*' ? undefined : cidrList(v)),
  'traffic.sidecar.istio.io/excludeOutboundIPRanges': cidrList,
  'traffic.sidecar.istio.io/includeInboundPorts': (v) => (v === '*' ? undefined : portList(v)),
  'traffic.sidecar.istio.io/excludeInboundPorts': portList,
  'traffic.sidecar.istio.io/excludeOutboundPorts': portList,
  'traffic.sidecar.istio.io/excludeInterfaces': interfaceNames,
  'traffic.sidecar.istio.io/kubevirtInterfaces': interfaceNames,
  'istio.io/reroute-virtual-interfaces': interfaceNames,
  'prometheus.istio.io/merge-metrics': (v) => (GO_BOOLS.has(v) ? undefined : `"${v}" is not true or false`),
  'sidecar.istio.io/proxyCPU': quantity,
  'sidecar.istio.io/proxyMemory': quantity,
  'sidecar.istio.io/proxyCPULimit': quantity,
  'sidecar.istio.io/proxyMemoryLimit': quantity,
};
