// A WorkloadGroup's VMs join the mesh as `spec.template.serviceAccount`: istioctl creates their
// bootstrap token for that ServiceAccount (istioctl/pkg/workload/workload.go, CreateToken), and
// istiod registers a VM only when its verified identity is that account
// (pilot/pkg/autoregistration/controller.go). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { Model } from '../../src/mesh/model.js';
import { isRecord, type Resource } from '../../src/model/resource.js';
import { closest, listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** Every namespace has it: the ServiceAccount controller creates it. */
const DEFAULT_ACCOUNT = 'default';

/**
 * The service accounts of `ns`, when the input lists them: the input is complete, or it declares
 * the Namespace and holds ServiceAccount objects there. Accounts some pod runs as count too.
 * Otherwise undefined: accounts are often created outside the manifests (Helm charts, operators).
 */
function accountsOf(model: Model, ns: string): string[] | undefined {
  const objects = model.serviceAccountsIn(ns).map((r) => r.name);
  if (!model.mesh.complete && !(model.declaresNamespace(ns) && objects.length > 0)) return undefined;
  const running = model.identitiesIn(ns).map((o) => o.serviceAccount);
  return [...new Set([DEFAULT_ACCOUNT, ...objects, ...running])].filter((a) => a !== '').sort();
}

export default defineRule<'unknownServiceAccount'>({
  meta: {
    type: 'problem',
    docs: {
      description: "A WorkloadGroup's template names a service account its namespace does not have: its VMs get no token for it, and istiod registers none of them.",
      url: docsUrl('workloadgroup-service-account'),
      recommended: true,
      aliases: ['KIA1701'],
      tags: ['vm', 'identity'],
    },
    messages: {
      unknownServiceAccount:
        'WorkloadGroup "{{name}}" runs its VMs as service account "{{account}}", but namespace {{namespace}} has none of that name (it has {{accounts}}): no bootstrap token can be created for it, and istiod registers no VM of the group, so they never join the mesh.{{hint}}',
    },
    schema: [],
    defaultSeverity: 'error',
    reads: reads(READS.identities, READS.serviceAccounts),
  },
  create(context) {
    const model = context.model;
    return {
      WorkloadGroup(r: Resource) {
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const template = isRecord(spec.template) ? spec.template : {};
        const account = template.serviceAccount;
        if (typeof account !== 'string' || account === '') return;
        const accounts = accountsOf(model, r.namespace);
        if (!accounts || accounts.includes(account)) return;
        const near = closest(account, accounts);
        context.report({
          at: { resource: r, path: ['spec', 'template', 'serviceAccount'] },
          messageId: 'unknownServiceAccount',
          data: {
            name: r.name,
            account,
            namespace: r.namespace,
            accounts: listText(accounts.map((a) => `"${a}"`), 5),
            hint: near ? ` Did you mean "${near}"?` : ' Create the ServiceAccount, or name one the namespace has.',
          },
        });
      },
    };
  },
});
