import { isRecord, type Resource } from '../model/resource.js';
import { workloadKey } from '../model/workloads.js';
import type { Path } from '../types.js';
import { hasType } from './schema-crd.js';
import { formatPath } from './schema-problem.js';

/**
 * The types of the Kubernetes fields the model reads, for resources that have no CRD schema
 * (Namespace, Service, Pod, Deployment and the other workloads). Without this a `labels: 5` or a
 * `selector: "x"` would be read as "no labels" or "no selector" without a word, and every rule
 * would reason from that. The API server rejects such objects, so these are `schema` errors.
 * Only what the model reads is checked; this is not a full Kubernetes schema.
 */
export interface ShapeProblem {
  path: Path;
  message: string;
}

type Kind = 'object' | 'array' | 'string' | 'integer' | 'boolean' | 'integer or string';

function typeOk(v: unknown, kind: Kind): boolean {
  return kind === 'integer or string' ? Number.isInteger(v) || typeof v === 'string' : hasType(v, kind);
}

const TEMPLATES: Record<string, Path> = {
  'core/Pod': [],
  'serving.knative.dev/Revision': [],
  'batch/CronJob': ['spec', 'jobTemplate', 'spec', 'template'],
};

const SELECTOR_KINDS = new Set(['apps/Deployment', 'apps/StatefulSet', 'apps/DaemonSet', 'apps/ReplicaSet', 'argoproj.io/Rollout']);

export function checkShape(r: Resource): ShapeProblem[] {
  const out: ShapeProblem[] = [];
  const base = r.raw;
  /** The value at `path` when every step is a map; a wrong step is reported once, then skipped. */
  const at = (path: Path, kind: Kind): unknown => {
    let cur: unknown = base;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      if (typeof seg === 'number') cur = Array.isArray(cur) ? cur[seg] : undefined;
      else cur = isRecord(cur) ? cur[seg] : undefined;
      if (cur === undefined || cur === null) return undefined;
      const want: Kind = i === path.length - 1 ? kind : typeof path[i + 1] === 'number' ? 'array' : 'object';
      if (!typeOk(cur, want)) {
        const p = path.slice(0, i + 1);
        if (!out.some((o) => formatPath(o.path) === formatPath(p))) out.push({ path: p, message: `${formatPath(p)} must be ${article(want)}` });
        return undefined;
      }
    }
    return cur;
  };
  const stringMap = (path: Path): void => {
    const m = at(path, 'object');
    if (!isRecord(m)) return;
    for (const [k, v] of Object.entries(m)) {
      if (typeof v === 'string' || v === null) continue;
      const quoted = typeof v === 'number' || typeof v === 'boolean' ? ` (write "${String(v)}" in quotes)` : '';
      out.push({ path: [...path, k], message: `${formatPath([...path, k])} must be a string${quoted}` });
    }
  };
  const meta = (path: Path): void => {
    at([...path, 'metadata'], 'object');
    at([...path, 'metadata', 'name'], 'string');
    at([...path, 'metadata', 'generateName'], 'string');
    at([...path, 'metadata', 'namespace'], 'string');
    stringMap([...path, 'metadata', 'labels']);
    stringMap([...path, 'metadata', 'annotations']);
  };

  meta([]);
  const key = workloadKey(r);
  if (key) {
    const tpl = TEMPLATES[key] ?? ['spec', 'template'];
    if (tpl.length > 0) {
      at(tpl, 'object');
      meta(tpl);
    }
    const spec = [...tpl, 'spec'];
    at([...spec, 'serviceAccountName'], 'string');
    at([...spec, 'serviceAccount'], 'string');
    at([...spec, 'hostNetwork'], 'boolean');
    const containers = at([...spec, 'containers'], 'array');
    (Array.isArray(containers) ? containers : []).forEach((c, i) => {
      const cp: Path = [...spec, 'containers', i];
      if (!isRecord(c)) {
        out.push({ path: cp, message: `${formatPath(cp)} must be an object` });
        return;
      }
      const ports = at([...cp, 'ports'], 'array');
      (Array.isArray(ports) ? ports : []).forEach((p, j) => {
        const pp: Path = [...cp, 'ports', j];
        if (!isRecord(p)) out.push({ path: pp, message: `${formatPath(pp)} must be an object` });
        else at([...pp, 'containerPort'], 'integer');
      });
    });
    if (SELECTOR_KINDS.has(key)) stringMap(['spec', 'selector', 'matchLabels']);
  }
  if (r.kind === 'Service' && r.group === '') {
    stringMap(['spec', 'selector']);
    const ports = at(['spec', 'ports'], 'array');
    (Array.isArray(ports) ? ports : []).forEach((p, j) => {
      const pp: Path = ['spec', 'ports', j];
      if (!isRecord(p)) {
        out.push({ path: pp, message: `${formatPath(pp)} must be an object` });
        return;
      }
      at([...pp, 'port'], 'integer');
      at([...pp, 'targetPort'], 'integer or string');
      at([...pp, 'name'], 'string');
      at([...pp, 'protocol'], 'string');
      at([...pp, 'appProtocol'], 'string');
    });
  }
  return out;
}

function article(kind: Kind): string {
  return kind === 'object' || kind === 'array' || kind === 'integer' || kind === 'integer or string' ? `an ${kind}` : `a ${kind}`;
}
