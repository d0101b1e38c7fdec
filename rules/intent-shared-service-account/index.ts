// The policy the Otterize operator generates admits the client by its service account, read from the
// client's pod (`pod.Spec.ServiceAccountName`, `default` when the template sets none;
// otterize/intents-operator src/operator/controllers/intents_reconcilers/istio_policy.go,
// istiopolicy/policy_manager.go). Every workload running as that account gets the same access. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { ClientIntents } from '../../src/model/intents.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

function verb(subjects: readonly string[]): string {
  return subjects.length === 1 ? 'does' : 'do';
}

function label(w: Workload): string {
  return `${w.kind} ${w.namespace}/${w.name}`;
}

export default defineRule({
  meta: {
    type: 'suggestion',
    docs: {
      description: 'The client of a ClientIntents runs as a service account other workloads share (or as `default`): the policies Otterize generates for it admit them too.',
      url: docsUrl('intent-shared-service-account'),
      recommended: true,
      tags: ['security', 'otterize', 'authorization'],
    },
    messages: {
      defaultAccount:
        'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "default"{{others}}: the policies Otterize generates admit "{{principal}}", so every workload of namespace {{namespace}} without a serviceAccountName gets the access declared here. Give the client its own service account.',
      sharedAccount:
        'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "{{account}}", as {{others}} {{verb}}: the policies Otterize generates admit "{{principal}}", so they get the access declared here too. Give the client its own service account.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.intents),
  },
  create(context) {
    const model = context.model;
    // The account the generated policies of each ClientIntents admit, and the ClientIntents' own workloads.
    const generated = new Map<ClientIntents, { client: Workload; principal: string; clients: Set<Workload> }>();
    for (const o of model.intentOutcomes) {
      if (!o.principal || generated.has(o.intents)) continue;
      generated.set(o.intents, { client: o.clients[0]!, principal: o.principal, clients: new Set(o.clients) });
    }
    return {
      ClientIntents(intents) {
        const g = generated.get(intents);
        if (!g) return;
        const account = g.client.serviceAccount;
        const others = model
          .identitiesIn(intents.namespace)
          .flatMap((owner) => (owner.workload && owner.serviceAccount === account && !g.clients.has(owner.workload) ? [label(owner.workload)] : []));
        const data = { intents: `${intents.namespace}/${intents.name}`, client: label(g.client), principal: g.principal, namespace: intents.namespace, account };
        const at = { resource: intents.resource, path: intents.client.path };
        if (account === 'default') {
          context.report({ at, messageId: 'defaultAccount', data: { ...data, others: others.length > 0 ? ` (as ${listText(others, 3)} ${verb(others)})` : '' } });
        } else if (others.length > 0) {
          context.report({ at, messageId: 'sharedAccount', data: { ...data, others: listText(others, 3), verb: verb(others) } });
        }
      },
    };
  },
});
