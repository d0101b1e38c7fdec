declare const _default: import("../../src/engine/rule.js").MeshRule<"sameMeshHost", []>;
export default _default;
