import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cols, render } from './collect-output.js';

describe('markdown sink', () => {
  test('GitHub table with a right-aligned numeric column', async () => {
    const text = await render(cols('id', 'name'), [[1, 'a'], [2, null]], { format: 'markdown', nullString: 'NULL' });
    assert.equal(text, '| id | name |\n| ---: | --- |\n| 1 | a |\n| 2 | NULL |\n');
  });
  test('pipes, newlines and control characters are escaped', async () => {
    const text = await render(cols('a|b'), [['x|y\nz\x1b']], { format: 'markdown' });
    assert.equal(text, '| a\\|b |\n| --- |\n| x\\|y<br>z\\x1B |\n');
  });
  test('zero rows still prints the header; table style markdown is the same sink', async () => {
    assert.equal(await render(cols('a'), [], { format: 'markdown' }), '| a |\n| --- |\n');
    assert.equal(await render(cols('a'), [], { tableStyle: 'markdown' }), '| a |\n| --- |\n');
  });
  test('exact big numbers and wide characters', async () => {
    const text = await render(cols('n', 't'), [[9007199254740993n, '日本語']], { format: 'markdown' });
    assert.ok(text.includes('| 9007199254740993 | 日本語 |'));
  });
});
