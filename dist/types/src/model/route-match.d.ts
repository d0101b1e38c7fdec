/**
 * The route rules of a VirtualService (`http`, `tcp`, `tls`) with their matches, and whether one
 * match takes every request another would: a later match is then never used, since a proxy uses
 * the first route that matches. Semantics from istio pilot/pkg/networking/core/route/route.go
 * (TranslateRouteMatch, sourceMatchHTTP, BuildHTTPRoutesForVirtualService) and
 * pilot/pkg/networking/core/tls.go (matchTCP, matchTLS, the TCP catch-all). `covers` answers
 * true only when it can prove it; anything it does not model (a regex, an unknown field) is
 * "not proven".
 */
import type { Path } from '../types.js';
import { type Labels } from './resource.js';
export type RouteKind = 'http' | 'tcp' | 'tls';
/** An Istio StringMatch; `present` is `{}` or `regex: "*"`, which istiod turns into a presence test. */
export type StringMatch = {
    kind: 'exact' | 'prefix' | 'regex';
    value: string;
} | {
    kind: 'present';
};
/** Which proxies a match applies on (gateways, sourceLabels, sourceNamespace) and on which port. */
interface SourceMatch {
    gateways: readonly string[];
    sourceLabels: Labels;
    sourceNamespace: string | undefined;
    port: number | undefined;
}
export interface RouteMatch extends SourceMatch {
    path: Path;
    /** False when the match holds a field or value this module does not model. */
    modelled: boolean;
    uri?: StringMatch;
    ignoreUriCase: boolean;
    /** method, scheme, authority and `headers`, keyed as Envoy matches them (`:method`…). */
    headers: ReadonlyMap<string, StringMatch>;
    withoutHeaders: ReadonlyMap<string, StringMatch>;
    queryParams: ReadonlyMap<string, StringMatch>;
    destinationSubnets: readonly string[];
    sniHosts: readonly string[];
}
export interface RouteRule {
    kind: RouteKind;
    index: number;
    name: string | undefined;
    path: Path;
    /** Empty: the rule has no match and takes every request that reaches it. */
    matches: readonly RouteMatch[];
    /** An http rule that hands its requests to a delegate VirtualService, which may not take them all. */
    delegates: boolean;
}
/** The route rules of a VirtualService spec, in order. */
export declare function routeRulesOf(spec: unknown): RouteRule[];
/**
 * Whether a request `b` matches always matches `a` first. `a` undefined is a rule without match.
 * A tcp match without destinationSubnets ends the filter chains of its port (tls.go); a tls match
 * wins only over one with the same SNI hosts and subnets, which istiod skips (matchHasBeenHandled):
 * chains are otherwise chosen by the most specific SNI, not by order.
 */
export declare function covers(kind: RouteKind, a: RouteMatch | undefined, b: RouteMatch | undefined, vsGateways: readonly string[]): boolean;
export {};
