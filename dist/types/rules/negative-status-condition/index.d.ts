declare const _default: import("../../src/engine/rule.js").MeshRule<"negativeCondition", []>;
export default _default;
