declare const _default: import("../../src/engine/rule.js").MeshRule<"undeclared", []>;
export default _default;
