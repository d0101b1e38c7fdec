import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadInput } from '../src/engine/lint.js';
import { parseSource, type Part } from '../src/load/parse.js';
import { SourceFile } from '../src/load/source.js';
import type { Path, Range } from '../src/types.js';

/** 1-based line/column of the `nth` occurrence of `needle`, and of its end (exclusive). */
function where(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`"${needle}" #${nth} not in the text`);
  }
  const point = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  return { start: point(at), end: point(at + needle.length) };
}

/** Like `where`, for `needle` inside the first occurrence of a longer, unique `context`. */
function whereIn(text: string, context: string, needle: string): Range {
  const at = text.indexOf(context);
  if (at === -1) throw new Error(`"${context}" not in the text`);
  const inner = context.indexOf(needle);
  if (inner === -1) throw new Error(`"${needle}" not in "${context}"`);
  const shifted = where(text.slice(0, at + inner) + '\u0000' + text.slice(at + inner + 1), '\u0000');
  return { start: shifted.start, end: { line: shifted.start.line, column: shifted.start.column + needle.length } };
}

function locate(text: string, path: Path, part?: Part, docIndex = 0): Range {
  const parsed = parseSource(new SourceFile('/m.yaml', text));
  expect(parsed.problems).toEqual([]);
  return parsed.docs[docIndex]!.locate(path, part);
}

const POLICY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: cart-get-only
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  rules:
  - from:
    - source:
        principals: ["cluster.local/ns/shop/sa/frontend"]
    to:
    - operation:
        methods: ["GET", "HEAD"]
        paths:
        - /api/*
        - /healthz
`;

const OPERATION: Path = ['spec', 'rules', 0, 'to', 0, 'operation'];

describe('positions of nodes', () => {
  it('points at the methods key inside spec.rules[0].to[0].operation', () => {
    expect(locate(POLICY, [...OPERATION, 'methods'], 'key')).toEqual(where(POLICY, 'methods'));
  });

  it('points at a flow sequence value', () => {
    expect(locate(POLICY, [...OPERATION, 'methods'])).toEqual(where(POLICY, '["GET", "HEAD"]'));
  });

  it('points at one item of a flow sequence', () => {
    expect(locate(POLICY, [...OPERATION, 'methods', 1])).toEqual(where(POLICY, '"HEAD"'));
  });

  it('points at one item of a block sequence', () => {
    expect(locate(POLICY, [...OPERATION, 'paths', 1])).toEqual(where(POLICY, '/healthz'));
  });

  it('an entry spans from its key to the end of its value, without the trailing newline', () => {
    const r = locate(POLICY, [...OPERATION, 'paths'], 'entry');
    expect(r.start).toEqual(where(POLICY, 'paths').start);
    expect(r.end).toEqual(where(POLICY, '/healthz').end);
  });

  it('a block map value ends at its last character', () => {
    const r = locate(POLICY, ['spec', 'selector']);
    expect(r.start).toEqual(where(POLICY, 'matchLabels').start);
    expect(r.end).toEqual(where(POLICY, 'app: cart').end);
  });

  it('points at a scalar value and at its key', () => {
    expect(locate(POLICY, ['metadata', 'name'])).toEqual(where(POLICY, 'cart-get-only'));
    expect(locate(POLICY, ['metadata', 'name'], 'key')).toEqual(where(POLICY, 'name'));
  });

  it('a missing field falls back to the deepest node that exists', () => {
    // spec.rules[0].to[0].operation has no "hosts": the diagnostic lands on the operation map.
    expect(locate(POLICY, [...OPERATION, 'hosts']).start).toEqual(where(POLICY, 'methods').start);
    // spec has no "action": the diagnostic lands on spec's value.
    expect(locate(POLICY, ['spec', 'action']).start).toEqual(where(POLICY, 'selector').start);
    // An index past the end of a sequence falls back to the sequence.
    expect(locate(POLICY, ['spec', 'rules', 5]).start).toEqual(where(POLICY, '- from').start);
    // A missing key asked for as 'key' points at the key of its parent.
    expect(locate(POLICY, ['metadata', 'labels'], 'key')).toEqual(where(POLICY, 'metadata'));
  });

  it('a key with an empty value points at that key\'s line, after the key', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  empty:\n';
    const r = locate(text, ['data', 'empty']);
    expect(r.start.line).toBe(6);
    expect(r.start.column).toBeGreaterThanOrEqual(3);
    expect(locate(text, ['data', 'empty'], 'key')).toEqual(where(text, 'empty'));
  });

  it('numeric map keys match numeric path segments (portLevelMtls)', () => {
    const text = 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata:\n  name: p\nspec:\n  portLevelMtls:\n    8080:\n      mode: DISABLE\n';
    expect(locate(text, ['spec', 'portLevelMtls', 8080], 'key')).toEqual(where(text, '8080'));
    expect(locate(text, ['spec', 'portLevelMtls', 8080, 'mode'])).toEqual(where(text, 'DISABLE'));
  });

  it('counts columns in UTF-16 units (as editors and ESLint do), and handles CRLF', () => {
    const text = 'apiVersion: v1\r\nkind: ConfigMap\r\nmetadata:\r\n  name: café\r\n  labels: {note: "😀", app: y}\r\n';
    // "😀" is two UTF-16 units: "app" starts at column 24 (23 in code points, 27 in bytes).
    expect(locate(text, ['metadata', 'labels', 'app'], 'key')).toEqual({ start: { line: 5, column: 24 }, end: { line: 5, column: 27 } });
    expect(locate(text, ['metadata', 'labels', 'app'])).toEqual(whereIn(text, 'app: y}', 'y'));
    expect(locate(text, ['metadata', 'name'])).toEqual({ start: { line: 4, column: 9 }, end: { line: 4, column: 13 } });
  });
});

describe('positions across documents', () => {
  const MULTI = `# first
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Service
metadata:
  name: cart
  namespace: shop
spec:
  ports:
  - port: 80
---
# an empty document is skipped
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: cart
  namespace: shop
`;

  it('keeps every document and its own positions', () => {
    const parsed = parseSource(new SourceFile('/m.yaml', MULTI));
    expect(parsed.problems).toEqual([]);
    expect(parsed.docs.map((d) => (d.data as { kind: string }).kind)).toEqual(['Namespace', 'Service', 'ServiceAccount']);
    expect(parsed.docs[1]!.locate(['spec', 'ports', 0, 'port'])).toEqual(where(MULTI, '80'));
    expect(parsed.docs[2]!.locate(['metadata', 'name'])).toEqual(where(MULTI, 'cart', 1));
    expect(parsed.docs[0]!.locate(['metadata', 'name'])).toEqual(where(MULTI, 'shop'));
  });

  it('a broken document is reported at its line and the others are kept', () => {
    const text = `apiVersion: v1
kind: Namespace
metadata:
  name: a
---
apiVersion: v1
kind: Namespace
metadata: {name: b
---
apiVersion: v1
kind: Namespace
metadata:
  name: c
`;
    const parsed = parseSource(new SourceFile('/m.yaml', text));
    expect(parsed.docs.map((d) => (d.data as { metadata: { name: string } }).metadata.name)).toEqual(['a', 'c']);
    expect(parsed.problems.length).toBeGreaterThan(0);
    const line = new SourceFile('/m.yaml', text).point(parsed.problems[0]!.offset).line;
    expect(line).toBeGreaterThanOrEqual(8);
    expect(line).toBeLessThanOrEqual(9);
    expect(parsed.docs[1]!.locate(['metadata', 'name'])).toEqual(whereIn(text, 'name: c', 'c'));
  });
});

describe('positions through the loader', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-pos-'));

  it('List items: each item is a resource whose paths start at items[i]', async () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Namespace
  metadata:
    name: shop
- apiVersion: security.istio.io/v1
  kind: AuthorizationPolicy
  metadata:
    name: deny-all
    namespace: shop
  spec: {}
`;
    writeFileSync(join(dir, 'list.yaml'), text);
    const input = await loadInput({ cwd: dir, patterns: ['list.yaml'] });
    expect(input.resources.map((r) => `${r.kind}/${r.name}`)).toEqual(['Namespace/shop', 'AuthorizationPolicy/deny-all']);
    const ap = input.resources[1]!;
    expect(ap.base).toEqual(['items', 1]);
    expect(ap.doc.locate([...ap.base, 'metadata', 'name'])).toEqual(where(text, 'deny-all'));
    expect(ap.doc.locate([...ap.base, 'spec'], 'key')).toEqual(where(text, 'spec'));
  });

  it('*List kinds (ServiceList, AuthorizationPolicyList) are unpacked too', async () => {
    const text = `apiVersion: v1
kind: ServiceList
items:
- apiVersion: v1
  kind: Service
  metadata: {name: a, namespace: x}
- apiVersion: v1
  kind: Service
  metadata: {name: b, namespace: x}
`;
    writeFileSync(join(dir, 'svc-list.yaml'), text);
    const input = await loadInput({ cwd: dir, patterns: ['svc-list.yaml'] });
    expect(input.resources.map((r) => r.name)).toEqual(['a', 'b']);
    const b = input.resources[1]!;
    expect(b.doc.locate([...b.base, 'metadata', 'name'])).toEqual(whereIn(text, 'name: b,', 'b'));
  });

  it('a List item that is not an object is reported at the item and skipped', async () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n- just a string\n- apiVersion: v1\n  kind: Namespace\n  metadata: {name: ok}\n';
    writeFileSync(join(dir, 'bad-item.yaml'), text);
    const input = await loadInput({ cwd: dir, patterns: ['bad-item.yaml'] });
    expect(input.resources.map((r) => r.name)).toEqual(['ok']);
    const d = input.pending.find((p) => p.ruleId === 'schema')!;
    expect(d.message).toContain('This item is a string value');
    expect(d.start).toEqual(where(text, 'just a string').start);
  });

  it('JSON manifests keep exact positions', async () => {
    const text = `{
  "apiVersion": "security.istio.io/v1",
  "kind": "AuthorizationPolicy",
  "metadata": {"name": "json-policy", "namespace": "shop"},
  "spec": {
    "rules": [{"to": [{"operation": {"methods": ["GET"]}}]}]
  }
}
`;
    writeFileSync(join(dir, 'policy.json'), text);
    const input = await loadInput({ cwd: dir, patterns: ['policy.json'] });
    expect(input.pending).toEqual([]);
    const r = input.resources[0]!;
    expect(r.name).toBe('json-policy');
    expect(r.doc.locate([...OPERATION, 'methods'], 'key')).toEqual(where(text, '"methods"'));
    expect(r.doc.locate([...OPERATION, 'methods', 0])).toEqual(where(text, '"GET"'));
  });

  it('stdin is named by --stdin-filename, relative to cwd', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: from-stdin\n';
    const input = await loadInput({ cwd: dir, patterns: ['-'], stdin: { text, filename: 'sub/ns.yaml' } });
    expect(input.paths).toEqual([join(dir, 'sub', 'ns.yaml')]);
    const r = input.resources[0]!;
    expect(r.doc.file.path).toBe(join(dir, 'sub', 'ns.yaml'));
    expect(r.doc.locate(['metadata', 'name'])).toEqual(where(text, 'from-stdin'));
  });

  it('stdin without a name is <stdin>, and a syntax error there has its line', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: [unclosed\n';
    const input = await loadInput({ cwd: dir, patterns: ['-'], stdin: { text } });
    expect(input.paths).toEqual(['<stdin>']);
    const d = input.pending.find((p) => p.ruleId === 'yaml-syntax')!;
    expect(d.file).toBe('<stdin>');
    expect(d.start.line).toBeGreaterThanOrEqual(4);
  });
});
