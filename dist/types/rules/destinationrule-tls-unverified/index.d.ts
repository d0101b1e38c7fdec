declare const _default: import("../../src/engine/rule.js").MeshRule<"skipVerify", []>;
export default _default;
