declare const _default: import("../../src/engine/rule.js").MeshRule<"noProvider", []>;
export default _default;
