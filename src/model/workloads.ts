import type { Path } from '../types.js';
import type { DataplaneResolution, PodSettings } from './dataplane.js';
import { arr, isRecord, str, stringMap, type Labels, type Resource } from './resource.js';

export interface ContainerPort {
  name?: string;
  port: number;
  protocol: string;
}

export interface KnativeInfo {
  /** Knative Service name, when the workload is (or belongs to) a Knative Service. */
  service?: string;
  configuration: string;
  revision?: string;
}

/** Anything that runs pods: the pods' labels, identity and data plane. */
export interface Workload {
  readonly resource: Resource;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string;
  readonly podLabels: Labels;
  readonly podAnnotations: Labels;
  readonly serviceAccount: string;
  /** Path of `serviceAccountName` when set, else of the pod spec. */
  readonly serviceAccountPath: Path;
  /** Path of the pod template's `metadata` (or the Pod's own). */
  readonly podMetadataPath: Path;
  readonly ports: readonly ContainerPort[];
  readonly dataplane: DataplaneResolution;
  readonly knative?: KnativeInfo;
}

/** Where each workload kind keeps its pod template. */
const TEMPLATE_PATHS: Record<string, Path> = {
  'core/Pod': [],
  'apps/Deployment': ['spec', 'template'],
  'apps/StatefulSet': ['spec', 'template'],
  'apps/DaemonSet': ['spec', 'template'],
  'apps/ReplicaSet': ['spec', 'template'],
  'batch/Job': ['spec', 'template'],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
  'argoproj.io/Rollout': ['spec', 'template'],
  'serving.knative.dev/Service': ['spec', 'template'],
  'serving.knative.dev/Configuration': ['spec', 'template'],
  'serving.knative.dev/Revision': [],
};

/** Queue-proxy ports of every Knative revision pod (knative/serving pkg/networking/constants.go). */
export const KNATIVE_QUEUE_PORTS: readonly ContainerPort[] = [
  { name: 'http-queueadm', port: 8022, protocol: 'TCP' },
  { name: 'queue-port', port: 8012, protocol: 'TCP' },
  { name: 'h2c-queue-port', port: 8013, protocol: 'TCP' },
  { name: 'http-autometric', port: 9090, protocol: 'TCP' },
  { name: 'http-usermetric', port: 9091, protocol: 'TCP' },
  { name: 'https-port', port: 8112, protocol: 'TCP' },
];

export function workloadKey(r: Resource): string | undefined {
  return KEYS.get(r.group === '' ? 'core' : r.group)?.get(r.kind);
}

/** TEMPLATE_PATHS' keys by group and kind: asked for every resource of every model, without building a string. */
const KEYS = new Map<string, Map<string, string>>();
for (const key of Object.keys(TEMPLATE_PATHS)) {
  const slash = key.indexOf('/');
  const group = key.slice(0, slash);
  let kinds = KEYS.get(group);
  if (!kinds) KEYS.set(group, (kinds = new Map()));
  kinds.set(key.slice(slash + 1), key);
}

function get(obj: unknown, path: Path): unknown {
  let cur: unknown = obj;
  for (const seg of path) {
    if (isRecord(cur)) cur = cur[seg as string];
    else if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

/** The data plane of a pod with these settings, in the workload's namespace (ModelIndex.dataplaneFor). */
export type DataplaneOf = (pod: Omit<PodSettings, 'namespaceLabels'>) => DataplaneResolution;

export function toWorkload(r: Resource, dataplaneOf: DataplaneOf): Workload | undefined {
  const key = workloadKey(r);
  if (!key) return undefined;
  const template = TEMPLATE_PATHS[key]!;
  const tpl = get(r.raw, template);
  const meta = isRecord(tpl) && isRecord(tpl.metadata) ? tpl.metadata : {};
  const spec = isRecord(tpl) && isRecord(tpl.spec) ? tpl.spec : {};
  const isKnative = r.group === 'serving.knative.dev';
  const podLabels: Record<string, string> = { ...stringMap(meta.labels) };
  const podAnnotations = stringMap(meta.annotations);
  let knative: KnativeInfo | undefined;
  if (isKnative) {
    knative = knativeLabels(r, podLabels, str(meta.name));
  }
  const sa = str(spec.serviceAccountName) ?? str(spec.serviceAccount);
  const ports: ContainerPort[] = [];
  for (const c of arr(spec.containers)) {
    if (!isRecord(c)) continue;
    for (const p of arr(c.ports)) {
      if (isRecord(p) && typeof p.containerPort === 'number') {
        ports.push({ name: str(p.name), port: p.containerPort, protocol: str(p.protocol) ?? 'TCP' });
      }
    }
  }
  if (isKnative) {
    if (ports.length === 0) ports.push({ name: 'user-port', port: 8080, protocol: 'TCP' });
    ports.push(...KNATIVE_QUEUE_PORTS);
  }
  const dataplane = dataplaneOf({ podLabels, podAnnotations, hostNetwork: spec.hostNetwork === true });
  return {
    resource: r,
    kind: r.kind,
    name: r.name,
    namespace: r.namespace,
    podLabels,
    podAnnotations,
    serviceAccount: sa ?? 'default',
    serviceAccountPath: sa ? [...template, 'spec', spec.serviceAccountName ? 'serviceAccountName' : 'serviceAccount'] : [...template, 'spec'],
    podMetadataPath: [...template, 'metadata'],
    ports,
    dataplane,
    knative,
  };
}

/**
 * Labels Knative adds to revision pods (knative/serving pkg/reconciler/revision/resources/meta.go):
 * the owning service and configuration, the revision, and `app` unless the template sets it.
 */
function knativeLabels(r: Resource, podLabels: Record<string, string>, revisionName: string | undefined): KnativeInfo {
  let service: string | undefined;
  let configuration: string;
  let revision: string | undefined;
  if (r.kind === 'Service') {
    service = r.name;
    configuration = r.name;
    revision = revisionName;
  } else if (r.kind === 'Configuration') {
    service = r.labels['serving.knative.dev/service'];
    configuration = r.name;
    revision = revisionName;
  } else {
    service = r.labels['serving.knative.dev/service'];
    configuration = r.labels['serving.knative.dev/configuration'] ?? r.name;
    revision = r.name;
  }
  if (service) podLabels['serving.knative.dev/service'] = service;
  podLabels['serving.knative.dev/configuration'] = configuration;
  if (revision) {
    podLabels['serving.knative.dev/revision'] = revision;
    podLabels.app ??= revision;
  }
  return { service, configuration, revision };
}
