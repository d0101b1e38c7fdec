import type { Path } from '../types.js';
import { closest } from '../util/text.js';
import type { Resource } from '../model/resource.js';

/**
 * CRD schema validation of Istio resources, with the schemas maintained by
 * @kubernetes-models/istio (generated from Istio's CRDs). Each error is mapped to the node it
 * names so that the diagnostic points at the offending field.
 */

type ModelClass = new (data: unknown) => { validate(): void };
type Loader = () => Promise<Record<string, unknown>>;

const MODULES: Record<string, Loader> = {
  'security.istio.io/v1': () => import('@kubernetes-models/istio/security.istio.io/v1'),
  'security.istio.io/v1beta1': () => import('@kubernetes-models/istio/security.istio.io/v1beta1'),
  'networking.istio.io/v1': () => import('@kubernetes-models/istio/networking.istio.io/v1'),
  'networking.istio.io/v1beta1': () => import('@kubernetes-models/istio/networking.istio.io/v1beta1'),
  'networking.istio.io/v1alpha3': () => import('@kubernetes-models/istio/networking.istio.io/v1alpha3'),
  'telemetry.istio.io/v1': () => import('@kubernetes-models/istio/telemetry.istio.io/v1'),
  'telemetry.istio.io/v1alpha1': () => import('@kubernetes-models/istio/telemetry.istio.io/v1alpha1'),
  'extensions.istio.io/v1alpha1': () => import('@kubernetes-models/istio/extensions.istio.io/v1alpha1'),
};

/**
 * Schema modules to try for an apiVersion, in order. Some kinds are served only under an older
 * version (EnvoyFilter, WorkloadGroup and ProxyConfig under networking v1alpha3); Istio's newer
 * versions are the same protos (istio/api), so validation then uses that version's schema.
 */
const CANDIDATES: Record<string, string[]> = {
  'security.istio.io/v1': ['security.istio.io/v1', 'security.istio.io/v1beta1'],
  'security.istio.io/v1beta1': ['security.istio.io/v1beta1'],
  'networking.istio.io/v1': ['networking.istio.io/v1', 'networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'],
  'networking.istio.io/v1beta1': ['networking.istio.io/v1beta1', 'networking.istio.io/v1alpha3'],
  'networking.istio.io/v1alpha3': ['networking.istio.io/v1alpha3'],
  'telemetry.istio.io/v1': ['telemetry.istio.io/v1', 'telemetry.istio.io/v1alpha1'],
  'telemetry.istio.io/v1alpha1': ['telemetry.istio.io/v1alpha1'],
  'extensions.istio.io/v1alpha1': ['extensions.istio.io/v1alpha1'],
};

export const ISTIO_KINDS = [
  'AuthorizationPolicy',
  'PeerAuthentication',
  'RequestAuthentication',
  'DestinationRule',
  'VirtualService',
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'WorkloadEntry',
  'WorkloadGroup',
  'EnvoyFilter',
  'ProxyConfig',
  'Telemetry',
  'WasmPlugin',
];

const modules = new Map<string, Promise<Record<string, unknown> | undefined>>();

function loadModule(apiVersion: string): Promise<Record<string, unknown> | undefined> {
  let m = modules.get(apiVersion);
  if (!m) {
    const loader = MODULES[apiVersion];
    m = loader ? loader().catch(() => undefined) : Promise.resolve(undefined);
    modules.set(apiVersion, m);
  }
  return m;
}

async function modelClass(apiVersion: string, kind: string): Promise<{ Model: ModelClass; apiVersion: string } | undefined> {
  for (const candidate of CANDIDATES[apiVersion] ?? []) {
    const mod = await loadModule(candidate);
    const Model = mod?.[kind];
    if (typeof Model === 'function') return { Model: Model as ModelClass, apiVersion: candidate };
  }
  return undefined;
}

export interface SchemaProblem {
  path: Path;
  message: string;
  part: 'key' | 'value';
}

interface AjvError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Whether this apiVersion has CRD schemas we validate against. */
export function hasSchema(r: Resource): boolean {
  return r.apiVersion in CANDIDATES;
}

export async function validateResource(r: Resource): Promise<SchemaProblem[]> {
  const found = await modelClass(r.apiVersion, r.kind);
  if (!found) {
    return [{ path: ['kind'], message: `${r.apiVersion} has no kind "${r.kind}"${suggestKind(r.kind)}`, part: 'value' }];
  }
  try {
    const data = { ...r.raw, apiVersion: found.apiVersion };
    // The model's constructor deep-copies the data to drop undefined values; the fast path's
    // data has none, and the validators only read (no defaults, no coercion), so validate as is.
    if (r.doc.plain) found.Model.prototype.validate.call(data);
    else new found.Model(data).validate();
    return [];
  } catch (err) {
    const errors = (err as { errors?: AjvError[] }).errors;
    if (!Array.isArray(errors)) return [{ path: [], message: (err as Error).message, part: 'value' }];
    return toProblems(errors);
  }
}

function toProblems(errors: AjvError[]): SchemaProblem[] {
  // oneOf/anyOf/not errors restate a deeper error or are about CRD-internal alternatives; keep the
  // concrete ones, and one per path.
  const concrete = errors.filter((e) => !['oneOf', 'anyOf', 'not', 'if'].includes(e.keyword));
  const chosen = concrete.length > 0 ? concrete : errors;
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const e of chosen) {
    const path = e.instancePath
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const key = `${path.join('.')}|${e.keyword}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where = path.length > 0 ? formatPath(path) : 'the resource';
    out.push({ path, message: `${where} ${describe(e)}`, part: 'value' });
  }
  return out;
}

function describe(e: AjvError): string {
  switch (e.keyword) {
    case 'type':
      return `must be ${article(String(e.params.type))}`;
    case 'enum':
      return `must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `needs "${String(e.params.missingProperty)}"`;
    default:
      return e.message ?? e.keyword;
  }
}

function article(type: string): string {
  const t = type.replace(/,/g, ' or ');
  return /^[aeiou]/.test(t) ? `an ${t}` : `a ${t}`;
}

export function formatPath(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s;
}

function suggestKind(kind: string): string {
  const close = closest(kind, ISTIO_KINDS);
  return close ? ` (did you mean "${close}"?)` : '';
}

