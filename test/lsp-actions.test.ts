import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import type { CreateFile, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { RULES } from '../src/generated/rules.js';
import { fileUri } from '../src/lsp/diagnostics.js';
import { hoverAt } from '../src/lsp/hover.js';
import { suggestionEdit } from '../src/lsp/actions.js';
import { Workspace } from '../src/lsp/workspace.js';
import { FIXTURES } from './helpers/fixtures.js';

// Suggestions as workspace edits: merged into the YAML they are for, a new file for a new object,
// nothing when the YAML does not fit where it would go.

const CASE = join(FIXTURES, 'ztunnel-l7-policy', 'allow-methods-dropped');

async function finding(rule: string) {
  const ws = new Workspace(CASE, RULES);
  const { byFile, result } = await ws.lint();
  const file = join(CASE, 'policy.yaml');
  const d = byFile.get(file)!.find((m) => m.ruleId === rule)!;
  const text = readFileSync(file, 'utf8');
  const offset = TextDocument.create('file:///x', 'yaml', 0, text).offsetAt({ line: d.line - 1, character: d.column - 1 });
  const ctx = { model: result.model, uriOf: fileUri, text: (p: string) => ws.text(p) };
  return { d, file, text, offset, ctx };
}

describe('suggestions as workspace edits', () => {
  it('moves a policy to the waypoint: targetRefs merged in, the selector dropped (Istio allows one of them), comments kept; the waypoint in a new file', async () => {
    const { d, file, text, offset, ctx } = await finding('ztunnel-l7-policy');
    const edit = (await suggestionEdit(d.suggestions![0]!, file, offset, ctx))!;
    type Edits = { textDocument: { uri: string }; edits: TextEdit[] };
    const [policyEdit, create, gatewayText] = edit.documentChanges! as unknown as [Edits, CreateFile, Edits];
    expect(policyEdit.textDocument.uri).toBe(fileUri(file));
    const fixed = TextDocument.applyEdits(TextDocument.create(fileUri(file), 'yaml', 0, text), policyEdit.edits);
    expect(fixed.startsWith('# Meant: only the frontend may GET the cart. ztunnel cannot see methods.\n')).toBe(true);
    const spec = parse(fixed).spec;
    expect(spec.selector).toBeUndefined();
    expect(spec.targetRefs).toEqual([{ kind: 'Service', group: '', name: 'cart' }]);
    expect(spec.rules).toEqual(parse(text).spec.rules);
    expect(create).toEqual({ kind: 'create', uri: fileUri(join(CASE, 'gateway-waypoint.yaml')), options: { ignoreIfExists: true } });
    expect(gatewayText.textDocument.uri).toBe(create.uri);
    const gateway = parseAllDocuments(gatewayText.edits[0]!.newText)[0]!.toJS();
    expect(gateway).toMatchObject({ kind: 'Gateway', metadata: { name: 'waypoint', namespace: 'shop' }, spec: { gatewayClassName: 'istio-waypoint' } });
  });

  it('gives no edit for YAML that would add a map the object lacks without naming the object (YAML meant for another object)', async () => {
    const { file, offset, ctx } = await finding('ztunnel-l7-policy');
    const other = { desc: 'Turn on multiple providers in the IstioOperator', fix: 'spec:\n  values:\n    pilot:\n      env:\n        X: "true"\n' };
    expect(await suggestionEdit(other, file, offset, ctx)).toBeUndefined();
  });

  it('gives no edit when no map around the finding has the keys the YAML changes', async () => {
    const { file, offset, ctx } = await finding('ztunnel-l7-policy');
    expect(await suggestionEdit({ desc: 'x', fix: 'meshConfig:\n  pathNormalization:\n    normalization: MERGE_SLASHES\n' }, file, offset, ctx)).toBeUndefined();
  });
});

describe('hovers', () => {
  it('a targetRefs entry: the Service it names and the waypoint its namespace binds it to', async () => {
    const dir = join(FIXTURES, 'ztunnel-l7-policy', 'ok-waypoint-targetrefs');
    const ws = new Workspace(dir, RULES);
    const { result } = await ws.lint();
    const file = join(dir, 'policy.yaml');
    const text = readFileSync(file, 'utf8');
    const h = hoverAt(result.model, RULES, file, text, text.indexOf('    name: cart\n') + 11)!;
    expect((h.contents as { value: string }).value).toBe("**targetRef** Service `shop/cart`\n\nBound to waypoint `shop/waypoint` by its namespace's label.");
    // Outside anything the model answers for: no hover.
    expect(hoverAt(result.model, RULES, file, text, text.indexOf('action: ALLOW') + 9)).toBeUndefined();
  });
});

describe('suggestions that name their place', () => {
  it('YAML under "# Kind ns/name" merges into that object, wherever the finding is', async () => {
    const { file, offset, ctx } = await finding('ztunnel-l7-policy');
    const s = { desc: 'Run cart as its own account', fix: '# Deployment shop/cart\nspec:\n  template:\n    spec:\n      serviceAccountName: cart-sa\n' };
    const edit = (await suggestionEdit(s, file, offset, ctx))!;
    const workloads = join(CASE, 'workloads.yaml');
    const text = readFileSync(workloads, 'utf8');
    const fixed = TextDocument.applyEdits(TextDocument.create(fileUri(workloads), 'yaml', 0, text), edit.changes![fileUri(workloads)]!);
    expect(fixed).toBe(text.replace('serviceAccountName: cart', 'serviceAccountName: cart-sa'));
  });

  it('no edit for a place it cannot follow ("…, spec.rules[0]:") or a <placeholder> to fill in', async () => {
    const { file, offset, ctx } = await finding('ztunnel-l7-policy');
    const inRule = { desc: 'x', fix: '# in AuthorizationPolicy shop/cart-get-only, spec.rules[0]:\nfrom:\n- source:\n    notPrincipals: ["cluster.local/ns/shop/sa/a"]\n' };
    expect(await suggestionEdit(inRule, file, offset, ctx)).toBeUndefined();
    const placeholder = { desc: 'x', fix: 'spec:\n  targetRefs:\n  - kind: Service\n    group: ""\n    name: <service>\n' };
    expect(await suggestionEdit(placeholder, file, offset, ctx)).toBeUndefined();
  });
});

describe('selectors in suggestions', () => {
  it('a suggested selector replaces the labels written (they would still select nothing merged)', async () => {
    const { file, offset, ctx, text } = await finding('ztunnel-l7-policy');
    const s = { desc: 'Select cart', fix: 'spec:\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: "cart"\n' };
    const edit = (await suggestionEdit(s, file, offset, ctx))!;
    const fixed = TextDocument.applyEdits(TextDocument.create(fileUri(file), 'yaml', 0, text), edit.changes![fileUri(file)]!);
    expect(parse(fixed).spec.selector).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'cart' } });
    expect(fixed).toContain('  selector:\n    matchLabels:\n      app.kubernetes.io/name: cart\n  action: ALLOW\n');
  });
});
