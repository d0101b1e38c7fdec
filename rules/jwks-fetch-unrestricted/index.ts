// istiod fetches the keys of RequestAuthentication jwtRules itself: istio
// pilot/pkg/model/jwks_resolver.go (jwksBlockedIP: link-local and cloud metadata addresses are
// always refused, private and loopback ranges only when BLOCKED_CIDRS_IN_JWKS_URIS lists them),
// pilot/pkg/features/pilot.go (BLOCKED_CIDRS_IN_JWKS_URIS). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { SelectingPolicy } from '../../src/model/kinds.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { listText } from '../../src/util/text.js';
import { READS, reads } from '../../src/model/reads.js';

type MessageId = 'unrestrictedFetch';

const FLAG = 'BLOCKED_CIDRS_IN_JWKS_URIS';

/** Whether istiod fetches keys for the policy: a jwtRule without inline `jwks` (a `jwksUri`, or the issuer's discovery document). */
function fetchesKeys(p: SelectingPolicy): boolean {
  return arr(p.spec.jwtRules).some((r) => isRecord(r) && (typeof r.jwks !== 'string' || r.jwks === ''));
}

/** Whether an istiod Deployment sets the flag (a literal, non-empty value) on a container. */
function setsFlag(w: Workload): boolean {
  const spec = isRecord(w.resource.raw.spec) ? w.resource.raw.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  const podSpec = isRecord(template.spec) ? template.spec : {};
  return arr(podSpec.containers).some((c) => isRecord(c) && arr(c.env).some((e) => isRecord(e) && e.name === FLAG && (typeof e.value !== 'string' || e.value !== '')));
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'RequestAuthentications make istiod fetch JWKS URLs while istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS, so it fetches from private and loopback addresses.',
      url: docsUrl('jwks-fetch-unrestricted'),
      recommended: true,
      aliases: ['IST0175'],
      tags: ['security', 'authentication'],
    },
    messages: {
      unrestrictedFetch:
        'istiod Deployment "{{name}}" does not set BLOCKED_CIDRS_IN_JWKS_URIS, and {{count}} RequestAuthentication(s) ({{policies}}) make it fetch keys by URL: istiod fetches from any private or loopback address a jwksUri resolves to, so whoever may write a RequestAuthentication can make istiod call in-cluster endpoints. Set BLOCKED_CIDRS_IN_JWKS_URIS to the ranges istiod must not reach.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: reads(READS.requestAuthentications, READS.workloads),
  },
  create(context) {
    return {
      'Mesh:exit'() {
        const model = context.model;
        const fetching = model.requestAuthentications.filter(fetchesKeys);
        if (fetching.length === 0) return;
        const names = fetching.map((p) => `${p.namespace}/${p.name}`);
        const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : listText(names);
        for (const w of model.workloads) {
          if (w.kind !== 'Deployment' || (w.resource.labels.app !== 'istiod' && w.podLabels.app !== 'istiod') || setsFlag(w)) continue;
          context.report({
            at: { resource: w.resource, path: ['metadata', 'name'] },
            messageId: 'unrestrictedFetch',
            data: { name: w.name, count: fetching.length, policies: shown },
            related: [{ at: { resource: fetching[0]!.resource, path: ['spec', 'jwtRules'] }, message: `RequestAuthentication ${names[0]} fetches its keys` }],
          });
        }
      },
    };
  },
});
