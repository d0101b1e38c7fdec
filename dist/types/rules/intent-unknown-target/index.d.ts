declare const _default: import("../../src/engine/rule.js").MeshRule<"unknownWorkload" | "unknownService", []>;
export default _default;
