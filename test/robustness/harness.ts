// Shared by test/robustness*.test.ts: running the CLI, temporary folders beside valid.yaml, and
// the diagnostics expected for each input of this folder.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';

export const ROOT = join(import.meta.dirname, '..', '..');
export const INPUTS = import.meta.dirname;
export const CLI = join(ROOT, 'dist', 'cli.js');

export interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** `--format json` output, when the run printed JSON. */
  results: JsonResult[];
}

export interface CliOptions {
  cwd: string;
  input?: string | Buffer;
  /** Extra arguments for node itself (before the script), e.g. a heap limit. */
  nodeArgs?: string[];
  uid?: number;
  gid?: number;
  timeoutMs?: number;
  stdio?: SpawnSyncOptions['stdio'];
}

/** Run `node dist/cli.js -f json …` and parse what it prints. */
export function runCli(args: string[], opts: CliOptions): CliRun {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, '-f', 'json', ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    timeout: opts.timeoutMs ?? 30_000,
    maxBuffer: 256 * 1024 * 1024,
    uid: opts.uid,
    gid: opts.gid,
    stdio: opts.stdio,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  const ms = Date.now() - t0;
  let results: JsonResult[] = [];
  const stdout = r.stdout ?? '';
  if (stdout.trim().startsWith('[')) results = JSON.parse(stdout) as JsonResult[];
  return { code: r.status, signal: r.signal, stdout, stderr: r.stderr ?? '', ms, results };
}

/** The messages reported for a file (by absolute path). */
export function messagesOf(run: CliRun, file: string): JsonMessage[] {
  return run.results.find((r) => r.filePath === file)?.messages ?? [];
}

export const VALID = 'valid.yaml';
/** The finding of test/robustness/valid.yaml that must survive every bad neighbour. */
export const VALID_FINDING = { line: 65, column: 9, ruleId: 'ztunnel-l7-policy', match: /"cart-get-only".*"methods"/ };

export interface Expected {
  line: number;
  column?: number;
  ruleId: string;
  match: RegExp;
  severity?: 1 | 2;
}

const temps: string[] = [];

/** Remove the temporary folders made by tempWithValid (call from afterAll). */
export function removeTemps(): void {
  for (const t of temps.splice(0)) {
    chmodTree(t);
    rmSync(t, { recursive: true, force: true });
  }
}

/** Make everything under `dir` removable again after permission tests. */
function chmodTree(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory() && !e.isSymbolicLink()) chmodTree(join(dir, e.name));
    }
  } catch {
    // already gone
  }
}

/** A temporary folder holding valid.yaml, world-readable so that an unprivileged run can read it. */
export function tempWithValid(): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-robust-'));
  temps.push(dir);
  chmodSync(dir, 0o755);
  copyFileSync(join(INPUTS, VALID), join(dir, VALID));
  return dir;
}

/** What every run must satisfy, whatever the input: no crash, no stray output, nothing internal. */
export function expectSane(run: CliRun, codes: number[] = [1]): void {
  expect(run.signal, `killed (timeout?) after ${run.ms} ms\n${run.stderr}`).toBeNull();
  expect(codes, `exit code ${run.code}; stderr: ${run.stderr}`).toContain(run.code);
  expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+|Warning/);
  for (const r of run.results) for (const m of r.messages) expect(m.ruleId, m.message).not.toBe('internal-error');
}

export function expectValidFinding(run: CliRun, dir: string): void {
  const found = messagesOf(run, join(dir, VALID)).filter((m) => m.ruleId === VALID_FINDING.ruleId && m.line === VALID_FINDING.line);
  expect(found, 'the valid manifest is still linted').toHaveLength(1);
  expect(found[0]!.column).toBe(VALID_FINDING.column);
  expect(found[0]!.message).toMatch(VALID_FINDING.match);
}

export function expectMessages(actual: JsonMessage[], expected: Expected[]): void {
  expect(actual.map((m) => `${m.line}:${m.ruleId}`)).toEqual(expected.map((e) => `${e.line}:${e.ruleId}`));
  expected.forEach((e, i) => {
    const m = actual[i]!;
    expect(m.message).toMatch(e.match);
    if (e.column !== undefined) expect(m.column).toBe(e.column);
    if (e.severity !== undefined) expect(m.severity).toBe(e.severity);
  });
}

/** The ztunnel-l7-policy finding on the `paths` of the policies around a broken document. */
export const paths = (line: number, name: string): Expected => ({ line, column: 9, ruleId: 'ztunnel-l7-policy', match: new RegExp(`"${name}".*"paths"`) });

export const STATIC: Record<string, Expected[]> = {
  'syntax-unclosed-flow.yaml': [
    paths(15, 'unclosed-flow-before'),
    { line: 23, column: 9, ruleId: 'yaml-syntax', match: /^This "\[" is not closed where expected: a flow sequence must end with "\]"/ },
    paths(39, 'unclosed-flow-after'),
  ],
  'syntax-bad-indentation.yaml': [
    paths(15, 'bad-indentation-before'),
    { line: 18, ruleId: 'yaml-syntax', match: /mapping/i },
    paths(37, 'bad-indentation-after'),
  ],
  'syntax-tab-indentation.yaml': [
    paths(15, 'tab-indentation-before'),
    { line: 21, column: 1, ruleId: 'yaml-syntax', match: /^Tabs are not allowed as indentation/ },
    paths(37, 'tab-indentation-after'),
  ],
  'syntax-duplicate-key.yaml': [
    paths(15, 'duplicate-key-before'),
    { line: 22, column: 1, ruleId: 'yaml-syntax', match: /^Duplicate key "metadata" \(first on line 20\)/ },
    paths(39, 'duplicate-key-after'),
  ],
  'syntax-unknown-tag.yaml': [
    paths(15, 'unknown-tag-before'),
    // Reported, and linted as kubectl reads it (the tag dropped): its label is checked too.
    { line: 23, column: 14, ruleId: 'schema', match: /Secret default\/tagged: metadata\.labels\.version must be a string/ },
    { line: 25, column: 13, ruleId: 'yaml-syntax', match: /^Unknown tag "!vault": kubectl ignores it and applies the text after it as a plain string/ },
    paths(41, 'unknown-tag-after'),
  ],
  'alias-bomb.yaml': [
    paths(15, 'alias-bomb-before'),
    { line: 18, ruleId: 'yaml-syntax', match: /expanded more than 100 times \(an alias bomb/ },
    paths(47, 'alias-bomb-after'),
  ],
  'bom-leading.yaml': [paths(15, 'bom-leading')],
  'bom-mid-stream.yaml': [paths(14, 'bom-first'), paths(30, 'bom-second')],
  'latin1.yaml': [{ line: 4, column: 12, ruleId: 'unreadable-file', match: /^file is not valid UTF-8 \(byte 0xE9 on line 4/ }],
  'utf16.yaml': [{ line: 1, ruleId: 'unreadable-file', match: /^file is UTF-16 .*save it as UTF-8/ }],
  'binary.yaml': [{ line: 1, ruleId: 'unreadable-file', match: /^binary file/ }],
  'empty.yaml': [{ line: 1, ruleId: 'empty-file', match: /^This file is empty/, severity: 1 }],
  'comments-only.yaml': [{ line: 1, ruleId: 'empty-file', match: /^This file holds only comments/, severity: 1 }],
  'not-objects.yaml': [
    { line: 2, ruleId: 'schema', match: /^This document is a list, not a Kubernetes object; it is skipped/, severity: 1 },
    { line: 5, ruleId: 'schema', match: /^This document is a string value, not a Kubernetes object/, severity: 1 },
    { line: 7, ruleId: 'schema', match: /^This document is a map without apiVersion and kind/, severity: 1 },
    { line: 9, ruleId: 'schema', match: /^This document has apiVersion but no kind/, severity: 1 },
    { line: 13, column: 7, ruleId: 'schema', match: /^This document's kind is a list, not a string; it is skipped/, severity: 2 },
    paths(29, 'not-objects-after'),
  ],
  'unknown-kinds.yaml': [
    { line: 8, column: 7, ruleId: 'schema', match: /security\.istio\.io\/v1beta2 has no kind "AuthorisationPolicy" \(did you mean "AuthorizationPolicy"\?\)/ },
    { line: 14, column: 7, ruleId: 'schema', match: /security\.istio\.io\/v1 has no kind "AuthorizationPolicies"/ },
  ],
  'wrong-types.yaml': [
    { line: 8, ruleId: 'schema', match: /rules-seven: spec\.selector must be an object/ },
    { line: 9, ruleId: 'schema', match: /rules-seven: spec\.rules must be an array/ },
    { line: 18, ruleId: 'schema', match: /spec\.selector\.matchLabels must be an object/ },
    { line: 23, ruleId: 'schema', match: /spec\.rules\[0\]\.to\[0\]\.operation\.paths must be an array/ },
    { line: 24, ruleId: 'schema', match: /operation\.methods must be an array/ },
    { line: 25, ruleId: 'schema', match: /spec\.rules\[0\]\.when\[0\]\.key must be a string/ },
    { line: 26, ruleId: 'schema', match: /spec\.rules\[1\] must be an object/ },
    { line: 27, ruleId: 'schema', match: /spec\.rules\[2\]\.to must be an array/ },
    { line: 28, column: 12, ruleId: 'schema', match: /from\[0\] must be an object/ },
    { line: 28, column: 18, ruleId: 'schema', match: /from\[1\] must be an object/ },
    { line: 28, column: 30, ruleId: 'schema', match: /from\[2\]\.source must be an object/ },
    { line: 28, column: 56, ruleId: 'schema', match: /from\[3\]\.source\.principals must be an array/ },
    { line: 29, ruleId: 'schema', match: /spec\.rules\[3\]\.to\[0\] must be an object/ },
    { line: 33, ruleId: 'schema', match: /AuthorizationPolicy without a name: metadata must be an object/ },
    { line: 34, ruleId: 'schema', match: /AuthorizationPolicy without a name: spec must be an object/ },
    { line: 41, ruleId: 'schema', match: /Deployment shop\/wrong-deployment: metadata\.labels must be an object/ },
    { line: 43, ruleId: 'schema', match: /wrong-deployment: spec\.selector must be an object/ },
    { line: 47, ruleId: 'schema', match: /spec\.template\.metadata\.labels\.app must be a string \(write "true" in quotes\)/ },
    { line: 49, ruleId: 'schema', match: /spec\.template\.spec\.serviceAccountName must be a string/ },
    { line: 50, ruleId: 'schema', match: /spec\.template\.spec\.containers must be an array/ },
    { line: 58, ruleId: 'schema', match: /Service shop\/wrong-service: spec\.selector must be an object/ },
    { line: 59, ruleId: 'schema', match: /wrong-service: spec\.ports\[0\] must be an object/ },
    { line: 64, ruleId: 'schema', match: /Namespace without a name: metadata\.name must be a string/ },
    { line: 65, ruleId: 'schema', match: /Namespace without a name: metadata\.labels must be an object/ },
  ],
};

/** Write a generated input next to valid.yaml, lint the folder, return the run. */
export function lintGenerated(files: Record<string, string | Buffer>, args: string[] = ['.'], nodeArgs?: string[]): { dir: string; run: CliRun } {
  const dir = tempWithValid();
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return { dir, run: runCli(args, { cwd: dir, nodeArgs }) };
}

export const nested = {
  seq: (n: number) => `${'['.repeat(n)}${']'.repeat(n)}\n`,
  map: (n: number) => `${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`,
  dash: (n: number) => `${'- '.repeat(n)}1\n`,
  block: (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += `${' '.repeat(i)}a:\n`;
    return `${s}${' '.repeat(n)}1\n`;
  },
};

