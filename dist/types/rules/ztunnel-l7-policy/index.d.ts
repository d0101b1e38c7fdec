type Options = [{
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<"customNotEnforced" | "auditNotEnforced" | "fieldNotSent" | "fieldNotMatched", Options>;
export default _default;
