import type { MtlsMode, PeerAuthentication } from '../model/kinds.js';
import type { ModelIndex } from '../model/model.js';
import { matchesLabels, type Labels, type Resource } from '../model/resource.js';
import type { Workload } from '../model/workloads.js';

/** The mTLS mode pods accept, and the PeerAuthentication that decides it. */
export interface EffectiveMtls {
  mode: Exclude<MtlsMode, 'UNSET'>;
  /** The PeerAuthentication that decided, if any (none: Istio's default, PERMISSIVE). */
  decidedBy?: PeerAuthentication;
  /** True when the mode comes from a port-level setting. */
  portLevel: boolean;
}

/** The policy Istio prefers among several of one level: the oldest, else the first in the input. */
function oldest<T extends { resource: Resource }>(list: readonly T[]): T | undefined {
  let best: T | undefined;
  let bestTime = Infinity;
  for (const p of list) {
    const meta = p.resource.raw.metadata as Record<string, unknown> | undefined;
    const ts = typeof meta?.creationTimestamp === 'string' ? Date.parse(meta.creationTimestamp) : NaN;
    const t = Number.isNaN(ts) ? Infinity : ts;
    if (!best || t < bestTime) {
      best = p;
      bestTime = t;
    }
  }
  return best;
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
export function effectiveMtls(model: ModelIndex, w: Workload, port?: number): EffectiveMtls {
  return effectiveMtlsFor(model, w.namespace, w.podLabels, port);
}

/**
 * effectiveMtls for pods known only by namespace and labels (e.g. pods a controller will create
 * that the input does not list).
 */
export function effectiveMtlsFor(model: ModelIndex, namespace: string, podLabels: Labels, port?: number): EffectiveMtls {
  const { workloadPa, nsPa, meshPa } = peerAuthenticationsFor(model, namespace, podLabels);
  if (workloadPa && port !== undefined) {
    const m = workloadPa.portLevel.get(port);
    if (m && m !== 'UNSET') return { mode: m, decidedBy: workloadPa, portLevel: true };
  }
  for (const pa of [workloadPa, nsPa, meshPa]) {
    if (pa && pa.mode !== 'UNSET') return { mode: pa.mode, decidedBy: pa, portLevel: false };
  }
  return { mode: 'PERMISSIVE', portLevel: false };
}

/** The three PeerAuthentications that decide for pods of `namespace` with `podLabels`. */
function peerAuthenticationsFor(model: ModelIndex, namespace: string, podLabels: Labels): { workloadPa?: PeerAuthentication; nsPa?: PeerAuthentication; meshPa?: PeerAuthentication } {
  const root = model.rootNamespace;
  const nsWide = (p: PeerAuthentication) => !p.selector || Object.keys(p.selector).length === 0;
  const inNs = namespace === root ? [] : model.policiesIn<PeerAuthentication>('PeerAuthentication', namespace);
  const workloadPa = oldest(inNs.filter((p) => !nsWide(p) && matchesLabels(p.selector!, podLabels)));
  const nsPa = oldest(inNs.filter(nsWide));
  const meshPa = oldest(model.policiesIn<PeerAuthentication>('PeerAuthentication', root).filter(nsWide));
  return { workloadPa, nsPa, meshPa };
}

/** effectiveMtls as ztunnel enforces it; `istiodSlip` marks the case where istiod's code decides otherwise. */
export type ZtunnelMtls = EffectiveMtls & { istiodSlip?: { workload: PeerAuthentication; mesh: PeerAuthentication } };

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
export function ztunnelMtls(model: ModelIndex, w: Workload, port?: number): ZtunnelMtls {
  const em = effectiveMtlsFor(model, w.namespace, w.podLabels, port);
  if (em.mode !== 'STRICT' || !em.portLevel) return em;
  const { workloadPa, nsPa, meshPa } = peerAuthenticationsFor(model, w.namespace, w.podLabels);
  if (!workloadPa || em.decidedBy !== workloadPa || (workloadPa.mode !== 'PERMISSIVE' && workloadPa.mode !== 'DISABLE')) return em;
  if (nsPa && nsPa.mode !== 'UNSET') return em;
  if (!meshPa || meshPa.mode !== 'STRICT') return em;
  return { mode: 'PERMISSIVE', decidedBy: workloadPa, portLevel: true, istiodSlip: { workload: workloadPa, mesh: meshPa } };
}
