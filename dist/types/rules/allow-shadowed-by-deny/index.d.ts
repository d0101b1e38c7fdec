declare const _default: import("../../src/engine/rule.js").MeshRule<"policyShadowed" | "ruleShadowed", []>;
export default _default;
