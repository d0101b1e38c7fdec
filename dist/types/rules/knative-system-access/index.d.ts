interface Options {
    /** The namespace Knative Serving's system pods run in (`knative-serving` in its release manifests). */
    systemNamespace: string;
    /** The activator's service account (`activator`, config/core/deployments/activator.yaml). */
    activatorServiceAccount: string;
    /** The autoscaler's service account (`controller`, config/core/deployments/autoscaler.yaml). */
    autoscalerServiceAccount: string;
}
type MessageIds = 'denyRuleMatches' | 'layer7RulesDropped' | 'noAllowRuleMatches' | 'noRules';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, [Options]>;
export default _default;
