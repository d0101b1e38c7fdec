// The Otterize operator finds a target by its identity: a Service by name, a workload by the
// `intents.otterize.com/service` label it puts on the pods of that identity (otterize/intents-operator
// src/operator/api/v2alpha1/otterize_labels.go, ServiceIdentityToLabelsForWorkloadSelection;
// src/shared/serviceidresolver/podownerresolver). A target no pod carries gets a policy that
// selects nothing (or, for a Service, no policy): the call the intent declares has no server. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { isKubernetesApiServer, LEGACY_KIND, otterizeIdentity, type ClientIntents, type IntentTarget } from '../../src/model/intents.js';
import type { Model } from '../../src/mesh/model.js';
import { closest } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

/** A hint toward what the entry may have meant, or ''. */
function workloadHint(model: Model, t: IntentTarget): string {
  const ids = model.workloadsIn(t.namespace).map((w) => ({ w, id: otterizeIdentity(w, model.otterize.workloadNameAnnotation) }));
  const sameName = ids.find(({ id }) => id.name === t.name);
  if (sameName) return ` (${sameName.w.kind} ${sameName.w.name} has that name, but its owner kind is ${sameName.id.kind || 'unset: its name comes from an annotation'}, not ${t.kind})`;
  if (model.service(t.namespace, t.name)) return ` (Service ${t.name} exists: to name it, write it as a service target)`;
  const near = closest(t.name, ids.map(({ id }) => id.name));
  return near ? ` (did you mean "${near}"?)` : '';
}

export default defineRule({
  meta: {
    type: 'problem',
    docs: {
      description: 'A ClientIntents target names a workload or Service that is not in the input, in a namespace that is: the call it declares has no server, and the generated policy protects nothing.',
      url: docsUrl('intent-unknown-target'),
      recommended: true,
      tags: ['otterize', 'authorization'],
    },
    messages: {
      unknownWorkload:
        'ClientIntents "{{intents}}" declares a call to {{kind}}"{{name}}" in namespace {{namespace}}, but no workload of the input has that Otterize identity{{hint}}: the policy the operator generates selects no pod, and the call has no server. Name the workload as the operator does (its top owner\'s name, or its intents.otterize.com/workload-name annotation).',
      unknownService:
        'ClientIntents "{{intents}}" declares a call to Service "{{name}}" in namespace {{namespace}}, which is not in the input{{hint}}: the operator generates no policy for it, and the call has no server. Name an existing Service.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.intents, READS.services, READS.workloads),
  },
  create(context) {
    const model = context.model;
    const servers = new Map(model.intentOutcomes.map((o) => [o.target, o.servers] as const));
    const check = (intents: ClientIntents, t: IntentTarget) => {
      const data = { intents: `${intents.namespace}/${intents.name}`, name: t.name, namespace: t.namespace };
      const at = { resource: intents.resource, path: t.namePath };
      if (t.type === 'service') {
        if (isKubernetesApiServer(t) || !model.hasNamespace(t.namespace) || model.service(t.namespace, t.name)) return;
        const near = closest(t.name, model.services.filter((s) => s.namespace === t.namespace).map((s) => s.name));
        context.report({ at, messageId: 'unknownService', data: { ...data, hint: near ? ` (did you mean "${near}"?)` : '' } });
        return;
      }
      if (t.type !== 'kubernetes' || !model.knowsWorkloadsOf(t.namespace)) return;
      if ((servers.get(t)?.length ?? 0) > 0) return;
      context.report({ at, messageId: 'unknownWorkload', data: { ...data, kind: t.kind === LEGACY_KIND ? '' : `${t.kind} `, hint: workloadHint(model, t) } });
    };
    return {
      ClientIntents(intents) {
        for (const t of intents.targets) check(intents, t);
      },
    };
  },
});
