import type { Path } from '../types.js';
import type { SchemaProblem } from './schema-problem.js';
/** A resource's spec, after the CRD checks passed (so the fields have their schema types). */
export type Spec = Record<string, unknown>;
export type Add = (path: Path, message: string, opts?: {
    part?: 'key' | 'value';
    warning?: boolean;
}) => void;
/** An `Add` that pushes onto `out`; a problem is at the value unless said otherwise. */
export declare function collector(out: SchemaProblem[]): Add;
export declare function arr(v: unknown): unknown[];
export declare function strs(v: unknown): string[];
export declare function asSpec(v: unknown): Spec | undefined;
/** A string field as istiod reads it (jsonpb): absent and "" are both unset. */
export declare function str(v: unknown): string;
/** A number field as istiod reads it: absent is 0. */
export declare function num(v: unknown): number;
/** Whether a field is set as istiod sees it: an empty list or string is unset, an empty message is set. */
export declare function isSet(v: unknown): boolean;
/** The entries of a map field (headers, labels). */
export declare function entries(v: unknown): Array<[string, unknown]>;
/** labels.IsDNS1123Label. */
export declare function isDns1123Label(v: string): boolean;
/** agent.ValidateFQDN: a DNS name without wildcards. */
export declare function fqdnProblem(domain: string): string | undefined;
/** agent.ValidateWildcardDomain: a DNS name, whose first label may be `*` or start with `*`. */
export declare function wildcardDomainProblem(domain: string): string | undefined;
/** An IPv4 or IPv6 address as Go's netip.ParseAddr reads it (no leading zeros in IPv4, no zone). */
export declare function isIp(v: string): boolean;
/** An IP address, or a CIDR range with its prefix length (netip.ParsePrefix). */
export declare function isIpOrCidr(v: string): boolean;
/** agent.ValidatePort, for a port that is set (non-zero). */
export declare function portProblem(port: number): string | undefined;
/** host.Name.Matches: whether two hosts have a name in common. */
export declare function hostsOverlap(a: string, b: string): boolean;
/** host.Name.SubsetOf: whether every name `a` matches is matched by `b`. */
export declare function hostSubsetOf(a: string, b: string): boolean;
/**
 * The protocol a port name means to istiod (protocol.Parse), or undefined for one it does not
 * know (which istiod treats as "sniff" where it allows it, and rejects where a protocol is required).
 */
export declare function parseProtocol(p: string): string | undefined;
export declare const isHttpProtocol: (p: string | undefined) => boolean;
export declare const isTlsProtocol: (p: string | undefined) => p is "HTTPS" | "TLS";
export declare const isTcpProtocol: (p: string | undefined) => boolean;
/** The protocols a port may name, for messages. */
export declare const PROTOCOLS = "HTTP, HTTPS, HTTP2, GRPC, GRPC-WEB, HTTP_PROXY, TLS, TCP, UDP, MONGO, REDIS or MYSQL";
/** labels.Instance.Validate: each key a Kubernetes label name, each value a label value. */
export declare function labelProblems(labels: unknown, path: Path, add: Add): void;
/**
 * validateStringRegexp: Envoy's RE2 takes at most 1024 characters, and no lookaround or
 * backreference. Beyond those, a pattern JavaScript cannot compile either (unbalanced
 * parentheses, nothing to repeat) is one RE2 rejects too; RE2's own syntax (flags groups, `(?P<`)
 * is translated first, so a valid RE2 pattern is never rejected for being invalid in JavaScript.
 */
export declare function regexProblem(re: string): string | undefined;
