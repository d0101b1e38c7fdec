import { spawn, type ChildProcess } from 'node:child_process';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import {
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * A language client over the server's stdio, as an editor drives it: it keeps the documents it
 * opened (applying its own edits) and every diagnostics notification, in order.
 */
export class LspClient {
  readonly connection: MessageConnection;
  readonly published: Array<{ uri: string; diagnostics: Diagnostic[]; at: number }> = [];
  private readonly docs = new Map<string, TextDocument>();
  private waiters: Array<() => void> = [];

  private constructor(readonly child: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push({ ...p, at: performance.now() });
      for (const w of this.waiters) w();
    });
    this.connection.listen();
  }

  static async start(argv: string[], rootDir: string, initializationOptions: unknown = {}): Promise<LspClient> {
    const child = spawn(process.execPath, argv, { cwd: rootDir, stdio: ['pipe', 'pipe', 'inherit'] });
    const client = new LspClient(child);
    await client.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: [{ uri: `file://${rootDir}`, name: 'ws' }],
      capabilities: {},
      initializationOptions,
    });
    await client.connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  /** The latest diagnostics published for a file. */
  diagnostics(uri: string): Diagnostic[] | undefined {
    for (let i = this.published.length - 1; i >= 0; i--) if (this.published[i]!.uri === uri) return this.published[i]!.diagnostics;
    return undefined;
  }

  /** Wait until `check` holds (checked on every notification), or fail after `ms`. */
  until(check: () => boolean, ms = 20_000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timed out waiting for diagnostics')), ms);
      const w = () => {
        if (!check()) return;
        clearTimeout(timer);
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve();
      };
      this.waiters.push(w);
    });
  }

  async open(uri: string, text: string): Promise<void> {
    this.docs.set(uri, TextDocument.create(uri, 'yaml', 1, text));
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  /** Apply one edit to an open document and send it as an incremental change, as editors do. */
  async edit(uri: string, edit: TextEdit): Promise<void> {
    const doc = this.docs.get(uri)!;
    const next = TextDocument.create(uri, 'yaml', doc.version + 1, TextDocument.applyEdits(doc, [edit]));
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: next.version },
      contentChanges: [{ range: edit.range, text: edit.newText }],
    });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await new Promise<void>((resolve) => {
      if (this.child.exitCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    this.connection.dispose();
  }
}
