declare const _default: import("../../src/engine/rule.js").MeshRule<"replaceIgnored" | "addIgnored" | "removeIgnored" | "relativeWithoutPriority" | "relativeWithProxyVersion", []>;
export default _default;
