import type { DecidedBy } from '../authz/access.js';
import type { DataplaneAssumption, DataplaneMode } from '../model/dataplane.js';
import type { Model } from '../mesh/model.js';
import { type AccessMatrix, type Condition, type EdgeDecision } from './access.js';
export type GroupBy = 'workload' | 'namespace' | 'identity';
export interface GraphNode {
    id: string;
    kind: 'workload' | 'service' | 'external' | 'others' | 'namespace' | 'identity';
    label: string;
    namespace?: string;
    name?: string;
    /** Workload: its data plane; a group: the data planes of its members. */
    dataPlane?: DataplaneMode | DataplaneMode[];
    identity?: string;
    knative?: boolean;
    ports?: number[];
    /** The data plane this node's pods are assumed to have (README, "When the input does not say"). */
    assumption?: DataplaneAssumption;
    /** A group: the workloads in it. */
    members?: string[];
}
export interface GraphEdge {
    /** A node id; `*` is every caller that has no edge of its own to this target and port. */
    from: string;
    to: string;
    port: number;
    decision: EdgeDecision;
    conditions?: Condition[];
    enforcement: string[];
    decidedBy?: DecidedBy;
    reason: string;
    assumptions: DataplaneAssumption[];
    /** On `*` edges: the data planes of the callers it stands for. */
    fromDataPlanes?: DataplaneMode[];
    /** How many workloads the edge stands for (on `*` and group edges). */
    callerCount?: number;
    /** Group edges: the workloads of the group it stands for. */
    callers?: string[];
}
export interface AccessGraph {
    version: 1;
    groupBy: GroupBy;
    /** Callers whose edge decides as `*` does are folded into `*` (false with --expand). */
    collapsed: boolean;
    nodes: GraphNode[];
    edges: GraphEdge[];
    /** Every data plane assumed anywhere in the graph, once per namespace. */
    assumptions: DataplaneAssumption[];
}
export interface GraphOptions {
    groupBy?: GroupBy;
    /** Evaluate and list every caller on edges of its own: no `*` edges (small inputs). */
    expand?: boolean;
    namespaces?: string[];
    from?: string[];
    to?: string[];
}
/** A selector for --from/--to: a node id (globs allowed), a namespace, a name, or `external`. */
export declare function selector(patterns: string[] | undefined): ((x: {
    id: string;
    namespace?: string;
    name?: string;
}) => boolean) | undefined;
/** The access graph of a model: nodes, edges, decisions (the `--format json` contract). */
export declare function buildGraph(model: Model, cwd: string, opts?: GraphOptions): AccessGraph;
export declare function graphOf(model: Model, matrix: AccessMatrix, opts?: GraphOptions): AccessGraph;
export declare const DECISION_WORDS: Record<EdgeDecision, string>;
/** `POST /refund`, `GET,HEAD /api/v1/*`, `not /internal/*`: what a condition admits or refuses. */
export declare function conditionText(c: Condition): string;
export declare function edgeConditions(e: GraphEdge): string;
export declare function formatJson(g: AccessGraph): string;
declare const COLORS: Record<EdgeDecision, string>;
/** Mermaid flowchart: pastes into a GitHub comment. */
export declare function formatMermaid(g: AccessGraph): string;
/** Graphviz DOT. */
export declare function formatDot(g: AccessGraph): string;
export { COLORS as DECISION_COLORS };
