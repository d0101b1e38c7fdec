type Options = [{
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<"noRequestAuthentication" | "noRequestAuthenticationInInput" | "noSubject" | "issuerNotAccepted" | "issuerNotAcceptedUse" | "splitIssuerNotAccepted" | "splitIssuerNotAcceptedUse", Options>;
export default _default;
