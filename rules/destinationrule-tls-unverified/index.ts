// TLS a client originates for a DestinationRule: istio pilot/pkg/networking/core/cluster_tls.go
// (buildUpstreamTLSContext: SIMPLE and MUTUAL verify the server against `caCertificates`, or the
// proxy's system roots when it is empty; `insecureSkipVerify: true` drops the validation context).
// See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { arr, isRecord } from '../../src/model/resource.js';
import type { Path } from '../../src/types.js';

type MessageId = 'skipVerify';

const VERIFYING_MODES = new Set(['SIMPLE', 'MUTUAL']);

/** The `tls` blocks of a DestinationRule's traffic policy and its port-level settings (subsets too), with paths. */
function tlsBlocks(spec: Record<string, unknown>): Array<{ tls: Record<string, unknown>; path: Path; port?: unknown }> {
  const out: Array<{ tls: Record<string, unknown>; path: Path; port?: unknown }> = [];
  const policy = (tp: unknown, base: Path) => {
    if (!isRecord(tp)) return;
    if (isRecord(tp.tls)) out.push({ tls: tp.tls, path: [...base, 'tls'] });
    arr(tp.portLevelSettings).forEach((s, i) => {
      if (isRecord(s) && isRecord(s.tls)) out.push({ tls: s.tls, path: [...base, 'portLevelSettings', i, 'tls'], port: isRecord(s.port) ? s.port.number : undefined });
    });
  };
  policy(spec.trafficPolicy, ['spec', 'trafficPolicy']);
  arr(spec.subsets).forEach((s, i) => isRecord(s) && policy(s.trafficPolicy, ['spec', 'subsets', i, 'trafficPolicy']));
  return out;
}

export default defineRule<MessageId>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A DestinationRule originates TLS (SIMPLE or MUTUAL) with insecureSkipVerify: the server\'s certificate is not verified.',
      url: docsUrl('destinationrule-tls-unverified'),
      recommended: true,
      aliases: ['IST0128', 'IST0129'],
      tags: ['security', 'tls'],
    },
    messages: {
      skipVerify:
        'DestinationRule "{{name}}" originates {{mode}} TLS to "{{host}}"{{port}} with insecureSkipVerify: the proxy accepts any server certificate, so anyone on the path can impersonate the server. Remove insecureSkipVerify and set caCertificates (or rely on the system roots) and subjectAltNames.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    return {
      DestinationRule(dr) {
        const spec = isRecord(dr.resource.raw.spec) ? dr.resource.raw.spec : {};
        for (const b of tlsBlocks(spec)) {
          const mode = b.tls.mode;
          if (typeof mode !== 'string' || !VERIFYING_MODES.has(mode)) continue;
          if (b.tls.insecureSkipVerify !== true) continue;
          context.report({
            at: { resource: dr.resource, path: [...b.path, 'insecureSkipVerify'] },
            messageId: 'skipVerify',
            data: { name: dr.name, mode, host: dr.host, port: typeof b.port === 'number' ? ` port ${b.port}` : '' },
          });
        }
      },
    };
  },
});
