// A waypoint enforces the policies attached to it only on the traffic it carries. ztunnel on the
// destination pods decides who may connect directly (istio pilot/pkg/serviceregistry/ambient/
// authorization.go, ztunnel src/rbac.rs); this rule asks the evaluator whether anyone other than the
// waypoint gets in on the Service's ports. See README.md.
import { stringify } from 'yaml';
import { targetPortOn } from '../../src/authz/access.js';
import { targetRefTargets, type BoundTarget } from '../../src/authz/attachment.js';
import { evaluatePolicies } from '../../src/authz/evaluator.js';
import { ingressUsesWaypoint, isImplicitWaypointPolicy, looksLikeWaypointPrincipal, waypointLabel, waypointPrincipals, ztunnelPoliciesFor } from '../../src/authz/waypoints.js';
import { sourceWitnesses, type SourceWitness } from '../../src/authz/witness.js';
import { defineRule } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/model/model.js';
import { isRecord, type Resource } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import type { Path } from '../../src/types.js';

type Target = BoundTarget;

/** A client ztunnel lets in directly, and the ztunnel policy rule that admits it (none: no ALLOW policy). */
interface Leak {
  who: string;
  principal?: string;
  port: number;
  pod: Workload;
  rule?: { policy: AuthorizationPolicy; index: number; path: Path };
}

/** Whether the policy restricts anything: an ALLOW policy with an empty rule admits everything. */
function restricts(p: AuthorizationPolicy): boolean {
  if (p.action === 'AUDIT' || p.dryRun) return false;
  if (p.action === 'ALLOW' && (p.rules ?? []).some((r) => isRecord(r) && Object.keys(r).length === 0)) return false;
  return true;
}

function describeWho(w: SourceWitness): string {
  if (w.principal) return w.sourceIp ? `${w.principal} from ${w.sourceIp}` : w.principal;
  return w.sourceIp ? `plaintext clients from ${w.sourceIp}` : 'plaintext clients (no mesh identity)';
}

/** Clients other than the waypoint that ztunnel admits to `pod` on `port`. */
function leaksOf(model: Model, pod: Workload, port: number, waypointIds: string[], known: readonly string[]): Leak[] {
  const td = model.mesh.trustDomain;
  const policies = ztunnelPoliciesFor(model, pod);
  const witnesses: SourceWitness[] = [];
  for (const p of policies) {
    if (p.action === 'ALLOW' && !p.dryRun && !isImplicitWaypointPolicy(p)) witnesses.push(...sourceWitnesses(p, td));
  }
  for (const principal of [`${td}/ns/${pod.namespace}/sa/default`, `${td}/ns/default/sa/default`, ...known]) witnesses.push({ principal });
  if (model.ztunnelMtls(pod, port).mode !== 'STRICT') witnesses.push({});
  const out: Leak[] = [];
  const seen = new Set<string>();
  for (const w of witnesses) {
    if (w.principal && (waypointIds.includes(w.principal) || looksLikeWaypointPrincipal(model, w.principal) || w.principal === model.identityOf(pod))) continue;
    // Without mTLS there is no identity; a plaintext witness from a policy source is only its IP.
    if (!w.principal && model.ztunnelMtls(pod, port).mode === 'STRICT') continue;
    const who = describeWho(w);
    if (seen.has(who)) continue;
    seen.add(who);
    const d = evaluatePolicies(policies, { principal: w.principal, sourceIp: w.sourceIp, port, http: false }, 'ztunnel');
    if (d.decision !== 'ALLOW') continue;
    const by = d.decidedBy;
    let rule: Leak['rule'];
    if (by && by.rule !== undefined && !isImplicitWaypointPolicy(by.policy)) {
      const fromOrigin = w.origin && w.origin.policy === by.policy && w.origin.rule === by.rule;
      rule = { policy: by.policy, index: by.rule, path: fromOrigin ? w.origin!.path : ['spec', 'rules', by.rule] };
    }
    out.push({ who, principal: w.principal, port, pod, rule });
  }
  return out;
}

function listText(items: string[], max = 3): string {
  const shown = items.slice(0, max);
  const more = items.length > max ? ` and ${items.length - max} more` : '';
  if (shown.length <= 1) return shown.join('') + more;
  return more ? `${shown.join(', ')}${more}` : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

function ztunnelFix(target: Target, waypointIds: string[]): string {
  const policy = {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name: `${target.service.name}-via-waypoint-only`, namespace: target.service.namespace },
    spec: {
      selector: { matchLabels: target.service.selector ?? {} },
      action: 'ALLOW',
      rules: [{ from: [{ source: { principals: waypointIds } }] }],
    },
  };
  return stringify(policy);
}

export default defineRule({
  id: 'waypoint-bypass',
  meta: {
    description: 'A policy attached to a waypoint can be bypassed: ztunnel on the destination pods admits clients other than the waypoint on the same ports.',
    severity: 'warn',
    tags: ['security', 'ambient', 'waypoint', 'authorization'],
  },
  check(ctx) {
    const model = ctx.model;
    const leakCache = new Map<string, Leak[]>();
    // Other identities of the input, as candidate clients (bounded: the policies' own names come first).
    let knownCache: string[] | undefined;
    const known = () => (knownCache ??= [...model.allIdentities()].sort().slice(0, 25));
    // ztunnel rule node → what it lets in, and which waypoint policies that skips.
    const ruleReports = new Map<string, { at: { resource: Resource; path: Path }; policy: AuthorizationPolicy; leaks: Leak[]; skipped: Set<string>; target: Target; ids: string[] }>();
    const policies = model.authorizationPolicies.filter((p) => p.targetRefs.length > 0 && restricts(p));
    ctx.each(policies, (p) => {
      for (const t of p.targetRefs) {
        const leaks: Leak[] = [];
        const targets = targetRefTargets(model, p, t);
        let first: { target: Target; ids: string[] } | undefined;
        for (const target of targets) {
          const ids = waypointPrincipals(model, target.binding);
          first ??= { target, ids };
          for (const pod of model.servicePods(target.service)) {
            if (pod.dataplane.mode !== 'ambient') continue;
            for (const sp of target.service.ports) {
              const port = targetPortOn(pod, sp);
              if (port === undefined) continue;
              const key = `${pod.namespace}/${pod.kind}/${pod.name}|${port}|${ids.join(',')}`;
              let found = leakCache.get(key);
              if (!found) leakCache.set(key, (found = leaksOf(model, pod, port, ids, known())));
              for (const l of found) {
                leaks.push(l);
                if (!l.rule) continue;
                const rk = `${l.rule.policy.namespace}/${l.rule.policy.name}|${l.rule.path.join('.')}`;
                let r = ruleReports.get(rk);
                if (!r) {
                  r = { at: { resource: l.rule.policy.resource, path: l.rule.path }, policy: l.rule.policy, leaks: [], skipped: new Set(), target, ids };
                  ruleReports.set(rk, r);
                }
                if (!r.leaks.some((x) => x.who === l.who && x.port === l.port)) r.leaks.push(l);
                r.skipped.add(`"${p.namespace}/${p.name}"`);
              }
            }
          }
        }
        if (leaks.length === 0 || !first) continue;
        const wp = first.target.binding;
        const services = [...new Set(targets.filter((x) => leaks.some((l) => model.servicePods(x.service).includes(l.pod))).map((x) => x.label))];
        const ports = [...new Set(leaks.map((l) => l.port))].sort((a, b) => a - b);
        const who = [...new Set(leaks.map((l) => l.who))];
        const open = leaks.some((l) => !l.rule);
        const portText = `${ports.length === 1 ? 'port' : 'ports'} ${listText(ports.map(String))}`;
        const pods = `the pods of ${listText(services)}`;
        const why = open
          ? `no ztunnel ALLOW policy guards ${pods}, so any client${leaks.some((l) => !l.principal) ? ', even without mTLS,' : ' with a mesh identity'} reaches ${portText} directly`
          : `ztunnel policy ${listText([...new Set(leaks.map((l) => `"${l.rule!.policy.name}"`))])} lets ${listText(who)} reach ${pods} on ${portText} directly`;
        const auto = open && !model.mesh.autoAllowWaypointPolicy ? ' (or set PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true)' : '';
        ctx.report({
          at: { resource: p.resource, path: t.path },
          message: `AuthorizationPolicy "${p.name}" is enforced only by ${waypointLabel(wp)}, but ${why}, skipping it. Admit only the waypoint (${listText(first.ids)}) on ${ports.length === 1 ? 'that port' : 'those ports'}${open ? ' with a ztunnel policy' : ''}${auto}.`,
          suggestions: [{ desc: `Restrict the pods of ${first.target.label} to the waypoint's identity`, fix: ztunnelFix(first.target, first.ids) }],
        });
      }
    });
    for (const r of [...ruleReports.values()]) {
      const who = [...new Set(r.leaks.map((l) => l.who))];
      const gateways = [...new Set(r.leaks.flatMap((l) => (l.principal ? model.ownersOf(l.principal) : [])).filter((o) => o.kind === 'gateway').map((o) => `${o.namespace}/${o.gateway!.name}`))];
      const hint = gateways.length && !ingressUsesWaypoint(model, r.target.service)
        ? ` For Gateway ${listText(gateways)}, label the Service istio.io/ingress-use-waypoint=true.`
        : '';
      const ports = [...new Set(r.leaks.map((l) => l.port))].sort((a, b) => a - b);
      const pods = [...new Set(r.leaks.map((l) => `${l.pod.kind} ${l.pod.namespace}/${l.pod.name}`))];
      ctx.report({
        at: r.at,
        message: `Ztunnel policy "${r.policy.name}" lets ${listText(who)} reach ${listText(pods)} on ${ports.length === 1 ? 'port' : 'ports'} ${listText(ports.map(String))} directly, skipping ${waypointLabel(r.target.binding)} and its policy ${listText([...r.skipped].sort())}. Admit only the waypoint (${listText(r.ids)}) on ${ports.length === 1 ? 'that port' : 'those ports'}, or limit this rule to other ports.${hint}`,
        suggestions: [
          {
            desc: `Admit only the waypoint on port ${listText(ports.map(String))} in AuthorizationPolicy "${r.policy.name}"`,
            fix: `# AuthorizationPolicy ${r.policy.namespace}/${r.policy.name}, spec.rules:\n${stringify([{ from: [{ source: { principals: r.ids } }] }])}`,
          },
        ],
      });
    }
  },
});
