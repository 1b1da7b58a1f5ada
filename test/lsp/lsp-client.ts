/**
 * A small LSP client for the tests: spawns `node bin/sqlsh.js lsp` as an editor would and talks to it
 * over stdio with vscode-jsonrpc (the protocol library's own client side; no framing written here).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, CancellationTokenSource, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Diagnostic {
  readonly range: { start: { line: number; character: number }; end: { line: number; character: number } };
  readonly message: string;
  readonly severity?: number;
  readonly code?: string;
}

export class LspClient {
  readonly rpc: MessageConnection;
  readonly docs = new Map<string, TextDocument>();
  readonly diagnostics = new Map<string, Diagnostic[]>();
  readonly messages: string[] = [];
  private waiters: (() => void)[] = [];
  stderr = '';

  private constructor(readonly proc: ChildProcess) {
    this.rpc = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    proc.stderr!.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      this.wake();
    });
    this.rpc.onNotification('window/showMessage', (p: { message: string }) => {
      this.messages.push(p.message);
      this.wake();
    });
    this.rpc.listen();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Start the server and initialize it (rootUri: the workspace folder; options: initializationOptions). */
  static async start(options: { root?: string; init?: Record<string, unknown>; args?: string[]; env?: NodeJS.ProcessEnv } = {}): Promise<LspClient> {
    const proc = spawn(process.execPath, [`${ROOT}bin/sqlsh.js`, 'lsp', ...(options.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    const client = new LspClient(proc);
    const root = options.root ?? ROOT;
    await client.rpc.sendRequest('initialize', {
      processId: process.pid,
      rootUri: `file://${root}`,
      capabilities: {},
      ...(options.init ? { initializationOptions: options.init } : {}),
    });
    await client.rpc.sendNotification('initialized', {});
    return client;
  }

  /** Resolve when `check` is true (re-checked on each notification), or fail after `ms`. */
  async until<T>(check: () => T | undefined | false, what: string, ms = 15_000): Promise<T> {
    const end = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}; stderr: ${this.stderr.slice(-500)}; messages: ${this.messages.join(' | ')}`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  }

  open(uri: string, text: string, languageId = 'sql'): void {
    this.docs.set(uri, TextDocument.create(uri, languageId, 1, text));
    void this.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** An incremental edit: replace [start, end) (offsets in the current text) with `text`. */
  edit(uri: string, start: number, end: number, text: string): void {
    const doc = this.docs.get(uri)!;
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    const next = TextDocument.update(doc, [{ range, text }], doc.version + 1);
    this.docs.set(uri, next);
    void this.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: next.version }, contentChanges: [{ range, text }] });
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  pos(uri: string, offset: number): { line: number; character: number } {
    return this.docs.get(uri)!.positionAt(offset);
  }

  offset(uri: string, p: { line: number; character: number }): number {
    return this.docs.get(uri)!.offsetAt(p);
  }

  request<T>(method: string, uri: string, offset: number, extra: Record<string, unknown> = {}): Promise<T> {
    return this.rpc.sendRequest(method, { textDocument: { uri }, position: this.pos(uri, offset), ...extra }) as Promise<T>;
  }

  command<T>(command: string, args: unknown[], token?: CancellationTokenSource): Promise<T> {
    return (token ? this.rpc.sendRequest('workspace/executeCommand', { command, arguments: args }, token.token) : this.rpc.sendRequest('workspace/executeCommand', { command, arguments: args })) as Promise<T>;
  }

  /** Completion at an offset, as plain {text, start, end} (offsets) in the server's order. */
  /** Refresh the catalog until it holds a relation (the server loads it in the background). */
  async catalogLoaded(ms = 20_000): Promise<void> {
    const end = Date.now() + ms;
    while ((await this.command<{ relations: number }>('sqlsh.refreshCatalog', [])).relations === 0) {
      if (Date.now() > end) throw new Error(`no catalog: ${this.messages.join(' | ')}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async complete(uri: string, offset: number): Promise<{ text: string; start: number; end: number; kind: string }[]> {
    const list = (await this.request<{ items: { textEdit: { range: Diagnostic['range']; newText: string }; sortText: string; data: { kind: string } }[] }>('textDocument/completion', uri, offset));
    return [...list.items]
      .sort((a, b) => (a.sortText < b.sortText ? -1 : 1))
      .map((i) => ({ text: i.textEdit.newText, start: this.offset(uri, i.textEdit.range.start), end: this.offset(uri, i.textEdit.range.end), kind: i.data.kind }));
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      await this.rpc.sendRequest('shutdown').catch(() => undefined);
      await this.rpc.sendNotification('exit').catch(() => undefined);
      await new Promise<void>((r) => {
        const t = setTimeout(() => {
          this.proc.kill('SIGKILL');
          r();
        }, 3000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          r();
        });
      });
    }
    this.rpc.dispose();
  }
}

export { CancellationTokenSource };
