// A Telemetry access-logging entry without providers logs to the mesh's default access-logging
// providers (istio pilot/pkg/model/telemetry.go, mergeLogs: parentProviders); with none, to nothing.
// See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { isRecord } from '../../src/model/resource.js';

export default defineRule<'noProvider'>({
  meta: {
    type: 'problem',
    docs: {
      description: "A Telemetry's access logging names no provider, and the mesh config has no default access-logging provider: the entry enables no access log and its filter is never applied.",
      url: docsUrl('telemetry-missing-provider'),
      recommended: true,
      aliases: ['IST0157'],
      tags: ['telemetry'],
    },
    messages: {
      noProvider:
        'Telemetry "{{name}}" has an access-logging entry that names no provider, and {{meshConfig}} sets no meshConfig.defaultProviders.accessLogging: istiod finds no provider for the entry, so it enables no access log of its own and its filter is never applied. Name a provider (e.g. providers: [{name: envoy}]), or set defaultProviders.accessLogging in the mesh config.',
    },
    schema: [],
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const mesh = context.model.mesh;
    // The mesh config must be in the input, or the input complete (Istio's default has no providers).
    const defaults = mesh.defaultAccessLogProviders ?? (mesh.complete ? [] : undefined);
    if (defaults === undefined || defaults.length > 0) return {};
    const source = mesh.sources.defaultAccessLogProviders;
    const meshConfig = source ? `the mesh config (${source.resource.kind} ${source.resource.namespace}/${source.resource.name})` : "Istio's default mesh config (the input holds no other)";
    return {
      Telemetry(t) {
        const entries = Array.isArray(t.spec.accessLogging) ? t.spec.accessLogging : [];
        entries.forEach((entry, i) => {
          if (!isRecord(entry)) return;
          // `disabled: true` turns logging off: it needs no provider.
          if (entry.disabled === true) return;
          if (Array.isArray(entry.providers) && entry.providers.length > 0) return;
          context.report({
            at: { resource: t.resource, path: ['spec', 'accessLogging', i, ...(Array.isArray(entry.providers) ? ['providers'] : [])] },
            messageId: 'noProvider',
            data: { name: t.name, meshConfig },
            related: source ? [{ at: { resource: source.resource, path: source.path }, message: 'the mesh config, without defaultProviders.accessLogging' }] : undefined,
          });
        });
      },
    };
  },
});
