import type { Doc, Part } from '../load/parse.js';
import type { Path } from '../types.js';

export type Labels = Readonly<Record<string, string>>;

/** A Kubernetes object as it appears in the input, with the way back to its source. */
export interface Resource {
  readonly apiVersion: string;
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  /** Effective namespace: `metadata.namespace`, else `default`; empty for cluster-scoped kinds. */
  readonly namespace: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly raw: Record<string, unknown>;
  readonly doc: Doc;
  /** Path of this object inside its document (`[]`, or `['items', i]` inside a List). */
  readonly base: Path;
}

/** A place a diagnostic can point at: a node of a resource. */
export interface At {
  resource: Resource;
  path: Path;
  part?: Part;
}

export const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'GatewayClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'Node',
  'APIService',
  'IngressClass',
  'ClusterIssuer',
  'ClusterDomainClaim',
]);

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** String-valued entries of a map; other values are dropped (the schema check reports them). */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) {
    if (typeof val === 'string') out[k] = val;
    else if (typeof val === 'number' || typeof val === 'boolean') out[k] = String(val);
  }
  return out;
}

/** Whether `labels` carry every key of `selector` with its value (an empty selector matches all). */
export function matchesLabels(selector: Labels, labels: Labels): boolean {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}

/** Whether a document looks like a Kubernetes object at all. */
export function looksLikeObject(data: unknown): data is Record<string, unknown> {
  return isRecord(data) && typeof data.kind === 'string' && typeof data.apiVersion === 'string';
}

export function toResource(raw: Record<string, unknown>, doc: Doc, base: Path): Resource {
  const apiVersion = raw.apiVersion as string;
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  const version = slash === -1 ? apiVersion : apiVersion.slice(slash + 1);
  const kind = raw.kind as string;
  const meta = isRecord(raw.metadata) ? raw.metadata : {};
  const name = str(meta.name) ?? str(meta.generateName) ?? '';
  const namespace = CLUSTER_SCOPED.has(kind) ? '' : (str(meta.namespace) ?? 'default');
  return {
    apiVersion,
    group,
    version,
    kind,
    name,
    namespace,
    labels: stringMap(meta.labels),
    annotations: stringMap(meta.annotations),
    raw,
    doc,
    base,
  };
}

export function resourceLabel(r: Resource): string {
  return r.namespace ? `${r.kind} ${r.namespace}/${r.name}` : `${r.kind} ${r.name}`;
}
