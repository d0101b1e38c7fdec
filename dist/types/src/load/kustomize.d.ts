/** The names kustomize looks for, in its order (api/konfig/general.go, RecognizedKustomizationFileNames). */
export declare const KUSTOMIZATION_NAMES: string[];
/** The kustomization file among a folder's file names, if there is one. */
export declare function kustomizationIn(names: readonly string[]): string | undefined;
/**
 * Files a kustomization reads as patches or transformer configuration rather than as resources:
 * a strategic-merge patch is a partial object (a Deployment with only the fields it changes), a
 * JSON patch a list of operations. Linted as manifests they would give findings about objects
 * that are never applied as written. Paths are absolute; an unreadable or broken kustomization
 * gives none (kustomize reports it).
 */
export declare function kustomizePatchPaths(file: string): string[];
/** The tool that renders a kustomization: `kustomize build`, or the copy built into kubectl. */
export interface KustomizeTool {
    command: string;
    args: string[];
}
/** `kustomize` when it is on PATH, else `kubectl kustomize`; undefined when neither is. */
export declare function findKustomize(env?: NodeJS.ProcessEnv): KustomizeTool | undefined;
export declare const ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
/**
 * Render a kustomization with origin annotations, which name the file each object comes from
 * (kustomize's `buildMetadata: [originAnnotations]`). The user's kustomization is not changed: a
 * kustomization in a temporary folder includes it and asks for them, which needs
 * `--load-restrictor LoadRestrictionsNone` since it lies outside that folder.
 */
export declare function renderKustomization(tool: KustomizeTool, dir: string, env?: NodeJS.ProcessEnv): {
    text: string;
    base: string;
} | {
    problem: string;
};
/** The kustomization folders a kustomization includes (`resources`, `components`, `bases`) that are folders. */
export declare function kustomizeIncludes(file: string): string[];
