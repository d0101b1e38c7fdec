import { join } from 'node:path';
import { workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions } from 'vscode-languageclient/node';
import { clientOptions, serverOptions, WATCHED, type MeshlintSettings } from './wiring';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const settings = workspace.getConfiguration().get<MeshlintSettings>('meshlint') ?? {};
  const watcher = workspace.createFileSystemWatcher(WATCHED);
  context.subscriptions.push(watcher);
  client = new LanguageClient(
    'meshlint',
    'meshlint',
    serverOptions(join(context.extensionPath, 'dist', 'server.mjs'), settings, TransportKind.stdio),
    clientOptions(settings, watcher) as LanguageClientOptions,
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
