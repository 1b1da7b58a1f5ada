/**
 * V8 flags changed at run time (src/core/runtime-flags.ts): held and put back in any order, and a code
 * cache made under the flags of the start, which a fresh Node takes (made under the changed flags, it
 * refuses it: the control case).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { Script } from 'node:vm';
import { holdRuntimeFlag, runtimeFlagsNow, underStartFlags } from '../../src/core/runtime-flags.js';

const SOURCE = 'function add(a, b) { return a + b; } add(1, 2);';

/** Whether a fresh Node, started with this process's flags, refuses `data` as SOURCE's code cache. */
function refusedByFreshNode(data: Buffer): boolean {
  const check = `const { Script } = require('node:vm');
const s = new Script(${JSON.stringify(SOURCE)}, { filename: 'x.js', cachedData: Buffer.from(process.argv[1], 'base64') });
process.stdout.write(String(s.cachedDataRejected));`;
  const r = spawnSync(process.execPath, [...process.execArgv, '-e', check, data.toString('base64')], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout === 'true';
}

test('a flag held by two exports is put back when the last one ends, in either order', () => {
  assert.equal(runtimeFlagsNow().has('turbofan'), false);
  const first = holdRuntimeFlag('--no-turbofan', '--turbofan');
  const second = holdRuntimeFlag('--no-turbofan', '--turbofan');
  assert.deepEqual(runtimeFlagsNow().get('turbofan'), ['--turbofan', '--no-turbofan']);
  first();
  first(); // a second release is nothing
  assert.deepEqual(runtimeFlagsNow().get('turbofan'), ['--turbofan', '--no-turbofan'], 'still held by the second');
  second();
  assert.equal(runtimeFlagsNow().has('turbofan'), false, 'put back');
});

test('a code cache made under the start flags is taken by the next start; made under changed flags, refused', () => {
  const release = holdRuntimeFlag('--no-turbofan', '--turbofan');
  let underStart: Buffer;
  let underChanged: Buffer;
  try {
    const script = new Script(SOURCE, { filename: 'x.js' });
    script.runInThisContext();
    underChanged = script.createCachedData();
    underStart = underStartFlags(() => script.createCachedData());
  } finally {
    release();
  }
  assert.equal(refusedByFreshNode(underChanged), true, 'the control: V8 refuses a cache stamped with other flags');
  assert.equal(refusedByFreshNode(underStart), false);
});
