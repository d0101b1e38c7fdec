type MessageIds = 'strictService' | 'strictPolicy';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, []>;
export default _default;
