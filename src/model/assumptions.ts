import { dirname } from 'node:path';
import { MODE_WORDS, namespaceMode, type DataplaneAssumption, type DataplaneMode } from './dataplane.js';
import { isRecord, type Resource } from './resource.js';

const WAYPOINT_CLASS = 'istio-waypoint';

/** The evidence NamespaceEvidence looks for, in order, as `--print-config` lists it. */
export const UNKNOWN_DATA_PLANE_EVIDENCE: readonly string[] = [
  'a waypoint Gateway in the namespace, or an object there labelled istio.io/use-waypoint: ambient',
  'the Namespace objects declared in the same folder, when they agree on a data plane',
  'when those disagree, an IstioOperator with profile ambient: ambient',
];

interface DeclaredMode {
  namespace: string;
  mode: DataplaneMode;
}

/**
 * What the input says about the data plane of namespaces it does not declare, and the data plane
 * taken for them (README, "When the input does not say"): evidence first, in this order —
 *  1. a waypoint `Gateway` in the namespace, or an object there labelled `istio.io/use-waypoint`:
 *     waypoints serve ambient pods only, so the namespace is ambient;
 *  2. the `Namespace` objects declared in the same folder (a Helm release's output, an app
 *     directory) that choose a data plane, when they agree; when they disagree, an IstioOperator
 *     with `profile: ambient` breaks the tie toward ambient;
 * then the configured assumption (`mesh.assumeDataPlane`, default sidecar).
 */
export class NamespaceEvidence {
  private readonly waypointSigns = new Map<string, string>();
  private readonly foldersOf = new Map<string, Set<string>>();
  private readonly declaredIn = new Map<string, DeclaredMode[]>();
  private ambientProfile: Resource | undefined;
  private readonly decided = new Map<string, DataplaneAssumption>();

  constructor(private readonly assume: DataplaneMode) {}

  /** A declared Namespace: its labels may choose a data plane for its folder. */
  declare(ns: Resource): void {
    const mode = namespaceMode(ns.name, ns.labels);
    if (!mode) return;
    const dir = dirname(ns.doc.file.path);
    const list = this.declaredIn.get(dir);
    if (list) list.push({ namespace: ns.name, mode });
    else this.declaredIn.set(dir, [{ namespace: ns.name, mode }]);
  }

  /** A resource of a namespace the input does not declare. */
  see(r: Resource): void {
    let folders = this.foldersOf.get(r.namespace);
    if (!folders) this.foldersOf.set(r.namespace, (folders = new Set()));
    folders.add(dirname(r.doc.file.path));
    if (this.waypointSigns.has(r.namespace)) return;
    const spec = isRecord(r.raw.spec) ? r.raw.spec : undefined;
    if (r.kind === 'Gateway' && r.group === 'gateway.networking.k8s.io' && spec?.gatewayClassName === WAYPOINT_CLASS) {
      this.waypointSigns.set(r.namespace, `Gateway ${r.namespace}/${r.name} is a waypoint there`);
    } else if (r.labels['istio.io/use-waypoint'] !== undefined && r.labels['istio.io/use-waypoint'] !== 'none') {
      this.waypointSigns.set(r.namespace, `${r.kind} ${r.namespace}/${r.name} is labelled istio.io/use-waypoint`);
    }
  }

  /** Any resource: an IstioOperator's install profile. */
  seeMeshInstall(r: Resource): void {
    if (r.kind !== 'IstioOperator' || r.group !== 'install.istio.io') return;
    const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
    if (spec.profile === 'ambient') this.ambientProfile ??= r;
  }

  /** What the evidence holds for no namespace in particular, as text: the data plane taken where nothing shows one. */
  globalKey(resourceId: (r: Resource) => number): string {
    return JSON.stringify([this.assume, this.ambientProfile && resourceId(this.ambientProfile)]);
  }

  /**
   * The data plane taken for pods of `ns` whose data plane the input does not show: the namespace
   * is not declared, or (`declared`) it is but its labels choose no data plane and the pods are
   * not in the input, so their own labels are unknown.
   */
  assumptionFor(ns: string, declared = false): DataplaneAssumption {
    const key = `${declared ? '+' : '-'}${ns}`;
    let a = this.decided.get(key);
    if (!a) this.decided.set(key, (a = this.decide(ns, declared)));
    return a;
  }

  private decide(ns: string, declared: boolean): DataplaneAssumption {
    const missing = declared ? 'pod-labels' : 'namespace';
    const gap = declared ? `the pods of namespace ${ns} are not in the input and its labels choose no data plane` : `namespace ${ns} is not in the input`;
    const sign = this.waypointSigns.get(ns);
    if (sign) return { namespace: ns, dataPlane: 'ambient', basis: 'evidence', missing, why: gap, evidence: sign };
    const beside: DeclaredMode[] = [];
    for (const dir of this.foldersOf.get(ns) ?? []) beside.push(...(this.declaredIn.get(dir) ?? []));
    const modes = [...new Set(beside.map((d) => d.mode))];
    if (modes.length === 1) {
      const names = [...new Set(beside.map((d) => d.namespace))].sort();
      return { namespace: ns, dataPlane: modes[0]!, basis: 'evidence', missing, why: gap, evidence: `${plural(names, 'namespace')} declared in the same folder ${names.length > 1 ? 'have' : 'has'} ${MODE_WORDS[modes[0]!]}` };
    }
    if (modes.length > 1 && modes.includes('ambient') && this.ambientProfile) {
      return { namespace: ns, dataPlane: 'ambient', basis: 'evidence', missing, why: gap, evidence: `the namespaces declared in the same folder disagree, and IstioOperator ${this.ambientProfile.name} installs the ambient profile` };
    }
    return { namespace: ns, dataPlane: this.assume, basis: 'setting', missing, why: gap };
  }
}

function plural(names: string[], noun: string): string {
  return `${noun}${names.length > 1 ? 's' : ''} ${names.join(', ')}`;
}
