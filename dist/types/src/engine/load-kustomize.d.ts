import { type KustomizeTool } from '../load/kustomize.js';
import { type ParsedFile } from '../load/parse.js';
import { type Resource } from '../model/resource.js';
import { type MeshMessage } from './diagnostic.js';
export interface RenderedInput {
    resources: Resource[];
    /** The files the rendered objects come from, parsed for their positions and comments. */
    files: ParsedFile[];
    problems: MeshMessage[];
}
/**
 * The kustomizations to render: those no other one of the input includes (an overlay renders its
 * base; rendering the base too would lint its objects twice).
 */
export declare function kustomizeRoots(dirs: readonly string[]): string[];
/**
 * Render each kustomization and read the objects it gives, as they will be applied, at the place
 * they come from: the `config.kubernetes.io/origin` annotation names the file, and the object of
 * that file with the same kind (and name, before kustomize's prefixes) gives the positions — of
 * the field when the file has it, else of its nearest parent. An object without an origin (a
 * generated ConfigMap) is placed at its kustomization.
 */
export declare function loadKustomizations(tool: KustomizeTool, roots: readonly string[]): RenderedInput;
