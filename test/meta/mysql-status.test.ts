/**
 * The mysql client's status block (\s): the parts that need no server. The block itself is compared with the
 * client in test/scripts/mariadb-compare.test.ts, on a server up for less than an hour: the hours and days
 * here are the client's words as documented, not compared (a count above 1 is plural: `0 hour`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { uptimeWords } from '../../src/meta/commands/mysql-status.js';

test("the server's uptime in the client's words: days, hours and minutes once reached, then seconds", () => {
  assert.equal(uptimeWords(0), '0 sec');
  assert.equal(uptimeWords(41), '41 sec');
  assert.equal(uptimeWords(821), '13 min 41 sec');
  assert.equal(uptimeWords(3600), '1 hour 0 min 0 sec');
  assert.equal(uptimeWords(2 * 3600 + 5), '2 hours 0 min 5 sec');
  assert.equal(uptimeWords(86400 + 61), '1 day 0 hour 1 min 1 sec');
  assert.equal(uptimeWords(3 * 86400 + 7200 + 180 + 4), '3 days 2 hours 3 min 4 sec');
});
