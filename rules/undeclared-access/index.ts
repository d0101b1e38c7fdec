// For teams that make Otterize ClientIntents the single source of truth for who may call whom: a
// hand-written ALLOW policy that admits a client to a server no ClientIntents of that client names.
// Off by default (docs.recommended: false). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import type { Model } from '../../src/mesh/model.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

interface PrincipalEntry {
  principal: string;
  path: (string | number)[];
}

/** The exact `from.source.principals` entries of an ALLOW policy: the identities it names one by one. */
function principalEntries(p: AuthorizationPolicy): PrincipalEntry[] {
  const out: PrincipalEntry[] = [];
  arr(p.rules).forEach((rule, ri) => {
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const source = isRecord(from) && isRecord(from.source) ? from.source : undefined;
      arr(source?.principals).forEach((v, k) => {
        if (typeof v === 'string' && !v.includes('*')) out.push({ principal: v.replace(/^spiffe:\/\//, ''), path: ['spec', 'rules', ri, 'from', fi, 'source', 'principals', k] });
      });
    });
  });
  return out;
}

function label(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

/** Whether some ClientIntents of the client names this server (a workload target, or a Service in front of it). */
function declared(model: Model, client: Workload, server: Workload): boolean {
  return model.intentOutcomesOf(client).some((o) => o.servers.includes(server));
}

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'A hand-written ALLOW policy lets a client reach a server that no ClientIntents of the client names (for teams that keep ClientIntents the single source of truth; off by default).',
      url: docsUrl('undeclared-access'),
      recommended: false,
      tags: ['otterize', 'authorization'],
    },
    messages: {
      undeclared:
        'AuthorizationPolicy "{{name}}" admits {{client}} ("{{principal}}") to {{servers}}, which no ClientIntents of that client declares: access granted here is invisible to Otterize. Declare the call in the client\'s ClientIntents and drop this entry.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.access, READS.intents, READS.identities),
  },
  create(context) {
    const model = context.model;
    if (model.clientIntents.length === 0) return {};
    return {
      AuthorizationPolicy(p) {
        if (p.generatedBy || p.action !== 'ALLOW' || p.targetRefs.length > 0 || p.dryRun) return;
        const servers = model.policyWorkloads(p);
        if (servers.length === 0) return;
        for (const e of principalEntries(p)) {
          for (const owner of model.ownersOf(e.principal)) {
            const client = owner.workload;
            if (!client) continue;
            const reached = servers.filter((s) => {
              if (s === client || declared(model, client, s)) return false;
              const d = model.checkAccess({ from: { kind: 'workload', workload: client }, to: { workload: s } });
              return d.decision === 'ALLOW' && d.policyDecision?.decidedBy?.policy === p;
            });
            if (reached.length === 0) continue;
            context.report({
              at: { resource: p.resource, path: e.path },
              messageId: 'undeclared',
              data: { name: p.name, client: label(client), principal: e.principal, servers: listText(reached.map(label), 3) },
            });
          }
        }
      },
    };
  },
});
