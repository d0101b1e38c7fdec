import type { Command } from 'commander';
import { parsePathNormalization, PATH_NORMALIZATIONS, type MeshSettings } from '../model/mesh.js';

/** A wrong command line: reported on stderr with exit code 2. */
export class UsageError extends Error {}

const DATA_PLANES = ['sidecar', 'ambient', 'none'] as const;

export interface MeshFlags {
  rootNamespace?: string;
  trustDomain?: string;
  trustDomainAlias?: string[];
  pathNormalization?: string;
  autoMtls?: string;
  assumeDataPlane?: string;
  complete?: boolean;
}

export function meshFlags(flags: MeshFlags): Partial<MeshSettings> {
  const mesh: Partial<MeshSettings> = {};
  if (flags.assumeDataPlane !== undefined) {
    const v = flags.assumeDataPlane as MeshSettings['assumeDataPlane'];
    if (!DATA_PLANES.includes(v)) throw new UsageError(`--assume-data-plane takes sidecar, ambient or none, not "${flags.assumeDataPlane}"`);
    mesh.assumeDataPlane = v;
  }
  if (flags.complete) mesh.complete = true;
  if (flags.rootNamespace) mesh.rootNamespace = flags.rootNamespace;
  if (flags.trustDomain) mesh.trustDomain = flags.trustDomain;
  if (flags.trustDomainAlias && flags.trustDomainAlias.length > 0) mesh.trustDomainAliases = flags.trustDomainAlias.filter((x) => x !== '');
  if (flags.pathNormalization !== undefined) {
    const mode = parsePathNormalization(flags.pathNormalization.toUpperCase());
    if (!mode) throw new UsageError(`--path-normalization takes ${PATH_NORMALIZATIONS.join(', ')}, not "${flags.pathNormalization}"`);
    mesh.pathNormalization = mode;
  }
  if (flags.autoMtls !== undefined) {
    if (flags.autoMtls !== 'true' && flags.autoMtls !== 'false') throw new UsageError(`--auto-mtls takes true or false, not "${flags.autoMtls}"`);
    mesh.enableAutoMtls = flags.autoMtls === 'true';
  }
  return mesh;
}

export function addMeshOptions(cmd: Command): Command {
  return cmd
    .option('--root-namespace <ns>', 'Istio root namespace (meshConfig.rootNamespace; default istio-system)')
    .option('--trust-domain <domain>', 'mesh trust domain (default cluster.local)')
    .option('--trust-domain-alias <domain>', 'meshConfig.trustDomainAliases entry; repeatable', (v: string, prev: string[] = []) => [...prev, v])
    .option('--path-normalization <mode>', 'meshConfig.pathNormalization: NONE, BASE (default), MERGE_SLASHES or DECODE_AND_MERGE_SLASHES')
    .option('--auto-mtls <bool>', 'meshConfig.enableAutoMtls: true or false (default true)')
    .option('--assume-data-plane <mode>', 'data plane of pods whose namespace labels the input does not show: sidecar (default), ambient or none')
    .option('--complete', 'the input is the whole cluster: what it does not hold does not exist, and pods no label enrols have no data plane (complete: true in .meshlint.yaml)')
    .option('-c, --config <file>', 'use this configuration file')
    .option('--no-config-lookup', 'do not look for .meshlint.yaml');
}
