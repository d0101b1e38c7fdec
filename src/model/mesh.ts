import { parse } from 'yaml';
import type { Path } from '../types.js';
import type { DataplaneMode } from './dataplane.js';
import { parseGoBool } from '../util/text.js';
import type { OtterizeSettings } from './intents.js';
import { isRecord, type Resource } from './resource.js';

/** Mesh-wide settings that change what a policy means. */
export interface MeshSettings {
  rootNamespace: string;
  trustDomain: string;
  enableAutoMtls: boolean;
  /** PILOT_AUTO_ALLOW_WAYPOINT_POLICY: istiod adds a ztunnel policy admitting the waypoint. */
  autoAllowWaypointPolicy: boolean;
  /**
   * `meshConfig.pathNormalization.normalization`: what Envoy does to the path before RBAC and
   * routing (pilot/pkg/networking/core/listener_builder.go, buildHTTPConnectionManager). Unset and
   * `DEFAULT` mean `BASE`.
   */
  pathNormalization: PathNormalization;
  /** `meshConfig.trustDomainAliases`: trust domains treated as this mesh's (pilot/pkg/security/trustdomain/bundle.go). */
  trustDomainAliases: readonly string[];
  /**
   * PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (pilot/pkg/features/security.go, default false):
   * off, a workload with CUSTOM policies of several providers gets DENY rules instead (builder.go, buildHTTP).
   */
  multipleCustomAuthzProviders: boolean;
  /**
   * ENABLE_NATIVE_SIDECARS (pilot/pkg/features/pilot.go): `true` injects istio-proxy as a native
   * sidecar (an init container) unless the pod's `sidecar.istio.io/nativeSidecar` says otherwise
   * (pkg/kube/inject/inject.go). Its default, `auto`, depends on the nodes' Kubernetes version,
   * which the input does not show: read as false.
   */
  nativeSidecars: boolean;
  /**
   * meshlint's own setting, not istiod's: the data plane of pods whose namespace the input does not
   * declare, when nothing in the input shows it (src/model/assumptions.ts).
   */
  assumeDataPlane: DataplaneMode;
  /**
   * meshlint's configuration of the Otterize operator (`.meshlint.yaml` `otterize:`), under what the
   * operator's own Deployment in the input says (src/model/intents.ts, resolveOtterize).
   */
  otterize?: Partial<OtterizeSettings>;
  /**
   * meshlint's own setting (`--complete`, `complete: true`): the input is the whole cluster (a
   * `kubectl get -A -o yaml` dump, a whole GitOps cluster folder), so what it does not hold does not
   * exist, in every namespace, and pods whose labels choose no data plane have none.
   */
  complete: boolean;
  /**
   * `meshConfig.defaultProviders.accessLogging`, of every mesh config in the input (revisions
   * together); undefined when the input holds none, so the providers are unknown. A Telemetry
   * access-logging entry without providers uses these (pilot/pkg/model/telemetry.go, mergeLogs).
   */
  defaultAccessLogProviders?: readonly string[];
}

export const PATH_NORMALIZATIONS = ['NONE', 'BASE', 'MERGE_SLASHES', 'DECODE_AND_MERGE_SLASHES'] as const;
export type PathNormalization = (typeof PATH_NORMALIZATIONS)[number];

/** A `pathNormalization.normalization` value as istiod reads it (`DEFAULT` is `BASE`); undefined when not a mode. */
export function parsePathNormalization(v: unknown): PathNormalization | undefined {
  if (typeof v !== 'string') return undefined;
  const mode = v === 'DEFAULT' ? 'BASE' : v;
  return (PATH_NORMALIZATIONS as readonly string[]).includes(mode) ? (mode as PathNormalization) : undefined;
}

export const MESH_DEFAULTS: MeshSettings = {
  rootNamespace: 'istio-system',
  trustDomain: 'cluster.local',
  enableAutoMtls: true,
  autoAllowWaypointPolicy: false,
  pathNormalization: 'BASE',
  trustDomainAliases: [],
  multipleCustomAuthzProviders: false,
  nativeSidecars: false,
  assumeDataPlane: 'sidecar',
  complete: false,
};

/**
 * istiod env flags read from an IstioOperator's `values.pilot.env` or an istiod Deployment's env,
 * with how istiod parses each: a Go boolean, or ENABLE_NATIVE_SIDECARS's exact `true` (`false`,
 * `auto` and any other value are not "enabled"; pilot/pkg/features/pilot.go).
 */
const ISTIOD_FLAGS: Array<[keyof MeshSettings, string, (v: unknown) => boolean]> = [
  ['autoAllowWaypointPolicy', 'PILOT_AUTO_ALLOW_WAYPOINT_POLICY', parseGoBool],
  ['multipleCustomAuthzProviders', 'PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS', parseGoBool],
  ['nativeSidecars', 'ENABLE_NATIVE_SIDECARS', (v) => v === 'true'],
];

/** Where a mesh setting came from, so a rule can point at it. */
export interface MeshSource {
  resource: Resource;
  path: Path;
}

export interface MeshConfig extends MeshSettings {
  sources: Partial<Record<keyof MeshSettings, MeshSource>>;
}

const MESH_KEYS: Array<[keyof MeshSettings, string]> = [
  ['rootNamespace', 'rootNamespace'],
  ['trustDomain', 'trustDomain'],
  ['enableAutoMtls', 'enableAutoMtls'],
];


/** The literal `value` of env variable `name` in an istiod Deployment's containers, with its path. */
function istiodEnv(r: Resource, name: string): { value: unknown; path: Path } | undefined {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  const pod = isRecord(template.spec) ? template.spec : {};
  const containers = Array.isArray(pod.containers) ? pod.containers : [];
  for (let ci = 0; ci < containers.length; ci++) {
    const c = containers[ci];
    const env = isRecord(c) && Array.isArray(c.env) ? c.env : [];
    for (let ei = 0; ei < env.length; ei++) {
      const e = env[ei];
      if (isRecord(e) && e.name === name && e.value !== undefined) {
        return { value: e.value, path: ['spec', 'template', 'spec', 'containers', ci, 'env', ei, 'value'] };
      }
    }
  }
  return undefined;
}

/**
 * Mesh config in precedence order: explicit settings (CLI flags, config file) over the
 * IstioOperator's `spec.meshConfig` or the `istio` ConfigMap's `mesh` key, over Istio's defaults.
 * PILOT_AUTO_ALLOW_WAYPOINT_POLICY (istio pilot/pkg/features/ambient.go) and
 * PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS (pilot/pkg/features/security.go) come from the
 * IstioOperator's `values.pilot.env` or an istiod Deployment's container env.
 */
export function resolveMesh(resources: Iterable<Resource>, explicit: Partial<MeshSettings>): MeshConfig {
  const found: Partial<MeshSettings> = {};
  const sources: MeshConfig['sources'] = {};
  const rootGuess = explicit.rootNamespace ?? MESH_DEFAULTS.rootNamespace;
  for (const r of resources) {
    let mesh: unknown;
    let base: Path;
    if (r.kind === 'IstioOperator' && r.group === 'install.istio.io') {
      const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
      mesh = spec.meshConfig;
      base = ['spec', 'meshConfig'];
      const values = isRecord(spec.values) ? spec.values : {};
      const pilot = isRecord(values.pilot) ? values.pilot : {};
      const env = isRecord(pilot.env) ? pilot.env : {};
      for (const [key, name, parseFlag] of ISTIOD_FLAGS) {
        if (env[name] === undefined) continue;
        (found as Record<string, unknown>)[key] = parseFlag(env[name]);
        sources[key] = { resource: r, path: ['spec', 'values', 'pilot', 'env', name] };
      }
    } else if (r.kind === 'Deployment' && r.group === 'apps' && /^istiod(-.+)?$/.test(r.name)) {
      // A Helm-rendered (or hand-written) istiod: the setting is its discovery container's env.
      for (const [key, name, parseFlag] of ISTIOD_FLAGS) {
        const at = istiodEnv(r, name);
        if (!at) continue;
        (found as Record<string, unknown>)[key] = parseFlag(at.value);
        sources[key] = { resource: r, path: at.path };
      }
      continue;
    } else if (r.kind === 'ConfigMap' && r.group === '' && /^istio(-.+)?$/.test(r.name) && r.namespace === rootGuess) {
      const data = isRecord(r.raw.data) ? r.raw.data : {};
      if (typeof data.mesh !== 'string') continue;
      try {
        // uniqueKeys off: yaml's check is quadratic (minutes for a large string); logLevel keeps
        // yaml's warnings (unknown tags) off stderr. test/robustness-large.test.ts
        mesh = parse(data.mesh, { uniqueKeys: false, logLevel: 'error' });
      } catch {
        continue;
      }
      base = ['data', 'mesh'];
    } else {
      continue;
    }
    if (!isRecord(mesh)) continue;
    for (const [key, field] of MESH_KEYS) {
      const v = mesh[field];
      if (v === undefined) continue;
      if (key === 'enableAutoMtls' ? typeof v !== 'boolean' : typeof v !== 'string') continue;
      (found as Record<string, unknown>)[key] = v;
      sources[key] = { resource: r, path: r.kind === 'ConfigMap' ? base : [...base, field] };
    }
    const pn = isRecord(mesh.pathNormalization) ? mesh.pathNormalization : undefined;
    if (pn) {
      // An unset `normalization` is DEFAULT, i.e. BASE (listener_builder.go).
      const mode = pn.normalization === undefined ? 'BASE' : parsePathNormalization(pn.normalization);
      if (mode) {
        found.pathNormalization = mode;
        sources.pathNormalization = { resource: r, path: r.kind === 'ConfigMap' ? base : [...base, 'pathNormalization'] };
      }
    }
    const defaults = isRecord(mesh.defaultProviders) && Array.isArray(mesh.defaultProviders.accessLogging) ? mesh.defaultProviders.accessLogging : [];
    found.defaultAccessLogProviders = [...(found.defaultAccessLogProviders ?? []), ...defaults.filter((x): x is string => typeof x === 'string' && x !== '')];
    sources.defaultAccessLogProviders ??= { resource: r, path: r.kind === 'ConfigMap' || defaults.length === 0 ? base : [...base, 'defaultProviders', 'accessLogging'] };
    if (Array.isArray(mesh.trustDomainAliases)) {
      found.trustDomainAliases = mesh.trustDomainAliases.filter((x): x is string => typeof x === 'string' && x !== '');
      sources.trustDomainAliases = { resource: r, path: r.kind === 'ConfigMap' ? base : [...base, 'trustDomainAliases'] };
    }
  }
  const settings: MeshSettings = { ...MESH_DEFAULTS, ...found };
  for (const [k, v] of Object.entries(explicit) as Array<[keyof MeshSettings, unknown]>) {
    if (v === undefined) continue;
    (settings as unknown as Record<string, unknown>)[k] = v;
    delete sources[k];
  }
  return { ...settings, sources };
}
