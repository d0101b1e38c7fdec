type Options = [{
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<"rootPeerAuthenticationMove" | "rootPeerAuthenticationInRoot" | "rootPeerAuthentication" | "selectsNothing" | "selectsNothingNear" | "selectsNothingInRoot" | "selectsNothingInRootNear" | "selectsNothingMeshWide" | "selectsNothingMeshWideNear", Options>;
export default _default;
