declare const _default: import("../../src/engine/rule.js").MeshRule<"unknownServiceAccount", []>;
export default _default;
