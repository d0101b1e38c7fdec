export declare const READS: {
    /** `workloads`, `workloadsIn`, `workloadNamespaces`, `selectWorkloads`, `labelValues`, `labelKeys`, `servicePods`, `policyWorkloads`, `knowsWorkloadsOf`, `identityOf`. */
    readonly workloads: readonly ["Workload"];
    /** `services`, `service`, `servicesOf`, `hostOf`. */
    readonly services: readonly ["Service", "Workload"];
    /** `ownersOf`, `identitiesIn`, `allIdentities` (workloads, waypoints and Istio gateways). */
    readonly identities: readonly ["Gateway", "Workload"];
    /** `serviceAccount`, `serviceAccountsIn`. */
    readonly serviceAccounts: readonly ["ServiceAccount"];
    /** `gateways`, `gateway`: Gateway API Gateways (waypoints among them). */
    readonly gateways: readonly ["Gateway"];
    /** `istioGateways`, `istioGateway`, `istioGatewayOf`. */
    readonly istioGateways: readonly ["IstioGateway"];
    /** `hosts`, `knowsHost`, `missingServiceHostNamespace`, `serviceEntries`, `serviceEntryOf`, `serviceEntryPortsByHostPort`. */
    readonly hosts: readonly ["Service", "ServiceEntry"];
    /** `virtualServices`, `virtualServiceOf`, `meshVirtualServicesByHost`. */
    readonly virtualServices: readonly ["VirtualService"];
    /** `authorizationPolicies`, `policiesIn('AuthorizationPolicy')`, `authorizationPoliciesFor`, `waypointPolicies`, ztunnel's and waypoints' policies (authz/). Otterize's generated policies are AuthorizationPolicies too. */
    readonly authorizationPolicies: readonly ["AuthorizationPolicy", "Gateway", "Service", "ServiceEntry", "Workload"];
    /** `waypointOfService`, `waypointOfWorkload`, waypoint principals and labels (authz/waypoint-binding.ts, authz/waypoints.ts). */
    readonly waypoints: readonly ["Gateway", "Service", "ServiceAccount", "Workload"];
    /** `peerAuthentications`, `effectiveMtls`, `effectiveMtlsFor`, `ztunnelMtls`. */
    readonly peerAuthentications: readonly ["PeerAuthentication", "Workload"];
    /** `destinationRules` and the DestinationRule a client uses (mtls/destination-rule.ts). */
    readonly destinationRules: readonly ["DestinationRule"];
    /** Envoy clients of a Service port and what they send (mtls/traffic.ts: `clientViews`, `sidecarBackends`, `plainBackends`, `envoyClientNamespaces`). */
    readonly clientViews: readonly ["DestinationRule", "PeerAuthentication", "Gateway", "Service", "Workload"];
    /** `clientIntents`, `intentOutcomes`, `intentOutcomesOf`, `clientlessIntentsIn`, `protectedServicesIn`. */
    readonly intents: readonly ["ClientIntents", "ProtectedService", "Service", "Workload"];
    /** `checkAccess` (authz/access.ts): every enforcement point on the way. */
    readonly access: readonly ["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication", "DestinationRule", "Gateway", "Service", "ServiceEntry", "ServiceAccount", "ClientIntents", "ProtectedService", "Workload"];
    /** `requestAuthentications`, `sidecars`, `telemetries`, `policiesIn(kind)` of those kinds. */
    readonly requestAuthentications: readonly ["RequestAuthentication"];
    readonly sidecars: readonly ["Sidecar"];
    /** `policiesIn('WorkloadEntry')`. */
    readonly workloadEntries: readonly ["WorkloadEntry"];
    readonly telemetries: readonly ["Telemetry"];
};
/** The kinds of several questions, once each, for `meta.reads`. */
export declare function reads(...sets: ReadonlyArray<readonly string[]>): readonly string[];
