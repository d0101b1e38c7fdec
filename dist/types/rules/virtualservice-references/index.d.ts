type MessageId = 'unknownHost' | 'hostNotExported' | 'unknownPort' | 'unknownSubset' | 'unknownGateway' | 'hostNotInGateway' | 'internalGateway';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageId, []>;
export default _default;
