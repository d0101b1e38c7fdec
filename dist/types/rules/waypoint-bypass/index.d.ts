interface Options {
    /** How many other identities of the input are tried as clients (sorted, the first ones). */
    maxKnownCallers: number;
    /** Namespaces whose AuthorizationPolicies are neither checked nor reported. */
    ignoreNamespaces: string[];
}
type MessageIds = 'unguardedPods' | 'ztunnelPolicyAdmits' | 'ztunnelRuleAdmits' | 'ztunnelRuleAdmitsGateway';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, [Options]>;
export default _default;
