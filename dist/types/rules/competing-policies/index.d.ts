type MessageIds = 'peerAuthenticationsWide' | 'peerAuthenticationsSelect' | 'sidecarsWide' | 'sidecarsSelect';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, []>;
export default _default;
