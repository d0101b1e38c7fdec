import { basename, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  FileChangeType,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_NAMES } from '../config.js';
import type { Rule } from '../engine/rule.js';
import { VERSION } from '../version.js';
import { codeActions } from './actions.js';
import { fileUri, Published } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { Workspace, type LspSettings, type WorkspaceLint } from './workspace.js';

/** The editor's `meshlint.*` settings: the server's, and how long to wait after a keystroke. */
export interface ServerSettings extends LspSettings {
  /** Milliseconds between the last change and the lint (default 50). */
  debounce?: number;
}

const MANIFEST = /\.(ya?ml|json)$/;
/** Files whose change means every file is read again: the configuration and the ignore file. */
const RELOAD = new Set([...CONFIG_NAMES, '.meshlintignore']);

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/**
 * The language server over stdio (`meshlint lsp`, `meshlint-language-server`): the workspace as
 * `meshlint <root>` lints it, with the editor's buffers in place of the files; diagnostics for
 * every file whose findings change, code actions, hovers.
 */
export function startServer(builtins: readonly Rule[], connection: Connection = createConnection(ProposedFeatures.all, new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout))): void {
  const documents = new TextDocuments(TextDocument);
  const published = new Published();
  const uris = new Map<string, string>();
  const uriOf = (path: string) => uris.get(path) ?? fileUri(path);
  let workspace: Workspace | undefined;
  let settings: ServerSettings = {};
  let last: WorkspaceLint | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  let shownError: string | undefined;

  const inWorkspace = (path: string) => workspace !== undefined && (path === workspace.root || path.startsWith(workspace.root.endsWith(sep) ? workspace.root : workspace.root + sep));

  const lintNow = async () => {
    if (!workspace) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      last = await workspace.lint();
      for (const [path, diagnostics] of published.changes(last.byFile, uriOf)) await connection.sendDiagnostics({ uri: uriOf(path), diagnostics });
      shownError = undefined;
    } catch (err) {
      // A broken configuration file: say so once (not on every keystroke), keep the last diagnostics.
      const message = `meshlint: ${err instanceof Error ? err.message : String(err)}`;
      if (message !== shownError) void connection.window.showErrorMessage(message);
      shownError = message;
    } finally {
      running = false;
      if (again) {
        again = false;
        schedule();
      }
    }
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void lintNow(), settings.debounce ?? 50);
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    const root = (folder ? pathOf(folder) : undefined) ?? params.rootPath ?? process.cwd();
    settings = (params.initializationOptions as ServerSettings | undefined) ?? {};
    workspace = new Workspace(root, builtins, settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        hoverProvider: true,
      },
      serverInfo: { name: 'meshlint', version: VERSION },
    };
  });

  connection.onInitialized(() => void lintNow());

  connection.onDidChangeConfiguration((params) => {
    const next = (params.settings as { meshlint?: ServerSettings } | undefined)?.meshlint;
    if (!next || !workspace) return;
    settings = next;
    workspace.configure(next);
    schedule();
  });

  documents.onDidChangeContent(({ document }) => {
    const path = pathOf(document.uri);
    if (!path || !MANIFEST.test(path) || !inWorkspace(path)) return;
    uris.set(path, document.uri);
    workspace!.open(path, document.getText());
    schedule();
  });

  documents.onDidClose(({ document }) => {
    const path = pathOf(document.uri);
    if (!path || !workspace) return;
    workspace.close(path);
    schedule();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!workspace) return;
    for (const c of changes) {
      const path = pathOf(c.uri);
      if (!path) continue;
      if (RELOAD.has(basename(path))) workspace.invalidateAll();
      else workspace.invalidate(path, c.type === FileChangeType.Created ? 'created' : c.type === FileChangeType.Deleted ? 'deleted' : 'changed');
    }
    schedule();
  });

  /** The text a finding's positions are in, when the editor still shows it. */
  const lintedText = (path: string, uri: string): string | undefined => {
    const linted = last?.result.results.find((r) => r.filePath === path)?.source;
    const current = documents.get(uri)?.getText() ?? workspace?.text(path);
    return linted !== undefined && linted === current ? linted : undefined;
  };

  connection.onCodeAction(async ({ textDocument, range }) => {
    const path = pathOf(textDocument.uri);
    const text = path && lintedText(path, textDocument.uri);
    if (!path || !text || !last) return [];
    const lint = last;
    const findings = lint.byFile.get(path) ?? [];
    return codeActions(path, textDocument.uri, text, findings, range, {
      model: lint.result.model,
      uriOf,
      text: (p) => lint.result.results.find((r) => r.filePath === p)?.source ?? workspace?.text(p),
    });
  });

  connection.onHover(({ textDocument, position }) => {
    const path = pathOf(textDocument.uri);
    const doc = documents.get(textDocument.uri);
    if (!path || !doc || !last || !workspace) return null;
    return hoverAt(last.result.model, workspace.rules(), path, doc.getText(), doc.offsetAt(position)) ?? null;
  });

  documents.listen(connection);
  connection.listen();
}
