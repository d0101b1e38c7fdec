import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientOptions, serverOptions, serverSettings, WATCHED } from '../editors/vscode/src/wiring.js';
import { ROOT } from './helpers/cli.js';

// The VS Code extension's client wiring, without VS Code: what the extension hands to
// vscode-languageclient is checked here, on every run; the server it starts is tested over stdio
// in test/lsp.test.ts, and the packaged extension's activation in code-server by
// test/vscode-activation.test.ts where code-server is installed (editors/vscode/README.md).

const EXT = join(ROOT, 'editors', 'vscode');
const manifest = JSON.parse(readFileSync(join(EXT, 'package.json'), 'utf8'));

describe('VS Code extension wiring', () => {
  it('activates on YAML files and on a workspace with a meshlint configuration', () => {
    expect(manifest.activationEvents).toEqual(expect.arrayContaining(['onLanguage:yaml', 'workspaceContains:**/.meshlint.yaml']));
    expect(manifest.main).toBe('./dist/extension.js');
  });

  it('sends YAML and JSON files on disk, watches manifests and the ignore file, syncs the meshlint settings', () => {
    const watcher = { name: 'watcher' };
    const o = clientOptions({}, watcher);
    expect(o.documentSelector).toEqual([
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
    ]);
    expect(o.synchronize).toEqual({ configurationSection: 'meshlint', fileEvents: watcher });
    expect(WATCHED).toBe('**/{*.yaml,*.yml,*.json,.meshlintignore}');
  });

  it('starts the server with the settings that are set (VS Code\'s null means unset)', () => {
    const s = { configFile: null, mesh: {}, assumeDataPlane: null, plugins: false, debounce: 50, serverPath: null };
    expect(clientOptions(s, undefined).initializationOptions).toEqual({ debounce: 50 });
    const set = { configFile: 'ci/.meshlint.yaml', mesh: { trustDomain: 'example.org' }, assumeDataPlane: 'ambient' as const, plugins: true, debounce: 0, serverPath: '/x/server.js' };
    expect(serverSettings(set)).toEqual({ configFile: 'ci/.meshlint.yaml', mesh: { trustDomain: 'example.org' }, assumeDataPlane: 'ambient', plugins: true, debounce: 0 });
  });

  it('every contributed setting is one the server reads, or the server path', () => {
    const keys = Object.keys(manifest.contributes.configuration.properties).map((k: string) => k.replace(/^meshlint\./, ''));
    const full = serverSettings({ configFile: 'a', mesh: { trustDomain: 'b' }, assumeDataPlane: 'none', plugins: true, debounce: 1 });
    expect(keys.sort()).toEqual([...Object.keys(full), 'serverPath'].sort());
  });

  it('runs the bundled server over stdio unless meshlint.serverPath names another', () => {
    const STDIO = 0;
    expect(serverOptions('/ext/dist/server.mjs', {}, STDIO)).toEqual({
      run: { module: '/ext/dist/server.mjs', transport: STDIO },
      debug: { module: '/ext/dist/server.mjs', transport: STDIO },
    });
    expect(serverOptions('/ext/dist/server.mjs', { serverPath: '/ws/node_modules/meshlint/dist/language-server.js' }, STDIO)).toMatchObject({ run: { module: '/ws/node_modules/meshlint/dist/language-server.js' } });
  });

  it('packages the built client and server, not the sources', () => {
    const ignore = readFileSync(join(EXT, '.vscodeignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['src/**', 'node_modules/**']));
    expect(existsSync(join(EXT, 'package-lock.json'))).toBe(true);
  });
});
