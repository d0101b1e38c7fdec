// `to.operation.hosts` match the request's Host (:authority) header: istio
// pilot/pkg/security/authz/model/generator.go (hostGenerator: exact, prefix, suffix, presence, case
// insensitive). A Service host of a namespace the input knows that no Service or ServiceEntry
// provides is never a request's destination. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { arr, isRecord } from '../../src/model/resource.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'unknownServiceHost';

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy names a Service host (name.namespace.svc.cluster.local) in to.operation.hosts that no Service or ServiceEntry provides.',
      url: docsUrl('authorization-unknown-host'),
      recommended: true,
      aliases: ['KIA0104'],
      tags: ['correctness', 'authorization'],
    },
    messages: {
      unknownServiceHost:
        'AuthorizationPolicy "{{name}}" names host "{{host}}" in {{field}}, but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): no request is addressed to it, so the entry {{consequence}}. Fix the Service name, or remove the entry.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.hosts),
  },
  create(context) {
    return {
      AuthorizationPolicy(p) {
        const model = context.model;
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : undefined;
            if (!op) return;
            for (const field of ['hosts', 'notHosts'] as const) {
              arr(op[field]).forEach((value, i) => {
                if (typeof value !== 'string') return;
                // Host headers compare case-insensitively and may carry a port; wildcards match by prefix or suffix.
                const host = value.toLowerCase().replace(/:\d+$/, '');
                const ns = model.missingServiceHostNamespace(host);
                if (!ns) return;
                context.report({
                  at: { resource: p.resource, path: ['spec', 'rules', r, 'to', t, 'operation', field, i] },
                  messageId: 'unknownServiceHost',
                  data: {
                    name: p.name,
                    host: value,
                    field: `"${field}"`,
                    namespace: ns,
                    service: host.split('.')[0],
                    consequence: field === 'notHosts' ? 'excludes nothing' : p.action === 'DENY' ? 'denies nothing' : 'admits nothing',
                  },
                });
              });
            }
          });
        });
      },
    };
  },
});
