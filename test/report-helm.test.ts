import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { helmSegments, SourceMapper } from '../src/load/helm.js';
import { AMBIENT_SHOP, cli, tempTree } from './helpers/run-cli.js';

/** The chart's templates in the repository, so that findings can be reported against them. */
const CHART = {
  'shop/templates/namespace.yaml': AMBIENT_SHOP['namespace.yaml']!,
  'shop/templates/workloads.yaml': AMBIENT_SHOP['workloads.yaml']!,
  'shop/templates/policy.yaml': AMBIENT_SHOP['policy.yaml']!,
};

/** What `helm template shop ./shop` prints: each manifest after `---` and its `# Source:` line. */
function rendered(): string {
  return [
    `---\n# Source: shop/templates/namespace.yaml\n${AMBIENT_SHOP['namespace.yaml']}`,
    `---\n# Source: shop/templates/workloads.yaml\n${AMBIENT_SHOP['workloads.yaml']}`,
    `---\n# Source: shop/templates/policy.yaml\n${AMBIENT_SHOP['policy.yaml']}`,
  ].join('');
}

describe('helmSegments', () => {
  it('finds each rendered document and its template', () => {
    const segs = helmSegments(rendered());
    expect(segs.map((s) => s.path)).toEqual(['shop/templates/namespace.yaml', 'shop/templates/workloads.yaml', 'shop/templates/policy.yaml']);
    expect(segs[0]).toEqual({ startLine: 3, endLine: 8, path: 'shop/templates/namespace.yaml' });
    // The next document starts after the `---` that closes this one.
    expect(segs[1]!.startLine).toBe(segs[0]!.endLine + 3);
  });

  it('ignores a # Source: comment after content, and ends a segment at the next document', () => {
    const text = ['apiVersion: v1', '# Source: not/a/header.yaml', 'kind: Namespace', '---', '# Source: a/templates/x.yaml', 'kind: A', '---', 'kind: B', '...', ''].join('\n');
    expect(helmSegments(text)).toEqual([{ startLine: 6, endLine: 6, path: 'a/templates/x.yaml' }]);
    expect(helmSegments('kind: A\n')).toEqual([]);
    expect(helmSegments('---\r\n# Source: c/templates/y.yaml\r\nkind: A\r\n')).toEqual([{ startLine: 3, endLine: 4, path: 'c/templates/y.yaml' }]);
  });

  it('maps positions into the template and leaves others alone', () => {
    const m = new SourceMapper([{ path: '<stdin>', text: rendered() }], '/elsewhere', '/work');
    expect(m.map('<stdin>', { line: 4, column: 3 }, { line: 4, column: 8 })).toEqual({ file: '/work/shop/templates/namespace.yaml', start: { line: 2, column: 3 }, end: { line: 2, column: 8 } });
    expect(m.map('<stdin>', { line: 1, column: 1 }, { line: 1, column: 4 }).file).toBe('<stdin>');
    expect(m.map('/other.yaml', { line: 4, column: 3 }, { line: 4, column: 8 }).file).toBe('/other.yaml');
  });
});

describe('helm template | meshlint -', () => {
  it('reports against the template path, at the line inside the rendered document', async () => {
    const dir = tempTree(CHART);
    const r = await cli(['-f', 'json', '-'], { cwd: dir, stdin: rendered() });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ line: number; column: number; endLine: number; endColumn: number; ruleId: string }> }>;
    const hit = results.filter((f) => f.messages.length > 0);
    expect(hit).toHaveLength(1);
    expect(hit[0]!.filePath).toBe(join(dir, 'shop/templates/policy.yaml'));
    // Line 18 of the rendered policy, as in the plain policy file.
    expect(hit[0]!.messages[0]).toMatchObject({ ruleId: 'ztunnel-l7-policy', line: 18, column: 9, endLine: 18, endColumn: 16 });
    const stylish = await cli(['--no-color', '-'], { cwd: dir, stdin: rendered() });
    expect(stylish.out).toContain('shop/templates/policy.yaml');
    expect(stylish.out).toMatch(/18:9-18:16\s+error/);
    const sarif = JSON.parse((await cli(['-f', 'sarif', '-'], { cwd: dir, stdin: rendered() })).out) as Sarif.Log;
    expect(sarif.runs[0]!.results![0]!.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'shop/templates/policy.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 9, endLine: 18, endColumn: 16 },
    });
  });

  it('works the same for a rendered file on disk, and comment directives still apply', async () => {
    const text = rendered().replace('        methods: ["GET"]', '        methods: ["GET"] # meshlint-disable-line ztunnel-l7-policy');
    const dir = tempTree({ ...CHART, 'out/all.yaml': rendered(), 'quiet/all.yaml': text });
    const r = await cli(['-f', 'github', 'out'], { cwd: dir });
    expect(r.out).toContain('::error file=shop/templates/policy.yaml,line=18,endLine=18,col=9,endColumn=16,');
    const q = await cli(['quiet'], { cwd: dir });
    expect(q.code).toBe(0);
  });

  it('leaves kustomize-style streams (no # Source:) on the input lines', async () => {
    const stream = Object.values(AMBIENT_SHOP).map((t) => `---\n${t}`).join('');
    const dir = tempTree({});
    const r = await cli(['-f', 'json', '-'], { cwd: dir, stdin: stream });
    const hit = (JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ line: number }> }>).filter((f) => f.messages.length);
    expect(hit.map((f) => f.filePath)).toEqual(['<stdin>']);
    // namespace.yaml (7 lines with its ---), workloads.yaml (38), then line 18 of policy.yaml.
    expect(hit[0]!.messages[0]!.line).toBe(7 + 38 + 18 + 1);
  });
});

describe('configuration of rendered streams', () => {
  it('matches overrides against the template path', async () => {
    const dir = tempTree({ ...CHART, '.meshlint.yaml': 'overrides:\n  - files: ["shop/templates/policy.yaml"]\n    rules: { ztunnel-l7-policy: warn }\n' });
    const r = await cli(['-f', 'json', '-'], { cwd: dir, stdin: rendered() });
    expect(r.code).toBe(0);
    const hit = (JSON.parse(r.out) as Array<{ messages: Array<{ severity: number }> }>).flatMap((f) => f.messages);
    expect(hit.map((m) => m.severity)).toEqual([1]);
  });
});

describe('rendered files whose templates are not there', () => {
  it('a committed rendered file: the finding stays on it, and names its template', async () => {
    const dir = tempTree({ 'rendered/all.yaml': rendered() });
    const r = await cli(['-f', 'json', 'rendered'], { cwd: dir });
    const hit = (JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ line: number; related?: Array<{ message: string; file: string; line: number }> }> }>).filter((f) => f.messages.length);
    expect(hit.map((f) => f.filePath)).toEqual([join(dir, 'rendered/all.yaml')]);
    const lines = rendered().split('\n');
    const policyHeader = lines.indexOf('# Source: shop/templates/policy.yaml') + 1;
    expect(hit[0]!.messages[0]!.line).toBe(policyHeader + 18);
    expect(hit[0]!.messages[0]!.related![0]).toMatchObject({ file: join(dir, 'rendered/all.yaml'), line: policyHeader });
    expect(hit[0]!.messages[0]!.related![0]!.message).toContain('rendered from template shop/templates/policy.yaml');
  });

  it('--helm-chart-root says where the templates are', async () => {
    const dir = tempTree({ 'charts/shop/templates/policy.yaml': AMBIENT_SHOP['policy.yaml']!, 'rendered/all.yaml': rendered() });
    const r = await cli(['-f', 'json', '--helm-chart-root', 'charts', 'rendered'], { cwd: dir });
    const hit = (JSON.parse(r.out) as Array<{ filePath: string; messages: Array<{ line: number }> }>).filter((f) => f.messages.length);
    expect(hit.map((f) => f.filePath)).toEqual([join(dir, 'charts/shop/templates/policy.yaml')]);
    expect(hit[0]!.messages[0]!.line).toBe(18);
  });

  it('a template that renders several documents: the second starts below the first', () => {
    const text = ['---', '# Source: c/templates/two.yaml', 'kind: A', 'x: 1', '---', '# Source: c/templates/two.yaml', 'kind: B', 'y: 2', ''].join('\n');
    const m = new SourceMapper([{ path: 'r.yaml', text }], '/elsewhere', '/charts');
    // The second document's `y: 2` is line 8 of the input; in the template, after "kind: A", "x: 1" and "---".
    expect(m.map('r.yaml', { line: 8, column: 1 }, { line: 8, column: 5 })).toEqual({ file: '/charts/c/templates/two.yaml', start: { line: 5, column: 1 }, end: { line: 5, column: 5 } });
    expect(m.map('r.yaml', { line: 3, column: 1 }, { line: 3, column: 2 }).start.line).toBe(1);
  });
});
