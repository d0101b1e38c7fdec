/** The containers of a workload's pod template, with their paths, for rules that judge a container's settings. */
import type { Path } from '../types.js';
import { arr, isRecord, str } from './resource.js';
import type { Workload } from './workloads.js';

export interface PodContainer {
  name: string;
  image: string | undefined;
  /** `securityContext.runAsUser` and `runAsGroup` when they are numbers. */
  runAsUser: number | undefined;
  runAsGroup: number | undefined;
  path: Path;
}

export interface PodSpec {
  path: Path;
  /** The pod-level `securityContext.runAsUser` and `runAsGroup` when they are numbers. */
  runAsUser: number | undefined;
  runAsGroup: number | undefined;
  containers: PodContainer[];
}

function at(obj: unknown, path: Path): unknown {
  let cur = obj;
  for (const seg of path) {
    if (isRecord(cur) && typeof seg === 'string') cur = cur[seg];
    else if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else return undefined;
  }
  return cur;
}

function idOf(securityContext: unknown, field: 'runAsUser' | 'runAsGroup'): number | undefined {
  return isRecord(securityContext) && typeof securityContext[field] === 'number' ? securityContext[field] : undefined;
}

/** The pod spec beside the workload's pod metadata (`spec.template.spec`, or a Pod's `spec`). */
export function podSpecOf(w: Workload): PodSpec {
  const path = [...w.podMetadataPath.slice(0, -1), 'spec'];
  const spec = at(w.resource.raw, path);
  const containers: PodContainer[] = [];
  arr(isRecord(spec) ? spec.containers : undefined).forEach((c, i) => {
    if (!isRecord(c)) return;
    const sc = c.securityContext;
    containers.push({ name: str(c.name) ?? '', image: str(c.image), runAsUser: idOf(sc, 'runAsUser'), runAsGroup: idOf(sc, 'runAsGroup'), path: [...path, 'containers', i] });
  });
  const sc = isRecord(spec) ? spec.securityContext : undefined;
  return { path, runAsUser: idOf(sc, 'runAsUser'), runAsGroup: idOf(sc, 'runAsGroup'), containers };
}
