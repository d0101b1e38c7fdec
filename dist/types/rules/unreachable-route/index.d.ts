type MessageId = 'unreachableRoute' | 'ineffectiveMatch' | 'redundantMatch';
declare const _default: import("../../src/engine/rule.js").MeshRule<MessageId, []>;
export default _default;
