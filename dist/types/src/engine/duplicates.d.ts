import { type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';
/**
 * `duplicate-resource`: two objects of the same API group, kind, namespace and name. The API server
 * holds one object per such key, so whichever is applied last replaces the other (a kustomize base
 * and its patch both linted, a copy-paste that kept the name); the model would see both. Reported
 * on the second, with the first as related. The version is not part of the key: `v1` and `v1beta1`
 * of one group are the same stored object. Identical copies (the same Namespace declared by two
 * apps' folders) are not reported: whichever is applied, the object is the same.
 */
export declare function duplicateResources(resources: readonly Resource[], cwd: string): MeshMessage[];
