type Options = [{
    knownNamespaces: string[];
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<"unknownNamespace" | "unknownNamespaceTypo" | "patternMatchesNothing" | "unknownGrantNamespace", Options>;
export default _default;
