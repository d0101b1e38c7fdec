declare const _default: import("../../src/engine/rule.js").MeshRule<"noRequestAuthentication", []>;
export default _default;
