import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, findCodeServer, focusEditor, hover, openFile, openWorkbench, readProblems, startCodeServer, type CodeServer, type Problem } from '../scripts/code-server.mjs';
import { assertBuilt, meshlint, ROOT } from './helpers/cli.js';

/**
 * The extension's activation in a real VS Code workbench: editors/vscode/meshlint.vsix installed in
 * code-server, driven by headless Chromium (@vscode/test-electron downloads VS Code, which this
 * machine cannot). code-server is not a dependency: this is skipped, with the reason, unless it is
 * installed (editors/vscode/README.md says how) and the .vsix is built.
 */
const VSIX = join(ROOT, 'editors', 'vscode', 'meshlint.vsix');
const bin = findCodeServer();
const missing = !bin
  ? process.env.MESHLINT_CODE_SERVER
    ? `MESHLINT_CODE_SERVER=${process.env.MESHLINT_CODE_SERVER} does not exist`
    : 'no code-server (set MESHLINT_CODE_SERVER or put code-server on PATH; see editors/vscode/README.md)'
  : !existsSync(VSIX)
    ? 'no editors/vscode/meshlint.vsix (cd editors/vscode && npm ci && npm run build && npm run package)'
    : !existsSync(CHROMIUM)
      ? `no Chromium at ${CHROMIUM} (apt-get install chromium)`
      : undefined;
if (missing) console.warn(`test/vscode-activation.test.ts: skipped: ${missing}`);

/** What `meshlint --format json` reports on policies.yaml of `folder`, as the Problems panel shows it. */
function cliProblems(folder: string): Problem[] {
  const r = meshlint(['--format', 'json', '.'], { cwd: folder });
  expect(r.code, r.stderr).toBe(1);
  const file = JSON.parse(r.stdout).find((f: { filePath: string }) => f.filePath.endsWith('policies.yaml'));
  return file.messages.map((m: { message: string; ruleId: string; line: number; column: number }) => ({ message: m.message, source: 'meshlint', code: m.ruleId, line: m.line, column: m.column }));
}

describe.skipIf(missing !== undefined)('the VS Code extension in code-server', () => {
  let work: string;
  let folder: string;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    assertBuilt();
    work = mkdtempSync(join(tmpdir(), 'meshlint-vscode-'));
    folder = join(work, 'ambient-shop');
    cpSync(join(ROOT, 'examples', 'ambient-shop'), folder, { recursive: true });
    server = await startCodeServer({ bin: bin!, vsix: VSIX });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("activates on a YAML file and shows the CLI's findings, the rule id as their code", async () => {
    // No .meshlint.yaml: only `onLanguage:yaml` can start it.
    expect(existsSync(join(folder, '.meshlint.yaml'))).toBe(false);
    await openWorkbench(page, server.base, folder);
    await openFile(page, 'policies.yaml');
    const expected = cliProblems(folder);
    expect(expected.map((p) => p.code)).toEqual(['ztunnel-l7-policy', 'ztunnel-l7-policy', 'ztunnel-l7-policy', 'waypoint-bypass']);
    expect(await readProblems(page, 'policies.yaml', expected.length)).toEqual(expected);
    expect(await page.locator('.squiggly-error').count()).toBeGreaterThan(0);
  }, 120_000);

  it('shows the workloads a selector selects in a hover', async () => {
    await focusEditor(page);
    const text = await hover(page, /^\s+app: cart$/, 'cart', 'selects');
    expect(text).toMatch(/AuthorizationPolicy\s+shop\/cart-get-only\s+selects 1 workload/);
    expect(text).toMatch(/Deployment\s+shop\/cart\s+\(ambient\)/);
  }, 60_000);

  it('lints the unsaved buffer: deleting a line updates the findings before the file is saved', async () => {
    const onDisk = readFileSync(join(folder, 'policies.yaml'), 'utf8');
    const lines = onDisk.split('\n');
    const methods = lines.findIndex((l) => /methods: \["POST", "DELETE"\]/.test(l));
    expect(methods).toBeGreaterThan(0);
    await focusEditor(page);
    await page.keyboard.press('Control+G');
    await page.keyboard.type(String(methods + 1));
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Shift+K');
    // The CLI on the edited text, in a folder of its own, is what the editor must show.
    const edited = join(work, 'edited');
    cpSync(folder, edited, { recursive: true });
    writeFileSync(join(edited, 'policies.yaml'), lines.filter((_, i) => i !== methods).join('\n'));
    const expected = cliProblems(edited);
    expect(expected).toHaveLength(3);
    expect(await readProblems(page, 'policies.yaml', expected.length)).toEqual(expected);
    // Still unsaved after longer than a browser VS Code's auto-save delay (the profile turns it off).
    await page.waitForTimeout(1500);
    expect(await page.locator('.tab.active.dirty').count()).toBe(1);
    expect(readFileSync(join(folder, 'policies.yaml'), 'utf8')).toBe(onDisk);
  }, 60_000);
});
