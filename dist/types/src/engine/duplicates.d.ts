import { type Resource } from '../model/resource.js';
import { MeshMessage } from './diagnostic.js';
export declare function duplicateResources(resources: readonly Resource[], cwd: string): MeshMessage[];
