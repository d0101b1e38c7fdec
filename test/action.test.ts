import { chmodSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { splitPaths } from '../src/action/inputs.js';
import { github } from '../src/report/formatters/github.js';
import { AMBIENT_SHOP, tempTree } from './helpers/run-cli.js';
import { action, ROOT, runAction } from './helpers/run-action.js';

const inFolder = (folder: string, files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([k, v]) => [`${folder}/${k}`, v]));

describe('action.yml', () => {
  it('is a JavaScript action that runs the committed bundle, with the documented inputs and outputs', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/action.js' });
    expect(statSync(join(ROOT, 'dist', 'action.js')).isFile()).toBe(true);
    expect(Object.keys(action.inputs)).toEqual(['paths', 'format', 'severity-threshold', 'sarif-file', 'config', 'version', 'access-diff-base', 'access-diff-fail-on']);
    expect(action.inputs.paths!.default).toBe('.');
    expect(action.inputs.format!.default).toBe('github');
    expect(action.inputs['severity-threshold']!.default).toBe('error');
    expect(Object.keys(action.outputs)).toEqual(['sarif-file']);
    // Nothing is installed at run time: no step runs npm.
    expect(readFileSync(join(ROOT, 'action.yml'), 'utf8')).not.toMatch(/npm (ci|install)/);
  });

  it('annotates, writes the step summary and a SARIF file, sets the output, and fails on errors', () => {
    const dir = tempTree({ ...inFolder('deploy', AMBIENT_SHOP), 'other/ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    const r = runAction(dir, { paths: 'deploy\nother', 'sarif-file': 'reports/meshlint.sarif' });
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(r.out).toContain('::error file=deploy/policy.yaml,line=18,endLine=18,col=9,endColumn=16,title=meshlint ztunnel-l7-policy::');
    expect(r.summary).toContain('1 error and 0 warnings in 1 file.');
    expect(r.outputs).toBe('sarif-file=reports/meshlint.sarif\n');
    const log = JSON.parse(readFileSync(join(dir, 'reports/meshlint.sarif'), 'utf8')) as Sarif.Log;
    expect(log.runs[0]!.results![0]!.locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('deploy/policy.yaml');
  });

  it('passes with no findings and sets no output without sarif-file', () => {
    const dir = tempTree({ 'ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    const r = runAction(dir, {});
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).not.toContain('::error');
    expect(r.outputs).toBe('');
    expect(r.summary).toContain('No problems found.');
  });

  it('applies the severity threshold; an unknown threshold is a usage error', () => {
    const dir = tempTree({ ...AMBIENT_SHOP, '.meshlint.yaml': 'rules:\n  ztunnel-l7-policy: warn\n' });
    const warned = runAction(dir, {});
    expect(warned.code).toBe(0); // a warning, threshold error
    expect(warned.out).toContain('::warning file=policy.yaml,line=18');
    expect(runAction(dir, { 'severity-threshold': 'warning' }).code).toBe(1);
    const errors = tempTree(AMBIENT_SHOP);
    expect(runAction(errors, { 'severity-threshold': 'none' }).code).toBe(0);
    const bad = runAction(errors, { 'severity-threshold': 'loud' });
    expect(bad.code).toBe(2);
    expect(bad.out).toContain('::error title=meshlint::severity-threshold must be error, warning or none, not "loud"');
  });

  it('uses the config input', () => {
    const dir = tempTree({ ...AMBIENT_SHOP, 'ci/meshlint.yaml': 'rules:\n  ztunnel-l7-policy: "off"\n' });
    expect(runAction(dir, {}).code).toBe(1);
    const r = runAction(dir, { config: 'ci/meshlint.yaml' });
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).not.toContain('ztunnel-l7-policy');
  });

  it('fails on usage errors even with threshold none; nothing is globbed', () => {
    const dir = tempTree({ 'a/ns.yaml': AMBIENT_SHOP['namespace.yaml']! });
    const missing = runAction(dir, { paths: 'missing', 'severity-threshold': 'none' });
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no such file or folder: missing');
    expect(runAction(dir, { paths: '*' }).code).toBe(2);
  });

  it('lints paths with spaces, one per line, and space-separated paths on one line', () => {
    const dir = tempTree({ ...inFolder('team a/deploy', AMBIENT_SHOP), 'b/ns.yaml': AMBIENT_SHOP['namespace.yaml']!.replace('shop', 'b'), 'c/ns.yaml': AMBIENT_SHOP['namespace.yaml']!.replace('shop', 'c') });
    const spaced = runAction(dir, { paths: 'team a/deploy\nb c' });
    expect(spaced.code, spaced.err).toBe(1);
    expect(spaced.out).toContain('::error file=team a/deploy/policy.yaml,line=18,');
    const json = runAction(dir, { paths: ' team a/deploy ', format: 'json', 'severity-threshold': 'none' });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as Array<{ filePath: string }>).map((f) => f.filePath)).toEqual(['namespace.yaml', 'policy.yaml', 'workloads.yaml'].map((f) => join(dir, 'team a/deploy', f)));
    expect(runAction(dir, { paths: 'b  c', format: 'json' }).out.match(/"filePath"/g)).toHaveLength(2);
  });

  it('annotates paths relative to the repository root when started in a subfolder', () => {
    const dir = tempTree(inFolder('infra/mesh', AMBIENT_SHOP));
    const r = runAction(dir, { paths: 'mesh' }, { cwd: join(dir, 'infra') });
    expect(r.code).toBe(1);
    expect(r.out).toContain('::error file=infra/mesh/policy.yaml,line=18,');
    expect(r.summary).toContain('infra/mesh/policy.yaml:18:9');
  });
});

describe('the version input', () => {
  // A stand-in for npm on PATH: records its arguments, then "installs" this checkout's dist/ at the prefix.
  const bin = tempTree({
    npm: [
      '#!/bin/sh',
      'echo "$@" > "$RUNNER_TEMP/npm-args"',
      'if [ "$FAKE_NPM_FAIL" = 1 ]; then exit 1; fi',
      'mkdir -p "$3/node_modules/meshlint" && ln -s "$MESHLINT_DIST" "$3/node_modules/meshlint/dist"',
      '',
    ].join('\n'),
  });
  chmodSync(join(bin, 'npm'), 0o755);
  const env = { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, MESHLINT_DIST: join(ROOT, 'dist') };

  it('installs that meshlint from npm into RUNNER_TEMP and runs it', () => {
    const dir = tempTree(AMBIENT_SHOP);
    const r = runAction(dir, { version: '0.1.0' }, { env });
    expect(readFileSync(join(dir, 'npm-args'), 'utf8')).toBe(`install --prefix ${join(dir, 'meshlint-0.1.0')} --no-audit --no-fund --loglevel=error meshlint@0.1.0\n`);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('::error file=policy.yaml,line=18,');
  });

  it('fails with an annotation when npm cannot install it', () => {
    const r = runAction(tempTree(AMBIENT_SHOP), { version: '9.9.9' }, { env: { ...env, FAKE_NPM_FAIL: '1' } });
    expect(r.code).toBe(2);
    expect(r.out).toContain('::error title=meshlint::npm could not install meshlint@9.9.9');
  });
});

describe('the paths input', () => {
  const dir = tempTree({ 'my manifests/a.yaml': '', 'x.yaml': '' });
  it('is one path per line; a line that names no file is split on whitespace', () => {
    expect(splitPaths('', dir)).toEqual(['.']);
    expect(splitPaths('  \n', dir)).toEqual(['.']);
    expect(splitPaths('my manifests', dir)).toEqual(['my manifests']);
    expect(splitPaths('my manifests\nx.yaml', dir)).toEqual(['my manifests', 'x.yaml']);
    expect(splitPaths(' x.yaml   y \r\nmy manifests/a.yaml', dir)).toEqual(['x.yaml', 'y', 'my manifests/a.yaml']);
    expect(splitPaths('my  manifests', dir)).toEqual(['my', 'manifests']);
  });
});

describe('the github formatter under GitHub Actions', () => {
  const result = (filePath: string) => [{ filePath, messages: [{ ruleId: 'r', severity: 2 as const, message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 }], errorCount: 1, warningCount: 0 }];
  const ctx = (cwd: string) => ({ cwd, color: false, rules: [], version: '0' });

  it('names files relative to GITHUB_WORKSPACE, else to the working directory', () => {
    const saved = process.env.GITHUB_WORKSPACE;
    try {
      process.env.GITHUB_WORKSPACE = '/repo';
      expect(github(result('/repo/infra/a.yaml') as never, ctx('/repo/infra'))).toContain('::error file=infra/a.yaml,');
      expect(github(result('/elsewhere/a.yaml') as never, ctx('/elsewhere'))).toContain('::error file=a.yaml,');
      delete process.env.GITHUB_WORKSPACE;
      expect(github(result('/repo/infra/a.yaml') as never, ctx('/repo/infra'))).toContain('::error file=a.yaml,');
    } finally {
      if (saved === undefined) delete process.env.GITHUB_WORKSPACE;
      else process.env.GITHUB_WORKSPACE = saved;
    }
  });
});
