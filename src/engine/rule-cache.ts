import type { Model } from '../mesh/model.js';
import type { NamespaceReads, NamespaceState } from '../model/model.js';
import type { At, Resource } from '../model/resource.js';
import type { MeshMessage } from './diagnostic.js';
import type { MeshReport } from './rule.js';
import type { RuleRun } from './run-rules.js';

/**
 * A finding of a rule, with the report it was made from (none: an internal error) and the object
 * whose visit reported it (none: `create` or `Mesh:exit`).
 */
export interface RecordedFinding {
  message: MeshMessage;
  report: MeshReport | undefined;
  from: Resource | undefined;
}

/** What one rule found in a run, and what it visited. */
export interface RunRecord {
  run: RuleRun;
  visited: ReadonlySet<string>;
  hasExit: boolean;
  findings: readonly RecordedFinding[];
  /** The rule asked for a place (`context.locate`), which its messages may name. */
  locates: boolean;
  /** The namespaces it asked about (model/model.ts, NamespaceMap). */
  namespaces: NamespaceReads;
}

interface RuleRecord extends RunRecord {
  options: string;
}

/**
 * How to run a rule in this run: all of it; not at all, its last findings standing (`reuse`); or
 * its visitors on the objects of `added` only, with the last findings of the other objects
 * (`partial`). Kept findings on a resource read again unchanged are made again from their report
 * (`remake`), for their places.
 */
export type RulePlan =
  | { mode: 'full' }
  | { mode: 'reuse'; record: RunRecord; remake: (f: RecordedFinding) => RecordedFinding }
  | { mode: 'partial'; findings: readonly RecordedFinding[]; added: ReadonlySet<Resource>; remake: (f: RecordedFinding) => RecordedFinding; namespaces: NamespaceReads };

/** What an edit changed: the resources new or gone (visitor kinds), and those read again the same. */
interface ModelChange {
  kinds: ReadonlySet<string>;
  added: ReadonlySet<Resource>;
  removed: ReadonlySet<Resource>;
  /** A resource of the last run → the one read again in its place with the same content. */
  same: ReadonlyMap<Resource, Resource>;
  /** Namespaces without labels that came or went, every other namespace being the same. */
  namespaces: ReadonlySet<string>;
}

interface Snapshot {
  resources: readonly Resource[];
  order: ReadonlyArray<{ kind: string; resource: Resource }>;
  shared: { global: string; namespaces: Map<string, NamespaceState> };
}

/** The elements of `a` and of `b` outside their longest common prefix and suffix (by identity): what an edit of one file can have changed. */
function unlike<T>(a: readonly T[], b: readonly T[]): [T[], T[]] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return [a.slice(start, endA), b.slice(start, endB)];
}

/**
 * The rules' findings of the last run, for a run after an edit (the language server): a rule
 * that declares what it reads (`meta.reads`) is run again only when the edit touches one of
 * those kinds; if the edit touches only kinds it visits, only on the objects edited.
 *
 * Unchanged files keep their resource objects between runs (the load cache). A file read again
 * gives new objects; each that has the same kind, namespace, name and content as one of the
 * last run is that one moved, not a change. Anything every rule reads (the model's shared state:
 * mesh settings, namespaces, data plane evidence) that differs makes every rule run in full —
 * except namespaces without labels that come or go, which only rules that asked about them (or
 * about every namespace) run again for — and
 * so does an internal error in the last findings or a call of `context.locate` (a place in a
 * message's text cannot be moved). A rule without `meta.reads` always runs in full. The CLI runs
 * once and has no cache.
 */
export class RuleResultCache {
  private last: Snapshot | undefined;
  private change: ModelChange | undefined;
  private records = new Map<string, RuleRecord>();
  private readonly ids = new WeakMap<Resource, number>();
  private nextId = 1;

  private readonly resourceId = (r: Resource): number => {
    let id = this.ids.get(r);
    if (id === undefined) this.ids.set(r, (id = this.nextId++));
    return id;
  };

  /** A run starts over `model`: what changed since the last one (nothing known: everything). */
  begin(model: Model): void {
    const last = this.last;
    const order = model.inputOrder();
    const kinds = new Set<string>();
    const added = new Set<Resource>();
    const removed = new Set<Resource>();
    const same = new Map<Resource, Resource>();
    if (last) {
      // Resources without a model object (a ServiceAccount) are only in `resources`; Otterize's generated policies only in the order.
      const kindOf = new Map<Resource, string>();
      const [wasResources, isResources] = unlike(last.resources, model.resources);
      const [wasOrder, isOrder] = unlike(last.order, order);
      const was = new Set([...wasResources, ...wasOrder.map((o) => o.resource)]);
      const is = new Set([...isResources, ...isOrder.map((o) => o.resource)]);
      for (const o of [...wasOrder, ...isOrder]) kindOf.set(o.resource, o.kind);
      for (const r of is) if (!was.has(r)) added.add(r);
      for (const r of was) if (!is.has(r)) removed.add(r);
      const gone = new Map<string, Resource[]>();
      for (const r of removed) {
        const key = contentKey(r);
        const list = gone.get(key);
        if (list) list.push(r);
        else gone.set(key, [r]);
      }
      for (const r of added) {
        const moved = gone.get(contentKey(r))?.shift();
        if (!moved) continue;
        same.set(moved, r);
        this.ids.set(r, this.resourceId(moved));
        added.delete(r);
        removed.delete(moved);
      }
      for (const r of [...added, ...removed]) kinds.add(kindOf.get(r) ?? r.kind);
    }
    const snapshot: Snapshot = { resources: model.resources, order, shared: model.sharedState(this.resourceId) };
    this.last = snapshot;
    const namespaces = last && namespacesChanged(last.shared, snapshot.shared);
    this.change = namespaces ? { kinds, added, removed, same, namespaces } : undefined;
  }

  plan(run: RuleRun, remakeWith: (report: MeshReport) => MeshMessage): RulePlan {
    const change = this.change;
    const record = this.records.get(run.rule.id);
    const reads = run.rule.definition.meta.reads;
    if (!change || !record || !reads || record.run.rule.definition !== run.rule.definition || record.options !== optionsKey(run)) return { mode: 'full' };
    if (record.locates || record.findings.some((f) => f.report === undefined)) return { mode: 'full' };
    if (change.namespaces.size > 0 && (record.namespaces.all || [...change.namespaces].some((ns) => record.namespaces.names.has(ns)))) return { mode: 'full' };
    let visitsChanged = false;
    for (const kind of change.kinds) {
      if (reads.includes(kind)) return { mode: 'full' };
      if (record.visited.has(kind)) {
        if (record.hasExit) return { mode: 'full' };
        visitsChanged = true;
      }
    }
    const remake = (f: RecordedFinding) => remade(f, change.same, remakeWith);
    if (!visitsChanged) return { mode: 'reuse', record, remake };
    // What `create` reported is reported again, as `create` runs again.
    const kept = record.findings.filter((f) => f.from !== undefined && !change.removed.has(f.from));
    // The kept findings stand on what the last run asked.
    return { mode: 'partial', findings: kept, added: change.added, remake, namespaces: record.namespaces };
  }

  /** The rules' records of this run; a rule that did not run loses its record. */
  commit(records: readonly RunRecord[]): void {
    this.records = new Map(records.map((r) => [r.run.rule.id, { ...r, options: optionsKey(r.run) }]));
  }
}

/**
 * The namespaces that came or went between two runs, when that is all that changed of the shared
 * state and none of them has labels (a label may choose a data plane for namespaces the rules
 * never name, `labelledNamespaces`); undefined when anything else changed.
 */
function namespacesChanged(was: Snapshot['shared'], is: Snapshot['shared']): ReadonlySet<string> | undefined {
  if (was.global !== is.global) return undefined;
  const out = new Set<string>();
  for (const [ns, state] of is.namespaces) {
    const before = was.namespaces.get(ns);
    if (before?.key === state.key) continue;
    if (before || state.labelled) return undefined;
    out.add(ns);
  }
  for (const [ns, state] of was.namespaces) {
    if (is.namespaces.has(ns)) continue;
    if (state.labelled) return undefined;
    out.add(ns);
  }
  return out;
}

function optionsKey(run: RuleRun): string {
  return JSON.stringify(run.options);
}

function contentKey(r: Resource): string {
  return `${r.doc.file.path}\0${r.group}\0${r.kind}\0${r.namespace}\0${r.name}\0${JSON.stringify(r.raw)}`;
}

/** A kept finding that names a resource read again the same: made again from its report, on the new resource. */
function remade(f: RecordedFinding, same: ReadonlyMap<Resource, Resource>, remakeWith: (report: MeshReport) => MeshMessage): RecordedFinding {
  const r = f.report!;
  const names = (x: Resource | undefined) => x !== undefined && same.has(x);
  if (!names(f.from) && !names(r.at?.resource) && !names(r.node?.resource) && !names(r.fix?.at.resource) && !r.related?.some((rel) => names(rel.at.resource))) return f;
  const at = (a: At): At => ({ ...a, resource: same.get(a.resource) ?? a.resource });
  const report: MeshReport = {
    ...r,
    ...(r.at ? { at: at(r.at) } : {}),
    ...(r.node ? { node: { resource: same.get(r.node.resource) ?? r.node.resource } } : {}),
    ...(r.fix ? { fix: { ...r.fix, at: at(r.fix.at) } } : {}),
    ...(r.related ? { related: r.related.map((rel) => ({ ...rel, at: at(rel.at) })) } : {}),
  };
  return { message: remakeWith(report), report, from: f.from && (same.get(f.from) ?? f.from) };
}
