type MessageIds = 'grpcMethod' | 'lowercaseMethod' | 'unknownMethod';
type Options = [{
    extraMethods: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, Options>;
export default _default;
