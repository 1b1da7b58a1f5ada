import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzyMatch } from '../../src/complete/fuzzy-match.js';

describe('fuzzyMatch', () => {
  const cases: [string, string, number][] = [
    ['', 'anything', 0],
    ['alb', 'album_id', 0],
    ['ALB'.toLowerCase(), 'Album_Id', 0],
    ['ali', 'album_id', 1],
    ['aid', 'artist_id', 1],
    ['ua', 'UserAccounts', 1],
    ['uacc', 'UserAccounts', 1],
    ['ii', 'invoice_items', 1],
    ['t2', 'table2', 1],
    ['ml', 'milliseconds', 2],
    ['trk', 'tracks', 2],
    ['xyz', 'tracks', -1],
    ['tracksx', 'tracks', -1],
    ['li', 'album_id', 2],
  ];
  for (const [p, name, rank] of cases) test(`${JSON.stringify(p)} ~ ${name} -> ${rank}`, () => assert.equal(fuzzyMatch(p, name), rank));
});
