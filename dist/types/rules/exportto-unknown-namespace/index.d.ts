declare const _default: import("../../src/engine/rule.js").MeshRule<"unknownNamespace", []>;
export default _default;
