declare const _default: import("../../src/engine/rule.js").MeshRule<"protocolNotDeclared", []>;
export default _default;
