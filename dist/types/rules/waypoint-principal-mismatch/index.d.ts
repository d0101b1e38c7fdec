declare const _default: import("../../src/engine/rule.js").MeshRule<"useIdentity" | "useEntry", []>;
export default _default;
