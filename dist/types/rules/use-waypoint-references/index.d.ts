type MessageIds = 'notFound' | 'wrongTrafficType';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, []>;
export default _default;
