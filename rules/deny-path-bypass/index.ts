// Envoy matches `paths` after meshConfig.pathNormalization (istio
// pilot/pkg/networking/core/listener_builder.go, buildHTTPConnectionManager); an exact path is
// sidestepped by the forms the mode leaves alone (istio.io security best practices, "Understand
// path normalization in authorization policy"; ISTIO-SECURITY-2021-005 / CVE-2021-31920). See README.md.
import { matchPath, normalizePath } from '../../src/authz/match.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { DataplaneAssumption } from '../../src/model/dataplane.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { PathNormalization } from '../../src/model/mesh.js';
import type { Model } from '../../src/mesh/model.js';
import { arr, isRecord, type At } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Path } from '../../src/types.js';
import { listText, quoted } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

interface EnvoyTarget {
  names: string;
  /** The data planes the target's sidecars are assumed to have. */
  assumptions: DataplaneAssumption[];
}

/** Where Envoy enforces the policy (a sidecar or a waypoint/gateway), as words; undefined when no Envoy does. */
function envoyTarget(model: Model, p: AuthorizationPolicy): EnvoyTarget | undefined {
  if (p.targetRefs.length > 0) {
    const t = p.targetRefs[0]!;
    const what = t.kind === 'Service' || t.kind === 'ServiceEntry' ? `the waypoint of ${t.kind} ${p.namespace}/${t.name}` : `${t.kind} ${p.namespace}/${t.name}`;
    return { names: p.targetRefs.length > 1 ? `${what} and ${p.targetRefs.length - 1} more` : what, assumptions: [] };
  }
  const sidecars = model.policyWorkloads(p).filter((w) => w.dataplane.mode === 'sidecar');
  if (sidecars.length > 0) return { names: describeWorkloads(sidecars), assumptions: model.assumptionsOf(sidecars) };
  // Nothing of the input selected, but the namespace's labels inject sidecars into the pods it will run.
  const pods = model.dataplaneFor(p.namespace);
  if (p.namespace !== model.rootNamespace && pods.mode === 'sidecar' && !pods.assumption) {
    return { names: `the pods of sidecar namespace "${p.namespace}"`, assumptions: [] };
  }
  return undefined;
}

function describeWorkloads(ws: readonly Workload[]): string {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(', ')} and ${all.length - 3} more` : all.join(', ');
}

/**
 * Requests a backend may take for `value` that Envoy, under `mode`, neither normalizes into it nor
 * matches with another value of the same field: a trailing slash (no mode removes it), a doubled
 * slash (merged from MERGE_SLASHES on), an encoded slash (decoded only by
 * DECODE_AND_MERGE_SLASHES), a dot segment (removed from BASE on). For an ALLOW's `notPaths`,
 * `within` are the `paths` of the same operation: only forms they admit get through.
 */
export function bypasses(value: string, siblings: readonly string[], mode: PathNormalization, within: readonly string[] = []): string[] {
  if (!value.startsWith('/') || value === '/') return [];
  const candidates = [value.endsWith('/') ? value.slice(0, -1) : `${value}/`, `/${value}`];
  const slash = value.lastIndexOf('/', value.length - 2);
  if (slash > 0) candidates.push(`${value.slice(0, slash)}%2F${value.slice(slash + 1)}`);
  candidates.push(`/.${value}`);
  return candidates.filter((c) => {
    const seen = normalizePath(c, mode);
    // `within`: the `paths` beside an ALLOW's `notPaths`; a form they do not admit is refused anyway.
    return !seen.rejected && !siblings.some((s) => matchPath(s, seen.path)) && (within.length === 0 || within.some((s) => matchPath(s, seen.path)));
  });
}

const isExact = (v: string) => !v.includes('*') && !v.includes('{');

/** The mode that closes the doubled and encoded slash forms, when one is left open. */
function stricterMode(forms: readonly string[], value: string): PathNormalization | undefined {
  if (forms.some((f) => f.includes('%2F'))) return 'DECODE_AND_MERGE_SLASHES';
  if (forms.includes(`/${value}`) || forms.includes(`/.${value}`)) return 'MERGE_SLASHES';
  return undefined;
}

function templateFix(value: string): string {
  const base = value.endsWith('/') ? value.slice(0, -1) : value;
  return `${base}/{**}`;
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'A DENY (or an ALLOW excluding with notPaths) names exact paths that requests can sidestep under the mesh\'s pathNormalization: "/admin/", "//admin", "/admin%2Fx".',
      url: docsUrl('deny-path-bypass'),
      recommended: true,
      tags: ['security', 'authorization', 'sidecar', 'waypoint'],
    },
    messages: {
      // {{advice}}: what closes the forms named, one or both of "deny/exclude the subtree too" and
      // "normalize more strictly", as a sentence.
      denyBypassedOne:
        'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is not denied, though a backend may serve it as "{{path}}". {{advice}}.',
      denyBypassedMany:
        'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are not denied, though a backend may serve them as "{{path}}". {{advice}}.',
      notPathsBypassedOne:
        'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is still allowed, though a backend may serve it as "{{path}}". {{advice}}.',
      notPathsBypassedMany:
        'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are still allowed, though a backend may serve them as "{{path}}". {{advice}}.',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: reads(READS.workloads),
  },
  create(context) {
    const model = context.model;
    const mode = model.mesh.pathNormalization;
    const modeSource = model.mesh.sources.pathNormalization;
    const related: Array<{ at: At; message: string }> = modeSource ? [{ at: { resource: modeSource.resource, path: modeSource.path }, message: `meshConfig.pathNormalization is ${mode} here` }] : [];
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || (p.action !== 'DENY' && p.action !== 'ALLOW') || !p.rules) return;
        const deny = p.action === 'DENY';
        const field = deny ? 'paths' : 'notPaths';
        let target: EnvoyTarget | undefined | null = null;
        p.rules.forEach((rule, ri) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, ti) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : undefined;
            if (!op) return;
            const values = arr(op[field]);
            const strings = values.filter((v): v is string => typeof v === 'string');
            values.forEach((v, vi) => {
              if (typeof v !== 'string' || !isExact(v)) return;
              const within = field === 'notPaths' ? arr(op.paths).filter((x): x is string => typeof x === 'string') : [];
              const forms = bypasses(v, strings, mode, within);
              if (forms.length === 0) return;
              if (target === null) target = envoyTarget(model, p);
              if (target === undefined) return;
              const path: Path = ['spec', 'rules', ri, 'to', ti, 'operation', field, vi];
              const one = Math.min(forms.length, 3) === 1;
              const trailing = forms.some((f) => f === `${v}/` || `${f}/` === v);
              const stricter = stricterMode(forms, v);
              const base = v.replace(/\/$/, '');
              const advice = [
                trailing ? `${deny ? 'deny' : 'exclude'} "${templateFix(v)}" too (or "${base}*")` : '',
                stricter ? `set meshConfig.pathNormalization to ${stricter}` : '',
              ]
                .filter(Boolean)
                .join(', and ');
              const suggest = [];
              if (trailing) {
                suggest.push({ desc: `Also match everything under "${base}"`, fix: `${field}: [${[...new Set([...strings, templateFix(v)])].map((s) => `"${s}"`).join(', ')}]` });
              }
              if (stricter) {
                suggest.push({ desc: 'Normalize paths more strictly, mesh-wide (test the applications first)', fix: `meshConfig:\n  pathNormalization:\n    normalization: ${stricter}` });
              }
              context.report({
                at: { resource: p.resource, path },
                messageId: deny ? (one ? 'denyBypassedOne' : 'denyBypassedMany') : one ? 'notPathsBypassedOne' : 'notPathsBypassedMany',
                data: {
                  name: p.name,
                  path: v,
                  target: target.names,
                  mode,
                  forms: listText(quoted(forms.slice(0, 3))),
                  advice: `${advice.charAt(0).toUpperCase()}${advice.slice(1)}`,
                },
                suggest,
                related,
                assumptions: target.assumptions,
              });
            });
          });
        });
      },
    };
  },
});
