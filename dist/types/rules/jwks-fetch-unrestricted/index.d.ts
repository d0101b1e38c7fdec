declare const _default: import("../../src/engine/rule.js").MeshRule<"unrestrictedFetch", []>;
export default _default;
