/**
 * The interactive loop: read (the line editor) → run (run-script) → render, until \q or Ctrl-D.
 * The editor owns the terminal while reading; while a statement runs the terminal is in normal mode
 * and Ctrl-C (SIGINT) cancels the statement on the server, keeping the session.
 */
import { createInterface } from 'node:readline';
import type { Connection, ConnectionTarget } from '../engines/engine.js';
import type { Settings } from '../config/settings.js';
import type { SqlshPaths } from '../config/paths.js';
import type { SavedConnection } from '../config/load-config.js';
import { Session } from './session.js';
import { formatPrompt, continuationHint } from './prompt-format.js';
import { streamOutput } from '../output/stream-output.js';
import { stderrTerminal, stdoutTerminal } from '../output/terminal-writer.js';
import { safeLines, safeText } from '../output/terminal-text.js';
import { banner } from './banner.js';
import { historyEntry } from './history-text.js';

function askLine(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    rl.question(safeText(question), (answer) => { // the question may quote a name (DROP TABLE x)
      rl.close();
      resolve(answer);
    });
    rl.on('SIGINT', () => {
      rl.close();
      stdoutTerminal().line(''); // Ctrl-C: what follows starts on its own line
      resolve('');
    });
  });
}

/** Lines at `prompt` through one readline interface, up to a line `end` takes or Ctrl-D; undefined on Ctrl-C. */
function askLines(prompt: string, end: (line: string) => boolean): Promise<readonly string[] | undefined> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const lines: string[] = [];
    let settled = false;
    const finish = (value: readonly string[] | undefined): void => {
      if (settled) return;
      settled = true;
      rl.close();
      resolve(value);
    };
    rl.setPrompt(safeText(prompt));
    rl.on('line', (line) => {
      if (end(line)) return finish(lines);
      lines.push(line);
      rl.prompt();
    });
    rl.on('close', () => finish(lines)); // Ctrl-D
    rl.on('SIGINT', () => {
      stdoutTerminal().line('');
      finish(undefined);
    });
    rl.prompt();
  });
}

export async function runRepl(init: {
  connection: Connection;
  target?: ConnectionTarget;
  settings: Settings;
  paths: SqlshPaths;
  connections: ReadonlyMap<string, SavedConnection>;
  demoCreated: boolean;
  configWarnings: readonly string[];
  /** sqlite3's command-line options as dot-commands (-csv: .mode csv), run before the first prompt. */
  sqlite3Prelude?: readonly string[];
  /** psql variables from -v (and -q, -e). */
  variables?: readonly { readonly name: string; readonly value: string | undefined }[];
  /** Called once the first prompt is on the screen (a file database starts opening then). */
  afterFirstPaint?: () => void;
}): Promise<number> {
  const [{ LineEditor, installTerminalRestore }, { History }, { makeCompleter, warmUpCompleter }] = await Promise.all([
    import('../editor/line-editor.js'),
    import('../editor/history.js'),
    import('./completer.js'),
  ]);
  installTerminalRestore?.(process.stdout);
  const session = new Session({
    connection: init.connection,
    target: init.target,
    settings: init.settings,
    interactive: true,
    paths: init.paths,
    connections: init.connections,
    io: {
      stdout: streamOutput(process.stdout),
      // The one terminal writer: plain text from anywhere is escaped there (names, notices, input echoed back).
      message: (t) => stdoutTerminal().line(t),
      error: (t) => stderrTerminal().line(t),
      confirm: async (q) => /^y(es)?$/i.test((await askLine(q)).trim()),
      ask: askLine,
      askLines,
      promptPassword: async (p) => (await import('../cli/prompt-hidden.js')).promptHidden(p),
    },
  });
  for (const v of init.variables ?? []) session.setVariable(v.name, v.value);
  stdoutTerminal().write(safeLines(banner(session.connection.info, init.demoCreated, process.stdout.columns)));
  session.refreshCatalog();

  const history = History.load(init.paths.historyFile, { maxEntries: session.settings.history_size });
  if (history.problem) stderrTerminal().line(`sqlsh: ${history.problem}`);
  session.historyTexts = () => history.entries;
  const completer = makeCompleter(session);
  const editor = new LineEditor({
    input: process.stdin,
    output: process.stdout,
    dialect: () => session.dialect,
    history,
    complete: completer,
    settings: () => ({
      keyMode: session.settings.key_mode,
      theme: session.settings.theme,
      completeWhileTyping: session.settings.complete_while_typing,
      multiLine: session.settings.multi_line,
      smartCompletion: session.settings.smart_completion,
      ...(session.delimiter !== undefined ? { delimiter: session.delimiter } : {}),
      color: !process.env.NO_COLOR,
    }),
    onToggle: (what) => {
      if (what === 'smart-completion') session.set('smart_completion', !session.settings.smart_completion);
      if (what === 'multi-line') session.set('multi_line', !session.settings.multi_line);
      if (what === 'key-mode') session.set('key_mode', session.settings.key_mode === 'emacs' ? 'vi' : 'emacs');
    },
  });

  // What the first statement needs (statement runner, renderers, meta-command table) loads once the
  // prompt is on the screen, not before it.
  let runner: Promise<typeof import('./run-script.js')> | undefined;
  const loadRunner = () => (runner ??= import('./run-script.js'));
  setTimeout(() => {
    init.afterFirstPaint?.();
    void loadRunner().catch(() => undefined);
    void warmUpCompleter().catch(() => undefined);
  }, 0);

  session.onCatalog = () => editor.refreshCompletions();
  if (init.sqlite3Prelude?.length) {
    const { runScript } = await loadRunner();
    await runScript(session, init.sqlite3Prelude.join('\n'), { stopOnError: false, confirmDestructive: session.settings.confirm_destructive });
  }

  let pendingText: string | undefined;
  try {
    for (;;) {
      const prompt = formatPrompt(session.settings.prompt, session.connection.info, session.connection.transactionStatus());
      history.database = session.connection.info.url; // entries are recorded with it; Up/Down and suggestions prefer it
      const r = await editor.read(
        { prompt, continuation: (reason) => `${' '.repeat(Math.max(0, prompt.length - 2))}${continuationHint(reason)}> ` },
        pendingText,
      );
      pendingText = undefined;
      if (r.type === 'eof') {
        if (!(await session.confirmLeavingTransaction())) continue;
        break;
      }
      if (r.type === 'explain') {
        // F5: the plan of the statement at the cursor, by the same path as `select ... \explain`; nothing
        // runs (no analyze), nothing goes into history, and the buffer comes back to go on editing.
        pendingText = r.text;
        const { statementAt } = await import('../sql/statement-at.js');
        const st = statementAt(r.text, r.cursor, session.lex, { mysqlDelimiterCommand: session.dialect.id === 'mysql', dotCommands: session.dialect.id === 'sqlite' });
        if (!st) {
          session.io.message('F5 shows the plan of the SQL statement at the cursor: there is none in the buffer.');
          continue;
        }
        const { runScript } = await loadRunner();
        const abort = new AbortController();
        const onSigint = () => abort.abort();
        process.on('SIGINT', onSigint);
        try {
          await runScript(session, `${st.text} \\explain`, { signal: abort.signal, stopOnError: true, confirmDestructive: session.settings.confirm_destructive });
        } finally {
          process.off('SIGINT', onSigint);
        }
        continue;
      }
      const text = r.text;
      if (text.trim() === '') continue;
      // Never a password: \c passwords are masked, a statement that sets one is not kept at all.
      const kept = historyEntry(text, session.dialect.lex);
      if (kept !== undefined) history.add(kept);
      const abort = new AbortController();
      // The first Ctrl-C cancels; a later one asks the connection again (a server that does not
      // answer the cancel request is then dropped, so the prompt always comes back).
      const onSigint = () => (abort.signal.aborted ? void session.connection.cancel() : abort.abort());
      process.on('SIGINT', onSigint);
      let result;
      try {
        const { runScript } = await loadRunner();
        result = await runScript(session, text, {
          signal: abort.signal,
          stopOnError: false,
          confirmDestructive: session.settings.confirm_destructive,
        });
      } finally {
        process.off('SIGINT', onSigint);
      }
      completer.noteExecuted(text);
      if (result.quit) break;
      if (session.pendingEdit !== undefined) {
        pendingText = session.pendingEdit;
        session.pendingEdit = undefined;
      }
    }
  } finally {
    editor.close();
    await session.close();
  }
  return session.exitStatus ?? 0; // (sqlite3's .exit N)
}
