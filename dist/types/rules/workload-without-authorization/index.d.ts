declare const _default: import("../../src/engine/rule.js").MeshRule<"uncovered", {
    ignoreNamespaces: string[];
}[]>;
export default _default;
