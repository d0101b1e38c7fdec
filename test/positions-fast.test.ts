import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments, stringify, type ToStringOptions } from 'yaml';
import { fastParse } from '../src/load/fast.js';
import { parseSource, parseWithYaml } from '../src/load/parse.js';
import { SourceFile } from '../src/load/source.js';
import type { Path } from '../src/types.js';
// @ts-expect-error plain ESM script without types
import { generateMesh } from '../scripts/gen-mesh.mjs';

// The fast path (src/load/fast.ts) must be invisible: wherever it answers, `yaml` gives the same
// documents with no error, and every position `Doc.locate` returns is the one `yaml`'s nodes give.
// Each check below compares the two on whole files, for every node path, part and a few missing
// paths; `bail` means the fast path left the file to `yaml` (always allowed, never wrong).

const PARTS = ['key', 'value', 'entry'] as const;

/** Every path into a document's data, plus paths that go one step too far. */
function allPaths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    value.forEach((item, i) => allPaths(item, [...prefix, i], out));
    out.push([...prefix, value.length], [...prefix, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) allPaths(v, [...prefix, k], out);
    out.push([...prefix, 'no-such-key'], [...prefix, 0]);
  } else {
    out.push([...prefix, 'deeper']);
  }
  return out;
}

type Outcome = { kind: 'bail' } | { kind: 'same'; docs: number } | { kind: 'differs'; why: string };

/** The fast path against the yaml path of parse.ts (whatever options and guards it has). */
function compare(text: string): Outcome {
  const fast = fastParse(text);
  if (!fast) return { kind: 'bail' };
  const parsed = parseAllDocuments(text);
  const count = Array.isArray(parsed) ? parsed.length : 0;
  if (count !== fast.length) return { kind: 'differs', why: `yaml has ${count} documents, the fast path ${fast.length}` };
  const reference = parseWithYaml(new SourceFile('f.yaml', text));
  if (reference.problems.length > 0) return { kind: 'differs', why: `the yaml path reports "${reference.problems[0]!.message}" but the fast path accepted` };
  const slow = reference.docs;
  const quick = parseSource(new SourceFile('f.yaml', text)).docs;
  if (slow.length !== quick.length) return { kind: 'differs', why: `${slow.length} vs ${quick.length} documents kept` };
  for (let i = 0; i < slow.length; i++) {
    const a = slow[i]!;
    const b = quick[i]!;
    if (a.index !== b.index) return { kind: 'differs', why: `document index ${a.index} vs ${b.index}` };
    if (!isDeepStrictEqual(a.data, b.data)) return { kind: 'differs', why: `document ${i}: yaml ${JSON.stringify(a.data)}, fast ${JSON.stringify(b.data)}` };
    for (const path of allPaths(a.data)) {
      for (const part of PARTS) {
        const ra = a.locate(path, part);
        const rb = b.locate(path, part);
        if (!isDeepStrictEqual(ra, rb)) return { kind: 'differs', why: `document ${i} ${JSON.stringify(path)} ${part}: yaml ${JSON.stringify(ra)}, fast ${JSON.stringify(rb)}` };
      }
    }
  }
  return { kind: 'same', docs: fast.length };
}

function expectSame(text: string): void {
  const r = compare(text);
  expect(r, JSON.stringify(text)).toMatchObject({ kind: 'same' });
}

function expectNotDifferent(text: string): void {
  const r = compare(text);
  if (r.kind === 'differs') expect.fail(`${r.why}\n--- input ---\n${text}`);
}

describe('fast path: same data and exact positions as yaml', () => {
  it('nested keys, sequences of maps, indentless sequences', () => {
    expectSame(
      [
        'apiVersion: security.istio.io/v1',
        'kind: AuthorizationPolicy',
        'metadata:',
        '  name: cart',
        '  namespace: shop',
        'spec:',
        '  selector:',
        '    matchLabels:',
        '      app: cart',
        '  rules:',
        '  - from:',
        '    - source:',
        '        principals:',
        '        - cluster.local/ns/shop/sa/web',
        '    to:',
        '      - operation:',
        '          methods: ["GET"]',
        '          paths:',
        '          - /api/*',
        '  -',
        '  - {}',
        '',
      ].join('\n'),
    );
  });

  it('multi-document files, empty documents and leading comments', () => {
    expectSame('# header\n\n---\na: 1\n---\n# nothing here\n---\nb: [x, y]\n---\n');
    expectSame('a: 1\n---\nb: 2\n--- # second\nc: 3');
    expectSame('---\n---\nk: v\n');
  });

  it('flow collections, quoted keys and scalars, escapes', () => {
    expectSame('resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {}}\nports: [80, "443", \'8080\', [1, 2], []]\n');
    expectSame('"quoted key": 1\n\'single\': \'it\'\'s\'\n"esc": "tab\\there \\u00e9 \\x41 \\"q\\" \\\\ \\/"\n"9090": {mode: STRICT}\n8080: x\n');
    expectSame('k: "a: b # not a comment"\nl: a#b\nm: a:b\nn: -1\no: -x\n');
  });

  it('core schema scalars', () => {
    expectSame(
      'a: [~, null, Null, NULL, true, True, TRUE, false, FALSE, 0o17, 0x1F, 017, +12, -0, 1.5, .5, 1., 1e3, -1.5E-3, .inf, -.Inf, .NaN, yes, on, 0b1, 1_000]\n' +
        'b: ~\nc:\nd: 12345678901234567890\ne: 007\n',
    );
  });

  it('block scalars, literal and folded, clip and strip', () => {
    expectSame('a: |\n  line 1\n\n   indented\n  last\n\n\nb: >\n  folded\n  text\n\n  para\nc: |-\n    x\n    y\nd: >-\n  z\n');
    expectSame('- |\n  in a sequence\n- key: |\n    in a compact map\n  other: 1\n');
    expectSame('a: |\n\n  leading blank\nb: 2\n');
  });

  it('JSON documents', () => {
    expectSame('{\n  "apiVersion": "v1",\n  "kind": "ServiceAccount",\n  "metadata": {\n    "name": "a",\n    "labels": {"x": "1"}\n  },\n  "n": [1, 2.5, -3e2, true, null, {}, []]\n}\n');
    expectSame('[\n{"a": 1},\n{"b": "\\u00e9\\n"}\n]');
  });

  it('CRLF line endings', () => {
    expectSame('a: 1\r\nb:\r\n  c: "x"\r\n  d:\r\n  - e\r\n  - f: |\r\n      g\r\n      h\r\n---\r\nj: {k: l}\r\n');
  });

  it('same-line comments and comments between items', () => {
    expectSame('a: 1 # one\nb: # the map\n  # before c\n  c: 2\n  # before d\n  d: [1] # flow\n# between\ne: x\n');
    expectSame('list:\n# before the first item\n- a # a\n  # more indented\n- b\n');
  });

  it('quoted scalars over several lines', () => {
    expectSame('a:\n  b: "one\n    two\n\n    three \\\n    four"\n  c: \'x\n    \'\'y\'\'\'\n');
    // An escaped line break still needs the next line indented (found by the fuzzer).
    const text = 'a:\n  b: "al\\\n# note\n    pha"\n';
    expect(fastParse(text)).toBeNull();
    expectNotDifferent(text);
  });

  it('comments where collections end: positions come from yaml, exactly', () => {
    // yaml folds these comments into the ranges of the enclosing collections.
    expectSame('spec:\n  rules:\n  - a: 1\n    # trailing, indented like the map\nmetadata: {}\n');
    expectSame('a:\n  b: 1\n    # more indented than b\nc: 2\n');
    expectSame('a:\n  b: # comment after an empty value\nc: 1\n');
    expectSame('a:\n  b: 1\n# end of file\n');
  });

  it('anchors, aliases, tags and merge keys are left to yaml', () => {
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'base: &b {x: 1}\nc:\n  <<: *b\n', '%YAML 1.2\n---\na: 1\n', 'a: 1\n...\n']) {
      expect(fastParse(text)).toBeNull();
      expectNotDifferent(text);
    }
    // Positions of a file with aliases still come out right (through yaml).
    const text = 'a: &x [1, 2]\nb: *x\nc:\n  d: 1\n';
    const doc = parseSource(new SourceFile('f.yaml', text)).docs[0]!;
    expect(doc.locate(['c', 'd'])).toEqual({ start: { line: 4, column: 6 }, end: { line: 4, column: 7 } });
    expect(doc.data).toEqual({ a: [1, 2], b: [1, 2], c: { d: 1 } });
  });

  it('duplicate keys and syntax errors are left to yaml, which reports them', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [1, 2\n', 'a:\n  b: 1\n c: 2\n', 'a: b: c\n', 'key: - x\n', 'a: "unterminated\n', '- a\nb: 1\n']) {
      expect(fastParse(text), text).toBeNull();
      const parsed = parseSource(new SourceFile('f.yaml', text));
      expect(parsed.problems.length, text).toBeGreaterThan(0);
    }
  });
});

// Line soup: random lines of the shapes manifests are made of, at random indentation. Most are not
// valid YAML; the fast path must bail on those, and agree with yaml on the rest.
const keys = ['a', 'b', 'name', 'a b', '"q"', "'s'", '"a:b"', '8080', '0', '-k', 'true', 'x.y/z', 'k ', '"dup"', ':k', '?k'];
const scalars = [
  'v', 'value with spaces', '1', '-1', '1.5', '0x1F', '0o7', '.inf', '~', 'null', 'True', 'yes', '"dq"', "'sq'", '"e\\"s\\u00e9"', "'it''s'",
  'a#b', 'a #comment', 'http://x:80/p', 'a: b', '- x', ':authority', '?q', '-', '[1, 2]', '[a, {b: c}]', '{}', '[]', '{a: 1, b: [x]}', '[a,]', '{a}', '&anc v', '*ali', '!tag v',
  '|', '|-', '>', '>-', '|+', '|2', '"unterminated', '@x', '`x', '%x', '? x', ': x', 'x:y', '100m', '"a" b', '-', '#', '',
];
const lineArb = fc.oneof(
  fc.tuple(fc.nat(6), fc.constantFrom(...keys), fc.constantFrom(...scalars), fc.constantFrom('', ' ', ' # c', '  #c')).map(([i, k, v, tail]) => `${' '.repeat(i)}${k}:${v ? ` ${v}` : ''}${tail}`),
  fc.tuple(fc.nat(6), fc.constantFrom(...scalars)).map(([i, v]) => `${' '.repeat(i)}-${v ? ` ${v}` : ''}`),
  fc.tuple(fc.nat(6), fc.constantFrom(...keys), fc.constantFrom(...scalars)).map(([i, k, v]) => `${' '.repeat(i)}- ${k}: ${v}`),
  fc.tuple(fc.nat(8), fc.constantFrom('text', 'more text', '# hash', '', '  x', '{key,value} text', '`code`', '& more', '- dash', ':colon', '?q', "'quoted'", '"dq" x', '*star', '[x]', 'tab\tinside', '\ttab first')).map(
    ([i, t]) => `${' '.repeat(i)}${t}`,
  ),
  fc.nat(6).map((i) => `${' '.repeat(i)}# comment`),
  fc.constantFrom('---', '--- # doc', '', '   ', '{', '}', '"k": [1,', '  2]', '"j": {"x": 1}'),
  // Tabs: fine in comments, not as indentation or separation.
  fc.constantFrom('# a\ttab', '  # b\t', '\t# tab-indented', 'k:\tv', 'k: v\t', '\tk: v', 'k: "a\tb"', 'k: v #\t', '- \tx', '---\t'),
);
const soupArb = fc.tuple(fc.array(lineArb, { minLength: 1, maxLength: 14 }), fc.boolean(), fc.boolean()).map(([lines, crlf, finalNl]) => {
  const text = lines.join('\n') + (finalNl ? '\n' : '');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

// Well-formed documents: random values written in random (valid) styles, with comments and blank
// lines in random places, so that the fast path answers often and positions get exercised.
type Val = null | boolean | number | string | Val[] | { [k: string]: Val };
const plainWord = fc.constantFrom('a', 'cart', 'x-y', 'v1.2', 'ns/sa', 'GET', '/api/*', '100m', '8080', '1.5', 'true', 'null', '~', '0x10', 'é', 'a b');
const valArb: fc.Arbitrary<Val> = fc.letrec((tie) => ({
  val: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('map'), tie('seq')),
  leaf: fc.oneof(plainWord, fc.constantFrom('line1\nline2\n', 'para\n\nnext', 'with "quotes"', "it's", 'tab\there', ''), fc.integer(), fc.boolean(), fc.constant(null)),
  map: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'name', 'spec', 'rules', '9090', 'a b', 'x.y/z'), tie('val'), { maxKeys: 4 }),
  seq: fc.array(tie('val'), { maxLength: 3 }),
})).val as fc.Arbitrary<Val>;

interface Style {
  rnd: () => number;
}

function scalarText(v: Val, s: Style): string {
  if (v === null) return s.rnd() < 0.5 ? 'null' : '~';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  const str = v as string;
  const r = s.rnd();
  if (r < 0.4 && /^[a-z/][a-z0-9./*-]*$/i.test(str)) return str;
  if (r < 0.7) return JSON.stringify(str);
  if (!str.includes('\n')) return `'${str.replace(/'/g, "''")}'`;
  return JSON.stringify(str);
}

function flowText(v: Val, s: Style): string {
  if (Array.isArray(v)) return `[${v.map((x) => flowText(x, s)).join(', ')}]`;
  if (v !== null && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${keyText(k, s)}: ${flowText(x, s)}`).join(', ')}}`;
  return typeof v === 'string' ? JSON.stringify(v) : scalarText(v, s);
}

function keyText(k: string, s: Style): string {
  return /^[a-z][a-z0-9./-]*$/i.test(k) && s.rnd() < 0.7 ? k : JSON.stringify(k);
}

function comment(s: Style, indent: number): string {
  const r = s.rnd();
  if (r < 0.08) return `\n${' '.repeat(Math.floor(s.rnd() * (indent + 4)))}# note`;
  if (r < 0.12) return '\n';
  return '';
}

function blockText(v: Val, indent: number, s: Style): string {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v) && v.length > 0) {
    return v
      .map((x) => {
        if (x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0 && s.rnd() < 0.7) {
          const inner = blockText(x, indent + 2, s).slice(indent + 2);
          return `${pad}- ${inner}`;
        }
        return `${pad}-${valueAfterIndicator(x, indent, s)}`;
      })
      .join('\n');
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0) {
    return Object.entries(v)
      .map(([k, x]) => `${pad}${keyText(k, s)}:${valueAfterIndicator(x, indent, s)}${comment(s, indent)}`)
      .join('\n');
  }
  return pad + flowText(v, s);
}

function valueAfterIndicator(x: Val, indent: number, s: Style): string {
  const r = s.rnd();
  const tail = r < 0.15 ? ' # same line' : '';
  if (Array.isArray(x) && x.length > 0 && r < 0.75) {
    const seqIndent = s.rnd() < 0.5 ? indent : indent + 2;
    return `${tail}\n${blockText(x, seqIndent, s)}`;
  }
  if (x !== null && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0 && r < 0.75) {
    return `${tail}\n${blockText(x, indent + 2 + Math.floor(s.rnd() * 2), s)}`;
  }
  if (typeof x === 'string' && x.includes('\n') && s.rnd() < 0.7) {
    const header = ['|', '|-', '>', '>-'][Math.floor(s.rnd() * 4)]!;
    const body = x.replace(/\n+$/, '').split('\n').map((l) => (l ? `${' '.repeat(indent + 2)}${l}` : '')).join('\n');
    return ` ${header}\n${body}`;
  }
  if (x === null && s.rnd() < 0.3) return tail;
  return ` ${typeof x === 'object' && x !== null ? flowText(x, s) : scalarText(x, s)}${tail}`;
}


// Documents are maps or sequences, as manifests are (a lone scalar document is left to yaml).
const rootArb = fc.oneof(fc.dictionary(fc.constantFrom('apiVersion', 'kind', 'metadata', 'spec', 'a b', '8080'), valArb, { minKeys: 1, maxKeys: 4 }), fc.array(valArb, { minLength: 1, maxLength: 3 }));
const docArb = fc.tuple(fc.array(rootArb, { minLength: 1, maxLength: 3 }), fc.integer(), fc.boolean(), fc.boolean()).map(([vals, seed, crlf, lead]) => {
  let x = seed >>> 0 || 1;
  const rnd = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  const s: Style = { rnd };
  const text = vals.map((v, i) => `${i > 0 || lead ? '---\n' : ''}${blockText(v, 0, s)}\n`).join('');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
});

// What yaml.stringify writes, in its various styles: long strings folded over lines (plain,
// double- and single-quoted), block scalars, indented or indentless sequences.
const words = fc.constantFrom('alpha', 'beta:', 'gamma', '#x', 'd"q', "s'q", 'http://e.com/p', '10', 'true', 'é', '  ', '-', 'x: y', 'z');
const longString = fc.array(words, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(' '));
const stringifyValArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('map'), tie('list')),
  leaf: fc.oneof(longString, longString.map((x) => `${x}\n${x}`), fc.integer(), fc.constant(null), fc.boolean()),
  map: fc.dictionary(fc.constantFrom('a', 'desc', 'name', 'x y', '80'), tie('v'), { minKeys: 1, maxKeys: 4 }),
  list: fc.array(tie('v'), { minLength: 1, maxLength: 3 }),
})).v;
const stringifyArb = fc
  .tuple(
    fc.dictionary(fc.constantFrom('metadata', 'spec', 'data'), stringifyValArb, { minKeys: 1, maxKeys: 3 }),
    fc.record({
      lineWidth: fc.constantFrom(0, 16, 24, 40, 80),
      minContentWidth: fc.constantFrom(0, 10, 20),
      indent: fc.constantFrom(2, 3, 4),
      indentSeq: fc.boolean(),
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_FOLDED', 'BLOCK_LITERAL'),
      defaultKeyType: fc.constantFrom(null, 'PLAIN', 'QUOTE_DOUBLE'),
      doubleQuotedAsJSON: fc.boolean(),
    }),
    fc.boolean(),
  )
  .map(([value, options, crlf]) => {
    const text = stringify(value, options as ToStringOptions);
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

// Comments sprinkled over valid documents: full-line comments at any indentation between any two
// lines (where yaml folds them into the ranges of values and collections that end there), and
// same-line comments after values.
const sprinkledArb = fc
  .tuple(fc.oneof(docArb, stringifyArb), fc.array(fc.tuple(fc.nat(400), fc.nat(10), fc.boolean()), { maxLength: 6 }))
  .map(([text, inserts]) => {
    const lines = text.split('\n');
    for (const [at, col, sameLine] of inserts) {
      const i = at % lines.length;
      if (sameLine) {
        // After a value only: not inside block scalars or quoted scalars spanning lines (the
        // differential check would still hold, but the input would mostly stop being valid).
        if (/^\s*(-\s+)?[\w".' -]+:\s+[\w.-]+\s*$/.test(lines[i]!)) lines[i] = `${lines[i]} # same line`;
      } else {
        lines.splice(i, 0, `${' '.repeat(col)}# note\t${col}`);
      }
    }
    return lines.join('\n');
  });

// FAST_FUZZ_RUNS=100000 npx vitest run test/positions-fast.test.ts for a longer search.
const extra = Number(process.env.FAST_FUZZ_RUNS ?? 0);

describe('fast path against yaml on generated input', () => {
  it('line soup: bails or agrees', () => {
    fc.assert(fc.property(soupArb, (text) => compare(text).kind !== 'differs'), { numRuns: 4000, seed: 1 });
  });

  it('line soup, extra runs with a fresh seed each time', () => {
    fc.assert(fc.property(soupArb, (text) => compare(text).kind !== 'differs'), { numRuns: 1000 + extra });
  }, 30_000 + extra * 20);

  it('generated documents: agrees, and answers for most of them', () => {
    let same = 0;
    let total = 0;
    fc.assert(
      fc.property(docArb, (text) => {
        const r = compare(text);
        total++;
        if (r.kind === 'same') same++;
        if (r.kind === 'differs') throw new Error(`${r.why}\n--- input ---\n${text}`);
      }),
      { numRuns: 1500, seed: 7 },
    );
    expect(same / total).toBeGreaterThan(0.9);
  });

  it('yaml.stringify output in every style: agrees, and answers for most of it', () => {
    let same = 0;
    let total = 0;
    fc.assert(
      fc.property(stringifyArb, (text) => {
        const r = compare(text);
        total++;
        if (r.kind === 'same') same++;
        if (r.kind === 'differs') throw new Error(`${r.why}\n--- input ---\n${text}`);
      }),
      { numRuns: 1500 + extra, seed: 11 },
    );
    expect(same / total).toBeGreaterThan(0.8);
  }, 30_000 + extra * 20);

  it('comments in every place: agrees', () => {
    let same = 0;
    let total = 0;
    fc.assert(
      fc.property(sprinkledArb, (text) => {
        const r = compare(text);
        total++;
        if (r.kind === 'same') same++;
        if (r.kind === 'differs') throw new Error(`${r.why}\n--- input ---\n${text}`);
      }),
      { numRuns: 1500 + extra, seed: 5 },
    );
    expect(same / total).toBeGreaterThan(0.5);
  }, 30_000 + extra * 20);

  it('generated documents, extra runs with a fresh seed each time', () => {
    fc.assert(fc.property(docArb, (text) => compare(text).kind !== 'differs'), { numRuns: 300 + extra });
  }, 30_000 + extra * 20);

  it('every fixture file and a generated mesh: agrees, no bail', () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d)) {
        const p = join(d, e);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ya?ml|json)$/.test(e)) files.push(p);
      }
    };
    walk(join(import.meta.dirname, '..', 'fixtures'));
    const dir = mkdtempSync(join(tmpdir(), 'meshlint-mesh-'));
    try {
      generateMesh(20, dir, { seed: 3 });
      walk(dir);
      let bails = 0;
      for (const f of files) {
        const r = compare(readFileSync(f, 'utf8'));
        if (r.kind === 'differs') expect.fail(`${f}: ${r.why}`);
        if (r.kind === 'bail') bails++;
      }
      expect(bails).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
