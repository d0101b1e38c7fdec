import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

/** The names kustomize looks for, in its order (api/konfig/general.go, RecognizedKustomizationFileNames). */
export const KUSTOMIZATION_NAMES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** The kustomization file among a folder's file names, if there is one. */
export function kustomizationIn(names: readonly string[]): string | undefined {
  return KUSTOMIZATION_NAMES.find((n) => names.includes(n));
}

/**
 * Files a kustomization reads as patches or transformer configuration rather than as resources:
 * a strategic-merge patch is a partial object (a Deployment with only the fields it changes), a
 * JSON patch a list of operations. Linted as manifests they would give findings about objects
 * that are never applied as written. Paths are absolute; an unreadable or broken kustomization
 * gives none (kustomize reports it).
 */
export function kustomizePatchPaths(file: string): string[] {
  const spec = readKustomization(file);
  if (!spec) return [];
  const paths: string[] = [];
  const addPath = (v: unknown) => {
    // An inline patch is YAML text, several lines long; a file is a relative path.
    if (typeof v === 'string' && v !== '' && !v.includes('\n')) paths.push(resolve(dirname(file), v));
  };
  for (const key of ['patchesStrategicMerge', 'configurations', 'transformers', 'generators', 'validators']) {
    const list = spec[key];
    if (Array.isArray(list)) list.forEach(addPath);
  }
  for (const key of ['patches', 'patchesJson6902', 'replacements']) {
    const list = spec[key];
    if (Array.isArray(list)) for (const item of list) if (item && typeof item === 'object') addPath((item as Record<string, unknown>).path);
  }
  return paths;
}

/** The tool that renders a kustomization: `kustomize build`, or the copy built into kubectl. */
export interface KustomizeTool {
  command: string;
  args: string[];
}

/** `kustomize` when it is on PATH, else `kubectl kustomize`; undefined when neither is. */
export function findKustomize(env: NodeJS.ProcessEnv = process.env): KustomizeTool | undefined {
  for (const tool of [{ command: 'kustomize', args: ['build'] }, { command: 'kubectl', args: ['kustomize'] }]) {
    const probe = spawnSync(tool.command, tool.command === 'kubectl' ? ['kustomize', '--help'] : ['version'], { env, stdio: 'ignore', timeout: 10_000 });
    if (!probe.error && probe.status === 0) return tool;
  }
  return undefined;
}

export const ORIGIN_ANNOTATION = 'config.kubernetes.io/origin';

/**
 * Render a kustomization with origin annotations, which name the file each object comes from
 * (kustomize's `buildMetadata: [originAnnotations]`). The user's kustomization is not changed: a
 * kustomization in a temporary folder includes it and asks for them, which needs
 * `--load-restrictor LoadRestrictionsNone` since it lies outside that folder.
 */
export function renderKustomization(tool: KustomizeTool, dir: string, env: NodeJS.ProcessEnv = process.env): { text: string; base: string } | { problem: string } {
  const wrapper = mkdtempSync(join(tmpdir(), 'meshlint-kustomize-'));
  try {
    const target = relative(wrapper, dir).split(sep).join('/');
    writeFileSync(join(wrapper, 'kustomization.yaml'), `resources:\n- ${JSON.stringify(target)}\nbuildMetadata: [originAnnotations]\n`);
    const r = spawnSync(tool.command, [...tool.args, '--load-restrictor', 'LoadRestrictionsNone', wrapper], { env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
    if (r.error) return { problem: `${tool.command} ${tool.args.join(' ')} could not run: ${r.error.message}` };
    if (r.status !== 0) {
      const why = (r.stderr || '').trim().replaceAll(wrapper, '<meshlint>').split('\n').filter(Boolean).slice(-3).join('; ');
      return { problem: `${tool.command} ${tool.args.join(' ')} failed${why ? `: ${why}` : ''}` };
    }
    return { text: r.stdout, base: wrapper };
  } finally {
    rmSync(wrapper, { recursive: true, force: true });
  }
}

/** The kustomization folders a kustomization includes (`resources`, `components`, `bases`) that are folders. */
export function kustomizeIncludes(file: string): string[] {
  const spec = readKustomization(file);
  if (!spec) return [];
  const out: string[] = [];
  for (const key of ['resources', 'components', 'bases']) {
    const list = spec[key];
    if (Array.isArray(list)) for (const v of list) if (typeof v === 'string' && !v.includes('://')) out.push(resolve(dirname(file), v));
  }
  return out;
}

/** A kustomization's fields; undefined when it cannot be read or is not a map (kustomize reports that). */
function readKustomization(file: string): Record<string, unknown> | undefined {
  try {
    const k = parse(readFileSync(file, 'utf8')) as unknown;
    return k !== null && typeof k === 'object' && !Array.isArray(k) ? (k as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
