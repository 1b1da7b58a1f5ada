import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SETTINGS } from '../../src/config/settings.js';
import { applyPset } from '../../src/meta/pset.js';

describe('\\pset csv_fieldsep', () => {
  test("one one-byte character; a zero byte, nothing or two are refused in psql's words", () => {
    for (const v of ['\0', '', 'ab', 'é']) assert.deepEqual(applyPset(DEFAULT_SETTINGS, 'csv_fieldsep', v), { error: '\\pset: csv_fieldsep must be a single one-byte character' }, JSON.stringify(v));
  });

  test("a double quote, a newline or a carriage return: psql's own message", () => {
    for (const v of ['"', '\n', '\r']) assert.deepEqual(applyPset(DEFAULT_SETTINGS, 'csv_fieldsep', v), { error: '\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return' }, JSON.stringify(v));
  });

  test('a separator is taken and said back', () => {
    const r = applyPset(DEFAULT_SETTINGS, 'csv_fieldsep', ';');
    assert.ok('settings' in r);
    assert.equal(r.settings.csv_field_separator, ';');
    assert.equal(r.message, 'Field separator for CSV is ";".');
  });
});
