import fc from 'fast-check';
import { isMap, isSeq, parseAllDocuments, stringify } from 'yaml';

/**
 * Generators for the fuzz tests (test/fuzz.test.ts): Kubernetes-shaped documents built from the
 * vocabulary the model and the rules read, with any node liable to be replaced by a value of the
 * wrong type; and text mutations of real manifests.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const NAMES = ['cart', 'frontend', 'waypoint', 'default', 'x', 'istio', 'istio-eastwestgateway', ''];
const NAMESPACES = ['shop', 'shop', 'shop', 'shop', 'shop', 'shop', 'istio-system', 'default', 'knative-serving', 'other'];
const LABEL_KEYS = [
  'app',
  'version',
  'istio.io/dataplane-mode',
  'istio-injection',
  'istio.io/rev',
  'istio.io/use-waypoint',
  'istio.io/use-waypoint-namespace',
  'istio.io/waypoint-for',
  'sidecar.istio.io/inject',
  'serving.knative.dev/service',
  'gateway.istio.io/service-account',
  'istio.io/dry-run',
  'constructor',
  'toString',
];
const LABEL_VALUES = ['ambient', 'enabled', 'disabled', 'none', 'cart', 'waypoint', 'true', 'false', 'service', 'workload', 'all', 'default', 'canary'];
const STRINGS = [
  'ALLOW',
  'DENY',
  'AUDIT',
  'CUSTOM',
  'STRICT',
  'PERMISSIVE',
  'DISABLE',
  'UNSET',
  'ISTIO_MUTUAL',
  'MUTUAL',
  'SIMPLE',
  'GET',
  'POST',
  '/admin/*',
  '/api/{*}/x',
  '/{**}',
  '*',
  '*.example.com',
  'cluster.local/ns/shop/sa/frontend',
  'cluster.local/ns/*/sa/*',
  '10.0.0.0/8',
  'not-an-ip/99',
  '8080',
  'http',
  'TCP',
  'request.headers[x-user]',
  'source.ip',
  'destination.port',
  'cart.shop.svc.cluster.local',
  '*.local',
  'istio-waypoint',
  'Service',
  'Gateway',
  'gateway.networking.k8s.io',
];
const WHEN_KEYS = ['source.ip', 'source.namespace', 'source.principal', 'destination.port', 'request.headers[x-a]', 'request.auth.claims[iss]', 'connection.sni', 'experimental.x'];

const scalar: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.constantFrom(...STRINGS, ...NAMES, ...NAMESPACES, ...LABEL_VALUES), weight: 4 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
  { arbitrary: fc.integer({ min: -2, max: 70000 }), weight: 2 },
  { arbitrary: fc.constantFrom(0, -1, 3.5, 1e21, 65536, 80, 443, 8080, 15008), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);

const anyKey = fc.oneof(
  fc.constantFrom('rules', 'from', 'to', 'when', 'source', 'operation', 'selector', 'matchLabels', 'spec', 'metadata', 'ports', 'mode', 'key', 'values', 'name'),
  // `<<` is a merge key, which the loader applies as kubectl does: not a plain key to round-trip.
  fc.string({ maxLength: 8 }).filter((k) => k !== '<<'),
);

/** Any JSON value, small. */
export const anyValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    { arbitrary: scalar, weight: 3 },
    { arbitrary: fc.array(tie('value'), { maxLength: 3 }), weight: 1 },
    { arbitrary: fc.dictionary(anyKey, tie('value'), { maxKeys: 3, noNullPrototype: true }), weight: 1 },
  ),
})).value;

/** Usually `arb`; sometimes anything at all (`rules: 7`, `from: null`, `matchLabels: [1]`). */
function w<T>(arb: fc.Arbitrary<T>, odds = 12): fc.Arbitrary<T | Json> {
  return fc.oneof({ arbitrary: arb, weight: odds }, { arbitrary: anyValue, weight: 1 });
}

function rec(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(model, { requiredKeys: [], noNullPrototype: true });
}

function list<T>(arb: fc.Arbitrary<T>, max = 3): fc.Arbitrary<T[]> {
  return fc.array(arb, { maxLength: max });
}

/** `base`, with now and then one of `extra`'s keys added. */
function sometimes(base: fc.Arbitrary<Record<string, unknown>>, extra: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const kv = fc.oneof(...Object.entries(extra).map(([k, arb]) => arb.map((v) => [k, v] as const)));
  const add = fc.oneof({ arbitrary: fc.constant(undefined), weight: 5 }, { arbitrary: kv, weight: 1 });
  return fc.tuple(base, add).map(([o, kv]) => (kv ? { ...o, [kv[0]]: kv[1] } : o));
}

const str = (values: readonly string[]) => w(fc.constantFrom(...values));
const strs = (values: readonly string[]) => w(list(w(fc.constantFrom(...values))));
const port = w(fc.constantFrom(80, 443, 8080, 9090, 8012, 15008, 0, 70000, '8080', 'http'));
const labels = w(fc.dictionary(fc.constantFrom(...LABEL_KEYS), w(fc.constantFrom(...LABEL_VALUES)), { maxKeys: 3, noNullPrototype: true }));
const metadata = (namespaced = true) =>
  w(
    fc.record(
      { name: str(NAMES), ...(namespaced ? { namespace: str(NAMESPACES) } : {}), labels, annotations: labels },
      { requiredKeys: namespaced ? ['name', 'namespace'] : ['name'], noNullPrototype: true },
    ),
  );
const selector = w(rec({ matchLabels: fc.oneof({ arbitrary: fc.constantFrom({ app: 'cart' }, { app: 'frontend' }, {}), weight: 3 }, { arbitrary: labels, weight: 1 }) }));
const targetRef = w(rec({ group: str(['', 'gateway.networking.k8s.io', 'networking.istio.io']), kind: str(['Service', 'Gateway', 'GatewayClass', 'ServiceEntry']), name: str(NAMES), namespace: str(NAMESPACES) }));

const source = w(
  rec({
    principals: strs(STRINGS),
    notPrincipals: strs(STRINGS),
    namespaces: strs(NAMESPACES),
    notNamespaces: strs(NAMESPACES),
    serviceAccounts: strs(NAMES),
    ipBlocks: strs(STRINGS),
    remoteIpBlocks: strs(STRINGS),
    requestPrincipals: strs(STRINGS),
    trustDomains: strs(['cluster.local', 'other']),
  }),
);
const operation = w(
  rec({ methods: strs(STRINGS), notMethods: strs(STRINGS), paths: strs(STRINGS), notPaths: strs(STRINGS), ports: w(list(port)), notPorts: w(list(port)), hosts: strs(STRINGS) }),
);
const condition = w(rec({ key: str(WHEN_KEYS), values: strs(STRINGS), notValues: strs(STRINGS) }));
const authzRule = w(rec({ from: w(list(w(rec({ source })))), to: w(list(w(rec({ operation })))), when: w(list(condition)) }));
const mtls = w(rec({ mode: str(['STRICT', 'PERMISSIVE', 'DISABLE', 'UNSET', 'strict']) }));
const podTemplate = w(
  rec({
    metadata: w(rec({ name: str(NAMES), labels, annotations: labels })),
    spec: w(
      rec({
        serviceAccountName: str(NAMES),
        serviceAccount: str(NAMES),
        hostNetwork: w(fc.boolean()),
        containers: w(list(w(rec({ name: str(NAMES), ports: w(list(w(rec({ containerPort: port, name: str(['http', 'grpc', 'tcp']), protocol: str(['TCP', 'UDP']) })))) })))),
      }),
    ),
  }),
);

const object = (apiVersion: string[], kind: string, spec?: fc.Arbitrary<unknown>, extra: Record<string, fc.Arbitrary<unknown>> = {}, namespaced = true): [string, fc.Arbitrary<unknown>] => [
  kind,
  fc.record(
    { apiVersion: w(fc.constantFrom(...apiVersion), 40), kind: w(fc.constant(kind), 40), metadata: metadata(namespaced), ...(spec ? { spec } : {}), ...extra },
    { requiredKeys: ['apiVersion', 'kind'], noNullPrototype: true },
  ),
];

const OBJECTS: Array<[string, fc.Arbitrary<unknown>]> = [
  object(['v1'], 'Namespace', undefined, {}, false),
  object(['v1'], 'ServiceAccount'),
  object(['v1'], 'Pod', w(rec({ serviceAccountName: str(NAMES), containers: w(list(anyValue)) }))),
  object(['v1'], 'Service', w(rec({ selector: labels, ports: w(list(w(rec({ port, targetPort: port, name: str(['http', 'grpc', 'tcp-x', 'tls']), protocol: str(['TCP', 'UDP']), appProtocol: str(['http', 'https', 'tcp']) })))) }))),
  object(['apps/v1'], 'Deployment', w(rec({ selector, template: podTemplate }))),
  object(['apps/v1'], 'StatefulSet', w(rec({ selector, template: podTemplate }))),
  object(['batch/v1'], 'CronJob', w(rec({ jobTemplate: w(rec({ spec: w(rec({ template: podTemplate })) })) }))),
  object(['serving.knative.dev/v1'], 'Service', w(rec({ template: podTemplate }))),
  object(['serving.knative.dev/v1'], 'Revision', w(rec({ serviceAccountName: str(NAMES), containers: w(list(anyValue)) }))),
  object(
    ['security.istio.io/v1', 'security.istio.io/v1beta1'],
    'AuthorizationPolicy',
    // targetRefs take the policy away from ztunnel and from selectors: only now and then.
    w(sometimes(rec({ selector, action: str(['ALLOW', 'DENY', 'AUDIT', 'CUSTOM', 'allow']), rules: w(list(authzRule)), provider: w(rec({ name: str(NAMES) })) }), { targetRef, targetRefs: w(list(targetRef)) })),
  ),
  object(['security.istio.io/v1', 'security.istio.io/v1beta1'], 'PeerAuthentication', w(rec({ selector, mtls, portLevelMtls: w(fc.dictionary(fc.constantFrom('8080', '80', 'x'), mtls, { maxKeys: 2, noNullPrototype: true })) }))),
  object(['security.istio.io/v1'], 'RequestAuthentication', w(rec({ selector, targetRefs: w(list(targetRef)), jwtRules: w(list(anyValue)) }))),
  object(
    ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'],
    'DestinationRule',
    w(rec({ host: str(STRINGS), exportTo: strs(['.', '*', 'shop', '~']), workloadSelector: selector, trafficPolicy: w(rec({ tls: w(rec({ mode: str(['ISTIO_MUTUAL', 'DISABLE', 'SIMPLE', 'MUTUAL']) })), portLevelSettings: w(list(anyValue)) })), subsets: w(list(anyValue)) })),
  ),
  object(['networking.istio.io/v1'], 'Sidecar', w(rec({ workloadSelector: selector, egress: w(list(anyValue)) }))),
  object(['telemetry.istio.io/v1'], 'Telemetry', w(rec({ selector, accessLogging: w(list(anyValue)) }))),
  object(['gateway.networking.k8s.io/v1'], 'Gateway', w(rec({ gatewayClassName: str(['istio-waypoint', 'istio']), listeners: w(list(w(rec({ name: str(NAMES), port, protocol: str(['HBONE', 'HTTP']) })))) }))),
  object(['install.istio.io/v1alpha1'], 'IstioOperator', w(rec({ meshConfig: w(rec({ rootNamespace: str(NAMESPACES), trustDomain: str(['cluster.local', 'example.org']), enableAutoMtls: w(fc.boolean()) })), values: w(rec({ pilot: w(rec({ env: w(rec({ PILOT_AUTO_ALLOW_WAYPOINT_POLICY: w(fc.constantFrom(true, false, 'true')) })) })) })) }))),
  object(['v1'], 'ConfigMap', undefined, {
    data: w(rec({ mesh: w(fc.constantFrom('rootNamespace: istio-system\nenableAutoMtls: false\n', 'trustDomain: example.org', '{{ broken', 'a: &a [*a]', '- 1')) })),
  }),
  ['Unknown', rec({ apiVersion: str(['example.com/v1', 'v1', 'security.istio.io/v2']), kind: str(['Widget', 'AuthorisationPolicy', 'List', 'PeerAuthentications']), metadata: metadata() })],
];

/** Policies are what the rules are about: draw them more often. */
const WEIGHTS: Record<string, number> = { AuthorizationPolicy: 6, PeerAuthentication: 3, DestinationRule: 3, RequestAuthentication: 2 };

/** A Kubernetes-shaped object (or, sometimes, any value at all). */
export const k8sObject: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.oneof(...OBJECTS.map(([kind, arb]) => ({ arbitrary: arb, weight: WEIGHTS[kind] ?? 1 }))), weight: 8 },
  { arbitrary: anyValue, weight: 1 },
);

/**
 * Well-formed objects that make the random ones mean something: an ambient namespace with a
 * workload, its Service and a waypoint, a sidecar namespace, the root namespace, a Knative Service.
 * Policies drawn at random then select real workloads, so the rules get past their first checks.
 */
const CONTEXT: unknown[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', labels: { 'istio.io/dataplane-mode': 'ambient' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default', labels: { 'istio-injection': 'enabled' } } },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'istio-system' } },
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cart', namespace: 'shop' },
    spec: { selector: { matchLabels: { app: 'cart' } }, template: { metadata: { labels: { app: 'cart' } }, spec: { serviceAccountName: 'cart', containers: [{ name: 'cart', ports: [{ containerPort: 8080 }] }] } } },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 'cart', namespace: 'shop', labels: { 'istio.io/use-waypoint': 'waypoint' } }, spec: { selector: { app: 'cart' }, ports: [{ name: 'http', port: 80, targetPort: 8080 }] } },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'waypoint', namespace: 'shop' }, spec: { gatewayClassName: 'istio-waypoint', listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }] } },
  { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'frontend', namespace: 'default' }, spec: { template: { metadata: { labels: { app: 'frontend' } }, spec: { containers: [{ name: 'f' }] } } } },
  { apiVersion: 'serving.knative.dev/v1', kind: 'Service', metadata: { name: 'hello', namespace: 'shop' }, spec: { template: { spec: { containers: [{ image: 'x' }] } } } },
];

/** A multi-document manifest: some context, random objects, sometimes wrapped in a `List`. */
export const manifest: fc.Arbitrary<unknown[]> = fc
  .tuple(
    fc.oneof({ arbitrary: fc.constant(CONTEXT), weight: 3 }, { arbitrary: fc.subarray(CONTEXT), weight: 1 }),
    fc.oneof(
      { arbitrary: fc.array(k8sObject, { minLength: 1, maxLength: 6 }), weight: 5 },
      { arbitrary: fc.array(k8sObject, { maxLength: 4 }).map((items) => [{ apiVersion: 'v1', kind: 'List', items }]), weight: 1 },
    ),
  )
  .map(([context, random]) => [...context, ...random]);

export interface Rendering {
  flow: boolean;
  json: boolean;
  crlf: boolean;
  bom: boolean;
  comments: boolean;
}

export const rendering: fc.Arbitrary<Rendering> = fc.record({ flow: fc.boolean(), json: fc.boolean(), crlf: fc.boolean(), bom: fc.boolean(), comments: fc.boolean() }, { noNullPrototype: true });

/** YAML text of the documents, in one of the styles people and tools write. */
export function render(docs: unknown[], r: Rendering): string {
  const parts = docs.map((d, i) => {
    const body = r.json ? `${JSON.stringify(d, null, i % 2 ? 2 : undefined)}\n` : stringify(d, { collectionStyle: r.flow ? 'flow' : 'block', lineWidth: 0 });
    return r.comments ? `# document ${i}\n${body}` : body;
  });
  let text = parts.join('---\n');
  if (r.crlf) text = text.replace(/\n/g, '\r\n');
  if (r.bom) text = `\ufeff${text}`;
  return text;
}

// ---------------------------------------------------------------------------------------------
// Mutations of real manifests

const SNIPPETS = [':', ': ', '- ', '[', ']', '{', '}', ',', '&a ', '*a', '*nope', '!tag ', '!!str ', '!!map ', '\t', '\ufeff', '---\n', '...\n', '# c', '"', "'", '|', '>-', '? ', '<<: ', '%YAML 1.1\n', '\\', '\u2028', '\r', '  ', '\n', 'é', '🙂', '\uD800'];
const WRONG = ['7', 'null', '~', '[]', '{}', '"x"', '[1]', '{key: 3}', 'true', '-1', '1e400', '.nan', '""', '[null]', '{a: [b, {c: d}]}', '*a', '&x y'];

export type Mutation =
  | { op: 'deleteLine' | 'duplicateLine'; at: number }
  | { op: 'swapLines'; at: number; other: number }
  | { op: 'indent'; at: number; by: number }
  | { op: 'insert'; at: number; snippet: string }
  | { op: 'truncate'; at: number }
  | { op: 'replaceValue'; at: number; value: string }
  | { op: 'setPath'; at: number; value: Json; remove: boolean };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swapLines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.constantFrom(-4, -2, -1, 1, 2, 4) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 4 })) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('replaceValue' as const), at: fc.nat(), value: fc.constantFrom(...WRONG) }),
  fc.record({ op: fc.constant('setPath' as const), at: fc.nat(), value: anyValue, remove: fc.boolean() }),
  fc.record({ op: fc.constant('setPath' as const), at: fc.nat(), value: anyValue, remove: fc.boolean() }),
);

/** Apply a mutation to manifest text; positions are taken modulo what exists. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'deleteLine':
      lines.splice(m.at % n, 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(m.at % n, 0, lines[m.at % n]!);
      return lines.join('\n');
    case 'swapLines': {
      const a = m.at % n;
      const b = m.other % n;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = m.at % n;
      lines[i] = m.by > 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.snippet + text.slice(at);
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'replaceValue': {
      // The value of some `key: value` line.
      const values = [...text.matchAll(/^(\s*-?\s*[\w.\-/"']+:[ \t]+)(.+)$/gm)];
      if (values.length === 0) return text;
      const v = values[m.at % values.length]!;
      const start = v.index! + v[1]!.length;
      return text.slice(0, start) + m.value + text.slice(start + v[2]!.length);
    }
    case 'setPath':
      return setPath(text, m.at, m.value, m.remove);
  }
}

/** Replace (or remove) one node, chosen among all nodes of all documents, and re-render the YAML. */
function setPath(text: string, at: number, value: Json, remove: boolean): string {
  const docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: 'silent' });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length > 0)) return text;
  const nodes: Array<{ parent: { items: unknown[] }; index: number }> = [];
  for (const doc of docs) {
    const stack: unknown[] = [doc.contents];
    while (stack.length) {
      const node = stack.pop();
      if (isMap(node)) {
        node.items.forEach((pair, index) => {
          nodes.push({ parent: node, index });
          stack.push(pair.value);
        });
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => {
          nodes.push({ parent: node, index });
          stack.push(item);
        });
      }
    }
  }
  if (nodes.length === 0) return text;
  const { parent, index } = nodes[at % nodes.length]!;
  const doc = docs[0]!;
  if (remove) parent.items.splice(index, 1);
  else {
    const item = parent.items[index] as { value?: unknown } | unknown;
    const node = doc.createNode(value);
    if (isMap(parent)) (item as { value: unknown }).value = node;
    else parent.items[index] = node;
  }
  try {
    return docs.map((d) => d.toString({ lineWidth: 0 })).join('');
  } catch {
    return text; // a document yaml cannot write back (e.g. an unresolvable alias)
  }
}
