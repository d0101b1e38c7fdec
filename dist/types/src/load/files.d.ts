export declare const MANIFEST_EXTENSIONS: string[];
/**
 * Why a file was not linted: a folder walk passed over it (a named file is linted all the same), or
 * a file named on the command line matches an ignore pattern (`ignored`).
 */
export type SkipReason = 'not-manifest' | 'helm-template' | 'kustomize-patch' | 'ignored';
export interface SkippedFile {
    path: string;
    reason: SkipReason;
    /** The Chart.yaml or kustomization file that makes it one. */
    by?: string;
}
export interface FileProblem {
    path: string;
    message: string;
}
export interface ExpandResult {
    files: string[];
    /** Files or folders found but not readable: reported as diagnostics, the run goes on. */
    problems: FileProblem[];
    /** Command-line arguments that name nothing: a usage error. */
    missing: string[];
    /** Files a folder walk found but passed over, sorted by path. */
    skipped: SkippedFile[];
    /** Files named on the command line (never skipped for what they hold). */
    named: Set<string>;
    /** Folders holding a kustomization, in walk order (rendered with --kustomize). */
    kustomizations: string[];
}
export interface ExpandOptions {
    cwd: string;
    /** gitignore-style patterns from the config, relative to `ignoreBase`. */
    ignorePatterns?: string[];
    /** The folder `ignorePatterns` are relative to: the config file's (default cwd). */
    ignoreBase?: string;
    ignoreFile?: boolean;
    /** Files a folder walk passes over (meshlint's own report, `-o`): absolute paths. */
    skip?: readonly string[];
    /**
     * Pass over named files that are not manifests as a walk does (`--skip-non-manifests`: for
     * pre-commit and lint-staged, which name every changed YAML file).
     */
    skipNonManifests?: boolean;
}
/** Read `.meshlintignore` from the working directory, if any. */
export declare function readIgnoreFile(cwd: string): string[];
/**
 * Turn command-line paths into a sorted list of manifest files. Folders are walked recursively;
 * a file named explicitly is linted whatever its extension, unless ignored. A walk passes over
 * files that configure tools rather than hold manifests (a chart's templates and values, a
 * kustomization and its patches), listed in `skipped`.
 */
export declare function expandPaths(args: string[], opts: ExpandOptions): ExpandResult;
export declare function codeText(err: unknown): string;
