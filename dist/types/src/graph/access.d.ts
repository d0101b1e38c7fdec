import { type AccessRequest, type DecidedBy, type Peer } from '../authz/access.js';
import type { DataplaneAssumption, DataplaneMode } from '../model/dataplane.js';
import type { AuthorizationPolicy, Service } from '../model/kinds.js';
import { type Model } from '../mesh/model.js';
import type { Workload } from '../model/workloads.js';
/**
 * Who may call whom: every caller (each workload of the input, and `external`) against every
 * target (each Service port, and each Knative Service no Service object selects), decided by
 * `checkAccess` — the evaluator of `meshlint check-access`, never a copy of it.
 *
 * Evaluating every pair is out of reach on a large mesh (10^4 callers × 10^4 targets), and not
 * needed: the evaluator reads of a caller only its identity, namespace, data plane and whether it
 * is an ingress gateway (and, for a sidecar's DestinationRule lookup, its namespace and labels).
 * So callers are grouped into classes on exactly those, and for each target only the classes the
 * target's policies can tell apart are evaluated one by one: those a principal or namespace
 * written in a policy rule matches, those whose namespace holds a DestinationRule for the
 * target's host, gateways, and the target's own and the root namespace. Every other caller of
 * the same data plane gets the same answer, so one of them is asked and the answer stands for
 * all (the `others` of a target). test/graph.test.ts checks every pair against checkAccess.
 */
export type EdgeDecision = 'allow' | 'allow-some' | 'deny' | 'not-enforced';
/** An L7 condition under which a request is allowed (`allow`) or refused (`deny`). */
export interface Condition {
    effect: 'allow' | 'deny';
    /** namespace/name of the AuthorizationPolicy. */
    policy: string;
    rule: number;
    /** Where the policy is (relative to the working directory). */
    file: string;
    line: number;
    methods?: string[];
    paths?: string[];
    hosts?: string[];
    ports?: string[];
    notMethods?: string[];
    notPaths?: string[];
    notHosts?: string[];
    notPorts?: string[];
}
/** What the mesh decides for one caller (class) and one target. */
export interface Verdict {
    decision: EdgeDecision;
    conditions: Condition[];
    enforcement: string[];
    decidedBy?: DecidedBy;
    reason: string;
    /** The data planes the decision takes without the input showing them (caller and target). */
    assumptions: DataplaneAssumption[];
    /** Equal keys: equal decisions (what collapsing compares). */
    key: string;
}
export interface Caller {
    /** `external`, or NAMESPACE/KIND/NAME as check-access takes it. */
    id: string;
    workload?: Workload;
    namespace?: string;
    identity?: string;
    mode?: DataplaneMode;
    gateway: boolean;
    classIndex: number;
}
export interface Target {
    /** NAMESPACE/service/NAME, or NAMESPACE/ksvc/NAME for a Knative Service no Service selects. */
    id: string;
    namespace: string;
    name: string;
    service?: Service;
    workload?: Workload;
    /** The Service port; for a Knative workload target the port traffic enters at (8012). */
    port: number;
    /** undefined: checkAccess picks the port (Knative workload targets). */
    requestPort?: number;
    backends: readonly Workload[];
}
export interface TargetResult {
    target: Target;
    /** Callers evaluated one by one, by caller index. */
    explicit: Map<number, Verdict>;
    /** The answer for every other caller of that data plane, and how many callers that is. */
    others: Map<DataplaneMode, {
        verdict: Verdict;
        count: number;
    }>;
    /** Assumptions of the target side alone (for `others` edges). */
    targetAssumptions: DataplaneAssumption[];
}
export interface AccessMatrix {
    callers: Caller[];
    targets: TargetResult[];
}
export interface MatrixOptions {
    /** Evaluate every caller one by one (small inputs, tests). */
    expand?: boolean;
    /** Only these callers matter: evaluate them one by one and no others. */
    callers?: (c: Caller) => boolean;
    /** Only these targets. */
    targets?: (t: Target) => boolean;
    /** These callers are evaluated one by one too (and the others as usual). */
    explicit?: (c: Caller) => boolean;
}
/** NAMESPACE/KIND/NAME, as check-access takes a workload (`ksvc` for a Knative Service). */
export declare function workloadId(w: Workload): string;
export declare function callersOf(model: Model): Caller[];
export declare function targetsOf(model: Model): Target[];
export declare function peerOf(c: Caller): Peer;
export declare function requestOf(c: Caller, t: Target, extra?: Partial<AccessRequest>): AccessRequest;
/**
 * The verdict of checkAccess for one caller and target: its decision, and whether L7 conditions
 * split it (an ALLOW rule that needs a method or path, a DENY rule on some paths). The split is
 * found by asking checkAccess again with a request made from the rule's operation.
 */
export declare function verdictOf(model: Model, c: Caller, t: Target, policyByName: Map<string, AuthorizationPolicy>, cwd: string): Verdict;
/** Paths relative to the working directory, `/`-separated: the same output on every machine. */
export declare function relativePath(cwd: string, file: string): string;
/** Decide every caller against every target, evaluating one caller per class that the target can tell apart. */
export declare function accessMatrix(model: Model, cwd: string, opts?: MatrixOptions): AccessMatrix;
/** The verdict of the matrix for one caller and target (its own, or that of the others of its data plane). */
export declare function lookup(r: TargetResult, callerIndex: number, c: Caller): Verdict | undefined;
