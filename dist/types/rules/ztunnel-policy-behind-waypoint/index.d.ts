interface Options {
    /** Namespaces whose AuthorizationPolicies are not checked. */
    ignoreNamespaces: string[];
}
declare const _default: import("../../src/engine/rule.js").MeshRule<"allowRefusesWaypoint" | "denyMatchesWaypoint" | "denyMissesClients", [Options]>;
export default _default;
