declare const _default: import("../../src/engine/rule.js").MeshRule<"denied" | "deniedNothingGenerated", []>;
export default _default;
