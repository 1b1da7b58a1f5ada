import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Completion } from '../../src/complete/completion.js';
import { openMenu } from '../../src/editor/commands/menu.js';
import { at, ctx, show, staticCompleter, type } from './helpers.js';

const c = ctx({ complete: staticCompleter(['users', 'user_roles', 'orders']) });

describe('completion menu', () => {
  test('Tab with several candidates opens the menu with the first selected and previewed', () => {
    const s = type(at('select * from us|'), '\t', c).state;
    assert.equal(s.menu?.items.length, 2);
    assert.equal(s.menu?.selected, 0);
    assert.equal(show(s), 'select * from users|');
  });
  test('Tab with one candidate inserts it', () => {
    const s = type(at('select * from or|'), '\t', c).state;
    assert.equal(s.menu, undefined);
    assert.equal(show(s), 'select * from orders|');
  });
  test('Tab/Down cycle, Shift-Tab/Up go back, wrapping', () => {
    assert.equal(type(at('from us|'), '\t\t', c).state.doc.text, 'from user_roles');
    assert.equal(type(at('from us|'), '\t\t\t', c).state.doc.text, 'from users');
    assert.equal(type(at('from us|'), '\t\x1b[B', c).state.doc.text, 'from user_roles');
    assert.equal(type(at('from us|'), '\t\x1b[Z', c).state.doc.text, 'from user_roles');
    assert.equal(type(at('from us|'), '\t\t\x1b[A', c).state.doc.text, 'from users');
  });
  test('Enter accepts the selection without submitting', () => {
    const r = type(at('from us|'), '\t\t\r', c);
    assert.deepEqual(r.effects, []);
    assert.equal(r.state.menu, undefined);
    assert.equal(show(r.state), 'from user_roles|');
  });
  test('Esc dismisses and restores the typed text', () => {
    const s = type(at('from us|'), '\t\t\x1b', c).state;
    assert.equal(s.menu, undefined);
    assert.equal(show(s), 'from us|');
  });
  test('typing closes the menu and keeps the previewed text', () => {
    assert.equal(show(type(at('from us|'), '\t ', c).state), 'from users |');
  });
  test('accepting replaces exactly replace.start..replace.end (a quoted identifier in the middle)', () => {
    const items: Completion[] = [
      { text: '"Order Items"', replace: { start: 14, end: 18 }, kind: 'table' },
      { text: 'orders', replace: { start: 14, end: 18 }, kind: 'table' },
    ];
    const s0 = openMenu(at('select * from "Ord| where 1'), items);
    assert.equal(s0.doc.text, 'select * from "Ord where 1', 'opening without a selection does not change the text');
    const s = type(s0, '\t\r', c).state;
    assert.equal(show(s), 'select * from "Order Items"| where 1');
  });
  test('Enter with the menu open but nothing selected acts as Enter', () => {
    const s0 = openMenu(at('select 1;|'), [{ text: 'x', replace: { start: 9, end: 9 }, kind: 'keyword' }]);
    assert.deepEqual(type(s0, '\r', c).effects, [{ type: 'submit', text: 'select 1;' }]);
  });
  test('Tab with no candidates rings the bell', () => {
    assert.deepEqual(type(at('zzz|'), '\t', c).effects, [{ type: 'bell' }]);
  });
  test('undo after accepting goes back to the text before the menu', () => {
    assert.equal(show(type(at('from us|'), '\t\t\r\x1f', c).state), 'from us|');
  });
});
