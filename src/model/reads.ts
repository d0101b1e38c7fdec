/**
 * What the model's questions depend on, in the kinds a rule declares in `meta.reads`
 * (engine/rule.ts): visitor kinds, or the resource kind of objects no visitor gets. A rule that
 * asks one of these questions reads every kind listed for it. The mesh settings, namespaces and
 * their labels, the data plane of a namespace (`dataplaneFor`, `assumptionsOf`) and whether the
 * input holds a namespace (`hasNamespace`, `declaresNamespace`) are read by every rule and need no
 * entry. A question not listed here (`model.resources`, `inputOrder`) depends on everything: a
 * rule that asks it declares no `reads`.
 *
 * The sets are supersets on purpose: a kind listed that a question does not read costs a rule
 * run after an edit of that kind; a kind missing costs a stale finding in the editor.
 */
const WORKLOADS = ['Workload'] as const;

export const READS = {
  /** `workloads`, `workloadsIn`, `workloadNamespaces`, `selectWorkloads`, `labelValues`, `labelKeys`, `servicePods`, `policyWorkloads`, `knowsWorkloadsOf`, `identityOf`. */
  workloads: WORKLOADS,
  /** `services`, `service`, `servicesOf`, `hostOf`. */
  services: ['Service', ...WORKLOADS],
  /** `ownersOf`, `identitiesIn`, `allIdentities` (workloads, waypoints and Istio gateways). */
  identities: ['Gateway', ...WORKLOADS],
  /** `serviceAccount`, `serviceAccountsIn`. */
  serviceAccounts: ['ServiceAccount'],
  /** `gateways`, `gateway`: Gateway API Gateways (waypoints among them). */
  gateways: ['Gateway'],
  /** `istioGateways`, `istioGateway`, `istioGatewayOf`. */
  istioGateways: ['IstioGateway'],
  /** `hosts`, `knowsHost`, `missingServiceHostNamespace`, `serviceEntries`, `serviceEntryOf`, `serviceEntryPortsByHostPort`. */
  hosts: ['Service', 'ServiceEntry'],
  /** `virtualServices`, `virtualServiceOf`, `meshVirtualServicesByHost`. */
  virtualServices: ['VirtualService'],
  /** `authorizationPolicies`, `policiesIn('AuthorizationPolicy')`, `authorizationPoliciesFor`, `waypointPolicies`, ztunnel's and waypoints' policies (authz/). Otterize's generated policies are AuthorizationPolicies too. */
  authorizationPolicies: ['AuthorizationPolicy', 'Gateway', 'Service', 'ServiceEntry', ...WORKLOADS],
  /** `waypointOfService`, `waypointOfWorkload`, waypoint principals and labels (authz/waypoint-binding.ts, authz/waypoints.ts). */
  waypoints: ['Gateway', 'Service', 'ServiceAccount', ...WORKLOADS],
  /** `peerAuthentications`, `effectiveMtls`, `effectiveMtlsFor`, `ztunnelMtls`. */
  peerAuthentications: ['PeerAuthentication', ...WORKLOADS],
  /** `destinationRules` and the DestinationRule a client uses (mtls/destination-rule.ts). */
  destinationRules: ['DestinationRule'],
  /** Envoy clients of a Service port and what they send (mtls/traffic.ts: `clientViews`, `sidecarBackends`, `plainBackends`, `envoyClientNamespaces`). */
  clientViews: ['DestinationRule', 'PeerAuthentication', 'Gateway', 'Service', ...WORKLOADS],
  /** `clientIntents`, `intentOutcomes`, `intentOutcomesOf`, `clientlessIntentsIn`, `protectedServicesIn`. */
  intents: ['ClientIntents', 'ProtectedService', 'Service', ...WORKLOADS],
  /** `checkAccess` (authz/access.ts): every enforcement point on the way. */
  access: ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication', 'DestinationRule', 'Gateway', 'Service', 'ServiceEntry', 'ServiceAccount', 'ClientIntents', 'ProtectedService', ...WORKLOADS],
  /** `requestAuthentications`, `sidecars`, `telemetries`, `policiesIn(kind)` of those kinds. */
  requestAuthentications: ['RequestAuthentication'],
  sidecars: ['Sidecar'],
  /** `policiesIn('WorkloadEntry')`. */
  workloadEntries: ['WorkloadEntry'],
  telemetries: ['Telemetry'],
} as const satisfies Record<string, readonly string[]>;

/** The kinds of several questions, once each, for `meta.reads`. */
export function reads(...sets: ReadonlyArray<readonly string[]>): readonly string[] {
  return [...new Set(sets.flat())].sort();
}
