import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Completion } from '../../src/complete/completion.js';
import { shouldCompleteWhileTyping, typingMenuItems } from '../../src/editor/complete-policy.js';
import { Document } from '../../src/editor/document.js';

const opens = (textBeforeCursor: string, after = ''): boolean => shouldCompleteWhileTyping(new Document(textBeforeCursor + after, textBeforeCursor.length));

describe('complete while typing: when the menu opens by itself', () => {
  test('while a word is being typed, or right after a dot', () => {
    for (const t of ['s', 'select na', 'select * from us', 'select u.', 'select u.na', 'select "Us', '\\d', '\\dt us', 'select x1', 'select * from "my table".'])
      assert.equal(opens(t), true, t);
  });
  test('not after a complete operand, an operator, a parenthesis or a number', () => {
    for (const t of ['', ' ', 'select a ', "select length('abc') ", "select length('abc')", 'select 1', 'select 12', 'select 1.', 'select a +', 'select (', 'select 1;', 'select 1;\n', 'select a,',
      'select * from t ', 'select * from t where a = 1 ', 'select 1 as ', 'select * from t limit 10 ', 'select x.from ', 'select "from" ', 'select * from t order by a desc '])
      assert.equal(opens(t), false, JSON.stringify(t));
  });
  test('where a name is expected, as pgcli opens it: after FROM, JOIN, ON, WHERE, SELECT, a list comma, a column list', () => {
    for (const t of ['select ', 'SELECT ', 'select * from ', 'select * FROM\n', 'select * from a join ', 'select * from a join b on ', 'select * from a where ',
      'select a, ', 'select * from a, ', 'select * from a where x = 1 and ', 'select * from a group by ', 'update t set ', 'insert into ', 'insert into t (', 'insert into s.t(',
      'select * from a join b using (', 'truncate ', 'select distinct '])
      assert.equal(opens(t), true, JSON.stringify(t));
  });
  test('a backslash that starts a line opens the backslash commands; one inside a line does not', () => {
    assert.equal(opens('\\'), true);
    assert.equal(opens('select 1;\n  \\'), true);
    assert.equal(opens("select 'a\\"), false);
    assert.equal(opens('select 1 \\'), false);
  });
  test('not while naming an alias after AS', () => {
    for (const t of ['select 1 as v', 'select 1 AS val', 'select x as\nv', 'select * from t as t', 'select 1 as "My'])
      assert.equal(opens(t), false, t);
    assert.equal(opens('select 1 as'), true, 'typing AS itself is typing a keyword');
    assert.equal(opens('select alias v'.replace('alias v', 'has v')), true, 'a word ending in "as" is not AS');
  });
  test('the cursor position counts, not the end of the text', () => {
    assert.equal(opens('select na', ' from t'), true);
    assert.equal(opens('select a ', 'na'), false);
  });
});

describe('typingMenuItems', () => {
  const c = (text: string, start: number, end: number): Completion => ({ text, replace: { start, end }, kind: 'keyword' });
  test('a single candidate that is exactly the typed word (any case) opens no menu', () => {
    assert.equal(typingMenuItems([c('SELECT', 0, 6)], new Document('select')), undefined);
    assert.equal(typingMenuItems([c('users', 14, 19)], new Document('select * from users')), undefined);
    assert.equal(typingMenuItems([], new Document('x')), undefined);
  });
  test('otherwise the candidates are shown', () => {
    const items = [c('users', 14, 16)];
    assert.equal(typingMenuItems(items, new Document('select * from us')), items);
    const two = [c('user', 14, 18), c('users', 14, 18)];
    assert.equal(typingMenuItems(two, new Document('select * from user')), two, 'an exact match with others keeps the menu');
  });
});
