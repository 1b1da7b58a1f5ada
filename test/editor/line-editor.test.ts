import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Writable } from 'node:stream';
import { narrowMenu, toolbarText } from '../../src/editor/editor-frame.js';
import { defaultEditorSettings } from '../../src/editor/editor-settings.js';
import { History } from '../../src/editor/history.js';
import { LineEditor } from '../../src/editor/line-editor.js';
import { sqliteDialect } from '../../src/sql/dialects/sqlite.js';
import { openMenu } from '../../src/editor/commands/menu.js';
import { at, staticCompleter } from './helpers.js';

class FakeOut extends Writable {
  columns = 80;
  rows = 24;
  isTTY = true;
  text = '';
  override _write(chunk: Buffer, _e: BufferEncoding, cb: () => void): void {
    this.text += chunk.toString();
    cb();
  }
  getColorDepth(): number {
    return 8;
  }
}

function setup(opts: { onToggle?: (w: string, v: unknown) => void } = {}) {
  const input = new PassThrough() as unknown as NodeJS.ReadStream & { isRaw: boolean; rawCalls: boolean[] };
  const rawCalls: boolean[] = [];
  Object.assign(input, { isTTY: true, isRaw: false, setRawMode(v: boolean) { rawCalls.push(v); input.isRaw = v; return input; } });
  const output = new FakeOut();
  let multiLine = true;
  const editor = new LineEditor({
    input,
    output: output as unknown as NodeJS.WriteStream,
    dialect: () => sqliteDialect,
    history: History.inMemory(['select 1;']),
    complete: staticCompleter(['users', 'user_roles']),
    settings: () => ({ ...defaultEditorSettings, multiLine, completeWhileTyping: false }),
    ...(opts.onToggle ? { onToggle: (w: string, v: unknown) => { multiLine = w === 'multi-line' ? Boolean(v) : multiLine; opts.onToggle!(w, v); } } : {}),
    env: {},
  });
  return { input, output, editor, rawCalls };
}

const prompt = { prompt: '> ', continuation: () => '. ' };

describe('LineEditor', () => {
  test('read() returns the submitted text and leaves raw mode and bracketed paste', async () => {
    const { input, output, editor, rawCalls } = setup();
    const r = editor.read(prompt);
    input.write('select 2;\r');
    assert.deepEqual(await r, { type: 'submit', text: 'select 2;' });
    assert.deepEqual(rawCalls, [true, false]);
    assert.match(output.text, /\x1b\[\?2004h/);
    assert.match(output.text, /\x1b\[\?2004l/);
    assert.equal(input.isRaw, false);
  });
  test('keys typed after Enter are kept for the next read', async () => {
    const { input, editor } = setup();
    const r1 = editor.read(prompt);
    input.write('select 1;\rselect 2;\r');
    assert.deepEqual(await r1, { type: 'submit', text: 'select 1;' });
    assert.deepEqual(await editor.read(prompt), { type: 'submit', text: 'select 2;' });
  });
  test('Ctrl-D on an empty buffer is eof', async () => {
    const { input, editor } = setup();
    const r = editor.read(prompt);
    input.write('\x04');
    assert.deepEqual(await r, { type: 'eof' });
  });
  test('initialText is put in the buffer (\\e)', async () => {
    const { input, editor } = setup();
    const r = editor.read(prompt, 'select 9');
    input.write(';\r');
    assert.deepEqual(await r, { type: 'submit', text: 'select 9;' });
  });
  test('F3 calls onToggle and the next Enter follows the new setting', async () => {
    const toggles: Array<[string, unknown]> = [];
    const { input, editor } = setup({ onToggle: (w, v) => toggles.push([w, v]) });
    const r = editor.read(prompt);
    input.write('\x1bORselect 1\r');
    assert.deepEqual(await r, { type: 'submit', text: 'select 1' });
    assert.deepEqual(toggles, [['multi-line', false]]);
  });
  test('close() ends a pending read with eof and restores the terminal', async () => {
    const { input, editor } = setup();
    const r = editor.read(prompt);
    editor.close();
    assert.deepEqual(await r, { type: 'eof' });
    assert.equal(input.isRaw, false);
  });
  test('the frame shows the prompt and highlighted text', async () => {
    const { input, output, editor } = setup();
    const r = editor.read(prompt);
    input.write('select');
    await new Promise((res) => setImmediate(res));
    await new Promise((res) => setImmediate(res));
    assert.match(output.text, /> (\x1b\[0m)?\x1b\[1;38;5;75mselect/);
    editor.close();
    await r;
  });
});

describe('view helpers', () => {
  test('narrowMenu keeps the candidates that still match the word', () => {
    const items = ['users', 'user_roles', 'orders'].map((t) => ({ text: t, replace: { start: 5, end: 7 }, kind: 'table' as const }));
    const menu = openMenu(at('from us|'), items).menu!;
    assert.deepEqual(narrowMenu(menu, at('from use_|').doc)?.items.map((c) => c.text), undefined);
    assert.deepEqual(narrowMenu(menu, at('from user_|').doc)?.items.map((c) => c.text), ['user_roles']);
    assert.equal(narrowMenu(menu, at('from us |').doc), undefined);
  });
  test('the toolbar shows the toggles', () => {
    const t = toolbarText({ ...defaultEditorSettings, smartCompletion: false, keyMode: 'vi' }, at('', 'vi-normal'), 'hint');
    assert.match(t, /\[F2\] Smart completion: off/);
    assert.match(t, /\[F3\] Multi-line: ON/);
    assert.match(t, /\[F4\] Vi-normal/);
    assert.match(t, /hint$/);
  });
});
