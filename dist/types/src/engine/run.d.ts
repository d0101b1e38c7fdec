import { type Config } from '../config.js';
import type { MeshSettings } from '../model/mesh.js';
import { Model } from '../mesh/model.js';
import type { MeshMessage } from './diagnostic.js';
import { type LoadedInput, type LoadOptions } from './load-input.js';
/**
 * A run's input and model, built the same way for every command (lint, check-access): the
 * per-resource checks may still be running; `loadDiagnostics()` waits for them.
 */
export interface Run {
    cwd: string;
    config: Config;
    input: LoadedInput;
    /** Built on first use (by lint's rules stage, or check-access), once. */
    readonly model: Model;
    /** Every diagnostic of loading: syntax, unreadable files, schema checks, resources the model could not read. */
    loadDiagnostics(): Promise<MeshMessage[]>;
}
export declare function startRun(opts: LoadOptions & {
    mesh?: Partial<MeshSettings>;
}): Promise<Run>;
