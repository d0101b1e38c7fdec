import { describe, expect, it } from 'vitest';
import { loadInput } from '../src/engine/lint.js';

/**
 * istiod's validating webhook for the networking kinds, as the `schema` diagnostic says it: cases
 * translated from istio pkg/config/validation/validation_test.go and virtualservice_test.go
 * (TestValidateVirtualService, TestValidateHTTPRoute, TestValidateGateway, TestValidateServer,
 * TestValidateTlsOptions, TestValidateSidecar, TestValidateServiceEntries,
 * TestValidateDestinationRule, TestValidateConnectionPool, TestValidateLoadBalancer, …), written
 * as the YAML a user applies. Each check has a case it rejects (or warns of) and one it accepts.
 */

interface Found {
  text: string;
  message: string;
  warning: boolean;
}

async function lint(yaml: string): Promise<Found[]> {
  const input = await loadInput({ cwd: '/', patterns: ['-'], stdin: { text: yaml, filename: 'x.yaml' } });
  const lines = yaml.split('\n');
  const offset = (p: { line: number; column: number }) => lines.slice(0, p.line - 1).reduce((n, l) => n + l.length + 1, 0) + p.column - 1;
  return input.pending
    .filter((m) => m.ruleId === 'schema')
    .map((m) => ({ text: yaml.slice(offset(m.place.start), offset(m.place.end)), message: m.reason, warning: m.downgrade === true }));
}

const doc = (apiVersion: string, kind: string, spec: string, name = 'x') => `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: ${name}, namespace: ns}\nspec:\n${spec}`;
const vs = (spec: string) => doc('networking.istio.io/v1', 'VirtualService', spec);
const gw = (spec: string, name = 'gw') => doc('networking.istio.io/v1', 'Gateway', spec, name);
const sc = (spec: string) => doc('networking.istio.io/v1', 'Sidecar', spec);
const se = (spec: string, meta = '') => doc('networking.istio.io/v1', 'ServiceEntry', spec).replace('namespace: ns}', `namespace: ns${meta}}`);
const dr = (spec: string) => doc('networking.istio.io/v1', 'DestinationRule', spec);
const we = (spec: string) => doc('networking.istio.io/v1', 'WorkloadEntry', spec);
const wg = (spec: string) => doc('networking.istio.io/v1', 'WorkloadGroup', spec);

/** A VirtualService for foo.bar with one HTTP route; `route` is the YAML of the route's other fields. */
const http = (route: string, head = '  hosts: [foo.bar]\n') => vs(`${head}  http:\n  - ${route.replace(/\n(?=.)/g, '\n    ')}\n`);
const to = 'route: [{destination: {host: foo.baz}}]';

/** [case, document, the text the finding covers, a part of its message, a warning?] */
type Bad = [string, string, string, string, boolean?];

function rejects(cases: Bad[]): void {
  for (const [name, yaml, text, message, warning = false] of cases) {
    it(`${warning ? 'warns of' : 'rejects'} ${name}`, async () => {
      const found = await lint(yaml);
      expect(found.map((f) => ({ text: f.text, warning: f.warning }))).toEqual([{ text, warning }]);
      expect(found[0]!.message).toContain(message);
    });
  }
}

function accepts(cases: Array<[string, string]>): void {
  for (const [name, yaml] of cases) {
    it(`accepts ${name}`, async () => {
      expect(await lint(yaml)).toEqual([]);
    });
  }
}

describe("istiod's webhook: VirtualService", () => {
  rejects([
    ['duplicate hosts (a wildcard covers the other)', vs(`  hosts: ["*.foo.bar", "a.foo.bar"]\n  http: [{${to}}]\n`), '"a.foo.bar"', 'hosts "*.foo.bar" and "a.foo.bar" overlap'],
    ['a bad host', vs(`  hosts: ["foo.*.bar"]\n  http: [{${to}}]\n`), '"foo.*.bar"', 'is not a valid host name (label "*")'],
    ['no routes at all', vs('  hosts: [foo.bar]\n'), 'spec', 'a VirtualService needs http, tcp or tls routes'],
    ['a delegate with gateways', vs(`  gateways: [ns/gw]\n  http: [{${to}}]\n`), 'gateways', 'a delegate VirtualService (one without hosts) cannot have gateways'],
    ['a bad gateway name', vs(`  hosts: [foo.bar]\n  gateways: ["b@dgateway"]\n  http: [{${to}}]\n`), '"b@dgateway"', 'is not a valid host name'],
    ['a gateway namespace "*"', vs(`  hosts: [foo.bar]\n  gateways: ["*/gw"]\n  http: [{${to}}]\n`), '"*/gw"', '"*" is not a namespace name'],
    ['a gateway name "*"', vs(`  hosts: [foo.bar]\n  gateways: ["ns/*"]\n  http: [{${to}}]\n`), '"ns/*"', '"*" is not a gateway name'],
    ['a legacy gateway name (a warning)', vs(`  hosts: [foo.bar]\n  gateways: [gw.ns]\n  http: [{${to}}]\n`), 'gw.ns', 'write "ns/gw"', true],
    ['host "*" bound to the mesh', vs(`  hosts: ["*"]\n  http: [{${to}}]\n`), '"*"', 'host "*" is not allowed for a VirtualService of the mesh'],
    ['a JWT claim route without gateways', http(`match: [{headers: {"@request.auth.claims.foo": {exact: bar}}}]\n${to}`), '"@request.auth.claims.foo"', 'works only on gateways'],
    ['an invalid wildcard SNI host', vs('  hosts: [foo.bar]\n  tls:\n  - match: [{port: 999, sniHosts: ["foo.*.com"]}]\n    route: [{destination: {host: foo.baz}}]\n'), '"foo.*.com"', 'is not a valid host name'],
    ['an IP as an SNI host (a warning)', vs('  hosts: [foo.bar]\n  tls:\n  - match: [{port: 999, sniHosts: ["1.1.1.1"]}]\n    route: [{destination: {host: foo.baz}}]\n'), '"1.1.1.1"', 'is an IP address', true],
    ['an SNI host outside the hosts', vs('  hosts: [foo.bar]\n  tls:\n  - match: [{sniHosts: [other.com]}]\n    route: [{destination: {host: foo.baz}}]\n'), 'other.com', 'is not among the VirtualService\'s hosts'],
    ['a TLS route without a match', vs('  hosts: [foo.bar]\n  tls:\n  - route: [{destination: {host: foo.baz}}]\n'), 'route: [{destination: {host: foo.baz}}]', 'spec.tls[0] needs "match"'],
    ['a TLS route with an empty match list', vs('  hosts: [foo.bar]\n  tls:\n  - match: []\n    route: [{destination: {host: foo.baz}}]\n'), 'match: []\n    route: [{destination: {host: foo.baz}}]', 'needs at least one match (sniHosts)'],
    ['a TCP route without a route', vs('  hosts: [foo.bar]\n  tcp:\n  - match: [{port: 80}]\n'), 'match: [{port: 80}]', 'spec.tcp[0] needs a route'],
    ['a bad destination subnet', vs('  hosts: [foo.bar]\n  tcp:\n  - match: [{destinationSubnets: ["10.0.0.1/33"]}]\n    route: [{destination: {host: foo.baz}}]\n'), '"10.0.0.1/33"', 'is not an IP address or a CIDR range'],
    ['set authority in rewrite and header', http(`headers: {request: {set: {":authority": foo}}}\nrewrite: {authority: bar}\n${to}`), '":authority"', 'the authority is already rewritten'],
    ['the deprecated mirrorPercent (a warning)', http(`mirrorPercent: 5\n${to}`), 'mirrorPercent', 'mirrorPercent is deprecated', true],
  ]);
  accepts([
    ['a simple one', vs(`  hosts: [foo.bar]\n  http: [{${to}}]\n`)],
    ['SNI-based auto-passthrough domains', vs('  hosts: ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"]\n  gateways: [ns/gw]\n  tls:\n  - match: [{port: 15010, sniHosts: ["outbound_.15010_._.istiod.istio-system.svc.cluster.local"]}]\n    route: [{destination: {host: istiod.istio-system.svc.cluster.local}}]\n')],
    ['a delegate (no hosts)', vs(`  http: [{${to}}]\n`)],
    ['"namespace/name" gateways', vs(`  hosts: [foo.bar]\n  gateways: [ns/gw, mesh]\n  http: [{${to}}]\n`)],
    ['host "*" on a gateway', vs(`  hosts: ["*"]\n  gateways: [ns/gw]\n  http: [{${to}}]\n`)],
    ['an IP host', vs(`  hosts: ["10.0.0.1"]\n  http: [{${to}}]\n`)],
    ['set authority in a header, or in a destination', http(`headers: {request: {set: {":authority": foo}}}\nroute: [{destination: {host: foo.baz}, headers: {request: {set: {host: bar}}}}]`)],
    ['a JWT claim route on a gateway', http(`match: [{headers: {"@request.auth.claims[foo]": {exact: bar}}}]\n${to}`, '  hosts: [foo.bar]\n  gateways: [ns/gw]\n')],
    ['SNI hosts covered by a wildcard host', vs('  hosts: ["*.bar"]\n  tls:\n  - match: [{sniHosts: [foo.bar, "*.foo.bar"]}]\n    route: [{destination: {host: foo.baz}}]\n')],
  ]);
});

describe("istiod's webhook: VirtualService HTTP routes", () => {
  rejects([
    ['a route and a redirect', http(`redirect: {uri: /a}\n${to}`), 'route', 'has redirect, so it cannot also have route'],
    ['a redirect and a direct response', http('redirect: {uri: /a}\ndirectResponse: {status: 200}'), 'directResponse', 'has redirect, so it cannot also have directResponse'],
    ['a direct response and a fault', http('directResponse: {status: 200}\nfault: {abort: {httpStatus: 500}}'), 'fault', 'has directResponse, so it cannot also have fault'],
    ['nothing to do', http('match: [{uri: {prefix: /a}}]'), 'match: [{uri: {prefix: /a}}]', 'needs a route, a redirect, a directResponse or a delegate'],
    ['a root route with a route besides delegate', http(`delegate: {name: d, namespace: ns}\n${to}`), 'route', 'delegates, so it cannot also have route'],
    ['a delegate VirtualService that delegates', vs('  http:\n  - delegate: {name: d}\n'), 'delegate', 'a delegate VirtualService cannot delegate further'],
    ['mirror and mirrors', http(`mirror: {host: m}\nmirrors: [{destination: {host: m2}}]\n${to}`), 'mirrors', 'has both mirror and mirrors'],
    ['a bad header name in a match', http(`match: [{headers: {"a b": {exact: c}}}]\n${to}`), '"a b"', 'is not a valid HTTP header name'],
    ['an empty prefix for a header', http(`match: [{headers: {x: {prefix: ""}}}]\n${to}`), '""', 'an empty prefix matches everything'],
    ['a regex RE2 rejects (lookahead)', http(`match: [{uri: {regex: "/a(?=b)"}}]\n${to}`), '"/a(?=b)"', 'uses a lookaround'],
    ['a backreference', http(`match: [{uri: {regex: "(a)\\\\1"}}]\n${to}`), '"(a)\\\\1"', 'uses a backreference'],
    ['a withoutHeaders regex "?"', http('match: [{withoutHeaders: {header: {regex: "?"}}}]\nredirect: {uri: /, authority: foo.biz}'), '"?"', 'is not a valid regular expression'],
    ['an empty method prefix', http(`match: [{method: {prefix: ""}}]\n${to}`), '""', 'an empty prefix matches everything'],
    ['an empty scheme regex', http(`match: [{scheme: {regex: ""}}]\n${to}`), '""', 'regex "" is empty'],
    ['an unbalanced regex', http(`match: [{queryParams: {q: {regex: "(a"}}}]\n${to}`), '"(a"', 'is not a valid regular expression'],
    ['a match port out of range', http(`match: [{port: 70000}]\n${to}`), '70000', 'port 70000 is not in the range 1 to 65535'],
    ['a bad sourceNamespace', http(`match: [{sourceNamespace: "Not_A_Namespace"}]\n${to}`), '"Not_A_Namespace"', 'is not a namespace name'],
    ['a bad sourceLabels key', http(`match: [{sourceLabels: {"-bad": v}}]\n${to}`), '"-bad"', 'is not a valid label name'],
    ['setting the Host header on a response', http(`headers: {response: {set: {host: x}}}\n${to}`), 'host', 'the Host header cannot be changed here'],
    ['setting a pseudo-header', http(`headers: {request: {add: {":path": /x}}}\n${to}`), '":path"', 'is a pseudo-header Envoy manages'],
    ['an unterminated header variable', http(`headers: {request: {set: {x-a: "%START_TIME"}}}\n${to}`), '"%START_TIME"', 'has an unterminated %VARIABLE%'],
    ['a CORS method in lower case', http(`corsPolicy: {allowMethods: [get]}\n${to}`), 'get', '"get" is not an HTTP method (did you mean "GET"?)'],
    ['a CORS origin with an empty match', http(`corsPolicy: {allowOrigins: [{exact: ""}]}\n${to}`), '{exact: ""}', 'needs a non-empty exact, prefix or regex'],
    ['an HTTP/2 error abort', http(`fault: {abort: {http2Error: x}}\n${to}`), 'http2Error', 'does not support HTTP/2 error aborts yet'],
    ['an exponential delay', http(`fault: {delay: {exponentialDelay: 1s}}\n${to}`), 'exponentialDelay', 'does not support exponentialDelay yet'],
    // istioctl's IST0002 (analyzers/deprecation, testdata/deprecation.yaml): still honoured, deprecated.
    ['the deprecated delay percent (a warning)', http(`fault: {delay: {percent: 50, fixedDelay: 1s}}\n${to}`), 'percent', 'percent is deprecated; use percentage', true],
    ['a negative weight', http('route: [{destination: {host: a}, weight: -1}, {destination: {host: b}, weight: 101}]'), '-1', 'weight cannot be negative'],
    ['negative attempts', http(`retries: {attempts: -1}\n${to}`), '-1', 'attempts cannot be negative'],
    ['a fault with neither abort nor delay', http(`fault: {}\n${to}`), '{}', 'needs an abort, a delay or both'],
    ['an abort status out of range', http(`fault: {abort: {httpStatus: 700}}\n${to}`), '700', 'HTTP status 700 is not in the range 200 to 599'],
    ['an unknown gRPC status', http(`fault: {abort: {grpcStatus: NOTFOUND}}\n${to}`), 'NOTFOUND', 'is not a gRPC status name (did you mean "NOT_FOUND"?)'],
    ['an abort without a status (a warning)', http(`fault: {abort: {percentage: {value: 10}}}\n${to}`), 'abort', 'sets no httpStatus or grpcStatus', true],
    ['a fault percentage above 100', http(`fault: {delay: {fixedDelay: 1s, percentage: {value: 101}}}\n${to}`), '101', 'percentage 101 is not 0 or between 0.0001 and 100'],
    ['a mirror percentage above 100', http(`mirrors: [{destination: {host: m}, percentage: {value: 101}}]\n${to}`), '101', 'mirror percentage 101 is not between 0 and 100'],
    ['a redirect with uri and prefixRewrite', http('redirect: {uri: /a, prefixRewrite: /b}'), 'prefixRewrite', 'uri or prefixRewrite, not both'],
    ['a prefixRewrite redirect on an exact match', http('match: [{uri: {exact: /a}}]\nredirect: {prefixRewrite: /b}'), 'uri', 'needs every URI match of the route to be a prefix match'],
    ['a redirect that changes nothing', http('redirect: {redirectCode: 301}'), 'redirect', 'changes nothing'],
    ['a redirect code that is not 3xx', http('redirect: {uri: /a, redirectCode: 200}'), '200', 'redirect code 200 is not a redirect'],
    ['a redirect scheme other than http(s)', http('redirect: {scheme: ftp}'), 'ftp', 'must be "http" or "https"'],
    ['a direct response status out of range', http('directResponse: {status: 100}'), '100', 'HTTP status 100 is not in the range 200 to 599'],
    ['retries with a policy but no attempts', http(`retries: {retryOn: 5xx}\n${to}`), 'retryOn', 'sets retryOn but no attempts'],
    ['an unknown retryOn policy', http(`retries: {attempts: 3, retryOn: "5xx,invalid policy"}\n${to}`), '"5xx,invalid policy"', '"invalid policy"'],
    ['a retryOn status Go does not know', http(`retries: {attempts: 3, retryOn: "600,connect-failure"}\n${to}`), '"600,connect-failure"', '"600"'],
    ['retryOn with spaces', http(`retries: {attempts: 3, retryOn: "5xx, reset"}\n${to}`), '"5xx, reset"', 'write the list without spaces'],
    ['a rewrite with uri and uriRegexRewrite', http(`rewrite: {uri: /a, uriRegexRewrite: {match: a, rewrite: b}}\n${to}`), 'uriRegexRewrite', 'uri or uriRegexRewrite, not both'],
    ['a rewrite that changes nothing', http(`rewrite: {}\n${to}`), 'rewrite', 'changes nothing'],
    ['a uriRegexRewrite without rewrite', http(`rewrite: {uriRegexRewrite: {match: a}}\n${to}`), 'uriRegexRewrite', 'needs both match and rewrite'],
    ['destinations without weights', http('route: [{destination: {host: a}}, {destination: {host: b}}]'), 'route', 'has 2 destinations and no weights'],
    ['destination host "*"', http('route: [{destination: {host: "*"}}]'), '"*"', 'is not a destination'],
    ['a bad subset name', http('route: [{destination: {host: a, subset: "V_1"}}]'), '"V_1"', 'is not a valid subset name'],
    ['a destination port 0', http('route: [{destination: {host: a, port: {number: 0}}}]'), '0', 'port 0 is not in the range 1 to 65535'],
  ]);
  accepts([
    ['a redirect with a derived port', http('redirect: {derivePort: FROM_REQUEST_PORT}')],
    ['a prefixRewrite redirect on prefix matches', http('match: [{uri: {prefix: /a}}, {method: {exact: GET}}]\nredirect: {prefixRewrite: /b}')],
    ['a direct response with a base64 body', http('directResponse: {status: 200, body: {bytes: "aGVsbG8="}}')],
    ['a direct response', http('directResponse: {status: 503, body: {string: unavailable}}')],
    ['an empty URI prefix', http(`match: [{uri: {prefix: ""}}]\n${to}`)],
    ['an octal escape (not a backreference)', http(`match: [{uri: {regex: "/a\\\\101"}}]\n${to}`)],
    ['RE2 syntax JavaScript lacks', http(`match: [{uri: {regex: "(?i)/a/(?P<id>[0-9]+)"}}, {authority: {regex: "\\\\Q(\\\\E.*"}}]\n${to}`)],
    ['withoutHeaders regex "*" (presence)', http(`match: [{withoutHeaders: {x-a: {regex: "*"}}}]\n${to}`)],
    ['pseudo-headers and claims in a match', http(`match: [{headers: {":authority": {exact: a}}}]\n${to}`)],
    ['header values with variables', http(`headers: {request: {set: {x-a: "%DOWNSTREAM_REMOTE_ADDRESS%", x-b: "100%%", x-c: '%REQ(x-y)%'}}, response: {remove: [x-z]}}\n${to}`)],
    ['a CORS policy', http(`corsPolicy: {allowOrigins: [{exact: "https://a.com"}, {regex: ".*\\\\.b\\\\.com"}], allowMethods: [GET, "*"], allowHeaders: ["*", x-a]}\n${to}`)],
    ['faults', http(`fault: {abort: {grpcStatus: UNAVAILABLE, percentage: {value: 0.5}}, delay: {fixedDelay: 1s, percentage: {value: 0}}}\n${to}`)],
    ['retries turned off, and retries with status codes', http(`retries: {attempts: 0}\n${to}`)],
    ['retries with status codes', http(`retries: {attempts: 3, retryOn: "503,connect-failure,retriable-status-codes"}\n${to}`)],
    ['a regex rewrite', http(`rewrite: {uriRegexRewrite: {match: "^/a/(.*)", rewrite: "/\\\\1"}}\n${to}`)],
    ['weighted destinations', http('route: [{destination: {host: a}, weight: 90}, {destination: {host: b, subset: v2, port: {number: 80}}, weight: 10}]')],
  ]);
});

describe("istiod's webhook: Gateway", () => {
  const server = (s: string) => gw(`  servers:\n  - ${s}\n`);
  rejects([
    ['a name with a dot', gw('  servers: [{port: {number: 80, name: http, protocol: HTTP}, hosts: ["*"]}]\n', 'my.gw'), 'my.gw', 'must be a DNS label'],
    ['no servers', gw('  selector: {istio: ingressgateway}\n'), 'spec', 'a Gateway needs at least one server'],
    ['a "~" namespace in a host', server('{port: {number: 7, name: name1, protocol: http}, hosts: ["~/foo.bar.com"]}'), '"~/foo.bar.com"', 'is not "*", "." or a namespace name'],
    ['a port out of range', server('{port: {number: 66000, name: name1, protocol: http}, hosts: [foo.bar.com]}'), '66000', 'port 66000 is not in the range 1 to 65535'],
    ['an unknown protocol', server('{port: {number: 80, name: p, protocol: HBONE}, hosts: [foo.bar.com]}'), 'HBONE', 'is not one a Gateway serves'],
    ['a port without a name', server('{port: {number: 80, protocol: HTTP}, hosts: [foo.bar.com]}'), 'port', 'spec.servers[0].port needs "name"'],
    ['a port with an empty name', server('{port: {number: 80, protocol: HTTP, name: ""}, hosts: [foo.bar.com]}'), '""', 'spec.servers[0].port needs a name'],
    ['a targetPort', server('{port: {number: 80, name: p, protocol: HTTP, targetPort: 8080}, hosts: [foo.bar.com]}'), 'targetPort', 'targetPort has no effect on a Gateway'],
    ['an invalid domain', server('{port: {number: 7, name: p, protocol: http}, hosts: ["foo.*.bar.com"]}'), '"foo.*.bar.com"', 'is not a valid host name'],
    ['a partial wildcard', server('{port: {number: 443, name: tls, protocol: TLS}, hosts: ["*bar.com"], tls: {mode: PASSTHROUGH}}'), '"*bar.com"', 'partial wildcard'],
    ['a short name', server('{port: {number: 80, name: p, protocol: HTTP}, hosts: [reviews]}'), 'reviews', 'is a short name'],
    ['duplicate port names', gw('  servers:\n  - {port: {number: 80, name: foo, protocol: http}, hosts: [foo.bar.com]}\n  - {port: {number: 8080, name: foo, protocol: http}, hosts: [scooby.doo.com]}\n'), 'foo', 'port name "foo" is used by an earlier server'],
    ['an HTTPS server without tls', server('{port: {number: 443, name: https, protocol: HTTPS}, hosts: [foo.bar.com]}'), 'HTTPS', 'a server with protocol HTTPS needs tls settings'],
    ['certificates on a plain HTTP server', server('{port: {number: 80, name: http, protocol: HTTP}, hosts: [foo.bar.com], tls: {mode: SIMPLE, credentialName: c}}'), 'tls', 'a plain-text HTTP server cannot have TLS settings'],
    ['tls on a TCP server', server('{port: {number: 9000, name: tcp, protocol: TCP}, hosts: [foo.bar.com], tls: {mode: PASSTHROUGH}}'), 'tls', 'a server with protocol TCP cannot have tls settings'],
    ['httpsRedirect on an HTTPS server (a warning)', server('{port: {number: 443, name: https, protocol: HTTPS}, hosts: [bar.com], tls: {httpsRedirect: true}}'), 'httpsRedirect', 'httpsRedirect is for HTTP servers', true],
    ['a bind that is not an IP', server('{port: {number: 80, name: p, protocol: HTTP}, hosts: [a.com], bind: localhost}'), 'localhost', 'is not an IP address or unix:///path'],
    ['a unix socket with a port number', server('{port: {number: 80, name: p, protocol: HTTP}, hosts: [a.com], bind: "unix:///sock"}'), '"unix:///sock"', 'must have port number 0'],
  ]);
  accepts([
    ['HTTP with an httpsRedirect', server('{port: {number: 80, name: http, protocol: http}, hosts: [bar.com], tls: {httpsRedirect: true}}')],
    ['namespaced, wildcard and IP hosts', server('{port: {number: 80, name: http, protocol: HTTP}, hosts: ["./foo.bar.com", "*/*.example.com", "ns1/*", "10.1.1.1"]}')],
    ['a unix socket with port 0', server('{port: {number: 0, name: p, protocol: HTTP}, hosts: [a.com], bind: "unix:///var/run/gw.sock"}')],
    ['HTTPS with a credential', server('{port: {number: 443, name: https, protocol: HTTPS}, hosts: [a.com], tls: {mode: SIMPLE, credentialName: cert}}')],
  ]);
});

describe("istiod's webhook: server TLS (Gateway and Sidecar ingress)", () => {
  const tls = (t: string) => gw(`  servers:\n  - port: {number: 443, name: https, protocol: HTTPS}\n    hosts: [a.com]\n    tls: ${t}\n`);
  rejects([
    ['ISTIO_MUTUAL with a credentialName', tls('{mode: ISTIO_MUTUAL, credentialName: c}'), 'credentialName', 'mode ISTIO_MUTUAL uses the mesh\'s certificates, so credentialName cannot be set'],
    ['SIMPLE without certificates', tls('{mode: SIMPLE, privateKey: /k.pem}'), 'SIMPLE', 'mode SIMPLE needs serverCertificate'],
    ['MUTUAL without a CA', tls('{mode: MUTUAL, serverCertificate: /c.pem, privateKey: /k.pem}'), 'MUTUAL', 'mode MUTUAL needs caCertificates'],
    ['two certificate sources', tls('{mode: SIMPLE, credentialName: c, serverCertificate: /c.pem, privateKey: /k.pem}'), 'tls', 'gives certificates more than once'],
    ['a CRL with SIMPLE', tls('{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem, caCrl: /crl.pem}'), 'caCrl', 'caCrl is for client certificates'],
    ['a tlsCertificates entry without a key', tls('{mode: SIMPLE, tlsCertificates: [{serverCertificate: /c.pem}]}'), '{serverCertificate: /c.pem}', 'mode SIMPLE needs privateKey'],
    ['certificates with PASSTHROUGH (a warning)', tls('{mode: PASSTHROUGH, credentialName: c}'), 'credentialName', 'mode PASSTHROUGH does not terminate TLS', true],
    ['TLS 1.0 without ciphers (a warning)', tls('{mode: SIMPLE, credentialName: c, minProtocolVersion: TLSV1_0}'), 'TLSV1_0', 'needs cipherSuites', true],
    ['an unknown cipher (a warning)', tls('{mode: SIMPLE, credentialName: c, cipherSuites: [ECDHE-RSA-AES128-GCM-SHA256, NOT-A-CIPHER]}'), 'NOT-A-CIPHER', 'is unknown and ignored', true],
  ]);
  accepts([
    ['SIMPLE with files', tls('{mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}')],
    ['OPTIONAL_MUTUAL with a credential', tls('{mode: OPTIONAL_MUTUAL, credentialName: c}')],
    ['two tlsCertificates', tls('{mode: MUTUAL, caCertificates: /ca.pem, tlsCertificates: [{serverCertificate: /a.pem, privateKey: /a.key}, {serverCertificate: /b.pem, privateKey: /b.key}]}')],
    ['cipher expressions', tls('{mode: SIMPLE, credentialName: c, cipherSuites: ["-AES128-SHA", ALL]}')],
  ]);
});

describe("istiod's webhook: Sidecar", () => {
  rejects([
    ['an empty configuration', sc('  workloadSelector: {labels: {app: a}}\n'), 'spec', 'the Sidecar configures nothing'],
    ['a host without a namespace', sc('  egress: [{hosts: [foo.bar]}]\n'), 'foo.bar', 'must have the form namespace/host'],
    ['a short host name', sc('  egress: [{hosts: [ns/foo]}]\n'), 'ns/foo', 'is a short name'],
    ['an invalid namespace', sc('  egress: [{hosts: ["in_valid/*"]}]\n'), '"in_valid/*"', 'is not "*", "." or a namespace name'],
    ['an excluded namespace that is not a namespace name', sc('  egress: [{hosts: ["*/*", "~Invalid_NS/*"]}]\n'), '"~Invalid_NS/*"', 'has "~Invalid_NS", which is not "*", "." or a namespace name'],
    ['host "/"', sc('  egress: [{hosts: ["/"]}]\n'), '"/"', 'needs both a namespace and a host'],
    ['a defaultEndpoint on another IPv6 host', sc('  ingress: [{port: {number: 90, protocol: HTTP, name: foo}, defaultEndpoint: "[1:1:1:1:1:1:1:1]:90"}]\n'), '"[1:1:1:1:1:1:1:1]:90"', 'must be 127.0.0.1:<port>'],
    ['a partial wildcard host', sc('  egress: [{hosts: ["ns/*foo.com"]}]\n'), '"ns/*foo.com"', 'partial wildcard'],
    ['a listener without hosts', sc('  egress: [{port: {number: 80, protocol: HTTP, name: h}}]\n'), '{port: {number: 80, protocol: HTTP, name: h}}', 'spec.egress[0] needs "hosts"'],
    ['a listener with an empty host list', sc('  egress: [{hosts: []}]\n'), '{hosts: []}', 'spec.egress[0] needs at least one host'],
    ['the catch-all listener not last', sc('  egress:\n  - hosts: ["./*"]\n  - port: {number: 80, protocol: HTTP, name: h}\n    hosts: ["./*"]\n'), 'hosts: ["./*"]', 'must be the last one'],
    ['two listeners on one port', sc('  egress:\n  - {port: {number: 80, protocol: HTTP, name: a}, hosts: ["./*"]}\n  - {port: {number: 80, protocol: HTTP, name: b}, hosts: ["./*"]}\n'), '80', 'port 80 is used by an earlier egress listener'],
    ['port 0 without a unix socket', sc('  egress: [{port: {number: 0, protocol: HTTP, name: a}, hosts: ["./*"]}]\n'), '{number: 0, protocol: HTTP, name: a}', 'needs a unix socket bind'],
    ['an unknown protocol', sc('  egress: [{port: {number: 80, protocol: HTTPX, name: a}, hosts: ["./*"]}]\n'), 'HTTPX', 'is not one istiod knows'],
    ['a host a namespace wildcard already covers (a warning)', sc('  egress: [{hosts: ["ns/*", "ns/a.com"]}]\n'), '"ns/a.com"', 'already covered by an earlier host', true],
    ['"*/*" with other hosts (a warning)', sc('  egress: [{hosts: ["*/*", "a/b.com"]}]\n'), 'hosts', '"*/*" selects every host', true],
    ['an ingress port twice', sc('  ingress:\n  - {port: {number: 80, protocol: HTTP, name: a}, defaultEndpoint: "127.0.0.1:80"}\n  - {port: {number: 80, protocol: HTTP, name: b}, defaultEndpoint: "127.0.0.1:81"}\n'), '80', 'port 80 is used by an earlier ingress listener'],
    ['a defaultEndpoint on another host', sc('  ingress: [{port: {number: 80, protocol: HTTP, name: a}, defaultEndpoint: "1.1.1.1:90"}]\n'), '"1.1.1.1:90"', 'must be 127.0.0.1:<port>'],
    ['ingress TLS on an HTTP port', sc('  ingress: [{port: {number: 80, protocol: HTTP, name: a}, tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]\n'), 'tls', 'cannot have tls settings'],
    ['ingress TLS with a credentialName', sc('  ingress: [{port: {number: 443, protocol: HTTPS, name: a}, tls: {mode: SIMPLE, credentialName: c}}]\n'), 'credentialName', 'credentialName is not supported in a Sidecar'],
    ['ingress TLS ISTIO_MUTUAL', sc('  ingress: [{port: {number: 443, protocol: HTTPS, name: a}, tls: {mode: ISTIO_MUTUAL}}]\n'), 'ISTIO_MUTUAL', 'cannot be used in a Sidecar ingress listener'],
    ['HTTP pool settings on a TCP port (a warning)', sc('  ingress: [{port: {number: 90, protocol: TCP, name: a}, connectionPool: {http: {maxRetries: 3}}}]\n'), 'http', 'only the tcp connection pool settings apply', true],
    ['a unix socket listener with captureMode IPTABLES', sc('  egress: [{port: {number: 0, name: u}, bind: "unix:///a.sock", captureMode: IPTABLES, hosts: ["./*"]}]\n'), 'IPTABLES', 'takes captureMode DEFAULT or NONE'],
    ['an empty unix socket path', sc('  egress: [{port: {number: 0, name: u}, bind: "unix://", hosts: ["./*"]}]\n'), '"unix://"', 'the unix socket address is empty'],
    ['an egress proxy without a port', sc('  outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: a.b}}\n'), 'egressProxy', 'egressProxy needs a port'],
    ['an empty inbound connection pool', sc('  inboundConnectionPool: {}\n'), 'inboundConnectionPool', 'has neither http nor tcp settings'],
    ['an egress proxy with REGISTRY_ONLY', sc('  outboundTrafficPolicy: {mode: REGISTRY_ONLY, egressProxy: {host: foo.bar, port: {number: 80}}}\n'), 'egressProxy', 'egressProxy needs mode ALLOW_ANY'],
  ]);
  accepts([
    ['namespaced hosts', sc('  egress: [{hosts: ["./*", "~/a.com", "istio-system/*", "*/*.example.com", "~istio-system/*"]}]\n')],
    ['a unix socket egress listener and a catch-all', sc('  egress:\n  - {port: {number: 0, protocol: HTTP, name: u}, bind: "unix:///var/run/a.sock", hosts: ["./*"]}\n  - {hosts: ["./*"]}\n')],
    ['ingress with default endpoints', sc('  ingress:\n  - {port: {number: 80, protocol: HTTP, name: a}, defaultEndpoint: "127.0.0.1:8080"}\n  - {port: {number: 81, protocol: HTTP, name: b}, defaultEndpoint: "[::1]:8081"}\n  - {port: {number: 82, protocol: HTTP, name: c}, defaultEndpoint: "unix:///var/run/a.sock"}\n')],
    ['ingress TLS', sc('  ingress: [{port: {number: 443, protocol: HTTPS, name: a}, defaultEndpoint: ":8443", tls: {mode: SIMPLE, serverCertificate: /c.pem, privateKey: /k.pem}}]\n')],
    // istioctl's IST0002 says egressProxy is ignored; istiod uses it (pilot/pkg/networking/core/httproute.go, listener_builder.go).
    ['an egress proxy', sc('  outboundTrafficPolicy: {mode: ALLOW_ANY, egressProxy: {host: proxy.example.com, port: {number: 3128}}}\n')],
  ]);
});

describe("istiod's webhook: ServiceEntry, WorkloadEntry, WorkloadGroup", () => {
  rejects([
    ['a bad host', se('  hosts: ["foo.*.com"]\n'), '"foo.*.com"', 'is not a valid host name'],
    ['a bad address', se('  hosts: [a.com]\n  addresses: ["10.0.0.256"]\n'), '"10.0.0.256"', 'is not an IP address or a CIDR range'],
    ['a port name twice', se('  hosts: [a.com]\n  ports: [{number: 80, name: http, protocol: HTTP}, {number: 81, name: http, protocol: HTTP}]\n'), 'http', 'spec.ports[1] has the same "name" as an item before it'],
    ['a bad port name', se('  hosts: [a.com]\n  ports: [{number: 80, name: "Http_1", protocol: HTTP}]\n'), '"Http_1"', 'must be a DNS label'],
    ['an unknown protocol', se('  hosts: [a.com]\n  ports: [{number: 80, name: h, protocol: HTTP3}]\n'), 'HTTP3', 'is not one istiod knows'],
    ['a wildcard host resolved by DNS', se('  hosts: ["*.a.com"]\n  resolution: DNS\n  ports: [{number: 80, name: h, protocol: HTTP}]\n'), '"*.a.com"', 'must be a host name without wildcards'],
    ['a STATIC endpoint that is a host name', se('  hosts: [a.com]\n  resolution: STATIC\n  ports: [{number: 80, name: h, protocol: HTTP}]\n  endpoints: [{address: b.com}]\n'), 'b.com', 'is not an IP address (resolution STATIC takes IPs)'],
    ['an endpoint port the ServiceEntry lacks', se('  hosts: [a.com]\n  resolution: DNS\n  ports: [{number: 80, name: h, protocol: HTTP}]\n  endpoints: [{address: b.com, ports: {grpc: 8080}}]\n'), 'grpc', 'is not a port name of the ServiceEntry'],
    ['several hosts on a TCP port', se('  hosts: [a.com, b.com]\n  resolution: DNS\n  ports: [{number: 9000, name: t, protocol: TCP}]\n'), 'TCP', 'needs HTTP or TLS ports'],
    ['DYNAMIC_DNS without a wildcard', se('  hosts: [a.com]\n  resolution: DYNAMIC_DNS\n  location: MESH_EXTERNAL\n  ports: [{number: 80, name: h, protocol: HTTP}]\n'), 'a.com', 'resolution DYNAMIC_DNS needs wildcard hosts'],
    ['DYNAMIC_DNS on a TCP port', se('  hosts: ["*.a.com"]\n  resolution: DYNAMIC_DNS\n  location: MESH_EXTERNAL\n  ports: [{number: 80, name: t, protocol: TCP}]\n'), '{number: 80, name: t, protocol: TCP}', 'supports only HTTP, TLS, GRPC and HTTP2 ports'],
    ['DYNAMIC_DNS with addresses', se('  hosts: ["*.a.com"]\n  addresses: [10.0.0.1]\n  resolution: DYNAMIC_DNS\n  location: MESH_EXTERNAL\n  ports: [{number: 80, name: h, protocol: HTTP}]\n'), 'addresses', 'resolution DYNAMIC_DNS takes no addresses'],
    ['DYNAMIC_DNS inside the mesh behind a waypoint', se('  hosts: ["*.a.com"]\n  resolution: DYNAMIC_DNS\n  location: MESH_INTERNAL\n  ports: [{number: 80, name: h, protocol: HTTP}]\n', ', labels: {istio.io/use-waypoint: wp}'), 'MESH_INTERNAL', 'not supported for a ServiceEntry that uses a waypoint'],
    ['a bad endpoint label', se('  hosts: [a.com]\n  resolution: STATIC\n  endpoints: [{address: 1.1.1.1, labels: {"a b": c}}]\n'), '"a b"', 'is not a valid label name'],
    ['a STATIC endpoint with only a network (a warning)', se('  hosts: [www.example.com]\n  resolution: STATIC\n  ports: [{number: 443, name: https-example, protocol: HTTPS}]\n  endpoints: [{network: cluster-1}]\n'), '{network: cluster-1}', 'no address, only the network "cluster-1"', true],
    ['a workloadSelector with resolution NONE (a warning)', se('  hosts: [a.com]\n  workloadSelector: {labels: {app: a}}\n  ports: [{number: 80, name: h, protocol: HTTP}]\n'), 'workloadSelector', 'has no effect with resolution NONE', true],
    ['a TCP port without addresses (a warning)', se('  hosts: [a.com]\n  ports: [{number: 9000, name: t, protocol: TCP}]\n'), '{number: 9000, name: t, protocol: TCP}', 'needs addresses when IP auto-allocation is off', true],
    ['a partial wildcard (a warning)', se('  hosts: ["*x.com"]\n  resolution: DNS\n  endpoints: [{address: 1.1.1.1}]\n'), '"*x.com"', 'has a partial wildcard', true],
    ['a WorkloadEntry without address or network', we('  labels: {app: a}\n'), 'spec', 'spec: Address is required'],
    ['a WorkloadEntry with an empty address', we('  address: ""\n'), '""', 'an address is required'],
    ['a WorkloadEntry with a bad address', we('  address: "a..b"\n'), '"a..b"', 'is not a host name or an IP address'],
    ['a WorkloadGroup probe header with a bad name', wg('  template: {}\n  probe: {httpGet: {port: 80, httpHeaders: [{name: a_b, value: c}]}}\n'), 'a_b', 'is not a valid header name for a probe'],
    ['a WorkloadGroup exec probe without a command', wg('  template: {}\n  probe: {exec: {}}\n'), 'exec', 'spec.probe.exec needs "command"'],
    ['a WorkloadGroup exec probe with an empty command', wg('  template: {}\n  probe: {exec: {command: []}}\n'), 'exec', 'exec needs a command'],
  ]);
  accepts([
    ['DNS with endpoints', se('  hosts: [a.com]\n  resolution: DNS\n  ports: [{number: 443, name: https, protocol: TLS}]\n  endpoints: [{address: b.com, ports: {https: 8443}}, {address: 1.2.3.4}]\n')],
    ['STATIC with a unix socket endpoint', se('  hosts: [a.com]\n  resolution: STATIC\n  ports: [{number: 80, name: h, protocol: HTTP}]\n  endpoints: [{address: "unix:///var/run/a.sock"}]\n')],
    ['several hosts on HTTP', se('  hosts: [a.com, b.com]\n  resolution: DNS\n  ports: [{number: 80, name: h, protocol: HTTP}]\n')],
    ['DYNAMIC_DNS', se('  hosts: ["*.a.com"]\n  resolution: DYNAMIC_DNS\n  location: MESH_EXTERNAL\n  ports: [{number: 443, name: tls, protocol: TLS}]\n')],
    ['DYNAMIC_DNS inside the mesh without a waypoint', se('  hosts: ["*.a.com"]\n  resolution: DYNAMIC_DNS\n  location: MESH_INTERNAL\n  ports: [{number: 80, name: h, protocol: HTTP}]\n')],
    ['a TCP port with auto-allocated addresses', se('  hosts: [a.com]\n  resolution: DNS\n  ports: [{number: 9000, name: t, protocol: TCP}]\n')],
    ['a TCP port with addresses', se('  hosts: [a.com]\n  addresses: [10.0.0.0/24]\n  ports: [{number: 9000, name: t, protocol: TCP}]\n')],
    ['a WorkloadEntry with a host name', we('  address: vm.example.com\n  ports: {http: 8080}\n  labels: {app: a}\n')],
    ['a WorkloadGroup', wg('  metadata: {labels: {app: a}}\n  template: {serviceAccount: sa}\n  probe: {httpGet: {port: 80, httpHeaders: [{name: x-a, value: b}]}}\n')],
  ]);
});

describe("istiod's webhook: DestinationRule traffic policies", () => {
  const policy = (p: string) => dr(`  host: a\n  trafficPolicy: ${p}\n`);
  rejects([
    ['a connection pool with neither http nor tcp', policy('{connectionPool: {}}'), 'connectionPool', 'has neither http nor tcp settings'],
    ['a negative limit', policy('{connectionPool: {http: {http1MaxPendingRequests: -1}}}'), '-1', 'http1MaxPendingRequests cannot be negative'],
    ['useClientProtocol with UPGRADE', policy('{connectionPool: {http: {h2UpgradePolicy: UPGRADE, useClientProtocol: true}}}'), 'useClientProtocol', 'cannot be true with h2UpgradePolicy UPGRADE'],
    ['local origin failures without splitting', policy('{outlierDetection: {consecutiveLocalOriginFailures: 5}}'), 'consecutiveLocalOriginFailures', 'counts only with splitExternalLocalOriginErrors: true'],
    ['an ejection percentage above 100', policy('{outlierDetection: {maxEjectionPercent: 101}}'), '101', 'maxEjectionPercent 101 is not a percentage'],
    ['a cookie without a name', policy('{loadBalancer: {consistentHash: {httpCookie: {ttl: 0s}}}}'), 'httpCookie', 'httpCookie needs "name"'],
    ['a cookie with an empty name', policy('{loadBalancer: {consistentHash: {httpCookie: {name: "", ttl: 0s}}}}'), 'httpCookie', 'httpCookie needs a name'],
    ['a maglev table size that is not prime', policy('{loadBalancer: {consistentHash: {httpHeaderName: x, maglev: {tableSize: 1000}}}}'), '1000', 'must be a prime number'],
    ['distribute and failover', policy('{loadBalancer: {localityLbSetting: {distribute: [{from: a/b/*, to: {"a/b/*": 100}}], failover: [{from: a, to: b}]}}, outlierDetection: {}}'), 'failover', 'cannot have both distribute and failover'],
    ['locality weights not adding up to 100', policy('{loadBalancer: {localityLbSetting: {distribute: [{from: "a/*", to: {"a/b/*": 60, "a/c/*": 30}}]}}}'), '{"a/b/*": 60, "a/c/*": 30}', 'add up to 90, not 100'],
    ['failover to the same region', policy('{loadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-east}]}}, outlierDetection: {consecutive5xxErrors: 5}}'), '{from: us-east, to: us-east}', 'are the same region'],
    ['failover without outlier detection (a warning)', policy('{loadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-west}]}}}'), 'localityLbSetting', 'failover needs outlierDetection', true],
    ['a tunnel to a bad host', policy('{tunnel: {protocol: CONNECT, targetHost: "a..b", targetPort: 80}}'), '"a..b"', 'is not a host name or an IP address'],
    ['a port policy with a negative limit', policy('{portLevelSettings: [{port: {number: 80}, connectionPool: {tcp: {maxConnections: -1}}}]}'), '-1', 'maxConnections cannot be negative'],
    ['an HTTP/2 keepalive without a timeout', policy('{connectionPool: {http: {http2KeepAlive: {interval: 1s}}}}'), 'http2KeepAlive', 'http2KeepAlive needs timeout'],
    ['localityLbSetting with zoneAwareLbSetting', policy('{loadBalancer: {simple: LEAST_REQUEST, zoneAwareLbSetting: {}, localityLbSetting: {}}}'), 'zoneAwareLbSetting', 'only one of localityLbSetting and zoneAwareLbSetting'],
    ['topology labels in failoverPriority with failover', policy('{loadBalancer: {localityLbSetting: {failover: [{from: a, to: b}], failoverPriority: [topology.kubernetes.io/zone]}}, outlierDetection: {}}'), 'topology.kubernetes.io/zone', 'failoverPriority cannot have the topology label'],
    ['a tunnel protocol other than CONNECT or POST', policy('{tunnel: {protocol: GET, targetHost: a.b, targetPort: 443}}'), 'GET', 'must be "CONNECT" or "POST"'],
    ['a warmup aggression of 0', policy('{loadBalancer: {warmup: {duration: 1s, aggression: 0}}}'), '0', 'aggression must be greater than 0'],
    ['a bad subset label', dr('  host: a\n  subsets: [{name: v1, labels: {version: "v1 "}}]\n'), '"v1 "', 'is not a valid label value'],
  ]);
  accepts([
    ['a full traffic policy', policy('{connectionPool: {tcp: {maxConnections: 100}, http: {http2MaxRequests: 10, h2UpgradePolicy: UPGRADE}}, outlierDetection: {consecutive5xxErrors: 5, maxEjectionPercent: 100}, loadBalancer: {consistentHash: {maglev: {tableSize: 65537}, httpCookie: {name: c, ttl: 0s}}}}')],
    ['failover with outlier detection', policy('{loadBalancer: {localityLbSetting: {failover: [{from: us-east, to: us-west}]}}, outlierDetection: {consecutive5xxErrors: 5}}')],
    ['distribute adding up to 100', policy('{loadBalancer: {localityLbSetting: {distribute: [{from: "a/*", to: {"a/b/*": 70, "a/c/*": 30}}]}}}')],
    ['a tunnel to an IP', policy('{tunnel: {protocol: POST, targetHost: 10.0.0.1, targetPort: 443}}')],
    ['a retry budget alone', policy('{retryBudget: {percent: 10}}')],
  ]);
  it('warns of the deprecated minimumRingSize, and rejects it with maglev', async () => {
    const found = await lint(policy('{loadBalancer: {consistentHash: {httpHeaderName: a, minimumRingSize: 5, maglev: {tableSize: 7}}}}'));
    expect(found.map((f) => [f.text, f.warning])).toEqual([['minimumRingSize', true], ['minimumRingSize', false]]);
    expect(found.map((f) => f.message)).toEqual([
      expect.stringContaining('minimumRingSize is deprecated'),
      expect.stringContaining('minimumRingSize cannot be set with maglev or ringHash'),
    ]);
  });
});

describe("istiod's webhook: Telemetry, WasmPlugin, TrafficExtension, ProxyConfig, EnvoyFilter", () => {
  const tel = (spec: string) => doc('telemetry.istio.io/v1', 'Telemetry', spec);
  const wasm = (spec: string) => doc('extensions.istio.io/v1alpha1', 'WasmPlugin', spec);
  const te = (spec: string) => doc('extensions.istio.io/v1alpha1', 'TrafficExtension', spec);
  const ef = (patch: string) => doc('networking.istio.io/v1alpha3', 'EnvoyFilter', `  configPatches:\n  - ${patch}\n`);
  rejects([
    ['two tracing providers (a warning)', tel('  tracing: [{providers: [{name: a}, {name: b}]}]\n'), 'providers', 'one tracing provider', true],
    ['a tag override without a value (UPSERT is the default)', tel('  metrics: [{overrides: [{tagOverrides: {request_host: {}}}]}]\n'), 'request_host', 'needs a value'],
    ['a WasmPlugin targetRef to a Deployment', wasm('  url: oci://a/b\n  targetRefs: [{kind: Deployment, name: d}]\n'), 'Deployment', 'a policy can target only'],
    ['a targetRef to a Deployment', tel('  targetRef: {kind: Deployment, name: d}\n'), 'Deployment', 'a policy can target only'],
    ['an EnvoyFilter patch without a value', ef('applyTo: HTTP_FILTER\n    patch: {operation: INSERT_BEFORE}'), 'patch', 'the INSERT_BEFORE patch needs a value'],
    ['an EnvoyFilter cluster match for a listener patch', ef('applyTo: HTTP_FILTER\n    match: {cluster: {service: a}}\n    patch: {operation: INSERT_BEFORE, value: {name: x}}'), 'cluster', 'the match must be a listener match'],
    ['an EnvoyFilter subFilter without the HTTP connection manager', ef('applyTo: HTTP_FILTER\n    match: {listener: {filterChain: {filter: {name: envoy.filters.network.tcp_proxy, subFilter: {name: x}}}}}\n    patch: {operation: INSERT_BEFORE, value: {name: x}}'), 'envoy.filters.network.tcp_proxy', 'needs the filter match to be envoy.filters.network.http_connection_manager'],
    ['an EnvoyFilter proxyVersion regex RE2 rejects', ef('applyTo: CLUSTER\n    match: {proxy: {proxyVersion: "^1\\\\.(?!2)"}}\n    patch: {operation: MERGE, value: {}}'), '"^1\\\\.(?!2)"', 'uses a lookaround'],
  ]);
  accepts([
    ['Telemetry with providers, tags and overrides', tel('  tracing: [{providers: [{name: zipkin}], randomSamplingPercentage: 10, customTags: {a: {literal: {value: x}}, b: {header: {name: x-b}}}}]\n  metrics: [{providers: [{name: prometheus}], overrides: [{match: {metric: REQUEST_COUNT}, tagOverrides: {request_host: {operation: REMOVE}, x: {value: "request.host"}}}]}]\n')],
    ['a WasmPlugin', wasm(`  url: oci://ghcr.io/a/b:1\n  sha256: ${'a'.repeat(64)}\n  vmConfig: {env: [{name: A, value: "1"}, {name: B, valueFrom: HOST}]}\n  match: [{mode: SERVER, ports: [{number: 80}]}]\n`)],
    ['a TrafficExtension with Lua', te('  lua: {inlineCode: "function envoy_on_request(h) end"}\n')],
    ['a ProxyConfig', doc('networking.istio.io/v1beta1', 'ProxyConfig', '  concurrency: 0\n')],
    ['EnvoyFilter patches', ef('applyTo: HTTP_FILTER\n    match: {context: SIDECAR_INBOUND, proxy: {proxyVersion: "^1\\\\.2[0-9].*"}, listener: {filterChain: {filter: {name: envoy.filters.network.http_connection_manager, subFilter: {name: envoy.filters.http.router}}}}}\n    patch: {operation: INSERT_BEFORE, value: {name: x}}')],
    ['an EnvoyFilter REMOVE without a value', ef('applyTo: CLUSTER\n    match: {cluster: {service: a.b}}\n    patch: {operation: REMOVE}')],
  ]);
});
