declare const _default: import("../../src/engine/rule.js").MeshRule<"defaultAccount" | "sharedAccount", []>;
export default _default;
