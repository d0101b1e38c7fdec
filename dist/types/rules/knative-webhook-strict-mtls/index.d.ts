type MessageIds = 'strictWebhookPort' | 'strictWebhookPortMisplacedException';
type Options = [{
    systemNamespace: string;
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, Options>;
export default _default;
