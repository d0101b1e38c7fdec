#!/usr/bin/env node
import { createRequire as __meshlintRequire } from 'node:module'; const require = __meshlintRequire(import.meta.url);
import {
  CLUSTER_LOCAL_TRUST_DOMAIN,
  DOMAIN_SUFFIX,
  LEGACY_KIND,
  NAMESPACE_LIST,
  checkAccess,
  claimsSeenWith,
  conflictingCustomProviders,
  defineRule,
  destinationRuleIndex,
  docsUrl,
  effectiveMtls,
  envoyAcceptsTrustDomain,
  evaluatePolicies,
  exportToText,
  exportedTo,
  exportsOverlap,
  gatewayHostsFor,
  hostsOverlap,
  ignoreNamespacesSchema,
  ignoredNamespaceLabels,
  ingressUsesWaypoint,
  interpolate,
  isImplicitWaypointPolicy,
  isIstioGatewayWorkload,
  isKubernetesApiServer,
  l7Uses,
  looksLikeWaypointPrincipal,
  matchNamespacePattern,
  matchPath,
  matchString,
  namespaceMode,
  normalizePath,
  otterizeIdentity,
  parsePrincipal,
  parsePrincipalPattern,
  parseServiceAccountEntry,
  portProtocol,
  principalPatternMatches,
  registerRule,
  resolveHost,
  ruleNames,
  sendsToWaypoint,
  serviceHostNamespace,
  targetPortOn,
  targetRefAttaches,
  targetRefTargets,
  toSelectingPolicy,
  waypointLabel,
  waypointLikeEntries,
  waypointPolicies,
  waypointPrincipals,
  waypointsServing,
  ztunnelPoliciesFor,
  ztunnelPolicy
} from "./chunk-NDVW4ZR3.js";
import {
  arr,
  closest,
  isRecord,
  listText,
  matchesLabels,
  quoted,
  require_dist,
  str,
  stringMap
} from "./chunk-TXW67S5H.js";
import {
  __toESM
} from "./chunk-JTR57KKI.js";

// src/authz/subsume.ts
function patternCovers(outer, inner) {
  if (outer === "*") return true;
  if (inner === "*") return false;
  if (outer.startsWith("*")) {
    const suf = outer.slice(1);
    if (inner.startsWith("*")) return inner.slice(1).endsWith(suf);
    if (inner.endsWith("*")) return false;
    return inner.endsWith(suf);
  }
  if (outer.endsWith("*")) {
    const pre = outer.slice(0, -1);
    if (inner.endsWith("*")) return inner.slice(0, -1).startsWith(pre);
    if (inner.startsWith("*")) return false;
    return inner.startsWith(pre);
  }
  return outer === inner;
}
function strings(v) {
  return arr(v).filter((x) => typeof x === "string");
}
var hasValues = (v) => Array.isArray(v) && v.length > 0;
function valuesCover(outerValues, innerValues, exact) {
  if (innerValues.length === 0) return false;
  return innerValues.every((iv) => outerValues.some((ov) => exact ? ov === iv : patternCovers(ov, iv)));
}
var PATTERN_FIELDS = /* @__PURE__ */ new Set(["principals", "namespaces", "requestPrincipals", "hosts", "paths"]);
function entryCovers(outer, inner) {
  for (const [key2, val] of Object.entries(outer)) {
    if (!hasValues(val)) continue;
    if (key2.startsWith("not")) {
      const inNot = strings(inner[key2]);
      if (!strings(val).every((v) => inNot.includes(v))) return false;
      continue;
    }
    const exact = !PATTERN_FIELDS.has(key2) || key2 === "paths" && strings(val).some((p) => p.includes("{"));
    if (!valuesCover(strings(val), strings(inner[key2]), exact)) return false;
  }
  return true;
}
function listCovers(outer, inner, field) {
  if (outer.length === 0) return true;
  if (inner.length === 0) return false;
  const get = (e) => isRecord(e) && isRecord(e[field]) ? e[field] : {};
  return inner.every((ie) => outer.some((oe) => entryCovers(get(oe), get(ie))));
}
function whenCovers(outer, inner) {
  return outer.every((oc) => {
    if (!isRecord(oc) || typeof oc.key !== "string") return false;
    if (hasValues(oc.notValues)) return false;
    const ov = strings(oc.values);
    return inner.some((ic) => isRecord(ic) && ic.key === oc.key && !hasValues(ic.notValues) && valuesCover(ov, strings(ic.values), false));
  });
}
function ruleCovers(outer, inner) {
  if (!isRecord(outer) || !isRecord(inner)) return false;
  return listCovers(arr(outer.from), arr(inner.from), "source") && listCovers(arr(outer.to), arr(inner.to), "operation") && whenCovers(arr(outer.when), arr(inner.when));
}

// src/model/reads.ts
var WORKLOADS = ["Workload"];
var READS = {
  /** `workloads`, `workloadsIn`, `workloadNamespaces`, `selectWorkloads`, `labelValues`, `labelKeys`, `servicePods`, `policyWorkloads`, `knowsWorkloadsOf`, `identityOf`. */
  workloads: WORKLOADS,
  /** `services`, `service`, `servicesOf`, `hostOf`. */
  services: ["Service", ...WORKLOADS],
  /** `ownersOf`, `identitiesIn`, `allIdentities` (workloads, waypoints and Istio gateways). */
  identities: ["Gateway", ...WORKLOADS],
  /** `serviceAccount`, `serviceAccountsIn`. */
  serviceAccounts: ["ServiceAccount"],
  /** `gateways`, `gateway`: Gateway API Gateways (waypoints among them). */
  gateways: ["Gateway"],
  /** `istioGateways`, `istioGateway`, `istioGatewayOf`. */
  istioGateways: ["IstioGateway"],
  /** `hosts`, `knowsHost`, `missingServiceHostNamespace`, `serviceEntries`, `serviceEntryOf`, `serviceEntryPortsByHostPort`. */
  hosts: ["Service", "ServiceEntry"],
  /** `virtualServices`, `virtualServiceOf`, `meshVirtualServicesByHost`. */
  virtualServices: ["VirtualService"],
  /** `authorizationPolicies`, `policiesIn('AuthorizationPolicy')`, `authorizationPoliciesFor`, `waypointPolicies`, ztunnel's and waypoints' policies (authz/). Otterize's generated policies are AuthorizationPolicies too. */
  authorizationPolicies: ["AuthorizationPolicy", "Gateway", "Service", "ServiceEntry", ...WORKLOADS],
  /** `waypointOfService`, `waypointOfWorkload`, waypoint principals and labels (authz/waypoint-binding.ts, authz/waypoints.ts). */
  waypoints: ["Gateway", "Service", "ServiceAccount", ...WORKLOADS],
  /** `peerAuthentications`, `effectiveMtls`, `effectiveMtlsFor`, `ztunnelMtls`. */
  peerAuthentications: ["PeerAuthentication", ...WORKLOADS],
  /** `destinationRules` and the DestinationRule a client uses (mtls/destination-rule.ts). */
  destinationRules: ["DestinationRule"],
  /** Envoy clients of a Service port and what they send (mtls/traffic.ts: `clientViews`, `sidecarBackends`, `plainBackends`, `envoyClientNamespaces`). */
  clientViews: ["DestinationRule", "PeerAuthentication", "Gateway", "Service", ...WORKLOADS],
  /** `clientIntents`, `intentOutcomes`, `intentOutcomesOf`, `clientlessIntentsIn`, `protectedServicesIn`. */
  intents: ["ClientIntents", "ProtectedService", "Service", ...WORKLOADS],
  /** `checkAccess` (authz/access.ts): every enforcement point on the way. */
  access: ["AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication", "DestinationRule", "Gateway", "Service", "ServiceEntry", "ServiceAccount", "ClientIntents", "ProtectedService", ...WORKLOADS],
  /** `requestAuthentications`, `sidecars`, `telemetries`, `policiesIn(kind)` of those kinds. */
  requestAuthentications: ["RequestAuthentication"],
  sidecars: ["Sidecar"],
  /** `policiesIn('WorkloadEntry')`. */
  workloadEntries: ["WorkloadEntry"],
  telemetries: ["Telemetry"]
};
function reads(...sets) {
  return [...new Set(sets.flat())].sort();
}

// rules/allow-shadowed-by-deny/index.ts
function appliesToAllOf(model, d, p) {
  if (d.targetRefs.length > 0 || p.targetRefs.length > 0) return sameTargets(d, p);
  const root = model.rootNamespace;
  if (d.namespace !== p.namespace && d.namespace !== root) return false;
  const dSel = d.selector ?? {};
  if (Object.keys(dSel).length === 0) return true;
  const pSel = p.selector ?? {};
  if (Object.entries(dSel).every(([k, v]) => pSel[k] === v)) return true;
  const ws = model.policyWorkloads(p);
  return ws.length > 0 && ws.every((w) => model.authorizationPoliciesFor(w).includes(d));
}
function sameTargets(d, p) {
  if (d.namespace !== p.namespace || d.targetRefs.length === 0 || p.targetRefs.length === 0) return false;
  const key2 = (t) => `${t.kind}/${t.name}`;
  const dKeys = new Set(d.targetRefs.map(key2));
  return p.targetRefs.every((t) => dKeys.has(key2(t)));
}
var allow_shadowed_by_deny_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An ALLOW rule can never allow anything: a DENY policy on the same workloads matches every request it admits.",
      url: docsUrl("allow-shadowed-by-deny"),
      recommended: true,
      tags: ["security", "authorization"]
    },
    messages: {
      // The policy's only rule: the whole policy allows nothing.
      policyShadowed: 'AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.',
      ruleShadowed: 'Rule {{rule}} of AuthorizationPolicy "{{name}}" can never allow anything: DENY policy "{{denyNamespace}}/{{denyName}}" (rule {{denyRule}}) applies to the same workloads and matches every request this rule admits, and DENY is evaluated first. Narrow the DENY rule, or remove this ALLOW rule if the DENY is intended.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.authorizationPolicies, READS.workloads)
  },
  create(context) {
    const model = context.model;
    return {
      AuthorizationPolicy(p) {
        if (p.action !== "ALLOW" || !p.rules || p.dryRun) return;
        const candidates = [...model.policiesIn("AuthorizationPolicy", p.namespace)];
        if (p.namespace !== model.rootNamespace) candidates.push(...model.policiesIn("AuthorizationPolicy", model.rootNamespace));
        const denies = candidates.filter((d) => d.action === "DENY" && !d.dryRun && d.rules && !(d.namespace === p.namespace && d.name === p.name) && appliesToAllOf(model, d, p));
        if (denies.length === 0) return;
        const selected = p.targetRefs.length === 0 ? model.policyWorkloads(p) : [];
        const ambient = selected.some((w) => w.dataplane.mode === "ambient");
        p.rules.forEach((rule, i) => {
          for (const d of denies) {
            const j = d.rules.findIndex((dr) => ruleCovers(dr, rule) && !(ambient && l7Uses(dr, []).length > 0));
            if (j === -1) continue;
            if (ambient && l7Uses(rule, []).length > 0) return;
            context.report({
              at: { resource: p.resource, path: ["spec", "rules", i] },
              messageId: p.rules.length === 1 ? "policyShadowed" : "ruleShadowed",
              data: { name: p.name, rule: i, denyNamespace: d.namespace, denyName: d.name, denyRule: j },
              related: [{ at: { resource: d.resource, path: ["spec", "rules", j] }, message: "the DENY rule that matches first" }],
              // With HTTP attributes the finding holds only where Envoy, not ztunnel, enforces them.
              assumptions: l7Uses(rule, []).length > 0 || l7Uses(d.rules[j], []).length > 0 ? model.assumptionsOf(selected) : void 0,
              suggest: [
                {
                  desc: `Exclude what this ALLOW rule admits from DENY policy "${d.name}" (for example with notPrincipals, notNamespaces or notPaths on its rule ${j})`,
                  fix: `# in AuthorizationPolicy ${d.namespace}/${d.name}, spec.rules[${j}]:
from:
- source:
    notPrincipals: ["<identity the ALLOW rule admits>"]
`
                }
              ]
            });
            return;
          }
        });
      }
    };
  }
});

// src/model/pod-spec.ts
function at(obj, path) {
  let cur = obj;
  for (const seg of path) {
    if (isRecord(cur) && typeof seg === "string") cur = cur[seg];
    else if (Array.isArray(cur) && typeof seg === "number") cur = cur[seg];
    else return void 0;
  }
  return cur;
}
function idOf(securityContext, field) {
  return isRecord(securityContext) && typeof securityContext[field] === "number" ? securityContext[field] : void 0;
}
function podSpecOf(w) {
  const path = [...w.podMetadataPath.slice(0, -1), "spec"];
  const spec = at(w.resource.raw, path);
  const containers = [];
  arr(isRecord(spec) ? spec.containers : void 0).forEach((c, i) => {
    if (!isRecord(c)) return;
    const sc2 = c.securityContext;
    containers.push({ name: str(c.name) ?? "", image: str(c.image), runAsUser: idOf(sc2, "runAsUser"), runAsGroup: idOf(sc2, "runAsGroup"), path: [...path, "containers", i] });
  });
  const sc = isRecord(spec) ? spec.securityContext : void 0;
  return { path, runAsUser: idOf(sc, "runAsUser"), runAsGroup: idOf(sc, "runAsGroup"), containers };
}

// rules/app-runs-as-proxy-uid/index.ts
var PROXY_ID = 1337;
var ISTIO_CONTAINERS = /* @__PURE__ */ new Set(["istio-proxy", "istio-operator"]);
var PREALLOCATED_IDS = ["openshift.io/sa.scc.uid-range", "openshift.io/sa.scc.supplemental-groups"];
var FIELD = { proxyUid: "runAsUser", proxyGid: "runAsGroup" };
var app_runs_as_proxy_uid_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An application container of a sidecar pod runs as UID or GID 1337, the proxy's, so its outbound traffic bypasses the sidecar.",
      url: docsUrl("app-runs-as-proxy-uid"),
      recommended: true,
      aliases: ["IST0144"],
      tags: ["security", "dataplane"]
    },
    messages: {
      proxyUid: `{{kind}} "{{name}}" runs {{containers}} as UID 1337, the sidecar proxy's user: the pod's iptables rules let that user's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it as another UID.`,
      proxyGid: `{{kind}} "{{name}}" runs {{containers}} with GID 1337, the sidecar proxy's group: the pod's iptables rules let that group's traffic out unredirected, so its outbound connections bypass the sidecar (no mTLS, routing or egress policy). Run it with another group.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        if (w.dataplane.mode !== "sidecar") return;
        const labels = w.resource.labels;
        if (labels.istio !== void 0 || labels.release === "istio") return;
        const nsAnnotations = model.namespaces.get(w.namespace)?.resource?.annotations ?? {};
        if (PREALLOCATED_IDS.some((a) => nsAnnotations[a] !== void 0)) return;
        const spec = podSpecOf(w);
        for (const messageId of ["proxyUid", "proxyGid"]) {
          const field = FIELD[messageId];
          const byNode = /* @__PURE__ */ new Map();
          for (const c of spec.containers) {
            if (ISTIO_CONTAINERS.has(c.name)) continue;
            const own = c[field];
            if ((own ?? spec[field]) !== PROXY_ID) continue;
            const path = own !== void 0 ? [...c.path, "securityContext", field] : [...spec.path, "securityContext", field];
            const key2 = path.join("/");
            const entry = byNode.get(key2) ?? { path, containers: [] };
            entry.containers.push(`"${c.name}"`);
            byNode.set(key2, entry);
          }
          for (const { path, containers } of byNode.values()) {
            context.report({
              at: { resource: w.resource, path },
              messageId,
              data: { kind: w.kind, name: w.name, containers: `container${containers.length > 1 ? "s" : ""} ${listText(containers)}` },
              assumptions: model.assumptionsOf([w])
            });
          }
        }
      }
    };
  }
});

// rules/authorization-unknown-host/index.ts
var authorization_unknown_host_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a Service host (name.namespace.svc.cluster.local) in to.operation.hosts that no Service or ServiceEntry provides.",
      url: docsUrl("authorization-unknown-host"),
      recommended: true,
      aliases: ["KIA0104"],
      tags: ["correctness", "authorization"]
    },
    messages: {
      unknownServiceHost: 'AuthorizationPolicy "{{name}}" names host "{{host}}" in {{field}}, but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): no request is addressed to it, so the entry {{consequence}}. Fix the Service name, or remove the entry.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts)
  },
  create(context) {
    return {
      AuthorizationPolicy(p) {
        const model = context.model;
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            for (const field of ["hosts", "notHosts"]) {
              arr(op[field]).forEach((value, i) => {
                if (typeof value !== "string") return;
                const host = value.toLowerCase().replace(/:\d+$/, "");
                const ns = model.missingServiceHostNamespace(host);
                if (!ns) return;
                context.report({
                  at: { resource: p.resource, path: ["spec", "rules", r, "to", t, "operation", field, i] },
                  messageId: "unknownServiceHost",
                  data: {
                    name: p.name,
                    host: value,
                    field: `"${field}"`,
                    namespace: ns,
                    service: host.split(".")[0],
                    consequence: field === "notHosts" ? "excludes nothing" : p.action === "DENY" ? "denies nothing" : "admits nothing"
                  }
                });
              });
            }
          });
        });
      }
    };
  }
});

// src/mtls/traffic.ts
function targetPortOf(p, w) {
  if (typeof p.targetPort === "number") return p.targetPort;
  const named = w.ports.find((c) => c.name === p.targetPort);
  if (named) return named.port;
  return /^\d+$/.test(p.targetPort) ? Number(p.targetPort) : void 0;
}
function hasSidecar(w) {
  if (w.dataplane.mode === "sidecar") return true;
  if (w.dataplane.mode === "ambient") return false;
  if (w.podAnnotations["sidecar.istio.io/status"] !== void 0) return true;
  return false;
}
function sidecarBackends(model, s, p) {
  const out = [];
  for (const w of model.servicePods(s)) {
    if (!hasSidecar(w)) continue;
    const targetPort = targetPortOf(p, w);
    const mtls = effectiveMtls(model, w, targetPort);
    if (targetPort === void 0 && mtls.decidedBy && mtls.decidedBy.selector && mtls.decidedBy.portLevel.size > 0) continue;
    out.push({ workload: w, targetPort, mtls });
  }
  return out;
}
function plainBackends(model, s) {
  return model.servicePods(s).filter((w) => w.dataplane.mode === "none" && !w.dataplane.assumption && !hasSidecar(w));
}
function injectsSidecars(ns, labels) {
  return namespaceMode(ns, labels) === "sidecar";
}
var clientCache = /* @__PURE__ */ new WeakMap();
function envoyClientNamespaces(model) {
  const cached = clientCache.get(model);
  if (cached) return cached;
  const out = /* @__PURE__ */ new Map();
  for (const w of model.workloads) if (hasSidecar(w)) out.set(w.namespace, "known");
  for (const info of model.labelledNamespaces()) if (injectsSidecars(info.name, info.labels)) out.set(info.name, "known");
  for (const g of model.gateways) if (!g.isWaypoint && g.className.startsWith("istio")) out.set(g.namespace, "known");
  for (const dr of model.destinationRules) {
    if (dr.namespace !== model.rootNamespace && !out.has(dr.namespace) && mayHaveEnvoyClients(model, dr.namespace)) out.set(dr.namespace, "assumed");
  }
  clientCache.set(model, out);
  return out;
}
function mayHaveEnvoyClients(model, ns) {
  let byNs = mayHaveCache.get(model);
  if (!byNs) mayHaveCache.set(model, byNs = /* @__PURE__ */ new Map());
  let answer = byNs.get(ns);
  if (answer === void 0) byNs.set(ns, answer = readMayHaveEnvoyClients(model, ns));
  return answer;
}
var mayHaveCache = /* @__PURE__ */ new WeakMap();
function readMayHaveEnvoyClients(model, ns) {
  if (hasKnownEnvoyClients(model, ns)) return true;
  if (model.dataplaneFor(ns).mode === "ambient") return false;
  return model.workloadsIn(ns).length === 0;
}
function hasKnownEnvoyClients(model, ns) {
  return injectsSidecars(ns, model.namespaceLabels(ns)) || model.workloadsIn(ns).some(hasSidecar);
}
var assumedClientsCache = /* @__PURE__ */ new WeakMap();
function assumedClientNamespaces(model) {
  const cached = assumedClientsCache.get(model);
  if (cached) return cached;
  const out = /* @__PURE__ */ new Map();
  for (const [ns, evidence] of envoyClientNamespaces(model)) {
    if (evidence !== "known" || model.declaresNamespace(ns)) continue;
    const sidecars = model.workloadsIn(ns).filter(hasSidecar);
    const assumption = sidecars[0]?.dataplane.assumption;
    if (assumption && sidecars.every((w) => w.dataplane.assumption)) out.set(ns, assumption);
  }
  assumedClientsCache.set(model, out);
  return out;
}
var groupMembers = /* @__PURE__ */ new WeakMap();
function clientAssumptions(model, views) {
  const assumed = assumedClientNamespaces(model);
  const out = [];
  for (const v of views) {
    if (v.workload) {
      if (v.workload.dataplane.assumption) out.push(v.workload.dataplane.assumption);
    } else if (v.group && assumed.size > 0) {
      let members = groupMembers.get(v.group.all);
      if (!members) groupMembers.set(v.group.all, members = new Set(v.group.all.map(([ns]) => ns)));
      for (const [ns, a] of assumed) if (members.has(ns) && !v.group.except.has(ns)) out.push(a);
    } else {
      const a = assumed.get(v.namespace);
      if (a) out.push(a);
    }
  }
  return out;
}
function viewKey(v) {
  if (v.workload) return `${v.namespace}/${v.workload.name}`;
  if (v.group) return `*${[...v.group.except].sort().join(",")}`;
  return v.namespace;
}
var namespacesCache = /* @__PURE__ */ new WeakMap();
function addTo(map, key2, ns) {
  const set = map.get(key2);
  if (set) set.add(ns);
  else map.set(key2, /* @__PURE__ */ new Set([ns]));
}
function clientNamespaces(model) {
  const cached = namespacesCache.get(model);
  if (cached) return cached;
  const all = [...envoyClientNamespaces(model)].sort((a, b) => a[0] < b[0] ? -1 : 1);
  const always = /* @__PURE__ */ new Set([model.rootNamespace]);
  const exact = /* @__PURE__ */ new Map();
  const wildcard = /* @__PURE__ */ new Map();
  for (const r of destinationRuleIndex(model).rules) {
    for (const ns of r.exportTo) if (ns !== "*" && ns !== "~" && ns !== ".") always.add(ns);
    if (r.host.startsWith("*")) addTo(wildcard, r.host.slice(1), r.dr.namespace);
    else addTo(exact, r.host, r.dr.namespace);
  }
  const out = { all, always, exact, wildcard, special: /* @__PURE__ */ new Map() };
  namespacesCache.set(model, out);
  return out;
}
function specialFor(cn, host) {
  let out = cn.special.get(host);
  if (!out) cn.special.set(host, out = readSpecialFor(cn, host));
  return out;
}
function readSpecialFor(cn, host) {
  const out = new Set(cn.always);
  for (const ns of cn.exact.get(host) ?? []) out.add(ns);
  for (let i = host.indexOf("."); ; i = host.indexOf(".", i + 1)) {
    for (const ns of cn.wildcard.get(i === -1 ? "" : host.slice(i)) ?? []) out.add(ns);
    if (i === -1) break;
  }
  return out;
}
function clientViews(model, s, p, want = () => true) {
  let byPort = viewsCache.get(model)?.get(s);
  if (!byPort) {
    let byService = viewsCache.get(model);
    if (!byService) viewsCache.set(model, byService = /* @__PURE__ */ new WeakMap());
    byService.set(s, byPort = /* @__PURE__ */ new Map());
  }
  let all = byPort.get(p);
  if (!all) byPort.set(p, all = readClientViews(model, s, p));
  return all.filter((v) => want(v.tls));
}
var viewsCache = /* @__PURE__ */ new WeakMap();
function readClientViews(model, s, p) {
  const idx = destinationRuleIndex(model);
  const host = model.hostOf(s);
  const cn = clientNamespaces(model);
  const specialNames = specialFor(cn, host);
  const clients = envoyClientNamespaces(model);
  const special = [];
  for (const ns of specialNames) {
    const evidence = clients.get(ns);
    if (evidence) special.push([ns, evidence]);
  }
  const ownAssumed = !clients.has(s.namespace) && mayHaveEnvoyClients(model, s.namespace);
  if (ownAssumed && specialNames.has(s.namespace)) special.push([s.namespace, "assumed"]);
  const out = [];
  const representative = cn.all.find(([ns]) => !specialNames.has(ns))?.[0] ?? (ownAssumed && !specialNames.has(s.namespace) ? s.namespace : void 0);
  if (representative !== void 0) {
    const shared = idx.clientTls(representative, host, s.namespace, p.port);
    const first = cn.all.find(([ns]) => !specialNames.has(ns));
    if (first) out.push({ namespace: first[0], evidence: first[1], group: { all: cn.all, except: specialNames }, tls: shared });
    if (ownAssumed && !specialNames.has(s.namespace)) out.push({ namespace: s.namespace, evidence: "assumed", tls: shared });
  }
  for (const [ns, evidence] of special) {
    const selectorRules = model.policiesIn("DestinationRule", ns).some((d) => d.workloadSelector !== void 0);
    const sidecars = selectorRules ? model.workloadsIn(ns).filter(hasSidecar) : [];
    if (sidecars.length === 0) {
      out.push({ namespace: ns, evidence, tls: idx.clientTls(ns, host, s.namespace, p.port) });
      continue;
    }
    const perWorkload = sidecars.map((w) => ({ namespace: ns, evidence, workload: w, tls: idx.clientTls(ns, host, s.namespace, p.port, w.podLabels) }));
    const same = perWorkload.every((v) => v.tls.lookup.rule === perWorkload[0].tls.lookup.rule && v.tls.mode === perWorkload[0].tls.mode);
    if (same) out.push({ namespace: ns, evidence, tls: perWorkload[0].tls });
    else out.push(...perWorkload);
  }
  return out.sort((a, b) => a.namespace < b.namespace ? -1 : a.namespace > b.namespace ? 1 : 0);
}
function listNames(names3, max = 4) {
  const uniq = [...new Set(names3)];
  if (uniq.length <= max) {
    return uniq.length <= 1 ? uniq[0] ?? "" : `${uniq.slice(0, -1).join(", ")} and ${uniq[uniq.length - 1]}`;
  }
  return `${uniq.slice(0, max).join(", ")} and ${uniq.length - max} more`;
}
function describeClients(views) {
  let all;
  let excluded;
  const singles = /* @__PURE__ */ new Map();
  for (const v of views) {
    if (v.workload) continue;
    if (v.group) {
      all = v.group.all;
      excluded = excluded ? new Set([...excluded].filter((ns) => v.group.except.has(ns))) : new Set(v.group.except);
    } else if (singles.get(v.namespace) !== "known") {
      singles.set(v.namespace, v.evidence);
    }
  }
  const classes = all ? evidenceClasses(all) : void 0;
  const covered = (ns) => classes !== void 0 && classes.evidence.has(ns) && !excluded.has(ns);
  const names3 = (evidence) => {
    const extra = [...singles].filter(([ns, e]) => e === evidence && !covered(ns)).map(([ns]) => ns);
    let count = extra.length;
    const first = [...extra];
    if (classes) {
      const members = classes[evidence];
      count += members.length - [...excluded].filter((ns) => classes.evidence.get(ns) === evidence).length;
      for (const ns of members) {
        if (first.length >= extra.length + 5) break;
        if (!excluded.has(ns)) first.push(ns);
      }
    }
    const sorted = [...new Set(first)].sort().slice(0, 5);
    if (count <= 4) return count === 0 ? "" : listNames(sorted);
    return `${sorted.slice(0, 4).join(", ")} and ${count - 4} more`;
  };
  const known2 = names3("known");
  const assumed = names3("assumed");
  const single = views.filter((v) => v.workload).map((v) => `${v.workload.kind} ${v.namespace}/${v.workload.name}`);
  const parts = [];
  const plural = (text) => text.includes(",") || text.includes(" and ") ? "s" : "";
  if (known2) parts.push(`sidecars and gateways in namespace${plural(known2)} ${known2}`);
  if (assumed) parts.push(`any Envoy clients in namespace${plural(assumed)} ${assumed} (pods not in the input)`);
  if (single.length > 0) parts.push(listNames(single));
  return parts.join(" and ");
}
var classesCache = /* @__PURE__ */ new WeakMap();
function evidenceClasses(all) {
  let c = classesCache.get(all);
  if (!c) {
    c = { known: all.filter(([, e]) => e === "known").map(([ns]) => ns), assumed: all.filter(([, e]) => e === "assumed").map(([ns]) => ns), evidence: new Map(all) };
    classesCache.set(all, c);
  }
  return c;
}
function describeWorkloads(ws) {
  return listNames(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}
function mtlsPath(m, port2) {
  if (m.portLevel && port2 !== void 0) return ["spec", "portLevelMtls", String(port2), "mode"];
  return ["spec", "mtls", "mode"];
}
function describePa(model, m) {
  const pa = m.decidedBy;
  if (!pa) return "no PeerAuthentication (Istio default)";
  const scope = pa.selector && Object.keys(pa.selector).length > 0 ? m.portLevel ? "port-level" : "workload" : pa.namespace === model.rootNamespace ? "mesh-wide" : "namespace-wide";
  return `PeerAuthentication ${pa.namespace}/${pa.name} (${scope})`;
}

// rules/automtls-missing-destinationrule/index.ts
function reasonOf(model, host, port2, views) {
  const view = views[0];
  const who = describeClients(views);
  const tls = view.tls;
  const l = tls.lookup;
  if (l.selectorOnly) {
    return `DestinationRule ${l.selectorOnly.map(ruleNames).join(", ")} leaves out ${who} (workloadSelector) and ends their lookup`;
  }
  if (!l.rule) return `no DestinationRule applies to ${who}`;
  const name = `DestinationRule ${ruleNames(l.rule)}${l.matchedHost !== host ? ` (host "${l.matchedHost}")` : ""}`;
  if (tls.portLevelIndex !== void 0) return `${who} use ${name}, whose port ${port2} entry has no tls (it replaces the top-level tls)`;
  const shadowed = destinationRuleIndex(model).coveringWithMode(host, port2, "ISTIO_MUTUAL", view.namespace, l.rule);
  if (shadowed.length > 0) return `${who} use ${name}, which sets no tls and hides the ISTIO_MUTUAL of ${shadowed[0].dr.namespace}/${shadowed[0].dr.name}`;
  return `${who} use ${name}, which sets no tls`;
}
function reasonRelated(model, host, port2, views) {
  const v = views[0];
  const tls = v.tls;
  const l = tls.lookup;
  const who = describeClients(views);
  if (l.selectorOnly) {
    return l.selectorOnly.slice(0, 2).flatMap(
      (c) => c.from.slice(0, 1).map((r) => ({
        at: { resource: r.dr.resource, path: ["spec", "workloadSelector"] },
        message: `its workloadSelector leaves out ${who}; istiod looks no further than this namespace, so they get no DestinationRule`
      }))
    );
  }
  if (!l.rule) return [];
  const where = l.step === "client-namespace" ? "their own namespace" : l.step === "service-namespace" ? "the Service's namespace" : `the root namespace ${model.rootNamespace}`;
  const decided = tls.decidedAt ?? { rule: l.rule.policyFrom ?? l.rule.from[0], path: ["spec", "host"] };
  const out = [
    {
      at: { resource: decided.rule.dr.resource, path: decided.path },
      message: `${who} use this DestinationRule (host "${l.matchedHost}", found in ${where}) for ${host}:${port2}, and it sets no tls${tls.portLevelIndex !== void 0 ? " for that port: a portLevelSettings entry replaces the top-level settings, it does not inherit their tls" : ""}`
    }
  ];
  if (tls.portLevelIndex === void 0) {
    const shadowed = destinationRuleIndex(model).coveringWithMode(host, port2, "ISTIO_MUTUAL", v.namespace, l.rule)[0];
    if (shadowed) {
      const sameNs = shadowed.dr.namespace === l.rule.namespace;
      out.push({
        at: { resource: shadowed.dr.resource, path: ["spec", "host"] },
        message: `this ISTIO_MUTUAL rule (host "${shadowed.host}") is hidden from ${who}: ${sameNs ? "within a namespace the most specific host wins" : "the lookup stops at the first namespace with a match (the client's, then the Service's, then the root namespace)"}`
      });
    }
  }
  return out;
}
function reasonKey(tls) {
  const l = tls.lookup;
  if (l.selectorOnly) return `sel:${l.selectorOnly.map(ruleNames).join(",")}`;
  if (!l.rule) return "none";
  return `dr:${ruleNames(l.rule)}:${tls.portLevelIndex ?? ""}`;
}
function drYaml(name, ns, host) {
  return [
    "apiVersion: networking.istio.io/v1",
    "kind: DestinationRule",
    "metadata:",
    `  name: ${name}`,
    `  namespace: ${ns}`,
    "spec:",
    `  host: "${host}"`,
    "  trafficPolicy:",
    "    tls:",
    "      mode: ISTIO_MUTUAL",
    ""
  ].join("\n");
}
function fixFor(model, s, p, tls) {
  const host = model.hostOf(s);
  const l = tls.lookup;
  if (l.rule && tls.decidedAt) {
    const dr = tls.decidedAt.rule.dr;
    if (tls.portLevelIndex !== void 0) {
      return {
        desc: `Add tls.mode ISTIO_MUTUAL to the port ${p.port} entry of DestinationRule ${dr.namespace}/${dr.name}`,
        fix: ["spec:", "  trafficPolicy:", "    portLevelSettings:", "    - port:", `        number: ${p.port}`, "      tls:", "        mode: ISTIO_MUTUAL", ""].join("\n")
      };
    }
    return {
      desc: `Add tls.mode ISTIO_MUTUAL to DestinationRule ${dr.namespace}/${dr.name}${l.matchedHost !== host ? ` (it covers every host matching "${l.matchedHost}")` : ""}`,
      fix: ["spec:", "  trafficPolicy:", "    tls:", "      mode: ISTIO_MUTUAL", ""].join("\n")
    };
  }
  if (l.selectorOnly) {
    const ns = l.selectorOnly[0].namespace;
    return {
      desc: `Add a DestinationRule without workloadSelector for ${host} in namespace ${ns}, with tls.mode ISTIO_MUTUAL`,
      fix: drYaml(`${s.name}-istio-mutual`, ns, host)
    };
  }
  return {
    desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${host} in namespace ${s.namespace}`,
    fix: drYaml(`${s.name}-istio-mutual`, s.namespace, host)
  };
}
function uniqueFixes(list) {
  const byFix = /* @__PURE__ */ new Map();
  for (const f of list) if (!byFix.has(f.fix)) byFix.set(f.fix, f);
  return [...byFix.values()];
}
function autoMtlsRelated(model) {
  const src = model.mesh.sources.enableAutoMtls;
  return src ? [{ at: { resource: src.resource, path: src.path }, message: "meshConfig.enableAutoMtls is false here" }] : [];
}
var automtls_missing_destinationrule_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "With auto mTLS off, Envoy clients send plaintext to STRICT mTLS workloads because no DestinationRule with tls.mode ISTIO_MUTUAL covers the host and port for them.",
      url: docsUrl("automtls-missing-destinationrule"),
      recommended: true,
      aliases: ["KIA0204", "KIA0401", "KIA0501"],
      tags: ["security", "mtls", "sidecar"]
    },
    messages: {
      // {{reasons}}: why each group of clients sends plaintext (reasonOf), joined by "; ".
      strictService: "Service {{service}}:{{port}} is STRICT (PeerAuthentication {{policies}}) and auto mTLS is off, but {{reasons}}: they send plaintext and every request is reset (503). Add tls.mode ISTIO_MUTUAL as suggested, or turn auto mTLS on.",
      strictPolicy: "PeerAuthentication {{policy}} makes Service {{portNoun}} {{ports}} STRICT while auto mTLS is off, and no DestinationRule gives {{clients}} ISTIO_MUTUAL: their plaintext is refused. Add DestinationRules with ISTIO_MUTUAL first, or stay PERMISSIVE."
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.services, READS.clientViews, READS.destinationRules, READS.peerAuthentications)
  },
  create(context) {
    const model = context.model;
    if (context.mesh.enableAutoMtls) return {};
    const findings = [];
    return {
      Service(s) {
        for (const p of s.ports) {
          const strict = sidecarBackends(model, s, p).filter((b) => b.mtls.mode === "STRICT");
          if (strict.length === 0) continue;
          const groups = /* @__PURE__ */ new Map();
          for (const v of clientViews(model, s, p, (tls) => tls.mode === void 0)) {
            const key2 = reasonKey(v.tls);
            const g = groups.get(key2);
            if (g) g.push(v);
            else groups.set(key2, [v]);
          }
          if (groups.size === 0) continue;
          findings.push({ service: s, port: p, strict, groups });
          const host = model.hostOf(s);
          const pas = strict.flatMap((b) => b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : []);
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index] },
            messageId: "strictService",
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              policies: listText(pas, 4),
              reasons: [...groups.values()].map((g) => reasonOf(model, host, p.port, g)).join("; ")
            },
            assumptions: model.assumptionsOf([...strict.map((b) => b.workload), ...clientAssumptions(model, [...groups.values()].flat())]),
            suggest: uniqueFixes([...groups.values()].map((g) => fixFor(model, s, p, g[0].tls))),
            related: [
              ...strict.filter((b) => b.mtls.decidedBy).slice(0, 1).map((b) => ({ at: { resource: b.mtls.decidedBy.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `STRICT is set here (${describePa(model, b.mtls)}), for ${describeWorkloads(strict.map((x) => x.workload))}` })),
              ...autoMtlsRelated(model),
              ...[...groups.values()].flatMap((g) => reasonRelated(model, host, p.port, g))
            ]
          });
        }
      },
      // Each STRICT PeerAuthentication node is reported once for all the Service ports it makes
      // unreachable: known only when every Service has been seen.
      "Mesh:exit"() {
        reportAtPolicies(context, model, findings);
      }
    };
  }
});
function reportAtPolicies(context, model, findings) {
  const byNode = /* @__PURE__ */ new Map();
  for (const f of findings) {
    const clients = [...f.groups.values()].flat();
    for (const b of f.strict) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const path = mtlsPath(b.mtls, b.targetPort);
      const key2 = `${pa.namespace}/${pa.name}/${path.join(".")}`;
      let e = byNode.get(key2);
      if (!e) byNode.set(key2, e = { pa, path, ports: [], clients: /* @__PURE__ */ new Map(), portLevel: b.mtls.portLevel, services: /* @__PURE__ */ new Map(), workloads: [] });
      e.workloads.push(b.workload);
      const label7 = `${f.service.namespace}/${f.service.name}:${f.port.port}`;
      if (!e.ports.includes(label7)) e.ports.push(label7);
      e.services.set(model.hostOf(f.service), f.service);
      for (const c of clients) e.clients.set(viewKey(c), c);
    }
  }
  for (const e of byNode.values()) {
    const scope = e.pa.selector && Object.keys(e.pa.selector).length > 0 ? "workload" : e.pa.namespace === model.rootNamespace ? "mesh" : "namespace";
    const host = scope === "mesh" ? "*.local" : scope === "namespace" ? `*.${e.pa.namespace}.svc.cluster.local` : void 0;
    const suggest = host ? [
      {
        desc: `Add a ${scope}-wide DestinationRule with tls.mode ISTIO_MUTUAL (DestinationRules that already match these hosts without tls take precedence and need it too; see the Service diagnostics)`,
        fix: drYaml(scope === "mesh" ? "default" : "istio-mutual", e.pa.namespace, host)
      }
    ] : [...e.services.entries()].slice(0, 3).map(([h, svc]) => ({
      desc: `Add a DestinationRule with tls.mode ISTIO_MUTUAL for ${h}`,
      fix: drYaml(`${svc.name}-istio-mutual`, svc.namespace, h)
    }));
    context.report({
      at: { resource: e.pa.resource, path: e.path },
      messageId: "strictPolicy",
      data: {
        policy: `${e.pa.namespace}/${e.pa.name}`,
        portNoun: e.ports.length === 1 ? "port" : "ports",
        ports: listText(e.ports, 4),
        clients: describeClients([...e.clients.values()])
      },
      assumptions: model.assumptionsOf([...e.workloads, ...clientAssumptions(model, [...e.clients.values()])]),
      suggest,
      related: autoMtlsRelated(model)
    });
  }
}

// rules/competing-policies/index.ts
var SELECTOR_PATH = {
  PeerAuthentication: ["spec", "selector", "matchLabels"],
  Sidecar: ["spec", "workloadSelector", "labels"]
};
var key = (p) => `${p.namespace}/${p.name}`;
var wide = (p) => !p.selector || Object.keys(p.selector).length === 0;
function createdAt(p) {
  const meta = p.resource.raw.metadata;
  return typeof meta?.creationTimestamp === "string" ? Date.parse(meta.creationTimestamp) : NaN;
}
function winner(ps) {
  const times = ps.map(createdAt);
  if (times.some(Number.isNaN)) return " (which one depends on the order they were created, which the manifests do not show)";
  const first = [...ps].sort((a, b) => createdAt(a) - createdAt(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))[0];
  return ` ("${first.name}", by its creationTimestamp)`;
}
function modeOf(p) {
  const pa = p;
  return `"${p.name}" ${pa.mode}${pa.portLevel.size > 0 ? ` with port-level modes for ${[...pa.portLevel.keys()].join(", ")}` : ""}`;
}
function names(ps) {
  const shown = ps.slice(0, 3).map((p) => `"${p.name}"`);
  return ps.length > 3 ? `${shown.join(", ")} and ${ps.length - 3} more` : shown.join(", ");
}
function describeWorkloads2(ws) {
  const shown = ws.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`);
  return ws.length > 3 ? `${shown.join(", ")} and ${ws.length - 3} more` : shown.join(", ");
}
function unique(list) {
  const seen = /* @__PURE__ */ new Map();
  for (const p of list) if (!seen.has(key(p))) seen.set(key(p), p);
  return [...seen.values()];
}
function sharedWorkloads(model, list) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const p of list) {
    if (wide(p)) continue;
    for (const w of model.policyWorkloads(p, false)) byWorkload.set(w, [...byWorkload.get(w) ?? [], p]);
  }
  const out = /* @__PURE__ */ new Map();
  for (const [w, ps] of byWorkload) {
    if (ps.length < 2) continue;
    for (const p of ps) {
      const entry = out.get(p) ?? { workloads: [], others: /* @__PURE__ */ new Set() };
      out.set(p, entry);
      entry.workloads.push(w);
      for (const o of ps) if (o !== p) entry.others.add(o);
    }
  }
  return out;
}
var competing_policies_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several PeerAuthentications, or several Sidecars, of one scope apply to the same workloads: istiod applies only the oldest and ignores the others.",
      url: docsUrl("competing-policies"),
      recommended: true,
      aliases: ["KIA0002", "KIA0003"],
      tags: ["security", "mtls"]
    },
    messages: {
      peerAuthenticationsWide: 'PeerAuthentication "{{name}}" is one of {{count}} {{scope}} PeerAuthentications in namespace "{{namespace}}" (with {{others}}): istiod applies only the oldest{{winner}} and ignores the others; they set {{modes}}. Keep one, with the mode you mean.',
      peerAuthenticationsSelect: 'PeerAuthentication "{{name}}" selects {{workloads}}, as PeerAuthentication {{others}} {{does}}: istiod applies only the oldest of them{{winner}} to those pods and ignores the others; they set {{modes}}. Make their selectors disjoint, or merge them into one.',
      sidecarsWide: `Sidecar "{{name}}" is one of {{count}} Sidecars without workloadSelector in namespace "{{namespace}}" (with {{others}}): istiod gives the namespace's pods only the oldest{{winner}} and ignores the others. Keep one, or give the others a workloadSelector.`,
      sidecarsSelect: 'Sidecar "{{name}}" selects {{workloads}}, as Sidecar {{others}} {{does}}: istiod gives those pods only the oldest of them{{winner}} and ignores the others. Make their workloadSelectors disjoint, or merge them into one.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.peerAuthentications, READS.sidecars, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const check3 = (kind, list) => {
      const byNamespace = /* @__PURE__ */ new Map();
      for (const p of list) if (wide(p)) byNamespace.set(p.namespace, [...byNamespace.get(p.namespace) ?? [], p]);
      for (const [ns, ps] of byNamespace) {
        if (ps.length < 2) continue;
        for (const p of ps) {
          const others = ps.filter((o) => o !== p);
          context.report({
            at: { resource: p.resource, path: ["metadata", "name"] },
            messageId: kind === "PeerAuthentication" ? "peerAuthenticationsWide" : "sidecarsWide",
            data: { name: p.name, count: ps.length, scope: ns === model.rootNamespace ? "mesh-wide" : "namespace-wide", namespace: ns, others: names(others), winner: winner(ps), modes: kind === "PeerAuthentication" ? ps.map(modeOf).join(", ") : "" },
            related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `${kind} ${key(o)}, also without a selector` }))
          });
        }
      }
      for (const [p, shared] of sharedWorkloads(model, list)) {
        const others = [...shared.others];
        context.report({
          at: { resource: p.resource, path: SELECTOR_PATH[kind] },
          messageId: kind === "PeerAuthentication" ? "peerAuthenticationsSelect" : "sidecarsSelect",
          data: {
            name: p.name,
            workloads: describeWorkloads2(shared.workloads),
            others: names(others),
            does: others.length > 1 ? "do" : "does",
            winner: winner([p, ...others]),
            modes: kind === "PeerAuthentication" ? [p, ...others].map(modeOf).join(", ") : ""
          },
          related: others.slice(0, 3).map((o) => ({ at: { resource: o.resource, path: SELECTOR_PATH[kind] }, message: `${kind} ${key(o)} selects them too` })),
          assumptions: model.assumptionsOf(shared.workloads)
        });
      }
    };
    return {
      "Mesh:exit"() {
        check3("PeerAuthentication", unique(model.peerAuthentications));
        check3("Sidecar", unique(model.sidecars));
      }
    };
  }
});

// rules/dataplane-conflict/index.ts
var RUNS = {
  sidecar: "with a sidecar",
  ambient: "in ambient (ztunnel)",
  none: "outside the mesh (no sidecar, not ambient)"
};
function fromNamespace(w, conflict) {
  return !/\bpod (label|annotation)|hostNetwork/.test(`${conflict} ${w.dataplane.reason}`);
}
function describe(ws) {
  return listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
}
var dataplane_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A workload's or its namespace's labels ask for a data plane the pod does not get (a sidecar and ambient together, ambient with hostNetwork\u2026): the losing setting is ignored.",
      url: docsUrl("dataplane-conflict"),
      recommended: true,
      aliases: ["IST0123", "KIA1311", "KIA1316"],
      tags: ["ambient", "sidecar"]
    },
    messages: {
      podConflict: "{{workload}}: {{conflict}}, so its pods run {{runs}}. Remove the setting that is ignored, or the one that wins if you meant the other.",
      namespaceConflict: 'Namespace "{{namespace}}": {{conflict}}, so {{workloads}} {{run}} {{runs}}. Remove the label that is ignored, or the one that wins if you meant the other.',
      namespaceLabels: 'Namespace "{{namespace}}": {{conflict}}. Remove the label that is ignored, or the one that wins if you meant the other.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    const byNamespace = /* @__PURE__ */ new Map();
    const labelConflicts = [];
    return {
      Namespace(ns) {
        for (const ignored2 of ignoredNamespaceLabels(ns.labels)) labelConflicts.push([ns, ignored2]);
      },
      Workload(w) {
        for (const conflict of w.dataplane.conflicts) {
          const ns = model.namespaces.get(w.namespace);
          if (ns?.resource && fromNamespace(w, conflict)) {
            const list = byNamespace.get(w.namespace) ?? /* @__PURE__ */ new Map();
            byNamespace.set(w.namespace, list);
            list.set(conflict, [...list.get(conflict) ?? [], w]);
            continue;
          }
          context.report({
            at: { resource: w.resource, path: Object.keys(w.podLabels).length > 0 ? [...w.podMetadataPath, "labels"] : w.podMetadataPath, part: "key" },
            messageId: "podConflict",
            data: { workload: `${w.kind} ${w.namespace}/${w.name}`, conflict, runs: RUNS[w.dataplane.mode] }
          });
        }
      },
      "Mesh:exit"() {
        for (const [ns, { label: label7, conflict }] of labelConflicts) {
          if (!ns.resource || byNamespace.get(ns.name)?.has(conflict)) continue;
          context.report({
            at: { resource: ns.resource, path: ["metadata", "labels", label7], part: "key" },
            messageId: "namespaceLabels",
            data: { namespace: ns.name, conflict: conflict.replace("the pod", "each pod") }
          });
        }
        for (const [name, conflicts] of byNamespace) {
          const ns = model.namespaces.get(name);
          for (const [conflict, ws] of conflicts) {
            context.report({
              at: { resource: ns.resource, path: ["metadata", "labels"], part: "key" },
              messageId: "namespaceConflict",
              data: { namespace: name, conflict: conflict.replace("the pod", "each pod"), workloads: describe(ws), run: ws.length > 1 ? "run" : "runs", runs: RUNS[ws[0].dataplane.mode] },
              related: ws.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}` }))
            });
          }
        }
      }
    };
  }
});

// rules/deny-path-bypass/index.ts
function envoyTarget(model, p) {
  if (p.targetRefs.length > 0) {
    const t = p.targetRefs[0];
    const what = t.kind === "Service" || t.kind === "ServiceEntry" ? `the waypoint of ${t.kind} ${p.namespace}/${t.name}` : `${t.kind} ${p.namespace}/${t.name}`;
    return { names: p.targetRefs.length > 1 ? `${what} and ${p.targetRefs.length - 1} more` : what, assumptions: [] };
  }
  const sidecars = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "sidecar");
  if (sidecars.length > 0) return { names: describeWorkloads3(sidecars), assumptions: model.assumptionsOf(sidecars) };
  const pods = model.dataplaneFor(p.namespace);
  if (p.namespace !== model.rootNamespace && pods.mode === "sidecar" && !pods.assumption) {
    return { names: `the pods of sidecar namespace "${p.namespace}"`, assumptions: [] };
  }
  return void 0;
}
function describeWorkloads3(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(", ")} and ${all.length - 3} more` : all.join(", ");
}
function bypasses(value, siblings, mode, within = []) {
  if (!value.startsWith("/") || value === "/") return [];
  const candidates = [value.endsWith("/") ? value.slice(0, -1) : `${value}/`, `/${value}`];
  const slash = value.lastIndexOf("/", value.length - 2);
  if (slash > 0) candidates.push(`${value.slice(0, slash)}%2F${value.slice(slash + 1)}`);
  candidates.push(`/.${value}`);
  return candidates.filter((c) => {
    const seen = normalizePath(c, mode);
    return !seen.rejected && !siblings.some((s) => matchPath(s, seen.path)) && (within.length === 0 || within.some((s) => matchPath(s, seen.path)));
  });
}
var isExact = (v) => !v.includes("*") && !v.includes("{");
function stricterMode(forms, value) {
  if (forms.some((f) => f.includes("%2F"))) return "DECODE_AND_MERGE_SLASHES";
  if (forms.includes(`/${value}`) || forms.includes(`/.${value}`)) return "MERGE_SLASHES";
  return void 0;
}
function templateFix(value) {
  const base = value.endsWith("/") ? value.slice(0, -1) : value;
  return `${base}/{**}`;
}
var deny_path_bypass_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: `A DENY (or an ALLOW excluding with notPaths) names exact paths that requests can sidestep under the mesh's pathNormalization: "/admin/", "//admin", "/admin%2Fx".`,
      url: docsUrl("deny-path-bypass"),
      recommended: true,
      tags: ["security", "authorization", "sidecar", "waypoint"]
    },
    messages: {
      // {{advice}}: what closes the forms named, one or both of "deny/exclude the subtree too" and
      // "normalize more strictly", as a sentence.
      denyBypassedOne: 'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is not denied, though a backend may serve it as "{{path}}". {{advice}}.',
      denyBypassedMany: 'AuthorizationPolicy "{{name}}" denies only the exact path "{{path}}" on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are not denied, though a backend may serve them as "{{path}}". {{advice}}.',
      notPathsBypassedOne: 'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so it is still allowed, though a backend may serve it as "{{path}}". {{advice}}.',
      notPathsBypassedMany: 'AuthorizationPolicy "{{name}}" excludes only the exact path "{{path}}" (notPaths) from what it allows on {{target}}, but under pathNormalization {{mode}} Envoy matches {{forms}} as written, so they are still allowed, though a backend may serve them as "{{path}}". {{advice}}.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.workloads)
  },
  create(context) {
    const model = context.model;
    const mode = model.mesh.pathNormalization;
    const modeSource = model.mesh.sources.pathNormalization;
    const related = modeSource ? [{ at: { resource: modeSource.resource, path: modeSource.path }, message: `meshConfig.pathNormalization is ${mode} here` }] : [];
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || p.action !== "DENY" && p.action !== "ALLOW" || !p.rules) return;
        const deny = p.action === "DENY";
        const field = deny ? "paths" : "notPaths";
        let target = null;
        p.rules.forEach((rule, ri) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, ti) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            const values = arr(op[field]);
            const strings4 = values.filter((v) => typeof v === "string");
            values.forEach((v, vi) => {
              if (typeof v !== "string" || !isExact(v)) return;
              const within = field === "notPaths" ? arr(op.paths).filter((x) => typeof x === "string") : [];
              const forms = bypasses(v, strings4, mode, within);
              if (forms.length === 0) return;
              if (target === null) target = envoyTarget(model, p);
              if (target === void 0) return;
              const path = ["spec", "rules", ri, "to", ti, "operation", field, vi];
              const one = Math.min(forms.length, 3) === 1;
              const trailing = forms.some((f) => f === `${v}/` || `${f}/` === v);
              const stricter = stricterMode(forms, v);
              const base = v.replace(/\/$/, "");
              const advice = [
                trailing ? `${deny ? "deny" : "exclude"} "${templateFix(v)}" too (or "${base}*")` : "",
                stricter ? `set meshConfig.pathNormalization to ${stricter}` : ""
              ].filter(Boolean).join(", and ");
              const suggest = [];
              if (trailing) {
                suggest.push({ desc: `Also match everything under "${base}"`, fix: `${field}: [${[.../* @__PURE__ */ new Set([...strings4, templateFix(v)])].map((s) => `"${s}"`).join(", ")}]` });
              }
              if (stricter) {
                suggest.push({ desc: "Normalize paths more strictly, mesh-wide (test the applications first)", fix: `meshConfig:
  pathNormalization:
    normalization: ${stricter}` });
              }
              context.report({
                at: { resource: p.resource, path },
                messageId: deny ? one ? "denyBypassedOne" : "denyBypassedMany" : one ? "notPathsBypassedOne" : "notPathsBypassedMany",
                data: {
                  name: p.name,
                  path: v,
                  target: target.names,
                  mode,
                  forms: listText(quoted(forms.slice(0, 3))),
                  advice: `${advice.charAt(0).toUpperCase()}${advice.slice(1)}`
                },
                suggest,
                related,
                assumptions: target.assumptions
              });
            });
          });
        });
      }
    };
  }
});

// rules/destinationrule-matches-nothing/index.ts
var TOPOLOGY_LABELS = /* @__PURE__ */ new Set([
  "topology.kubernetes.io/region",
  "topology.kubernetes.io/zone",
  "topology.istio.io/subzone",
  "topology.istio.io/cluster",
  "topology.istio.io/network",
  "kubernetes.io/hostname"
]);
function podsOf(context, e) {
  const model = context.model;
  if (!model.knowsWorkloadsOf(e.namespace)) return void 0;
  if (e.kind === "Service") {
    const s = model.service(e.namespace, e.name);
    return s?.selector && Object.keys(s.selector).length > 0 ? model.servicePods(s) : void 0;
  }
  const se = model.serviceEntryOf(e.resource);
  if (!se?.workloadSelector || model.policiesIn("WorkloadEntry", e.namespace).length > 0) return void 0;
  return model.selectWorkloads(e.namespace, se.workloadSelector);
}
function checkSubsets(context, dr, entries2) {
  if (dr.subsets.length === 0 || entries2.length !== 1) return;
  const pods = podsOf(context, entries2[0]);
  if (!pods) return;
  for (const subset3 of dr.subsets) {
    const keys = Object.keys(subset3.labels);
    if (keys.length === 0 || keys.some((k) => TOPOLOGY_LABELS.has(k))) continue;
    if (pods.some((w) => matchesLabels(subset3.labels, w.podLabels))) continue;
    const e = entries2[0];
    context.report({
      at: { resource: dr.resource, path: ["spec", "subsets", subset3.index, "labels"] },
      messageId: "subsetSelectsNothing",
      data: {
        name: dr.name,
        subset: subset3.name,
        labels: keys.map((k) => `${k}=${subset3.labels[k]}`).join(", "),
        host: `${e.kind} ${e.namespace}/${e.name}`,
        pods: pods.length === 0 ? "has no pods in the input" : `has ${pods.length} workload${pods.length > 1 ? "s" : ""}, none with these labels`
      }
    });
  }
}
var destinationrule_matches_nothing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule names a host no Service or ServiceEntry provides where it applies, or a subset whose labels select none of the host's pods.",
      url: docsUrl("destinationrule-matches-nothing"),
      recommended: true,
      aliases: ["IST0173", "IST0174", "KIA0202", "KIA0203"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownHost: `DestinationRule "{{name}}" is for host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: its traffic policy and subsets configure nothing. Fix the host (a short name is a Service of the rule's own namespace), or remove the rule.`,
      hostNotExported: 'DestinationRule "{{name}}" is for host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and the rule only to {{ruleExport}}: no client sees both, so the rule configures nothing. Align the exportTo lists.',
      subsetSelectsNothing: `DestinationRule "{{name}}" defines subset "{{subset}}" ({{labels}}), but {{host}} {{pods}}: the subset has no endpoints, so requests routed to it fail with 503 (no healthy upstream). Fix the labels to match the pods' labels.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts, READS.services, READS.workloads, READS.workloadEntries)
  },
  create(context) {
    return {
      DestinationRule(dr) {
        if (!dr.host) return;
        const model = context.model;
        const fqdn = resolveHost(dr.host, dr.namespace);
        const wildcard = fqdn.startsWith("*");
        const covering = wildcard ? model.hosts.under(fqdn) : model.hosts.lookup(fqdn);
        if (covering.length === 0) {
          if (!(wildcard ? model.mesh.complete : model.knowsHost(fqdn))) return;
          context.report({
            at: { resource: dr.resource, path: ["spec", "host"] },
            messageId: "unknownHost",
            data: { name: dr.name, host: dr.host, resolved: fqdn === dr.host ? "" : ` (${fqdn})` }
          });
          return;
        }
        const ruleExport = new Set(dr.exportTo);
        const visible = covering.filter((e) => exportsOverlap(ruleExport, e.exportTo));
        if (visible.length === 0) {
          const e = covering[0];
          context.report({
            at: { resource: dr.resource, path: ["spec", "host"] },
            messageId: "hostNotExported",
            data: { name: dr.name, host: dr.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), ruleExport: exportToText(ruleExport) }
          });
          return;
        }
        if (!wildcard) checkSubsets(context, dr, visible.filter((e) => e.host === fqdn));
      }
    };
  }
});

// rules/destinationrule-merge-conflict/index.ts
var label = (d) => `"${d.namespace}/${d.name}"`;
function mergeKey(d) {
  const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
  const exportTo = Array.isArray(spec.exportTo) ? [...new Set(d.exportTo)].sort().join(",") : "";
  const selector = d.workloadSelector ? JSON.stringify(Object.entries(d.workloadSelector).sort()) : "";
  return `${d.namespace}|${resolveHost(d.host, d.namespace)}|${selector}|${exportTo}`;
}
function reportGroup(context, group) {
  const bySubset = /* @__PURE__ */ new Map();
  for (const d of group) {
    for (const s of new Set(d.subsets.map((x) => x.name))) {
      const list = bySubset.get(s);
      if (list) list.push(d);
      else bySubset.set(s, [d]);
    }
  }
  for (const [subset3, rules] of bySubset) {
    if (rules.length < 2) continue;
    for (const d of rules) {
      const others = rules.filter((o) => o !== d);
      const at3 = d.subsets.find((s) => s.name === subset3).index;
      context.report({
        at: { resource: d.resource, path: ["spec", "subsets", at3, "name"] },
        messageId: "duplicateSubset",
        data: { name: d.name, subset: subset3, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
        related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ["spec", "subsets", o.subsets.find((s) => s.name === subset3).index, "name"] }, message: `DestinationRule ${o.namespace}/${o.name} defines subset "${subset3}" too` }))
      });
    }
  }
  const withPolicy = group.filter((d) => isRecord(d.resource.raw.spec) && isRecord(d.resource.raw.spec.trafficPolicy));
  if (withPolicy.length < 2) return;
  for (const d of withPolicy) {
    const others = withPolicy.filter((o) => o !== d);
    context.report({
      at: { resource: d.resource, path: ["spec", "trafficPolicy"], part: "key" },
      messageId: "ignoredTrafficPolicy",
      data: { name: d.name, host: resolveHost(d.host, d.namespace), others: listText(others.map(label), 5) },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.resource, path: ["spec", "trafficPolicy"], part: "key" }, message: `DestinationRule ${o.namespace}/${o.name} has a trafficPolicy too` }))
    });
  }
}
var destinationrule_merge_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "DestinationRules that istiod merges for one host define the same subset or each a trafficPolicy: all but the oldest are ignored.",
      url: docsUrl("destinationrule-merge-conflict"),
      recommended: true,
      aliases: ["KIA0201"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateSubset: `DestinationRule "{{name}}" defines subset "{{subset}}" of {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the subset of the oldest only, so the other's labels and policy for "{{subset}}" are ignored. Define each subset once.`,
      ignoredTrafficPolicy: 'DestinationRule "{{name}}" sets a trafficPolicy for {{host}}, and so does DestinationRule {{others}} of the same namespace: istiod merges them and keeps the trafficPolicy of the oldest only (TLS, load balancing, connection pool), ignoring the others whole. Put the trafficPolicy in one of them.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const groups = /* @__PURE__ */ new Map();
    return {
      DestinationRule(d) {
        const key2 = mergeKey(d);
        const list = groups.get(key2);
        if (list) list.push(d);
        else groups.set(key2, [d]);
      },
      "Mesh:exit"() {
        for (const group of groups.values()) if (group.length > 1) reportGroup(context, group);
      }
    };
  }
});

// rules/destinationrule-tls-unverified/index.ts
var VERIFYING_MODES = /* @__PURE__ */ new Set(["SIMPLE", "MUTUAL"]);
function tlsBlocks(spec) {
  const out = [];
  const policy = (tp, base) => {
    if (!isRecord(tp)) return;
    if (isRecord(tp.tls)) out.push({ tls: tp.tls, path: [...base, "tls"] });
    arr(tp.portLevelSettings).forEach((s, i) => {
      if (isRecord(s) && isRecord(s.tls)) out.push({ tls: s.tls, path: [...base, "portLevelSettings", i, "tls"], port: isRecord(s.port) ? s.port.number : void 0 });
    });
  };
  policy(spec.trafficPolicy, ["spec", "trafficPolicy"]);
  arr(spec.subsets).forEach((s, i) => isRecord(s) && policy(s.trafficPolicy, ["spec", "subsets", i, "trafficPolicy"]));
  return out;
}
var destinationrule_tls_unverified_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule originates TLS (SIMPLE or MUTUAL) with insecureSkipVerify: the server's certificate is not verified.",
      url: docsUrl("destinationrule-tls-unverified"),
      recommended: true,
      aliases: ["IST0128", "IST0129"],
      tags: ["security", "tls"]
    },
    messages: {
      skipVerify: 'DestinationRule "{{name}}" originates {{mode}} TLS to "{{host}}"{{port}} with insecureSkipVerify: the proxy accepts any server certificate, so anyone on the path can impersonate the server. Remove insecureSkipVerify and set caCertificates (or rely on the system roots) and subjectAltNames.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      DestinationRule(dr) {
        const spec = isRecord(dr.resource.raw.spec) ? dr.resource.raw.spec : {};
        for (const b of tlsBlocks(spec)) {
          const mode = b.tls.mode;
          if (typeof mode !== "string" || !VERIFYING_MODES.has(mode)) continue;
          if (b.tls.insecureSkipVerify !== true) continue;
          context.report({
            at: { resource: dr.resource, path: [...b.path, "insecureSkipVerify"] },
            messageId: "skipVerify",
            data: { name: dr.name, mode, host: dr.host, port: typeof b.port === "number" ? ` port ${b.port}` : "" }
          });
        }
      }
    };
  }
});

// rules/envoyfilter-patches/index.ts
var RELATIVE = /* @__PURE__ */ new Set(["INSERT_BEFORE", "INSERT_AFTER", "REPLACE", "REMOVE"]);
var IGNORED = {
  REPLACE: { messageId: "replaceIgnored", unless: /* @__PURE__ */ new Set(["HTTP_FILTER", "NETWORK_FILTER", "VIRTUAL_HOST", "LISTENER_FILTER"]) },
  ADD: { messageId: "addIgnored", on: /* @__PURE__ */ new Set(["ROUTE_CONFIGURATION"]) },
  REMOVE: { messageId: "removeIgnored", on: /* @__PURE__ */ new Set(["ROUTE_CONFIGURATION"]) }
};
function ignored(operation, applyTo) {
  const rule = IGNORED[operation];
  if (!rule) return void 0;
  if (rule.unless && !rule.unless.has(applyTo)) return rule.messageId;
  if (rule.on?.has(applyTo)) return rule.messageId;
  return void 0;
}
var rec = (v) => isRecord(v) ? v : {};
var str2 = (v) => typeof v === "string" ? v : "";
function patchesOf(r) {
  const spec = rec(r.raw.spec);
  const list = Array.isArray(spec.configPatches) ? spec.configPatches : [];
  return list.flatMap((cp, index) => {
    const patch = rec(rec(cp).patch);
    const match = rec(rec(cp).match);
    const value = rec(patch.value);
    const element = str2(value.name) || (Object.keys(value).length > 0 ? str2(rec(rec(rec(match.listener).filterChain).filter).name) : "");
    return [{ filter: r, index, applyTo: str2(rec(cp).applyTo), operation: str2(patch.operation), element, proxyVersion: str2(rec(match.proxy).proxyVersion) !== "" }];
  });
}
var at2 = (p, ...tail) => ({ resource: p.filter, path: ["spec", "configPatches", p.index, ...tail] });
var envoyfilter_patches_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An EnvoyFilter patch istiod ignores for its applyTo, or a relative patch (INSERT_BEFORE/AFTER, REPLACE, REMOVE) whose EnvoyFilter sets no priority.",
      url: docsUrl("envoyfilter-patches"),
      recommended: true,
      aliases: ["IST0151", "IST0152", "IST0153", "IST0154", "IST0155"],
      tags: ["envoyfilter"]
    },
    messages: {
      relativeWithoutPriority: 'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}}, relative to what earlier patches left, and sets no priority: EnvoyFilters of one priority apply root namespace first, then by creation time, so whether the element it is relative to is there yet depends on when each EnvoyFilter was created (a re-created one moves last). Set spec.priority, or use INSERT_FIRST or ADD.',
      relativeWithProxyVersion: 'EnvoyFilter "{{name}}" patches {{applyTo}} with {{operation}} relative to "{{element}}", which the proxyVersion-scoped patch of EnvoyFilter "{{other}}" also names, and sets no priority: proxies of other versions (during every upgrade) do not get that patch, so what this one finds differs from proxy to proxy, and may be nothing. Set spec.priority, or use INSERT_FIRST or ADD.',
      replaceIgnored: 'EnvoyFilter "{{name}}" patches {{applyTo}} with REPLACE, which istiod applies to HTTP_FILTER, NETWORK_FILTER, LISTENER_FILTER and VIRTUAL_HOST only: this patch is silently ignored. Use MERGE, or REMOVE and ADD.',
      addIgnored: 'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with ADD, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. Use MERGE, or ADD a VIRTUAL_HOST or HTTP_ROUTE.',
      removeIgnored: 'EnvoyFilter "{{name}}" patches ROUTE_CONFIGURATION with REMOVE, which istiod ignores (a route configuration takes MERGE only): this patch changes nothing. REMOVE the VIRTUAL_HOST or HTTP_ROUTE instead.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const model = context.model;
    const patches = [];
    return {
      EnvoyFilter(r) {
        patches.push(...patchesOf(r));
      },
      "Mesh:exit"() {
        const scoped = /* @__PURE__ */ new Map();
        for (const p of patches) {
          if (!p.proxyVersion || p.element === "") continue;
          const byNs = scoped.get(p.element) ?? /* @__PURE__ */ new Map();
          scoped.set(p.element, byNs);
          const list = byNs.get(p.filter.namespace);
          if (list) list.push(p);
          else byNs.set(p.filter.namespace, [p]);
        }
        const root = model.rootNamespace;
        const scopedPeer = (p) => {
          const byNs = scoped.get(p.element);
          if (!byNs) return void 0;
          const lists = p.filter.namespace === root ? [...byNs.values()] : [byNs.get(p.filter.namespace) ?? [], byNs.get(root) ?? []];
          for (const list of lists) {
            const other = list.find((o) => o !== p);
            if (other) return other;
          }
          return void 0;
        };
        for (const p of patches) {
          const name = p.filter.name;
          const wrong = ignored(p.operation, p.applyTo);
          if (wrong) {
            context.report({ at: at2(p, "patch", "operation"), messageId: wrong, data: { name, applyTo: p.applyTo } });
            continue;
          }
          if (!RELATIVE.has(p.operation) || priorityOf(p.filter) !== 0) continue;
          const other = scopedPeer(p);
          if (other) {
            context.report({
              at: at2(p, "patch", "operation"),
              messageId: "relativeWithProxyVersion",
              data: { name, applyTo: p.applyTo, operation: p.operation, element: p.element, other: `${other.filter.namespace}/${other.filter.name}` },
              related: [{ at: at2(other, "match", "proxy", "proxyVersion"), message: `the proxyVersion of EnvoyFilter "${other.filter.name}"` }]
            });
          } else {
            context.report({ at: at2(p, "patch", "operation"), messageId: "relativeWithoutPriority", data: { name, applyTo: p.applyTo, operation: p.operation } });
          }
        }
      }
    };
  }
});
function priorityOf(r) {
  const p = rec(r.raw.spec).priority;
  return typeof p === "number" ? p : 0;
}

// rules/exportto-unknown-namespace/index.ts
var ANNOTATION = "networking.istio.io/exportTo";
var BUILTIN = ["default", "kube-system", "kube-public", "kube-node-lease"];
function check(context, r, entries2) {
  const model = context.model;
  for (const { value, path } of entries2) {
    if (value === "." || value === "*" || value === "~" || value === "" || BUILTIN.includes(value) || value === model.rootNamespace) continue;
    if (model.namespaces.has(value)) continue;
    const near = closest(value, [...model.namespaces.keys()]);
    context.report({
      at: { resource: r, path },
      messageId: "unknownNamespace",
      data: { kind: r.kind, name: r.name, namespace: value, hint: near ? ` Did you mean "${near}"?` : "" }
    });
  }
}
var exportto_unknown_namespace_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An exportTo list (VirtualService, DestinationRule, ServiceEntry, or a Service's networking.istio.io/exportTo annotation) names a namespace that does not exist (with --complete).",
      url: docsUrl("exportto-unknown-namespace"),
      recommended: true,
      aliases: ["KIA0005"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownNamespace: '{{kind}} "{{name}}" is exported to namespace "{{namespace}}", which does not exist in this cluster: the entry exports to no one, so the clients it was meant for do not see the {{kind}}.{{hint}} Fix the name.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    if (!context.model.mesh.complete) return {};
    const spec = (r) => r.raw.spec && typeof r.raw.spec === "object" ? r.raw.spec : {};
    const listed = (r) => arr(spec(r).exportTo).flatMap((v, i) => typeof v === "string" ? [{ value: v, path: ["spec", "exportTo", i] }] : []);
    return {
      VirtualService: (r) => check(context, r, listed(r)),
      ServiceEntry: (r) => check(context, r, listed(r)),
      DestinationRule: (dr) => check(context, dr.resource, listed(dr.resource)),
      Service(s) {
        const anno = s.resource.annotations[ANNOTATION];
        if (anno === void 0) return;
        const path = ["metadata", "annotations", ANNOTATION];
        check(context, s.resource, anno.split(",").map((v) => ({ value: v.trim(), path })));
      }
    };
  }
});

// src/model/gateway-merge.ts
var HTTP_PROTOCOLS = /* @__PURE__ */ new Set(["HTTP", "HTTP2", "HTTP_PROXY", "GRPC", "GRPC-WEB"]);
function push(map, key2, value) {
  const list = map.get(key2);
  if (list) list.push(value);
  else map.set(key2, [value]);
}
function serverClashes(proxy, clashes) {
  const note = (p, o, kind, host) => {
    if (o.owner === p.owner) return;
    let c = clashes.get(p.server);
    if (!c) clashes.set(p.server, c = { at: p, kind, others: /* @__PURE__ */ new Map() });
    let entry = c.others.get(o.owner);
    if (!entry) c.others.set(o.owner, entry = { placed: o, hosts: /* @__PURE__ */ new Set() });
    if (host !== void 0) entry.hosts.add(host);
  };
  const buckets = /* @__PURE__ */ new Map();
  for (const p of proxy) push(buckets, `${p.server.port}|${p.server.bind}`, p);
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const tlsByHost = /* @__PURE__ */ new Map();
    for (const p of bucket) if (p.server.tls) for (const h of new Set(p.server.hosts)) push(tlsByHost, h, p);
    for (const [host, list] of tlsByHost) for (const p of list) for (const o of list) note(p, o, "duplicateTlsHost", host);
    const plain = bucket.filter((p) => !p.server.tls);
    if (plain.every((p) => HTTP_PROTOCOLS.has(p.server.protocol))) continue;
    for (const p of plain) {
      for (const o of plain) if (!(HTTP_PROTOCOLS.has(p.server.protocol) && HTTP_PROTOCOLS.has(o.server.protocol))) note(p, o, "protocolConflict");
    }
  }
}

// rules/gateway-api-listener-conflict/index.ts
function listenersOf(g) {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l, i) => {
    if (!isRecord(l) || typeof l.port !== "number") return [];
    const protocol = (str(l.protocol) ?? "").toUpperCase();
    const hostname = str(l.hostname) || void 0;
    const server = { port: l.port, protocol, bind: "", hosts: [`${g.namespace}/${hostname ?? "*"}`], tls: protocol === "HTTPS" || protocol === "TLS", path: ["spec", "listeners", i] };
    return [{ name: str(l.name) ?? "", hostname, server }];
  });
}
function addressesOf(g) {
  const spec = g.resource.raw.spec;
  if (!isRecord(spec)) return [];
  return arr(spec.addresses).flatMap((a, index) => isRecord(a) && str(a.value) ? [{ type: str(a.type) ?? "IPAddress", value: str(a.value), index }] : []);
}
function sharedServices(g, addresses) {
  if (addresses.length === 0 || addresses.length === 1 && addresses[0].type === "IPAddress") return [];
  return addresses.filter((a) => a.type === "Hostname").map((a) => a.value.includes(".") ? a.value : `${a.value}.${g.namespace}.svc.${DOMAIN_SUFFIX}`);
}
function reportDuplicateListeners(context, g, listeners) {
  const first = /* @__PURE__ */ new Map();
  for (const l of listeners) {
    const key2 = `${l.server.port}|${l.server.protocol}|${l.hostname ?? ""}`;
    const earlier = first.get(key2);
    if (!earlier) {
      first.set(key2, l);
      continue;
    }
    context.report({
      at: { resource: g.resource, path: [...l.server.path, "name"] },
      messageId: "duplicateListener",
      data: { name: g.name, listener: l.name, other: earlier.name, port: l.server.port, protocol: l.server.protocol, hostname: l.hostname ?? "no hostname" },
      related: [{ at: { resource: g.resource, path: [...earlier.server.path, "name"] }, message: `listener "${earlier.name}" has the same port, protocol and hostname` }]
    });
  }
}
function reportClash(context, c, service) {
  const { owner: g, server } = c.at;
  const others = [...c.others.values()];
  context.report({
    at: { resource: g.resource, path: [...server.path, "port"] },
    messageId: c.kind,
    data: {
      name: g.name,
      port: server.port,
      protocol: server.protocol,
      service,
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}" (${o.placed.server.protocol})`), 5),
      hosts: listText([...new Set(others.flatMap((o) => [...o.hosts].map((h) => h.slice(h.indexOf("/") + 1))))])
    },
    related: others.slice(0, 5).map((o) => ({ at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, "port"] }, message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of ${service}` }))
  });
}
var gateway_api_listener_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Gateway API listeners that cannot all work: repeated in one Gateway, clashing on a gateway deployment that Gateways share, or Gateways asking for the same load-balancer IP.",
      url: docsUrl("gateway-api-listener-conflict"),
      recommended: true,
      aliases: ["KIA1501", "KIA1502", "KIA1503"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateListener: 'Listener "{{listener}}" of Gateway "{{name}}" has the port ({{port}}), protocol ({{protocol}}) and hostname ({{hostname}}) of listener "{{other}}": the Gateway CRD requires the combination to be unique, so the API server rejects the Gateway. Merge the listeners, or change the hostname or port of one.',
      sameAddress: 'Gateway "{{name}}" asks for address {{address}}, as Gateway {{others}} does: istiod gives each its own LoadBalancer Service with loadBalancerIP {{address}}, and the load balancer assigns an IP to one Service only, so the other Gateway gets no address. Give each Gateway its own address, or bind them to one gateway deployment with a Hostname address.',
      duplicateTlsHost: 'Gateway "{{name}}" terminates TLS for {{hosts}} on port {{port}} of the shared gateway Service {{service}}, as Gateway {{others}} does: istiod keeps one TLS server per host and port and skips the whole listener it merges second. Serve each hostname once per port on a shared gateway.',
      protocolConflict: 'Gateway "{{name}}" listens on port {{port}} with {{protocol}} on the shared gateway Service {{service}}, and Gateway {{others}} on the same port: istiod merges plaintext listeners of one port only when both speak HTTP, so it skips one of them. Use different ports.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const byService = /* @__PURE__ */ new Map();
    const byAddress = /* @__PURE__ */ new Map();
    return {
      Gateway(g) {
        if (g.isWaypoint) return;
        const listeners = listenersOf(g);
        reportDuplicateListeners(context, g, listeners);
        const addresses = addressesOf(g);
        const services = sharedServices(g, addresses);
        for (const s of services) {
          const list = byService.get(s) ?? [];
          byService.set(s, list);
          for (const l of listeners) list.push({ owner: g, server: l.server });
        }
        const serviceType = g.resource.annotations["networking.istio.io/service-type"] ?? "LoadBalancer";
        if (services.length === 0 && addresses.length === 1 && g.className === "istio" && serviceType === "LoadBalancer") {
          const a = addresses[0];
          const list = byAddress.get(a.value) ?? [];
          byAddress.set(a.value, list);
          list.push({ g, address: a });
        }
      },
      "Mesh:exit"() {
        for (const [service, proxy] of byService) {
          const clashes = /* @__PURE__ */ new Map();
          serverClashes(proxy, clashes);
          for (const c of clashes.values()) reportClash(context, c, service);
        }
        for (const [value, list] of byAddress) {
          if (list.length < 2) continue;
          for (const { g, address } of list) {
            const others = list.filter((o) => o.g !== g);
            context.report({
              at: { resource: g.resource, path: ["spec", "addresses", address.index, "value"] },
              messageId: "sameAddress",
              data: { name: g.name, address: value, others: listText(others.map((o) => `"${o.g.namespace}/${o.g.name}"`), 5) },
              related: others.slice(0, 5).map((o) => ({ at: { resource: o.g.resource, path: ["spec", "addresses", o.address.index, "value"] }, message: `Gateway ${o.g.namespace}/${o.g.name} asks for ${value} too` }))
            });
          }
        }
      }
    };
  }
});

// rules/gateway-api-route-references/index.ts
var GROUP = "gateway.networking.k8s.io";
var ROUTES = /* @__PURE__ */ new Set(["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"]);
function refOf(v, path, defaults) {
  if (!isRecord(v) || !str(v.name)) return void 0;
  return { group: str(v.group) ?? defaults.group, kind: str(v.kind) ?? defaults.kind, namespace: str(v.namespace) ?? defaults.namespace, name: str(v.name), sectionName: str(v.sectionName), path };
}
function known(context, ns) {
  return context.model.mesh.complete || context.model.declaresNamespace(ns);
}
function listenersAdmit(context, gw, routeNs, section) {
  const spec = isRecord(gw.raw.spec) ? gw.raw.spec : {};
  const listeners = arr(spec.listeners).filter((l) => isRecord(l) && (section === void 0 || l.name === section));
  if (listeners.length === 0) return void 0;
  let unknown = false;
  for (const l of listeners) {
    const allowed = isRecord(l.allowedRoutes) && isRecord(l.allowedRoutes.namespaces) ? l.allowedRoutes.namespaces : {};
    const from = str(allowed.from) ?? "Same";
    if (from === "All" || from === "Same" && routeNs === gw.namespace) return true;
    if (from === "Selector") {
      if (!context.model.declaresNamespace(routeNs)) unknown = true;
      else if (isRecord(allowed.selector) && !allowed.selector.matchExpressions && matchesLabels(stringMap(allowed.selector.matchLabels), context.model.namespaceLabels(routeNs))) return true;
      else if (isRecord(allowed.selector) && allowed.selector.matchExpressions) unknown = true;
    }
  }
  return unknown ? void 0 : false;
}
var gateway_api_route_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Gateway API route names a parent Gateway or Service, or a backend Service, that does not exist, does not admit it, or is in another namespace without a ReferenceGrant.",
      url: docsUrl("gateway-api-route-references"),
      recommended: true,
      aliases: ["KIA1401", "KIA1402"],
      tags: ["correctness", "traffic", "gateway-api"]
    },
    messages: {
      unknownParent: '{{kind}} "{{name}}" is attached to {{parentKind}} {{parent}}, which does not exist: the route is not attached there (Accepted=False for that parent). Fix parentRefs.',
      parentNotAllowed: '{{kind}} "{{name}}" is attached to Gateway {{parent}}, but {{listeners}} admit{{s}} no routes from namespace {{namespace}} (allowedRoutes.namespaces): the route is not accepted there. Attach it from an admitted namespace, or widen allowedRoutes.',
      unknownBackend: '{{kind}} "{{name}}" sends traffic to Service {{backend}}, which does not exist: requests for this rule get 500 (ResolvedRefs=False, BackendNotFound). Fix backendRefs.',
      backendNotGranted: '{{kind}} "{{name}}" sends traffic to Service {{backend}} in another namespace, but no ReferenceGrant in namespace {{namespace}} allows {{kind}}s of namespace {{from}} to refer to it: requests for this rule get 500 (ResolvedRefs=False, RefNotPermitted). Add a ReferenceGrant in {{namespace}}.'
    },
    schema: [],
    defaultSeverity: "error"
  },
  create(context) {
    return {
      "Mesh:exit"() {
        const model = context.model;
        const grants = /* @__PURE__ */ new Map();
        for (const r of model.resources) {
          if (r.group !== GROUP || r.kind !== "ReferenceGrant" || !isRecord(r.raw.spec)) continue;
          const list = grants.get(r.namespace) ?? [];
          list.push(r.raw.spec);
          grants.set(r.namespace, list);
        }
        const granted = (route, ref) => (grants.get(ref.namespace) ?? []).some(
          (g) => arr(g.from).some((f) => isRecord(f) && f.group === GROUP && f.kind === route.kind && f.namespace === route.namespace) && arr(g.to).some((t) => isRecord(t) && (t.group ?? "") === "" && t.kind === "Service" && (t.name === void 0 || t.name === ref.name))
        );
        for (const route of model.resources) {
          if (route.group !== GROUP || !ROUTES.has(route.kind) || !isRecord(route.raw.spec)) continue;
          const spec = route.raw.spec;
          const base = { kind: route.kind, name: route.name };
          arr(spec.parentRefs).forEach((v, i) => {
            const ref = refOf(v, ["spec", "parentRefs", i], { group: GROUP, kind: "Gateway", namespace: route.namespace });
            if (!ref) return;
            if (ref.group === GROUP && ref.kind === "Gateway") {
              const gw = model.gateway(ref.namespace, ref.name);
              if (!gw) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownParent", data: { ...base, parentKind: "Gateway", parent: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (listenersAdmit(context, gw.resource, route.namespace, ref.sectionName) === false) {
                context.report({
                  at: { resource: route, path: [...ref.path, "name"] },
                  messageId: "parentNotAllowed",
                  data: { ...base, parent: `${ref.namespace}/${ref.name}`, listeners: ref.sectionName ? `its listener "${ref.sectionName}"` : "its listeners", s: ref.sectionName ? "s" : "", namespace: route.namespace }
                });
              }
            } else if (ref.group === "" && ref.kind === "Service" && !model.service(ref.namespace, ref.name) && known(context, ref.namespace)) {
              context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownParent", data: { ...base, parentKind: "Service", parent: `${ref.namespace}/${ref.name}` } });
            }
          });
          arr(spec.rules).forEach((rule, i) => {
            if (!isRecord(rule)) return;
            arr(rule.backendRefs).forEach((v, j) => {
              const ref = refOf(v, ["spec", "rules", i, "backendRefs", j], { group: "", kind: "Service", namespace: route.namespace });
              if (!ref || ref.group !== "" || ref.kind !== "Service") return;
              if (!model.service(ref.namespace, ref.name)) {
                if (known(context, ref.namespace)) context.report({ at: { resource: route, path: [...ref.path, "name"] }, messageId: "unknownBackend", data: { ...base, backend: `${ref.namespace}/${ref.name}` } });
                return;
              }
              if (ref.namespace !== route.namespace && known(context, ref.namespace) && !granted(route, ref)) {
                context.report({
                  at: { resource: route, path: [...ref.path, "namespace"] },
                  messageId: "backendNotGranted",
                  data: { ...base, backend: `${ref.namespace}/${ref.name}`, namespace: ref.namespace, from: route.namespace }
                });
              }
            });
          });
        }
      }
    };
  }
});

// rules/image-auto-not-injected/index.ts
var image_auto_not_injected_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: 'An istio-proxy container with `image: auto` in a pod the sidecar injector does not inject: the image "auto" cannot be pulled.',
      url: docsUrl("image-auto-not-injected"),
      recommended: true,
      aliases: ["IST0146", "IST0147"],
      tags: ["correctness", "dataplane"]
    },
    messages: {
      imageAutoNotInjected: '{{kind}} "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but its pods get {{dataplane}}: the image "auto" cannot be pulled and the pods never start. Enable injection for them (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.',
      podImageAutoNotInjected: 'Pod "{{name}}" declares an istio-proxy container with `image: auto`, which only the sidecar injector replaces, but it gets {{dataplane}}: the image "auto" cannot be pulled and the pod never starts. Enable injection for it (namespace label istio-injection=enabled, or pod label sidecar.istio.io/inject="true"), or name the proxy image.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: []
  },
  create(context) {
    return {
      Workload(w) {
        if (w.dataplane.mode === "sidecar") return;
        const proxy = podSpecOf(w).containers.find((c) => c.name === "istio-proxy" && c.image === "auto");
        if (!proxy) return;
        const dataplane = w.dataplane.reason ? `${w.dataplane.mode === "ambient" ? "ambient mode" : "no sidecar"} (${w.dataplane.reason})` : "no sidecar";
        context.report({
          at: { resource: w.resource, path: [...proxy.path, "image"] },
          messageId: w.kind === "Pod" ? "podImageAutoNotInjected" : "imageAutoNotInjected",
          data: { kind: w.kind, name: w.name, dataplane },
          assumptions: context.model.assumptionsOf([w])
        });
      }
    };
  }
});

// rules/inbound-port-conflict/index.ts
var MANAGED = "gateway.istio.io/managed";
function containerPort(w, p) {
  if (typeof p.targetPort === "number") return String(p.targetPort);
  const named = w.ports.find((c) => c.name === p.targetPort);
  return named ? String(named.port) : /^\d+$/.test(p.targetPort) ? p.targetPort : `"${p.targetPort}"`;
}
function exposuresByPort(w, services) {
  const out = /* @__PURE__ */ new Map();
  for (const service of services) {
    for (const port2 of service.ports) {
      if (port2.protocol === "UDP" || port2.protocol === "SCTP") continue;
      const key2 = containerPort(w, port2);
      const list = out.get(key2) ?? [];
      list.push({ service, port: port2, protocol: portProtocol(port2) ?? "detected (no protocol named)" });
      out.set(key2, list);
    }
  }
  return out;
}
function distinct(xs) {
  return [...new Set(xs)];
}
var inbound_port_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Services that select the same sidecar workload disagree about one of its ports: different protocols, or different Service ports for one target port.",
      url: docsUrl("inbound-port-conflict"),
      recommended: true,
      aliases: ["IST0116", "IST0137"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      conflictingProtocols: `{{kind}} "{{name}}" is selected by Services {{services}}, which give its port {{port}} different protocols ({{protocols}}): its sidecar builds one inbound chain for the port, with the protocol of the oldest of these Services, so the others' traffic is handled as that protocol. Give the port one protocol in every Service (port name prefix or appProtocol).`,
      conflictingPorts: '{{kind}} "{{name}}" is selected by Services {{services}}, which expose its port {{port}} as different Service ports ({{ports}}){{protocols}}: its sidecar builds one inbound chain for the port from the oldest of these Services only, which decides the protocol and the Service its metrics name. Use the same port number and protocol in every Service that targets it.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.services)
  },
  create(context) {
    const model = context.model;
    return {
      Workload(w) {
        if (w.dataplane.mode !== "sidecar" || w.resource.labels[MANAGED] !== void 0 || isIstioGatewayWorkload(w)) return;
        const services = model.servicesOf(w);
        for (const [port2, exposures] of exposuresByPort(w, services)) {
          const names3 = distinct(exposures.map((e) => `"${e.service.name}"`));
          const protocols = distinct(exposures.map((e) => e.protocol));
          const ports = distinct(exposures.map((e) => e.port.port));
          if (names3.length < 2 && protocols.length < 2) continue;
          if (ports.length < 2 && protocols.length < 2) continue;
          const related = exposures.map((e) => ({
            at: { resource: e.service.resource, path: ["spec", "ports", e.port.index] },
            message: `Service "${e.service.name}" port ${e.port.port} (${e.protocol}) targets it`
          }));
          const data = { kind: w.kind, name: w.name, services: listText(names3), port: port2 };
          const at3 = { resource: w.resource, path: ["metadata", "name"] };
          const assumptions = model.assumptionsOf([w]);
          if (ports.length > 1) {
            const differ = protocols.length > 1 ? ` and protocols (${listText(protocols)})` : "";
            context.report({ at: at3, messageId: "conflictingPorts", data: { ...data, ports: listText(ports.map(String)), protocols: differ }, related, assumptions });
          } else {
            context.report({ at: at3, messageId: "conflictingProtocols", data: { ...data, protocols: listText(protocols) }, related, assumptions });
          }
        }
      }
    };
  }
});

// rules/intent-denied/index.ts
function concretePath(pattern) {
  let p = pattern.replace(/\{\*\*?\}/g, "x");
  if (p.endsWith("*")) p = p.slice(0, -1);
  if (p.startsWith("*")) p = `/x${p.slice(1)}`;
  return p === "" ? "/" : p;
}
function requestsOf(http) {
  if (http.length === 0) return [{}];
  return http.flatMap((h) => (h.methods.length > 0 ? h.methods : ["GET"]).map((method) => ({ method, path: concretePath(h.path) })));
}
function label2(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function firstRefusal(model, o) {
  const targets = o.service ? [{ to: { service: o.service }, name: `Service ${o.service.namespace}/${o.service.name}` }] : o.servers.map((w) => ({ to: { workload: w }, name: label2(w) }));
  for (const client of o.clients) {
    for (const t of targets) {
      for (const r of requestsOf(o.target.http)) {
        const decision = model.checkAccess({ from: { kind: "workload", workload: client }, to: t.to, ...r });
        if (decision.decision === "DENY" && decision.enforcement.length > 0) {
          return { decision, client, server: t.name, request: r.method ? ` (${r.method} ${r.path})` : "" };
        }
      }
    }
  }
  return void 0;
}
var SETTINGS = [
  ["enforcement-default-state", "enforcementDefault"],
  ["enable-istio-policy-creation", "istioPolicyCreation"],
  ["watched-namespaces", "watchedNamespaces"]
];
function fixFor2(o) {
  const why = o.nothing ?? "";
  if (why.includes("native sidecar")) return 'Run istio-proxy as a regular container in the client (sidecar.istio.io/nativeSidecar: "false"), or admit the client with a hand-written policy.';
  if (why.includes("ambient") || why.includes("no sidecar")) return "Inject a sidecar into the client, or admit it with a hand-written policy.";
  if (why.includes("enforcement is off")) return "Protect the server with a ProtectedService (or turn enforcement on), or admit the client with a hand-written policy.";
  if (why.includes("enable-istio-policy-creation")) return "Turn Istio policy creation on in the operator, or admit the client with a hand-written policy.";
  if (why.includes("watched-namespaces")) return "Add the namespace to the operator's watched namespaces, or admit the client with a hand-written policy.";
  return "Admit the client with a hand-written policy, or fix what stops the operator.";
}
var intent_denied_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A call a ClientIntents declares is refused by the mesh: a DENY or CUSTOM policy, ALLOW policies the generated one does not get past, mTLS the client cannot meet, ztunnel dropping the generated HTTP rule, or no policy generated for the client at all.",
      url: docsUrl("intent-denied"),
      recommended: true,
      tags: ["security", "authorization", "otterize"]
    },
    messages: {
      denied: 'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but the mesh refuses it: {{reason}}. The call fails (HTTP 403 or a reset connection); change what refuses it or the intent.',
      deniedNothingGenerated: 'ClientIntents "{{intents}}" declares that {{client}} calls {{server}}{{request}}, but {{why}}, and the mesh refuses the call: {{reason}}. The call fails (HTTP 403 or a reset connection). {{fix}}'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.access, READS.intents)
  },
  create(context) {
    const model = context.model;
    const byIntents = /* @__PURE__ */ new Map();
    for (const o of model.intentOutcomes) {
      const list = byIntents.get(o.intents) ?? [];
      list.push(o);
      byIntents.set(o.intents, list);
    }
    return {
      ClientIntents(intents) {
        for (const o of byIntents.get(intents) ?? []) {
          if (o.target.type !== "kubernetes" && o.target.type !== "service") continue;
          const refusal = firstRefusal(model, o);
          if (!refusal) continue;
          const { decision, client, server, request } = refusal;
          const verdict = o.policy ? decision.policyDecision?.trace.find((v) => v.policy === o.policy && v.note) : void 0;
          const reason2 = verdict ? `${decision.reason}; in the generated policy, ${verdict.note}` : decision.reason;
          const data = { intents: `${intents.namespace}/${intents.name}`, client: label2(client), server, request, reason: reason2 };
          const at3 = { resource: intents.resource, path: o.target.namePath };
          if (o.nothing && !o.policy) {
            const why = o.nothing.replace(/, so the operator (generates nothing for it|fails to generate a policy for it|ignores the intent)$/, "");
            const key2 = SETTINGS.find(([flag]) => why.includes(flag));
            const setting = key2 ? model.otterize.sources[key2[1]] : void 0;
            const related = key2 && setting ? [{ at: setting, message: `the operator's ${key2[0]} is set here` }] : void 0;
            context.report({ at: at3, messageId: "deniedNothingGenerated", data: { ...data, why: `the Otterize operator generates no policy for it (${why})`, fix: fixFor2(o) }, related, assumptions: decision.assumptions });
          } else {
            context.report({ at: at3, messageId: "denied", data, assumptions: decision.assumptions });
          }
        }
      }
    };
  }
});

// rules/intent-shared-service-account/index.ts
function verb(subjects) {
  return subjects.length === 1 ? "does" : "do";
}
function label3(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
var intent_shared_service_account_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "The client of a ClientIntents runs as a service account other workloads share (or as `default`): the policies Otterize generates for it admit them too.",
      url: docsUrl("intent-shared-service-account"),
      recommended: true,
      tags: ["security", "otterize", "authorization"]
    },
    messages: {
      defaultAccount: 'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "default"{{others}}: the policies Otterize generates admit "{{principal}}", so every workload of namespace {{namespace}} without a serviceAccountName gets the access declared here. Give the client its own service account.',
      sharedAccount: 'ClientIntents "{{intents}}" is for {{client}}, which runs as service account "{{account}}", as {{others}} {{verb}}: the policies Otterize generates admit "{{principal}}", so they get the access declared here too. Give the client its own service account.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.intents)
  },
  create(context) {
    const model = context.model;
    const generated = /* @__PURE__ */ new Map();
    for (const o of model.intentOutcomes) {
      if (!o.principal || generated.has(o.intents)) continue;
      generated.set(o.intents, { client: o.clients[0], principal: o.principal, clients: new Set(o.clients) });
    }
    return {
      ClientIntents(intents) {
        const g = generated.get(intents);
        if (!g) return;
        const account = g.client.serviceAccount;
        const others = model.identitiesIn(intents.namespace).flatMap((owner) => owner.workload && owner.serviceAccount === account && !g.clients.has(owner.workload) ? [label3(owner.workload)] : []);
        const data = { intents: `${intents.namespace}/${intents.name}`, client: label3(g.client), principal: g.principal, namespace: intents.namespace, account };
        const at3 = { resource: intents.resource, path: intents.client.path };
        if (account === "default") {
          context.report({ at: at3, messageId: "defaultAccount", data: { ...data, others: others.length > 0 ? ` (as ${listText(others, 3)} ${verb(others)})` : "" } });
        } else if (others.length > 0) {
          context.report({ at: at3, messageId: "sharedAccount", data: { ...data, others: listText(others, 3), verb: verb(others) } });
        }
      }
    };
  }
});

// rules/intent-unknown-target/index.ts
function workloadHint(model, t) {
  const ids = model.workloadsIn(t.namespace).map((w) => ({ w, id: otterizeIdentity(w, model.otterize.workloadNameAnnotation) }));
  const sameName = ids.find(({ id }) => id.name === t.name);
  if (sameName) return ` (${sameName.w.kind} ${sameName.w.name} has that name, but its owner kind is ${sameName.id.kind || "unset: its name comes from an annotation"}, not ${t.kind})`;
  if (model.service(t.namespace, t.name)) return ` (Service ${t.name} exists: to name it, write it as a service target)`;
  const near = closest(t.name, ids.map(({ id }) => id.name));
  return near ? ` (did you mean "${near}"?)` : "";
}
var intent_unknown_target_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ClientIntents target names a workload or Service that is not in the input, in a namespace that is: the call it declares has no server, and the generated policy protects nothing.",
      url: docsUrl("intent-unknown-target"),
      recommended: true,
      tags: ["otterize", "authorization"]
    },
    messages: {
      unknownWorkload: `ClientIntents "{{intents}}" declares a call to {{kind}}"{{name}}" in namespace {{namespace}}, but no workload of the input has that Otterize identity{{hint}}: the policy the operator generates selects no pod, and the call has no server. Name the workload as the operator does (its top owner's name, or its intents.otterize.com/workload-name annotation).`,
      unknownService: 'ClientIntents "{{intents}}" declares a call to Service "{{name}}" in namespace {{namespace}}, which is not in the input{{hint}}: the operator generates no policy for it, and the call has no server. Name an existing Service.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.intents, READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const servers = new Map(model.intentOutcomes.map((o) => [o.target, o.servers]));
    const check3 = (intents, t) => {
      const data = { intents: `${intents.namespace}/${intents.name}`, name: t.name, namespace: t.namespace };
      const at3 = { resource: intents.resource, path: t.namePath };
      if (t.type === "service") {
        if (isKubernetesApiServer(t) || !model.hasNamespace(t.namespace) || model.service(t.namespace, t.name)) return;
        const near = closest(t.name, model.services.filter((s) => s.namespace === t.namespace).map((s) => s.name));
        context.report({ at: at3, messageId: "unknownService", data: { ...data, hint: near ? ` (did you mean "${near}"?)` : "" } });
        return;
      }
      if (t.type !== "kubernetes" || !model.knowsWorkloadsOf(t.namespace)) return;
      if ((servers.get(t)?.length ?? 0) > 0) return;
      context.report({ at: at3, messageId: "unknownWorkload", data: { ...data, kind: t.kind === LEGACY_KIND ? "" : `${t.kind} `, hint: workloadHint(model, t) } });
    };
    return {
      ClientIntents(intents) {
        for (const t of intents.targets) check3(intents, t);
      }
    };
  }
});

// src/model/annotation-values.ts
function invalidAnnotationValue(name, value) {
  return VALIDATORS[name]?.(value);
}
function parseUint(s, max) {
  if (!/^[0-9]+$/.test(s)) return void 0;
  const n = Number(s);
  return n <= max ? n : void 0;
}
function port(s) {
  if (s.trim() === "") return "a port in the list is empty";
  return parseUint(s.trim(), 65535) === void 0 ? `"${s}" is not a port number (0-65535)` : void 0;
}
function portList(value) {
  const trimmed = value.trim();
  if (trimmed === "") return void 0;
  for (const p of trimmed.split(",")) {
    const problem = port(p);
    if (problem) return problem;
  }
  return void 0;
}
var IPV4 = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}$/;
function isPrefix(s) {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9][0-9]*)$/.test(bits)) return false;
  if (IPV4.test(addr)) return Number(bits) <= 32;
  if (addr.includes("%") || !addr.includes(":") || !/^[0-9a-fA-F:.]+$/.test(addr)) return false;
  try {
    new URL(`http://[${addr}]/`);
  } catch {
    return false;
  }
  return Number(bits) <= 128;
}
function cidrList(value) {
  if (value === "") return void 0;
  const bad = value.split(",").find((c) => !isPrefix(c));
  return bad === void 0 ? void 0 : `"${bad}" is not a CIDR (address/prefix length)`;
}
function interfaceNames(value) {
  if (value === "") return void 0;
  for (const raw of value.split(",")) {
    const name = raw.trim();
    if (name === "") return "an interface name is empty";
    if (name.length > 15) return `interface name "${name}" is longer than 15 characters`;
    if (!/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(name)) return `interface name "${name}" contains invalid characters`;
  }
  return void 0;
}
var GO_BOOLS = /* @__PURE__ */ new Set(["1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"]);
var QUANTITY = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;
var uint32 = (v) => parseUint(v, 4294967295) === void 0 ? `"${v}" is not a non-negative whole number` : void 0;
var quantity = (v) => QUANTITY.test(v) ? void 0 : `"${v}" is not a Kubernetes quantity (e.g. 100m, 128Mi)`;
var VALIDATORS = {
  "sidecar.istio.io/interceptionMode": (v) => ["REDIRECT", "TPROXY", "NONE"].includes(v) ? void 0 : `"${v}" is not REDIRECT, TPROXY or NONE`,
  "status.sidecar.istio.io/port": port,
  "readiness.status.sidecar.istio.io/initialDelaySeconds": uint32,
  "readiness.status.sidecar.istio.io/periodSeconds": uint32,
  "readiness.status.sidecar.istio.io/failureThreshold": uint32,
  "traffic.sidecar.istio.io/includeOutboundIPRanges": (v) => v === "*" ? void 0 : cidrList(v),
  "traffic.sidecar.istio.io/excludeOutboundIPRanges": cidrList,
  "traffic.sidecar.istio.io/includeInboundPorts": (v) => v === "*" ? void 0 : portList(v),
  "traffic.sidecar.istio.io/excludeInboundPorts": portList,
  "traffic.sidecar.istio.io/excludeOutboundPorts": portList,
  "traffic.sidecar.istio.io/excludeInterfaces": interfaceNames,
  "traffic.sidecar.istio.io/kubevirtInterfaces": interfaceNames,
  "istio.io/reroute-virtual-interfaces": interfaceNames,
  "prometheus.istio.io/merge-metrics": (v) => GO_BOOLS.has(v) ? void 0 : `"${v}" is not true or false`,
  "sidecar.istio.io/proxyCPU": quantity,
  "sidecar.istio.io/proxyMemory": quantity,
  "sidecar.istio.io/proxyCPULimit": quantity,
  "sidecar.istio.io/proxyMemoryLimit": quantity
};

// src/model/istio-annotations.gen.ts
var ISTIO_ANNOTATIONS = {
  "alpha.istio.io/canonical-serviceaccounts": { featureStatus: "Alpha", deprecated: true, resources: ["Service"] },
  "alpha.istio.io/kubernetes-serviceaccounts": { featureStatus: "Alpha", deprecated: true, resources: ["Service"] },
  "ambient.istio.io/bypass-inbound-capture": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/dns-capture": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/redirection": { featureStatus: "Beta", deprecated: false, resources: ["Pod"] },
  "ambient.istio.io/waypoint-inbound-binding": { featureStatus: "Alpha", deprecated: false, resources: ["GatewayClass", "Gateway"] },
  "galley.istio.io/analyze-suppress": { featureStatus: "Alpha", deprecated: false, resources: ["Any"] },
  "gateway.istio.io/controller-version": { featureStatus: "Alpha", deprecated: false, resources: ["Any"] },
  "gateway.istio.io/name-override": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "gateway.istio.io/service-account": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "inject.istio.io/templates": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/autoRegistrationGroup": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/connectedAt": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/disconnectedAt": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "istio.io/dry-run": { featureStatus: "Alpha", deprecated: false, resources: ["AuthorizationPolicy"] },
  "istio.io/reroute-virtual-interfaces": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/rev": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "istio.io/use-waypoint-canary-weight": { featureStatus: "Alpha", deprecated: false, resources: ["Service", "ServiceEntry", "Namespace"] },
  "istio.io/workloadController": { featureStatus: "Alpha", deprecated: false, resources: ["WorkloadEntry"] },
  "kubernetes.io/ingress.class": { featureStatus: "Stable", deprecated: false, resources: ["Ingress"] },
  "networking.istio.io/exportTo": { featureStatus: "Alpha", deprecated: false, resources: ["Service"] },
  "networking.istio.io/service-type": { featureStatus: "Alpha", deprecated: false, resources: ["Gateway"] },
  "networking.istio.io/traffic-distribution": { featureStatus: "Alpha", deprecated: false, resources: ["Namespace", "Service", "ServiceEntry"] },
  "prometheus.istio.io/merge-metrics": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "proxy.istio.io/config": { featureStatus: "Beta", deprecated: false, resources: ["Pod"] },
  "proxy.istio.io/overrides": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/applicationPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/failureThreshold": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/initialDelaySeconds": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "readiness.status.sidecar.istio.io/periodSeconds": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/agentLogLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/bootstrapOverride": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/componentLogLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/discoveryAddress": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/extraStatTags": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/inject": { featureStatus: "Beta", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/interceptionMode": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/logLevel": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/nativeSidecar": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyCPU": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyCPULimit": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyImage": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyImageType": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyMemory": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/proxyMemoryLimit": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/rewriteAppHTTPProbers": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsCompression": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsEvictionInterval": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsFlushInterval": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsHistogramBins": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsHistogramBuckets": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionPrefixes": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionRegexps": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/statsInclusionSuffixes": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] },
  "sidecar.istio.io/status": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/userVolume": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "sidecar.istio.io/userVolumeMount": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "status.sidecar.istio.io/port": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "topology.istio.io/controlPlaneClusters": { featureStatus: "Alpha", deprecated: false, resources: ["Namespace"] },
  "traffic.istio.io/nodeSelector": { featureStatus: "Stable", deprecated: false, resources: ["Service"] },
  "traffic.sidecar.istio.io/excludeInboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeInterfaces": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeOutboundIPRanges": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/excludeOutboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeInboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeOutboundIPRanges": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/includeOutboundPorts": { featureStatus: "Alpha", deprecated: false, resources: ["Pod"] },
  "traffic.sidecar.istio.io/kubevirtInterfaces": { featureStatus: "Alpha", deprecated: true, resources: ["Pod"] }
};

// rules/istio-annotations/index.ts
var KNOWN = Object.keys(ISTIO_ANNOTATIONS);
var INJECT = "sidecar.istio.io/inject";
var MANAGED_BY_ISTIOD = "gateway.istio.io/managed";
var SET_BY_ISTIO = /* @__PURE__ */ new Set(["sidecar.istio.io/status", "gateway.istio.io/controller-version", "istio.io/rev"]);
var SET_BY_INJECTOR = /* @__PURE__ */ new Set([
  "sidecar.istio.io/interceptionMode",
  "traffic.sidecar.istio.io/includeInboundPorts",
  "traffic.sidecar.istio.io/excludeInboundPorts",
  "traffic.sidecar.istio.io/includeOutboundIPRanges"
]);
function isIstioAnnotation(name) {
  return name === "kubernetes.io/ingress.class" || name.split("/")[0].endsWith("istio.io");
}
function hasIstioInit(raw) {
  const init = raw.spec?.initContainers;
  return Array.isArray(init) && init.some((c) => c?.name === "istio-init");
}
var istio_annotations_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An Istio annotation that Istio does not know, that belongs on another kind of object, whose value the sidecar injector refuses, or that is deprecated (or alpha, on request).",
      url: docsUrl("istio-annotations"),
      recommended: true,
      aliases: ["IST0107", "IST0108", "IST0125", "IST0135", "IST0136"],
      tags: ["sidecar", "annotations"]
    },
    messages: {
      unknownAnnotation: `{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Check its name against Istio's annotation reference, or remove it.`,
      unknownAnnotationNear: '{{subject}} has annotation "{{annotation}}", which Istio does not know: nothing reads it, so it has no effect. Did you mean "{{near}}"?',
      misplacedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio reads only on {{kinds}}: here it has no effect. {{fix}}',
      invalidAnnotation: '{{subject}} has annotation "{{annotation}}" with a value the sidecar injector refuses: {{reason}}. Injecting a sidecar into such a pod fails, and since the injection webhook fails closed, the pod is not created. Fix the value.',
      deprecatedAnnotation: '{{subject}} has annotation "{{annotation}}", which Istio has deprecated: it may stop working in a future release. {{fix}}',
      alphaAnnotation: '{{subject}} has annotation "{{annotation}}", an alpha feature of Istio: it may change or go away in a future release, and may not be suitable for production.'
    },
    schema: [
      {
        type: "object",
        properties: { alpha: { type: "boolean", description: "Also report alpha annotations (istioctl analyze leaves its AlphaAnalyzer out of the default run, as most annotations are alpha)." } },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ alpha: false }],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const reportAlpha = context.options[0].alpha;
    function check3(o) {
      if (o.resource.labels[MANAGED_BY_ISTIOD] !== void 0) return;
      for (const [annotation, value] of Object.entries(o.annotations)) {
        if (!isIstioAnnotation(annotation) || SET_BY_ISTIO.has(annotation)) continue;
        const at3 = { resource: o.resource, path: [...o.metadata, "annotations", annotation], part: "key" };
        const data = { subject: o.subject, annotation };
        const def = ISTIO_ANNOTATIONS[annotation];
        if (!def) {
          const near = closest(annotation, KNOWN);
          context.report(near ? { at: at3, messageId: "unknownAnnotationNear", data: { ...data, near } } : { at: at3, messageId: "unknownAnnotation", data });
          continue;
        }
        if (reportAlpha && def.featureStatus === "Alpha" && !(o.cniCapture && SET_BY_INJECTOR.has(annotation))) {
          context.report({ at: at3, messageId: "alphaAnnotation", data });
        }
        if (def.deprecated && !(annotation === INJECT && o.labels[INJECT] !== void 0)) {
          const fix = annotation === INJECT ? `Set the pod label "${INJECT}" instead.` : "Look up what replaces it in Istio's annotation reference, or remove it.";
          context.report({ at: at3, messageId: "deprecatedAnnotation", data: { ...data, fix } });
        }
        if (def.resources.includes("Any")) continue;
        if (!def.resources.includes(o.kind)) {
          const fix = o.kind === "Deployment" && def.resources.includes("Pod") ? "Move it to the pod template (spec.template.metadata.annotations)." : `Move it to the ${listText([...def.resources])} it is meant for, or remove it.`;
          context.report({ at: at3, messageId: "misplacedAnnotation", data: { ...data, kinds: listText([...def.resources]), fix } });
          continue;
        }
        const reason2 = invalidAnnotationValue(annotation, value);
        if (reason2) context.report({ at: at3, messageId: "invalidAnnotation", data: { ...data, reason: reason2 } });
      }
    }
    return {
      Namespace(ns) {
        if (ns.resource) check3({ resource: ns.resource, metadata: ["metadata"], kind: "Namespace", subject: `Namespace "${ns.name}"`, annotations: ns.resource.annotations, labels: ns.labels });
      },
      Service(s) {
        check3({ resource: s.resource, metadata: ["metadata"], kind: "Service", subject: `Service "${s.resource.name}"`, annotations: s.resource.annotations, labels: s.resource.labels });
      },
      Workload(w) {
        const r = w.resource;
        const subject2 = `${w.kind} "${w.name}"`;
        if (w.kind === "Pod") {
          check3({ resource: r, metadata: w.podMetadataPath, kind: "Pod", subject: subject2, annotations: w.podAnnotations, labels: w.podLabels, cniCapture: !hasIstioInit(r.raw) });
          return;
        }
        if (r.kind === "Deployment") check3({ resource: r, metadata: ["metadata"], kind: "Deployment", subject: subject2, annotations: r.annotations, labels: r.labels });
        check3({ resource: r, metadata: w.podMetadataPath, kind: "Pod", subject: `The pod template of ${subject2}`, annotations: w.podAnnotations, labels: w.podLabels });
      }
    };
  }
});

// rules/istio-gateway-servers/index.ts
var selectorText = (g) => Object.entries(g.selector).map(([k, v]) => `${k}=${v}`).sort().join(",");
function gatewayPods(model, g) {
  if (Object.keys(g.selector).length === 0) return [];
  return [...model.workloadNamespaces()].flatMap((ns) => model.selectWorkloads(ns, g.selector));
}
function reportClash2(context, c) {
  const { owner: gateway, server } = c.at;
  const others = [...c.others.values()];
  const hosts = new Set(others.flatMap((o) => [...o.hosts]));
  context.report({
    at: { resource: gateway.resource, path: [...server.path, "port", "number"] },
    messageId: c.kind,
    data: {
      name: gateway.name,
      port: server.port,
      protocol: server.protocol || "no protocol",
      others: listText(others.map((o) => `"${o.placed.owner.namespace}/${o.placed.owner.name}"${c.kind === "protocolConflict" ? ` (${o.placed.server.protocol || "no protocol"})` : ""}`), 5),
      hosts: listText([...hosts].sort()),
      selector: selectorText(gateway)
    },
    related: others.slice(0, 5).map((o) => ({
      at: { resource: o.placed.owner.resource, path: [...o.placed.server.path, "port", "number"] },
      message: `Gateway ${o.placed.owner.namespace}/${o.placed.owner.name} also listens on port ${o.placed.server.port} of the same gateway pods`
    }))
  });
}
function servicePorts(model, pods) {
  const out = /* @__PURE__ */ new Set();
  for (const w of pods) {
    for (const s of model.servicesOf(w)) {
      for (const p of s.ports) {
        if (p.protocol !== "TCP") continue;
        out.add(p.port);
        if (typeof p.targetPort === "number") out.add(p.targetPort);
        else for (const c of w.ports) if (c.name === p.targetPort) out.add(c.port);
      }
    }
  }
  return out;
}
function reportPods(context, g, pods) {
  const model = context.model;
  if (Object.keys(g.selector).length === 0) return;
  if (pods.length === 0) {
    if (model.mesh.complete) context.report({ at: { resource: g.resource, path: ["spec", "selector"], part: "key" }, messageId: "selectsNoPod", data: { name: g.name, selector: selectorText(g) } });
    return;
  }
  const ports = servicePorts(model, pods);
  if (!model.mesh.complete && !pods.some((w) => model.servicesOf(w).length > 0)) return;
  for (const s of g.servers) {
    if (ports.has(s.port)) continue;
    context.report({
      at: { resource: g.resource, path: [...s.path, "port", "number"] },
      messageId: "portNotOnService",
      data: { name: g.name, port: s.port, pods: listText(pods.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3) }
    });
  }
}
var istio_gateway_servers_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An Istio Gateway's servers do not work as written: they clash with another Gateway's on the same proxy, select no pod, or listen on a port the gateway's Service does not expose.",
      url: docsUrl("istio-gateway-servers"),
      recommended: true,
      aliases: ["IST0101", "IST0145", "IST0162", "KIA0301", "KIA0302"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      duplicateTlsHost: 'Gateway "{{name}}" serves {{hosts}} with TLS on port {{port}}, as Gateway {{others}} does on the same gateway pods ({{selector}}): istiod skips the whole server of the Gateway it merges second, all its hosts included. Serve each host once per port, or give the servers different ports or binds.',
      protocolConflict: 'Gateway "{{name}}" listens on port {{port}} with {{protocol}}, and Gateway {{others}} on the same port of the same gateway pods ({{selector}}): istiod merges plaintext servers of one port only when both speak HTTP, so it skips one of them. Use different ports, or the same HTTP protocol.',
      selectsNoPod: `Gateway "{{name}}" selects pods labelled {{selector}}, and no pod of the input has these labels: no gateway proxy takes its servers. Fix the selector to match the gateway deployment's labels.`,
      portNotOnService: `Gateway "{{name}}" listens on port {{port}}, which no Service of its gateway pods ({{pods}}) exposes as a port or target port: the proxy opens the listener, but traffic through the gateway's Service cannot reach it. Add the port to the gateway Service, or use a port it exposes.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.services, READS.workloads)
  },
  create(context) {
    const groups = /* @__PURE__ */ new Map();
    const podsBySelector = /* @__PURE__ */ new Map();
    const place = (key2, p) => {
      const list = groups.get(key2);
      if (list) list.push(p);
      else groups.set(key2, [p]);
    };
    return {
      IstioGateway(r) {
        const g = context.model.istioGatewayOf(r);
        if (!g) return;
        const key2 = selectorText(g);
        let pods = podsBySelector.get(key2);
        if (!pods) podsBySelector.set(key2, pods = gatewayPods(context.model, g));
        for (const server of g.servers) {
          place(`selector:${key2}`, { owner: g, server });
          for (const w of pods) place(w, { owner: g, server });
        }
        reportPods(context, g, pods);
      },
      "Mesh:exit"() {
        const clashes = /* @__PURE__ */ new Map();
        for (const group of groups.values()) serverClashes(group, clashes);
        for (const c of clashes.values()) reportClash2(context, c);
      }
    };
  }
});

// rules/jwks-fetch-unrestricted/index.ts
var FLAG = "BLOCKED_CIDRS_IN_JWKS_URIS";
function fetchesKeys(p) {
  return arr(p.spec.jwtRules).some((r) => isRecord(r) && (typeof r.jwks !== "string" || r.jwks === ""));
}
function setsFlag(w) {
  const spec = isRecord(w.resource.raw.spec) ? w.resource.raw.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  const podSpec = isRecord(template.spec) ? template.spec : {};
  return arr(podSpec.containers).some((c) => isRecord(c) && arr(c.env).some((e) => isRecord(e) && e.name === FLAG && (typeof e.value !== "string" || e.value !== "")));
}
var jwks_fetch_unrestricted_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "RequestAuthentications make istiod fetch JWKS URLs while istiod does not set BLOCKED_CIDRS_IN_JWKS_URIS, so it fetches from private and loopback addresses.",
      url: docsUrl("jwks-fetch-unrestricted"),
      recommended: true,
      aliases: ["IST0175"],
      tags: ["security", "authentication"]
    },
    messages: {
      unrestrictedFetch: 'istiod Deployment "{{name}}" does not set BLOCKED_CIDRS_IN_JWKS_URIS, and {{count}} RequestAuthentication(s) ({{policies}}) make it fetch keys by URL: istiod fetches from any private or loopback address a jwksUri resolves to, so whoever may write a RequestAuthentication can make istiod call in-cluster endpoints. Set BLOCKED_CIDRS_IN_JWKS_URIS to the ranges istiod must not reach.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.requestAuthentications, READS.workloads)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        const model = context.model;
        const fetching = model.requestAuthentications.filter(fetchesKeys);
        if (fetching.length === 0) return;
        const names3 = fetching.map((p) => `${p.namespace}/${p.name}`);
        const shown = names3.length > 5 ? `${names3.slice(0, 5).join(", ")} and ${names3.length - 5} more` : listText(names3);
        for (const w of model.workloads) {
          if (w.kind !== "Deployment" || w.resource.labels.app !== "istiod" && w.podLabels.app !== "istiod" || setsFlag(w)) continue;
          context.report({
            at: { resource: w.resource, path: ["metadata", "name"] },
            messageId: "unrestrictedFetch",
            data: { name: w.name, count: fetching.length, policies: shown },
            related: [{ at: { resource: fetching[0].resource, path: ["spec", "jwtRules"] }, message: `RequestAuthentication ${names3[0]} fetches its keys` }]
          });
        }
      }
    };
  }
});

// rules/jwt-claim-routing/index.ts
var CLAIM = "@request.auth.claims";
function claimMatch(vs) {
  const spec = isRecord(vs.resource.raw.spec) ? vs.resource.raw.spec : {};
  let found;
  arr(spec.http).forEach((rule, i) => {
    if (found || !isRecord(rule)) return;
    arr(rule.match).forEach((m, j) => {
      if (found || !isRecord(m)) return;
      for (const field of ["headers", "withoutHeaders"]) {
        const headers = m[field];
        if (!isRecord(headers)) continue;
        const key2 = Object.keys(headers).find((k) => k.toLowerCase().startsWith(`${CLAIM}.`) || k.toLowerCase().startsWith(`${CLAIM}[`));
        if (key2) {
          found = { key: key2, path: ["spec", "http", i, "match", j, field, key2], without: field === "withoutHeaders" };
          return;
        }
      }
    });
  });
  return found;
}
function requestAuthenticationsFor(context, w) {
  const model = context.model;
  const namespaces = w.namespace === model.rootNamespace ? [w.namespace] : [w.namespace, model.rootNamespace];
  return namespaces.flatMap(
    (ns) => model.policiesIn("RequestAuthentication", ns).filter((p) => p.targetRefs.length === 0 && (!p.selector || matchesLabels(p.selector, w.podLabels)))
  );
}
var jwt_claim_routing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService routes on a JWT claim at a gateway whose pods no RequestAuthentication applies to, so the claim is never set.",
      url: docsUrl("jwt-claim-routing"),
      recommended: true,
      aliases: ["IST0149"],
      tags: ["authentication", "traffic"]
    },
    messages: {
      noRequestAuthentication: 'VirtualService "{{name}}" matches on JWT claim "{{claim}}" at gateway {{gateway}}, but no RequestAuthentication applies to its pods ({{pods}}): no token is validated there, so the claim is never set and this match {{consequence}}. Add a RequestAuthentication that selects the gateway pods.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.requestAuthentications, READS.istioGateways, READS.workloads)
  },
  create(context) {
    return {
      VirtualService(r) {
        const model = context.model;
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const match = claimMatch(vs);
        if (!match) return;
        for (const g of vs.gateways) {
          if (g.name === "mesh") continue;
          const slash = g.name.indexOf("/");
          const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
          const gw = model.istioGateway(ns, name);
          if (!gw || Object.keys(gw.selector).length === 0) continue;
          const pods = [];
          for (const podNs of model.workloadNamespaces()) pods.push(...model.selectWorkloads(podNs, gw.selector));
          const unauthenticated = pods.filter((w) => (model.mesh.complete || model.hasNamespace(w.namespace) && model.hasNamespace(model.rootNamespace)) && requestAuthenticationsFor(context, w).length === 0);
          if (unauthenticated.length === 0) continue;
          context.report({
            at: { resource: vs.resource, path: match.path, part: "key" },
            messageId: "noRequestAuthentication",
            data: {
              name: vs.name,
              claim: match.key,
              gateway: `${ns}/${name}`,
              pods: listText(unauthenticated.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (unauthenticated.length > 3 ? ` and ${unauthenticated.length - 3} more` : ""),
              consequence: match.without ? "in withoutHeaders always matches" : "never matches"
            }
          });
        }
      }
    };
  }
});

// src/authz/fields.ts
function whenKeyMatches(key2, keys) {
  return keys.some((k) => k.endsWith("[") ? key2.startsWith(k) : key2 === k);
}
function stringEntries(v, base) {
  const out = [];
  arr(v).forEach((x, i) => {
    const s = str(x);
    if (s !== void 0) out.push({ value: s, path: [...base, i] });
  });
  return out;
}
function sourceFieldUses(p, spec, splitConditions = false) {
  const out = [];
  (p.rules ?? []).forEach((rule, ruleIndex) => {
    if (!isRecord(rule)) return;
    const base = ["spec", "rules", ruleIndex];
    const froms = arr(rule.from);
    froms.forEach((from, fromIndex) => {
      const src = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      if (!src) return;
      for (const [field, negative] of spec.source) {
        const path = [...base, "from", fromIndex, "source", field];
        const values = stringEntries(src[field], path);
        if (values.length === 0) continue;
        out.push({ ruleIndex, field, fromIndex, fromCount: froms.length, negative, values, at: { path, part: "key" } });
      }
    });
    arr(rule.when).forEach((when, whenIndex) => {
      if (!isRecord(when) || typeof when.key !== "string" || !whenKeyMatches(when.key, spec.when)) return;
      const wbase = [...base, "when", whenIndex];
      const values = stringEntries(when.values, [...wbase, "values"]);
      const notValues = stringEntries(when.notValues, [...wbase, "notValues"]);
      if (values.length === 0 && notValues.length === 0) return;
      if (splitConditions) {
        for (const [list, negative2, key2] of [[values, false, "values"], [notValues, true, "notValues"]]) {
          if (list.length === 0) continue;
          out.push({ ruleIndex, field: when.key, whenIndex, fromCount: froms.length, negative: negative2, values: list, at: { path: [...wbase, key2], part: "key" } });
        }
        return;
      }
      const negative = values.length === 0;
      out.push({
        ruleIndex,
        field: when.key,
        whenIndex,
        fromCount: froms.length,
        negative,
        values: negative ? notValues : values,
        at: { path: [...wbase, "key"], part: "value" }
      });
    });
  });
  return out;
}
function fieldLabel(use) {
  return use.whenIndex === void 0 ? `"${use.field}"` : `the "${use.field}" condition`;
}
function noCallerConsequence(p, use, detail = false) {
  if (use.negative) return p.action === "DENY" ? "it spares no caller from this DENY rule" : "it excludes no caller";
  switch (p.action) {
    case "DENY":
      return detail ? "it denies no caller: the traffic it should block gets through" : "it denies no caller";
    case "AUDIT":
      return "it audits no caller";
    case "CUSTOM":
      return "it sends no caller to the external authorizer";
    default:
      return detail ? "it admits no caller: its intended callers are refused unless another rule admits them" : "it admits no caller";
  }
}

// rules/jwt-without-requestauthentication/index.ts
var FIELDS = {
  source: [
    ["requestPrincipals", false],
    ["notRequestPrincipals", true]
  ],
  when: ["request.auth.principal", "request.auth.audiences", "request.auth.presenter", "request.auth.claims["]
};
var GATEWAY_GROUP = "gateway.networking.k8s.io";
var WAYPOINT_CLASS = "istio-waypoint";
function subset(selector, labels) {
  if (!selector) return true;
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}
function workloadLabel(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function describe2(names3) {
  return names3.length > 3 ? `${names3.slice(0, 3).join(", ")} and ${names3.length - 3} more` : names3.join(", ");
}
function issuersOf(ra) {
  const out = [];
  for (const rule of arr(ra.spec.jwtRules)) {
    const iss = isRecord(rule) ? str(rule.issuer) : void 0;
    if (!iss) return void 0;
    out.push(iss);
  }
  return out;
}
function hasJwtRules(ra) {
  return arr(ra.spec.jwtRules).length > 0;
}
function refKey(ns, kind, name) {
  return `${ns}\0${kind}\0${name}`;
}
function refKind(ref) {
  const group = ref.group === "core" ? "" : ref.group;
  if (ref.kind === "Service" && group === "") return "Service";
  if (ref.kind === "Gateway" && group === GATEWAY_GROUP) return "Gateway";
  if (ref.kind === "GatewayClass" && group === GATEWAY_GROUP) return "GatewayClass";
  if (ref.kind === "ServiceEntry" && group === "networking.istio.io") return "ServiceEntry";
  return void 0;
}
var Finder = class {
  constructor(model) {
    this.model = model;
    for (const ra of model.requestAuthentications) {
      if (!hasJwtRules(ra)) continue;
      for (const ref of ra.targetRefs) {
        const kind = refKind(ref);
        if (!kind) continue;
        if (ref.namespace && ref.namespace !== ra.namespace) continue;
        const key2 = refKey(ra.namespace, kind, ref.name);
        this.byTarget.set(key2, [...this.byTarget.get(key2) ?? [], ra]);
        if (kind === "Service") this.serviceAttached.push({ ra, ns: ra.namespace, name: ref.name });
      }
    }
  }
  model;
  /** RequestAuthentications with rules, by the `targetRefs` they attach to. */
  byTarget = /* @__PURE__ */ new Map();
  /** Service-attached RequestAuthentications, for waypoints that serve those Services. */
  serviceAttached = [];
  attached(ns, kind, name) {
    return this.byTarget.get(refKey(ns, kind, name)) ?? [];
  }
  selectingCache = /* @__PURE__ */ new Map();
  /** Selector and namespace-wide RequestAuthentications of a workload (authentication.go, getConfigsForWorkload), once per workload. */
  selecting(w) {
    const cached = this.selectingCache.get(w);
    if (cached) return cached;
    const out = [];
    this.selectingCache.set(w, out);
    const consider2 = (ns) => {
      for (const ra of this.model.policiesIn("RequestAuthentication", ns)) {
        if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, w.podLabels)) out.push(ra);
      }
    };
    consider2(w.namespace);
    if (w.namespace !== this.model.rootNamespace) consider2(this.model.rootNamespace);
    const gatewayName = w.podLabels["gateway.networking.k8s.io/gateway-name"];
    if (gatewayName) out.push(...this.attached(w.namespace, "Gateway", gatewayName));
    return out;
  }
  /**
   * Where Envoy evaluates a selector (or namespace-wide) policy: its workloads that have a sidecar,
   * and Istio gateways. Ambient workloads without a waypoint are ztunnel's (see ztunnel-l7-policy);
   * workloads without a proxy enforce nothing.
   */
  selectorPoints(p) {
    const out = [];
    for (const w of this.model.policyWorkloads(p)) {
      if (w.dataplane.mode !== "sidecar" && !isIstioGatewayWorkload(w)) continue;
      out.push({ name: workloadLabel(w), requestAuthentications: this.selecting(w), dataplane: w.dataplane });
    }
    return out;
  }
  /**
   * Where a `targetRefs` policy is enforced, when the input says: the waypoint of a Service, or a
   * Gateway. A RequestAuthentication reaches it when attached to the same Service, to that
   * waypoint or Gateway, to the `istio-waypoint` GatewayClass from the root namespace, or — for a
   * waypoint — to any Service it serves; and, for a Gateway that is not a waypoint, by selector.
   */
  targetPoints(p) {
    const out = [];
    const root = this.model.rootNamespace;
    for (const ref of p.targetRefs) {
      const kind = refKind(ref);
      if (ref.namespace && ref.namespace !== p.namespace) continue;
      if (kind === "Service") {
        const svc = this.model.service(p.namespace, ref.name);
        const wp = svc ? this.model.waypointOfService(svc) : void 0;
        if (!svc || !wp) continue;
        const ras = [...this.attached(p.namespace, "Service", ref.name), ...this.attached(wp.namespace, "Gateway", wp.name)];
        if (wp.gateway?.isWaypoint !== false) ras.push(...this.attached(root, "GatewayClass", WAYPOINT_CLASS));
        out.push({ name: `Service ${p.namespace}/${ref.name} (waypoint ${wp.namespace}/${wp.name})`, requestAuthentications: ras });
      } else if (kind === "Gateway") {
        const gw = this.model.gateway(p.namespace, ref.name);
        if (!gw) continue;
        const ras = [...this.attached(gw.namespace, "Gateway", gw.name)];
        if (gw.isWaypoint) {
          ras.push(...this.attached(root, "GatewayClass", WAYPOINT_CLASS));
          for (const s of this.serviceAttached) {
            const svc = this.model.service(s.ns, s.name);
            const wp = svc ? this.model.waypointOfService(svc) : void 0;
            if (wp && wp.namespace === gw.namespace && wp.name === gw.name) ras.push(s.ra);
          }
        } else {
          const labels = { "gateway.networking.k8s.io/gateway-name": gw.name };
          for (const ns of /* @__PURE__ */ new Set([gw.namespace, root])) {
            for (const ra of this.model.policiesIn("RequestAuthentication", ns)) {
              if (ra.targetRefs.length === 0 && hasJwtRules(ra) && subset(ra.selector, labels)) ras.push(ra);
            }
          }
        }
        out.push({ name: `${gw.isWaypoint ? "waypoint" : "Gateway"} ${gw.namespace}/${gw.name}`, requestAuthentications: ras });
      }
    }
    return out;
  }
};
function consequence(p, use) {
  if (use.negative) {
    switch (p.action) {
      case "DENY":
        return "it matches every request, so this rule denies all that meet its other conditions, even with a valid token";
      case "AUDIT":
        return "it matches every request, so this rule audits all that meet its other conditions";
      case "CUSTOM":
        return "it matches every request, so this rule sends all that meet its other conditions to the external authorizer";
      default:
        return "it matches every request, so this rule admits them without any token";
    }
  }
  switch (p.action) {
    case "DENY":
      return "it never matches, so the requests this rule should block get through";
    case "AUDIT":
      return "it never matches, so this rule audits nothing";
    case "CUSTOM":
      return "it never matches, so this rule sends nothing to the external authorizer";
    default:
      return "it never matches, so requests get 403, token or not, unless another rule admits them";
  }
}
function issuerPattern(value) {
  const idx = value.lastIndexOf("/");
  const found = idx >= 0;
  const iss = found ? value.slice(0, idx) : value;
  if (value === "*") return { kind: "any", issuer: "" };
  if (value.startsWith("*")) {
    if (!found || iss === "*") return { kind: "any", issuer: "" };
    return { kind: "suffix", issuer: iss.slice(1) };
  }
  if (value.endsWith("*")) return found ? { kind: "exact", issuer: iss } : { kind: "prefix", issuer: value.slice(0, -1) };
  return found ? { kind: "exact", issuer: iss } : "no-subject";
}
function issuerMatches(p, issuer) {
  if (p.kind === "any") return true;
  if (p.kind === "suffix") return issuer.endsWith(p.issuer);
  if (p.kind === "prefix") return issuer.startsWith(p.issuer);
  return issuer === p.issuer;
}
function suggestedIssuer(uses) {
  for (const use of uses) {
    if (use.field !== "requestPrincipals" && use.field !== "request.auth.principal") continue;
    for (const v of use.values) {
      const ip = issuerPattern(v.value);
      if (ip !== "no-subject" && ip.kind === "exact" && ip.issuer) return ip.issuer;
    }
  }
  return void 0;
}
function requestAuthenticationYaml(p, issuer) {
  const lines = [
    "apiVersion: security.istio.io/v1",
    "kind: RequestAuthentication",
    "metadata:",
    `  name: ${p.name}-jwt`,
    `  namespace: ${p.namespace}`,
    "spec:"
  ];
  if (p.targetRefs.length > 0) {
    lines.push("  targetRefs:");
    for (const r of p.targetRefs) lines.push(`  - kind: ${r.kind}`, `    group: ${JSON.stringify(r.group)}`, `    name: ${r.name}`);
  } else if (p.selector && Object.keys(p.selector).length > 0) {
    lines.push("  selector:", "    matchLabels:");
    for (const [k, v] of Object.entries(p.selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  }
  const iss = issuer ?? "https://issuer.example.com";
  const base = /^https?:\/\//.test(iss) ? iss.replace(/\/$/, "") : "https://issuer.example.com";
  lines.push("  jwtRules:", `  - issuer: ${JSON.stringify(iss)}`, `    jwksUri: ${JSON.stringify(`${base}/.well-known/jwks.json`)}`, "");
  return lines.join("\n");
}
var MESSAGES = {
  noRequestAuthentication: 'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  // The root namespace is not in the input: a mesh-wide RequestAuthentication may exist outside it.
  noRequestAuthenticationInInput: 'AuthorizationPolicy "{{name}}" uses {{field}}, which needs a validated JWT, but no RequestAuthentication in the input applies to {{target}}: {{consequence}}. Add a RequestAuthentication for {{them}}.',
  noSubject: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: a request principal is "<issuer>/<subject>" and it has no "/", so it needs a token with an empty subject, which no token has. In {{field}} {{effect}}. Use "{{fixed}}".',
  issuerNotAccepted: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  // The value is an accepted issuer itself (one that ends in "*"): it lacks the subject.
  issuerNotAcceptedUse: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".',
  // An exact value is split at its last "/": a URL issuer without a subject loses its path.
  splitIssuerNotAccepted: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Name an issuer they accept, or add a RequestAuthentication for it.',
  splitIssuerNotAcceptedUse: 'AuthorizationPolicy "{{name}}": request principal "{{value}}" never matches: it is read as issuer "{{issuer}}", subject "{{subject}}" (split at the last "/"), and the RequestAuthentications here accept only {{issuers}}. In {{field}} {{effect}}. Use "{{fixed}}".'
};
function checkIssuers(context, p, uses, points) {
  const issuers = /* @__PURE__ */ new Set();
  let allKnown = true;
  for (const pt of points) {
    for (const ra of pt.requestAuthentications) {
      const list = issuersOf(ra);
      if (!list) allKnown = false;
      for (const i of list ?? []) issuers.add(i);
    }
  }
  const known2 = [...issuers].sort();
  for (const use of uses) {
    if (!["requestPrincipals", "notRequestPrincipals", "request.auth.principal"].includes(use.field)) continue;
    for (const entry of use.values) {
      const ip = issuerPattern(entry.value);
      if (ip !== "no-subject" && (!allKnown || known2.some((i) => issuerMatches(ip, i)))) continue;
      const fixed = ip === "no-subject" || known2.includes(entry.value) ? `${entry.value}/*` : void 0;
      const data = {
        name: p.name,
        value: entry.value,
        field: fieldLabel(use),
        effect: use.negative ? "it excludes no request" : p.action === "DENY" ? "it denies no request" : p.action === "ALLOW" ? "it admits no request" : "it matches no request",
        issuers: `issuer${known2.length > 1 ? "s" : ""} ${describe2(known2.map((i) => `"${i}"`))}`,
        fixed
      };
      let messageId;
      if (ip === "no-subject") {
        messageId = "noSubject";
      } else {
        const cut = entry.value.lastIndexOf("/");
        const split = ip.kind === "exact" && cut >= 0 && !entry.value.includes("*");
        if (split) Object.assign(data, { issuer: entry.value.slice(0, cut), subject: entry.value.slice(cut + 1) });
        messageId = split ? fixed ? "splitIssuerNotAcceptedUse" : "splitIssuerNotAccepted" : fixed ? "issuerNotAcceptedUse" : "issuerNotAccepted";
      }
      context.report({
        at: { resource: p.resource, path: entry.path },
        messageId,
        data,
        suggest: fixed ? [{ desc: `Match every subject of issuer "${entry.value}"`, fix: `${use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values"}: [${JSON.stringify(fixed)}]
` }] : void 0
      });
    }
  }
}
var jwt_without_requestauthentication_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy uses requestPrincipals or request.auth.* on workloads that no RequestAuthentication reaches, so the JWT attributes are never set.",
      url: docsUrl("jwt-without-requestauthentication"),
      recommended: true,
      tags: ["security", "authorization", "authentication", "jwt"]
    },
    messages: MESSAGES,
    schema: ignoreNamespacesSchema("AuthorizationPolicies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.requestAuthentications, READS.workloads, READS.gateways, READS.services, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const finder = new Finder(model);
    const rootKnown = model.hasNamespace(model.rootNamespace);
    return {
      AuthorizationPolicy(p) {
        if (p.dryRun || ignored2.has(p.namespace)) return;
        const uses = sourceFieldUses(p, FIELDS);
        if (uses.length === 0) return;
        const points = p.targetRefs.length > 0 ? finder.targetPoints(p) : finder.selectorPoints(p);
        if (points.length === 0) return;
        const missing = points.filter((pt) => pt.requestAuthentications.length === 0);
        const uncovered = missing.map((pt) => pt.name);
        if (uncovered.length === 0) {
          checkIssuers(context, p, uses, points);
          return;
        }
        const assumed = missing.every((pt) => pt.dataplane?.assumption !== void 0);
        const target = describe2(uncovered);
        const fix = requestAuthenticationYaml(p, suggestedIssuer(uses));
        for (const use of uses) {
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            severity: rootKnown && !assumed ? void 0 : "warn",
            messageId: rootKnown ? "noRequestAuthentication" : "noRequestAuthenticationInInput",
            data: { name: p.name, field: fieldLabel(use), target, consequence: consequence(p, use), them: uncovered.length > 1 ? "them" : "it" },
            assumptions: model.assumptionsOf(missing.map((pt) => pt.dataplane)),
            suggest: [{ desc: `Add a RequestAuthentication beside AuthorizationPolicy "${p.name}" (set the issuer and JWKS of your identity provider)`, fix }]
          });
        }
      }
    };
  }
});

// rules/knative-system-access/index.ts
var import_yaml = __toESM(require_dist(), 1);

// src/authz/witness.ts
var PRINCIPAL_RE = /^[^/*]+\/ns\/[^/*]+\/sa\/[^/*]+$/;
function strings2(v) {
  return arr(v).filter((x) => typeof x === "string" && x !== "");
}
function sampleOf(pattern, filler = "x") {
  if (pattern === "*") return filler;
  if (pattern.startsWith("*")) return filler + pattern.slice(1);
  if (pattern.endsWith("*")) return pattern.slice(0, -1) + filler;
  return pattern;
}
function sampleNamespace(pattern, policyNamespace) {
  return pattern === "*" ? policyNamespace : sampleOf(pattern);
}
function samplePrincipal(pattern, trustDomain, namespace) {
  const candidates = [
    pattern,
    `${trustDomain}/ns/${namespace}/sa/default`,
    pattern.endsWith("*") ? `${pattern.slice(0, -1)}default` : "",
    pattern.endsWith("*") ? `${pattern.slice(0, -1)}sa/default` : "",
    pattern.endsWith("*") ? `${pattern.slice(0, -1)}x/sa/default` : "",
    pattern.startsWith("*") ? `${trustDomain}${pattern.slice(1)}` : "",
    pattern.startsWith("*") ? `${trustDomain}/ns/${namespace}${pattern.slice(1)}` : "",
    pattern.startsWith("*") ? `${trustDomain}/ns/${namespace}/sa${pattern.slice(1)}` : "",
    pattern.startsWith("*") ? `${trustDomain}/ns/${namespace}/sa/x${pattern.slice(1)}` : ""
  ];
  return candidates.find((c) => c !== "" && PRINCIPAL_RE.test(c) && matchString(pattern, c));
}
function samplePath(pattern) {
  const p = pattern.replace(/\{\*\*\}/g, "x").replace(/\{\*\}/g, "x");
  const sample = p === "*" ? "/" : p.startsWith("*") ? `/x${p.slice(1)}` : p.endsWith("*") ? `${p.slice(0, -1)}x` : p;
  return matchPath(pattern, sample) ? sample : void 0;
}
function firstIp(cidr) {
  const net = cidr.split("/")[0];
  return net && /^[0-9a-fA-F:.]+$/.test(net) ? net : void 0;
}
function sourceWitnesses(p, trustDomain, rules) {
  const out = [];
  (p.rules ?? []).forEach((rule, ri) => {
    if (rules && !rules.includes(ri)) return;
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const s = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      if (!s) return;
      const base = ["spec", "rules", ri, "from", fi, "source"];
      const ip = strings2(s.ipBlocks).map(firstIp).find((x) => x !== void 0);
      const origin = (field, i) => ({ policy: p, rule: ri, path: [...base, field, i] });
      let identities = 0;
      strings2(s.principals).forEach((v, i) => {
        const principal = samplePrincipal(v, trustDomain, p.namespace);
        if (!principal) return;
        out.push({ principal, sourceIp: ip, origin: origin("principals", i) });
        identities++;
      });
      strings2(s.serviceAccounts).forEach((v, i) => {
        const [ns, sa] = v.includes("/") ? v.split("/", 2) : [p.namespace, v];
        out.push({ principal: `${trustDomain}/ns/${ns}/sa/${sa}`, sourceIp: ip, origin: origin("serviceAccounts", i) });
        identities++;
      });
      strings2(s.namespaces).forEach((v, i) => {
        out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, sourceIp: ip, origin: origin("namespaces", i) });
        identities++;
      });
      if (identities === 0 && ip) out.push({ sourceIp: ip, origin: { policy: p, rule: ri, path: [...base, "ipBlocks", 0] } });
    });
    arr(rule.when).forEach((w, wi) => {
      if (!isRecord(w)) return;
      const path = (i) => ["spec", "rules", ri, "when", wi, "values", i];
      if (w.key === "source.principal") {
        strings2(w.values).forEach((v, i) => {
          const principal = samplePrincipal(v, trustDomain, p.namespace);
          if (principal) out.push({ principal, origin: { policy: p, rule: ri, path: path(i) } });
        });
      } else if (w.key === "source.namespace") {
        strings2(w.values).forEach((v, i) => out.push({ principal: `${trustDomain}/ns/${sampleNamespace(v, p.namespace)}/sa/default`, origin: { policy: p, rule: ri, path: path(i) } }));
      }
    });
  });
  return out;
}
function requestShape(rule) {
  const shape = { method: "GET", path: "/" };
  if (!isRecord(rule)) return shape;
  const to = arr(rule.to)[0];
  const op = isRecord(to) && isRecord(to.operation) ? to.operation : {};
  const method = strings2(op.methods)[0];
  if (method) shape.method = method;
  const path = strings2(op.paths).map(samplePath).find((x) => x !== void 0);
  if (path) shape.path = path;
  const host = strings2(op.hosts)[0];
  if (host) shape.host = sampleOf(host, "x").toLowerCase();
  for (const w of arr(rule.when)) {
    if (!isRecord(w) || typeof w.key !== "string") continue;
    const m = /^request\.headers\[(.+)\]$/.exec(w.key);
    const v = strings2(w.values)[0];
    if (m && v) (shape.headers ??= {})[m[1].toLowerCase()] = sampleOf(v);
  }
  return shape;
}

// rules/knative-system-access/index.ts
var QUEUE_HTTP1 = 8012;
var QUEUE_H2C = 8013;
var AUTOSCALER_METRICS = 9090;
var DEFAULTS = { systemNamespace: "knative-serving", activatorServiceAccount: "activator", autoscalerServiceAccount: "controller" };
function systemPeer(model, systemNs, app, defaultSa) {
  const found = model.workloadsIn(systemNs).find((w) => w.podLabels.app === app || w.name === app && w.kind === "Deployment");
  if (found) return { peer: { kind: "workload", workload: found }, principal: model.identityOf(found) };
  const principal = `${model.mesh.trustDomain}/ns/${systemNs}/sa/${defaultSa}`;
  return { peer: { kind: "pod", namespace: systemNs, serviceAccount: defaultSa, dataplane: model.dataplaneFor(systemNs), label: `the ${app} of namespace ${systemNs}` }, principal };
}
function sentPlaintext(d) {
  return d.trace.some((t) => t.enforcement === "mtls" && t.outcome === "plaintext");
}
function blamed(d) {
  const pd = d.policyDecision;
  if (d.decision !== "DENY" || !pd) return [];
  const by = pd.decidedBy;
  if (by && by.policy.action === "DENY" && by.rule !== void 0) {
    return [{ policy: by.policy, path: ["spec", "rules", by.rule], part: "value", denyRule: by.rule }];
  }
  const out = [];
  for (const t of pd.trace) {
    const p = t.policy;
    if (p.action !== "ALLOW" || p.dryRun || isImplicitWaypointPolicy(p) || out.some((o) => o.policy === p)) continue;
    if (t.outcome !== "no-match" && t.outcome !== "skipped") continue;
    out.push({ policy: p, path: p.rules ? ["spec", "rules"] : ["spec"], part: "key", droppedAt: t.outcome === "skipped" ? pd.enforcement : void 0 });
  }
  return out;
}
function proxyFailure(model, w, activator, port2) {
  const td = model.mesh.trustDomain;
  const policies = w.dataplane.mode === "ambient" ? ztunnelPoliciesFor(model, w) : model.authorizationPoliciesFor(w);
  const candidates = [{ principal: `${td}/ns/${w.namespace}/sa/default`, shape: { method: "GET", path: "/" } }];
  for (const p of policies) {
    if (p.action !== "ALLOW" || p.dryRun || !p.rules) continue;
    p.rules.forEach((rule, i) => {
      const shape = requestShape(rule);
      const from = isRecord(rule) ? arr(rule.from) : [];
      const sources = from.length > 0 ? sourceWitnesses(p, td, [i]) : [{ principal: `${td}/ns/${w.namespace}/sa/default` }];
      for (const s of sources) if (s.principal && !s.sourceIp) candidates.push({ principal: s.principal, shape });
    });
  }
  const seen = /* @__PURE__ */ new Set();
  for (const c of candidates.slice(0, 40)) {
    if (c.principal === activator.principal) continue;
    const key2 = JSON.stringify(c);
    if (seen.has(key2)) continue;
    seen.add(key2);
    const req = { to: { workload: w }, port: port2, ...c.shape };
    const admitted = checkAccess(model, { ...req, from: { kind: "principal", principal: c.principal } });
    if (admitted.decision !== "ALLOW") continue;
    const d = checkAccess(model, { ...req, from: activator.peer });
    if (d.decision === "DENY" && d.policyDecision) {
      const by = admitted.policyDecision?.decidedBy?.policy;
      return { kind: "proxy", port: port2, plaintext: sentPlaintext(d), witness: c, admittedBy: by && !isImplicitWaypointPolicy(by) ? by : void 0, assumptions: d.assumptions };
    }
  }
  return void 0;
}
function workloadLabel2(w) {
  const kind = w.resource.group === "serving.knative.dev" ? `Knative ${w.kind}` : w.kind;
  return `${kind} ${w.namespace}/${w.name}`;
}
function accountOf(principal) {
  const m = /^[^/]+\/ns\/([^/]+)\/sa\/([^/]+)$/.exec(principal);
  return m ? `${m[1]}/${m[2]}` : principal;
}
function requestsText(fs, activator, autoscaler) {
  const allPlain = fs.every((f) => f.plaintext);
  const byPort = /* @__PURE__ */ new Map();
  for (const f of fs) {
    const from = f.plaintext ? allPlain ? "" : ", in plaintext" : `, from ${accountOf(f.kind === "scrape" ? autoscaler : activator)}`;
    const key2 = `${f.port}${from}`;
    const e = byPort.get(key2) ?? { what: [], port: f.port, from };
    e.what.push(f.kind === "probe" ? "probes" : f.kind === "proxy" ? "forwarded requests" : "metrics scrapes");
    byPort.set(key2, e);
  }
  const parts = [...byPort.values()].map((e) => `${listText(e.what)} (port ${e.port}${e.from})`);
  return `Knative's ${listText(parts)}${allPlain ? ", sent in plaintext with no identity," : ""}`;
}
function consequence2(kind, ambient) {
  switch (kind) {
    case "probe":
      return "requests the activator holds time out";
    case "proxy":
      return ambient ? "ztunnel resets the ones it forwards" : "the ones it forwards get 403";
    case "scrape":
      return "the autoscaler gets no metrics";
  }
}
var FIX_TEXT = {
  exemptPaths: "Exempt /healthz and /metrics from its DENY rule {{rule}}, and give {{systemNamespace}} a sidecar.",
  // The system pods have sidecars that send plaintext (auto mTLS off, no DestinationRule ISTIO_MUTUAL).
  exemptPathsMtls: "Exempt /healthz and /metrics from its DENY rule {{rule}}, and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).",
  allowPathsMtls: "Allow /healthz and /metrics (Knative docs), and make the sidecars of {{systemNamespace}} send mTLS (auto mTLS, or a DestinationRule with tls.mode ISTIO_MUTUAL).",
  exemptNamespace: "Exempt namespace {{systemNamespace}} from its DENY rule {{rule}}.",
  allowPaths: "Allow /healthz and /metrics (Knative docs), and give {{systemNamespace}} a sidecar.",
  enrolNamespace: "Enrol {{systemNamespace}} in the mesh, then allow that namespace.",
  allowNamespace: "Allow namespace {{systemNamespace}}."
};
function fixText(b, anyPlaintext, ambient, systemNs, systemSidecar) {
  const paths = anyPlaintext && !ambient;
  const key2 = b.denyRule !== void 0 ? paths ? systemSidecar ? "exemptPathsMtls" : "exemptPaths" : "exemptNamespace" : paths ? systemSidecar ? "allowPathsMtls" : "allowPaths" : anyPlaintext ? "enrolNamespace" : "allowNamespace";
  return interpolate(FIX_TEXT[key2], { rule: b.denyRule, systemNamespace: systemNs });
}
function fixFor3(b, anyPlaintext, ambient, systemNs) {
  const ns = b.policy.namespace;
  if (b.denyRule !== void 0) {
    const rule = b.policy.rules?.[b.denyRule];
    const changed = isRecord(rule) ? structuredClone(rule) : {};
    let desc2;
    if (anyPlaintext && !ambient) {
      const to = arr(changed.to).filter(isRecord);
      if (to.length === 0) changed.to = [{ operation: { notPaths: ["/healthz", "/metrics"] } }];
      for (const t of to) {
        const op = isRecord(t.operation) ? t.operation : t.operation = {};
        op.notPaths = [...arr(op.notPaths), "/healthz", "/metrics"];
      }
      desc2 = `Exempt Knative's probe and metrics paths from rule ${b.denyRule} of DENY policy "${b.policy.name}" (and give ${systemNs} a sidecar so the activator's forwarded requests carry its identity)`;
    } else {
      const from = arr(changed.from).filter(isRecord);
      if (from.length === 0) changed.from = [{ source: { notNamespaces: [systemNs] } }];
      for (const f of from) {
        const s = isRecord(f.source) ? f.source : f.source = {};
        s.notNamespaces = [...arr(s.notNamespaces), systemNs];
      }
      desc2 = `Exempt the ${systemNs} namespace from rule ${b.denyRule} of DENY policy "${b.policy.name}"`;
    }
    return { desc: desc2, fix: `# AuthorizationPolicy ${ns}/${b.policy.name}, spec.rules[${b.denyRule}]:
${(0, import_yaml.stringify)([changed])}` };
  }
  const byPaths = anyPlaintext && !ambient;
  const rules = byPaths ? [{ to: [{ operation: { paths: ["/metrics", "/healthz"] } }] }] : [{ from: [{ source: { namespaces: [systemNs] } }] }];
  const policy = {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: byPaths ? "allowlist-by-paths" : "allow-knative-system", namespace: ns },
    spec: { action: "ALLOW", rules }
  };
  const desc = byPaths ? `Allow Knative's probe and metrics paths in namespace "${ns}", as the Knative docs do; requests forwarded by the activator also need ${systemNs} to run with a sidecar (label it istio-injection=enabled)` : anyPlaintext ? `Enrol ${systemNs} in the mesh (ztunnel cannot match paths, so the system pods must present their identity), then allow that namespace in "${ns}"` : `Allow requests from the ${systemNs} namespace in "${ns}", as the Knative docs do`;
  return { desc, fix: (0, import_yaml.stringify)(policy) };
}
function reason(b) {
  if (b.denyRule !== void 0) return "denyRuleMatches";
  if (b.droppedAt === "ztunnel") return "layer7RulesDropped";
  return b.policy.rules ? "noAllowRuleMatches" : "noRules";
}
var REFUSES = 'AuthorizationPolicy "{{name}}" refuses {{requests}} to {{pods}}:';
var THEN = "{{consequences}}. {{fix}}";
var knative_system_access_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy on a Knative revision's pods refuses the activator's probes and proxied requests or the autoscaler's metrics scrape.",
      url: docsUrl("knative-system-access"),
      recommended: true,
      tags: ["security", "knative", "authorization"]
    },
    messages: {
      denyRuleMatches: `${REFUSES} its DENY rule {{rule}} matches them. ${THEN}`,
      layer7RulesDropped: `${REFUSES} ztunnel drops its layer-7 rules, and no other rule matches them. ${THEN}`,
      noAllowRuleMatches: `${REFUSES} no ALLOW rule matches them. ${THEN}`,
      noRules: `${REFUSES} it has no rules, and no other ALLOW policy matches them. ${THEN}`
    },
    schema: [
      {
        type: "object",
        properties: {
          systemNamespace: { type: "string", minLength: 1, description: "The namespace of Knative Serving's activator and autoscaler." },
          activatorServiceAccount: { type: "string", minLength: 1, description: "The activator's service account, when the input does not hold its Deployment." },
          autoscalerServiceAccount: { type: "string", minLength: 1, description: "The autoscaler's service account, when the input does not hold its Deployment." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULTS],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.access, READS.identities, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const opts = { ...DEFAULTS, ...context.options[0] };
    const systemNs = opts.systemNamespace;
    let peers;
    const blames = /* @__PURE__ */ new Map();
    const addFailure = (d, w, f) => {
      let nodes = blamed(d);
      if (f.admittedBy && nodes.every((n) => n.denyRule === void 0)) {
        const own = nodes.filter((n) => n.policy === f.admittedBy);
        if (own.length > 0) nodes = own;
      }
      for (const b of nodes) {
        const key2 = `${b.policy.namespace}/${b.policy.name}\0${b.path.join(".")}`;
        let entry = blames.get(key2);
        if (!entry) blames.set(key2, entry = { ...b, failures: /* @__PURE__ */ new Map() });
        entry.droppedAt ??= b.droppedAt;
        const list = entry.failures.get(w) ?? [];
        if (!list.some((x) => x.kind === f.kind)) list.push(f);
        entry.failures.set(w, list);
      }
    };
    return {
      Workload(w) {
        if (!w.knative || w.dataplane.mode === "none") return;
        peers ??= {
          activator: systemPeer(model, systemNs, "activator", opts.activatorServiceAccount),
          autoscaler: systemPeer(model, systemNs, "autoscaler", opts.autoscalerServiceAccount)
        };
        const { activator, autoscaler } = peers;
        const queuePort = w.ports[0]?.name === "h2c" ? QUEUE_H2C : QUEUE_HTTP1;
        const probe = checkAccess(model, {
          from: activator.peer,
          to: { workload: w },
          port: queuePort,
          method: "GET",
          path: "/healthz",
          headers: { "K-Network-Probe": "queue", "User-Agent": "Knative-Activator-Probe" }
        });
        if (probe.decision === "DENY") addFailure(probe, w, { kind: "probe", port: queuePort, plaintext: sentPlaintext(probe), assumptions: probe.assumptions });
        const proxy = proxyFailure(model, w, activator, queuePort);
        if (proxy) {
          const d = checkAccess(model, { from: activator.peer, to: { workload: w }, port: queuePort, ...proxy.witness.shape });
          addFailure(d, w, proxy);
        }
        const scrape = checkAccess(model, { from: autoscaler.peer, to: { workload: w }, port: AUTOSCALER_METRICS, method: "GET", path: "/metrics" });
        if (scrape.decision === "DENY") addFailure(scrape, w, { kind: "scrape", port: AUTOSCALER_METRICS, plaintext: sentPlaintext(scrape), assumptions: scrape.assumptions });
      },
      "Mesh:exit"() {
        if (!peers) return;
        const { activator, autoscaler } = peers;
        const order = ["probe", "proxy", "scrape"];
        for (const b of blames.values()) {
          const groups = /* @__PURE__ */ new Map();
          for (const [w, fs] of [...b.failures].sort(([a], [c]) => workloadLabel2(a).localeCompare(workloadLabel2(c)))) {
            fs.sort((x, y) => order.indexOf(x.kind) - order.indexOf(y.kind));
            const key2 = `${w.dataplane.mode}:${fs.map((f) => `${f.kind}:${f.plaintext}`).join(",")}`;
            const g = groups.get(key2);
            if (g) g.workloads.push(w);
            else groups.set(key2, { workloads: [w], failures: fs });
          }
          for (const g of groups.values()) {
            const names3 = g.workloads.slice(0, 3).map(workloadLabel2);
            const pods = `${names3.join(", ")}${g.workloads.length > 3 ? ` and ${g.workloads.length - 3} more` : ""}`;
            const anyPlaintext = g.failures.some((f) => f.plaintext);
            const ambient = g.workloads[0].dataplane.mode === "ambient";
            const effects = g.failures.map((f) => consequence2(f.kind, ambient));
            if (!g.failures.some((f) => f.kind === "probe")) for (let i = 0; i < effects.length; i++) effects[i] = effects[i].replace("the ones it forwards", "requests the activator forwards");
            const effectText = listText(effects);
            context.report({
              at: { resource: b.policy.resource, path: b.path, part: b.part },
              messageId: reason(b),
              data: {
                name: b.policy.name,
                requests: requestsText(g.failures, activator.principal, autoscaler.principal),
                pods,
                rule: b.denyRule,
                consequences: `${effectText.charAt(0).toUpperCase()}${effectText.slice(1)}`,
                fix: fixText(b, anyPlaintext, ambient, systemNs, peerMode(activator.peer) === "sidecar")
              },
              assumptions: model.assumptionsOf(g.failures.flatMap((f) => f.assumptions)),
              suggest: [() => fixFor3(b, anyPlaintext, ambient, systemNs)],
              related: witnessRelated(b, g.failures, activator.principal)
            });
          }
        }
      }
    };
  }
});
function witnessRelated(b, fs, activator) {
  const f = fs.find((x) => x.kind === "proxy" && x.witness);
  if (!f) return [];
  const w = f.witness;
  const req = `${w.shape.method ?? "GET"} ${w.shape.path ?? "/"}`;
  const p = f.admittedBy ?? b.policy;
  return [
    {
      at: { resource: p.resource, path: p.rules ? ["spec", "rules"] : ["spec"], part: "key" },
      message: `${req} on port ${f.port} is admitted from ${w.principal}, but not when the activator forwards it ${f.plaintext ? "in plaintext, with no identity" : `as ${activator}`}`
    }
  ];
}
function peerMode(peer) {
  return peer.kind === "workload" ? peer.workload.dataplane.mode : peer.kind === "pod" ? peer.dataplane.mode : void 0;
}

// rules/knative-webhook-strict-mtls/index.ts
var SYSTEM_NAMESPACE = "knative-serving";
var WEBHOOK_PORT = 8443;
var WEBHOOKS = [
  {
    // knative/serving config/core/deployments/webhook.yaml, config/core/webhooks/*.yaml
    app: "webhook",
    impact: 'Knative resources cannot be created or updated ("failed calling webhook")'
  },
  {
    // net-istio config/500-webhook-deployment.yaml, config/600-mutating-webhook.yaml
    app: "net-istio-webhook",
    impact: "no revision becomes ready"
  },
  {
    // Knative Serving releases before the DomainMapping webhook was folded into `webhook`
    // (net-istio #495 added a PeerAuthentication for it).
    app: "domainmapping-webhook",
    impact: "DomainMappings cannot be created or updated"
  }
];
function webhookPort(w) {
  const named = w.ports.find((p) => p.name === "https-webhook");
  if (named) return named.port;
  const tpl = isRecord(w.resource.raw.spec) && isRecord(w.resource.raw.spec.template) ? w.resource.raw.spec.template : {};
  const spec = isRecord(tpl.spec) ? tpl.spec : {};
  for (const c of arr(spec.containers)) {
    if (!isRecord(c)) continue;
    for (const e of arr(c.env)) {
      if (isRecord(e) && e.name === "WEBHOOK_PORT" && /^\d+$/.test(str(e.value) ?? "")) return Number(e.value);
    }
  }
  return WEBHOOK_PORT;
}
function sidecarSkipsPort(annotations, port2) {
  const list = (v) => (v ?? "").split(",").map((x) => x.trim()).filter(Boolean);
  if (list(annotations["traffic.sidecar.istio.io/excludeInboundPorts"]).includes(String(port2))) return true;
  const include = annotations["traffic.sidecar.istio.io/includeInboundPorts"];
  if (include === void 0) return false;
  const inc = list(include);
  return !inc.includes("*") && !inc.includes(String(port2));
}
function webhookOf(w, systemNamespace) {
  if (w.kind !== "Deployment" && w.kind !== "Pod") return void 0;
  const kind = WEBHOOKS.find((k) => k.app === w.podLabels.app);
  if (!kind) return void 0;
  if (w.namespace !== systemNamespace && w.podLabels["app.kubernetes.io/name"] !== "knative-serving") return void 0;
  return kind;
}
function workloadSubject(w, kind) {
  const port2 = webhookPort(w);
  if (w.dataplane.mode === "ambient") {
    return { kind, namespace: w.namespace, workload: w, port: port2, labels: w.podLabels, mode: "ambient", why: w.dataplane.reason, dataplane: w.dataplane };
  }
  if (hasSidecar(w) && !sidecarSkipsPort(w.podAnnotations, port2)) {
    return { kind, namespace: w.namespace, workload: w, port: port2, labels: w.podLabels, mode: "sidecar", why: w.dataplane.reason || "an injected sidecar", dataplane: w.dataplane };
  }
  return void 0;
}
function namespaceSubject(model, systemNamespace) {
  const ns = model.namespaces.get(systemNamespace);
  if (!ns?.resource) return void 0;
  const labels = { app: "webhook", role: "webhook" };
  const dp = model.dataplaneFor(systemNamespace);
  if (dp.mode === "none") return void 0;
  return { kind: WEBHOOKS[0], namespace: systemNamespace, port: WEBHOOK_PORT, labels, mode: dp.mode, why: dp.reason, dataplane: dp };
}
function symptom(mode, plural) {
  return mode === "sidecar" ? `${plural ? "their" : "its"} sidecar rejects the API server's calls, which carry no client certificate` : "ztunnel (ambient) refuses the API server's calls, which carry no mesh identity";
}
function fixYaml(s) {
  return [
    "apiVersion: security.istio.io/v1",
    "kind: PeerAuthentication",
    "metadata:",
    `  name: ${s.kind.app}`,
    `  namespace: ${s.namespace}`,
    "spec:",
    "  selector:",
    "    matchLabels:",
    `      app: ${s.kind.app}`,
    "  portLevelMtls:",
    `    "${s.port}":`,
    "      mode: PERMISSIVE",
    ""
  ].join("\n");
}
function misplacedPortLevel(model, s) {
  for (const pa of model.policiesIn("PeerAuthentication", s.namespace)) {
    if (!pa.selector || Object.keys(pa.selector).length === 0) continue;
    if (!Object.entries(pa.selector).every(([k, v]) => s.labels[k] === v)) continue;
    for (const [port2, mode] of pa.portLevel) if (port2 !== s.port && (mode === "PERMISSIVE" || mode === "DISABLE")) return { pa, port: port2 };
  }
  return void 0;
}
function dataplaneRelated(model, items) {
  const out = [];
  for (const s of items.slice(0, 3)) {
    const message = `${s.kind.app} runs ${s.mode === "sidecar" ? "with a sidecar" : "in ambient"}: ${s.why}`;
    if (s.workload) out.push({ at: { resource: s.workload.resource, path: s.workload.podMetadataPath, part: "key" }, message });
    else {
      const ns = model.namespaces.get(s.namespace)?.resource;
      if (ns) out.push({ at: { resource: ns, path: ["metadata", "labels"], part: "key" }, message });
    }
  }
  return out;
}
var DEFAULT_OPTIONS = { systemNamespace: SYSTEM_NAMESPACE };
var knative_webhook_strict_mtls_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "STRICT mTLS applies to a Knative webhook's port in a mesh: the Kubernetes API server, outside the mesh, can no longer call the admission webhook.",
      url: docsUrl("knative-webhook-strict-mtls"),
      recommended: true,
      tags: ["security", "mtls", "knative"]
    },
    messages: {
      strictWebhookPort: "PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: {{symptoms}}, so {{impacts}}. Add net-istio's PERMISSIVE exception for port {{ports}}.",
      // The user tried: an exception that names another port (often the Service's 443).
      strictWebhookPortMisplacedException: "PeerAuthentication {{policy}} makes port {{ports}} STRICT for the {{webhooks}} admission {{webhookNoun}} in {{namespaces}}{{absentNote}}: {{symptoms}}, so {{impacts}}. PeerAuthentication {{exception}} exempts port {{exceptionPort}}, not the pod's {{podPort}}. Add net-istio's PERMISSIVE exception for port {{ports}}."
    },
    schema: [
      {
        type: "object",
        properties: {
          systemNamespace: {
            type: "string",
            minLength: 1,
            description: "The namespace Knative Serving is installed in (its SYSTEM_NAMESPACE), for installs that rename `knative-serving`."
          }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.peerAuthentications, READS.clientViews)
  },
  create(context) {
    const model = context.model;
    const { systemNamespace } = context.options[0] ?? DEFAULT_OPTIONS;
    const subjects = [];
    const seen = /* @__PURE__ */ new Set();
    return {
      Workload(w) {
        const kind = webhookOf(w, systemNamespace);
        if (!kind) return;
        seen.add(`${w.namespace}/${kind.app}`);
        const s = workloadSubject(w, kind);
        if (s) subjects.push(s);
      },
      "Mesh:exit"() {
        if (!seen.has(`${systemNamespace}/webhook`)) {
          const s = namespaceSubject(model, systemNamespace);
          if (s) subjects.push(s);
        }
        const bySource = /* @__PURE__ */ new Map();
        for (const s of subjects) {
          const m = model.effectiveMtlsFor(s.namespace, s.labels, s.port);
          if (m.mode !== "STRICT" || !m.decidedBy) continue;
          const key2 = `${m.decidedBy.namespace}/${m.decidedBy.name}/${mtlsPath(m, s.port).join(".")}`;
          const e = bySource.get(key2);
          if (e) e.items.push(s);
          else bySource.set(key2, { m, items: [s] });
        }
        for (const { m, items } of bySource.values()) report(m, items);
      }
    };
    function report(m, items) {
      const pa = m.decidedBy;
      const namespaces = [...new Set(items.map((s) => s.namespace))];
      const names3 = quoted(items.map((s) => `${namespaces.length > 1 ? `${s.namespace}/` : ""}${s.workload ? s.workload.name : s.kind.app}`));
      const absent = quoted(items.filter((s) => !s.workload).map((s) => s.kind.app));
      const misplaced = items.flatMap((s) => {
        const x = misplacedPortLevel(model, s);
        return x ? [{ ...x, subject: s }] : [];
      });
      const suggest = items.map((s) => ({
        desc: `Accept plaintext on ${s.kind.app}'s port ${s.port} as net-istio does (config/400-webhook-peer-authentication.yaml)`,
        fix: fixYaml(s)
      }));
      const data = {
        policy: `${pa.namespace}/${pa.name}`,
        ports: listText([...new Set(items.map((s) => String(s.port)))], 4),
        webhooks: listText(names3, 4),
        webhookNoun: items.length > 1 ? "webhooks" : "webhook",
        namespaces: listText(namespaces, 4),
        absentNote: absent.length > 0 ? ` (the ${listText(absent, 4)} Deployment${absent.length > 1 ? "s are" : " is"} not in the input)` : "",
        symptoms: [...new Set(items.map((s) => s.mode))].map((mode) => symptom(mode, items.length > 1)).join("; "),
        impacts: listText([...new Set(items.map((s) => s.kind.impact))], 4)
      };
      const first = misplaced[0];
      context.report({
        at: { resource: pa.resource, path: mtlsPath(m, items[0].port) },
        ...first ? {
          messageId: "strictWebhookPortMisplacedException",
          data: { ...data, exception: `${first.pa.namespace}/${first.pa.name}`, exceptionPort: first.port, podPort: first.subject.port }
        } : { messageId: "strictWebhookPort", data },
        // Where the webhooks' data plane is only assumed, a warning.
        severity: items.every((s) => s.dataplane.assumption) ? "warn" : void 0,
        assumptions: model.assumptionsOf(items.map((s) => s.dataplane)),
        related: [
          ...dataplaneRelated(model, items),
          ...misplaced.slice(0, 2).map((x) => ({
            at: { resource: x.pa.resource, path: ["spec", "portLevelMtls", String(x.port)], part: "key" },
            message: `this exception is for port ${x.port}, but portLevelMtls names the pod's port (${x.subject.kind.app} listens on ${x.subject.port}), not the Service's`
          }))
        ],
        suggest
      });
    }
  }
});

// rules/l7-config-without-waypoint/index.ts
var USE_WAYPOINT = "istio.io/use-waypoint";
function policyFeatures(tp, out) {
  if (!isRecord(tp)) return;
  const lb = isRecord(tp.loadBalancer) ? tp.loadBalancer : {};
  const hash = isRecord(lb.consistentHash) ? lb.consistentHash : {};
  if (hash.httpHeaderName !== void 0 || hash.httpCookie !== void 0 || hash.httpQueryParameterName !== void 0) out.add("HTTP consistent hashing");
  if (isRecord(tp.connectionPool) && tp.connectionPool.http !== void 0) out.add("connectionPool.http");
  if (tp.outlierDetection !== void 0) out.add("outlierDetection");
  for (const p of arr(tp.portLevelSettings)) policyFeatures(p, out);
}
function destinationRuleFeatures(spec) {
  const out = /* @__PURE__ */ new Set();
  policyFeatures(spec.trafficPolicy, out);
  for (const s of arr(spec.subsets)) if (isRecord(s)) policyFeatures(s.trafficPolicy, out);
  return [...out];
}
function virtualServiceFeatures(vs, spec) {
  if (vs.gateways.length > 0 && !vs.gateways.some((g) => g.name === "mesh")) return [];
  return ["http", "tls", "tcp"].filter((k) => arr(spec[k]).length > 0).map((k) => `${k} routes`);
}
function ambientDestination(model, s) {
  if (!s.selector || Object.keys(s.selector).length === 0) return void 0;
  const pods = model.servicePods(s);
  if (pods.length > 0) {
    const ambient = pods.filter((w) => w.dataplane.mode === "ambient");
    return ambient.length > 0 ? { assumptions: model.assumptionsOf(ambient) } : void 0;
  }
  const dp = model.dataplaneFor(s.namespace);
  return dp.mode === "ambient" ? { assumptions: model.assumptionsOf([dp]) } : void 0;
}
function notEnrolled(model, s) {
  const own = s.resource.labels[USE_WAYPOINT];
  const nsLabels = model.namespaceLabels(s.namespace);
  const labelled = own !== void 0 ? own : nsLabels[USE_WAYPOINT];
  if (own === "none") return { messageId: "serviceNotEnrolled", why: `the Service opts out with ${USE_WAYPOINT}: none` };
  if (own === "") return { messageId: "serviceNotEnrolled", why: `the Service's ${USE_WAYPOINT} label is empty` };
  if (labelled === void 0 || labelled === "" || labelled === "none") {
    if (!model.declaresNamespace(s.namespace) && !model.mesh.complete) return void 0;
    const why2 = labelled === "none" ? `namespace ${s.namespace} opts out with ${USE_WAYPOINT}: none` : `neither the Service nor namespace ${s.namespace} carries ${USE_WAYPOINT}`;
    return { messageId: "namespaceNotEnrolled", why: why2 };
  }
  const from = own !== void 0 ? s.resource.labels : nsLabels;
  const wpNs = from["istio.io/use-waypoint-namespace"] ?? s.namespace;
  const g = model.gateway(wpNs, labelled);
  if (!g) return void 0;
  const why = g.waypointFor === "service" || g.waypointFor === "all" ? `its waypoint ${wpNs}/${labelled} does not admit namespace ${s.namespace}, by the allowedRoutes of its HBONE listener` : `its waypoint ${wpNs}/${labelled} serves ${g.waypointFor === "none" ? "no" : `only ${g.waypointFor}`} traffic, as istio.io/waypoint-for: ${g.waypointFor} says`;
  return { messageId: "serviceNotEnrolled", why };
}
function readsFrom(model, kind, s, wp) {
  const list = /* @__PURE__ */ new Set([s.namespace, wp.namespace]);
  if (kind === "DestinationRule") list.add(model.rootNamespace);
  return [...list];
}
var CONSEQUENCE = {
  VirtualService: "its routes are not applied to requests from ambient clients",
  DestinationRule: "these settings are not applied to traffic from ambient clients"
};
var l7_config_without_waypoint_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService for mesh traffic or a DestinationRule with layer-7 settings is for an ambient Service that no waypoint serves, or sits in a namespace its waypoint does not read: ztunnel ignores it, so it has no effect on ambient clients.",
      url: docsUrl("l7-config-without-waypoint"),
      recommended: true,
      aliases: ["KIA0210", "KIA0211", "KIA0212", "KIA1109", "KIA1113", "KIA1114"],
      tags: ["ambient", "waypoint", "traffic"]
    },
    messages: {
      namespaceNotEnrolled: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Label the Service or its namespace {{useWaypoint}}=<waypoint>.',
      serviceNotEnrolled: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, whose pods run in ambient, but no waypoint serves it ({{why}}): ztunnel applies no {{kind}}, so {{consequence}}. Enrol the Service in a waypoint that serves Service traffic.',
      notInServiceNamespace: '{{kind}} "{{name}}" sets {{features}} for Service {{service}}, but its {{waypoint}} reads {{kind}}s only from {{namespaces}}, and ztunnel applies none: {{consequence}}. Move it to namespace {{serviceNamespace}}.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.waypoints, READS.services, READS.workloads, READS.gateways)
  },
  create(context) {
    const model = context.model;
    const check3 = (r, kind, hosts, features) => {
      if (features.length === 0) return;
      const seen = /* @__PURE__ */ new Set();
      for (const { host, path } of hosts) {
        const fqdn = resolveHost(host, r.namespace);
        const ns = serviceHostNamespace(fqdn);
        const s = ns === void 0 ? void 0 : model.service(ns, fqdn.slice(0, fqdn.indexOf(".")));
        if (!s || seen.has(s)) continue;
        seen.add(s);
        const ambient = ambientDestination(model, s);
        if (!ambient) continue;
        const data = { kind, name: r.name, features: listText(features), service: `${s.namespace}/${s.name}`, consequence: CONSEQUENCE[kind], useWaypoint: USE_WAYPOINT };
        const report = { at: { resource: r, path }, assumptions: ambient.assumptions };
        const wp = model.waypointOfService(s);
        if (!wp) {
          const missing = notEnrolled(model, s);
          if (missing) context.report({ ...report, messageId: missing.messageId, data: { ...data, why: missing.why } });
          continue;
        }
        const namespaces = readsFrom(model, kind, s, wp);
        if (namespaces.includes(r.namespace)) continue;
        context.report({
          ...report,
          messageId: "notInServiceNamespace",
          data: { ...data, waypoint: `waypoint ${wp.namespace}/${wp.name}`, namespaces: `namespace${namespaces.length > 1 ? "s" : ""} ${listText(namespaces)}`, serviceNamespace: s.namespace }
        });
      }
    };
    return {
      DestinationRule(d) {
        if (d.workloadSelector) return;
        const spec = isRecord(d.resource.raw.spec) ? d.resource.raw.spec : {};
        check3(d.resource, "DestinationRule", [{ host: d.host, path: ["spec", "host"] }], destinationRuleFeatures(spec));
      },
      VirtualService(r) {
        const vs = model.virtualServiceOf(r);
        if (!vs) return;
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const hosts = arr(spec.hosts).flatMap((h, i) => typeof h === "string" ? [{ host: h, path: ["spec", "hosts", i] }] : []);
        check3(r, "VirtualService", hosts, virtualServiceFeatures(vs, spec));
      }
    };
  }
});

// rules/multiple-custom-providers/index.ts
var policyKey = (p) => `${p.namespace}/${p.name}`;
function providerAt(p) {
  return { resource: p.resource, path: p.provider !== void 0 ? ["spec", "provider", "name"] : ["spec", "action"] };
}
function consider(clashes, policies, where, workload) {
  const custom = policies.filter((p) => p.action === "CUSTOM").sort((a, b) => policyKey(a) < policyKey(b) ? -1 : policyKey(a) > policyKey(b) ? 1 : 0);
  if (!conflictingCustomProviders(custom)) return;
  const first = custom[0];
  for (const p of custom) {
    if ((p.provider ?? "") === (first.provider ?? "")) continue;
    const c = clashes.get(policyKey(p)) ?? { policy: p, first, where: [], workloads: [] };
    if (!c.where.includes(where)) c.where.push(where);
    if (workload) c.workloads.push(workload);
    clashes.set(policyKey(p), c);
  }
}
var provider = (p) => p.provider !== void 0 ? `"${p.provider}"` : "(none)";
var multiple_custom_providers_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "CUSTOM policies of several providers apply to one workload while PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS is off: istiod turns their rules into DENY rules.",
      url: docsUrl("multiple-custom-providers"),
      recommended: true,
      tags: ["security", "authorization", "sidecar", "waypoint"]
    },
    messages: {
      providersClash: 'AuthorizationPolicy "{{name}}" uses CUSTOM provider {{provider}} on {{where}}, where AuthorizationPolicy "{{firstNamespace}}/{{firstName}}" already uses provider {{firstProvider}}: with PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS off, istiod turns the CUSTOM rules of both into DENY rules, so every request they match is denied and no external authorizer is called. Use one provider per workload, or set PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS=true on istiod.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.authorizationPolicies, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    if (model.mesh.multipleCustomAuthzProviders) return {};
    const customs = model.authorizationPolicies.filter((p) => p.action === "CUSTOM");
    if (new Set(customs.map((p) => p.provider ?? "")).size < 2) return {};
    const atSidecars = /* @__PURE__ */ new Map();
    const atWaypoints = /* @__PURE__ */ new Map();
    return {
      // Sidecars: the selector, namespace and root-namespace policies of each workload.
      Workload(w) {
        if (w.dataplane.mode !== "sidecar") return;
        consider(atSidecars, model.authorizationPoliciesFor(w), `${w.kind} ${w.namespace}/${w.name}`, w);
      },
      // Waypoints: the policies attached to each Service they serve.
      Service(s) {
        const wp = model.waypointOfService(s);
        if (!wp) return;
        consider(atWaypoints, waypointPolicies(model, { service: s, waypoint: wp }), `Service ${s.namespace}/${s.name} at waypoint ${wp.namespace}/${wp.name}`);
      },
      "Mesh:exit"() {
        const clashes = new Map(atSidecars);
        for (const [key2, c] of atWaypoints) {
          const s = clashes.get(key2);
          clashes.set(key2, s ? { ...s, where: [...s.where, ...c.where] } : c);
        }
        for (const c of clashes.values()) {
          context.report({
            at: providerAt(c.policy),
            messageId: "providersClash",
            data: {
              name: c.policy.name,
              provider: provider(c.policy),
              // Comma-joined, not listText's "a, b and c": the wording the fixtures hold.
              where: c.where.length > 3 ? `${c.where.slice(0, 3).join(", ")} and ${c.where.length - 3} more` : c.where.join(", "),
              firstNamespace: c.first.namespace,
              firstName: c.first.name,
              firstProvider: provider(c.first)
            },
            related: [{ at: providerAt(c.first), message: `provider ${provider(c.first)} of AuthorizationPolicy "${c.first.name}"` }],
            // Only where every place it clashes is a sidecar whose data plane is assumed.
            assumptions: c.workloads.length === c.where.length ? model.assumptionsOf(c.workloads) : void 0,
            suggest: [
              {
                desc: "Let istiod run several CUSTOM providers per workload (IstioOperator; or the istiod env, or Helm values pilot.env)",
                fix: 'spec:\n  values:\n    pilot:\n      env:\n        PILOT_ENABLE_MULTIPLE_CUSTOM_AUTHZ_PROVIDERS: "true"'
              }
            ]
          });
        }
      }
    };
  }
});

// rules/negative-status-condition/index.ts
var GATEWAY_API = /* @__PURE__ */ new Set(["Accepted", "Programmed", "ResolvedRefs"]);
var NEGATIVE = {
  "/Service": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "networking.istio.io/ServiceEntry": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "networking.istio.io/WorkloadEntry": /* @__PURE__ */ new Set(["istio.io/WaypointBound"]),
  "security.istio.io/AuthorizationPolicy": /* @__PURE__ */ new Set(["ZtunnelAccepted", "WaypointAccepted"]),
  "gateway.networking.k8s.io/Gateway": GATEWAY_API,
  "gateway.networking.k8s.io/HTTPRoute": GATEWAY_API,
  "gateway.networking.k8s.io/GRPCRoute": GATEWAY_API,
  "gateway.networking.k8s.io/TCPRoute": GATEWAY_API,
  "gateway.networking.k8s.io/TLSRoute": GATEWAY_API
};
function conditionsOf(r) {
  const status = isRecord(r.raw.status) ? r.raw.status : void 0;
  if (!status) return [];
  const out = [];
  arr(status.conditions).forEach((c, i) => isRecord(c) && out.push({ c, path: ["status", "conditions", i] }));
  arr(status.parents).forEach((p, i) => {
    if (isRecord(p)) arr(p.conditions).forEach((c, j) => isRecord(c) && out.push({ c, path: ["status", "parents", i, "conditions", j] }));
  });
  return out;
}
function detailOf(c) {
  const parts = [str(c.reason), str(c.message)].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(": ")})` : "";
}
var negative_status_condition_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An exported object carries a negative status condition from istiod or the Gateway API controller (not accepted, not programmed, waypoint not bound).",
      url: docsUrl("negative-status-condition"),
      recommended: true,
      aliases: ["IST0171"],
      tags: ["status"]
    },
    messages: {
      negativeCondition: '{{kind}} "{{name}}" reports {{type}}={{status}}{{detail}}: the control plane did not apply it as written when this manifest was exported. Fix what the message names, then re-export.'
    },
    schema: [],
    defaultSeverity: "warn"
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const r of context.model.resources) {
          const types = NEGATIVE[`${r.group}/${r.kind}`];
          if (!types || r.raw.status === void 0) continue;
          for (const { c, path } of conditionsOf(r)) {
            const type = str(c.type);
            const status = str(c.status);
            if (!type || !types.has(type)) continue;
            const partial = type === "WaypointAccepted" && c.reason === "PartiallyInvalid";
            if (status !== "False" && !partial) continue;
            context.report({
              at: { resource: r, path: [...path, partial ? "reason" : "status"] },
              messageId: "negativeCondition",
              data: { kind: r.kind, name: r.name, type, status: status ?? "", detail: detailOf(c) }
            });
          }
        }
      }
    };
  }
});

// rules/policy-selects-nothing/index.ts
var RUNTIME_LABELS = /* @__PURE__ */ new Set([
  "pod-template-hash",
  "controller-revision-hash",
  "statefulset.kubernetes.io/pod-name",
  "apps.kubernetes.io/pod-index",
  "job-name",
  "controller-uid",
  "batch.kubernetes.io/job-name",
  "batch.kubernetes.io/controller-uid",
  "batch.kubernetes.io/job-completion-index",
  "security.istio.io/tlsMode",
  "service.istio.io/canonical-name",
  "service.istio.io/canonical-revision",
  "topology.istio.io/network",
  "gateway.networking.k8s.io/gateway-name",
  "gateway.networking.k8s.io/gateway-class-name",
  "gateway.istio.io/managed",
  "istio.io/gateway-name"
]);
function gatewayPodLabels(model, ns) {
  const out = [];
  for (const g of model.gateways) {
    if (g.namespace !== ns || !g.className.startsWith("istio")) continue;
    const spec = isRecord(g.resource.raw.spec) ? g.resource.raw.spec : {};
    out.push(isRecord(spec.infrastructure) ? stringMap(spec.infrastructure.labels) : {});
  }
  return out;
}
function entries(selector) {
  return Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(", ");
}
function workloadLabel3(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function nearMiss(model, ns, selector) {
  const keys = Object.keys(selector);
  for (const k of keys) {
    const v = selector[k];
    const rest = {};
    for (const o of keys) if (o !== k) rest[o] = selector[o];
    if (keys.length > 1) {
      const candidates = model.selectWorkloads(ns, rest);
      if (candidates.length === 0) continue;
      const values = [...new Set(candidates.map((w2) => w2.podLabels[k]).filter((x) => x !== void 0))];
      const near2 = closest(v, values) ?? values.sort()[0];
      const w = near2 === void 0 ? candidates[0] : candidates.find((c) => c.podLabels[k] === near2);
      const fixed = { ...rest };
      if (near2 !== void 0) fixed[k] = near2;
      const but = near2 === void 0 ? `no label "${k}"` : `${k}=${near2}`;
      return { workload: w, selector: fixed, text: `${workloadLabel3(w)} has ${entries(rest)} but ${but}` };
    }
    const near = closest(v, [...model.labelValues(ns, k)]);
    if (near !== void 0) {
      const w = model.selectWorkloads(ns, { [k]: near })[0];
      return { workload: w, selector: { [k]: near }, text: `${workloadLabel3(w)} has ${k}=${near}` };
    }
    const nearKey = closest(k, [...model.labelKeys(ns)].filter((key2) => model.labelValues(ns, key2).has(v)));
    if (nearKey !== void 0) {
      const w = model.selectWorkloads(ns, { [nearKey]: v })[0];
      return { workload: w, selector: { [nearKey]: v }, text: `${workloadLabel3(w)} has ${nearKey}=${v}` };
    }
  }
  return void 0;
}
function consequence3(c) {
  switch (c.kind) {
    case "AuthorizationPolicy": {
      const action = c.policy.action;
      if (action === "DENY") return "the requests it is meant to deny are not denied anywhere";
      if (action === "CUSTOM") return "no request is sent to its external authorizer";
      if (action === "AUDIT") return "nothing is audited";
      return "the workload it was written for does not get this ALLOW list and, with no other ALLOW policy, accepts every request";
    }
    case "PeerAuthentication":
      return "its mTLS mode applies to no workload: they keep the namespace or mesh mode";
    case "RequestAuthentication":
      return "no workload validates its tokens, and AuthorizationPolicies never see a request principal from it";
    case "Sidecar":
      return "no proxy gets this configuration: they keep the namespace default Sidecar, or none";
    case "Telemetry":
      return "its telemetry settings apply to no workload";
  }
}
function selectorYaml(c, selector) {
  const [outer, inner] = c.kind === "Sidecar" ? ["workloadSelector", "labels"] : ["selector", "matchLabels"];
  const lines = ["spec:", `  ${outer}:`, `    ${inner}:`];
  for (const [k, v] of Object.entries(selector)) lines.push(`      ${k}: ${JSON.stringify(v)}`);
  return `${lines.join("\n")}
`;
}
function describe3(ws) {
  const names3 = ws.slice(0, 3).map(workloadLabel3);
  return ws.length > 3 ? `${names3.join(", ")} and ${ws.length - 3} more` : names3.join(", ");
}
var MESSAGES2 = {
  // A PeerAuthentication with a selector in the root namespace (policy_applier.go ignores it).
  rootPeerAuthenticationMove: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}: move it to namespace "{{target}}".',
  rootPeerAuthenticationInRoot: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. It selects {{workloads}}, in the root namespace, where no PeerAuthentication can select workloads: they follow the mesh-wide (selector-less) one.',
  rootPeerAuthentication: 'PeerAuthentication "{{name}}" has a selector in the root namespace "{{namespace}}", where istiod ignores selectors: its mTLS settings apply to no workload. Move it to the namespace of the workloads it is for, or drop the selector to make it the mesh-wide policy.',
  // {{consequence}}: what selecting nothing means for the kind (and action); {{nearMiss}}: the
  // workload the selector nearly matches and how it differs.
  selectsNothing: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}}. So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingNear: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingInRoot: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}'s selector reaches only its own namespace, even the root one). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingInRootNear: `{{kind}} "{{name}}" selects no workload: no workload in namespace "{{namespace}}" has {{labels}} (a {{kind}}'s selector reaches only its own namespace, even the root one) ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingMeshWide: `{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}}. So {{consequence}}. Make the selector match the pods' labels.`,
  selectsNothingMeshWideNear: `{{kind}} "{{name}}" selects no workload: no workload in any namespace (from the root namespace "{{namespace}}" it reaches them all) has {{labels}} ({{nearMiss}}). So {{consequence}}. Make the selector match the pods' labels.`
};
function checkRootPeerAuthentication(context, c) {
  const model = context.model;
  const p = c.policy;
  const selected = model.policyWorkloads(p, true);
  const elsewhere = selected.filter((w) => w.namespace !== p.namespace);
  const target = elsewhere.length > 0 ? elsewhere.map((w) => w.namespace).sort()[0] : void 0;
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: "key" },
    messageId: target ? "rootPeerAuthenticationMove" : selected.length > 0 ? "rootPeerAuthenticationInRoot" : "rootPeerAuthentication",
    data: { name: p.name, namespace: p.namespace, workloads: describe3(target ? elsewhere : selected), target },
    suggest: target ? [{ desc: `Move PeerAuthentication "${p.name}" to namespace "${target}"`, fix: `metadata:
  name: ${p.name}
  namespace: ${target}
` }] : void 0
  });
}
function check2(context, c) {
  const model = context.model;
  const p = c.policy;
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return;
  if (Object.keys(p.selector).some((k) => RUNTIME_LABELS.has(k))) return;
  const isRoot = p.namespace === model.rootNamespace;
  if (c.kind === "PeerAuthentication" && isRoot) {
    checkRootPeerAuthentication(context, c);
    return;
  }
  if (!model.knowsWorkloadsOf(p.namespace)) return;
  const spans = isRoot && c.rootSpansMesh;
  if (model.policyWorkloads(p, c.rootSpansMesh).length > 0) return;
  const namespaces = spans ? [p.namespace, ...[...model.workloadNamespaces()].filter((ns) => ns !== p.namespace).sort()] : [p.namespace];
  const selector = p.selector;
  const onGateway = (ns) => gatewayPodLabels(model, ns).some((labels) => Object.entries(selector).every(([k, v]) => labels[k] === v));
  if (namespaces.some(onGateway)) return;
  let near;
  for (const ns of namespaces) if (near = nearMiss(model, ns, p.selector)) break;
  const scope = spans ? "selectsNothingMeshWide" : isRoot ? "selectsNothingInRoot" : "selectsNothing";
  context.report({
    at: { resource: p.resource, path: c.labelsPath, part: "key" },
    messageId: near ? `${scope}Near` : scope,
    data: { kind: c.kind, name: p.name, namespace: p.namespace, labels: entries(p.selector), nearMiss: near?.text, consequence: consequence3(c) },
    suggest: near ? [{ desc: `Select ${workloadLabel3(near.workload)} with ${entries(near.selector)}`, fix: selectorYaml(c, near.selector) }] : void 0,
    related: near ? [{ at: { resource: near.workload.resource, path: [...near.workload.podMetadataPath, "labels"], part: "key" }, message: `pod labels of ${workloadLabel3(near.workload)}` }] : void 0
  });
}
var SELECTOR = ["spec", "selector", "matchLabels"];
var policy_selects_nothing_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A workload selector (AuthorizationPolicy, PeerAuthentication, RequestAuthentication, Sidecar, Telemetry) matches no workload.",
      url: docsUrl("policy-selects-nothing"),
      recommended: true,
      aliases: ["IST0127", "IST0101", "KIA0004", "KIA1006"],
      tags: ["correctness", "authorization", "authentication"]
    },
    messages: MESSAGES2,
    schema: ignoreNamespacesSchema("Policies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.workloads, READS.gateways)
  },
  create(context) {
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const run = (c) => {
      if (!ignored2.has(c.policy.namespace)) check2(context, c);
    };
    return {
      // A policy Otterize generates selects what its ClientIntents names: intent-unknown-target judges that.
      AuthorizationPolicy: (p) => {
        if (!p.generatedBy) run({ kind: "AuthorizationPolicy", policy: p, labelsPath: SELECTOR, rootSpansMesh: true });
      },
      PeerAuthentication: (p) => run({ kind: "PeerAuthentication", policy: p, labelsPath: SELECTOR, rootSpansMesh: false }),
      RequestAuthentication: (p) => run({ kind: "RequestAuthentication", policy: p, labelsPath: SELECTOR, rootSpansMesh: true }),
      Sidecar: (p) => run({ kind: "Sidecar", policy: p, labelsPath: ["spec", "workloadSelector", "labels"], rootSpansMesh: false }),
      Telemetry: (p) => run({ kind: "Telemetry", policy: p, labelsPath: SELECTOR, rootSpansMesh: false })
    };
  }
});

// rules/principal-never-matches/index.ts
var PRINCIPAL_FIELDS = {
  source: [
    ["principals", false],
    ["notPrincipals", true]
  ],
  when: ["source.principal"]
};
var SA_FIELDS = {
  source: [
    ["serviceAccounts", false],
    ["notServiceAccounts", true]
  ],
  when: ["source.serviceAccount"]
};
var MESSAGES3 = {
  // An exact principal of a namespace whose pods are all in the input.
  principalMatchesNoPod: 'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no pod of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  // A pattern (or a principal without a service account) pinned to such a namespace.
  principalMatchesNoIdentity: 'AuthorizationPolicy "{{name}}": principal "{{value}}" matches no identity of namespace "{{namespace}}", so in {{field}} {{consequence}}.{{hint}}',
  serviceAccountMatchesNoPod: 'AuthorizationPolicy "{{name}}": service account "{{value}}" matches no pod of namespace "{{namespace}}"{{implied}}, so in {{field}} {{consequence}}.{{hint}}',
  callerWithoutIdentity: 'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which has no sidecar and is not in ambient, so it calls in plaintext, with no identity. In {{field}} {{consequence}}. Add it to the mesh or match it by ipBlocks.',
  callersWithoutIdentity: 'AuthorizationPolicy "{{name}}": "{{value}}" is the identity of {{callers}}, which have no sidecar and are not in ambient, so they call in plaintext, with no identity. In {{field}} {{consequence}}. Add them to the mesh or match them by ipBlocks.',
  spiffePrefix: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: Istio prepends "spiffe://" itself, so a value that already has it never matches. In {{field}} {{consequence}}. Use "{{fixed}}".',
  innerWildcard: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Use "{{fixed}}".',
  // No suffix form keeps what the value meant (the "*" is inside a segment, or there are several).
  // An exact principal `<td>/ns/<ns>/sa/<sa>` of a trust domain the mesh does not accept.
  foreignTrustDomain: `AuthorizationPolicy "{{name}}": principal "{{value}}" is of trust domain "{{trustDomain}}", neither the mesh's ("{{meshTrustDomain}}") nor one of its trustDomainAliases: sidecars and waypoints refuse peer certificates of other trust domains, so in {{field}} {{consequence}}. If the mesh does trust "{{trustDomain}}" (meshConfig trustDomainAliases or caCertificates trustDomains), list it in mesh.trustDomainAliases; otherwise use "{{fixed}}".`,
  innerWildcardNoFix: 'AuthorizationPolicy "{{name}}": principal "{{value}}" can never match: "*" is a wildcard only as the first or last character; elsewhere it is literal, and no identity contains it. In {{field}} {{consequence}}. Put "*" only at the start or end.'
};
var HINTS = {
  runsAs: ' {{workload}} runs as "{{real}}": name that.',
  runsAsDefault: ' {{workload}} runs as "{{real}}" (it sets no serviceAccountName): name that, or give it its own account.',
  didYouMean: ' Did you mean "{{real}}"?',
  runsElsewhere: ' "{{serviceAccount}}" runs in namespace {{namespaces}}: use "{{real}}".',
  namespaceRunsAs: ' Workloads of namespace "{{namespace}}" run as {{accounts}}: name one of those.'
};
function workloadLabel4(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function quoteList(names3) {
  const shown = names3.slice(0, 4).map((n) => `"${n}"`);
  return names3.length > 4 ? `${shown.join(", ")} and ${names3.length - 4} more` : shown.join(", ");
}
function replacedList(use, index, value) {
  const key2 = use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values";
  return `${key2}:
${use.values.map((v, i) => `- ${JSON.stringify(i === index ? value : v.value)}`).join("\n")}
`;
}
function presentsNoIdentity(w) {
  return w.dataplane.mode === "none" && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}
var Checker = class {
  constructor(context) {
    this.context = context;
    this.model = context.model;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    this.known = (context.options[0]?.knownPrincipals ?? []).map((k) => {
      const slash = k.indexOf("/");
      const td = k.slice(0, slash);
      return slash > 0 && (td === CLUSTER_LOCAL_TRUST_DOMAIN || td === trustDomain || trustDomainAliases.includes(td)) ? `${trustDomain}${k.slice(slash)}` : k;
    });
  }
  context;
  saNamespaces;
  model;
  /** `knownPrincipals`, with a local trust domain written as the mesh's (as istiod rewrites policies). */
  known;
  /** Whether a configured known principal (or pattern) covers what the entry matches. */
  isKnown(pattern) {
    return this.known.some((k) => matchString(k, pattern.pattern) || principalPatternMatches(pattern, k));
  }
  accountCache = /* @__PURE__ */ new Map();
  /** Service accounts of a namespace: those some pod runs as, and ServiceAccount objects (once per namespace). */
  accounts(ns) {
    let a = this.accountCache.get(ns);
    if (a) return a;
    const bySa = /* @__PURE__ */ new Map();
    for (const o of this.model.identitiesIn(ns)) bySa.set(o.serviceAccount, [...bySa.get(o.serviceAccount) ?? [], o]);
    const objects = new Set(this.model.serviceAccountsIn(ns).map((r) => r.name));
    const names3 = [.../* @__PURE__ */ new Set([...bySa.keys(), ...objects])].sort();
    a = { bySa, objects, names: names3, nameSet: new Set(names3) };
    this.accountCache.set(ns, a);
    return a;
  }
  /** Namespaces in which some pod runs as `sa` (built once, on the first finding that needs it). */
  namespacesRunning(sa) {
    if (!this.saNamespaces) {
      const map = /* @__PURE__ */ new Map();
      for (const ns of [...this.model.workloadNamespaces()].sort()) {
        for (const o of this.model.identitiesIn(ns)) {
          let set = map.get(o.serviceAccount);
          if (!set) map.set(o.serviceAccount, set = /* @__PURE__ */ new Set());
          set.add(o.namespace);
        }
      }
      this.saNamespaces = new Map([...map].map(([k, v]) => [k, [...v]]));
    }
    return this.saNamespaces.get(sa) ?? [];
  }
  identity(ns, sa) {
    return `${this.model.mesh.trustDomain}/ns/${ns}/sa/${sa}`;
  }
  /** What the caller the entry was probably meant for really runs as, with fixes. */
  hint(p, use, index, ns, sa, names3, asServiceAccount) {
    const render = (nsName, saName) => asServiceAccount ? nsName === p.namespace && !use.values[index].value.includes("/") ? saName : `${nsName}/${saName}` : this.identity(nsName, saName);
    if (sa !== void 0) {
      const ws = this.model.workloadsIn(ns);
      const w = ws.find((x) => x.name === sa) ?? this.model.selectWorkloads(ns, { app: sa })[0] ?? this.model.selectWorkloads(ns, { "app.kubernetes.io/name": sa })[0];
      if (w) {
        const real = render(ns, w.serviceAccount);
        const podSpec = typeof w.serviceAccountPath.at(-1) === "string" && String(w.serviceAccountPath.at(-1)).startsWith("serviceAccount") ? w.serviceAccountPath.slice(0, -1) : w.serviceAccountPath;
        const useReal = {
          desc: `Name the identity ${workloadLabel4(w)} has${w.serviceAccount === "default" ? " (shared by every pod of the namespace that sets no service account)" : ""}`,
          fix: replacedList(use, index, real)
        };
        const ownAccount = {
          desc: `Run ${workloadLabel4(w)} as its own service account "${sa}"`,
          fix: [
            "apiVersion: v1",
            "kind: ServiceAccount",
            "metadata:",
            `  name: ${sa}`,
            `  namespace: ${ns}`,
            "---",
            `# ${workloadLabel4(w)}`,
            ...podSpec.map((seg, i) => `${"  ".repeat(i)}${String(seg)}:`),
            `${"  ".repeat(podSpec.length)}serviceAccountName: ${sa}`,
            ""
          ].join("\n")
        };
        const suggestions = w.serviceAccount === "default" ? [ownAccount, useReal] : [useReal];
        return {
          text: interpolate(w.serviceAccount === "default" ? HINTS.runsAsDefault : HINTS.runsAs, { workload: workloadLabel4(w), real }),
          suggestions,
          related: [{ at: { resource: w.resource, path: w.serviceAccountPath, part: "key" }, message: `service account of ${workloadLabel4(w)}` }]
        };
      }
      const near = closest(sa, names3);
      if (near !== void 0) {
        const real = render(ns, near);
        return { text: interpolate(HINTS.didYouMean, { real }), suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }] };
      }
      const elsewhere = this.namespacesRunning(sa);
      if (elsewhere.length > 0) {
        const real = render(elsewhere[0], sa);
        return {
          text: interpolate(HINTS.runsElsewhere, { serviceAccount: sa, namespaces: quoteList(elsewhere), real }),
          suggestions: [{ desc: `Use "${real}"`, fix: replacedList(use, index, real) }]
        };
      }
    }
    return { text: interpolate(HINTS.namespaceRunsAs, { namespace: ns, accounts: quoteList(names3) }), suggestions: [] };
  }
  noPlaintextCallers(p, use, index, ns, matched, accounts) {
    const callers = [];
    for (const sa of matched) {
      const runs = accounts.bySa.get(sa) ?? [];
      if (runs.length === 0 && accounts.objects.has(sa)) return false;
      for (const o of runs) {
        if (!o.workload || !presentsNoIdentity(o.workload)) return false;
        callers.push(o.workload);
      }
    }
    if (callers.length === 0) return false;
    const entry = use.values[index];
    const names3 = callers.slice(0, 3).map(workloadLabel4).join(", ") + (callers.length > 3 ? ` and ${callers.length - 3} more` : "");
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: callers.length > 1 ? "callersWithoutIdentity" : "callerWithoutIdentity",
      data: { name: p.name, value: entry.value, callers: names3, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true) },
      related: callers.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${workloadLabel4(w)}` }))
    });
    return true;
  }
  /**
   * A waypoint-looking principal in a ztunnel policy on pods behind a waypoint is
   * waypoint-principal-mismatch's finding, which names the waypoint's real identity.
   */
  meantForWaypoint(p, principal) {
    if (p.targetRefs.length > 0 || !looksLikeWaypointPrincipal(this.model, principal)) return false;
    return this.model.policyWorkloads(p).some((w) => w.dataplane.mode === "ambient" && waypointsServing(this.model, w).length > 0);
  }
  checkPrincipal(p, use, index) {
    const entry = use.values[index];
    const pp = parsePrincipalPattern(entry.value, this.model.mesh.trustDomain, this.model.mesh.trustDomainAliases);
    if (pp.impossible) {
      this.reportImpossible(p, use, index, pp);
      return;
    }
    if (this.isKnown(pp)) return;
    if (pp.kind === "exact" && pp.scope === "foreign") {
      this.checkTrustDomain(p, use, index);
      return;
    }
    if (pp.kind === "any" || pp.scope === "foreign" || pp.namespace === void 0) return;
    const ns = pp.namespace;
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names3 = accounts.names;
    const matched = pp.kind === "exact" ? pp.serviceAccount !== void 0 && accounts.nameSet.has(pp.serviceAccount) && pp.pattern === this.identity(ns, pp.serviceAccount) ? [pp.serviceAccount] : [] : names3.filter((sa) => principalPatternMatches(pp, this.identity(ns, sa)));
    if (matched.length > 0) {
      this.noPlaintextCallers(p, use, index, ns, matched, accounts);
      return;
    }
    if (this.meantForWaypoint(p, entry.value)) return;
    const h = this.hint(p, use, index, ns, pp.serviceAccount, names3, false);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: pp.kind === "exact" && pp.serviceAccount !== void 0 ? "principalMatchesNoPod" : "principalMatchesNoIdentity",
      data: { name: p.name, value: entry.value, namespace: ns, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), hint: h.text },
      suggest: h.suggestions.length > 0 ? h.suggestions : void 0,
      related: h.related
    });
  }
  /**
   * An exact principal of a trust domain Envoy refuses (TrustDomainsForValidation accepts the
   * mesh's and its aliases): it can match no peer, whatever pods exist.
   */
  checkTrustDomain(p, use, index) {
    const entry = use.values[index];
    const m = /^([^/]+)(\/ns\/[^/]+\/sa\/[^/]+)$/.exec(entry.value);
    if (!m) return;
    const { trustDomain, trustDomainAliases } = this.model.mesh;
    const td = m[1];
    if (td === CLUSTER_LOCAL_TRUST_DOMAIN || envoyAcceptsTrustDomain(td, trustDomain, trustDomainAliases)) return;
    const fixed = `${trustDomain}${m[2]}`;
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: "foreignTrustDomain",
      data: { name: p.name, value: entry.value, trustDomain: td, meshTrustDomain: trustDomain, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      suggest: [{ desc: `Use the mesh's trust domain "${trustDomain}"`, fix: replacedList(use, index, fixed) }]
    });
  }
  reportImpossible(p, use, index, pp) {
    const entry = use.values[index];
    let messageId;
    let fixed;
    if (pp.impossible === "spiffe-scheme") {
      messageId = "spiffePrefix";
      fixed = entry.value.replace(/^spiffe:\/\//, "");
    } else {
      const star = entry.value.indexOf("*", 1);
      const rest = entry.value.slice(star + 1);
      if (star > 0 && rest.startsWith("/") && !rest.includes("*")) fixed = `*${rest}`;
      messageId = fixed ? "innerWildcard" : "innerWildcardNoFix";
    }
    const at3 = { resource: p.resource, path: entry.path };
    this.context.report({
      at: at3,
      messageId,
      data: { name: p.name, value: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use, true), fixed },
      // Safe to apply unasked (README, "How to fix"): the value names one identity or prefix, and
      // without the scheme it names that same one; "spiffe://*" is left to a choice.
      fix: messageId === "spiffePrefix" && fixed && !fixed.startsWith("*") ? { at: at3, value: fixed } : void 0,
      suggest: fixed ? [{ desc: pp.impossible === "spiffe-scheme" ? 'Drop the "spiffe://" prefix' : `Match every identity ending in "${fixed.slice(1)}" (any namespace and trust domain)`, fix: replacedList(use, index, fixed) }] : void 0
    });
  }
  checkServiceAccount(p, use, index) {
    const entry = use.values[index];
    if (entry.value.includes("*") || entry.value === "") return;
    const { namespace: ns, serviceAccount: sa } = parseServiceAccountEntry(entry.value, p.namespace);
    if (this.isKnown(parsePrincipalPattern(this.identity(ns, sa), this.model.mesh.trustDomain))) return;
    if (!this.model.knowsWorkloadsOf(ns)) return;
    const accounts = this.accounts(ns);
    const names3 = accounts.names;
    if (accounts.nameSet.has(sa)) {
      this.noPlaintextCallers(p, use, index, ns, [sa], accounts);
      return;
    }
    const h = this.hint(p, use, index, ns, sa, names3, true);
    this.context.report({
      at: { resource: p.resource, path: entry.path },
      messageId: "serviceAccountMatchesNoPod",
      data: {
        name: p.name,
        value: entry.value,
        namespace: ns,
        implied: entry.value.includes("/") ? "" : ` (without "<namespace>/", the policy's namespace)`,
        field: fieldLabel(use),
        consequence: noCallerConsequence(p, use, true),
        hint: h.text
      },
      suggest: h.suggestions.length > 0 ? h.suggestions : void 0,
      related: h.related
    });
  }
};
var principal_never_matches_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a principal or service account that no workload of the input runs as.",
      url: docsUrl("principal-never-matches"),
      recommended: true,
      aliases: ["KIA0106", "KIA0108"],
      tags: ["correctness", "authorization"]
    },
    messages: MESSAGES3,
    schema: [
      {
        type: "object",
        properties: {
          knownPrincipals: {
            ...NAMESPACE_LIST,
            description: 'Principals (or "prefix*" / "*suffix" patterns) that exist although no workload of the input runs as them.'
          },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "AuthorizationPolicies in these namespaces are not checked." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ knownPrincipals: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    fixable: "code",
    defaultSeverity: "warn",
    reads: reads(READS.identities, READS.serviceAccounts, READS.workloads, READS.waypoints)
  },
  create(context) {
    const checker = new Checker(context);
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, PRINCIPAL_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkPrincipal(p, use, i));
        }
        for (const use of sourceFieldUses(p, SA_FIELDS, true)) {
          use.values.forEach((_, i) => checker.checkServiceAccount(p, use, i));
        }
      }
    };
  }
});

// rules/selector-ignored-in-ambient/index.ts
function describeWorkloads4(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  return all.length > 3 ? `${all.slice(0, 3).join(", ")} and ${all.length - 3} more` : all.join(", ");
}
function l7Telemetry(spec) {
  const parts = [];
  if (arr(spec.tracing).length > 0) parts.push("tracing");
  if (arr(spec.accessLogging).length > 0) parts.push("access logging");
  if (arr(spec.metrics).some((m) => isRecord(m) && arr(m.overrides).length > 0)) parts.push("metric overrides");
  return parts.length > 0 ? parts.join(", ") : void 0;
}
function ambientSelected(model, p, rootSpansMesh) {
  if (p.targetRefs.length > 0 || !p.selector || Object.keys(p.selector).length === 0) return [];
  return model.policyWorkloads(p, rootSpansMesh).filter((w) => w.dataplane.mode === "ambient" && !isIstioGatewayWorkload(w));
}
function targetRefsFix(model, p, ws) {
  const services = [...new Set(ws.flatMap((w) => model.servicesOf(w).filter((s) => s.namespace === p.namespace).map((s) => s.name)))].sort();
  const lines = ["spec:", "  targetRefs:"];
  for (const n of services.length > 0 ? services : ["<service>"]) lines.push("  - kind: Service", '    group: ""', `    name: ${n}`);
  return `${lines.join("\n")}
`;
}
var selector_ignored_in_ambient_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A RequestAuthentication, an L7 Telemetry or a WasmPlugin selects ambient pods by label: ztunnel ignores it and waypoints take only targetRefs, so it has no effect.",
      url: docsUrl("selector-ignored-in-ambient"),
      recommended: true,
      aliases: ["KIA1110", "KIA1111", "KIA1112", "KIA1115", "KIA1116", "KIA1117"],
      tags: ["security", "ambient"]
    },
    messages: {
      requestAuthentication: 'RequestAuthentication "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel validates no JWT and a waypoint applies only policies attached with targetRefs, so no token is validated and no request principal is set for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      telemetry: 'Telemetry "{{name}}" configures {{what}} for {{workloads}}, which {{run}} in ambient: ztunnel does not apply it and a waypoint applies only policies attached with targetRefs, so it has no effect. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).',
      wasmPlugin: 'WasmPlugin "{{name}}" selects {{workloads}}, which {{run}} in ambient: ztunnel runs no Wasm and a waypoint applies only plugins attached with targetRefs, so the plugin does not run for them. Attach it with targetRefs to the Service{{plural}} in front of them (served by a waypoint).'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const report = (p, ws, messageId, what) => {
      const plural = new Set(ws.flatMap((w) => model.servicesOf(w).map((s) => s.name))).size > 1 ? "s" : "";
      context.report({
        at: { resource: p.resource, path: ["spec", "selector"], part: "key" },
        messageId,
        data: { name: p.name, workloads: describeWorkloads4(ws), run: ws.length > 1 ? "run" : "runs", what, plural },
        suggest: [{ desc: `Attach ${p.resource.kind} "${p.name}" with targetRefs (and drop its selector)`, fix: targetRefsFix(model, p, ws) }],
        assumptions: model.assumptionsOf(ws)
      });
    };
    return {
      RequestAuthentication(p) {
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, "requestAuthentication");
      },
      Telemetry(t) {
        const what = l7Telemetry(t.spec);
        if (!what) return;
        const ws = ambientSelected(model, t, false);
        if (ws.length > 0) report(t, ws, "telemetry", what);
      },
      WasmPlugin(r) {
        const p = toSelectingPolicy(r);
        const ws = ambientSelected(model, p, true);
        if (ws.length > 0) report(p, ws, "wasmPlugin");
      }
    };
  }
});

// rules/service-port-protocol/index.ts
var KUBERNETES_NAMESPACES = /* @__PURE__ */ new Set(["kube-system", "kube-public", "kube-node-lease"]);
function isIstioManaged(labels) {
  return labels.istio !== void 0 || labels.release === "istio" || labels["gateway.istio.io/managed"] !== void 0;
}
var service_port_protocol_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A Service port declares no protocol Istio knows (a name such as http-web or tcp-db, or appProtocol), so Istio sniffs it.",
      url: docsUrl("service-port-protocol"),
      recommended: true,
      aliases: ["IST0118", "KIA0601", "KIA0602"],
      tags: ["traffic"]
    },
    messages: {
      protocolNotDeclared: 'Service "{{name}}" port {{port}}{{portName}} declares no protocol Istio knows{{appProtocol}}: Istio detects it from the first bytes the client sends, so a protocol where the server speaks first (MySQL, SMTP, \u2026) can hang, and HTTP routing and policy apply only when detection recognises HTTP. Name the port <protocol>[-suffix] (http-web, grpc, tcp-db) or set appProtocol.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      Service(s) {
        if (isIstioManaged(s.resource.labels) || KUBERNETES_NAMESPACES.has(s.namespace)) return;
        const spec = s.resource.raw.spec;
        if (spec?.type === "ExternalName") return;
        for (const p of s.ports) {
          if (portProtocol(p) !== void 0) continue;
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index, p.appProtocol !== void 0 ? "appProtocol" : p.name !== void 0 ? "name" : "port"] },
            messageId: "protocolNotDeclared",
            data: { name: s.name, port: p.port, portName: p.name ? ` ("${p.name}")` : "", appProtocol: p.appProtocol !== void 0 ? ` (appProtocol "${p.appProtocol}")` : "" }
          });
        }
      }
    };
  }
});

// rules/serviceentry-conflict/index.ts
var protocolText = (p) => p ? p : "no protocol (sniffed)";
function sharedScope(a, b) {
  if (a.has("*")) return [...b];
  if (b.has("*")) return [...a];
  return [...a].filter((n) => b.has(n));
}
function reportHostPort(context, hostPort, claims) {
  const [host, port2] = [hostPort.slice(0, hostPort.lastIndexOf(":")), hostPort.slice(hostPort.lastIndexOf(":") + 1)];
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    const conflicting = others.filter((o) => o.protocol !== c.protocol);
    const duplicates = others.filter((o) => o.protocol === c.protocol && o.item.namespace !== c.item.namespace);
    const reported = conflicting.length > 0 ? conflicting : duplicates;
    if (reported.length === 0) continue;
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: conflicting.length > 0 ? "conflictingProtocols" : "duplicateHostPort",
      data: {
        name: c.item.name,
        host,
        port: port2,
        protocol: protocolText(c.protocol),
        others: listText(reported.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        otherProtocols: listText([...new Set(reported.map((o) => protocolText(o.protocol)))]),
        scope: exportToText(new Set(reported.flatMap((o) => sharedScope(c.item.exportTo, o.item.exportTo))))
      },
      related: reported.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `ServiceEntry ${o.item.namespace}/${o.item.name} declares ${host} port ${port2} as ${protocolText(o.protocol)}` }))
    });
  }
}
var serviceentry_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several ServiceEntries declare the same host and port: with different protocols, or from different namespaces that a client sees together.",
      url: docsUrl("serviceentry-conflict"),
      recommended: true,
      aliases: ["IST0177", "KIA1211", "KIA1212"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      conflictingProtocols: `ServiceEntry "{{name}}" declares {{host}} port {{port}} as {{protocol}}, and ServiceEntry {{others}} declares it as {{otherProtocols}} (both seen in {{scope}}): a client's proxy keeps one protocol for the port, from its own namespace's ServiceEntry, else from the one istiod picks, and handles the traffic meant for the other as that protocol. Declare the port with one protocol.`,
      duplicateHostPort: `ServiceEntry "{{name}}" declares {{host}} port {{port}}, as ServiceEntry {{others}} does from another namespace (both seen in {{scope}}): a client's proxy uses one of them for the host, its own namespace's, else the one istiod picks, and ignores the other's endpoints, resolution and location. Keep one ServiceEntry for the host, or export them to different namespaces.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const [hostPort, claims] of context.model.serviceEntryPortsByHostPort()) {
          if (claims.length > 1) reportHostPort(context, hostPort, claims);
        }
      }
    };
  }
});

// rules/sidecar-ineffective/index.ts
var SELECTOR2 = ["spec", "workloadSelector"];
var label4 = (s) => `"${s.namespace}/${s.name}"`;
function reportUnknownEgressHosts(context, s) {
  const model = context.model;
  arr(s.spec.egress).forEach((egress, e) => {
    if (!isRecord(egress)) return;
    arr(egress.hosts).forEach((value, h) => {
      if (typeof value !== "string") return;
      const host = value.slice(value.indexOf("/") + 1).toLowerCase();
      const ns = model.missingServiceHostNamespace(host);
      if (!ns) return;
      context.report({
        at: { resource: s.resource, path: ["spec", "egress", e, "hosts", h] },
        messageId: "egressHostUnknown",
        data: { name: s.name, host: value, namespace: ns, service: host.split(".")[0] }
      });
    });
  });
}
function reportDefaults(context, defaults) {
  if (defaults.length < 2) return;
  for (const s of defaults) {
    const others = defaults.filter((o) => o !== s);
    context.report({
      at: { resource: s.resource, path: ["metadata", "name"] },
      messageId: "severalDefaults",
      data: { name: s.name, namespace: s.namespace, others: listText(others.map(label4)) },
      related: others.map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `Sidecar ${o.namespace}/${o.name} has no workloadSelector either` }))
    });
  }
}
function reportOverlaps(context, selecting) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const s of selecting) {
    for (const w of context.model.policyWorkloads(s, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(s);
      else byWorkload.set(w, [s]);
    }
  }
  const reported = /* @__PURE__ */ new Set();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === "ambient") continue;
    for (const s of list) {
      if (reported.has(s)) continue;
      reported.add(s);
      const others = list.filter((o) => o !== s);
      context.report({
        at: { resource: s.resource, path: SELECTOR2, part: "key" },
        messageId: "overlappingSelectors",
        data: { name: s.name, workload: `${w.kind} ${w.namespace}/${w.name}`, others: listText(others.map(label4)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR2, part: "key" }, message: `Sidecar ${o.namespace}/${o.name} also selects ${w.kind} ${w.namespace}/${w.name}` }))
      });
    }
  }
}
function reportAmbient(context, s) {
  const model = context.model;
  if (s.selector === void 0) {
    const dp = model.dataplaneFor(s.namespace);
    if (dp.mode !== "ambient" || dp.assumption) return;
    context.report({ at: { resource: s.resource, path: ["metadata", "name"] }, messageId: "ambientNamespace", data: { name: s.name, namespace: s.namespace } });
    return;
  }
  const pods = model.policyWorkloads(s, false);
  if (pods.length === 0 || pods.some((w) => w.dataplane.mode !== "ambient" || w.dataplane.assumption)) return;
  context.report({
    at: { resource: s.resource, path: SELECTOR2, part: "key" },
    messageId: "ambientPods",
    data: { name: s.name, workloads: listText(pods.slice(0, 3).map((w) => `${w.kind} ${w.namespace}/${w.name}`)) + (pods.length > 3 ? ` and ${pods.length - 3} more` : "") }
  });
}
var sidecar_ineffective_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Sidecar does not configure the proxies it is meant for: another Sidecar wins for the same pods, the pods run in ambient mode, or an egress host names a Service that does not exist.",
      url: docsUrl("sidecar-ineffective"),
      recommended: true,
      aliases: ["IST0110", "IST0111", "IST0167", "KIA0002", "KIA0003", "KIA1004"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      overlappingSelectors: 'Sidecar "{{name}}" selects {{workload}}, which Sidecar {{others}} also selects: istiod gives each proxy one Sidecar, the first created, and ignores the others for it. Make the workloadSelectors disjoint, or merge the Sidecars.',
      severalDefaults: `Sidecar "{{name}}" has no workloadSelector, nor has Sidecar {{others}}: istiod uses only the first created as namespace {{namespace}}'s default and ignores the others. Merge them into one, or give all but one a workloadSelector.`,
      ambientPods: 'Sidecar "{{name}}" selects only ambient pods ({{workloads}}): they run no sidecar proxy, so it has no effect. Remove it, or move its settings to the waypoint.',
      ambientNamespace: 'Sidecar "{{name}}" is the default of namespace {{namespace}}, whose pods run in ambient mode without sidecar proxies: it has no effect. Remove it.',
      egressHostUnknown: `Sidecar "{{name}}" imports egress host "{{host}}", but namespace {{namespace}} has no Service "{{service}}" (nor does a ServiceEntry declare the host): the entry imports nothing, and if it was meant for another Service, that Service is not in the Sidecar's egress, so its proxies get no route or cluster for it. Fix the host name, or remove the entry.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.hosts, READS.workloads)
  },
  create(context) {
    const byNamespace = /* @__PURE__ */ new Map();
    return {
      Sidecar(s) {
        const list = byNamespace.get(s.namespace);
        if (list) list.push(s);
        else byNamespace.set(s.namespace, [s]);
        reportAmbient(context, s);
        reportUnknownEgressHosts(context, s);
      },
      "Mesh:exit"() {
        for (const list of byNamespace.values()) {
          reportDefaults(context, list.filter((s) => s.selector === void 0));
          reportOverlaps(context, list.filter((s) => s.selector !== void 0));
        }
      }
    };
  }
});

// src/mtls/client-identity.ts
function modeWithoutIdentity(tls, autoMtls) {
  if (tls.mode === void 0) return autoMtls ? void 0 : "DISABLE";
  return tls.mode === "ISTIO_MUTUAL" ? void 0 : tls.mode;
}
function clientsWithoutIdentity(model, w, ports) {
  const autoMtls = model.mesh.enableAutoMtls;
  const out = [];
  for (const s of model.servicesOf(w)) {
    for (const p of s.ports) {
      const target = targetPortOf(p, w);
      if (ports && (target === void 0 || !ports.includes(target))) continue;
      const mode = effectiveMtls(model, w, target).mode;
      if (mode === "STRICT" || mode === "DISABLE") continue;
      const groups = /* @__PURE__ */ new Map();
      for (const v of clientViews(model, s, p, (tls) => modeWithoutIdentity(tls, autoMtls) !== void 0)) {
        const rule = v.tls.mode === void 0 ? void 0 : v.tls.decidedAt?.rule;
        const sent = modeWithoutIdentity(v.tls, autoMtls);
        const key2 = rule ? `${rule.dr.namespace}/${rule.dr.name}/${sent}` : sent;
        const g = groups.get(key2);
        if (g) g.views.push(v);
        else groups.set(key2, { service: s, port: p, rule, path: rule ? v.tls.decidedAt?.path : void 0, mode: sent, views: [v] });
      }
      out.push(...groups.values());
    }
  }
  return out;
}

// rules/source-identity-without-mtls/index.ts
var FIELDS2 = {
  source: [
    ["principals", false],
    ["notPrincipals", true],
    ["namespaces", false],
    ["notNamespaces", true],
    ["serviceAccounts", false],
    ["notServiceAccounts", true],
    ["trustDomains", false],
    ["notTrustDomains", true]
  ],
  when: ["source.principal", "source.namespace", "source.serviceAccount", "source.trustDomain"]
};
function subset2(selector, labels) {
  for (const k in selector) if (labels[k] !== selector[k]) return false;
  return true;
}
function workloadLabel5(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function describe4(ws) {
  const names3 = ws.slice(0, 3).map(workloadLabel5);
  return ws.length > 3 ? `${names3.join(", ")} and ${ws.length - 3} more` : names3.join(", ");
}
function disabledBy(model, w) {
  const em = model.effectiveMtls(w);
  if (em.mode !== "DISABLE" || !em.decidedBy) return void 0;
  if (w.namespace !== model.rootNamespace) {
    for (const pa of model.policiesIn("PeerAuthentication", w.namespace)) {
      if (!pa.selector || Object.keys(pa.selector).length === 0 || !subset2(pa.selector, w.podLabels)) continue;
      for (const port2 of pa.portLevel.keys()) if (model.effectiveMtls(w, port2).mode !== "DISABLE") return void 0;
    }
  }
  return em.decidedBy;
}
function hasNoProxy(w) {
  return w.dataplane.mode === "none" && !w.dataplane.assumption && !isIstioGatewayWorkload(w);
}
function subject(use) {
  return use.whenIndex === void 0 && use.fromCount > 1 ? `this rule's from[${use.fromIndex}] entry` : "this rule";
}
function consequence4(p, use) {
  if (use.negative) {
    const verb2 = p.action === "DENY" ? "denies" : p.action === "AUDIT" ? "audits" : p.action === "CUSTOM" ? "sends to the external authorizer" : "admits";
    const shown = quoted(use.values.slice(0, 3).map((v) => v.value));
    const listed = use.values.length > 3 ? `${shown.join(", ")} and ${use.values.length - 3} more` : shown.join(", ");
    return `it matches every caller and this rule ${verb2} every request that meets its other conditions, even from ${listed}`;
  }
  switch (p.action) {
    case "DENY":
      return `it never matches and ${subject(use)} denies nothing: the callers it should block get through`;
    case "AUDIT":
      return `it never matches and ${subject(use)} audits nothing`;
    case "CUSTOM":
      return `it never matches and ${subject(use)} sends nothing to the external authorizer`;
    default:
      return `it never matches and ${subject(use)} admits nothing: its callers get 403 unless another rule admits them`;
  }
}
function negated(use) {
  if (use.whenIndex !== void 0) return `the "${use.field}" condition with notValues`;
  return `"not${use.field[0].toUpperCase()}${use.field.slice(1)}"`;
}
function rulePorts(p, ruleIndex) {
  const rule = p.rules?.[ruleIndex];
  if (!isRecord(rule)) return void 0;
  const to = arr(rule.to);
  if (to.length === 0) return void 0;
  const ports = [];
  for (const t of to) {
    const op = isRecord(t) && isRecord(t.operation) ? t.operation : void 0;
    const list = op ? arr(op.ports).map((x) => Number(x)).filter((n) => Number.isInteger(n)) : [];
    if (list.length === 0) return void 0;
    ports.push(...list);
  }
  return [...new Set(ports)];
}
function plaintextWhy(model, w, port2) {
  const zt = w.dataplane.mode === "ambient" ? model.ztunnelMtls(w, port2) : void 0;
  const em = zt ?? model.effectiveMtls(w, port2);
  if (em.mode === "STRICT") return void 0;
  if (zt?.istiodSlip) {
    const { workload: wpa, mesh } = zt.istiodSlip;
    return `PeerAuthentication ${wpa.namespace}/${wpa.name} makes port ${port2} STRICT under the mesh-wide STRICT ${mesh.namespace}/${mesh.name}, but istiod's convertPeerAuthentication sends ztunnel no policy for it, so ztunnel accepts plaintext there`;
  }
  if (em.decidedBy) return `PeerAuthentication ${em.decidedBy.namespace}/${em.decidedBy.name} sets ${em.mode}${em.portLevel ? ` on port ${port2}` : ""}`;
  return "no PeerAuthentication applies, and Istio's default is PERMISSIVE";
}
function how(c) {
  if (!c.rule) return "in plaintext, as enableAutoMtls is false and no DestinationRule gives them tls.mode ISTIO_MUTUAL";
  const rule = `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`;
  switch (c.mode) {
    case "DISABLE":
      return `in plaintext (tls.mode DISABLE in ${rule})`;
    case "SIMPLE":
      return `with TLS but no client certificate (tls.mode SIMPLE in ${rule})`;
    case "MUTUAL":
      return `with the certificate of ${rule} (tls.mode MUTUAL), not their Istio one`;
    default:
      return `with tls.mode ${c.mode} (${rule})`;
  }
}
function uniqueAssumptions(list) {
  const seen = /* @__PURE__ */ new Set();
  return list.filter((a) => {
    const key2 = `${a.namespace}/${a.dataPlane}/${a.missing}`;
    if (seen.has(key2)) return false;
    seen.add(key2);
    return true;
  });
}
var DEFAULT_OPTIONS2 = { ignoreNamespaces: [] };
var source_identity_without_mtls_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy matches callers by identity (principals, namespaces, service accounts) on workloads that receive no mTLS, or a DENY does so on workloads that accept plaintext.",
      url: docsUrl("source-identity-without-mtls"),
      recommended: true,
      aliases: ["KIA0105"],
      tags: ["security", "authorization", "mtls"]
    },
    messages: {
      identityWithoutMtls: 'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but PeerAuthentication {{peerAuthentication}} turns mTLS off for {{workloads}}, so {{consequence}}. Enable mTLS there, or match callers by ipBlocks.',
      identityWithoutClientMtls: 'AuthorizationPolicy "{{name}}" matches callers by {{field}}, which needs mTLS, but {{clients}} call {{services}} {{how}}: {{workloads}} {{see}} no Istio identity from them, so for them {{consequence}}. {{fix}}',
      denyOnPlaintext: 'AuthorizationPolicy "{{name}}" denies callers by {{field}}, which needs mTLS, but {{workloads}} {{accept}} plaintext ({{why}}): a client outside the mesh presents no identity, so this DENY rule does not match it and it gets through. Require mTLS with a STRICT PeerAuthentication, or write an ALLOW policy with {{negated}}.',
      identityWithoutProxy: 'AuthorizationPolicy "{{name}}" matches callers by {{fields}}, which {{need}} mTLS, but {{workloads}} {{have}} no sidecar and {{are}} not in ambient: no proxy enforces the policy there, so every request gets through unchecked. Add {{them}} to the mesh (sidecar injection or ambient).'
    },
    schema: ignoreNamespacesSchema("Namespaces whose AuthorizationPolicies are not checked."),
    defaultOptions: [DEFAULT_OPTIONS2],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.clientViews, READS.peerAuthentications, READS.services, READS.workloads)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set((context.options[0] ?? DEFAULT_OPTIONS2).ignoreNamespaces);
    const verdicts = /* @__PURE__ */ new Map();
    const verdict = (w) => {
      if (verdicts.has(w)) return verdicts.get(w);
      let v;
      if (w.dataplane.mode === "sidecar" && !isIstioGatewayWorkload(w)) v = disabledBy(model, w);
      else if (hasNoProxy(w)) v = "no-proxy";
      verdicts.set(w, v);
      return v;
    };
    const reportPermissiveDeny = (p, uses, selected, disabled) => {
      const disabledWs = new Set([...disabled.values()].flat());
      for (const use of uses) {
        if (use.negative) continue;
        const ports = rulePorts(p, use.ruleIndex);
        const open = [];
        for (const w of selected) {
          if (w.dataplane.mode === "none" || isIstioGatewayWorkload(w) || disabledWs.has(w)) continue;
          for (const port2 of ports ?? [void 0, ...w.ports.map((x) => x.port)]) {
            const why = plaintextWhy(model, w, port2);
            if (!why) continue;
            const em = w.dataplane.mode === "ambient" ? model.ztunnelMtls(w, port2) : model.effectiveMtls(w, port2);
            open.push({ w, why, pa: em.decidedBy });
            break;
          }
        }
        if (open.length === 0) continue;
        const ws = open.map((o) => o.w);
        const whys = [...new Set(open.map((o) => o.why))];
        const pas = [...new Set(open.flatMap((o) => o.pa ? [o.pa] : []))];
        context.report({
          at: { resource: p.resource, path: use.at.path, part: use.at.part },
          severity: "warn",
          messageId: "denyOnPlaintext",
          data: { name: p.name, field: fieldLabel(use), workloads: describe4(ws), accept: ws.length === 1 ? "accepts" : "accept", why: whys.slice(0, 2).join("; "), negated: negated(use) },
          suggest: [
            { desc: `Require mTLS for the workloads (PeerAuthentication STRICT in namespace "${ws[0].namespace}")`, fix: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: ${ws[0].namespace}
spec:
  mtls:
    mode: STRICT
` }
          ],
          related: pas.slice(0, 3).map((pa) => ({
            at: { resource: pa.resource, path: isRecord(pa.resource.raw.spec) && isRecord(pa.resource.raw.spec.mtls) ? ["spec", "mtls"] : ["spec"] },
            message: `PeerAuthentication ${pa.namespace}/${pa.name} lets plaintext in`
          })),
          assumptions: model.assumptionsOf(ws)
        });
      }
    };
    const clientCache2 = /* @__PURE__ */ new Map();
    const clientsOf = (w, ports) => {
      const key2 = `${w.kind}/${w.namespace}/${w.name}/${ports?.join(",") ?? "*"}`;
      let list = clientCache2.get(key2);
      if (!list) clientCache2.set(key2, list = clientsWithoutIdentity(model, w, ports));
      return list;
    };
    const reportClientsWithoutIdentity = (p, uses, sidecars) => {
      if (sidecars.length === 0) return;
      for (const use of uses) {
        const groups = /* @__PURE__ */ new Map();
        for (const w of sidecars) {
          for (const c of clientsOf(w, rulePorts(p, use.ruleIndex))) {
            const key2 = c.rule ? `${c.rule.dr.namespace}/${c.rule.dr.name}/${c.mode}` : c.mode;
            const g = groups.get(key2) ?? { first: c, workloads: [], services: [], views: [] };
            groups.set(key2, g);
            if (!g.workloads.includes(w)) g.workloads.push(w);
            const service = `${c.service.namespace}/${c.service.name}`;
            if (!g.services.includes(service)) g.services.push(service);
            g.views.push(...c.views);
          }
        }
        for (const g of groups.values()) {
          const c = g.first;
          const one = g.workloads.length === 1;
          const host = model.hostOf(c.service);
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: "identityWithoutClientMtls",
            data: {
              name: p.name,
              field: fieldLabel(use),
              clients: describeClients(g.views),
              services: `Service ${g.services.slice(0, 3).join(", ")}${g.services.length > 3 ? ` and ${g.services.length - 3} more` : ""}`,
              how: how(c),
              workloads: describe4(g.workloads),
              see: one ? "sees" : "see",
              consequence: consequence4(p, use),
              fix: c.rule ? `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} (or drop its tls), or match these callers by ipBlocks.` : `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL, or turn auto mTLS on.`
            },
            suggest: c.rule ? [{ desc: `Set tls.mode ISTIO_MUTUAL in DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name}`, fix: "spec:\n  trafficPolicy:\n    tls:\n      mode: ISTIO_MUTUAL\n" }] : [{ desc: `Add a DestinationRule for ${host} with tls.mode ISTIO_MUTUAL`, fix: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ${c.service.name}-istio-mutual
  namespace: ${c.service.namespace}
spec:
  host: ${host}
  trafficPolicy:
    tls:
      mode: ISTIO_MUTUAL
` }],
            related: c.rule && c.path ? [{ at: { resource: c.rule.dr.resource, path: [...c.path] }, message: `DestinationRule ${c.rule.dr.namespace}/${c.rule.dr.name} sets tls.mode ${c.mode} for ${host}` }] : void 0,
            assumptions: uniqueAssumptions([...model.assumptionsOf(g.workloads), ...clientAssumptions(model, g.views)])
          });
        }
      }
    };
    return {
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        if (p.targetRefs.length > 0 || p.dryRun) return;
        const uses = sourceFieldUses(p, FIELDS2);
        if (uses.length === 0) return;
        const disabled = /* @__PURE__ */ new Map();
        const noProxy = [];
        const selected = model.policyWorkloads(p);
        for (const w of selected) {
          const v = verdict(w);
          if (v === "no-proxy") noProxy.push(w);
          else if (v) disabled.set(v, [...disabled.get(v) ?? [], w]);
        }
        for (const [pa, ws] of disabled) {
          for (const use of uses) {
            const related = [
              {
                at: { resource: pa.resource, path: ["spec", "mtls", "mode"] },
                message: `PeerAuthentication ${pa.namespace}/${pa.name} disables mTLS ${pa.selector && Object.keys(pa.selector).length > 0 ? "for the workloads it selects" : pa.namespace === model.rootNamespace ? "mesh-wide" : `in namespace "${pa.namespace}"`}: callers reach ${describe4(ws)} in plaintext, with no identity`
              }
            ];
            context.report({
              at: { resource: p.resource, path: use.at.path, part: use.at.part },
              messageId: "identityWithoutMtls",
              data: { name: p.name, field: fieldLabel(use), peerAuthentication: `${pa.namespace}/${pa.name}`, workloads: describe4(ws), consequence: consequence4(p, use) },
              suggest: [{ desc: `Set mTLS to STRICT in PeerAuthentication ${pa.namespace}/${pa.name}`, fix: "spec:\n  mtls:\n    mode: STRICT\n" }],
              related,
              assumptions: model.assumptionsOf(ws)
            });
          }
        }
        reportClientsWithoutIdentity(p, uses, selected.filter((w) => verdict(w) === void 0 && hasSidecar(w) && !isIstioGatewayWorkload(w)));
        if (p.action === "DENY") reportPermissiveDeny(p, uses, selected, disabled);
        const explicit = p.selector !== void 0 && Object.keys(p.selector).length > 0;
        if (noProxy.length > 0 && (explicit || noProxy.length === selected.length)) {
          const use = uses[0];
          const one = noProxy.length === 1;
          const ns = noProxy[0].namespace;
          context.report({
            at: { resource: p.resource, path: use.at.path, part: use.at.part },
            messageId: "identityWithoutProxy",
            data: {
              name: p.name,
              fields: [...new Set(uses.map(fieldLabel))].join(" and "),
              need: uses.length > 1 ? "need" : "needs",
              workloads: describe4(noProxy),
              have: one ? "has" : "have",
              are: one ? "is" : "are",
              them: one ? "it" : "them"
            },
            suggest: [
              { desc: `Enrol namespace "${ns}" in ambient mode`, fix: `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio.io/dataplane-mode: ambient
` },
              { desc: `Inject sidecars in namespace "${ns}" (then restart its pods)`, fix: `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
  labels:
    istio-injection: enabled
` }
            ],
            related: noProxy.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${workloadLabel5(w)}: ${w.dataplane.reason}` }))
          });
        }
      }
    };
  }
});

// rules/target-port-not-found/index.ts
var describe5 = (ws) => listText(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`), 3);
var target_port_not_found_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Service port sends to a named targetPort that the containers of its pods do not name: those pods are not its endpoints.",
      url: docsUrl("target-port-not-found"),
      recommended: true,
      aliases: ["KIA0701"],
      tags: ["kubernetes"]
    },
    messages: {
      noPodNamesPort: 'Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{workloads}} names: Kubernetes lists none of their pods as endpoints of that port{{consequence}}. Name the container port "{{name}}", or give targetPort its number.',
      somePodsLackPort: `Service "{{service}}" port {{port}} sends to targetPort "{{name}}", which no container of {{missing}} names: Kubernetes leaves their pods out of that port's endpoints, so only {{serving}} {{serve}} it. Name the container port "{{name}}" there too, or give targetPort its number.`
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.workloads)
  },
  create(context) {
    const model = context.model;
    return {
      Service(s) {
        const pods = model.servicePods(s).filter((w) => !w.knative);
        if (pods.length === 0) return;
        for (const p of s.ports) {
          const name = p.targetPort;
          if (typeof name !== "string" || name === "" || /^\d+$/.test(name)) continue;
          const missing = pods.filter((w) => !w.ports.some((c) => c.name === name));
          if (missing.length === 0) continue;
          const serving = pods.filter((w) => !missing.includes(w));
          context.report({
            at: { resource: s.resource, path: ["spec", "ports", p.index, "targetPort"] },
            messageId: serving.length === 0 ? "noPodNamesPort" : "somePodsLackPort",
            data: {
              service: `${s.namespace}/${s.name}`,
              port: p.port,
              name,
              workloads: describe5(missing),
              missing: describe5(missing),
              serving: describe5(serving),
              serve: serving.length === 1 ? "serves" : "serve",
              // Closed world only where we know it: other pods of the namespace may name the port.
              consequence: model.knowsWorkloadsOf(s.namespace) ? ", so its requests find no backend" : ""
            },
            related: missing.slice(0, 3).map((w) => ({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}: container ports ${w.ports.map((c) => c.name ?? String(c.port)).join(", ") || "none"}` }))
          });
        }
      }
    };
  }
});

// rules/telemetry-conflicts/index.ts
var SELECTOR3 = ["spec", "selector"];
var label5 = (t) => `"${t.namespace}/${t.name}"`;
var hasLabels = (t) => t.selector !== void 0 && Object.keys(t.selector).length > 0;
var namespaceWide = (t) => !hasLabels(t) && t.targetRefs.length === 0;
function reportNamespaceWide(context, list) {
  if (list.length < 2) return;
  for (const t of list) {
    const others = list.filter((o) => o !== t);
    context.report({
      at: { resource: t.resource, path: ["metadata", "name"] },
      messageId: "severalNamespaceWide",
      data: {
        name: t.name,
        others: listText(others.map(label5)),
        scope: t.namespace === context.model.rootNamespace ? `the mesh-wide default (root namespace ${t.namespace})` : `namespace ${t.namespace}'s default`
      },
      related: others.map((o) => ({ at: { resource: o.resource, path: ["metadata", "name"] }, message: `Telemetry ${o.namespace}/${o.name} has no selector or targetRefs either` }))
    });
  }
}
function reportOverlaps2(context, selecting) {
  const byWorkload = /* @__PURE__ */ new Map();
  for (const t of selecting) {
    for (const w of context.model.policyWorkloads(t, false)) {
      const list = byWorkload.get(w);
      if (list) list.push(t);
      else byWorkload.set(w, [t]);
    }
  }
  const reported = /* @__PURE__ */ new Set();
  for (const [w, list] of byWorkload) {
    if (list.length < 2 || w.dataplane.mode === "ambient") continue;
    for (const t of list) {
      if (reported.has(t)) continue;
      reported.add(t);
      const others = list.filter((o) => o !== t);
      const workload = `${w.kind} ${w.namespace}/${w.name}`;
      context.report({
        at: { resource: t.resource, path: SELECTOR3, part: "key" },
        messageId: "overlappingSelectors",
        data: { name: t.name, workload, others: listText(others.map(label5)) },
        related: others.map((o) => ({ at: { resource: o.resource, path: SELECTOR3, part: "key" }, message: `Telemetry ${o.namespace}/${o.name} also selects ${workload}` })),
        assumptions: context.model.assumptionsOf([w])
      });
    }
  }
}
var telemetry_conflicts_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Telemetries that compete for the same proxies: several namespace-wide ones in a namespace (istiod uses the oldest), or selectors that pick the same workload (merged by creation time).",
      url: docsUrl("telemetry-conflicts"),
      recommended: true,
      aliases: ["IST0159", "IST0160"],
      tags: ["telemetry"]
    },
    messages: {
      severalNamespaceWide: 'Telemetry "{{name}}" has no selector or targetRefs, nor has Telemetry {{others}}: istiod uses only the oldest of them as {{scope}} and ignores the others, so which metrics, access logs and tracing apply depends on creation order. Merge them into one, or give all but one a selector.',
      overlappingSelectors: 'Telemetry "{{name}}" selects {{workload}}, as does Telemetry {{others}}: istiod applies all of them, the later-created overriding the earlier where they configure the same metrics, access logs or tracing, so the result depends on creation order. Merge them, or make their selectors pick different workloads.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.workloads)
  },
  create(context) {
    const byNamespace = /* @__PURE__ */ new Map();
    return {
      Telemetry(t) {
        const list = byNamespace.get(t.namespace);
        if (list) list.push(t);
        else byNamespace.set(t.namespace, [t]);
      },
      "Mesh:exit"() {
        for (const list of byNamespace.values()) {
          reportNamespaceWide(context, list.filter(namespaceWide));
          reportOverlaps2(context, list.filter((t) => hasLabels(t) && t.targetRefs.length === 0));
        }
      }
    };
  }
});

// rules/telemetry-missing-provider/index.ts
var telemetry_missing_provider_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A Telemetry's access logging names no provider, and the mesh config has no default access-logging provider: the entry enables no access log and its filter is never applied.",
      url: docsUrl("telemetry-missing-provider"),
      recommended: true,
      aliases: ["IST0157"],
      tags: ["telemetry"]
    },
    messages: {
      noProvider: 'Telemetry "{{name}}" has an access-logging entry that names no provider, and {{meshConfig}} sets no meshConfig.defaultProviders.accessLogging: istiod finds no provider for the entry, so it enables no access log of its own and its filter is never applied. Name a provider (e.g. providers: [{name: envoy}]), or set defaultProviders.accessLogging in the mesh config.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const mesh = context.model.mesh;
    const defaults = mesh.defaultAccessLogProviders ?? (mesh.complete ? [] : void 0);
    if (defaults === void 0 || defaults.length > 0) return {};
    const source = mesh.sources.defaultAccessLogProviders;
    const meshConfig = source ? `the mesh config (${source.resource.kind} ${source.resource.namespace}/${source.resource.name})` : "Istio's default mesh config (the input holds no other)";
    return {
      Telemetry(t) {
        const entries2 = Array.isArray(t.spec.accessLogging) ? t.spec.accessLogging : [];
        entries2.forEach((entry, i) => {
          if (!isRecord(entry)) return;
          if (entry.disabled === true) return;
          if (Array.isArray(entry.providers) && entry.providers.length > 0) return;
          context.report({
            at: { resource: t.resource, path: ["spec", "accessLogging", i, ...Array.isArray(entry.providers) ? ["providers"] : []] },
            messageId: "noProvider",
            data: { name: t.name, meshConfig },
            related: source ? [{ at: { resource: source.resource, path: source.path }, message: "the mesh config, without defaultProviders.accessLogging" }] : void 0
          });
        });
      }
    };
  }
});

// rules/tls-mode-conflict/index.ts
var MAX_SUGGESTIONS = 3;
function whatClientsSend(mode) {
  switch (mode) {
    case "DISABLE":
      return "send plaintext";
    case "SIMPLE":
      return "send TLS without a client certificate (SIMPLE), not Istio mTLS";
    case "MUTUAL":
      return "send TLS with the rule's own certificates (MUTUAL), not their Istio identity";
    default:
      return `use tls.mode ${mode}`;
  }
}
function fixRule(name, ns, host, mode) {
  return ["apiVersion: networking.istio.io/v1", "kind: DestinationRule", "metadata:", `  name: ${name}`, `  namespace: ${ns}`, "spec:", `  host: "${host}"`, "  trafficPolicy:", "    tls:", `      mode: ${mode}`, ""].join("\n");
}
function suggestion(model, c, want) {
  const dr = c.rule.dr;
  const out = [];
  const hosts = new Set([...c.targets.values()].map((t) => model.hostOf(t.service)));
  const specific = hosts.size === 1 && hosts.has(c.rule.host);
  if (specific) {
    const portEntry = c.path.includes("portLevelSettings");
    out.push({
      desc: `Set tls.mode ${want} in DestinationRule ${dr.namespace}/${dr.name}${portEntry ? " (its portLevelSettings entry)" : ""}`,
      fix: portEntry ? ["spec:", "  trafficPolicy:", "    portLevelSettings:", `    - port:`, `        number: ${[...c.targets.values()][0].port.port}`, "      tls:", `        mode: ${want}`, ""].join("\n") : ["spec:", "  trafficPolicy:", "    tls:", `      mode: ${want}`, ""].join("\n")
    });
  } else {
    for (const t of c.targets.values()) {
      const ns = t.tls.lookup.step === "root-namespace" ? t.service.namespace : c.rule.dr.namespace;
      const host = model.hostOf(t.service);
      const fix = fixRule(`${t.service.name}-${want === "DISABLE" ? "plaintext" : "istio-mutual"}`, ns, host, want);
      if (out.some((s) => s.fix === fix)) continue;
      out.push({ desc: `Add a DestinationRule for ${host} with tls.mode ${want} in namespace ${ns}, where the lookup finds it before "${c.rule.host}"`, fix });
    }
    if (out.length > MAX_SUGGESTIONS) {
      const rest = out.length - MAX_SUGGESTIONS;
      out.length = MAX_SUGGESTIONS;
      out[MAX_SUGGESTIONS - 1] = { ...out[MAX_SUGGESTIONS - 1], desc: `${out[MAX_SUGGESTIONS - 1].desc} (and the same for ${rest} more host${rest === 1 ? "" : "s"})` };
    }
  }
  return out;
}
function paNames(targets) {
  return [...new Set(targets.flatMap((t) => t.backends.flatMap((b) => b.mtls.decidedBy ? [`${b.mtls.decidedBy.namespace}/${b.mtls.decidedBy.name}`] : [])))];
}
function targetRelated(model, targets, kind) {
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const t of targets) {
    for (const b of t.backends) {
      const pa = b.mtls.decidedBy;
      if (!pa) continue;
      const key2 = `${pa.namespace}/${pa.name}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      const pods = describeWorkloads(t.backends.filter((x) => x.mtls.decidedBy === pa).map((x) => x.workload));
      out.push({ at: { resource: pa.resource, path: mtlsPath(b.mtls, b.targetPort) }, message: `${describePa(model, b.mtls)} sets mTLS ${kind === "plaintext-to-strict" ? "STRICT" : "DISABLE"} here, for ${pods}` });
    }
    for (const w of t.plain.slice(0, 3)) {
      const key2 = `${w.kind}/${w.namespace}/${w.name}`;
      if (seen.has(key2)) continue;
      seen.add(key2);
      out.push({ at: { resource: w.resource, path: w.podMetadataPath, part: "key" }, message: `pods of ${w.kind} ${w.namespace}/${w.name}, without a sidecar: ${w.dataplane.reason}` });
    }
  }
  return out.slice(0, 5);
}
var TO_STRICT = "for {{ports}}, which {{isAre}} STRICT (PeerAuthentication {{policies}}): {{clients}} {{send}}, and every request is reset (503). Set tls.mode ISTIO_MUTUAL{{dropTls}}, or make {{thosePorts}} PERMISSIVE.";
var TO_PLAINTEXT = "DestinationRule {{rule}}{{host}}{{where}} sets tls.mode ISTIO_MUTUAL for {{ports}}, whose pods have";
var UNREADABLE = "{{clients}} send Istio mTLS the application cannot read, and every request fails (503). Use tls.mode DISABLE{{dropTls}}";
var tls_mode_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A DestinationRule tls.mode that the destination pods cannot accept: DISABLE, SIMPLE or MUTUAL toward STRICT mTLS workloads, or ISTIO_MUTUAL toward pods with mTLS DISABLE or without a sidecar.",
      url: docsUrl("tls-mode-conflict"),
      recommended: true,
      aliases: ["KIA0207", "KIA0208", "KIA0505", "KIA0506"],
      tags: ["security", "mtls", "sidecar"]
    },
    messages: {
      plaintextToStrict: `DestinationRule {{rule}}{{host}}{{where}} sets tls.mode {{mode}} ${TO_STRICT}`,
      tlsWithoutModeToStrict: `DestinationRule {{rule}}{{host}}{{where}} has tls without a mode (DISABLE) ${TO_STRICT}`,
      mtlsToDisabled: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}): ${UNREADABLE}, or make the pods PERMISSIVE.`,
      mtlsToNoSidecar: `${TO_PLAINTEXT} no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`,
      mtlsToDisabledOrNoSidecar: `${TO_PLAINTEXT} mTLS DISABLE (PeerAuthentication {{policies}}) or no sidecar ({{workloads}}): ${UNREADABLE}, or give the pods a sidecar.`
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.services, READS.clientViews, READS.peerAuthentications, READS.destinationRules)
  },
  create(context) {
    const model = context.model;
    if (model.destinationRules.length === 0) return {};
    const conflicts = /* @__PURE__ */ new Map();
    const add = (kind, v, target) => {
      const at3 = v.tls.decidedAt;
      if (!at3 || v.tls.mode === void 0) return;
      const key2 = `${kind}|${at3.rule.dr.namespace}/${at3.rule.dr.name}|${at3.path.join(".")}`;
      let c = conflicts.get(key2);
      if (!c) conflicts.set(key2, c = { kind, rule: at3.rule, path: at3.path, mode: v.tls.mode, clients: /* @__PURE__ */ new Map(), targets: /* @__PURE__ */ new Map() });
      c.clients.set(viewKey(v), v);
      const tk = `${target.service.namespace}/${target.service.name}:${target.port.port}`;
      if (!c.targets.has(tk)) c.targets.set(tk, { ...target, tls: v.tls });
    };
    return {
      Service(s) {
        for (const p of s.ports) {
          const backends = sidecarBackends(model, s, p);
          const strict = backends.filter((b) => b.mtls.mode === "STRICT");
          const disabled = backends.filter((b) => b.mtls.mode === "DISABLE");
          const plain = plainBackends(model, s);
          if (strict.length === 0 && disabled.length === 0 && plain.length === 0) continue;
          for (const v of clientViews(model, s, p, (tls) => tls.mode !== void 0)) {
            const mode = v.tls.mode;
            if (mode === "ISTIO_MUTUAL") {
              if (disabled.length > 0 || plain.length > 0) add("mtls-to-plaintext", v, { service: s, port: p, backends: disabled, plain });
            } else if (strict.length > 0) {
              add("plaintext-to-strict", v, { service: s, port: p, backends: strict, plain: [] });
            }
          }
        }
      },
      // One report per DestinationRule node, naming every Service port it breaks: only known once
      // all Services are seen.
      "Mesh:exit"() {
        for (const c of conflicts.values()) report(c);
      }
    };
    function report(c) {
      const dr = c.rule.dr;
      const targets = [...c.targets.values()];
      const one = targets.length === 1;
      const data = {
        rule: `${dr.namespace}/${dr.name}`,
        host: one && model.hostOf(targets[0].service) === c.rule.host ? "" : ` (host "${c.rule.host}")`,
        where: c.path.includes("portLevelSettings") ? `'s port ${targets[0].port.port} entry` : "",
        ports: listText(targets.map((t) => `${t.service.namespace}/${t.service.name}:${t.port.port}`), 3),
        policies: listText(paNames(targets), 2),
        clients: describeClients([...c.clients.values()]),
        dropTls: model.mesh.enableAutoMtls ? " (or drop tls)" : ""
      };
      const common = {
        at: { resource: dr.resource, path: c.path },
        assumptions: model.assumptionsOf([...targets.flatMap((t) => [...t.backends.map((b) => b.workload), ...t.plain]), ...clientAssumptions(model, [...c.clients.values()])]),
        related: targetRelated(model, targets, c.kind)
      };
      if (c.kind === "plaintext-to-strict") {
        context.report({
          ...common,
          messageId: c.path[c.path.length - 1] === "tls" ? "tlsWithoutModeToStrict" : "plaintextToStrict",
          data: { ...data, mode: c.mode, isAre: one ? "is" : "are", send: whatClientsSend(c.mode), thosePorts: one ? "that port" : "those ports" },
          suggest: suggestion(model, c, "ISTIO_MUTUAL")
        });
      } else {
        const plain = targets.flatMap((t) => t.plain);
        const disabled = targets.some((t) => t.backends.length > 0);
        context.report({
          ...common,
          messageId: plain.length === 0 ? "mtlsToDisabled" : disabled ? "mtlsToDisabledOrNoSidecar" : "mtlsToNoSidecar",
          data: { ...data, workloads: plain.length > 0 ? describeWorkloads(plain) : void 0 },
          suggest: suggestion(model, c, "DISABLE")
        });
      }
    }
  }
});

// rules/undeclared-access/index.ts
function principalEntries(p) {
  const out = [];
  arr(p.rules).forEach((rule, ri) => {
    if (!isRecord(rule)) return;
    arr(rule.from).forEach((from, fi) => {
      const source = isRecord(from) && isRecord(from.source) ? from.source : void 0;
      arr(source?.principals).forEach((v, k) => {
        if (typeof v === "string" && !v.includes("*")) out.push({ principal: v.replace(/^spiffe:\/\//, ""), path: ["spec", "rules", ri, "from", fi, "source", "principals", k] });
      });
    });
  });
  return out;
}
function label6(w) {
  return `${w.kind} ${w.namespace}/${w.name}`;
}
function declared(model, client, server) {
  return model.intentOutcomesOf(client).some((o) => o.servers.includes(server));
}
var undeclared_access_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A hand-written ALLOW policy lets a client reach a server that no ClientIntents of the client names (for teams that keep ClientIntents the single source of truth; off by default).",
      url: docsUrl("undeclared-access"),
      recommended: false,
      tags: ["otterize", "authorization"]
    },
    messages: {
      undeclared: `AuthorizationPolicy "{{name}}" admits {{client}} ("{{principal}}") to {{servers}}, which no ClientIntents of that client declares: access granted here is invisible to Otterize. Declare the call in the client's ClientIntents and drop this entry.`
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.access, READS.intents, READS.identities)
  },
  create(context) {
    const model = context.model;
    if (model.clientIntents.length === 0) return {};
    return {
      AuthorizationPolicy(p) {
        if (p.generatedBy || p.action !== "ALLOW" || p.targetRefs.length > 0 || p.dryRun) return;
        const servers = model.policyWorkloads(p);
        if (servers.length === 0) return;
        for (const e of principalEntries(p)) {
          for (const owner of model.ownersOf(e.principal)) {
            const client = owner.workload;
            if (!client) continue;
            const reached = servers.filter((s) => {
              if (s === client || declared(model, client, s)) return false;
              const d = model.checkAccess({ from: { kind: "workload", workload: client }, to: { workload: s } });
              return d.decision === "ALLOW" && d.policyDecision?.decidedBy?.policy === p;
            });
            if (reached.length === 0) continue;
            context.report({
              at: { resource: p.resource, path: e.path },
              messageId: "undeclared",
              data: { name: p.name, client: label6(client), principal: e.principal, servers: listText(reached.map(label6), 3) }
            });
          }
        }
      }
    };
  }
});

// rules/unknown-http-method/index.ts
var HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
function matchesSome(value, known2) {
  if (value === "*") return true;
  if (value.startsWith("*")) return known2.some((m) => m.endsWith(value.slice(1)));
  if (value.endsWith("*")) return known2.some((m) => m.startsWith(value.slice(0, -1)));
  return known2.includes(value);
}
function grpcPath(value) {
  const m = /^\/?([A-Za-z_][\w.]*\.[A-Za-z_]\w*|[A-Za-z_]\w*)\/([A-Za-z_]\w*)$/.exec(value);
  return m ? `/${m[1]}/${m[2]}` : void 0;
}
var DEFAULT_OPTIONS3 = { extraMethods: [] };
var unknown_http_method_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy lists in `methods` a value no HTTP request has: a gRPC method name, a lower-case method, or no method at all.",
      url: docsUrl("unknown-http-method"),
      recommended: true,
      aliases: ["KIA0102"],
      tags: ["security", "authorization"]
    },
    messages: {
      grpcMethod: 'AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" is a gRPC method, but every gRPC call has the HTTP method POST, so it matches no request{{consequence}}. Match the gRPC method by "{{pathField}}": "{{path}}".',
      lowercaseMethod: `AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" never equals a request's method, which is compared case-sensitively: clients send "{{upper}}"{{consequence}}. Use "{{upper}}".`,
      unknownMethod: `AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" matches no HTTP method ({{known}}){{consequence}}. Use one of those, or list a method your clients do send in the rule's extraMethods option.`
    },
    schema: [
      {
        type: "object",
        properties: {
          extraMethods: { type: "array", items: { type: "string", minLength: 1 }, uniqueItems: true, description: "Methods beyond the standard ones that clients send (WebDAV's PROPFIND, a cache's PURGE)." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [DEFAULT_OPTIONS3],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    const known2 = [...HTTP_METHODS, ...(context.options[0] ?? DEFAULT_OPTIONS3).extraMethods];
    const check3 = (p, path, values, negative) => {
      values.forEach((value, i) => {
        if (typeof value !== "string" || matchesSome(value, known2)) return;
        const only = values.length === 1;
        const consequence6 = negative ? ", so it excludes nothing" : only ? `, so the operation it belongs to matches no request and this rule ${p.action === "DENY" ? "denies" : "admits"} nothing through it` : "";
        const base = { name: p.name, value, field: negative ? "notMethods" : "methods", consequence: consequence6 };
        const at3 = { resource: p.resource, path: [...path, i] };
        const grpc = grpcPath(value);
        const upper = value.toUpperCase();
        if (grpc) {
          context.report({ at: at3, messageId: "grpcMethod", data: { ...base, path: grpc, pathField: negative ? "notPaths" : "paths" } });
        } else if (upper !== value && matchesSome(upper, known2)) {
          const list = values.map((v, j) => `- ${JSON.stringify(j === i ? upper : v)}`).join("\n");
          context.report({ at: at3, messageId: "lowercaseMethod", data: { ...base, upper }, suggest: [{ desc: `Use "${upper}"`, fix: `${base.field}:
${list}
` }] });
        } else {
          context.report({ at: at3, messageId: "unknownMethod", data: { ...base, known: known2.join(", ") } });
        }
      });
    };
    return {
      AuthorizationPolicy(p) {
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : void 0;
            if (!op) return;
            const base = ["spec", "rules", r, "to", t, "operation"];
            check3(p, [...base, "methods"], arr(op.methods), false);
            check3(p, [...base, "notMethods"], arr(op.notMethods), true);
          });
        });
      }
    };
  }
});

// rules/unknown-namespace/index.ts
var BUILTIN_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
var IMPLIED_BY_GROUP = {
  "serving.knative.dev": "knative-serving",
  "eventing.knative.dev": "knative-eventing"
};
function impliedNamespaces(model) {
  const out = /* @__PURE__ */ new Set();
  for (const r of model.resources) {
    const ns = IMPLIED_BY_GROUP[r.group];
    if (ns) out.add(ns);
  }
  return [...out];
}
var FIELDS3 = {
  source: [
    ["namespaces", false],
    ["notNamespaces", true]
  ],
  when: ["source.namespace"]
};
function clusterNamespaces(model, knownNamespaces) {
  const always = /* @__PURE__ */ new Set([...BUILTIN_NAMESPACES, model.rootNamespace, ...impliedNamespaces(model), ...knownNamespaces]);
  if (model.mesh.complete) return [.../* @__PURE__ */ new Set([...model.namespaces.keys(), ...always])].sort();
  const declared2 = [];
  for (const info of model.namespaces.values()) {
    if (info.resource) declared2.push(info.name);
    else if (!always.has(info.name)) return void 0;
  }
  if (declared2.length === 0) return void 0;
  return [.../* @__PURE__ */ new Set([...declared2, ...always])].sort();
}
function declaredText(names3) {
  const shown = names3.slice(0, 4).map((n) => `"${n}"`);
  return names3.length > 4 ? `${shown.join(", ")} and ${names3.length - 4} more` : shown.join(", ");
}
function grantSources(r) {
  const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
  return arr(spec.from).flatMap(
    (f, i) => isRecord(f) && typeof f.namespace === "string" && f.namespace ? [{ kind: typeof f.kind === "string" ? f.kind : "objects", namespace: f.namespace, path: ["spec", "from", i, "namespace"] }] : []
  );
}
var unknown_namespace_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy names a source namespace (namespaces, notNamespaces, source.namespace), or a ReferenceGrant a from namespace, that the input does not declare.",
      url: docsUrl("unknown-namespace"),
      recommended: true,
      aliases: ["IST0101", "KIA0101", "KIA1601"],
      tags: ["correctness", "authorization"]
    },
    messages: {
      // {{field}}: `"namespaces"` or `the "source.namespace" condition`; {{consequence}}: what the
      // entry does to its rule (src/authz/fields.ts, noCallerConsequence).
      unknownNamespaceTypo: 'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Did you mean "{{suggestion}}"?',
      unknownNamespace: 'AuthorizationPolicy "{{name}}" names namespace "{{namespace}}", which is not a namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      patternMatchesNothing: 'AuthorizationPolicy "{{name}}" names namespace pattern "{{namespace}}", which matches no namespace the input declares ({{basis}}): in {{field}} {{consequence}}. Use one it declares ({{declared}}), or declare the namespace.',
      unknownGrantNamespace: 'ReferenceGrant "{{name}}" lets {{kind}}s of namespace "{{namespace}}" refer to objects of namespace {{grantNamespace}}, but "{{namespace}}" is not a namespace the input declares ({{basis}}): the grant lets no existing route through, so the routes it was meant for stay refused (ResolvedRefs=False, RefNotPermitted). {{hint}}'
    },
    schema: [
      {
        type: "object",
        properties: {
          knownNamespaces: { ...NAMESPACE_LIST, description: "Namespaces that exist although the input does not declare them (created by `helm install --create-namespace`, or by another team's tree)." },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "AuthorizationPolicies and ReferenceGrants in these namespaces are not checked." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ knownNamespaces: [], ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error"
  },
  create(context) {
    const options = context.options[0] ?? {};
    const { knownNamespaces = [], ignoreNamespaces = [] } = options;
    const namespaces = clusterNamespaces(context.model, knownNamespaces);
    if (!namespaces) return {};
    const ignored2 = new Set(ignoreNamespaces);
    const complete = context.model.mesh.complete;
    const declared2 = declaredText(complete ? namespaces : namespaces.filter((n) => context.model.namespaces.get(n)?.resource));
    const basis = complete ? "the input is the whole cluster, --complete" : "it declares every namespace it uses";
    const known2 = new Set(namespaces);
    const patterns = /* @__PURE__ */ new Map();
    const exists = (pattern) => {
      if (!pattern.includes("*")) return known2.has(pattern);
      let found = patterns.get(pattern);
      if (found === void 0) patterns.set(pattern, found = namespaces.some((ns) => matchNamespacePattern(pattern, ns)));
      return found;
    };
    return {
      // ReferenceGrants are no model kind (src/model/model.ts indexes Istio's kinds and Gateways).
      "Mesh:exit"() {
        for (const r of context.model.resources) {
          if (r.kind !== "ReferenceGrant" || r.group !== "gateway.networking.k8s.io" || ignored2.has(r.namespace)) continue;
          for (const from of grantSources(r)) {
            if (known2.has(from.namespace)) continue;
            const near = closest(from.namespace, namespaces);
            context.report({
              at: { resource: r, path: from.path },
              messageId: "unknownGrantNamespace",
              data: { name: r.name, kind: from.kind, namespace: from.namespace, grantNamespace: r.namespace, basis, hint: near ? `Did you mean "${near}"?` : `Use one it declares (${declared2}), or declare the namespace.` },
              suggest: near ? [{ desc: `Replace "${from.namespace}" with "${near}"`, fix: `namespace: ${near}
` }] : void 0
            });
          }
        }
      },
      AuthorizationPolicy(p) {
        if (ignored2.has(p.namespace)) return;
        for (const use of sourceFieldUses(p, FIELDS3, true)) {
          for (const entry of use.values) {
            if (exists(entry.value)) continue;
            const wildcard = entry.value.includes("*");
            const near = wildcard ? void 0 : closest(entry.value, namespaces);
            context.report({
              at: { resource: p.resource, path: entry.path },
              messageId: wildcard ? "patternMatchesNothing" : near ? "unknownNamespaceTypo" : "unknownNamespace",
              data: { name: p.name, namespace: entry.value, field: fieldLabel(use), consequence: noCallerConsequence(p, use), suggestion: near, declared: declared2, basis },
              suggest: near ? [
                {
                  desc: `Replace "${entry.value}" with "${near}"`,
                  fix: `${use.whenIndex === void 0 ? use.field : use.negative ? "notValues" : "values"}:
${use.values.map((v) => `- ${JSON.stringify(v === entry ? near : v.value)}`).join("\n")}
`
                }
              ] : void 0
            });
          }
        }
      }
    };
  }
});

// src/model/route-match.ts
var HTTP_FIELDS = /* @__PURE__ */ new Set(["name", "uri", "scheme", "method", "authority", "headers", "withoutHeaders", "queryParams", "ignoreUriCase", "port", "sourceLabels", "gateways", "sourceNamespace", "statPrefix"]);
var TCP_FIELDS = /* @__PURE__ */ new Set(["destinationSubnets", "port", "sourceLabels", "gateways", "sourceNamespace"]);
var TLS_FIELDS = /* @__PURE__ */ new Set(["sniHosts", "destinationSubnets", "port", "sourceLabels", "gateways", "sourceNamespace"]);
function stringMatch(v) {
  if (!isRecord(v)) return void 0;
  const keys = Object.keys(v);
  if (keys.length === 0) return { kind: "present" };
  if (keys.length !== 1) return void 0;
  const kind = keys[0];
  const value = v[kind];
  if (!["exact", "prefix", "regex"].includes(kind) || typeof value !== "string") return void 0;
  return kind === "regex" && value === "*" ? { kind: "present" } : { kind, value };
}
function stringMatches(v, into, prefix = "") {
  if (v === void 0) return true;
  if (!isRecord(v)) return false;
  for (const [key2, m] of Object.entries(v)) {
    const parsed = stringMatch(m);
    if (!parsed) return false;
    into.set(prefix + key2, parsed);
  }
  return true;
}
function strings3(v) {
  return arr(v).filter((x) => typeof x === "string");
}
function toMatch(kind, m, path) {
  const o = isRecord(m) ? m : {};
  const fields = kind === "http" ? HTTP_FIELDS : kind === "tcp" ? TCP_FIELDS : TLS_FIELDS;
  let modelled = isRecord(m) && Object.keys(o).every((k) => fields.has(k));
  const headers = /* @__PURE__ */ new Map();
  const withoutHeaders = /* @__PURE__ */ new Map();
  const queryParams = /* @__PURE__ */ new Map();
  let uri;
  if (kind === "http") {
    for (const [field, header] of [["method", ":method"], ["scheme", ":scheme"], ["authority", ":authority"]]) {
      if (o[field] === void 0) continue;
      const parsed = stringMatch(o[field]);
      if (parsed) headers.set(header, parsed);
      else modelled = false;
    }
    modelled &&= stringMatches(o.headers, headers) && stringMatches(o.withoutHeaders, withoutHeaders) && stringMatches(o.queryParams, queryParams);
    if (o.uri !== void 0) {
      uri = stringMatch(o.uri);
      if (!uri || uri.kind === "present") modelled = false;
      else if (uri.kind === "prefix" && uri.value === "/" || uri.kind === "regex" && uri.value === ".*") uri = void 0;
    }
  }
  const port2 = o.port === void 0 ? void 0 : typeof o.port === "number" ? o.port : NaN;
  if (Number.isNaN(port2)) modelled = false;
  return {
    path,
    modelled,
    uri,
    ignoreUriCase: o.ignoreUriCase === true,
    headers,
    withoutHeaders,
    queryParams,
    gateways: strings3(o.gateways),
    sourceLabels: stringMap(o.sourceLabels),
    sourceNamespace: str(o.sourceNamespace) || void 0,
    port: port2,
    destinationSubnets: strings3(o.destinationSubnets),
    sniHosts: strings3(o.sniHosts)
  };
}
function routeRulesOf(spec) {
  if (!isRecord(spec)) return [];
  const rules = [];
  for (const kind of ["http", "tcp", "tls"]) {
    arr(spec[kind]).forEach((rule, index) => {
      if (!isRecord(rule)) return;
      const path = ["spec", kind, index];
      rules.push({
        kind,
        index,
        name: str(rule.name) || void 0,
        path,
        matches: arr(rule.match).map((m, j) => toMatch(kind, m, [...path, "match", j])),
        delegates: kind === "http" && rule.delegate !== void 0
      });
    });
  }
  return rules;
}
function hasCase(s) {
  return s.toLowerCase() !== s.toUpperCase();
}
function stringCovers(a, b, aIgnoreCase = false, bIgnoreCase = false) {
  if (!a) return true;
  if (!b) return false;
  if (a.kind === "present") return true;
  if (b.kind === "present") return false;
  if (a.kind === "regex") return a.value === ".*" || b.kind === "regex" && b.value === a.value && aIgnoreCase === bIgnoreCase;
  if (b.kind === "regex") return false;
  if (bIgnoreCase && !aIgnoreCase && hasCase(b.value)) return false;
  const [av, bv] = aIgnoreCase ? [a.value.toLowerCase(), b.value.toLowerCase()] : [a.value, b.value];
  return a.kind === "exact" ? b.kind === "exact" && av === bv : bv.startsWith(av);
}
function mapCovers(a, b) {
  return [...a].every(([k, m]) => stringCovers(m, b.get(k)));
}
function exclusionsCover(a, b) {
  return [...a].every(([k, m]) => b.has(k) && stringCovers(b.get(k), m));
}
function labelsCover(a, b) {
  return Object.entries(a).every(([k, v]) => b[k] === v);
}
function gatewaysOf(m, vsGateways) {
  return m.gateways.length > 0 ? m.gateways : vsGateways;
}
function sourceCovers(kind, a, b, vsGateways) {
  if (a.port !== void 0 && a.port !== b.port) return false;
  const aGateways = gatewaysOf(a, vsGateways);
  if (!gatewaysOf(b, vsGateways).every((g) => aGateways.includes(g))) return false;
  const bIgnoresSource = kind === "http" && b.gateways.length > 0;
  const aIgnoresSource = kind === "http" && a.gateways.length > 0;
  if (aIgnoresSource) return true;
  if (bIgnoresSource) return Object.keys(a.sourceLabels).length === 0 && a.sourceNamespace === void 0;
  return labelsCover(a.sourceLabels, b.sourceLabels) && (a.sourceNamespace === void 0 || a.sourceNamespace === b.sourceNamespace);
}
function sameList(a, b) {
  return a.length === b.length && [...a].sort().join("\n") === [...b].sort().join("\n");
}
function covers(kind, a, b, vsGateways) {
  if (!a) return true;
  if (!a.modelled || b && !b.modelled) return false;
  const bb = b ?? { ...a, ...EVERYTHING };
  if (!sourceCovers(kind, a, bb, vsGateways)) return false;
  if (kind === "tcp") return a.destinationSubnets.length === 0 || sameList(a.destinationSubnets, bb.destinationSubnets);
  if (kind === "tls") return sameList(a.sniHosts, bb.sniHosts) && sameList(a.destinationSubnets, bb.destinationSubnets);
  return stringCovers(a.uri, bb.uri, a.ignoreUriCase, bb.ignoreUriCase) && mapCovers(a.headers, bb.headers) && mapCovers(a.queryParams, bb.queryParams) && exclusionsCover(a.withoutHeaders, bb.withoutHeaders);
}
var EVERYTHING = {
  uri: void 0,
  ignoreUriCase: false,
  headers: /* @__PURE__ */ new Map(),
  withoutHeaders: /* @__PURE__ */ new Map(),
  queryParams: /* @__PURE__ */ new Map(),
  gateways: [],
  sourceLabels: {},
  sourceNamespace: void 0,
  port: void 0,
  destinationSubnets: [],
  sniHosts: []
};

// rules/unreachable-route/index.ts
function routeLabel(rule) {
  return `${rule.kind}[${rule.index}]${rule.name ? ` ("${rule.name}")` : ""}`;
}
function matchLabel(m) {
  return `match[${m.path[m.path.length - 1]}]`;
}
function earlierLabel(e) {
  return e.match ? `${matchLabel(e.match)} of ${routeLabel(e.rule)}` : `${routeLabel(e.rule)}, which has no match`;
}
var ROUTE_SEMANTICS = "internal.istio.io/route-semantics";
var unreachable_route_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService route or match is never used: an earlier route of the same VirtualService takes every request it would match.",
      url: docsUrl("unreachable-route"),
      recommended: true,
      aliases: ["IST0130", "IST0131"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unreachableRoute: 'VirtualService "{{name}}" {{route}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move it before {{first}}, or remove it.',
      ineffectiveMatch: 'VirtualService "{{name}}" {{route}} {{match}} is never used: every {{traffic}} it matches is taken first by {{earlier}}, since the proxy uses the first route that matches. Move the route before {{first}}, or remove the match.',
      redundantMatch: 'VirtualService "{{name}}" {{route}} {{match}} adds nothing: its {{earlier}} already matches every {{traffic}} it does. Remove it.'
    },
    schema: [],
    defaultSeverity: "warn",
    reads: []
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs || r.annotations[ROUTE_SEMANTICS] !== void 0) return;
        const vsGateways = vs.gateways.length > 0 ? vs.gateways.map((g) => g.name) : ["mesh"];
        const rules = routeRulesOf(r.raw.spec);
        for (const kind of ["http", "tcp", "tls"]) {
          const seen = [];
          const coverOf = (m) => seen.find((e) => !e.rule.delegates && covers(kind, e.match, m, vsGateways));
          for (const rule of rules.filter((x) => x.kind === kind)) {
            if (kind === "tls" && rule.matches.length === 0) continue;
            const covered = rule.matches.length === 0 ? [coverOf(void 0)] : rule.matches.map(coverOf);
            const name = vs.name;
            const traffic = kind === "http" ? "request" : "connection";
            const route = routeLabel(rule);
            if (covered.every((c) => c !== void 0)) {
              const by = [...new Set(covered.map((c) => earlierLabel(c)))];
              const first = routeLabel(covered.map((c) => c.rule).sort((a, b) => a.index - b.index)[0]);
              context.report({
                at: rule.matches.length > 0 ? { resource: r, path: [...rule.path, "match"], part: "key" } : { resource: r, path: rule.path },
                messageId: "unreachableRoute",
                data: { name, route, earlier: by.join(" and "), first, traffic }
              });
            } else {
              rule.matches.forEach((m, j) => {
                const c = covered[j];
                if (c) {
                  context.report({ at: { resource: r, path: m.path }, messageId: "ineffectiveMatch", data: { name, route, match: matchLabel(m), earlier: earlierLabel(c), first: routeLabel(c.rule), traffic } });
                  return;
                }
                const twin = rule.matches.slice(0, j).find((o) => covers(kind, o, m, vsGateways));
                if (twin) context.report({ at: { resource: r, path: m.path }, messageId: "redundantMatch", data: { name, route, match: matchLabel(m), earlier: matchLabel(twin), traffic } });
              });
            }
            if (rule.matches.length === 0) seen.push({ rule, match: void 0 });
            else for (const m of rule.matches) seen.push({ rule, match: m });
          }
        }
      }
    };
  }
});

// rules/use-waypoint-references/index.ts
var USE_WAYPOINT2 = "istio.io/use-waypoint";
var USE_WAYPOINT_NAMESPACE = "istio.io/use-waypoint-namespace";
var WAYPOINT_FOR = "istio.io/waypoint-for";
var TRAFFIC = {
  pods: "traffic addressed to its pods",
  service: "traffic to the Service",
  namespace: "traffic to its Services"
};
var ACCEPTS = {
  pods: ["workload", "all"],
  service: ["service", "all"],
  namespace: ["service", "all"]
};
function waypointForText(g) {
  const own = g.resource.labels[WAYPOINT_FOR];
  if (own !== void 0) return `${WAYPOINT_FOR}: ${own}`;
  if (g.waypointFor === "service") return `the default without ${WAYPOINT_FOR}`;
  return `${WAYPOINT_FOR} of its GatewayClass ${g.className}`;
}
var use_waypoint_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "istio.io/use-waypoint on a workload, Service or namespace names a waypoint the input does not hold, or one that does not serve that traffic: istiod binds no waypoint, so the traffic skips it.",
      url: docsUrl("use-waypoint-references"),
      recommended: true,
      aliases: ["KIA1313"],
      tags: ["ambient", "waypoint"]
    },
    messages: {
      notFound: '{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but namespace {{waypointNamespace}} has no Gateway "{{name}}": istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to a waypoint applies to it.{{noFallback}} Fix the name, or create the waypoint (istioctl waypoint apply -n {{waypointNamespace}} --name {{name}}).',
      wrongTrafficType: "{{object}} names waypoint {{waypoint}} (istio.io/use-waypoint), but it serves {{serves}} traffic ({{why}}): istiod binds no waypoint, so {{traffic}} reaches the pods through ztunnel alone, and no policy or route attached to the waypoint applies to it. Label the waypoint istio.io/waypoint-for: all, or name a waypoint for {{wanted}} traffic."
    },
    schema: [],
    defaultSeverity: "warn",
    reads: reads(READS.gateways)
  },
  create(context) {
    const model = context.model;
    const check3 = (resource, labels, ns, labelsPath, object, bound) => {
      const name = labels[USE_WAYPOINT2];
      if (!name || name === "none") return;
      const wpNs = labels[USE_WAYPOINT_NAMESPACE] || ns;
      const at3 = { resource, path: [...labelsPath, USE_WAYPOINT2] };
      const data = { object, waypoint: `${wpNs}/${name}`, waypointNamespace: wpNs, name, traffic: TRAFFIC[bound] };
      const g = model.gateway(wpNs, name);
      if (!g) {
        if (!model.hasNamespace(wpNs)) return;
        const nsWaypoint = model.namespaceLabels(ns)[USE_WAYPOINT2];
        const overrides = bound !== "namespace" && nsWaypoint && nsWaypoint !== "none";
        const noFallback = overrides ? ` Its own label overrides namespace ${ns}'s ${USE_WAYPOINT2}, so the namespace's waypoint does not serve it either.` : "";
        context.report({ at: at3, messageId: "notFound", data: { ...data, noFallback } });
        return;
      }
      if (ACCEPTS[bound].includes(g.waypointFor)) return;
      context.report({
        at: at3,
        messageId: "wrongTrafficType",
        data: { ...data, serves: g.waypointFor === "none" ? "no" : `only ${g.waypointFor}`, why: waypointForText(g), wanted: bound === "pods" ? "workload" : "service" },
        related: [{ at: { resource: g.resource, path: ["metadata", "name"] }, message: `Gateway ${g.namespace}/${g.name}` }]
      });
    };
    return {
      Workload(w) {
        check3(w.resource, w.podLabels, w.namespace, [...w.podMetadataPath, "labels"], `${w.kind} ${w.namespace}/${w.name}`, "pods");
      },
      Service(s) {
        check3(s.resource, s.resource.labels, s.namespace, ["metadata", "labels"], `Service ${s.namespace}/${s.name}`, "service");
      },
      Namespace(ns) {
        if (ns.resource) check3(ns.resource, ns.labels, ns.name, ["metadata", "labels"], `Namespace ${ns.name}`, "namespace");
      }
    };
  }
});

// rules/virtualservice-host-conflict/index.ts
function sharedScope2(a, b) {
  if (a.has("*")) return b;
  if (b.has("*")) return a;
  return new Set([...a].filter((n) => b.has(n)));
}
function reportHost(context, host, claims) {
  const seenWith = claimsSeenWith(claims);
  for (const c of claims) {
    const others = seenWith(c);
    if (others.length === 0) continue;
    const scope = new Set(others.flatMap((o) => [...sharedScope2(c.item.exportTo, o.item.exportTo)]));
    context.report({
      at: { resource: c.item.resource, path: c.path },
      messageId: "sameMeshHost",
      data: {
        name: c.item.name,
        host,
        others: listText(others.map((o) => `"${o.item.namespace}/${o.item.name}"`), 5),
        scope: exportToText(scope)
      },
      related: others.slice(0, 5).map((o) => ({ at: { resource: o.item.resource, path: o.path }, message: `VirtualService ${o.item.namespace}/${o.item.name} also routes ${host} for sidecars` }))
    });
  }
}
var virtualservice_host_conflict_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "Several VirtualServices bound to the mesh gateway route the same host: sidecars use one and ignore the others.",
      url: docsUrl("virtualservice-host-conflict"),
      recommended: true,
      aliases: ["IST0109", "KIA1106"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      sameMeshHost: `VirtualService "{{name}}" routes host {{host}} for sidecars, and so does VirtualService {{others}} (both seen in {{scope}}): a sidecar takes the routes of one of them for that host (istiod's order, not the file's) and ignores the others. Merge them into one VirtualService, or export them to different namespaces.`
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.virtualServices)
  },
  create(context) {
    return {
      "Mesh:exit"() {
        for (const [host, claims] of context.model.meshVirtualServicesByHost()) {
          if (claims.length > 1) reportHost(context, host, claims);
        }
      }
    };
  }
});

// rules/virtualservice-references/index.ts
var INTERNAL_GATEWAY = /^([^/~]+)~istio-autogenerated-k8s-gateway~(.*)$/;
var CONSEQUENCE2 = {
  route: "Envoy has no cluster for it, so requests this route sends there fail with 503 (NC, cluster not found)",
  mirror: "Envoy has no cluster for it, so no request is mirrored"
};
function clientNamespaces2(vs) {
  if (vs.exportTo.has("*") || vs.exportTo.has(vs.namespace)) return [vs.namespace];
  return [...vs.exportTo].filter((n) => n !== "~");
}
function visibleFrom(vs, e) {
  if (e.host.startsWith("*")) return clientNamespaces2(vs).some((ns) => exportedTo(e.exportTo, ns));
  return exportsOverlap(vs.exportTo, e.exportTo);
}
function checkSubset(context, vs, d, fqdn, entries2) {
  const model = context.model;
  const clients = clientNamespaces2(vs);
  const owners = entries2.length > 0 ? [...new Set(entries2.map((e) => e.namespace))] : [serviceHostNamespace(fqdn) ?? vs.namespace];
  const known2 = (ns) => model.mesh.complete || model.declaresNamespace(ns);
  const index = destinationRuleIndex(model);
  const seen = /* @__PURE__ */ new Set();
  for (const client of clients) {
    for (const owner of owners) {
      const found = index.lookup(client, fqdn, owner);
      for (const r of found.rule?.from ?? []) {
        if (r.dr.subsets.some((s) => s.name === d.subset)) return;
        seen.add(`${r.dr.namespace}/${r.dr.name}`);
      }
      const steps = found.step === "client-namespace" ? [client] : found.step === "service-namespace" ? [client, owner] : [client, owner, model.rootNamespace];
      if (!steps.every(known2)) return;
    }
  }
  const rules = [...seen].sort();
  context.report({
    at: { resource: vs.resource, path: [...d.path, "subset"] },
    messageId: "unknownSubset",
    data: {
      name: vs.name,
      subset: d.subset,
      host: d.host,
      rules: rules.length === 0 ? `no DestinationRule for "${fqdn}" applies here` : `DestinationRule ${listText(rules)}, which applies here, does not define it`,
      consequence: CONSEQUENCE2[d.role]
    }
  });
}
function checkDestination(context, vs, d) {
  const model = context.model;
  const fqdn = resolveHost(d.host, vs.namespace);
  const entries2 = model.hosts.lookup(fqdn);
  if (entries2.length === 0) {
    if (!model.knowsHost(fqdn)) return;
    context.report({
      at: { resource: vs.resource, path: [...d.path, "host"] },
      messageId: "unknownHost",
      data: { name: vs.name, host: d.host, resolved: fqdn === d.host ? "" : ` (${fqdn})`, role: d.role === "route" ? "routes" : "mirrors", consequence: CONSEQUENCE2[d.role] }
    });
    if (d.subset) checkSubset(context, vs, d, fqdn, entries2);
    return;
  }
  const visible = entries2.filter((e) => visibleFrom(vs, e));
  if (visible.length === 0) {
    const e = entries2[0];
    context.report({
      at: { resource: vs.resource, path: [...d.path, "host"] },
      messageId: "hostNotExported",
      data: { name: vs.name, role: d.role === "route" ? "routes" : "mirrors", host: d.host, declarer: `${e.kind} ${e.namespace}/${e.name}`, hostExport: exportToText(e.exportTo), vsExport: exportToText(vs.exportTo), consequence: CONSEQUENCE2[d.role] },
      related: [{ at: { resource: e.resource, path: e.kind === "Service" ? ["metadata", "annotations", "networking.istio.io/exportTo"] : ["spec", "exportTo"] }, message: `${e.kind} ${e.namespace}/${e.name} is exported to ${exportToText(e.exportTo)}` }]
    });
    return;
  }
  const exact = visible.filter((e) => !e.host.startsWith("*") && e.ports.length > 0);
  if (d.port !== void 0 && exact.length > 0 && !exact.some((e) => e.ports.includes(d.port))) {
    const e = exact[0];
    context.report({
      at: { resource: vs.resource, path: [...d.path, "port", "number"] },
      messageId: "unknownPort",
      data: { name: vs.name, host: d.host, port: d.port, declarer: `${e.kind} ${e.namespace}/${e.name}`, ports: listText(e.ports.map(String)), consequence: CONSEQUENCE2[d.role] }
    });
  }
  if (d.subset) checkSubset(context, vs, d, fqdn, visible);
}
function listenerHostnames(spec) {
  if (!isRecord(spec)) return [];
  return arr(spec.listeners).flatMap((l) => isRecord(l) ? [str(l.hostname) || "*"] : []);
}
function checkGateways(context, vs) {
  const model = context.model;
  for (const g of vs.gateways) {
    if (g.name === "mesh") continue;
    const slash = g.name.indexOf("/");
    const [ns, name] = slash >= 0 ? [g.name.slice(0, slash), g.name.slice(slash + 1)] : [vs.namespace, g.name];
    const internal = INTERNAL_GATEWAY.exec(name);
    if (internal) {
      context.report({
        at: { resource: vs.resource, path: g.path },
        severity: "warn",
        messageId: "internalGateway",
        data: { name: vs.name, gateway: g.name, namespace: ns, k8sGateway: internal[1], listener: internal[2] }
      });
      continue;
    }
    const istio = model.istioGateway(ns, name);
    const k8s = istio ? void 0 : model.gateway(ns, name);
    if (istio || k8s) {
      if (vs.hosts.length === 0) continue;
      const accepted = istio ? gatewayHostsFor(istio.hosts, ns, vs.namespace) : listenerHostnames(k8s.resource.raw.spec);
      const hosts = vs.hosts.map((h) => resolveHost(h, vs.namespace));
      if (accepted.some((a) => hosts.some((h) => hostsOverlap(a, h)))) continue;
      context.report({
        at: { resource: vs.resource, path: g.path },
        messageId: "hostNotInGateway",
        data: { name: vs.name, gateway: g.name, hosts: listText(vs.hosts.map((h) => `"${h}"`)), accepted: accepted.length > 0 ? listText([...new Set(accepted)].map((h) => `"${h}"`)) : "no host" }
      });
      continue;
    }
    if (!model.mesh.complete && !model.declaresNamespace(ns)) continue;
    context.report({
      at: { resource: vs.resource, path: g.path },
      messageId: "unknownGateway",
      data: { name: vs.name, gateway: g.name, namespace: ns, gatewayName: name }
    });
  }
}
var virtualservice_references_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A VirtualService routes to a host, subset or gateway that does not exist where it applies.",
      url: docsUrl("virtualservice-references"),
      recommended: true,
      aliases: ["IST0101", "IST0132", "IST0165", "KIA1101", "KIA1102", "KIA1107"],
      tags: ["correctness", "traffic"]
    },
    messages: {
      unknownHost: 'VirtualService "{{name}}" {{role}} to host "{{host}}"{{resolved}}, which no Service or ServiceEntry declares: {{consequence}}. Fix the host, or add the Service or ServiceEntry.',
      hostNotExported: `VirtualService "{{name}}" {{role}} to host "{{host}}", but {{declarer}} is exported only to {{hostExport}} and this VirtualService applies in {{vsExport}}: no proxy that uses the route sees the host, so {{consequence}}. Export the host to the namespaces of the route's clients.`,
      unknownPort: 'VirtualService "{{name}}" routes to port {{port}} of host "{{host}}", but {{declarer}} has only port {{ports}}: {{consequence}}. Use one of its ports.',
      unknownSubset: `VirtualService "{{name}}" routes to subset "{{subset}}" of host "{{host}}", but {{rules}}: {{consequence}}. Define the subset in the host's DestinationRule, or fix the name.`,
      hostNotInGateway: `VirtualService "{{name}}" is bound to gateway "{{gateway}}", which accepts {{accepted}} for this namespace, none of its hosts {{hosts}}: the gateway does not use these routes. Add the host to a server of the Gateway (namespace/host for a namespace-scoped one), or fix the VirtualService's hosts.`,
      internalGateway: 'VirtualService "{{name}}" is bound to "{{gateway}}", the Istio Gateway istiod generates for listener "{{listener}}" of Gateway API Gateway {{namespace}}/{{k8sGateway}}: an implementation detail that is renamed or dropped when istiod or the Gateway changes, and the routes with it. Route through the Gateway API Gateway with an HTTPRoute, or bind to an Istio Gateway of your own.',
      unknownGateway: 'VirtualService "{{name}}" is bound to gateway "{{gateway}}", but namespace {{namespace}} has no Gateway "{{gatewayName}}": its routes are configured at no gateway. Fix the name (namespace/name for another namespace), or add the Gateway.'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.destinationRules, READS.hosts, READS.gateways, READS.istioGateways, READS.services)
  },
  create(context) {
    return {
      VirtualService(r) {
        const vs = context.model.virtualServiceOf(r);
        if (!vs) return;
        for (const d of vs.destinations) checkDestination(context, vs, d);
        checkGateways(context, vs);
      }
    };
  }
});

// rules/waypoint-bypass/index.ts
var import_yaml2 = __toESM(require_dist(), 1);
function restricts(p) {
  if (p.action === "AUDIT" || p.dryRun) return false;
  if (p.action === "ALLOW" && (p.rules ?? []).some((r) => isRecord(r) && Object.keys(r).length === 0)) return false;
  return true;
}
function describeWho(w) {
  if (w.principal) return w.sourceIp ? `${w.principal} from ${w.sourceIp}` : w.principal;
  return w.sourceIp ? `plaintext clients from ${w.sourceIp}` : "plaintext clients (no mesh identity)";
}
function skipsWaypoint(model, principal, pod, target, workloadTraffic) {
  const peer = { kind: "principal", principal };
  if (!sendsToWaypoint(model, peer, target.service).yes) return "direct";
  const viaPod = sendsToWaypoint(model, peer, void 0);
  if (viaPod.yes) {
    const own = model.waypointOfWorkload(pod);
    if (workloadTraffic && own && own.namespace === target.binding.namespace && own.name === target.binding.name) return "none";
    return viaPod.why === "" ? "pod-address" : "direct";
  }
  return "none";
}
function leaksOf(model, pod, port2, target, workloadTraffic, waypointIds, known2) {
  const td = model.mesh.trustDomain;
  const policies = ztunnelPoliciesFor(model, pod);
  const witnesses = [];
  for (const p of policies) {
    if (p.action === "ALLOW" && !p.dryRun && !isImplicitWaypointPolicy(p)) witnesses.push(...sourceWitnesses(p, td));
  }
  for (const principal of [`${td}/ns/${pod.namespace}/sa/default`, `${td}/ns/default/sa/default`, ...known2]) witnesses.push({ principal });
  if (model.ztunnelMtls(pod, port2).mode !== "STRICT") witnesses.push({});
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const w of witnesses) {
    if (w.principal && (waypointIds.includes(w.principal) || looksLikeWaypointPrincipal(model, w.principal) || w.principal === model.identityOf(pod))) continue;
    if (!w.principal && model.ztunnelMtls(pod, port2).mode === "STRICT") continue;
    const who = describeWho(w);
    if (seen.has(who)) continue;
    seen.add(who);
    const how2 = w.principal ? skipsWaypoint(model, w.principal, pod, target, workloadTraffic) : "direct";
    if (how2 === "none") continue;
    const d = evaluatePolicies(policies, { principal: w.principal, sourceIp: w.sourceIp, port: port2, http: false }, "ztunnel");
    if (d.decision !== "ALLOW") continue;
    const by = d.decidedBy;
    let rule;
    if (by && by.rule !== void 0 && !isImplicitWaypointPolicy(by.policy)) {
      const fromOrigin = w.origin && w.origin.policy === by.policy && w.origin.rule === by.rule;
      rule = { policy: by.policy, index: by.rule, path: fromOrigin ? w.origin.path : ["spec", "rules", by.rule] };
    }
    out.push({ who, principal: w.principal, podAddress: how2 === "pod-address", port: port2, pod, rule });
  }
  return out;
}
function howText(leaks) {
  if (leaks.length > 0 && leaks.every((l) => l.podAddress)) return "by dialing the pod address";
  if (leaks.some((l) => l.podAddress)) return "directly (the ambient ones by dialing the pod address)";
  return "directly";
}
function podAddressNote(leaks) {
  return leaks.some((l) => l.podAddress) ? " A waypoint for service traffic carries only requests sent to the Service." : "";
}
function listText2(items) {
  return listText(items, 3);
}
function ztunnelFix(target, waypointIds) {
  const policy = {
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: `${target.service.name}-via-waypoint-only`, namespace: target.service.namespace },
    spec: {
      selector: { matchLabels: target.service.selector ?? {} },
      action: "ALLOW",
      rules: [{ from: [{ source: { principals: waypointIds } }] }]
    }
  };
  return (0, import_yaml2.stringify)(policy);
}
var ZTUNNEL_RULE = 'Ztunnel policy "{{name}}" lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping {{waypoint}} and its policy {{waypointPolicies}}.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}, or limit this rule to other ports.';
var waypoint_bypass_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A policy attached to a waypoint can be bypassed: ztunnel on the destination pods admits clients other than the waypoint on the same ports.",
      url: docsUrl("waypoint-bypass"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      unguardedPods: 'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but no ztunnel ALLOW policy guards {{pods}}, so any client{{anyClient}} reaches {{ports}} directly, skipping it. Admit only the waypoint ({{waypointIds}}) on {{thatPorts}} with a ztunnel policy{{autoAllowHint}}.',
      ztunnelPolicyAdmits: 'AuthorizationPolicy "{{name}}" is enforced only by {{waypoint}}, but ztunnel policy {{ztunnelPolicies}} lets {{clients}} reach {{pods}} on {{ports}} {{how}}, skipping it.{{podAddressNote}} Admit only the waypoint ({{waypointIds}}) on {{thatPorts}}.',
      ztunnelRuleAdmits: ZTUNNEL_RULE,
      ztunnelRuleAdmitsGateway: `${ZTUNNEL_RULE} For Gateway {{gateways}}, label the Service istio.io/ingress-use-waypoint=true.`
    },
    schema: [
      {
        type: "object",
        properties: {
          maxKnownCallers: { type: "integer", minimum: 1, description: "How many other identities of the input are tried as candidate clients." },
          ignoreNamespaces: { ...NAMESPACE_LIST, description: "Namespaces whose AuthorizationPolicies are neither checked nor reported." }
        },
        additionalProperties: false
      }
    ],
    defaultOptions: [{ maxKnownCallers: 25, ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "warn",
    reads: reads(READS.access, READS.identities, READS.waypoints, READS.peerAuthentications)
  },
  create(context) {
    const model = context.model;
    const { maxKnownCallers = 25, ignoreNamespaces = [] } = context.options[0] ?? {};
    const ignored2 = new Set(ignoreNamespaces);
    const leakCache = /* @__PURE__ */ new Map();
    let knownCache;
    const known2 = () => knownCache ??= [...model.allIdentities()].sort().slice(0, maxKnownCallers);
    const ruleReports = /* @__PURE__ */ new Map();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length === 0 || !restricts(p) || ignored2.has(p.namespace)) return;
        for (const t of p.targetRefs) {
          const leaks = [];
          const targets = targetRefTargets(model, p, t);
          const workloadTraffic = targets.length > 0 && targetRefAttaches(model, p, t, { waypoint: targets[0].binding });
          let first;
          for (const target of targets) {
            const ids = waypointPrincipals(model, target.binding);
            first ??= { target, ids };
            for (const pod of model.servicePods(target.service)) {
              if (pod.dataplane.mode !== "ambient") continue;
              for (const sp of target.service.ports) {
                const port2 = targetPortOn(pod, sp);
                if (port2 === void 0) continue;
                const key2 = `${pod.namespace}/${pod.kind}/${pod.name}|${port2}|${ids.join(",")}|${target.binding.namespace}/${target.binding.name}|${ingressUsesWaypoint(model, target.service)}|${workloadTraffic}`;
                let found = leakCache.get(key2);
                if (!found) leakCache.set(key2, found = leaksOf(model, pod, port2, target, workloadTraffic, ids, known2()));
                for (const l of found) {
                  leaks.push(l);
                  if (!l.rule) continue;
                  const rk = `${l.rule.policy.namespace}/${l.rule.policy.name}|${l.rule.path.join(".")}`;
                  let r = ruleReports.get(rk);
                  if (!r) {
                    r = { at: { resource: l.rule.policy.resource, path: l.rule.path }, policy: l.rule.policy, leaks: [], skipped: /* @__PURE__ */ new Set(), target, ids };
                    ruleReports.set(rk, r);
                  }
                  if (!r.leaks.some((x) => x.who === l.who && x.port === l.port)) r.leaks.push(l);
                  r.skipped.add(`"${p.namespace}/${p.name}"`);
                }
              }
            }
          }
          if (leaks.length === 0 || !first) continue;
          const services = [...new Set(targets.filter((x) => leaks.some((l) => model.servicePods(x.service).includes(l.pod))).map((x) => x.label))];
          const ports = [...new Set(leaks.map((l) => l.port))].sort((a, b) => a - b);
          const open = leaks.some((l) => !l.rule);
          const data = {
            name: p.name,
            waypoint: waypointLabel(first.target.binding),
            pods: `the pods of ${listText2(services)}`,
            ports: `${ports.length === 1 ? "port" : "ports"} ${listText2(ports.map(String))}`,
            waypointIds: listText2(first.ids),
            thatPorts: ports.length === 1 ? "that port" : "those ports"
          };
          const report = {
            at: { resource: p.resource, path: t.path },
            suggest: [{ desc: `Restrict the pods of ${first.target.label} to the waypoint's identity`, fix: ztunnelFix(first.target, first.ids) }],
            assumptions: model.assumptionsOf(leaks.map((l) => l.pod))
          };
          if (open) {
            context.report({
              ...report,
              messageId: "unguardedPods",
              data: {
                ...data,
                anyClient: leaks.some((l) => !l.principal) ? ", even without mTLS," : " with a mesh identity",
                autoAllowHint: model.mesh.autoAllowWaypointPolicy ? "" : " (or set PILOT_AUTO_ALLOW_WAYPOINT_POLICY=true)"
              }
            });
          } else {
            context.report({
              ...report,
              messageId: "ztunnelPolicyAdmits",
              data: {
                ...data,
                ztunnelPolicies: listText2([...new Set(leaks.map((l) => `"${l.rule.policy.name}"`))]),
                clients: listText2([...new Set(leaks.map((l) => l.who))]),
                how: howText(leaks),
                podAddressNote: podAddressNote(leaks)
              }
            });
          }
        }
      },
      "Mesh:exit"() {
        for (const r of ruleReports.values()) {
          if (ignored2.has(r.policy.namespace)) continue;
          const gateways = [...new Set(r.leaks.flatMap((l) => l.principal ? model.ownersOf(l.principal) : []).filter((o) => o.kind === "gateway").map((o) => `${o.namespace}/${o.gateway.name}`))];
          const ports = [...new Set(r.leaks.map((l) => l.port))].sort((a, b) => a - b);
          const hint = gateways.length > 0 && !ingressUsesWaypoint(model, r.target.service);
          context.report({
            at: r.at,
            messageId: hint ? "ztunnelRuleAdmitsGateway" : "ztunnelRuleAdmits",
            data: {
              name: r.policy.name,
              clients: listText2([...new Set(r.leaks.map((l) => l.who))]),
              pods: listText2([...new Set(r.leaks.map((l) => `${l.pod.kind} ${l.pod.namespace}/${l.pod.name}`))]),
              ports: `${ports.length === 1 ? "port" : "ports"} ${listText2(ports.map(String))}`,
              how: howText(r.leaks),
              waypoint: waypointLabel(r.target.binding),
              waypointPolicies: listText2([...r.skipped].sort()),
              podAddressNote: podAddressNote(r.leaks),
              waypointIds: listText2(r.ids),
              thatPorts: ports.length === 1 ? "that port" : "those ports",
              gateways: listText2(gateways)
            },
            suggest: [
              {
                desc: `Admit only the waypoint on port ${listText2(ports.map(String))} in AuthorizationPolicy "${r.policy.name}"`,
                fix: `# AuthorizationPolicy ${r.policy.namespace}/${r.policy.name}, spec.rules:
${(0, import_yaml2.stringify)([{ from: [{ source: { principals: r.ids } }] }])}`
              }
            ],
            assumptions: model.assumptionsOf(r.leaks.map((l) => l.pod))
          });
        }
      }
    };
  }
});

// rules/waypoint-principal-mismatch/index.ts
var import_yaml3 = __toESM(require_dist(), 1);
function names2(entry, principal) {
  return entry.field.startsWith("serviceAccounts") || entry.field.startsWith("notServiceAccounts") ? entry.principal === principal : matchString(entry.value, principal);
}
function refusedWaypoints(model, w) {
  const out = [];
  const policies = ztunnelPoliciesFor(model, w);
  for (const { binding, service } of waypointsServing(model, w)) {
    if (!binding.gateway) continue;
    const ids = waypointPrincipals(model, binding);
    const ports = service ? service.ports.map((sp) => targetPortOn(w, sp)).filter((x) => x !== void 0) : w.ports.map((p) => p.port);
    if (ports.length === 0) continue;
    const refused = ports.filter((port2) => ids.every((principal) => evaluatePolicies(policies, { principal, port: port2, http: false }, "ztunnel").decision === "DENY"));
    if (refused.length !== ports.length) continue;
    if (out.some((r) => r.binding.namespace === binding.namespace && r.binding.name === binding.name)) continue;
    out.push({ binding, ids, what: service ? `Service ${service.name}` : `${w.kind} ${w.name}`, ports: [...new Set(refused)].sort((a, b) => a - b) });
  }
  return out;
}
function entryValue(e, principal, policyNamespace) {
  if (!e.field.includes("erviceAccounts")) return principal;
  const q = parsePrincipal(principal);
  return q.namespace === policyNamespace && !e.value.includes("/") ? q.serviceAccount : `${q.namespace}/${q.serviceAccount}`;
}
function withEntry(p, e, value) {
  const rules = structuredClone(p.rules ?? []);
  let node = rules;
  const rel = e.path.slice(2);
  for (const seg of rel.slice(0, -1)) node = isRecord(node) ? node[seg] : Array.isArray(node) ? node[seg] : void 0;
  const last = rel[rel.length - 1];
  if (Array.isArray(node)) node[last] = value;
  return { ...p, rules };
}
function entryIsTheCause(model, w, p, e, r) {
  const id = r.ids[0];
  const fixed = withEntry(p, e, entryValue(e, id, p.namespace));
  const policies = ztunnelPoliciesFor(model, w).map((x) => x === p ? fixed : x);
  return r.ports.every((port2) => evaluatePolicies(policies, { principal: id, port: port2, http: false }, "ztunnel").decision === "ALLOW");
}
function entryFix(p, e, replacement) {
  let node = p.rules;
  const rel = e.path.slice(2, -1);
  for (const seg of rel) node = isRecord(node) ? node[seg] : Array.isArray(node) ? node[seg] : void 0;
  const index = e.path[e.path.length - 1];
  const list = Array.isArray(node) ? node.flatMap((v, i) => i === index ? replacement : [v]) : replacement;
  const where = e.path.map((seg) => typeof seg === "number" ? `[${seg}]` : `.${seg}`).join("").slice(1);
  return `# AuthorizationPolicy ${p.namespace}/${p.name}, ${where.replace(/\[\d+\]$/, "")}:
${(0, import_yaml3.stringify)(list)}`;
}
var waypoint_principal_mismatch_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ztunnel policy meant to admit the waypoint names an identity that is not the identity of the waypoint serving the workload, so ztunnel refuses everything the waypoint forwards.",
      url: docsUrl("waypoint-principal-mismatch"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      // The entry is a principal: "Use that identity." names the value already shown.
      useIdentity: 'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{identity}}.',
      // The entry is a service account: the value to write differs from the identity shown.
      useEntry: 'AuthorizationPolicy "{{name}}" names "{{value}}"{{implied}} as the waypoint, but {{serving}}: ztunnel refuses all it forwards on port {{ports}}, so callers get connection failures. Use {{entries}}.'
    },
    schema: [],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.workloads, READS.services)
  },
  create(context) {
    const model = context.model;
    const refusals = /* @__PURE__ */ new Map();
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || p.action !== "ALLOW" && p.action !== "DENY") return;
        const entries2 = waypointLikeEntries(model, p);
        if (entries2.length === 0) return;
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "ambient");
        for (const e of entries2) {
          const hits = [];
          for (const w of pods) {
            let rs = refusals.get(w);
            if (!rs) refusals.set(w, rs = refusedWaypoints(model, w));
            for (const r of rs) if (!r.ids.some((id) => names2(e, id)) && entryIsTheCause(model, w, p, e, r)) hits.push({ w, r });
          }
          if (hits.length === 0) continue;
          const byWaypoint = /* @__PURE__ */ new Map();
          for (const { r } of hits) {
            const key2 = `${r.binding.namespace}/${r.binding.name}`;
            const g = byWaypoint.get(key2) ?? { r, what: /* @__PURE__ */ new Set(), ports: /* @__PURE__ */ new Set() };
            g.what.add(r.what);
            for (const port2 of r.ports) g.ports.add(port2);
            byWaypoint.set(key2, g);
          }
          const groups = [...byWaypoint.values()];
          const real = [...new Set(groups.flatMap((g) => g.r.ids))];
          const parsed = parsePrincipal(e.principal);
          const serving = listText(
            groups.map((g) => {
              const gw = g.r.binding.gateway;
              const sa = gw.resource.annotations["gateway.istio.io/service-account"] ? " (gateway.istio.io/service-account)" : "";
              return `${waypointLabel(g.r.binding)}, serving ${listText([...g.what].sort())}, runs as ${listText(g.r.ids)}${sa}`;
            })
          );
          const ports = [...new Set(groups.flatMap((g) => [...g.ports]))].sort((a, b) => a - b).map(String);
          const replacement = real.map((id) => entryValue(e, id, p.namespace));
          const data = {
            name: p.name,
            value: e.value,
            // The service account an entry stands for, when the entry does not spell it out.
            implied: parsed && e.value !== e.principal && !e.value.includes(`${parsed.namespace}/`) ? ` (${parsed.namespace}/${parsed.serviceAccount})` : "",
            serving,
            ports: listText(ports)
          };
          const sameAsIdentity = replacement.every((x, i) => x === real[i]);
          context.report({
            at: { resource: p.resource, path: e.path },
            ...sameAsIdentity ? { messageId: "useIdentity", data: { ...data, identity: real.length > 1 ? "those identities" : "that identity" } } : { messageId: "useEntry", data: { ...data, entries: listText(quoted(replacement)) } },
            suggest: [{ desc: `Replace "${e.value}" with the waypoint's identity`, fix: entryFix(p, e, replacement) }],
            assumptions: model.assumptionsOf(hits.map((h) => h.w))
          });
        }
      }
    };
  }
});

// rules/workload-without-authorization/index.ts
var GATEWAY_GROUP2 = "gateway.networking.k8s.io";
function knowsPoliciesFor(model, ns) {
  return model.mesh.complete || model.declaresNamespace(ns) && model.hasNamespace(model.rootNamespace);
}
function targetsOwnGateway(model, w) {
  const gateway = w.podLabels["gateway.networking.k8s.io/gateway-name"];
  if (gateway === void 0) return false;
  return model.policiesIn("AuthorizationPolicy", w.namespace).some((p) => p.targetRefs.some((t) => t.group === GATEWAY_GROUP2 && t.kind === "Gateway" && t.name === gateway));
}
function coveredAtWaypoint(model, w) {
  for (const service of model.servicesOf(w)) {
    const waypoint2 = model.waypointOfService(service);
    if (waypoint2 && model.waypointPolicies({ service, waypoint: waypoint2 }).length > 0) return true;
  }
  const waypoint = model.waypointOfWorkload(w);
  return waypoint !== void 0 && model.waypointPolicies({ waypoint }).length > 0;
}
var workload_without_authorization_default = defineRule({
  meta: {
    type: "suggestion",
    docs: {
      description: "A workload in the mesh that no AuthorizationPolicy applies to: everything that reaches it is allowed (off by default).",
      url: docsUrl("workload-without-authorization"),
      recommended: false,
      aliases: ["KIA1301"],
      tags: ["authorization"]
    },
    messages: {
      uncovered: "{{kind}} {{namespace}}/{{name}} is covered by no AuthorizationPolicy (none in namespace {{namespace}} or the root namespace {{root}} selects it, none at a waypoint in front of it): every request that reaches it is allowed. Add a policy for it, or a default-deny `spec: {}` in namespace {{namespace}}."
    },
    schema: ignoreNamespacesSchema("Workloads in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    defaultSeverity: "warn",
    reads: reads(READS.authorizationPolicies, READS.waypoints, READS.services)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      Workload(w) {
        if (ignored2.has(w.namespace) || !knowsPoliciesFor(model, w.namespace)) return;
        if (w.dataplane.mode === "none" && !isIstioGatewayWorkload(w)) return;
        if (model.authorizationPoliciesFor(w).length > 0 || targetsOwnGateway(model, w) || coveredAtWaypoint(model, w)) return;
        context.report({
          at: { resource: w.resource, path: ["metadata", "name"] },
          messageId: "uncovered",
          data: { kind: w.kind, namespace: w.namespace, name: w.name, root: model.rootNamespace },
          assumptions: model.assumptionsOf([w])
        });
      }
    };
  }
});

// rules/workloadgroup-service-account/index.ts
var DEFAULT_ACCOUNT = "default";
function accountsOf(model, ns) {
  const objects = model.serviceAccountsIn(ns).map((r) => r.name);
  if (!model.mesh.complete && !(model.declaresNamespace(ns) && objects.length > 0)) return void 0;
  const running = model.identitiesIn(ns).map((o) => o.serviceAccount);
  return [.../* @__PURE__ */ new Set([DEFAULT_ACCOUNT, ...objects, ...running])].filter((a) => a !== "").sort();
}
var workloadgroup_service_account_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A WorkloadGroup's template names a service account its namespace does not have: its VMs get no token for it, and istiod registers none of them.",
      url: docsUrl("workloadgroup-service-account"),
      recommended: true,
      aliases: ["KIA1701"],
      tags: ["vm", "identity"]
    },
    messages: {
      unknownServiceAccount: 'WorkloadGroup "{{name}}" runs its VMs as service account "{{account}}", but namespace {{namespace}} has none of that name (it has {{accounts}}): no bootstrap token can be created for it, and istiod registers no VM of the group, so they never join the mesh.{{hint}}'
    },
    schema: [],
    defaultSeverity: "error",
    reads: reads(READS.identities, READS.serviceAccounts)
  },
  create(context) {
    const model = context.model;
    return {
      WorkloadGroup(r) {
        const spec = isRecord(r.raw.spec) ? r.raw.spec : {};
        const template = isRecord(spec.template) ? spec.template : {};
        const account = template.serviceAccount;
        if (typeof account !== "string" || account === "") return;
        const accounts = accountsOf(model, r.namespace);
        if (!accounts || accounts.includes(account)) return;
        const near = closest(account, accounts);
        context.report({
          at: { resource: r, path: ["spec", "template", "serviceAccount"] },
          messageId: "unknownServiceAccount",
          data: {
            name: r.name,
            account,
            namespace: r.namespace,
            accounts: listText(accounts.map((a) => `"${a}"`), 5),
            hint: near ? ` Did you mean "${near}"?` : " Create the ServiceAccount, or name one the namespace has."
          }
        });
      }
    };
  }
});

// src/fixes.ts
function waypointFix(model, p) {
  const services = /* @__PURE__ */ new Map();
  for (const w of model.policyWorkloads(p)) {
    for (const s of model.servicesOf(w)) {
      if (s.namespace !== p.namespace) continue;
      services.set(s.name, { name: s.name, bound: model.waypointOfService(s) !== void 0 });
    }
  }
  const list = [...services.values()].sort((a, b) => a.name < b.name ? -1 : 1);
  const names3 = list.length > 0 ? list.map((s) => s.name) : ["<service>"];
  const lines = ["spec:", "  targetRefs:"];
  for (const n of names3) lines.push("  - kind: Service", '    group: ""', `    name: ${n}`);
  let desc = `Attach AuthorizationPolicy "${p.name}" to the waypoint of ${list.length > 0 ? names3.map((n) => `Service "${n}"`).join(", ") : "the Service in front of these pods"} (and drop its selector)`;
  const unbound = list.filter((s) => !s.bound);
  const existing = model.gateways.find((g) => g.isWaypoint && g.namespace === p.namespace);
  if (existing && unbound.length > 0) {
    desc += `; label the Service${unbound.length > 1 ? "s" : ""} istio.io/use-waypoint=${existing.name} to send ${unbound.length > 1 ? "their" : "its"} traffic through waypoint "${existing.name}"`;
  } else if (unbound.length > 0 || list.length === 0) {
    desc += `; deploy a waypoint and label the Service${unbound.length > 1 ? "s" : ""} istio.io/use-waypoint=waypoint`;
    lines.push(
      "---",
      "apiVersion: gateway.networking.k8s.io/v1",
      "kind: Gateway",
      "metadata:",
      "  name: waypoint",
      `  namespace: ${p.namespace}`,
      "  labels:",
      "    istio.io/waypoint-for: service",
      "spec:",
      "  gatewayClassName: istio-waypoint",
      "  listeners:",
      "  - name: mesh",
      "    port: 15008",
      "    protocol: HBONE"
    );
  }
  return { desc, fix: `${lines.join("\n")}
` };
}

// src/util/once.ts
function once(fn) {
  let done = false;
  let value;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

// rules/ztunnel-l7-policy/index.ts
function ambientTargets(model, p) {
  const selected = model.policyWorkloads(p);
  const ambient = selected.filter((w) => w.dataplane.mode === "ambient");
  if (ambient.length > 0) return { names: describeWorkloads5(ambient), assumptions: model.assumptionsOf(ambient) };
  const nsAmbient = (ns) => {
    const d = model.dataplaneFor(ns);
    return d.mode === "ambient" && !d.assumption;
  };
  if (selected.length === 0 && nsAmbient(p.namespace) && p.namespace !== model.rootNamespace) {
    return { names: `the pods of ambient namespace "${p.namespace}"`, assumptions: [] };
  }
  if (p.namespace === model.rootNamespace && (!p.selector || Object.keys(p.selector).length === 0)) {
    const names3 = [...model.namespaces.keys()].filter(nsAmbient);
    if (names3.length > 0) {
      return { names: `the pods of ambient namespace${names3.length > 1 ? "s" : ""} ${names3.slice(0, 3).map((n) => `"${n}"`).join(", ")}${names3.length > 3 ? ` and ${names3.length - 3} more` : ""}`, assumptions: [] };
    }
  }
  return void 0;
}
function describeWorkloads5(ws) {
  const all = [...new Set(ws.map((w) => `${w.kind} ${w.namespace}/${w.name}`))];
  const names3 = all.slice(0, 3);
  return all.length > 3 ? `${names3.join(", ")} and ${all.length - 3} more` : names3.join(", ");
}
function consequence5(p, z, rule, use) {
  const refuseAll = "the pods refuse all traffic that no other ALLOW policy admits";
  if (p.action === "ALLOW") {
    if (rule.fate === "dropped") {
      if (z.allowsNothing && z.rules.every((r) => r.fate === "dropped")) return `every rule of this ALLOW policy is dropped, yet the policy still applies, so ${refuseAll}`;
      return z.allowsNothing ? `this ALLOW rule is dropped and no other rule of the policy can match, so ${refuseAll}` : "this ALLOW rule is dropped, so the requests it admits are refused unless another rule admits them";
    }
    if (use.entryKeepsL4) return "this source is matched on its other fields alone, so it admits peers of any trust domain";
    if (z.allowsNothing) return `this source never matches and no rule of the policy can, so ${refuseAll}`;
    return "this source never matches, so the peers it names are refused unless another source or rule admits them";
  }
  if (rule.fate === "never-matches") return "nothing of this DENY rule is left to match, so it never fires and the traffic it should block gets through";
  if (use.entryKeepsL4 !== false) return "this DENY rule is enforced on its layer-4 conditions alone and denies more than written";
  return `this ${use.path.includes("to") ? "operation" : "source"} is skipped, so the requests only it describes are not denied`;
}
function fieldText(use) {
  return use.field.includes(".") ? `the "${use.field}" condition` : `"${use.field}"`;
}
var ztunnel_l7_policy_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "An AuthorizationPolicy enforced by ztunnel (ambient, no waypoint) uses HTTP attributes or an action ztunnel cannot enforce.",
      url: docsUrl("ztunnel-l7-policy"),
      recommended: true,
      aliases: ["KIA0109", "KIA0110", "KIA1317"],
      tags: ["security", "ambient", "authorization"]
    },
    messages: {
      customNotEnforced: 'AuthorizationPolicy "{{name}}" (CUSTOM) applies to {{targets}}, where ztunnel enforces policy and never calls an external authorizer: the policy is not enforced at all. Attach it to a waypoint with targetRefs.',
      auditNotEnforced: 'AuthorizationPolicy "{{name}}" (AUDIT) applies to {{targets}}, where ztunnel enforces policy and does not audit: nothing is logged. Attach it to a waypoint with targetRefs.',
      // {{field}}: `"methods"` or `the "request.headers[x]" condition`; {{consequence}}: what is
      // left of the rule, by action and fate (see consequence()).
      fieldNotSent: 'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and istiod does not send {{field}} to ztunnel: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.',
      fieldNotMatched: 'AuthorizationPolicy "{{name}}" is enforced by ztunnel on {{targets}}, and ztunnel cannot match {{field}}: {{consequence}}. Attach it to a waypoint with targetRefs, or remove {{field}}.'
    },
    schema: ignoreNamespacesSchema("AuthorizationPolicies in these namespaces are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.workloads, READS.services, READS.waypoints)
  },
  create(context) {
    const model = context.model;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || ignored2.has(p.namespace)) return;
        const target = ambientTargets(model, p);
        if (!target) return;
        const fix = once(() => waypointFix(model, p));
        if (p.action === "CUSTOM" || p.action === "AUDIT") {
          context.report({
            at: { resource: p.resource, path: ["spec", "action"] },
            severity: p.action === "AUDIT" ? "warn" : void 0,
            messageId: p.action === "CUSTOM" ? "customNotEnforced" : "auditNotEnforced",
            data: { name: p.name, targets: target.names },
            assumptions: target.assumptions,
            suggest: [fix]
          });
          return;
        }
        const z = ztunnelPolicy(p);
        for (const rule of z.rules) {
          for (const use of rule.l7) {
            if (rule.fate === "dropped" && use.kind === "ignored") continue;
            context.report({
              at: { resource: p.resource, path: use.path, part: use.part },
              messageId: use.kind === "ignored" ? "fieldNotSent" : "fieldNotMatched",
              data: { name: p.name, targets: target.names, field: fieldText(use), consequence: consequence5(p, z, rule, use) },
              assumptions: target.assumptions,
              suggest: [fix]
            });
          }
        }
      }
    };
  }
});

// rules/ztunnel-policy-behind-waypoint/index.ts
var import_yaml4 = __toESM(require_dist(), 1);
function sourceField(p, path) {
  const field = String(path[path.length - 2]);
  if (field !== "values") return field;
  const rule = p.rules?.[path[2]];
  const when = isRecord(rule) ? arr(rule.when)[path[4]] : void 0;
  return isRecord(when) && when.key === "source.namespace" ? "namespaces" : "principals";
}
var MAX_WITNESSES = 12;
function callerOf(model, w, field) {
  if (!w.principal || !w.origin) return void 0;
  const parsed = parsePrincipal(w.principal);
  if (!parsed) return void 0;
  const base = { path: w.origin.path, rule: w.origin.rule };
  const owners = model.ownersOf(w.principal);
  if (owners.length > 0) return { ...base, principal: w.principal, peer: { kind: "principal", principal: w.principal }, who: w.principal };
  if (field === "namespaces") {
    const gw = model.identitiesIn(parsed.namespace).find((o) => o.kind === "gateway");
    if (gw) {
      const principal = `${trustDomainOf(model)}/ns/${gw.namespace}/sa/${gw.serviceAccount}`;
      return { ...base, principal, peer: { kind: "principal", principal }, who: principal };
    }
    const ws = model.workloadsIn(parsed.namespace).filter((x) => !x.podLabels["gateway.networking.k8s.io/gateway-name"]);
    const first = [...ws].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)[0];
    if (first) return { ...base, principal: model.identityOf(first), peer: { kind: "workload", workload: first }, who: `${first.kind} ${first.namespace}/${first.name}` };
    if (!model.namespaces.get(parsed.namespace)?.resource && (parsed.namespace === model.rootNamespace || /ingress|gateway/i.test(parsed.namespace))) {
      const principal = `${trustDomainOf(model)}/ns/${parsed.namespace}/sa/istio-ingressgateway`;
      return { ...base, principal, peer: { kind: "principal", principal }, who: `the ingress gateway of namespace ${parsed.namespace}` };
    }
  }
  const ns = model.namespaces.get(parsed.namespace);
  if (ns?.resource) {
    const label7 = `pods of namespace ${parsed.namespace} running as ${parsed.serviceAccount}`;
    return { ...base, principal: w.principal, peer: { kind: "pod", namespace: parsed.namespace, serviceAccount: parsed.serviceAccount, dataplane: model.dataplaneFor(parsed.namespace), label: label7 }, who: w.principal };
  }
  return { ...base, principal: w.principal, peer: { kind: "principal", principal: w.principal }, who: w.principal };
}
function unknownPrincipalIn(model, p, ns) {
  return sourceWitnesses(p, model.mesh.trustDomain).some((w) => {
    const q = w.principal ? parsePrincipal(w.principal) : void 0;
    const field = w.origin ? String(w.origin.path[w.origin.path.length - 2]) : "";
    return q !== void 0 && q.namespace === ns && field !== "namespaces" && model.ownersOf(w.principal).length === 0;
  });
}
function trustDomainOf(model) {
  return model.mesh.trustDomain;
}
function viaWaypoint(d) {
  return d.enforcement.some((e) => e.startsWith("waypoint "));
}
function listText3(items) {
  return listText(items, 3);
}
function waypointPolicyFix(p, s) {
  return (0, import_yaml4.stringify)({
    apiVersion: "security.istio.io/v1",
    kind: "AuthorizationPolicy",
    metadata: { name: p.name, namespace: p.namespace },
    spec: { targetRefs: [{ kind: "Service", group: "", name: s.name }], action: p.action, rules: p.rules ?? [] }
  });
}
var DIRECT_CALLERS = "sidecar clients, clients outside the mesh, calls to a pod address and ingress gateways without istio.io/ingress-use-waypoint";
var HEAD = `AuthorizationPolicy "{{name}}" is enforced by ztunnel on the pods of {{services}} ({{ports}}), which {{isAre}} bound to {{waypoint}}: requests the waypoint forwards arrive with its identity {{waypointIds}}, not the client's`;
var ztunnel_policy_behind_waypoint_default = defineRule({
  meta: {
    type: "problem",
    docs: {
      description: "A ztunnel policy on pods behind a waypoint names client identities, but ztunnel sees the waypoint's identity on everything the waypoint forwards: an ALLOW refuses it all, a DENY never stops those clients.",
      url: docsUrl("ztunnel-policy-behind-waypoint"),
      recommended: true,
      tags: ["security", "ambient", "waypoint", "authorization"]
    },
    messages: {
      allowRefusesWaypoint: `${HEAD}, and this ALLOW policy does not admit it: ztunnel refuses everything the waypoint carries, so {{clients}}, which it admits, and every other caller sent through the waypoint get connection failures. Only callers that reach the pods directly keep their own identity (${DIRECT_CALLERS}). Admit the waypoint's principal in this policy, or match the clients in a targetRefs policy on the waypoint.`,
      denyMatchesWaypoint: `${HEAD}, and this DENY policy matches that identity too: ztunnel refuses everything the waypoint carries, not only {{clients}}, so every caller sent through the waypoint gets connection failures. Only callers that reach the pods directly are judged by their own identity (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`,
      denyMissesClients: `${HEAD}, so this DENY policy never matches them and {{clients}}, which it matches, still {{getOrGets}} through the waypoint. It stops only callers that reach the pods directly (${DIRECT_CALLERS}). Attach it to the waypoint with targetRefs.`
    },
    schema: ignoreNamespacesSchema("Namespaces whose AuthorizationPolicies are not checked."),
    defaultOptions: [{ ignoreNamespaces: [] }],
    hasSuggestions: true,
    defaultSeverity: "error",
    reads: reads(READS.access, READS.waypoints, READS.identities)
  },
  create(context) {
    const model = context.model;
    const td = model.mesh.trustDomain;
    const ignored2 = new Set(context.options[0]?.ignoreNamespaces ?? []);
    const access = /* @__PURE__ */ new Map();
    const accessOf = (c, s, port2) => {
      const key2 = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${port2}`;
      let d = access.get(key2);
      if (!d) access.set(key2, d = checkAccess(model, { from: c.peer, to: { service: s }, port: port2 }));
      return d;
    };
    return {
      AuthorizationPolicy(p) {
        if (p.targetRefs.length > 0 || p.dryRun || p.action !== "ALLOW" && p.action !== "DENY" || isImplicitWaypointPolicy(p)) return;
        if (ignored2.has(p.namespace)) return;
        const pods = model.policyWorkloads(p).filter((w) => w.dataplane.mode === "ambient" && model.servicesOf(w).some((s) => model.waypointOfService(s)));
        if (pods.length === 0) return;
        if (waypointLikeEntries(model, p).length > 0) return;
        const callers = [];
        const seen = /* @__PURE__ */ new Set();
        for (const w of sourceWitnesses(p, td)) {
          const field = w.origin ? sourceField(p, w.origin.path) : "";
          const c = callerOf(model, w, field);
          if (!c || seen.has(`${c.principal}|${c.who}`)) continue;
          seen.add(`${c.principal}|${c.who}`);
          callers.push(c);
          if (callers.length >= MAX_WITNESSES) break;
        }
        if (callers.length === 0) return;
        const hits = [];
        const done = /* @__PURE__ */ new Set();
        for (const pod of pods) {
          const ztunnel = ztunnelPoliciesFor(model, pod);
          for (const s of model.servicesOf(pod)) {
            const binding = model.waypointOfService(s);
            if (!binding) continue;
            const ids = waypointPrincipals(model, binding);
            if (!binding.gateway && unknownPrincipalIn(model, p, binding.namespace)) continue;
            for (const c of callers) {
              if (ids.includes(c.principal)) continue;
              for (const sp of s.ports) {
                const port2 = targetPortOn(pod, sp);
                const triple = `${c.principal}|${c.who}|${s.namespace}/${s.name}|${sp.port}`;
                if (port2 === void 0 || done.has(triple)) continue;
                const own = evaluatePolicies(ztunnel, { principal: c.principal, port: port2, http: false }, "ztunnel");
                if (own.decidedBy?.policy !== p || own.decidedBy.rule === void 0) continue;
                if (p.action === "ALLOW" !== (own.decision === "ALLOW")) continue;
                const d = accessOf(c, s, sp.port);
                if (!viaWaypoint(d) || d.policyDecision?.enforcement !== "ztunnel") continue;
                let kind;
                if (p.action === "ALLOW" && d.decision === "DENY" && d.policyDecision.decidedBy?.rule === void 0) kind = "refused";
                else if (p.action === "DENY" && d.decision === "ALLOW") kind = "unstopped";
                else if (p.action === "DENY" && d.decision === "DENY" && d.policyDecision.decidedBy?.policy === p) kind = "denies-waypoint";
                if (kind) {
                  hits.push({ kind, caller: c, service: s, binding, port: sp.port });
                  done.add(triple);
                }
              }
            }
          }
        }
        if (hits.length === 0) return;
        const byRule = /* @__PURE__ */ new Map();
        for (const h of hits) {
          const key2 = `${h.caller.rule}|${h.kind}`;
          const list = byRule.get(key2);
          if (list) list.push(h);
          else byRule.set(key2, [h]);
        }
        for (const group of byRule.values()) {
          const first = group[0];
          const wp = first.binding;
          const ids = waypointPrincipals(model, wp);
          const services = [...new Set(group.map((h) => `Service ${h.service.namespace}/${h.service.name}`))];
          const ports = [...new Set(group.map((h) => String(h.port)))];
          const who = [...new Set(group.map((h) => h.caller.who))];
          const data = {
            name: p.name,
            services: listText3(services),
            ports: `${ports.length === 1 ? "port" : "ports"} ${listText3(ports)}`,
            isAre: services.length === 1 ? "is" : "are",
            waypoint: waypointLabel(wp),
            waypointIds: listText3(ids),
            clients: listText3(who)
          };
          const assumptions = model.assumptionsOf([...pods.filter((w) => group.some((h) => model.servicePods(h.service).includes(w))), ...group.map((h) => h.caller.peer.kind === "workload" ? h.caller.peer.workload : h.caller.peer.kind === "pod" ? h.caller.peer.dataplane : void 0)]);
          const at3 = { resource: p.resource, path: first.caller.path };
          const attach = () => ({ desc: `Enforce the DENY at the waypoint: attach it to ${services[0]}`, fix: waypointPolicyFix(p, first.service) });
          if (p.action === "ALLOW") {
            context.report({
              at: at3,
              messageId: "allowRefusesWaypoint",
              data,
              suggest: [
                () => ({ desc: `Admit the waypoint (${listText3(ids)}) in AuthorizationPolicy "${p.name}"`, fix: `# AuthorizationPolicy ${p.namespace}/${p.name}, spec.rules (add):
${(0, import_yaml4.stringify)([{ from: [{ source: { principals: ids } }] }])}` }),
                () => ({ desc: `Match the clients at the waypoint: attach the policy to ${services[0]}`, fix: waypointPolicyFix(p, first.service) })
              ],
              assumptions
            });
          } else if (first.kind === "denies-waypoint") {
            context.report({ at: at3, messageId: "denyMatchesWaypoint", data, suggest: [attach], assumptions });
          } else {
            context.report({ at: at3, messageId: "denyMissesClients", severity: "warn", data: { ...data, getOrGets: who.length === 1 ? "gets" : "get" }, suggest: [attach], assumptions });
          }
        }
      }
    };
  }
});

// src/generated/rules.ts
var RULES = [registerRule("allow-shadowed-by-deny", allow_shadowed_by_deny_default), registerRule("app-runs-as-proxy-uid", app_runs_as_proxy_uid_default), registerRule("authorization-unknown-host", authorization_unknown_host_default), registerRule("automtls-missing-destinationrule", automtls_missing_destinationrule_default), registerRule("competing-policies", competing_policies_default), registerRule("dataplane-conflict", dataplane_conflict_default), registerRule("deny-path-bypass", deny_path_bypass_default), registerRule("destinationrule-matches-nothing", destinationrule_matches_nothing_default), registerRule("destinationrule-merge-conflict", destinationrule_merge_conflict_default), registerRule("destinationrule-tls-unverified", destinationrule_tls_unverified_default), registerRule("envoyfilter-patches", envoyfilter_patches_default), registerRule("exportto-unknown-namespace", exportto_unknown_namespace_default), registerRule("gateway-api-listener-conflict", gateway_api_listener_conflict_default), registerRule("gateway-api-route-references", gateway_api_route_references_default), registerRule("image-auto-not-injected", image_auto_not_injected_default), registerRule("inbound-port-conflict", inbound_port_conflict_default), registerRule("intent-denied", intent_denied_default), registerRule("intent-shared-service-account", intent_shared_service_account_default), registerRule("intent-unknown-target", intent_unknown_target_default), registerRule("istio-annotations", istio_annotations_default), registerRule("istio-gateway-servers", istio_gateway_servers_default), registerRule("jwks-fetch-unrestricted", jwks_fetch_unrestricted_default), registerRule("jwt-claim-routing", jwt_claim_routing_default), registerRule("jwt-without-requestauthentication", jwt_without_requestauthentication_default), registerRule("knative-system-access", knative_system_access_default), registerRule("knative-webhook-strict-mtls", knative_webhook_strict_mtls_default), registerRule("l7-config-without-waypoint", l7_config_without_waypoint_default), registerRule("multiple-custom-providers", multiple_custom_providers_default), registerRule("negative-status-condition", negative_status_condition_default), registerRule("policy-selects-nothing", policy_selects_nothing_default), registerRule("principal-never-matches", principal_never_matches_default), registerRule("selector-ignored-in-ambient", selector_ignored_in_ambient_default), registerRule("service-port-protocol", service_port_protocol_default), registerRule("serviceentry-conflict", serviceentry_conflict_default), registerRule("sidecar-ineffective", sidecar_ineffective_default), registerRule("source-identity-without-mtls", source_identity_without_mtls_default), registerRule("target-port-not-found", target_port_not_found_default), registerRule("telemetry-conflicts", telemetry_conflicts_default), registerRule("telemetry-missing-provider", telemetry_missing_provider_default), registerRule("tls-mode-conflict", tls_mode_conflict_default), registerRule("undeclared-access", undeclared_access_default), registerRule("unknown-http-method", unknown_http_method_default), registerRule("unknown-namespace", unknown_namespace_default), registerRule("unreachable-route", unreachable_route_default), registerRule("use-waypoint-references", use_waypoint_references_default), registerRule("virtualservice-host-conflict", virtualservice_host_conflict_default), registerRule("virtualservice-references", virtualservice_references_default), registerRule("waypoint-bypass", waypoint_bypass_default), registerRule("waypoint-principal-mismatch", waypoint_principal_mismatch_default), registerRule("workload-without-authorization", workload_without_authorization_default), registerRule("workloadgroup-service-account", workloadgroup_service_account_default), registerRule("ztunnel-l7-policy", ztunnel_l7_policy_default), registerRule("ztunnel-policy-behind-waypoint", ztunnel_policy_behind_waypoint_default)];

export {
  RULES
};
//# sourceMappingURL=chunk-EIIZJTLD.js.map
