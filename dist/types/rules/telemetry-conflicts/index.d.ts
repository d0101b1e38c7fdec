type MessageId = 'severalNamespaceWide' | 'overlappingSelectors';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageId, []>;
export default _default;
