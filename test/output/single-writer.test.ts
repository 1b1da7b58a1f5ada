/**
 * One writer to the terminal (issue 10, item 1). Scans src/ and fails when anything but the
 * terminal writer and the edge (results stream, renderer, pager, terminal restore) writes to
 * stdout/stderr or hands the tty stream to something else; when a file other than
 * terminal-text.ts makes a TerminalText by a cast; or when the renderer's control-sequence escape
 * hatch (ownControl) is used outside the terminal edge. Each allowed use has a reason.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const srcDir = join(root, 'src');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

interface Allowed { readonly file: string; readonly line: RegExp; readonly reason: string }

/** Uses of the process's stdout/stderr (or console) that are allowed, each with its reason. */
const ALLOWED: readonly Allowed[] = [
  { file: 'src/output/terminal-writer.ts', line: /terminalWriter\(process\.(stdout|stderr)\)/, reason: 'the terminal writer itself (takes only TerminalText)' },
  { file: 'src/output/terminal-writer.ts', line: /^\/\*\* The writer over process\.(stdout|stderr)/, reason: 'a comment' },
  { file: 'src/shell/repl.ts', line: /stdout: streamOutput\(process\.stdout\)/, reason: 'results: sinks escape values, and on a tty streamOutput passes every write through scrubForTerminal' },
  { file: 'src/cli/run-batch.ts', line: /^\s*return process\.stdout;$/, reason: 'results in scripts: the stream under streamOutput (a terminal: scrubbed) or under fdOutput when a pipe will not take a write at once (exact to files and pipes)' },
  { file: 'src/cli/run-batch.ts', line: /process\.stdout\.on\('error'/, reason: 'EPIPE handling, writes nothing' },
  { file: 'src/shell/repl.ts', line: /installTerminalRestore\?\.\(process\.stdout\)/, reason: 'terminal restore at exit: fixed mode-reset sequences' },
  { file: 'src/editor/terminal-restore.ts', line: /= process\.stdout\): \(\) => void/, reason: 'terminal restore default target: fixed mode-reset sequences' },
  { file: 'src/shell/repl.ts', line: /^\s*output: process\.stdout,$/, reason: 'the line editor: frames are TerminalText (Renderer accepts nothing else); raw mode, bracketed paste and cursor shape are fixed sequences' },
  { file: 'src/editor/line-editor.ts', line: /^ \*\s+const editor = new LineEditor/, reason: 'a usage comment' },
  { file: 'src/shell/repl.ts', line: /createInterface\(\{ input: process\.stdin, output: process\.stdout, terminal: true \}\)/, reason: 'y/N questions: the question is passed through safeText' },
  { file: 'src/cli/prompt-hidden.ts', line: /const output: NodeJS\.WritableStream = tty \? tty\.output : process\.stderr;/, reason: 'the hidden password prompt: writes safeText(prompt) and a newline only' },
  { file: 'src/cli/prompt-hidden.ts', line: /tty = \{ input: new ReadStream\(r\), output: new WriteStream\(w\) \};/, reason: "the mysql client's -p prompt on the controlling terminal when standard input is a script: safeText(prompt) and a newline only" },
  { file: 'src/shell/paging-output.ts', line: /const stdout = process\.stdout;/, reason: 'reads isTTY, columns and rows only' },
  { file: 'src/lsp/server.ts', line: /createConnection\(process\.stdin, process\.stdout\)/, reason: 'sqlsh lsp: stdout is the JSON-RPC channel to the editor, framed by vscode-languageserver; never a terminal' },
  { file: 'src/lsp/server.ts', line: /conn\.console\.error\(/, reason: "the LSP connection's console: a window/logMessage notification to the editor, not the process's stderr" },
  { file: 'src/output/pager.ts', line: /terminal: \{ readonly columns\?: number \} = process\.stdout/, reason: 'reads columns only' },
];

const STREAM_USE = /process\.(stdout|stderr)(?!\.(isTTY|columns|rows|getColorDepth|hasColors)\b)|console\.(log|error|warn|info|debug|trace)\(|writeSync\(\s*[12]\b|new (tty\.)?WriteStream\(/;

describe('one terminal writer', () => {
  const files = sources(srcDir).map((p) => ({ path: relative(root, p).split('\\').join('/'), text: readFileSync(p, 'utf8') }));

  test('the scan sees the sources', () => assert.ok(files.length > 100, `only ${files.length} files under ${srcDir}`));

  test('nothing but the writer and the terminal edge writes to stdout/stderr', () => {
    const used = new Set<Allowed>();
    const bad: string[] = [];
    for (const f of files) {
      f.text.split('\n').forEach((line, i) => {
        if (!STREAM_USE.test(line)) return;
        const ok = ALLOWED.find((a) => a.file === f.path && a.line.test(line));
        if (ok) used.add(ok);
        else bad.push(`${f.path}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(bad, [], 'write through the terminal writer (src/output/terminal-writer.ts) or a TextOutput, or add an entry with its reason');
    const stale = ALLOWED.filter((a) => !used.has(a)).map((a) => `${a.file}: ${a.line}`);
    assert.deepEqual(stale, [], 'allowlist entries that match nothing any more: remove them');
  });

  test('only terminal-text.ts makes TerminalText by a cast', () => {
    const bad: string[] = [];
    for (const f of files) {
      if (f.path === 'src/output/terminal-text.ts') continue;
      f.text.split('\n').forEach((line, i) => {
        if (/\bas\s+(unknown\s+as\s+)?TerminalText\b|<TerminalText>/.test(line)) bad.push(`${f.path}:${i + 1}: ${line.trim()}`);
      });
    }
    assert.deepEqual(bad, []);
  });

  test('the control-sequence escape hatch is used only at the terminal edge', () => {
    const edge = new Set(['src/output/terminal-text.ts', 'src/editor/renderer.ts', 'src/meta/watch-statement.ts']);
    const bad = files.filter((f) => !edge.has(f.path) && /\bownControl\(/.test(f.text)).map((f) => f.path);
    assert.deepEqual(bad, []);
  });
});
