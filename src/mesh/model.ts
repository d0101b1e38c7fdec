import { checkAccess, type AccessDecision, type AccessRequest } from '../authz/access.js';
import { authorizationPoliciesFor, policyWorkloads, waypointPolicies, type WaypointTraffic } from '../authz/attachment.js';
import { waypointOfService, waypointOfWorkload, type WaypointBinding } from '../authz/waypoint-binding.js';
import type { AuthorizationPolicy, SelectingPolicy, Service } from '../model/kinds.js';
import { ModelIndex } from '../model/model.js';
import type { Labels } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
import { effectiveMtls, effectiveMtlsFor, ztunnelMtls, type EffectiveMtls, type ZtunnelMtls } from '../mtls/peer-authentication.js';

export { ModelIndex, type IdentityOwner, type NamespaceInfo } from '../model/model.js';
export { isIstioGatewayWorkload } from '../authz/attachment.js';
export type { WaypointBinding } from '../authz/waypoint-binding.js';
export type { EffectiveMtls, ZtunnelMtls } from '../mtls/peer-authentication.js';
export type { AccessDecision, AccessRequest, Peer } from '../authz/access.js';

/**
 * The mesh as rules and commands see it (`context.model`): read-only, built once per run from
 * every resource of the input. What a rule may ask:
 *
 * - **The index** (from {@link ModelIndex}): objects by kind (`workloads`, `services`,
 *   `gateways`, `authorizationPolicies`, `peerAuthentications`, `destinationRules`, …), by
 *   namespace (`workloadsIn`, `policiesIn`) and by name (`service`, `gateway`, `serviceAccount`);
 *   label lookups (`selectWorkloads`, `labelValues`, `labelKeys`); a Service's pods and a
 *   workload's Services (`servicePods`, `servicesOf`); identities (`identityOf`, `ownersOf`,
 *   `identitiesIn`, `allIdentities`); the mesh settings (`mesh`, `rootNamespace`); the data
 *   plane of a namespace's pods and the assumptions behind it (`dataplaneFor`, `assumptionsOf`);
 *   and what the input is known to hold (`hasNamespace`, `declaresNamespace`,
 *   `knowsWorkloadsOf`).
 * - **Selectors and attachment**: the workloads a selecting policy applies to
 *   (`policyWorkloads`), the AuthorizationPolicies a sidecar or ztunnel enforces on a workload
 *   (`authorizationPoliciesFor`).
 * - **Effective mTLS**: the mode a workload accepts on a port and the PeerAuthentication that
 *   decides it (`effectiveMtls`, `effectiveMtlsFor`), and what ztunnel enforces (`ztunnelMtls`).
 * - **Waypoint binding**: the waypoint a Service's or a workload's traffic goes to
 *   (`waypointOfService`, `waypointOfWorkload`), and the policies it applies (`waypointPolicies`).
 * - **The evaluator**: whether a request is allowed, at every enforcement point on its way
 *   (`checkAccess`, as `meshlint check-access` asks it).
 *
 * The methods beyond the index delegate to functions of `authz/` and `mtls/`, which take a
 * {@link ModelIndex}: code there uses those functions, not this class.
 */
export class Model extends ModelIndex {
  /** Workloads a selecting policy applies to; in the root namespace its selector spans the mesh unless `rootSpansMesh` is false (authz/attachment.ts). */
  policyWorkloads(p: SelectingPolicy, rootSpansMesh = true): readonly Workload[] {
    return policyWorkloads(this, p, rootSpansMesh);
  }

  /** AuthorizationPolicies a sidecar or ztunnel enforces on a workload: by selector or namespace, its own and the root namespace's (authz/attachment.ts). */
  authorizationPoliciesFor(w: Workload): AuthorizationPolicy[] {
    return authorizationPoliciesFor(this, w);
  }

  /** AuthorizationPolicies a waypoint applies to some traffic: by targetRefs to the Service, the waypoint's Gateway or the istio-waypoint GatewayClass (authz/attachment.ts). */
  waypointPolicies(traffic: WaypointTraffic): AuthorizationPolicy[] {
    return waypointPolicies(this, traffic);
  }

  /** The waypoint a Service's traffic is sent to, if any (`istio.io/use-waypoint`; authz/waypoint-binding.ts). */
  waypointOfService(s: Service): WaypointBinding | undefined {
    return waypointOfService(this, s);
  }

  /** The waypoint for traffic addressed to a workload's pods directly, if any (authz/waypoint-binding.ts). */
  waypointOfWorkload(w: Workload): WaypointBinding | undefined {
    return waypointOfWorkload(this, w);
  }

  /** The mTLS mode a workload accepts on a port, and the PeerAuthentication that decides it (mtls/peer-authentication.ts). */
  effectiveMtls(w: Workload, port?: number): EffectiveMtls {
    return effectiveMtls(this, w, port);
  }

  /** effectiveMtls for pods known only by namespace and labels (mtls/peer-authentication.ts). */
  effectiveMtlsFor(namespace: string, podLabels: Labels, port?: number): EffectiveMtls {
    return effectiveMtlsFor(this, namespace, podLabels, port);
  }

  /** The mTLS mode ztunnel enforces for an ambient workload on a port, istiod's slip included (mtls/peer-authentication.ts). */
  ztunnelMtls(w: Workload, port?: number): ZtunnelMtls {
    return ztunnelMtls(this, w, port);
  }

  /** Whether a request is allowed, at every enforcement point on its way to each backend pod (authz/access.ts). */
  checkAccess(request: AccessRequest): AccessDecision {
    return checkAccess(this, request);
  }
}
