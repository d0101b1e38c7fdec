// The VS Code extension as a person sees it: the .vsix installed in code-server (VS Code's
// workbench served to a browser), driven by headless Chromium through playwright-core. Used by
// scripts/screenshot-vscode.mjs and test/vscode-activation.test.ts, because @vscode/test-electron
// downloads VS Code and needs a display. code-server is not a dependency of this repository (its
// install builds native modules and weighs hundreds of MB): editors/vscode/README.md says how to
// install it outside the checkout.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Debian's Chromium, or $MESHLINT_CHROMIUM (as test/graph.html.test.ts). */
export const CHROMIUM = process.env.MESHLINT_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** code-server's executable: $MESHLINT_CODE_SERVER, else `code-server` on PATH; undefined when there is none. */
export function findCodeServer(env = process.env) {
  if (env.MESHLINT_CODE_SERVER) return existsSync(env.MESHLINT_CODE_SERVER) ? env.MESHLINT_CODE_SERVER : undefined;
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'code-server'))) return join(dir, 'code-server');
  }
  return undefined;
}

// A quiet, reproducible profile: no welcome page, no trust prompt, no update or telemetry calls
// (there is no network to make them on anyway). VS Code in a browser saves after a second by
// default; a desktop VS Code does not, and the extension must lint the unsaved buffer.
const SETTINGS = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'editor.minimap.enabled': false,
  'window.commandCenter': false,
};

/**
 * Starts code-server on a free loopback port with a throwaway profile in which `vsix` is the only
 * extension installed. `stop()` ends the process group it started and removes the profile.
 */
export async function startCodeServer({ bin, vsix }) {
  const home = mkdtempSync(join(tmpdir(), 'meshlint-code-server-'));
  const userData = join(home, 'user');
  mkdirSync(join(userData, 'User'), { recursive: true });
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  writeFileSync(join(home, 'config.yaml'), 'auth: none\ncert: false\n');
  const profile = ['--user-data-dir', userData, '--extensions-dir', join(home, 'extensions'), '--config', join(home, 'config.yaml')];
  const install = spawnSync(bin, [...profile, '--install-extension', vsix], { encoding: 'utf8' });
  if (install.status !== 0 || !/successfully installed/.test(install.stdout)) {
    rmSync(home, { recursive: true, force: true });
    throw new Error(`code-server --install-extension ${vsix} failed:\n${install.stdout}${install.stderr}`);
  }
  // Its own process group, so that stop() also ends the extension host and the language server.
  const child = spawn(bin, [...profile, '--bind-addr', '127.0.0.1:0', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const signalGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch (e) {
      if (e.code !== 'ESRCH') throw e;
    }
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      signalGroup('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000).unref())]);
    }
    signalGroup('SIGKILL'); // what is left of the group: an extension host, a language server
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const base = await listeningAddress(child, 60_000);
    return { base, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function listeningAddress(child, timeout) {
  return new Promise((resolve, reject) => {
    let log = '';
    const fail = (why) => reject(new Error(`code-server ${why}:\n${log}`));
    const timer = setTimeout(() => fail(`did not listen within ${timeout} ms`), timeout);
    const read = (chunk) => {
      log += chunk;
      const m = /HTTP server listening on (http:\/\/\S+?)\/?\s/.exec(log);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`exited with ${code}`);
    });
  });
}

/** Opens the workbench on `folder` and waits for its explorer to list the files. */
export async function openWorkbench(page, base, folder) {
  const url = new URL(base);
  url.searchParams.set('folder', folder);
  await page.goto(url.href);
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
}

/** Opens a file of the workspace with Quick Open, as a person would. */
export async function openFile(page, name) {
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget .quick-input-box input', { state: 'visible' });
  await page.keyboard.type(name);
  await page.waitForSelector(`.quick-input-widget .monaco-list-row[aria-label*="${name}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector(`.tab.active[aria-label*="${name}"]`);
}

/**
 * Shows the Problems panel and reads the problems of the file `name` once there are `count` of them:
 * `{ message, source, code, line, column }`, in the panel's order.
 */
export async function readProblems(page, name, count) {
  await page.keyboard.press('Control+Shift+M');
  const rows = () => page.$$eval('.markers-panel .monaco-list-row', (rs) => rs.map((r) => ({ label: r.getAttribute('aria-label') ?? '', text: r.innerText })));
  try {
    await page.waitForFunction(
      ([file, n]) => {
        const label = document.querySelector(`.markers-panel .monaco-list-row[aria-label*="problems in file ${file} "]`)?.getAttribute('aria-label');
        return typeof label === 'string' && label.startsWith(`${n} problem`);
      },
      [name, count],
      { timeout: 60_000 },
    );
  } catch {
    const shown = (await rows()).map((r) => r.text.replace(/\n/g, ' ')).join('\n');
    throw new Error(`the Problems panel did not list ${count} problems in ${name} within 60 s (did the extension activate?); it shows:\n${shown || '(nothing)'}`);
  }
  // A file's row ("4 problems in file policies.yaml of folder .") heads the rows of its problems.
  let file;
  return (await rows()).flatMap(({ label, text }) => {
    const heading = /problems? in file (.+) of folder/.exec(label);
    if (heading) file = heading[1];
    const m = /^([\s\S]*)\n(.+)\n(.+)\n\[Ln (\d+), Col (\d+)\]$/.exec(text.trim());
    return !heading && file === name && m ? [{ message: m[1], source: m[2], code: m[3], line: Number(m[4]), column: Number(m[5]) }] : [];
  });
}

/** Puts the keyboard focus back in the editor (the Problems panel takes it). */
export async function focusEditor(page) {
  await page.keyboard.press('Control+1');
}

/**
 * Moves the mouse onto `word` in the first editor line whose text matches `line`, and returns the
 * hover's text once it shows `expect`.
 */
export async function hover(page, line, word, expect) {
  const lines = page.locator('.monaco-editor .view-line');
  // The editor reuses line elements: their order in the page is not the order on screen.
  const shown = await lines.evaluateAll((ls) => ls.map((l, index) => ({ index, text: l.innerText.replace(/\u00a0/g, ' '), top: l.getBoundingClientRect().top })));
  const match = shown.sort((a, b) => a.top - b.top).find((l) => line.test(l.text));
  if (!match) throw new Error(`no editor line matches ${line}`);
  const box = await lines.nth(match.index).locator('span > span', { hasText: word }).last().boundingBox();
  if (!box) throw new Error(`"${word}" is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const contents = page.locator('.monaco-hover:not(.hidden) .hover-contents', { hasText: expect });
  await contents.first().waitFor({ timeout: 15_000 });
  return (await contents.allInnerTexts()).join('\n');
}
