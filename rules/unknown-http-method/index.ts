// istio pilot/pkg/security/authz/model/generator.go (methodGenerator) matches `methods` against the
// request's `:method` header with pilot/pkg/security/authz/matcher/header.go (HeaderMatcher): "*"
// is presence, a leading "*" a suffix match, a trailing "*" a prefix match, else an exact,
// case-sensitive match. A value no request's method can equal never matches. See README.md.
import { defineRule, docsUrl } from '../../src/engine/rule.js';
import type { AuthorizationPolicy } from '../../src/model/kinds.js';
import { arr, isRecord } from '../../src/model/resource.js';

/** RFC 9110 section 9 and RFC 5789 (PATCH): the methods clients send. */
const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

/** Whether a `methods` value, read as istiod does, matches one of `known`. */
function matchesSome(value: string, known: readonly string[]): boolean {
  if (value === '*') return true;
  if (value.startsWith('*')) return known.some((m) => m.endsWith(value.slice(1)));
  if (value.endsWith('*')) return known.some((m) => m.startsWith(value.slice(0, -1)));
  return known.includes(value);
}

/** `pkg.Service/Method` or `/pkg.Service/Method`: a gRPC method name, which belongs in `paths`. */
function grpcPath(value: string): string | undefined {
  const m = /^\/?([A-Za-z_][\w.]*\.[A-Za-z_]\w*|[A-Za-z_]\w*)\/([A-Za-z_]\w*)$/.exec(value);
  return m ? `/${m[1]}/${m[2]}` : undefined;
}

type MessageIds = 'grpcMethod' | 'lowercaseMethod' | 'unknownMethod';
type Options = [{ extraMethods: string[] }];
const DEFAULT_OPTIONS: Options[0] = { extraMethods: [] };

export default defineRule<MessageIds, Options>({
  meta: {
    type: 'problem',
    docs: {
      description: 'An AuthorizationPolicy lists in `methods` a value no HTTP request has: a gRPC method name, a lower-case method, or no method at all.',
      url: docsUrl('unknown-http-method'),
      recommended: true,
      aliases: ['KIA0102'],
      tags: ['security', 'authorization'],
    },
    messages: {
      grpcMethod:
        'AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" is a gRPC method, but every gRPC call has the HTTP method POST, so it matches no request{{consequence}}. Match the gRPC method by "{{pathField}}": "{{path}}".',
      lowercaseMethod:
        'AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" never equals a request\'s method, which is compared case-sensitively: clients send "{{upper}}"{{consequence}}. Use "{{upper}}".',
      unknownMethod:
        'AuthorizationPolicy "{{name}}": "{{value}}" in "{{field}}" matches no HTTP method ({{known}}){{consequence}}. Use one of those, or list a method your clients do send in the rule\'s extraMethods option.',
    },
    schema: [
      {
        type: 'object',
        properties: {
          extraMethods: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description: 'Methods beyond the standard ones that clients send (WebDAV\'s PROPFIND, a cache\'s PURGE).' },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [DEFAULT_OPTIONS],
    hasSuggestions: true,
    defaultSeverity: 'warn',
    reads: [],
  },
  create(context) {
    const known = [...HTTP_METHODS, ...(context.options[0] ?? DEFAULT_OPTIONS).extraMethods];
    const check = (p: AuthorizationPolicy, path: Array<string | number>, values: unknown[], negative: boolean) => {
      values.forEach((value, i) => {
        if (typeof value !== 'string' || matchesSome(value, known)) return;
        const only = values.length === 1;
        // A `notMethods` value excludes nothing; the only value of `methods` leaves an operation
        // no request matches.
        const consequence = negative ? ', so it excludes nothing' : only ? `, so the operation it belongs to matches no request and this rule ${p.action === 'DENY' ? 'denies' : 'admits'} nothing through it` : '';
        const base = { name: p.name, value, field: negative ? 'notMethods' : 'methods', consequence };
        const at = { resource: p.resource, path: [...path, i] };
        const grpc = grpcPath(value);
        const upper = value.toUpperCase();
        if (grpc) {
          context.report({ at, messageId: 'grpcMethod', data: { ...base, path: grpc, pathField: negative ? 'notPaths' : 'paths' } });
        } else if (upper !== value && matchesSome(upper, known)) {
          const list = values.map((v, j) => `- ${JSON.stringify(j === i ? upper : v)}`).join('\n');
          context.report({ at, messageId: 'lowercaseMethod', data: { ...base, upper }, suggest: [{ desc: `Use "${upper}"`, fix: `${base.field}:\n${list}\n` }] });
        } else {
          context.report({ at, messageId: 'unknownMethod', data: { ...base, known: known.join(', ') } });
        }
      });
    };
    return {
      AuthorizationPolicy(p) {
        arr(p.rules).forEach((rule, r) => {
          if (!isRecord(rule)) return;
          arr(rule.to).forEach((to, t) => {
            const op = isRecord(to) && isRecord(to.operation) ? to.operation : undefined;
            if (!op) return;
            const base = ['spec', 'rules', r, 'to', t, 'operation'];
            check(p, [...base, 'methods'], arr(op.methods), false);
            check(p, [...base, 'notMethods'], arr(op.notMethods), true);
          });
        });
      },
    };
  },
});
