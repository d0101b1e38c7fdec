import type { Model } from '../mesh/model.js';
import type { NamespaceReads } from '../model/model.js';
import type { Resource } from '../model/resource.js';
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
/**
 * How to run a rule in this run: all of it; not at all, its last findings standing (`reuse`); or
 * its visitors on the objects of `added` only, with the last findings of the other objects
 * (`partial`). Kept findings on a resource read again unchanged are made again from their report
 * (`remake`), for their places.
 */
export type RulePlan = {
    mode: 'full';
} | {
    mode: 'reuse';
    record: RunRecord;
    remake: (f: RecordedFinding) => RecordedFinding;
} | {
    mode: 'partial';
    findings: readonly RecordedFinding[];
    added: ReadonlySet<Resource>;
    remake: (f: RecordedFinding) => RecordedFinding;
    namespaces: NamespaceReads;
};
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
export declare class RuleResultCache {
    private last;
    private change;
    private records;
    private readonly ids;
    private nextId;
    private readonly resourceId;
    /** A run starts over `model`: what changed since the last one (nothing known: everything). */
    begin(model: Model): void;
    plan(run: RuleRun, remakeWith: (report: MeshReport) => MeshMessage): RulePlan;
    /** The rules' records of this run; a rule that did not run loses its record. */
    commit(records: readonly RunRecord[]): void;
}
