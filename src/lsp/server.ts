/**
 * `sqlsh lsp`: a language server over stdio. The protocol is vscode-languageserver's (no framing
 * of our own); the answers come from the library the shell uses — complete() for completion, the
 * catalog snapshot for hovers, signatures, diagnostics and definitions, the sql/ lexer and splitter
 * for lexer errors and symbols, connect() for the database. The catalog loads in the background:
 * until it is in, completion offers keywords and built-ins. A lost connection is opened again on
 * the next use; the server exits when its input closes, shutdown or not.
 */
import {
  createConnection,
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type Diagnostic,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dialectOf, emptyCatalog, ENGINE_IDS, type Catalog, type Connection, type EngineId, type RelationDef, type SqlDialect } from '../index.js';
import { classifyStatement } from '../sql/classify.js';
import { provideCompletion } from './completion-provider.js';
import { DbSession } from './db-session.js';
import { ddlDirectory, ddlText, relationAt, writeDdlFile, writeServerFile } from './definition.js';
import { documentProblems, type SqlProblem } from './diagnostics.js';
import { engineProblems } from './engine-check.js';
import { provideHover } from './hover-provider.js';
import { runStatement } from './run-statement.js';
import { provideSignatureHelp } from './signature-provider.js';
import { documentSymbols, statementAt, statementsOf } from './symbols.js';
import { fileDialect, loadWorkspaceConfig, type ClientOptions, type WorkspaceConfig } from './workspace-config.js';

/** A statement as a title: its first line, 60 characters at most. */
const oneLine = (sql: string): string => {
  const first = sql.trim().split('\n')[0]!;
  return first.length > 60 || first.length < sql.trim().length ? `${first.slice(0, 57)}...` : first;
};

export const COMMANDS = Object.freeze(['sqlsh.runStatement', 'sqlsh.refreshCatalog', 'sqlsh.checkDocument']);

/** `sqlsh lsp [--stdio] [TARGET]`: serve until the client goes. */
export async function runLanguageServer(argv: readonly string[]): Promise<number> {
  const cliTarget = argv.find((a) => !a.startsWith('-'));
  const dialects = new Map<EngineId, SqlDialect>();
  await Promise.all(ENGINE_IDS.map(async (id) => dialects.set(id, await dialectOf(id))));
  const empties = new Map<EngineId, Catalog>();
  const emptyFor = (id: EngineId): Catalog => {
    let c = empties.get(id);
    if (!c) empties.set(id, (c = emptyCatalog(dialects.get(id)!)));
    return c;
  };

  const conn = createConnection(process.stdin, process.stdout);
  // An editor's server outlives a driver's stray error: logged to the client, never the end of the process
  // (the CLI's handler would exit 70). The process still ends when the client goes.
  process.removeAllListeners('uncaughtException');
  const logStray = (e: unknown): void => conn.console.error(`sqlsh lsp: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  process.on('uncaughtException', logStray);
  process.on('unhandledRejection', logStray);
  const documents = new TextDocuments(TextDocument);
  const engineFound = new Map<string, SqlProblem[]>(); // uri -> the engine's problems from the last check
  let root = process.cwd();
  let clientOptions: ClientOptions | undefined;
  let config: WorkspaceConfig = { root, warnings: [] };
  let db: DbSession | undefined;
  let connEngine: EngineId | undefined;
  let canShowDocument = false; // the client opens a file the server names (window/showDocument)
  let shown = 0;

  const message = (level: 'error' | 'warning' | 'info', text: string): void => {
    const type = level === 'error' ? 1 : level === 'warning' ? 2 : 3;
    void conn.sendNotification('window/showMessage', { type, message: text });
  };

  const dialectFor = (doc: TextDocument): EngineId => connEngine ?? fileDialect(doc.getText()) ?? config.dialect ?? 'sqlite';
  const catalogFor = (doc: TextDocument): Catalog => {
    const id = dialectFor(doc);
    const cat = db?.catalog;
    return cat && cat.dialect.id === id ? cat : emptyFor(id);
  };
  // A command run from a code action: the client drops the command's result (Neovim, VS Code), so the
  // server shows it: as a file the client opens beside the SQL when it can, else as a message.
  const present = async (title: string, text: string, failed: boolean): Promise<void> => {
    if (canShowDocument) {
      const uri = writeServerFile(`result-${++shown}.txt`, `-- ${title}\n${text}`);
      const r = await conn.window.showDocument({ uri, takeFocus: false }).catch(() => ({ success: false }));
      if (r.success) return;
    }
    const lines = text.replace(/\n$/, '').split('\n');
    const max = 40;
    const shownText = lines.length > max ? [...lines.slice(0, max), `... ${lines.length - max} more lines (an editor that opens documents for the server shows them all)`].join('\n') : lines.join('\n');
    message(failed ? 'error' : 'info', shownText);
  };
  const range = (doc: TextDocument) => (start: number, end: number) => ({ start: doc.positionAt(start), end: doc.positionAt(end) });
  const docOf = (uri: unknown): TextDocument => {
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) throw new ResponseError(-32602, `no open document ${JSON.stringify(uri)}: send textDocument/didOpen first`);
    return doc;
  };

  // diagnostics: debounced per document, republished when a catalog arrives
  const timers = new Map<string, NodeJS.Timeout>();
  const publish = (doc: TextDocument): void => {
    const text = doc.getText();
    const problems = [...documentProblems(text, catalogFor(doc)), ...(engineFound.get(doc.uri) ?? [])];
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      range: range(doc)(p.start, p.end),
      severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
      source: 'sqlsh',
      code: p.code,
      message: p.message,
    }));
    void conn.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics });
  };
  const schedule = (doc: TextDocument, delay = 120): void => {
    clearTimeout(timers.get(doc.uri));
    timers.set(doc.uri, setTimeout(() => {
      timers.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (current) publish(current);
    }, delay));
  };

  const startDatabase = async (): Promise<void> => {
    config = await loadWorkspaceConfig(root, { ...clientOptions, ...(cliTarget ? { connection: cliTarget } : {}) });
    for (const w of config.warnings) message('warning', `sqlsh: ${w}`);
    const old = db;
    connEngine = undefined;
    const session: DbSession = new DbSession(config.connection, root, {
      onCatalog: (catalog) => {
        // the engine is known by now even when the first connect failed (a locked DuckDB file, a server down)
        if (db === session) connEngine = catalog.dialect.id;
        for (const d of documents.all()) schedule(d, 0);
      },
      onMessage: message,
    });
    db = session;
    void old?.close();
    session.connection().then(
      (c) => {
        if (c && db === session) {
          connEngine = c.engine;
          for (const d of documents.all()) schedule(d, 0);
        }
      },
      (e: Error) => session.noteFailure(e),
    );
    void session.refresh();
  };

  conn.onInitialize((params): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    else if (params.rootPath) root = params.rootPath;
    const init = params.initializationOptions as ClientOptions | undefined;
    if (init && typeof init === 'object') clientOptions = init;
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', ' ', '(', ',', ':', '"', '`'] },
        hoverProvider: true,
        signatureHelpProvider: { triggerCharacters: ['(', ','] },
        documentSymbolProvider: true,
        definitionProvider: true,
        codeActionProvider: true,
        executeCommandProvider: { commands: [...COMMANDS] },
      },
      serverInfo: { name: 'sqlsh', version: '0.1.0' },
    };
  });
  conn.onInitialized(() => void startDatabase());
  conn.onDidChangeConfiguration((p) => {
    const s = (p.settings as { sqlsh?: ClientOptions } | undefined)?.sqlsh;
    if (!s || typeof s !== 'object') return;
    clientOptions = s;
    void startDatabase();
  });

  documents.onDidChangeContent((e) => {
    engineFound.delete(e.document.uri); // stale after an edit
    schedule(e.document);
  });
  documents.onDidClose((e) => {
    engineFound.delete(e.document.uri);
    void conn.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  const at = (p: { textDocument: { uri: string }; position: Position }) => {
    const doc = docOf(p.textDocument.uri);
    return { doc, offset: doc.offsetAt(p.position) };
  };
  conn.onCompletion((p) => {
    const { doc, offset } = at(p);
    return provideCompletion(doc, offset, catalogFor(doc), p.context?.triggerKind === 2 /* TriggerCharacter */);
  });
  conn.onHover((p) => {
    const { doc, offset } = at(p);
    return provideHover(doc.getText(), offset, catalogFor(doc), range(doc));
  });
  conn.onSignatureHelp((p) => {
    const { doc, offset } = at(p);
    return provideSignatureHelp(doc.getText(), offset, catalogFor(doc));
  });
  conn.onDocumentSymbol((p) => {
    const doc = docOf(p.textDocument.uri);
    return documentSymbols(doc.getText(), catalogFor(doc).dialect, range(doc));
  });
  // The database's own DDL when it can be had, else the one generated from the catalog.
  const ddlFor = async (catalog: Catalog, rel: RelationDef): Promise<string> =>
    (await db?.use((c) => ddlText(c, catalog, rel)).catch(() => undefined)) ?? ddlText(undefined, catalog, rel);
  conn.onDefinition(async (p) => {
    const { doc, offset } = at(p);
    const catalog = catalogFor(doc);
    const rel = relationAt(doc.getText(), offset, catalog);
    if (!rel) return null;
    const uri = writeDdlFile(rel, await ddlFor(catalog, rel));
    return { uri, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } } };
  });
  conn.onRequest('sqlsh/ddl', async (p: { textDocument: { uri: string }; position: Position }) => {
    const { doc, offset } = at(p);
    const catalog = catalogFor(doc);
    const rel = relationAt(doc.getText(), offset, catalog);
    return rel ? { schema: rel.schema, name: rel.name, text: await ddlFor(catalog, rel) } : null;
  });
  conn.onCodeAction((p) => {
    docOf(p.textDocument.uri);
    return [
      { title: 'Run statement (sqlsh)', command: { title: 'Run statement', command: 'sqlsh.runStatement', arguments: [p.textDocument.uri, p.range.start, { show: true }] } },
      { title: 'Check with the database (sqlsh)', command: { title: 'Check', command: 'sqlsh.checkDocument', arguments: [p.textDocument.uri] } },
    ];
  });

  conn.onExecuteCommand(async (p, token) => {
    const args = p.arguments ?? [];
    const ac = new AbortController();
    token.onCancellationRequested(() => ac.abort());
    // Run `fn` on the database, held open meanwhile; a driver's error becomes the client's error (told once as a message).
    const withDatabase = async <T>(fn: (c: Connection) => Promise<T>): Promise<T> => {
      const noDatabase = (): ResponseError<void> =>
        new ResponseError(-32603, 'sqlsh: no database: name one in .sqlsh.toml (connection = "..."), initializationOptions.connection, or `sqlsh lsp TARGET`');
      if (!db) throw noDatabase();
      try {
        return await db.use(async (c) => {
          if (!c) throw noDatabase();
          return fn(c);
        });
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        throw new ResponseError(-32603, `sqlsh: ${db.noteFailure(e)}`);
      }
    };
    switch (p.command) {
      case 'sqlsh.refreshCatalog': {
        const cat = await db?.refresh();
        return { relations: cat?.relations.length ?? 0, ...(cat ? { engine: cat.dialect.id } : {}) };
      }
      case 'sqlsh.runStatement': {
        const a0 = args[0] as string | { uri?: string; position?: Position; sql?: string } | undefined;
        const uri = typeof a0 === 'string' ? a0 : a0?.uri;
        const pos = (typeof a0 === 'string' ? args[1] : a0?.position) as Position | undefined;
        const show = (args.find((a) => typeof a === 'object' && a !== null && 'show' in a) as { show?: unknown } | undefined)?.show === true;
        const doc = docOf(uri);
        const st = statementAt(doc.getText(), doc.offsetAt(pos ?? { line: 0, character: 0 }), catalogFor(doc).dialect);
        if (!st) return { text: '', rowCount: 0, truncated: false };
        try {
          return await withDatabase(async (c) => {
            const result = await runStatement(c, st.text, ac.signal);
            if (result.cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'sqlsh: statement cancelled');
            const changes = !result.error && classifyStatement(st.text, c.dialect).changesCatalog;
            if (changes) await db?.refresh();
            if (show) await present(oneLine(st.text), result.text, result.error !== undefined);
            return { ...result, statement: { range: range(doc)(st.start, st.end) }, refreshed: changes };
          });
        } catch (e) {
          // from a code action nobody sees the error but as a message (a lost connection was told already)
          if (show && e instanceof ResponseError && e.code !== LSPErrorCodes.RequestCancelled && !db?.isTold(e.message)) message('error', e.message);
          throw e;
        }
      }
      case 'sqlsh.checkDocument': {
        const doc = docOf(typeof args[0] === 'string' ? args[0] : (args[0] as { uri?: string } | undefined)?.uri);
        return withDatabase(async (c) => {
          const problems = await engineProblems(c, statementsOf(doc.getText(), c.dialect), ac.signal);
          engineFound.set(doc.uri, problems);
          publish(doc);
          return { problems: problems.length };
        });
      }
      default:
        throw new ResponseError(-32601, `sqlsh: unknown command ${JSON.stringify(p.command)}; known: ${COMMANDS.join(', ')}`);
    }
  });

  let resolveDone: (code: number) => void = () => undefined;
  const done = new Promise<number>((r) => (resolveDone = r));
  conn.onShutdown(async () => {
    await db?.close();
  });
  conn.onExit(() => resolveDone(0));
  process.on('exit', () => {
    const dir = ddlDirectory();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  documents.listen(conn);
  conn.listen();
  return done;
}
