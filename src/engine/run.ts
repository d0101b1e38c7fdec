import { emptyConfig, type Config } from '../config.js';
import type { MeshSettings } from '../model/mesh.js';
import { Model } from '../mesh/model.js';
import type { Resource } from '../model/resource.js';
import type { MeshMessage } from './diagnostic.js';
import { internalError } from './internal-error.js';
import { loadInputDeferred, type LoadedInput, type LoadOptions } from './load-input.js';

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

export async function startRun(opts: LoadOptions & { mesh?: Partial<MeshSettings> }): Promise<Run> {
  const cwd = opts.cwd ?? process.cwd();
  const config = opts.config ?? emptyConfig(cwd);
  const { input, checks } = await loadInputDeferred({ ...opts, cwd, config });
  const modelErrors: MeshMessage[] = [];
  let model: Model | undefined;
  let load: Promise<MeshMessage[]> | undefined;
  return {
    cwd,
    config,
    input,
    get model() {
      return (model ??= buildModel(input.resources, { ...config.mesh, ...(opts.mesh ?? {}) }, modelErrors));
    },
    // The order of the one-thread run: loading, resource checks, model.
    loadDiagnostics: () => (load ??= checks().then((checked) => [...input.pending, ...checked, ...modelErrors])),
  };
}

/**
 * The model, even when building it throws on some resource (it should not): the resources it
 * fails on are found one by one, reported as internal errors and left out.
 */
function buildModel(resources: Resource[], mesh: Partial<MeshSettings>, pending: MeshMessage[]): Model {
  try {
    return new Model(resources, mesh);
  } catch {
    const kept: Resource[] = [];
    for (const r of resources) {
      try {
        new Model([r], mesh);
        kept.push(r);
      } catch (err) {
        pending.push(internalError('Reading the resource', err, r));
      }
    }
    try {
      return new Model(kept, mesh);
    } catch (err) {
      pending.push(internalError('Building the model', err));
      return new Model([], mesh);
    }
  }
}
