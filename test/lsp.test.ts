import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodeActionRequest, DidChangeConfigurationNotification, HoverRequest, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { assertBuilt, CLI } from './helpers/cli.js';
import { LspClient } from './helpers/lsp-client.js';

// End-to-end: the built server (`meshlint lsp`) over stdio, driven by a JSON-RPC client as an editor
// drives it. A policy in one file names an identity whose workload is in another file, so an edit
// of the workloads file changes the findings of the policy file.

const WORKLOADS = `apiVersion: v1
kind: Namespace
metadata:
  name: web
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: frontend
  namespace: web
spec:
  template:
    metadata:
      labels:
        app: frontend
    spec:
      serviceAccountName: frontnd
      containers:
      - name: app
        image: x
---
apiVersion: v1
kind: Namespace
metadata:
  name: shop
  labels:
    istio-injection: enabled
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
  namespace: shop
spec:
  template:
    metadata:
      labels:
        app: cart
    spec:
      serviceAccountName: cart
      containers:
      - name: app
        image: x
`;

const POLICY = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: cart-from-frontend
  namespace: shop
spec:
  selector:
    matchLabels:
      app: cart
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/web/sa/frontend
        - spiffe://cluster.local/ns/web/sa/frontend
`;

const EXTRA_POLICY = `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: frontend-from-ops
  namespace: web
spec:
  rules:
  - from:
    - source:
        principals: ["spiffe://cluster.local/ns/ops/sa/admin"]
`;

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length - 1;
}

function codes(ds: Diagnostic[] | undefined): string[] {
  return (ds ?? []).map((d) => `${d.range.start.line + 1}:${d.code}`).sort();
}

describe('meshlint lsp (end to end over stdio)', () => {
  let dir: string;
  let client: LspClient;
  let workloadsUri: string;
  let policyUri: string;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'meshlint-lsp-'));
    writeFileSync(join(dir, 'workloads.yaml'), WORKLOADS);
    writeFileSync(join(dir, 'policy.yaml'), POLICY);
    workloadsUri = `file://${join(dir, 'workloads.yaml')}`;
    policyUri = `file://${join(dir, 'policy.yaml')}`;
    client = await LspClient.start([CLI, 'lsp', '--stdio'], dir, { debounce: 20 });
  });

  afterAll(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes the whole workspace\'s findings with code, docs link, severity and related places', async () => {
    await client.open(workloadsUri, WORKLOADS);
    await client.open(policyUri, POLICY);
    await client.until(() => client.diagnostics(policyUri) !== undefined);
    const ds = client.diagnostics(policyUri)!;
    expect(codes(ds)).toEqual([`${lineOf(POLICY, 'cluster.local/ns/web/sa/frontend') + 1}:principal-never-matches`, `${lineOf(POLICY, 'spiffe://') + 1}:principal-never-matches`]);
    const typo = ds.find((d) => d.range.start.line === lineOf(POLICY, 'cluster.local/ns/web/sa/frontend'))!;
    expect(typo.source).toBe('meshlint');
    expect(typo.severity).toBe(2); // warning: the rule's default
    expect(typo.codeDescription?.href).toBe('https://github.com/meshlint/meshlint/blob/main/rules/principal-never-matches/README.md');
    expect(typo.message).toContain('runs as "cluster.local/ns/web/sa/frontnd"');
    // The related place is the service account, in the other file.
    expect(typo.relatedInformation).toEqual([
      { location: { uri: workloadsUri, range: { start: { line: lineOf(WORKLOADS, 'serviceAccountName: frontnd'), character: 6 }, end: { line: lineOf(WORKLOADS, 'serviceAccountName: frontnd'), character: 6 } } }, message: 'service account of Deployment web/frontend' },
    ]);
    expect(client.diagnostics(workloadsUri) ?? []).toEqual([]);
  });

  it('an unsaved edit of one file updates the findings of both files', async () => {
    const before = client.published.length;
    const line = lineOf(WORKLOADS, 'serviceAccountName: frontnd');
    // Fix the account's name and add a policy to the same file: the policy file loses a finding, this file gets one.
    await client.edit(workloadsUri, { range: { start: { line, character: 26 }, end: { line, character: 33 } }, newText: 'frontend' });
    const end = TextDocument.create(workloadsUri, 'yaml', 0, client.text(workloadsUri)).positionAt(client.text(workloadsUri).length);
    await client.edit(workloadsUri, { range: { start: end, end }, newText: EXTRA_POLICY });
    await client.until(() => codes(client.diagnostics(policyUri)).length === 1 && (client.diagnostics(workloadsUri) ?? []).length === 1);
    const updates = client.published.slice(before).map((p) => p.uri);
    expect(new Set(updates)).toEqual(new Set([policyUri, workloadsUri]));
    expect(codes(client.diagnostics(policyUri))).toEqual([`${lineOf(POLICY, 'spiffe://') + 1}:principal-never-matches`]);
    expect(client.diagnostics(workloadsUri)![0]!.message).toContain('"spiffe://cluster.local/ns/ops/sa/admin" can never match');
    // The buffer, not the disk: the file is as it was.
    expect(readFileSync(join(dir, 'workloads.yaml'), 'utf8')).toBe(WORKLOADS);
  });

  async function actionsAt(uri: string, range: Range): Promise<CodeAction[]> {
    return (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [] } })) as CodeAction[];
  }

  it('offers the rule\'s safe fix (preferred) and directives; applying the fix clears the finding', async () => {
    const d = client.diagnostics(policyUri)![0]!;
    const actions = await actionsAt(policyUri, d.range);
    expect(actions.map((a) => a.title)).toEqual([
      'Fix: write cluster.local/ns/web/sa/frontend (principal-never-matches)',
      'Drop the "spiffe://" prefix',
      'Disable principal-never-matches for this line',
      'Disable principal-never-matches for this file',
    ]);
    expect(actions[0]!.isPreferred).toBe(true);
    const disableLine = actions[2]!.edit!.changes![policyUri]![0]!;
    expect(disableLine.newText).toBe('        # meshlint-disable-next-line principal-never-matches -- reason\n');
    expect(actions[3]!.edit!.changes![policyUri]![0]!.newText).toBe('# meshlint-disable-file principal-never-matches -- reason\n');
    const fix: TextEdit = actions[0]!.edit!.changes![policyUri]![0]!;
    await client.edit(policyUri, fix);
    expect(client.text(policyUri)).toBe(POLICY.replace('- spiffe://cluster.local', '- cluster.local'));
    await client.until(() => (client.diagnostics(policyUri) ?? [1]).length === 0);
  });

  it('a suggestion becomes a quick fix that edits the YAML around the finding', async () => {
    // Back to the typo: the finding suggests the identity the workload has.
    const line = lineOf(client.text(workloadsUri), 'serviceAccountName: frontend');
    await client.edit(workloadsUri, { range: { start: { line, character: 26 }, end: { line, character: 34 } }, newText: 'frontnd' });
    // Both entries name "frontend" now (the fix above made the second one the same).
    await client.until(() => (client.diagnostics(policyUri) ?? []).length === 2);
    const d = client.diagnostics(policyUri)![0]!;
    const actions = await actionsAt(policyUri, d.range);
    const use = actions.find((a) => a.title.startsWith('Name the identity Deployment web/frontend has'))!;
    expect(use).toBeDefined();
    const edits = use.edit!.changes![policyUri]!;
    expect(edits).toHaveLength(1);
    await client.edit(policyUri, edits[0]!);
    expect(client.text(policyUri)).toContain('principals:\n          - cluster.local/ns/web/sa/frontnd\n          - cluster.local/ns/web/sa/frontend\n');
    await client.until(() => (client.diagnostics(policyUri) ?? []).length === 1);
    expect(client.diagnostics(policyUri)![0]!.range.start.line).toBe(lineOf(client.text(policyUri), '- cluster.local/ns/web/sa/frontend'));
  });

  async function hoverText(uri: string, needle: string, delta = 2): Promise<string> {
    const text = client.text(uri);
    const doc = TextDocument.create(uri, 'yaml', 0, text);
    const h = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: doc.positionAt(text.indexOf(needle) + delta) })) as { contents: { value: string } } | null;
    return h?.contents.value ?? '';
  }

  it('hovers: who runs as a principal, what a selector selects, a rule id', async () => {
    expect(await hoverText(policyUri, 'cluster.local/ns/web/sa/frontnd')).toContain('Deployment `web/frontend` as `cluster.local/ns/web/sa/frontnd`');
    expect(await hoverText(policyUri, 'app: cart')).toContain('selects 1 workload:\n\n- Deployment `shop/cart`');
    await client.edit(policyUri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: '# meshlint-disable-file ztunnel-l7-policy -- reason\n' });
    expect(await hoverText(policyUri, 'ztunnel-l7-policy', 3)).toContain('**ztunnel-l7-policy** (meshlint rule');
  });

  it('settings: a configuration file named in the settings applies, and every file is linted again', async () => {
    writeFileSync(join(dir, 'strict.yaml.conf'), 'rules:\n  principal-never-matches: error\n');
    // The lint of the hover test's last edit (a comment line added on top) first.
    const line = lineOf(client.text(policyUri), '- cluster.local/ns/web/sa/frontend');
    await client.until(() => client.diagnostics(policyUri)![0]?.range.start.line === line);
    const before = client.diagnostics(policyUri)!;
    expect(before.map((d) => d.severity)).toEqual([2]);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { meshlint: { configFile: 'strict.yaml.conf', debounce: 20 } } });
    await client.until(() => client.diagnostics(policyUri)!.every((d) => d.severity === 1));
    expect(client.diagnostics(policyUri)!.map((d) => d.range)).toEqual(before.map((d) => d.range));
  });
});
