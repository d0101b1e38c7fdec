// Ambient pods run no Envoy: ztunnel reads no RequestAuthentication, Telemetry or WasmPlugin, and a waypoint
// applies only the policies attached to it with targetRefs (istio pilot/pkg/model/policyattachment.go,
// PolicyMatcherForProxy: a waypoint matches targetRefs, not selectors). See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import { isIstioGatewayWorkload, type Model } from '../../src/mesh/model.js';
import { toSelectingPolicy, type SelectingPolicy } from '../../src/model/kinds.js';
import { arr, isRecord, type Resource } from '../../src/model/resource.js';
import type { Workload } from '../../src/model/workloads.js';
import { READS, reads } from '../../src/model/reads.js';

function describeWorkloads(ws: readonly Workload[]): string {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(', ')} and ${all.length - 3} more` : all.join(', ');
}

/** What a Telemetry configures that only an Envoy applies, as Kiali's IsL7Telemetry reads it; undefined for plain metrics. */
function l7Telemetry(spec: Record<string, unknown>): string | undefined {
  const parts: string[] = [];
  if (arr(spec.tracing).length > 0) parts.push('tracing');
  if (arr(spec.accessLogging).length > 0) parts.push('access logging');
  if (arr(spec.metrics).some((m) => isRecord(m) && arr(m.overrides).length > 0)) parts.push('metric overrides');
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** The ambient pods a selector picks (not waypoints or gateways, which run Envoy), when it has one. */
function ambientSelected(model: Model, p: SelectingPolicy, rootSpansMesh: boolean): Workload[] {
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return [];
  return model.policyWorkloads(p, rootSpansMesh).filter((w) => w.dataplane.mode === 'ambient' && !isIstioGatewayWorkload(w));
}

/** `targetRefs` to the Services in front of the pods, as YAML. */
function targetRefsFix(model: Model, p: SelectingPolicy, ws: readonly Workload[]): string {
  const services = [...new Set(ws.flatMap((w) => model.servicesOf(w).filter((s) => s.namespace === p.namespace).map((s) => s.name)))].sort();
  const lines = ['spec:', '  targetRefs:'];
  for (const n of services.length > 0 ? services : ['<service>']) lines.push('  - kind: Service', '    group: ""', `    name: ${n}`);
  return `${lines.join('\n')}\n`;
}

type MessageIds = 'requestAuthentication' | 'telemetry' | 'wasmPlugin';

export default defineRule<MessageIds>({
  meta: {
    type: 'problem',
    docs: {
      description: 'A RequestAuthentication, an L7 Telemetry or a WasmPlugin selects ambient pods by label: ztunnel ignores it and waypoints take only targetRefs, so it has no effect.',
      url: docsUrl('selector-ignored-in-ambient'),
      recommended: true,
      aliases: ['KIA1110', 'KIA1111', 'KIA1112', 'KIA1115', 'KIA1116', 'KIA1117'],
      tags: ['security', 'ambient'],
    },
    messages: {
      requestAuthentication:
        'RequestAuthentication "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel validates no JWT and a waypoint applies only policies attached with targetRefs, so no token is validated and no request principal is set for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      telemetry:
        'Telemetry "{{name}}" configures {{what}} for {{workloads}}, which {{run}} in ambient: ztunnel does not apply it and a waypoint applies only policies attached with targetRefs, so it has no effect. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      wasmPlugin:
        'WasmPlugin "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel runs no Wasm and a waypoint applies only plugins attached with targetRefs, so the plugin does not run for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: reads(READS.services, READS.workloads),
  },
  create(context) {
    const model = context.model;
    const report = (p: SelectingPolicy, ws: Workload[], messageId: MessageIds, what?: string) => {
      const plural = new Set(ws.flatMap((w) => model.servicesOf(w).map((s) => s.name))).size > 1 ? 's' : '';
      context.report({
        at: { resource: p.resource, path: ['spec', 'selector'], part: 'key' },
        messageId,
        data: { name: p.name, workloads: describeWorkloads(ws), run: ws.length > 1 ? 'run' : 'runs', what, plural },
        suggest: [{ desc: `Attach ${p.resource.kind} "${p.name}" with targetRefs (and drop its selector)`, fix: targetRefsFix(model, p, ws) }],
        assumptions: model.assumptionsOf(ws),
      });
    };
    return {
      RequestAuthentication(p) {
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, 'requestAuthentication');
      },
      Telemetry(t) {
        const what = l7Telemetry(t.spec);
        if (!what) return;
        const ws = ambientSelected(model, t, false);
        if (ws.length > 0) report(t, ws, 'telemetry', what);
      },
      WasmPlugin(r: Resource) {
        const p = toSelectingPolicy(r);
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, 'wasmPlugin');
      },
    };
  },
});
