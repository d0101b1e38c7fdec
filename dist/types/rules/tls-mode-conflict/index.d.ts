type MessageIds = 'plaintextToStrict' | 'tlsWithoutModeToStrict' | 'mtlsToDisabled' | 'mtlsToNoSidecar' | 'mtlsToDisabledOrNoSidecar';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageIds, []>;
export default _default;
