import { closest } from '../util/text.js';
import type { Resource } from '../model/resource.js';
import { ISTIO_CRDS, type IstioCrd } from './istio-crds/index.js';
import { celProblems } from './schema-cel.js';
import { crdProblems, listProblems, pruneNulls } from './schema-crd.js';
import { orList, type SchemaProblem } from './schema-problem.js';
import { checkShape } from './shape.js';
import { webhookProblems } from './schema-webhook.js';

/**
 * Validation of Istio resources as `kubectl apply` and istiod would do it: the API server's
 * checks of the CRD (the served versions, the OpenAPI schema, the CEL rules of istio's
 * crd-all.gen.yaml, vendored by scripts/vendor-istio-crds.mjs), then istiod's validating webhook.
 * Each problem names the node it is about, so the diagnostic points at the offending field.
 */

export type { SchemaProblem } from './schema-problem.js';
export { formatPath } from './schema-problem.js';

const GROUPS = new Set(ISTIO_CRDS.map((c) => c.group));
export const ISTIO_KINDS = [...new Set(ISTIO_CRDS.map((c) => c.kind))];

/** Whether the resource is in an API group of Istio's CRDs. */
export function hasSchema(r: Resource): boolean {
  return GROUPS.has(r.group);
}

function crdOf(r: Resource): IstioCrd | undefined {
  return ISTIO_CRDS.find((c) => c.group === r.group && c.kind === r.kind);
}

export async function validateResource(r: Resource): Promise<SchemaProblem[]> {
  const crd = crdOf(r);
  if (!crd) {
    const kinds = ISTIO_CRDS.filter((c) => c.group === r.group).map((c) => c.kind);
    const near = closest(r.kind, kinds) ?? closest(r.kind, ISTIO_KINDS);
    const hint = near ? ` (did you mean "${near}"?)` : '';
    return [{ path: ['kind'], message: `${r.apiVersion} has no kind "${r.kind}"${hint}`, part: 'value' }];
  }
  const version = r.apiVersion.slice(r.group.length + 1);
  if (!crd.versions.includes(version)) {
    const served = orList(crd.versions.map((v) => `${crd.group}/${v}`));
    return [{ path: ['apiVersion'], message: `${r.kind} is not served as ${r.apiVersion}, so the API server rejects it; use ${served}`, part: 'value' }];
  }
  const meta = checkShape(r).map((p): SchemaProblem => ({ ...p, part: 'value' }));
  const schema = await crd.load();
  const { spec } = pruneNulls({ spec: r.raw.spec }) as { spec?: unknown };
  const problems = [...meta, ...crdProblems(schema, spec === undefined ? {} : { spec }), ...listProblems(schema.properties?.spec, spec, ['spec'])];
  // The CEL rules and the webhook read fields the schema promises; on a malformed object they
  // would restate or misread its errors.
  if (problems.length > 0) return problems;
  const cel = await celProblems(schema, spec);
  if (cel.length > 0) return cel;
  return webhookProblems(r, spec);
}
