import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runAction } from './helpers/run-action.js';

const DATA = join(ROOT, 'test', 'data', 'diff-access');

describe('action.yml: the access diff', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'meshlint-action-diff-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const repo = join(tmp, 'repo');
  cpSync(join(DATA, 'base'), join(repo, 'mesh'), { recursive: true });
  const git = (...args: string[]) => expect(spawnSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', ...args], { cwd: repo }).status).toBe(0);

  // The base commit holds DATA/base; the working tree, DATA/head.
  beforeAll(() => {
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'base');
    cpSync(join(DATA, 'head'), join(repo, 'mesh'), { recursive: true });
  });

  it('writes the markdown diff to the log and the step summary; access-diff-fail-on fails the action', () => {
    const r = runAction(repo, { paths: 'mesh', 'access-diff-base': 'HEAD', 'severity-threshold': 'none' });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('## Access changes');
    expect(r.summary).toContain('| 🟢 opens | `shop/deployment/frontend` | `payments/service/payments:8080` |');
    expect(runAction(repo, { paths: 'mesh', 'access-diff-base': 'HEAD', 'severity-threshold': 'none', 'access-diff-fail-on': 'opens' }).code).toBe(1);
  });

  it('runs only when access-diff-base is given, and after a failed lint too', () => {
    const without = runAction(repo, { paths: 'mesh', 'severity-threshold': 'none' });
    expect(without.out).not.toContain('## Access changes');
    const lintFails = runAction(repo, { paths: 'mesh', 'severity-threshold': 'loud', 'access-diff-base': 'HEAD' });
    expect(lintFails.code).toBe(2);
    expect(lintFails.out).toContain('## Access changes');
  });
});
