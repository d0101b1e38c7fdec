type Options = [{
    knownPrincipals: string[];
    ignoreNamespaces: string[];
}];
declare const _default: import("../../src/engine/rule.js").MeshRule<"principalMatchesNoPod" | "principalMatchesNoIdentity" | "serviceAccountMatchesNoPod" | "callerWithoutIdentity" | "callersWithoutIdentity" | "spiffePrefix" | "innerWildcard" | "foreignTrustDomain" | "innerWildcardNoFix", Options>;
export default _default;
