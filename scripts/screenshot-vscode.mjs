// Takes the README's picture of the VS Code extension, docs/img/vscode.png: examples/ambient-shop
// open in code-server with meshlint.vsix installed — squiggles, the Problems panel and a hover on a
// selector. A manual maintenance script, not part of CI or `npm test`; run it again when the
// extension or the example changes what the picture shows, and look at the result before
// committing it.
//
//   npm run build && (cd editors/vscode && npm ci && npm run build && npm run package)
//   MESHLINT_CODE_SERVER=/tmp/cs/node_modules/.bin/code-server node scripts/screenshot-vscode.mjs [out.png]
//
// code-server is installed outside the checkout (editors/vscode/README.md says how).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, findCodeServer, focusEditor, hover, openFile, openWorkbench, readProblems, startCodeServer } from './code-server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const VSIX = join(ROOT, 'editors', 'vscode', 'meshlint.vsix');
const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'img', 'vscode.png'));

const bin = findCodeServer();
if (!bin) fail('no code-server: set MESHLINT_CODE_SERVER or put code-server on PATH (editors/vscode/README.md)');
if (!existsSync(VSIX)) fail(`no ${VSIX}: cd editors/vscode && npm ci && npm run build && npm run package`);
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM} (apt-get install chromium, or set MESHLINT_CHROMIUM)`);

// A copy, so that nothing the workbench writes lands in the checkout.
const work = mkdtempSync(join(tmpdir(), 'meshlint-screenshot-'));
const folder = join(work, 'ambient-shop');
cpSync(join(ROOT, 'examples', 'ambient-shop'), folder, { recursive: true });
const server = await startCodeServer({ bin, vsix: VSIX });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await openWorkbench(page, server.base, folder);
  await openFile(page, 'policies.yaml');
  const problems = await readProblems(page, 'policies.yaml', 4);
  await focusEditor(page);
  const text = await hover(page, /^\s+app: cart$/, 'cart', 'selects');
  await page.waitForTimeout(1000); // the hover fades in
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`${out}: ${problems.length} problems in the panel; hover: ${text.replace(/\s+/g, ' ')}`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}

function fail(why) {
  console.error(`screenshot-vscode: ${why}`);
  process.exit(2);
}
