import { isRecord } from '../model/resource.js';
import type { Path } from '../types.js';
import { formatPath, type SchemaProblem } from './schema-problem.js';
import { checkTargetRefs } from './schema-webhook-security.js';
import { arr, collector, entries, regexProblem, str, type Add, type Spec } from './schema-webhook-util.js';

/**
 * istiod's validating webhook for Telemetry, WasmPlugin, TrafficExtension (istio
 * pkg/config/validation/validation.go: ValidateTelemetry, ValidateWasmPlugin,
 * ValidateTrafficExtension; their other checks, and ProxyConfig's, are the CRD's too) and EnvoyFilter
 * (pkg/config/validation/envoyfilter/envoyfilter.go: the shape of each config patch; whether its
 * value is a valid Envoy message takes Envoy's protos, which meshlint does not have). EnvoyFilter's
 * blanket warning that it exposes internals is left out: it says nothing about the manifest.
 */

export function telemetryProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  checkTargetRefs(spec, add);
  const tracing = arr(spec.tracing);
  if (tracing.length > 1) add(['spec', 'tracing'], 'istiod supports one tracing entry; the others are ignored', { warning: true, part: 'key' });
  tracing.forEach((t, i) => {
    if (isRecord(t) && arr(t.providers).length > 1) add(['spec', 'tracing', i, 'providers'], 'istiod supports one tracing provider; the others are ignored', { warning: true, part: 'key' });
  });
  arr(spec.metrics).forEach((m, i) => {
    arr(isRecord(m) ? m.overrides : undefined).forEach((o, j) => {
      for (const [tag, override] of entries(isRecord(o) ? o.tagOverrides : undefined)) {
        const tp = ['spec', 'metrics', i, 'overrides', j, 'tagOverrides', tag];
        if (tag === '') add(tp, 'a tag override needs a tag name', { warning: true, part: 'key' });
        // UPSERT is the default operation; the CRD checks the value only where it is named.
        if (isRecord(override) && (str(override.operation) || 'UPSERT') === 'UPSERT' && str(override.value) === '') {
          add(tp, `the tag override ${tag} needs a value (an expression), or operation: REMOVE`, { part: 'key' });
        }
      }
    });
  });
  return out;
}

/** WasmPlugin and TrafficExtension: the CRD checks their fields; istiod adds the targetRef kinds. */
export function extensionProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  checkTargetRefs(spec, collector(out));
  return out;
}

const LISTENER_CLASS = ['LISTENER', 'FILTER_CHAIN', 'NETWORK_FILTER', 'HTTP_FILTER'];
const ROUTE_CLASS = ['ROUTE_CONFIGURATION', 'VIRTUAL_HOST', 'HTTP_ROUTE'];
const HCM = ['envoy.filters.network.http_connection_manager', 'envoy.http_connection_manager'];

/** The shape of each config patch: applyTo, patch, operation and value, a match that fits applyTo. */
export function envoyFilterProblems(spec: Spec): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const add = collector(out);
  arr(spec.configPatches).forEach((cp, i) => {
    if (!isRecord(cp)) return;
    const path: Path = ['spec', 'configPatches', i];
    const match = isRecord(cp.match) ? cp.match : undefined;
    if (match?.context === 'WAYPOINT') return;
    const applyTo = str(cp.applyTo) || 'INVALID';
    const patch = isRecord(cp.patch) ? cp.patch : undefined;
    const operation = str(patch?.operation) || 'INVALID';
    if (applyTo === 'INVALID') return add(path, `${formatPath(path)} needs applyTo`);
    if (!patch) return add(path, `${formatPath(path)} needs a patch`);
    if (operation === 'INVALID') return add([...path, 'patch'], `${formatPath(path)}.patch needs an operation`, { part: 'key' });
    if (operation !== 'REMOVE' && patch.value === undefined) return add([...path, 'patch'], `the ${operation} patch needs a value (only REMOVE takes none)`, { part: 'key' });
    const version = isRecord(match?.proxy) ? str(match.proxy.proxyVersion) : '';
    if (version.length > 1024) add([...path, 'match', 'proxy', 'proxyVersion'], 'proxyVersion is longer than 1024 characters, so istiod ignores it', { warning: true });
    else if (version !== '' && regexProblem(version)) return add([...path, 'match', 'proxy', 'proxyVersion'], `proxyVersion ${JSON.stringify(version)} ${regexProblem(version)}`);
    if (match) matchFitsApplyTo(applyTo, match, [...path, 'match'], add);
  });
  return out;
}

function matchFitsApplyTo(applyTo: string, match: Record<string, unknown>, path: Path, add: Add): void {
  const objectType = ['listener', 'routeConfiguration', 'cluster'].find((t) => match[t] !== undefined);
  if (objectType === undefined) return;
  if (LISTENER_CLASS.includes(applyTo)) {
    if (objectType !== 'listener') return add([...path, objectType], `applyTo ${applyTo} patches listeners, so the match must be a listener match, not ${objectType}`, { part: 'key' });
    const chain = isRecord(match.listener) ? match.listener.filterChain : undefined;
    const filter = isRecord(chain) ? chain.filter : undefined;
    if (!isRecord(filter)) return;
    const fp: Path = [...path, 'listener', 'filterChain', 'filter'];
    if (applyTo === 'LISTENER' || applyTo === 'FILTER_CHAIN') add(fp, `a filter match has no effect with applyTo ${applyTo}`, { warning: true, part: 'key' });
    if (str(filter.name) === '') return add(fp, 'a filter match needs the name of the filter to match', { part: 'key' });
    if (filter.subFilter === undefined) return;
    if (applyTo !== 'HTTP_FILTER') return add([...fp, 'subFilter'], 'a subFilter match works only with applyTo HTTP_FILTER', { part: 'key' });
    if (!HCM.includes(str(filter.name))) return add([...fp, 'name'], `a subFilter match needs the filter match to be ${HCM[0]}`);
    if (!isRecord(filter.subFilter) || str(filter.subFilter.name) === '') add([...fp, 'subFilter'], 'a subFilter match needs the name of the HTTP filter to match', { part: 'key' });
  } else if (ROUTE_CLASS.includes(applyTo) && objectType !== 'routeConfiguration') {
    add([...path, objectType], `applyTo ${applyTo} patches routes, so the match must be a routeConfiguration match, not ${objectType}`, { part: 'key' });
  } else if (applyTo === 'CLUSTER' && objectType !== 'cluster') {
    add([...path, objectType], `applyTo CLUSTER patches clusters, so the match must be a cluster match, not ${objectType}`, { part: 'key' });
  }
}
