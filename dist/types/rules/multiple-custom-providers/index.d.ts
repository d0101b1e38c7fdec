declare const _default: import("../../src/engine/rule.js").MeshRule<"providersClash", []>;
export default _default;
