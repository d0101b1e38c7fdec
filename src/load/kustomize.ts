import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
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
  let k: unknown;
  try {
    k = parse(readFileSync(file, 'utf8'));
  } catch {
    return [];
  }
  if (k === null || typeof k !== 'object' || Array.isArray(k)) return [];
  const spec = k as Record<string, unknown>;
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
