import type { DecidedBy } from '../authz/access.js';
import type { DataplaneMode } from '../model/dataplane.js';
import { type AccessMatrix, type Condition, type EdgeDecision, type Verdict } from './access.js';
/**
 * `meshlint diff-access`: the edges whose decision differs between two versions of a mesh. Each
 * side is an access matrix (src/graph/access.ts), reduced to what the comparison needs so that the
 * first model can be freed before the second is loaded.
 */
interface Side {
    callers: Map<string, DataplaneMode | undefined>;
    targets: Map<string, {
        id: string;
        port: number;
        explicit: Map<string, Verdict>;
        others: Map<DataplaneMode, Verdict>;
    }>;
}
/** What the diff keeps of a matrix: no model objects. */
export declare function sideOf(m: AccessMatrix): Side;
export type ChangeKind = 'opens' | 'closes' | 'changes';
export interface EdgeState {
    decision: EdgeDecision;
    conditions?: Condition[];
    enforcement: string[];
    decidedBy?: DecidedBy;
    reason: string;
}
export interface AccessChange {
    change: ChangeKind;
    /** A caller id, or `*`: every caller with no change of its own, of these data planes. */
    from: string;
    fromDataPlanes?: DataplaneMode[];
    to: string;
    port: number;
    /** null: the caller or target is not in that version. */
    before: EdgeState | null;
    after: EdgeState | null;
}
export interface AccessDiff {
    version: 1;
    opens: number;
    closes: number;
    changes: number;
    edges: AccessChange[];
}
export declare function diffSides(base: Side, head: Side): AccessDiff;
/** "opens frontend → payments:8080 (POST /refund) via AuthorizationPolicy payments/refund (file:line)". */
export declare function changeText(c: AccessChange): string;
export declare function formatDiffText(d: AccessDiff): string;
/** For a pull request comment or a GitHub step summary. */
export declare function formatDiffMarkdown(d: AccessDiff): string;
export declare function formatDiffJson(d: AccessDiff): string;
export {};
