import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cols, render } from './collect-output.js';

describe('tsv sink', () => {
  test('COPY text escapes', async () => {
    const text = await render(cols('a', 'b'), [['t\tab', 'n\nl\rc\\s'], [null, '']], { format: 'tsv' });
    assert.equal(text, 'a\tb\nt\\tab\tn\\nl\\rc\\\\s\n\t\n');
  });
  test('null string and exact wide values', async () => {
    const text = await render(cols('a', 'b'), [[null, '日本語'], [9007199254740993n, { kind: 'decimal', text: '12345678901234567890.123456789' }]], { format: 'tsv', nullString: '\\N', header: false });
    assert.equal(text, '\\N\t日本語\n9007199254740993\t12345678901234567890.123456789\n');
  });
});
