type MessageIds = 'podConflict' | 'namespaceConflict' | 'namespaceLabels';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, []>;
export default _default;
