// A ClientIntents entry declares a call; the Otterize operator turns it into an ALLOW policy
// (otterize/intents-operator src/operator/controllers/istiopolicy/policy_manager.go) or, for a
// client without an istio-proxy container, into nothing (intents_reconcilers/istio_policy.go).
// Whether the declared call then gets through is the evaluator's answer. See README.md.
import type { AccessDecision, AccessRequest, Model } from '../../src/mesh/model.js';
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { ClientIntents, HttpResource, OtterizeSettings } from '../../src/model/intents.js';
import type { IntentOutcome } from '../../src/model/intents-policies.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

/** A request path an Istio path pattern matches: `/api/*` → `/api/`, `*.js` → `/x.js`, templates filled in. */
function concretePath(pattern: string): string {
  let p = pattern.replace(/\{\*\*?\}/g, 'x');
  if (p.endsWith('*')) p = p.slice(0, -1);
  if (p.startsWith('*')) p = `/x${p.slice(1)}`;
  return p === '' ? '/' : p;
}

/** The requests the entry declares: one per method and HTTP resource, or one plain connection. */
function requestsOf(http: readonly HttpResource[]): Array<{ method?: string; path?: string }> {
  if (http.length === 0) return [{}];
  return http.flatMap((h) => (h.methods.length > 0 ? h.methods : ['GET']).map((method) => ({ method, path: concretePath(h.path) })));
}

function label(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

/** The first declared request of the entry that the mesh refuses, if any. */
function firstRefusal(model: Model, o: IntentOutcome): { decision: AccessDecision; client: Workload; server: string; request: string } | undefined {
  const targets: Array<{ to: AccessRequest['to']; name: string }> = o.service
    ? [{ to: { service: o.service }, name: `Service ${o.service.namespace}/${o.service.name}` }]
    : o.servers.map((w) => ({ to: { workload: w }, name: label(w) }));
  for (const client of o.clients) {
    for (const t of targets) {
      for (const r of requestsOf(o.target.http)) {
        const decision = model.checkAccess({ from: { kind: 'workload', workload: client }, to: t.to, ...r });
        // A request with nowhere to go (no port, no pods) is not a refusal of the intent.
        if (decision.decision === 'DENY' && decision.enforcement.length > 0) {
          return { decision, client, server: t.name, request: r.method ? ` (${r.method} ${r.path})` : '' };
        }
      }
    }
  }
  return undefined;
}

/** The operator's settings a reason may name, and their keys in the model. */
const SETTINGS: Array<[string, keyof OtterizeSettings]> = [
  ['enforcement-default-state', 'enforcementDefault'],
  ['enable-istio-policy-creation', 'istioPolicyCreation'],
  ['watched-namespaces', 'watchedNamespaces'],
];

/** What to do when the operator generates nothing, by its reason. */
function fixFor(o: IntentOutcome): string {
  const why = o.nothing ?? '';
  if (why.includes('native sidecar')) return 'Run istio-proxy as a regular container in the client (sidecar.istio.io/nativeSidecar: "false"), or admit the client with a hand-written policy.';
  if (why.includes('ambient') || why.includes('no sidecar')) return 'Inject a sidecar into the client, or admit it with a hand-written policy.';
  if (why.includes('enforcement is off')) return 'Protect the server with a ProtectedService (or turn enforcement on), or admit the client with a hand-written policy.';
  if (why.includes('enable-istio-policy-creation')) return 'Turn Istio policy creation on in the operator, or admit the client with a hand-written policy.';
  if (why.includes('watched-namespaces')) return 'Add the namespace to the operator\'s watched namespaces, or admit the client with a hand-written policy.';
  return 'Admit the client with a hand-written policy, or fix what stops the operator.';
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'A call a ClientIntents declares is refused by the mesh: a DENY or CUSTOM policy, ALLOW policies the generated one does not get past, mTLS the client cannot meet, ztunnel dropping the generated HTTP rule, or no policy generated for the client at all.',
      url: docsUrl('intent-denied'),
      recommended: true,
      tags: ['security', 'authorization', 'otterize'],
    },
    messages: {
      denied:
        'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but the mesh refuses it: {{reason}}. The call fails (HTTP 403 or a reset connection); change what refuses it or the intent.',
      deniedNothingGenerated:
        'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but {{why}}, and the mesh refuses the call: {{reason}}. The call fails (HTTP 403 or a reset connection). {{fix}}',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: reads(READS.access, READS.intents),
  },
  create(context) {
    const model = context.model;
    const byIntents = new Map<ClientIntents, IntentOutcome[]>();
    for (const o of model.intentOutcomes) {
      const list = byIntents.get(o.intents) ?? [];
      list.push(o);
      byIntents.set(o.intents, list);
    }
    return {
      ClientIntents(intents) {
        for (const o of byIntents.get(intents) ?? []) {
          if (o.target.type !== 'kubernetes' && o.target.type !== 'service') continue;
          const refusal = firstRefusal(model, o);
          if (!refusal) continue;
          const { decision, client, server, request } = refusal;
          // Why the generated policy itself did not admit the call (ztunnel dropping its HTTP rule), when the trace says.
          const verdict = o.policy ? decision.policyDecision?.trace.find((v) => v.policy === o.policy && v.note) : undefined;
          const reason = verdict ? `${decision.reason}; in the generated policy, ${verdict.note}` : decision.reason;
          const data = { intents: `${intents.namespace}/${intents.name}`, client: label(client), server, request, reason };
          const at = { resource: intents.resource, path: o.target.namePath };
          if (o.nothing && !o.policy) {
            const why = o.nothing.replace(/, so the operator (generates nothing for it|fails to generate a policy for it|ignores the intent)$/, '');
            // Point at the operator's setting behind it when the input holds it.
            const key = SETTINGS.find(([flag]) => why.includes(flag));
            const setting = key ? model.otterize.sources[key[1]] : undefined;
            const related = key && setting ? [{ at: setting, message: `the operator's ${key[0]} is set here` }] : undefined;
            context.report({ at, messageId: 'deniedNothingGenerated', data: { ...data, why: `the Otterize operator generates no policy for it (${why})`, fix: fixFor(o) }, related, assumptions: decision.assumptions });
          } else {
            context.report({ at, messageId: 'denied', data, assumptions: decision.assumptions });
          }
        }
      },
    };
  },
});
