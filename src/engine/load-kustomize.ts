import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { KUSTOMIZATION_NAMES, kustomizeIncludes, ORIGIN_ANNOTATION, renderKustomization, type KustomizeTool } from '../load/kustomize.js';
import { parseSource, type Doc, type ParsedFile } from '../load/parse.js';
import { readManifest } from '../load/read.js';
import { SourceFile } from '../load/source.js';
import { isRecord, toResource, type Resource } from '../model/resource.js';
import { atFileStart, type MeshMessage } from './diagnostic.js';

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
export function kustomizeRoots(dirs: readonly string[]): string[] {
  const included = new Set<string>();
  for (const dir of dirs) {
    const file = KUSTOMIZATION_NAMES.map((n) => join(dir, n)).find((f) => existsSync(f));
    if (file) for (const inc of kustomizeIncludes(file)) included.add(inc);
  }
  return dirs.filter((d) => !included.has(d));
}

/**
 * Render each kustomization and read the objects it gives, as they will be applied, at the place
 * they come from: the `config.kubernetes.io/origin` annotation names the file, and the object of
 * that file with the same kind (and name, before kustomize's prefixes) gives the positions — of
 * the field when the file has it, else of its nearest parent. An object without an origin (a
 * generated ConfigMap) is placed at its kustomization.
 */
export function loadKustomizations(tool: KustomizeTool, roots: readonly string[]): RenderedInput {
  const out: RenderedInput = { resources: [], files: [], problems: [] };
  const parsed = new Map<string, ParsedFile | undefined>();
  const parseFile = (path: string): ParsedFile | undefined => {
    if (!parsed.has(path)) {
      const read = readManifest(path);
      const file = 'problem' in read ? undefined : parseSource(new SourceFile(path, read.text));
      parsed.set(path, file);
      if (file) out.files.push(file);
    }
    return parsed.get(path);
  };
  for (const root of roots) {
    const kustomization = KUSTOMIZATION_NAMES.map((n) => join(root, n)).find((f) => existsSync(f));
    if (!kustomization) continue;
    const rendered = renderKustomization(tool, root);
    if ('problem' in rendered) {
      out.problems.push(atFileStart('unreadable-file', kustomization, `The kustomization could not be rendered, so its objects are not linted: ${rendered.problem}`));
      continue;
    }
    const fallback = parseFile(kustomization)?.docs[0];
    for (const doc of parseSource(new SourceFile(`${kustomization} (rendered)`, rendered.text)).docs) {
      const raw = doc.data;
      if (!isRecord(raw) || typeof raw.apiVersion !== 'string' || typeof raw.kind !== 'string') continue;
      const origin = takeOrigin(raw);
      const source = origin ? parseFile(resolve(rendered.base, origin)) : undefined;
      const at = (source && sourceDoc(source.docs, raw)) ?? fallback;
      if (at) out.resources.push(toResource(raw, at, []));
    }
  }
  return out;
}

/** The origin's path, removed from the object: it is kustomize's note, not part of what is applied. */
function takeOrigin(raw: Record<string, unknown>): string | undefined {
  const meta = isRecord(raw.metadata) ? raw.metadata : undefined;
  const annotations = meta && isRecord(meta.annotations) ? meta.annotations : undefined;
  const value = annotations?.[ORIGIN_ANNOTATION];
  if (typeof value !== 'string') return undefined;
  delete annotations![ORIGIN_ANNOTATION];
  if (Object.keys(annotations!).length === 0) delete meta!.annotations;
  try {
    const origin = parse(value) as unknown;
    return isRecord(origin) && typeof origin.path === 'string' ? origin.path : undefined;
  } catch {
    return undefined;
  }
}

function sourceDoc(docs: readonly Doc[], raw: Record<string, unknown>): Doc | undefined {
  const nameOf = (v: unknown) => (isRecord(v) && isRecord(v.metadata) && typeof v.metadata.name === 'string' ? v.metadata.name : '');
  const sameKind = docs.filter((d) => isRecord(d.data) && d.data.kind === raw.kind);
  const name = nameOf(raw);
  return sameKind.find((d) => nameOf(d.data) === name) ?? sameKind.find((d) => nameOf(d.data) !== '' && name.includes(nameOf(d.data))) ?? (sameKind.length === 1 ? sameKind[0] : undefined);
}
