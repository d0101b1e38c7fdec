import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../src/cli/run.js';
import type { Rule } from '../../src/engine/rule.js';
import { RULES } from '../../src/generated/rules.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process with a captured Io; `env` replaces the environment entirely. */
export async function cli(
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; stdin?: string; isTTY?: boolean; errIsTTY?: boolean; rules?: readonly Rule[] },
): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await run(args, {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => opts.stdin ?? '',
    env: opts.env ?? {},
    isTTY: opts.isTTY ?? false,
    errIsTTY: opts.errIsTTY ?? false,
    cwd: opts.cwd,
  }, opts.rules ?? RULES);
  return { code, out, err };
}

/** A fresh temporary folder holding `files` (relative path → text). */
export function tempTree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'meshlint-'));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(dir, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return dir;
}

/** An ambient namespace, a workload and a policy ztunnel cannot enforce (one finding at policy.yaml:18:9). */
export const AMBIENT_SHOP: Record<string, string> = {
  'namespace.yaml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    istio.io/dataplane-mode: ambient\n',
  'workloads.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: cart',
    '  namespace: shop',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: cart',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: cart',
    '    spec:',
    '      containers:',
    '      - name: cart',
    '        image: example/cart:1.0',
    '---',
    '# The caller the policy admits (so that principal-never-matches has nothing to say).',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: frontend',
    '  namespace: shop',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: frontend',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: frontend',
    '    spec:',
    '      serviceAccountName: frontend',
    '      containers:',
    '      - name: frontend',
    '        image: example/frontend:1.0',
    '',
  ].join('\n'),
  'policy.yaml': [
    '# Meant: only the frontend may GET the cart. ztunnel cannot see methods.',
    'apiVersion: security.istio.io/v1',
    'kind: AuthorizationPolicy',
    'metadata:',
    '  name: cart-get-only',
    '  namespace: shop',
    'spec:',
    '  selector:',
    '    matchLabels:',
    '      app: cart',
    '  action: ALLOW',
    '  rules:',
    '  - from:',
    '    - source:',
    '        principals: ["cluster.local/ns/shop/sa/frontend"]',
    '    to:',
    '    - operation:',
    '        methods: ["GET"]',
    '',
  ].join('\n'),
};
