import { type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';
/** Where an internal error that belongs to no resource is reported. */
export declare const INTERNAL_NAME = "<meshlint>";
/**
 * An exception where none should be: named with what failed and the resource it failed on (at
 * that resource's first line). Without a resource, it is reported at the start of `file`, else on a
 * `<meshlint>` pseudo-file.
 */
export declare function internalError(what: string, err: unknown, resource?: Resource, file?: string): MeshMessage;
