/**
 * The text psql 15 sends for each request of a script (its query buffer). Every expectation here was
 * read from a PostgreSQL server's statement log (log_statement = 'all') after `psql -X -f` of the same
 * input; test/scripts/psql-statement-log.test.ts compares the two logs for real on random scripts.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { splitStatements } from '../../src/sql/splitter.js';
import fc from 'fast-check';
import { psqlEchoLines, psqlQueryText, psqlQueryTextWithoutFastPath, type PsqlQueryText } from '../../src/sql/psql-query-text.js';
import { postgresDialect } from '../../src/sql/dialects/postgres.js';

const lex = postgresDialect.lex;

/** What psql sends for a script, request by request (carrying a buffer past commands that leave it). */
function sent(script: string): string[] {
  const out: string[] = [];
  let carry: PsqlQueryText | undefined;
  for (const st of splitStatements(script, lex)) {
    const b = psqlQueryText(script, st.segmentStart, st.segmentEnd, lex, carry);
    carry = undefined;
    if (st.kind === 'meta') {
      if (/^\\g\b/.test(st.text) && b.text !== '') out.push(b.text);
      else if (b.text !== '') carry = b;
      continue;
    }
    if (st.terminator !== undefined && st.terminator !== ';' && !/^\\g\b/.test(st.terminator)) {
      carry = b.text === '' ? undefined : b;
      continue;
    }
    if (b.text !== '') out.push(b.text);
  }
  if (carry) out.push(carry.text);
  return out;
}

describe("psql's query buffer, as the server receives it", () => {
  test('leading whitespace and -- comments dropped, /* */ kept, the ; sent, \\; becomes ;', () => {
    assert.deepEqual(sent("-- leading comment\nselect 1;  /* c */ select 2 \\; select 3;\n/* block */ select 'a' -- trailing\n;\n"), [
      'select 1;',
      '/* c */ select 2 ; select 3;',
      "/* block */ select 'a' -- trailing\n;",
    ]);
  });

  test('empty lines are skipped outside quotes, kept inside a dollar quote; a lone ; and a lone comment are requests', () => {
    assert.deepEqual(sent('select 1;;\n;\n/* only comment */;\nselect 2\n\n\n  \n, 3;\nselect $$a\n\nb$$;\n'), [
      'select 1;',
      ';',
      ';',
      '/* only comment */;',
      'select 2\n  \n, 3;',
      'select $$a\n\nb$$;',
    ]);
  });

  test('\\g at the end of a line keeps the space before it; on its own line it takes back the newline', () => {
    assert.deepEqual(sent('select 4 \\g\nselect 5\n\\g\nselect 6\n  \\g\n'), ['select 4 ', 'select 5', 'select 6\n  ']);
  });

  test('what is left at the end of the input is sent, with a trailing comment', () => {
    assert.deepEqual(sent('select 7 -- tail\n/* end */'), ['select 7 -- tail\n/* end */']);
  });

  test('SQL before a command that does not take it stays in the buffer for the next line', () => {
    assert.deepEqual(sent('select 1 \\echo x\n, 2;\n/* c */\n\\set a 1\nselect 3;\n'), ['select 1 \n, 2;', '/* c */\nselect 3;']);
  });

  test('the start offset and the flags', () => {
    const script = '\n-- x\n  /* c */ select 1 \\; select 2;';
    const b = psqlQueryText(script, 0, script.length, lex);
    assert.equal(b.start, script.indexOf('/*'));
    assert.equal(b.joined, true);
    assert.equal(b.hasSql, true);
    const c = psqlQueryText('/* only */;', 0, 11, lex);
    assert.equal(c.hasSql, false);
    assert.equal(c.joined, false);
  });
});

describe("psql's ECHO=all: the lines as psql reads them", () => {
  test('every line, comments too; an empty line only inside a quote or comment; a last line without newline', () => {
    const script = "-- c\nselect 1;\n\n/* a\n\nb */ select 'x\n\ny';\n\\echo hi\nselect 2";
    assert.equal(psqlEchoLines(script, 0, script.length, lex), "-- c\nselect 1;\n/* a\n\nb */ select 'x\n\ny';\n\\echo hi\nselect 2\n");
  });
});

describe('psqlQueryText: its fast path (the range taken as written) gives what reading it token by token gives', () => {
  const FRAGMENTS = [
    'select 1', 'insert into t values (1, \'a\')', ';', '\\;', '\\echo x', '\\g', '\\\\', '\\', '\n', '\n\n', '\r\n', ' ', '\t', '-- c', '/* c */',
    "'", "'a\n\nb'", '"', '$$', '$$x\n\ny$$', "E'\\n'", '/*', '*/', 'x', '(', ')',
  ];
  const text = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 3 })), { maxLength: 30 }).map((p) => p.join(''));
  test('for any range of any text, with or without a carry, with the PostgreSQL flags and E-strings off or backslash escapes on', () => {
    fc.assert(fc.property(text, fc.nat(), fc.nat(), fc.boolean(), fc.boolean(), (input, a, b, withCarry, escapes) => {
      const opts = escapes ? { ...lex, backslashEscapes: true } : lex;
      const from = a % (input.length + 1);
      const to = from + (b % (input.length - from + 1));
      const carry = withCarry ? psqlQueryTextWithoutFastPath(input, 0, from, opts) : undefined;
      assert.deepStrictEqual(psqlQueryText(input, from, to, opts, carry), psqlQueryTextWithoutFastPath(input, from, to, opts, carry));
    }), { numRuns: 3000 });
  });
  test("for each statement of a script split as runScript splits it", () => {
    fc.assert(fc.property(text, (input) => {
      let carry: PsqlQueryText | undefined;
      for (const st of splitStatements(input, lex)) {
        const got = psqlQueryText(input, st.segmentStart, st.segmentEnd, lex, carry);
        assert.deepStrictEqual(got, psqlQueryTextWithoutFastPath(input, st.segmentStart, st.segmentEnd, lex, carry));
        carry = st.kind === 'meta' && got.text !== '' ? got : undefined;
      }
    }), { numRuns: 1000 });
  });
});
