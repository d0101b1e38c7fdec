declare const _default: import("../../src/engine/rule.js").MeshRule<"noPodNamesPort" | "somePodsLackPort", []>;
export default _default;
