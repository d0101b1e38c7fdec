type MessageIds = 'identityWithoutMtls' | 'identityWithoutClientMtls' | 'denyOnPlaintext' | 'identityWithoutProxy';
type Options = [{
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, Options>;
export default _default;
