import type { Command } from 'commander';
import type { MeshSettings } from '../model/mesh.js';

/** A wrong command line: reported on stderr with exit code 2. */
export class UsageError extends Error {}

export function meshFlags(flags: { rootNamespace?: string; trustDomain?: string; autoMtls?: string }): Partial<MeshSettings> {
  const mesh: Partial<MeshSettings> = {};
  if (flags.rootNamespace) mesh.rootNamespace = flags.rootNamespace;
  if (flags.trustDomain) mesh.trustDomain = flags.trustDomain;
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
    .option('--auto-mtls <bool>', 'meshConfig.enableAutoMtls: true or false (default true)')
    .option('-c, --config <file>', 'use this configuration file')
    .option('--no-config-lookup', 'do not look for .meshlint.yaml');
}
