declare const _default: import("../../src/engine/rule.js").MeshRule<"unknownServiceHost", []>;
export default _default;
