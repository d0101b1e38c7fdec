import type { MtlsMode, PeerAuthentication } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { type Labels } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';
/** The mTLS mode pods accept, and the PeerAuthentication that decides it. */
export interface EffectiveMtls {
    mode: Exclude<MtlsMode, 'UNSET'>;
    /** The PeerAuthentication that decided, if any (none: Istio's default, PERMISSIVE). */
    decidedBy?: PeerAuthentication;
    /** True when the mode comes from a port-level setting. */
    portLevel: boolean;
}
/**
 * The mTLS mode a workload accepts on a port (pilot/pkg/security/authn/policy_applier.go,
 * ComposePeerAuthentication; the ambient conversion in pilot/pkg/serviceregistry/ambient/
 * authorization.go picks the same three policies): the workload's own PeerAuthentication
 * (port-level first), then the namespace's, then the mesh's (root namespace, no selector);
 * UNSET inherits from the next level; with none at all, PERMISSIVE. A PeerAuthentication with a
 * selector in the root namespace is not a workload policy and is ignored. When a level has
 * several candidates the oldest wins (`metadata.creationTimestamp`, else input order).
 */
export declare function effectiveMtls(model: ModelIndex, w: Workload, port?: number): EffectiveMtls;
/**
 * effectiveMtls for pods known only by namespace and labels (e.g. pods a controller will create
 * that the input does not list).
 */
export declare function effectiveMtlsFor(model: ModelIndex, namespace: string, podLabels: Labels, port?: number): EffectiveMtls;
/** effectiveMtls as ztunnel enforces it; `istiodSlip` marks the case where istiod's code decides otherwise. */
export type ZtunnelMtls = EffectiveMtls & {
    istiodSlip?: {
        workload: PeerAuthentication;
        mesh: PeerAuthentication;
    };
};
/**
 * The mTLS mode ztunnel enforces for an ambient workload on a port: what istiod sends it
 * (pilot/pkg/serviceregistry/ambient/authorization.go, convertedSelectorPeerAuthentications and
 * convertPeerAuthentication), which is effectiveMtls except for one case where istiod's code and
 * its comments differ. convertPeerAuthentication skips a port-level STRICT as "enforced by the
 * parent policy" when `isStrict(workload) || (isUnset(workload) && nsStrict) || (nsNilOrUnset &&
 * rootStrict)` — Go's `&&` binds tighter than `||`, so the third case does not require the
 * workload's own mode to be unset. Under a STRICT mesh-wide PeerAuthentication with no (or an
 * UNSET) namespace one, a workload PeerAuthentication PERMISSIVE or DISABLE with a port-level
 * STRICT therefore yields no policy at all, and since that workload's mode also keeps the static
 * STRICT policy away, ztunnel admits plaintext on the port the user made STRICT. meshlint follows
 * the code here (it is what runs) and marks the result `istiodSlip`.
 */
export declare function ztunnelMtls(model: ModelIndex, w: Workload, port?: number): ZtunnelMtls;
