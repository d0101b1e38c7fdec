// Parity with Kiali's own validation tests: each file of Kiali's tests/data/validations (copied to
// test/data/kiali) is linted with the workloads Kiali's tests assume, and meshlint must report the
// rule (and messages) a KIA code maps to where Kiali's Go tests expect the code, and nothing else
// from those messages. Where meshlint deliberately differs, DIFFERENCES says why. The per-code
// table is printed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempTree } from './helpers/run-cli.js';

const DATA = join(import.meta.dirname, 'data', 'kiali');

/** A KIA code and the meshlint rule and messages that report the same problem. */
const CODES: Record<string, { rule: string; messageIds: string[] }> = {
  KIA0105: { rule: 'source-identity-without-mtls', messageIds: ['identityWithoutMtls', 'identityWithoutClientMtls', 'identityWithoutProxy'] },
  KIA0208: { rule: 'tls-mode-conflict', messageIds: ['plaintextToStrict', 'tlsWithoutModeToStrict'] },
  KIA0505: { rule: 'tls-mode-conflict', messageIds: ['mtlsToDisabled', 'mtlsToDisabledOrNoSidecar'] },
  KIA0201: { rule: 'destinationrule-merge-conflict', messageIds: ['duplicateSubset', 'ignoredTrafficPolicy'] },
  KIA0301: { rule: 'istio-gateway-servers', messageIds: ['duplicateTlsHost', 'protocolConflict'] },
  KIA1106: { rule: 'virtualservice-host-conflict', messageIds: ['sameMeshHost'] },
  KIA1211: { rule: 'serviceentry-conflict', messageIds: ['duplicateHostPort'] },
  KIA1212: { rule: 'serviceentry-conflict', messageIds: ['conflictingProtocols'] },
  KIA1501: { rule: 'gateway-api-listener-conflict', messageIds: ['duplicateTlsHost', 'protocolConflict'] },
  KIA1503: { rule: 'gateway-api-listener-conflict', messageIds: ['duplicateListener'] },
  KIA0506: { rule: 'tls-mode-conflict', messageIds: ['mtlsToDisabled', 'mtlsToDisabledOrNoSidecar'] },
  KIA0210: { rule: 'l7-config-without-waypoint', messageIds: ['namespaceNotEnrolled'] },
  KIA0211: { rule: 'l7-config-without-waypoint', messageIds: ['serviceNotEnrolled'] },
  KIA0212: { rule: 'l7-config-without-waypoint', messageIds: ['notInServiceNamespace'] },
  KIA1109: { rule: 'l7-config-without-waypoint', messageIds: ['namespaceNotEnrolled'] },
  KIA1113: { rule: 'l7-config-without-waypoint', messageIds: ['serviceNotEnrolled'] },
  KIA1114: { rule: 'l7-config-without-waypoint', messageIds: ['notInServiceNamespace'] },
  KIA1313: { rule: 'use-waypoint-references', messageIds: ['notFound', 'wrongTrafficType'] },
  KIA1006: { rule: 'policy-selects-nothing', messageIds: ['selectsNothingInRoot', 'selectsNothingInRootNear'] },
  KIA1601: { rule: 'unknown-namespace', messageIds: ['unknownGrantNamespace'] },
  KIA1701: { rule: 'workloadgroup-service-account', messageIds: ['unknownServiceAccount'] },
};

// What Kiali's tests take for granted and the manifests do not say: the namespaces (bookinfo
// injects sidecars; istio-system is the root namespace) and the pods and Services the policies
// select (Kiali's fake "ratings" Service, and bookinfo's productpage and details).
const NAMESPACES = ['bookinfo', 'istio-system'].map((n) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${n}\n${n === 'bookinfo' ? '  labels:\n    istio-injection: enabled\n' : ''}`);

function app(name: string): string {
  return [
    `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: bookinfo\nspec:\n  selector:\n    app: ${name}\n  ports:\n  - name: http\n    port: 9080\n`,
    `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\n  namespace: bookinfo\nspec:\n  selector:\n    matchLabels:\n      app: ${name}\n  template:\n    metadata:\n      labels:\n        app: ${name}\n    spec:\n      serviceAccountName: bookinfo-${name}\n      containers:\n      - name: ${name}\n        image: example/${name}:1.0\n        ports:\n        - containerPort: 9080\n`,
  ].join('---\n');
}

const BOOKINFO = [...NAMESPACES, app('productpage'), app('ratings'), app('details')].join('---\n');
const DISABLE_BOOKINFO = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: default\n  namespace: bookinfo\nspec:\n  mtls:\n    mode: DISABLE\n';
const PRODUCTPAGE = [...NAMESPACES, app('productpage')].join('---\n');

interface Case {
  /** File under test/data/kiali (with `#name` for one document of it). */
  file: string;
  /** The YAML linted, when not the whole file. */
  text?: string;
  /** The codes whose checker the Go test runs. */
  codes: string[];
  /** The codes that Go test expects. */
  expected: string[];
  autoMtls: boolean;
  /** The objects Kiali's test assumes, when the file does not hold them. */
  harness?: string;
}

/**
 * business/checkers/authorization/mtls_enabled_checker_test.go: [file, expected with auto mTLS on,
 * expected with it off]; undefined where the Go test does not run that setting.
 */
const MTLS_ENABLED: Array<[string, boolean | undefined, boolean | undefined]> = [
  ['mtls_enabled_checker_1.yaml', false, true],
  ['mtls_enabled_checker_2.yaml', false, true],
  ['mtls_enabled_checker_3.yaml', false, true],
  ['mtls_enabled_checker_4.yaml', false, false],
  ['mtls_enabled_checker_5.yaml', false, false],
  ['mtls_enabled_checker_6.yaml', false, true],
  ['mtls_enabled_checker_7.yaml', true, true],
  ['mtls_enabled_checker_71.yaml', false, false],
  ['mtls_enabled_checker_8.yaml', true, true],
  ['mtls_enabled_checker_9.yaml', true, true],
  ['mtls_enabled_checker_10.yaml', true, true],
  ['mtls_enabled_checker_101.yaml', false, false],
  ['mtls_enabled_checker_11.yaml', false, true],
  ['mtls_enabled_checker_12.yaml', false, true],
  ['mtls_enabled_checker_13.yaml', false, false],
  ['mtls_enabled_checker_14.yaml', false, false],
  ['mtls_enabled_checker_15.yaml', true, true],
  ['mtls_enabled_checker_16.yaml', true, true],
  ['mtls_enabled_checker_17.yaml', true, true],
  ['mtls_enabled_checker_18.yaml', false, false],
  // TestMTLSDisabledWorkloadLevel runs 19 with auto mTLS off and 20 with it on only.
  ['mtls_enabled_checker_19.yaml', undefined, true],
  ['mtls_enabled_checker_20.yaml', true, undefined],
  ['mtls_enabled_checker_21.yaml', false, false],
  ['mtls_enabled_checker_22.yaml', true, true],
  ['mtls_enabled_checker_23.yaml', false, true],
];

/** business/checkers/ambient_policy_checker_test.go, the VirtualService and DestinationRule tests: [file, expected]. */
const AMBIENT_POLICY: Array<[string, string[]]> = [
  ['vs_service_not_captured.yaml', ['KIA1113']],
  ['vs_service_captured.yaml', []],
  ['vs_ingress_only.yaml', []],
  ['vs_cross_namespace.yaml', ['KIA1114']],
  ['dr_cross_namespace.yaml', ['KIA0212']],
  ['vs_destination_not_ambient.yaml', []],
];

/** business/checkers/ambient/ambient_workload_checker_test.go: [file, expected]. */
const AMBIENT_WORKLOAD: Array<[string, string[]]> = [
  ['waypoint_not_found.yaml', ['KIA1313']],
  ['valid_ambient_workload.yaml', []],
];

/**
 * sidecars/global_checker_test.go, k8sreferencegrants/namespace_checker_test.go and
 * workloadgroups/service_accounts_checker_test.go, translated: [file, code, expected].
 */
const TRANSLATED: Array<[string, string, boolean]> = [
  ['sidecars/without_selector_out_of_control_plane.yaml', 'KIA1006', false],
  ['sidecars/without_selector_in_control_plane.yaml', 'KIA1006', false],
  ['sidecars/with_selector_out_of_control_plane.yaml', 'KIA1006', false],
  ['sidecars/with_selector_in_control_plane.yaml', 'KIA1006', true],
  ['k8sreferencegrants/from_namespace_exists.yaml', 'KIA1601', false],
  ['k8sreferencegrants/from_namespace_not_found.yaml', 'KIA1601', true],
  ['workloadgroups/present_sa.yaml', 'KIA1701', false],
  ['workloadgroups/empty_sa_name.yaml', 'KIA1701', false],
  ['workloadgroups/missing_sa.yaml', 'KIA1701', true],
  ['workloadgroups/different_namespace_sa.yaml', 'KIA1701', true],
  ['workloadgroups/empty_service_accounts.yaml', 'KIA1701', true],
];

// Kiali's checkers of routing objects test objects built in Go (business/tests/data); these are
// the same objects as YAML, one case per Go test (or per checker call within one).
const vs = (name: string, host: string, gateway?: string) =>
  `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: ${name}\n  namespace: bookinfo\nspec:\n  hosts: ["${host}"]\n${gateway ? `  gateways: ["${gateway}"]\n` : ''}  http:\n  - route:\n    - destination:\n        host: reviews\n`;
const se = (name: string, ns: string, host: string, port: number, protocol: string) =>
  `apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n  hosts: ["${host}"]\n  location: MESH_EXTERNAL\n  resolution: DNS\n  ports:\n  - {number: ${port}, name: p${port}, protocol: ${protocol}}\n`;
const gw = (name: string, selector: string, host: string, port: number, protocol: string) =>
  `apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: test\nspec:\n  selector: {${selector}}\n  servers:\n  - port: {number: ${port}, name: ${protocol}, protocol: ${protocol.toUpperCase()}}\n    hosts: ["${host}"]\n${protocol === 'https' ? '    tls: {mode: SIMPLE, credentialName: cert}\n' : ''}`;
const dr = (name: string, host: string, subsets: string[]) =>
  `apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: ${name}\n  namespace: test\nspec:\n  host: "${host}"\n  subsets:\n${subsets.map((v) => `  - name: ${v}\n    labels: {version: ${v}}\n`).join('')}`;
const k8sGw = (name: string, listeners: Array<[string, string, number, string]>) =>
  `apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata:\n  name: ${name}\n  namespace: test\nspec:\n  gatewayClassName: istio\n  listeners:\n${listeners.map(([n, h, port, protocol]) => `  - {name: ${n}, hostname: ${h}, port: ${port}, protocol: ${protocol.toUpperCase()}}\n`).join('')}`;
const goCase = (file: string, docs: string[], codes: string[], expected: string[]): Case => ({ file: `go:${file}`, text: docs.join('---\n'), codes, expected, autoMtls: true, harness: NAMESPACES.join('---\n') });

const GO_CASES: Case[] = [
  goCase('virtualservices/single_host_checker_test.go#TestOneVirtualServicePerHost', [vs('virtual-1', 'reviews'), vs('virtual-2', 'ratings')], ['KIA1106'], []),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingSimpleHost', [vs('virtual-1', 'reviews'), vs('virtual-2', 'reviews'), vs('virtual-3', 'reviews')], ['KIA1106'], ['KIA1106']),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingSimpleHostWithGateway/one', [vs('virtual-1', 'reviews', 'bookinfo'), vs('virtual-2', 'reviews')], ['KIA1106'], []),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingSimpleHostWithGateway/both', [vs('virtual-1', 'reviews', 'bookinfo'), vs('virtual-2', 'reviews', 'bookinfo')], ['KIA1106'], ['KIA1106']),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingSVCNSHost/same', [vs('virtual-1', 'reviews.bookinfo'), vs('virtual-2', 'reviews.bookinfo')], ['KIA1106'], ['KIA1106']),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingSVCNSHost/short', [vs('virtual-1', 'reviews'), vs('virtual-2', 'reviews.bookinfo')], ['KIA1106'], ['KIA1106']),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingFQDNHost', [vs('virtual-1', 'reviews.bookinfo.svc.cluster.local'), vs('virtual-2', 'reviews.bookinfo.svc.cluster.local'), vs('virtual-3', 'reviews.bookinfo.svc.cluster.local')], ['KIA1106'], ['KIA1106']),
  goCase('virtualservices/single_host_checker_test.go#TestRepeatingFQDNWildcardHost', [vs('virtual-1', '*.bookinfo.svc.cluster.local'), vs('virtual-2', '*.bookinfo.svc.cluster.local'), vs('virtual-3', '*.bookinfo.svc.cluster.local')], ['KIA1106'], ['KIA1106']),
  goCase('serviceentries/multi_match_checker_test.go#TestSameHostPortSameProtocolMultiMatch', [se('se1', 'test', 'example.com', 13835, 'HTTPS'), se('se2', 'test', 'example.com', 13835, 'HTTPS')], ['KIA1211', 'KIA1212'], ['KIA1211']),
  goCase('serviceentries/multi_match_checker_test.go#TestDifferentPortNumbersNoConflict', [se('se1', 'test', 'example.com', 13835, 'HTTPS'), se('se2', 'test', 'example.com', 13836, 'HTTPS')], ['KIA1211', 'KIA1212'], []),
  goCase('serviceentries/multi_match_checker_test.go#TestConflictingProtocols', [se('se1', 'test', 'example.com', 13835, 'HTTPS'), se('se2', 'test', 'example.com', 13835, 'HTTP')], ['KIA1211', 'KIA1212'], ['KIA1212']),
  goCase('serviceentries/multi_match_checker_test.go#TestCrossNamespaceConflict', [se('se1', 'ns1', 'example.com', 13835, 'HTTPS'), se('se2', 'ns2', 'example.com', 13835, 'HTTP')], ['KIA1211', 'KIA1212'], ['KIA1212']),
  goCase('serviceentries/multi_match_checker_test.go#TestCrossNamespaceMultiMatch', [se('se1', 'ns1', 'example.com', 443, 'HTTPS'), se('se2', 'ns2', 'example.com', 443, 'HTTPS')], ['KIA1211', 'KIA1212'], ['KIA1211']),
  goCase('gateways/multi_match_checker_test.go#TestCorrectGateways', [gw('validgateway', 'app: real', 'valid', 80, 'http')], ['KIA0301'], []),
  goCase('gateways/multi_match_checker_test.go#TestSameHostPortConfigInDifferentIngress', [gw('validgateway', 'app: istio-ingress-pub', 'reviews', 80, 'http'), gw('stillvalid', 'app: istio-ingress-prv', 'reviews', 80, 'http')], ['KIA0301'], []),
  goCase('gateways/multi_match_checker_test.go#TestSameHostDifferentPortConfig', [gw('validgateway', 'istio: istio-ingress', 'valid', 80, 'http'), gw('validgateway2', 'istio: istio-ingress', 'valid', 443, 'https')], ['KIA0301'], []),
  goCase('gateways/multi_match_checker_test.go#TestDuplicateGatewaysErrorCount', [gw('validgateway', 'app: real', 'valid', 80, 'http'), gw('duplicatevalidgateway', 'app: real', 'valid', 80, 'http')], ['KIA0301'], ['KIA0301']),
  goCase('k8sgateways/multi_match_checker_test.go#TestDuplicateListenersCheckError', [k8sGw('validk8sgateway', [['test', 'host.com', 80, 'http']]), k8sGw('validk8sgateway2', [['test', 'host.com', 80, 'http']])], ['KIA1501', 'KIA1503'], ['KIA1501']),
  goCase('k8sgateways/multi_match_checker_test.go#TestUniqueListenerDuplicate', [k8sGw('k8sgateway', [['test', 'host.es', 80, 'http'], ['test2', 'host.es', 80, 'http']])], ['KIA1501', 'KIA1503'], ['KIA1503']),
  goCase('k8sgateways/multi_match_checker_test.go#TestUniqueListenerOk', [k8sGw('k8sgateway', [['test', 'host.es', 80, 'http'], ['test2', 'host.com', 80, 'http']])], ['KIA1501', 'KIA1503'], []),
  goCase('destinationrules/multi_match_checker_test.go#TestMultiHostMatchInvalid', [dr('rule1', 'host1', ['v1', 'v2']), dr('rule2', 'host1.test.svc.cluster.local', ['v1', 'v2']), dr('rule3', 'host1', ['v1', 'v2'])], ['KIA0201'], ['KIA0201']),
  goCase('destinationrules/multi_match_checker_test.go#TestMultiHostMatchDifferentSubsets/disjoint', [dr('rule1', 'host1', ['v2', 'v1']), dr('rule2', 'host1', ['v4', 'v3'])], ['KIA0201'], []),
  goCase('destinationrules/multi_match_checker_test.go#TestMultiHostMatchDifferentSubsets/wildcard', [dr('rule1', 'host1', ['v2', 'v1']), dr('rule2', 'host1', ['v4', 'v3']), dr('rule5', '*.test.svc.cluster.local', ['v5', 'v1'])], ['KIA0201'], ['KIA0201']),
];

const CASES: Case[] = [
  ...GO_CASES,
  ...MTLS_ENABLED.flatMap(([file, on, off]) =>
    [[true, on] as const, [false, off] as const].flatMap(([autoMtls, wanted]) =>
      wanted === undefined ? [] : [{ file: `authorization/${file}`, codes: ['KIA0105'], expected: wanted ? ['KIA0105'] : [], autoMtls, harness: BOOKINFO }],
    ),
  ),
  // peerauthentications/disabled_namespacewide_checker_test.go
  ...[1, 2, 3, 4, 5, 6].map((n) => ({ file: `peerauthentications/disabled_namespacewide_checker_${n}.yaml`, codes: ['KIA0505'], expected: n === 2 || n === 4 ? ['KIA0505'] : [], autoMtls: true, harness: PRODUCTPAGE })),
  // peerauthentications/disabled_meshwide_checker_test.go
  ...[1, 2, 3].map((n) => ({ file: `peerauthentications/disabled_meshwide_checker_${n}.yaml`, codes: ['KIA0506'], expected: n === 2 ? ['KIA0506'] : [], autoMtls: true, harness: PRODUCTPAGE })),
  // destinationrules/disabled_meshwide_mtls_checker_test.go
  ...[1, 2, 3, 4].map((n) => ({ file: `destinationrules/disabled_meshwide_checker_${n}.yaml`, codes: ['KIA0208'], expected: n === 2 ? ['KIA0208'] : [], autoMtls: true, harness: PRODUCTPAGE })),
  // authorization/mtls_enabled_checker_test.go, TestNeedsIdentities: which fields need mTLS, one
  // policy at a time, on pods whose namespace turns mTLS off.
  ...readFileSync(join(DATA, 'authorization', 'authz_policy_requires_mtls.yaml'), 'utf8')
    .split(/^---\n/m)
    .filter((doc) => doc.includes('kind: AuthorizationPolicy'))
    .map((doc) => {
      const name = /^  name: (\S+)/m.exec(doc)![1]!;
      const needs = ['policy-0', 'policy-1', 'policy-3', 'policy-4', 'policy-5', 'policy-8', 'policy-9'].includes(name);
      return { file: `authorization/authz_policy_requires_mtls.yaml#${name}`, text: doc, codes: ['KIA0105'], expected: needs ? ['KIA0105'] : [], autoMtls: true, harness: `${BOOKINFO}---\n${DISABLE_BOOKINFO}` };
    }),
  // ambient_policy_checker_test.go: its Go-built objects, translated to YAML (translated/README.md).
  ...AMBIENT_POLICY.map(([file, expected]) => ({
    file: `translated/ambient_policy_checker/${file}`,
    codes: file.startsWith('dr_') ? ['KIA0210', 'KIA0211', 'KIA0212'] : ['KIA1109', 'KIA1113', 'KIA1114'],
    expected,
    autoMtls: true,
  })),
  // ambient/ambient_workload_checker_test.go, translated likewise.
  ...AMBIENT_WORKLOAD.map(([file, expected]) => ({ file: `translated/ambient_workload_checker/${file}`, codes: ['KIA1313'], expected, autoMtls: true })),
  ...TRANSLATED.map(([file, code, expected]) => ({ file: `translated/${file}`, codes: [code], expected: expected ? [code] : [], autoMtls: true })),
];

/**
 * Cases where meshlint deliberately reports otherwise than Kiali's test expects, by
 * `file@autoMtls code`: `missing` (Kiali expects the code, meshlint reports another rule) or
 * `extra` (meshlint reports where Kiali expects nothing), and why.
 */
const DIFFERENCES: Record<string, { kind: 'missing' | 'extra'; why: string; instead?: string }> = {
  'translated/workloadgroups/different_namespace_sa.yaml@auto KIA1701': {
    kind: 'missing',
    why: 'every namespace has a "default" ServiceAccount (the ServiceAccount controller creates it), whatever identities Kiali has seen',
  },
  'translated/workloadgroups/empty_service_accounts.yaml@auto KIA1701': {
    kind: 'missing',
    why: "the input lists none of the namespace's ServiceAccounts, so it does not show that the account is missing (closed world only where we know it)",
  },
  'go:virtualservices/single_host_checker_test.go#TestRepeatingSimpleHostWithGateway/both@auto KIA1106': {
    kind: 'missing',
    why: 'both VirtualServices are bound to a gateway only: istiod appends their routes to one virtual host (gateway.go, buildGatewayRoutes); only mesh-bound ones are dropped',
  },
  'go:virtualservices/single_host_checker_test.go#TestRepeatingSVCNSHost/short@auto KIA1106': {
    kind: 'missing',
    why: 'istiod resolves only dotless short names (ResolveShortnameToFQDN): "reviews.bookinfo" is a virtual host of its own, not the one of reviews.bookinfo.svc.cluster.local',
  },
  'go:gateways/multi_match_checker_test.go#TestDuplicateGatewaysErrorCount@auto KIA0301': {
    kind: 'missing',
    why: 'plain HTTP servers of one port on one proxy are merged into one route configuration (pilot/pkg/model/gateway.go, canMergeProtocols), the hosts of both served',
  },
  'go:k8sgateways/multi_match_checker_test.go#TestDuplicateListenersCheckError@auto KIA1501': {
    kind: 'missing',
    why: 'each Gateway without a Hostname address gets a proxy and Service of its own from istiod (gatewaycommon IsManaged): the two listeners share nothing',
  },
  'go:destinationrules/multi_match_checker_test.go#TestMultiHostMatchDifferentSubsets/wildcard@auto KIA0201': {
    kind: 'missing',
    why: 'a wildcard DestinationRule is not merged with one of a specific host; a client uses the most specific one for the host (push_context.go, destinationRule), so subset v1 of host1 comes from rule1 alone',
  },
  'go:serviceentries/multi_match_checker_test.go#TestSameHostPortSameProtocolMultiMatch@auto KIA1211': {
    kind: 'missing',
    why: 'ServiceEntries of one namespace with one host, port and protocol: istiod merges their endpoints (serviceentry/conversion.go, mergeServicesInstancesByNamespaceHost), nothing is lost',
  },
  'authorization/mtls_enabled_checker_2.yaml@no-auto KIA0105': {
    kind: 'missing',
    why: 'the pods are STRICT and auto mTLS is off with no ISTIO_MUTUAL DestinationRule: their callers send plaintext and are refused before any policy runs',
    instead: 'automtls-missing-destinationrule',
  },
  'authorization/mtls_enabled_checker_6.yaml@no-auto KIA0105': {
    kind: 'missing',
    why: "the namespace's ISTIO_MUTUAL DestinationRule gives callers Istio mTLS and the PERMISSIVE (default) pods see their identity; Kiali wants a PeerAuthentication as well",
  },
  'authorization/mtls_enabled_checker_12.yaml@no-auto KIA0105': {
    kind: 'missing',
    why: "the mesh-wide ISTIO_MUTUAL DestinationRule gives callers Istio mTLS and the PERMISSIVE (default) pods see their identity; Kiali wants a mesh-wide PeerAuthentication as well",
  },
  'authorization/authz_policy_requires_mtls.yaml#policy-5@auto KIA0105': {
    kind: 'missing',
    why: 'connection.sni needs TLS, not mTLS: a sidecar with mTLS DISABLE passes the application\'s own TLS through, and its SNI can match',
  },
  'authorization/mtls_enabled_checker_15.yaml@auto KIA0105': {
    kind: 'missing',
    why: "the callers' DISABLE DestinationRule sends plaintext to pods the mesh makes STRICT: they are refused before any policy runs",
    instead: 'tls-mode-conflict',
  },
  'authorization/mtls_enabled_checker_15.yaml@no-auto KIA0105': {
    kind: 'missing',
    why: "the callers' DISABLE DestinationRule sends plaintext to pods the mesh makes STRICT: they are refused before any policy runs",
    instead: 'tls-mode-conflict',
  },
};

function key(c: Case, code: string): string {
  return `${c.file}@${c.autoMtls ? 'auto' : 'no-auto'} ${code}`;
}

interface Row {
  expected: number;
  found: number;
  extra: number;
  differences: number;
}

const table = new Map<string, Row>();

async function lintCase(c: Case): Promise<Array<{ ruleId: string; messageId: string; file: string; related?: Array<{ file: string; message: string }> }>> {
  const dir = tempTree({ 'case.yaml': c.text ?? readFileSync(join(DATA, c.file), 'utf8'), ...(c.harness ? { 'harness.yaml': c.harness } : {}) });
  const r = await cli(['--format', 'json', '--auto-mtls', String(c.autoMtls), '.'], { cwd: dir });
  expect(r.code, r.err).toBeLessThan(2);
  const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ ruleId: string; messageId: string; related?: Array<{ file: string; message: string }> }> }>;
  return results.flatMap((f) => f.messages.map((m) => ({ ...m, file: f.filePath.slice(dir.length + 1) })));
}

describe("Kiali's validation tests, linted by meshlint", () => {
  for (const c of CASES) {
    it(`${c.file} (auto mTLS ${c.autoMtls ? 'on' : 'off'}) → ${c.expected.join(', ') || 'nothing'}`, async () => {
      const found = await lintCase(c);
      for (const code of c.codes) {
        const { rule, messageIds } = CODES[code]!;
        const hits = found.filter((m) => m.ruleId === rule && messageIds.includes(m.messageId));
        const reported = hits.length > 0;
        // Kiali reports KIA0505/KIA0506 on the PeerAuthentication; meshlint on the DestinationRule
        // the clients use, with the PeerAuthentication as a related location.
        if (reported && (code === 'KIA0505' || code === 'KIA0506')) {
          for (const h of hits) expect(h.related?.some((r) => r.file.endsWith('case.yaml') && r.message.startsWith('PeerAuthentication '))).toBe(true);
        }
        const wanted = c.expected.includes(code);
        const row = table.get(code) ?? { expected: 0, found: 0, extra: 0, differences: 0 };
        table.set(code, row);
        if (wanted) row.expected++;
        if (wanted && reported) row.found++;
        if (!wanted && reported) row.extra++;
        const difference = DIFFERENCES[key(c, code)];
        if (difference) {
          row.differences++;
          expect(reported, `${key(c, code)}: ${difference.why}`).toBe(difference.kind === 'extra');
          if (difference.instead) expect(found.map((m) => m.ruleId), `${key(c, code)}: reported as ${difference.instead}`).toContain(difference.instead);
        } else {
          expect(reported, `${key(c, code)}: Kiali's test ${wanted ? 'expects' : 'does not expect'} ${code} (${rule})`).toBe(wanted);
        }
      }
    });
  }

  afterAll(() => {
    const lines = ['code     rule                          expected  found  extra  differences'];
    for (const [code, row] of [...table].sort()) {
      lines.push(`${code.padEnd(8)} ${CODES[code]!.rule.padEnd(29)} ${String(row.expected).padStart(8)} ${String(row.found).padStart(6)} ${String(row.extra).padStart(6)} ${String(row.differences).padStart(12)}`);
    }
    console.log(`Kiali parity (tests/data/validations):\n${lines.join('\n')}`);
  });
});
