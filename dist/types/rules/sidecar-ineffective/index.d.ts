type MessageId = 'overlappingSelectors' | 'severalDefaults' | 'ambientPods' | 'ambientNamespace' | 'egressHostUnknown';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageId, []>;
export default _default;
