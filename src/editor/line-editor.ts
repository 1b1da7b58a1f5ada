/**
 * The interactive line editor. The shell's loop calls `read()` once per input:
 *
 *   const editor = new LineEditor({ input: process.stdin, output: process.stdout, dialect: () => d,
 *     complete: (text, cursor) => completions, history: History.load(paths.historyFile),
 *     settings: () => editorSettings, onToggle, toolbar: () => 'hints' });
 *   const r = await editor.read({ prompt: 'db> ', continuation: (reason, n) => '... ' });
 *   if (r.type === 'submit') run(r.text); else exit();   // r.type === 'eof' on Ctrl-D
 *
 * During read() the editor owns the terminal (raw mode, bracketed paste) and restores it on every
 * way out (submit, eof, error, SIGTERM, uncaught exception); between reads the terminal is in its
 * cooked mode, quiet (quiet-terminal.ts), so the shell can run a query and get Ctrl-C as SIGINT while keys
 * typed meanwhile wait, unechoed, for the next read(). The caller adds
 * submitted input to the history (history.add). Keys typed ahead after Enter are kept for the next read().
 * `editExternally()` (external-editor.ts) is what `\e` uses; pass its result as `initialText`.
 */
import type { Completion } from '../complete/completion.js';
import type { SqlDialect } from '../sql/dialect.js';
import { editorStatusOptions, inputStatus } from '../sql/input-status.js';
import type { CommandContext, Effect, ToggleName } from './commands/command.js';
import { openMenu } from './commands/menu.js';
import { shouldCompleteWhileTyping, typingMenuItems } from './complete-policy.js';
import { handleKey } from './dispatch.js';
import { Document } from './document.js';
import { defaultEditorSettings, type EditorSettings } from './editor-settings.js';
import { edit, initialState, update, type EditorState, type MenuState } from './editor-state.js';
import { buildFrame, narrowMenu } from './editor-frame.js';
import { editExternally } from './external-editor.js';
import type { History } from './history.js';
import { KeyDecoder } from './key-decoder.js';
import type { KeyPress } from './key-press.js';
import type { Frame } from './layout.js';
import { Renderer } from './renderer.js';
import { ResizeWatcher } from './resize-watcher.js';
import { installTerminalRestore, RESTORE_SEQUENCE } from './terminal-restore.js';
import { quietCookedMode } from './quiet-terminal.js';

export { installTerminalRestore } from './terminal-restore.js';
export type { EditorSettings } from './editor-settings.js';

export interface LineEditorOptions {
  readonly input: NodeJS.ReadStream;
  readonly output: NodeJS.WriteStream;
  /** For highlighting and for deciding whether Enter runs the buffer (may change after \c). */
  readonly dialect: () => SqlDialect;
  /** Synchronous and fast; may return []. */
  readonly complete?: (text: string, cursor: number) => readonly Completion[];
  readonly history: History;
  readonly settings: () => EditorSettings;
  /** F2/F3/F4 were pressed; the editor applies the change at once and tells the shell. */
  readonly onToggle?: (what: ToggleName, value: unknown) => void;
  /** Extra hints for the bottom toolbar. */
  readonly toolbar?: () => string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export interface PromptSpec {
  readonly prompt: string;
  /** Prompt for line `lineNo` (2, 3, ...) of a multi-line buffer; `reason` says why the statement is open. */
  readonly continuation: (reason: string | undefined, lineNo: number) => string;
}

export type ReadResult =
  | { readonly type: 'submit'; readonly text: string }
  /** F5: explain the statement at `cursor` in `text`; the text comes back to the editor after. */
  | { readonly type: 'explain'; readonly text: string; readonly cursor: number }
  | { readonly type: 'eof' };

const ESC_TIMEOUT_MS = 30;
const HELP = 'Enter runs a statement ending in ; (Alt-Enter: newline) · Tab completes · F5 shows its plan · Ctrl-R searches history · Ctrl-X edits in $EDITOR · Ctrl-D exits';

interface Session {
  state: EditorState;
  prompt: PromptSpec;
  resolve: (r: ReadResult) => void;
  reject: (e: unknown) => void;
  uninstall: () => void;
  lastFrame?: Frame;
}

export class LineEditor {
  private readonly decoder = new KeyDecoder();
  private readonly renderer: Renderer;
  private session: Session | undefined;
  private backlog: KeyPress[] = [];
  private overrides: Partial<Record<'smartCompletion' | 'multiLine' | 'keyMode', unknown>> = {};
  private renderPending = false;
  private escTimer: NodeJS.Timeout | undefined;
  private completeTimer: NodeJS.Timeout | undefined;
  /** The previous menu, narrowed to what still matches, shown until fresh candidates arrive. */
  private ghost: MenuState | undefined;
  /** Cursor shape set for vi modes (block in normal mode, bar in insert mode). */
  private cursorShape = '';
  private readonly onData = (chunk: Buffer | string): void => this.guard(() => this.feed(this.decoder.feed(chunk)));
  private readonly resize: ResizeWatcher;
  private readonly onResize = (): void => this.guard(() => this.resize.resized((f) => this.guard(f)));

  constructor(private readonly opts: LineEditorOptions) {
    this.renderer = new Renderer(opts.output);
    this.resize = new ResizeWatcher((s) => opts.output.write(s), (report) => {
      if (!this.session) return;
      this.renderer.resized(opts.output.columns || 80, report);
      this.scheduleRender();
    }, () => opts.output.rows || 24);
  }

  /** The effective settings: the shell's, with F2/F3/F4 toggles applied. */
  settings(): EditorSettings {
    return { ...defaultEditorSettings, ...this.opts.settings(), ...this.overrides } as EditorSettings;
  }

  read(prompt: PromptSpec, initialText = ''): Promise<ReadResult> {
    if (this.session) return Promise.reject(new Error('LineEditor.read() is already running'));
    return new Promise<ReadResult>((resolve, reject) => {
      const mode = this.settings().keyMode === 'vi' ? 'vi-insert' : 'emacs';
      this.session = { state: initialState(initialText, mode), prompt, resolve, reject, uninstall: installTerminalRestore(this) };
      this.enterRaw();
      this.opts.input.on('data', this.onData);
      this.opts.output.on('resize', this.onResize);
      const typedAhead = this.backlog;
      this.backlog = [];
      this.guard(() => {
        this.draw();
        if (typedAhead.length) this.feed(typedAhead);
      });
    });
  }

  /** Restore the terminal (also called from exit and signal handlers). */
  restoreTerminal(): void {
    const { input, output } = this.opts;
    if (input.isTTY && input.isRaw) input.setRawMode(false);
    if (output.writable) output.write(RESTORE_SEQUENCE);
  }

  close(): void {
    if (this.session) this.end({ type: 'eof' });
  }

  private enterRaw(): void {
    const { input, output } = this.opts;
    if (input.isTTY) input.setRawMode(true);
    input.resume();
    output.write('\x1b[?2004h');
  }

  private leaveRaw(): void {
    const { input } = this.opts;
    input.off('data', this.onData);
    this.opts.output.off('resize', this.onResize);
    input.pause();
    if (this.cursorShape) this.opts.output.write('\x1b[0 q');
    this.cursorShape = '';
    this.ghost = undefined;
    this.restoreTerminal();
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch (e) {
      const s = this.session;
      if (!s) throw e;
      this.session = undefined;
      this.clearTimers();
      this.leaveRaw();
      s.uninstall();
      s.reject(e);
    }
  }

  private clearTimers(): void {
    this.resize.cancel();
    clearTimeout(this.escTimer);
    clearTimeout(this.completeTimer);
  }

  private context(): CommandContext {
    const settings = this.settings();
    const dialect = this.opts.dialect();
    const history = this.opts.history;
    return {
      inputStatus: (text) => inputStatus(text, dialect.lex, editorStatusOptions(dialect, settings.delimiter)),
      history: history.here,
      historyAll: history.entries,
      multiLine: settings.multiLine,
      ...(this.opts.complete ? { complete: this.opts.complete } : {}),
      suggestion: (text) => history.suggest(text),
    };
  }

  /** Handle keys in order; effects that end the read keep the remaining keys for the next read. */
  private feed(keys: readonly KeyPress[]): void {
    clearTimeout(this.escTimer);
    if (this.decoder.hasPending) this.escTimer = setTimeout(() => this.guard(() => this.feed(this.decoder.flush())), ESC_TIMEOUT_MS);
    if (keys.length === 0) return;
    let ctx = this.context();
    const menuBefore = this.session?.state.menu ?? this.ghost;
    let lastCommand: string | undefined;
    for (let i = 0; i < keys.length; i++) {
      const s = this.session;
      if (!s) {
        this.backlog.push(...keys.slice(i));
        return;
      }
      const key = keys[i]!;
      if (this.resize.reply(key)) continue;
      const out = handleKey(s.state, key, ctx);
      s.state = out.state;
      lastCommand = out.command;
      if (out.effect) {
        this.apply(out.effect);
        ctx = this.context(); // a toggle or a new buffer changes what the next keys see
      }
    }
    if (!this.session) return;
    clearTimeout(this.completeTimer);
    const typing = lastCommand === 'self-insert' || lastCommand === 'delete-backward';
    // While the fresh candidates are computed, keep showing the old ones that still match (display
    // only: they cannot be selected), so the menu does not flicker off and on with each key.
    const doc = this.session.state.doc;
    const narrowed = typing && menuBefore && !this.session.state.menu ? narrowMenu(menuBefore, doc) : undefined;
    this.ghost = narrowed && typingMenuItems(narrowed.items, doc) ? narrowed : undefined;
    if (typing) this.scheduleCompletion();
    this.scheduleRender();
  }

  /** What completion offers has changed (the catalog finished loading): recompute an open menu the user is
   *  not choosing in, or open one where typing would have. */
  refreshCompletions(): void {
    this.guard(() => {
      const s = this.session;
      if (!s || !this.opts.complete || s.state.search) return;
      const m = s.state.menu;
      if (!m) return this.scheduleCompletion();
      if (m.selected >= 0) return;
      s.state = openMenu(s.state, this.opts.complete(s.state.doc.text, s.state.doc.cursor));
      this.scheduleRender();
    });
  }

  private scheduleCompletion(): void {
    const settings = this.settings();
    const s = this.session;
    const doc = s?.state.doc;
    if (!settings.completeWhileTyping || !this.opts.complete || !s || !doc || s.state.menu || s.state.search || !shouldCompleteWhileTyping(doc)) {
      this.ghost = undefined;
      return;
    }
    this.completeTimer = setTimeout(() => this.guard(() => {
      const cur = this.session;
      if (!cur || cur.state.doc !== doc || cur.state.menu) return; // stale: the text has changed since
      const items = this.opts.complete!(doc.text, doc.cursor);
      if (cur.state.doc !== doc) return;
      this.ghost = undefined;
      this.scheduleRender();
      const shown = typingMenuItems(items, doc);
      if (shown) cur.state = openMenu(cur.state, shown);
    }), settings.completionDelayMs ?? 40);
  }

  private scheduleRender(): void {
    if (this.renderPending) return;
    this.renderPending = true;
    setImmediate(() => {
      this.renderPending = false;
      this.guard(() => this.draw());
    });
  }

  private frame(final = false): Frame {
    const s = this.session!;
    const out = this.opts.output;
    return buildFrame({
      state: this.ghost && !s.state.menu && !final ? update(s.state, { menu: this.ghost }) : s.state,
      prompt: s.prompt,
      settings: this.settings(),
      dialect: this.opts.dialect(),
      history: this.opts.history,
      cols: out.columns || 80,
      rows: out.rows || 24,
      colorDepth: out.getColorDepth?.(this.opts.env ?? process.env),
      env: this.opts.env ?? process.env,
      ...(this.opts.toolbar ? { toolbarHints: this.opts.toolbar() } : {}),
      final,
    });
  }

  private draw(): void {
    if (!this.session || this.resize.pending) return;
    const f = this.frame();
    this.session.lastFrame = f;
    const shape = this.settings().keyMode !== 'vi' ? '' : this.session.state.mode === 'vi-normal' ? '\x1b[2 q' : '\x1b[6 q';
    if (shape !== this.cursorShape) {
      this.opts.output.write(shape || '\x1b[0 q');
      this.cursorShape = shape;
    }
    this.renderer.render(f, this.opts.output.columns || 80);
  }

  private end(result: ReadResult, keepText = true): void {
    const s = this.session;
    if (!s) return;
    if (keepText) {
      const f = this.frame(true);
      this.renderer.render(f, this.opts.output.columns || 80);
      this.renderer.finish(f.rows.length);
    }
    this.session = undefined;
    this.clearTimers();
    this.leaveRaw();
    // While the submitted statement runs, keys typed are not echoed and wait for the next read.
    if (result.type !== 'eof') quietCookedMode(this.opts.input);
    s.uninstall();
    s.resolve(result);
  }

  private apply(effect: Effect): void {
    const s = this.session!;
    switch (effect.type) {
      case 'submit':
        return this.end({ type: 'submit', text: effect.text });
      case 'eof':
        return this.end({ type: 'eof' });
      case 'abort': {
        const f = this.frame(true);
        this.renderer.render(f, this.opts.output.columns || 80);
        this.renderer.finish(f.rows.length);
        s.state = initialState('', s.state.mode === 'emacs' ? 'emacs' : 'vi-insert');
        return;
      }
      case 'clear-screen':
        this.renderer.clearScreen();
        return;
      case 'help':
        s.state = update(s.state, { message: HELP });
        return;
      case 'explain':
        return this.end({ type: 'explain', text: s.state.doc.text, cursor: s.state.doc.cursor });
      case 'bell':
        this.opts.output.write('\x07');
        return;
      case 'toggle':
        return this.toggle(effect.what);
      case 'open-editor':
        return this.openEditor();
      case 'suspend':
        return this.suspend();
    }
  }

  private toggle(what: ToggleName): void {
    const s = this.session!;
    const cur = this.settings();
    const key = what === 'smart-completion' ? 'smartCompletion' : what === 'multi-line' ? 'multiLine' : 'keyMode';
    const value = key === 'keyMode' ? (cur.keyMode === 'vi' ? 'emacs' : 'vi') : !cur[key];
    if (key === 'keyMode') s.state = update(s.state, { mode: value === 'vi' ? 'vi-insert' : 'emacs', viPending: '' });
    // With onToggle the shell owns the setting (settings() reflects the change, and a later \set wins);
    // without it the editor remembers the toggle itself.
    if (this.opts.onToggle) {
      this.opts.onToggle(what, value);
      if (this.opts.settings()[key] !== value) this.overrides[key] = value;
      else delete this.overrides[key];
    } else {
      this.overrides[key] = value;
    }
  }

  private openEditor(): void {
    const s = this.session!;
    this.leaveRaw();
    const r = editExternally(s.state.doc.text, this.opts.env ?? process.env);
    this.enterRaw();
    this.opts.input.on('data', this.onData);
    this.opts.output.on('resize', this.onResize);
    s.state = edit(update(s.state, { menu: undefined }), new Document(r.text));
    if (r.error) s.state = update(s.state, { message: r.error });
    this.renderer.invalidate();
  }

  private suspend(): void {
    if (process.platform === 'win32') return;
    // Leave the buffer on screen (without menu and toolbar) and the cursor on a fresh line below it,
    // for the shell's "Stopped" message; on `fg` the editor is drawn again from there.
    const f = this.frame(true);
    this.renderer.render(f, this.opts.output.columns || 80);
    this.renderer.finish(f.rows.length);
    this.leaveRaw();
    // Signal handlers do not keep Node alive, and stdin is paused: hold the loop open until SIGCONT.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    process.once('SIGCONT', () => this.guard(() => {
      clearInterval(keepAlive);
      if (!this.session) return;
      this.enterRaw();
      this.opts.input.on('data', this.onData);
      this.opts.output.on('resize', this.onResize);
      this.renderer.invalidate();
      this.scheduleRender();
    }));
    process.kill(process.pid, 'SIGTSTP');
  }

}

