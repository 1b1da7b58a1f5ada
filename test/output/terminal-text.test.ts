import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { escapeForTerminal, needsEscape } from '../../src/output/escape.js';
import { joinText, ownControl, safeLines, safeText, scrubForTerminal, sgr, styled, term } from '../../src/output/terminal-text.js';

/** Everything that must never reach a terminal raw from data (newline aside where kept). */
const FORBIDDEN = /[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('safeText: every class of code point', () => {
  const cases: ReadonlyArray<readonly [string, string, string]> = [
    ['ESC sequence', '\x1b[2J', '\\x1b[2J'],
    ['OSC 52 with BEL', '\x1b]52;c;aGk=\x07', '\\x1b]52;c;aGk=\\x07'],
    ['C1 CSI', '\u009b2J', '\\x9b2J'],
    ['every C1', '\u0080\u009f', '\\x80\\x9f'],
    ['DEL', '\x7f', '\\x7f'],
    ['named C escapes', '\t\r\n\b\f\v\0', '\\t\\r\\n\\b\\f\\v\\0'],
    ['bidi overrides and isolates', '\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069', '\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069'],
    ['bidi marks', '\u200e\u200f\u061c', '\\u200e\\u200f\\u061c'],
    ['zero-width space, word joiner, BOM', 'a\u200bb\u2060c\ufeffd', 'a\\u200bb\\u2060c\\ufeffd'],
    ['soft hyphen, Mongolian vowel separator', 'a\u00adb\u180ec', 'a\\xadb\\u180ec'],
    ['invisible operators, deprecated formats', '\u2061\u2064\u206a\u206f', '\\u2061\\u2064\\u206a\\u206f'],
    ['line/paragraph separators', '\u2028\u2029', '\\u2028\\u2029'],
    ['interlinear annotation', '\ufff9\ufffb', '\\ufff9\\ufffb'],
    ['lone surrogates', 'a\ud800b\udc00', 'a\\ud800b\\udc00'],
    ['ZWJ between ASCII letters (spoofing)', 'ad\u200dmin', 'ad\\u200dmin'],
    ['ZWNJ at the start', '\u200cabc', '\\u200cabc'],
    ['a lone tag character', 'a\u{e0041}', 'a\\u{e0041}'],
  ];
  for (const [what, input, expected] of cases) test(what, () => assert.equal(safeText(input), expected));

  const kept: ReadonlyArray<readonly [string, string]> = [
    ['plain ASCII, CJK, emoji with skin tone', 'abc 日本語 👍🏽'],
    ['ZWJ emoji sequence (family)', '👨\u200d👩\u200d👧'],
    ['ZWJ after VS16 (heart on fire)', '❤\ufe0f\u200d🔥'],
    ['ZWNJ in Persian', 'می\u200cخواهم'],
    ['ZWJ in Devanagari', 'क्\u200dष'],
    ['emoji tag sequence (flag of Scotland)', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['variation selectors, combining marks', 'e\u0301 ☺\ufe0e'],
    ['backslashes stay readable', 'C:\\path\\to'],
  ];
  for (const [what, input] of kept) test(`kept: ${what}`, () => assert.equal(safeText(input), input));

  test('newlines kept only when asked', () => {
    assert.equal(safeText('a\nb'), 'a\\nb');
    assert.equal(safeText('a\r\nb', { newlines: true }), 'a\\r\nb');
    assert.equal(safeLines('a\n\x1bb'), 'a\n\\x1bb');
    // a line's tabs are kept (libpq's hint lines, a COPY error's CONTEXT line, as psql prints them)
    assert.equal(safeLines('\tfailed: x\ty\n\tIs the server running?\tz\n\x1b'), '\tfailed: x\ty\n\tIs the server running?\tz\n\\x1b'); // tabs kept, as psql prints a message's tabs
  });
});

describe('building terminal text', () => {
  test('term`` trusts the literal and escapes the values', () => {
    assert.equal(term`\x1b[1mname:\x1b[0m ${'\x1b[2J'} (${3})`, '\x1b[1mname:\x1b[0m \\x1b[2J (3)');
  });
  test('styled() wraps escaped text in the program SGR; rejects anything but SGR parameters', () => {
    assert.equal(styled('1;38;5;75', safeText('a\x07')), '\x1b[1;38;5;75ma\\x07\x1b[0m');
    assert.equal(styled('', safeText('x')), 'x');
    assert.throws(() => styled('2J\x1b[', safeText('x')));
    assert.throws(() => sgr('0m\x1b]52'));
  });
  test('ownControl() accepts CSI/CR/LF/BEL only, never text', () => {
    assert.equal(ownControl('\x1b[3A\r\x1b[K\x1b[?25h'), '\x1b[3A\r\x1b[K\x1b[?25h');
    assert.throws(() => ownControl('\x1b]52;c;aGk=\x07'));
    assert.throws(() => ownControl('hello'));
  });
  test('joinText keeps safety', () => assert.equal(joinText([safeText('\x1b'), safeText('b')], safeText(',')), '\\x1b,b'));
  test('scrubForTerminal passes SGR and newlines, escapes every other control', () => {
    assert.equal(scrubForTerminal('\x1b[1mh\x1b[0m\n\x1b[2J\u009b\u202e'), '\x1b[1mh\x1b[0m\n\\x1b[2J\\x9b\\u202e');
    assert.equal(scrubForTerminal('plain'), 'plain');
  });
});

describe('property: escaped text is safe, idempotent and visibly distinct', () => {
  // Strings biased toward the dangerous code points.
  const dangerous = fc.constantFrom(
    '\x1b', '\x07', '\x00', '\r', '\n', '\t', '\x7f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200b', '\u200c', '\u200d',
    '\u2060', '\ufeff', '\u061c', '\u00ad', '\ud800', '\udfff', '\u{e0041}', '👨', '🏴', 'a', 'ب', '\\', ' ', '[', ']', 'x',
  );
  const hostile = fc.array(fc.oneof(dangerous, fc.string({ unit: 'binary' })), { maxLength: 30 }).map((a) => a.join(''));
  const anyString = fc.oneof(hostile, fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }));

  test('no C0 (but newline when kept), C1, ESC, bidi control or invisible character survives', () => {
    fc.assert(
      fc.property(anyString, fc.boolean(), (s, newlines) => {
        const out = safeText(s, { newlines });
        const check = newlines ? out.replace(/\n/g, '') : out;
        // joiners and tags are kept only inside a sequence that needs them; judge the rest
        assert.doesNotMatch(check.replace(/[\u200c\u200d]|\udb40[\udc00-\udc7f]/g, ''), FORBIDDEN);
      }),
      { numRuns: 3000 },
    );
  });

  test('a joiner or tag kept is inside a sequence (never first, never next to ASCII)', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = safeText(s);
        for (const m of out.matchAll(/[\u200c\u200d]/g)) {
          assert.ok(m.index! > 0 && m.index! < out.length - 1, JSON.stringify(out));
          assert.doesNotMatch(out[m.index! - 1]! + out[m.index! + 1]!, /[\x00-\x7f]/);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('idempotent, unchanged when safe, and visibly different when not', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const out = escapeForTerminal(s);
        assert.equal(escapeForTerminal(out), out);
        if (!needsEscape(s)) assert.equal(out, s);
        if (FORBIDDEN.test(s.replace(/[\u200c\u200d]|\udb40[\udc00-\udc7f]/g, ''))) assert.notEqual(out, s);
      }),
      { numRuns: 3000 },
    );
  });

  test('the edge guard lets only SGR and line ends (\\n, \\r\\n) through', () => {
    assert.equal(scrubForTerminal('a,b\r\n1,2\r\n'), 'a,b\r\n1,2\r\n');
    assert.equal(scrubForTerminal('over\rwrite\r'), 'over\\rwrite\\r');
    fc.assert(
      fc.property(anyString, (s) => {
        const out = scrubForTerminal(s).replace(/\x1b\[[0-9;:]*m/g, '').replace(/\r?\n/g, '');
        assert.doesNotMatch(out.replace(/[\u200c\u200d]|\udb40[\udc00-\udc7f]/g, ''), FORBIDDEN);
      }),
      { numRuns: 3000 },
    );
  });

  test('the escapes are all visible ASCII', () => {
    fc.assert(
      fc.property(anyString, (s) => {
        const added = safeText(s).length - s.length;
        if (added > 0) assert.match(safeText(s), /\\(x[0-9a-f]{2}|u[0-9a-f]{4}|u\{[0-9a-f]+\}|[trnbfv0])/);
      }),
      { numRuns: 1000 },
    );
  });
});
