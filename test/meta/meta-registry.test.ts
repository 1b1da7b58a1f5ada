import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { metaRegistry } from '../../src/meta/meta-registry.js';
import { metaCommandNames, metaArgHint } from '../../src/meta/meta-names.js';
import { editDistance } from '../../src/core/edit-distance.js';

describe('meta registry', () => {
  const reg = metaRegistry();

  test('looks up commands with + and S modifiers', () => {
    assert.equal(reg.lookup('\\dt')?.command.name, '\\dt');
    const dtPlus = reg.lookup('\\dt+');
    assert.deepEqual([dtPlus?.command.name, dtPlus?.plus, dtPlus?.system], ['\\dt', true, false]);
    const dS = reg.lookup('\\dS+');
    assert.deepEqual([dS?.command.name, dS?.plus, dS?.system], ['\\d', true, true]);
    assert.equal(reg.lookup('\\dT')?.command.name, '\\dT');
    assert.equal(reg.lookup('\\quit')?.command.name, '\\q');
    assert.equal(reg.lookup('\\dt++'), undefined);
    assert.equal(reg.lookup('\\x+'), undefined, '\\x takes no modifiers');
  });

  test('suggests the closest command for a typo', () => {
    assert.equal(reg.closest('\\describ'), '\\describe');
    assert.equal(reg.closest('\\conninf'), '\\conninfo');
    assert.equal(reg.closest('\\timming'), '\\timing');
    assert.equal(reg.closest('\\zzzzzzzz'), undefined);
  });

  test('no guess when several commands are equally close; a case slip is a guess', () => {
    // \% is one edit from \c, \d, \e, \g...: naming one of them misleads
    assert.equal(reg.closest('\\%'), undefined);
    assert.equal(reg.closest('\\dq'), undefined);
    assert.equal(reg.closest('\\X'), '\\x');
    assert.equal(reg.closest('\\Timing'), '\\timing');
    assert.equal(reg.closest('\\copyy'), '\\copy');
  });

  test('help lists every command once, one line each', () => {
    const help = reg.helpList();
    for (const c of reg.commands) {
      const lines = help.split('\n').filter((l) => l.trimStart().startsWith(`${c.syntax} `) || l.trim() === c.syntax);
      assert.equal(lines.length, 1, `${c.name} appears once in \\?`);
      assert.ok(c.summary.length <= 56, `${c.name} summary fits one line`);
    }
    assert.match(reg.helpFor('dt') ?? '', /^\\dt\[S\+\] \[PATTERN\]\n  list tables/);
    assert.match(reg.helpFor('\\copy') ?? '', /FORMAT csv, HEADER/);
    assert.equal(reg.helpFor('\\nope'), undefined);
  });

  test('names and argument hints for completion come from the declarations', () => {
    const names = metaCommandNames();
    for (const n of ['\\d', '\\dt', '\\q', '\\x', '\\T', '\\copy', '\\ns', '\\watch', '\\?']) assert.ok(names.includes(n), n);
    assert.deepEqual(metaArgHint('\\i', 0), { kind: 'file' });
    assert.deepEqual(metaArgHint('\\x', 0), { kind: 'keyword', choices: ['on', 'off', 'auto'] });
    assert.equal(metaArgHint('\\dt+', 0)?.kind, 'pattern');
    assert.equal(metaArgHint('\\q', 0), undefined);
  });

  test('edit distance counts swaps as one edit', () => {
    assert.equal(editDistance('\\td', '\\dt'), 1);
    assert.equal(editDistance('abc', 'abc'), 0);
    assert.equal(editDistance('', 'ab'), 2);
  });
});
