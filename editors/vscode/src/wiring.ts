// The client's wiring, free of the `vscode` module so that it is unit-tested outside VS Code
// (test/lsp-vscode.test.ts, which runs before this folder's own install): which files go to the
// server, which settings, which process. The shapes are vscode-languageclient's, written out.

interface ServerModule {
  module: string;
  transport: number;
}

export interface ServerOptions {
  run: ServerModule;
  debug: ServerModule;
}

export interface ClientOptions {
  documentSelector: Array<{ scheme: string; language: string }>;
  initializationOptions: Record<string, unknown>;
  synchronize: { configurationSection: string; fileEvents: unknown };
}

/** The `meshlint.*` settings, as the server reads them (src/lsp/server.ts `ServerSettings`). */
export interface MeshlintSettings {
  configFile?: string | null;
  mesh?: Record<string, unknown>;
  assumeDataPlane?: 'sidecar' | 'ambient' | 'none' | null;
  plugins?: boolean;
  debounce?: number;
  serverPath?: string | null;
}

/** Files whose change the server must hear of: manifests, the configuration, the ignore file. */
export const WATCHED = '**/{*.yaml,*.yml,*.json,.meshlintignore}';

/** The settings the server is started with: nulls (VS Code's "unset") dropped, `serverPath` kept here. */
export function serverSettings(s: MeshlintSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (s.configFile) out.configFile = s.configFile;
  if (s.mesh && Object.keys(s.mesh).length > 0) out.mesh = s.mesh;
  if (s.assumeDataPlane) out.assumeDataPlane = s.assumeDataPlane;
  if (s.plugins === true) out.plugins = true;
  if (typeof s.debounce === 'number') out.debounce = s.debounce;
  return out;
}

/** The server process: the bundled server, or `meshlint.serverPath`, over stdio. */
export function serverOptions(bundled: string, s: MeshlintSettings, stdio: number): ServerOptions {
  const module = s.serverPath || bundled;
  return { run: { module, transport: stdio }, debug: { module, transport: stdio } };
}

/** YAML and JSON files on disk; settings under `meshlint`, sent again when they change. */
export function clientOptions(s: MeshlintSettings, watcher: unknown): ClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'yaml' },
      { scheme: 'file', language: 'json' },
    ],
    initializationOptions: serverSettings(s),
    synchronize: { configurationSection: 'meshlint', fileEvents: watcher },
  };
}
