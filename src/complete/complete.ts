/**
 * The completion engine's entry point: text + cursor + catalog -> ranked candidates.
 * Stage 1 (analyzeCursor, text only) says what is expected; stage 2 (offerCandidates) finds the names;
 * the Collector ranks them once. Synchronous, pure, total: no database, no terminal, no fs.
 */
import type { Catalog } from '../catalog/catalog.js';
import { analyzeCursor } from './analyze-cursor.js';
import { Collector } from './collector.js';
import type { CompleteOptions } from './complete-options.js';
import type { Completion } from './completion.js';
import { nameWriter } from './name-writer.js';
import { offerAllColumns, offerCandidates, offerFunctions, offerKeywords, offerRelations, type OfferContext } from './offer-candidates.js';
import type { Suggestion } from './suggestion.js';

export type { CompleteOptions } from './complete-options.js';

const SQL_KINDS = new Set<Suggestion['kind']>(['keyword', 'schema', 'relation', 'column', 'join', 'join-condition', 'function', 'datatype', 'alias']);

/** 'auto' follows the user: the typed prefix's case, else the case of the last reserved word before it (identifiers like `name` do not count). */
function keywordCaser(text: string, wordStart: number, prefix: string, mode: CompleteOptions['keywordCase'], keywords: ReadonlySet<string>): (k: string) => string {
  if (mode === 'upper') return (k) => k;
  if (mode === 'lower') return (k) => k.toLowerCase();
  let sample = /[A-Za-z]/.test(prefix) ? prefix : '';
  if (sample === '') {
    const re = /[A-Za-z_]+/g;
    // words inside strings, quoted names and comments are not the user's keywords ('/dev/null', "Order")
    const head = text.slice(Math.max(0, wordStart - 2000), wordStart).replace(/'(?:[^']|'')*'|"(?:[^"]|"")*"|`[^`]*`|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ');
    for (let m = re.exec(head); m; m = re.exec(head)) if (keywords.has(m[0].toUpperCase())) sample = m[0];
  }
  const lower = sample !== '' && sample === sample.toLowerCase();
  return lower ? (k) => k.toLowerCase() : (k) => k;
}

/** Built-in type names: upper or lower on request; 'auto' follows a typed prefix, else keeps the dialect's spelling. */
function typeCaser(prefix: string, mode: CompleteOptions['keywordCase'], builtin: ReadonlySet<string>): (t: string) => string {
  const upper = mode === 'upper' || (mode !== 'lower' && typedInCapitals(prefix));
  return (t) => (builtin.has(t) ? (upper ? t.toUpperCase() : t.toLowerCase()) : t);
}

const typedInCapitals = (prefix: string): boolean => /[A-Z]/.test(prefix) && prefix === prefix.toUpperCase();

/**
 * Built-in function names (case-insensitive on every engine; not keywords, so keyword_case does not force them):
 * in capitals when typed so (`MA` -> MAX), else as the catalog spells them (lower case under keyword_case lower).
 */
function functionCaser(prefix: string, mode: CompleteOptions['keywordCase']): (f: string) => string {
  if (mode !== 'lower' && typedInCapitals(prefix)) return (f) => f.toUpperCase();
  return mode === 'lower' ? (f) => f.toLowerCase() : (f) => f;
}

const JOINS_A_WORD = /^[\p{L}\p{N}_$"`[]/u;

/**
 * With the cursor right before a word (`SELECT |name`), an inserted name would run into it (`absname`):
 * such candidates end with a space, so the inserted text and the word after it read as they did.
 */
function separated(results: readonly Completion[], text: string, end: number): readonly Completion[] {
  if (results.length === 0 || end >= text.length || !JOINS_A_WORD.test(text.slice(end, end + 2))) return results;
  return Object.freeze(results.map((c) => (/[\p{L}\p{N}_$"`\]]$/u.test(c.text) ? Object.freeze({ ...c, text: `${c.text} ` }) : c)));
}

/**
 * Ranked completion candidates at `cursor` in `text`. Every candidate replaces the word under the cursor
 * (`replace` contains the cursor). Never throws on any text or cursor.
 */
export function complete(text: string, cursor: number, catalog: Catalog, options: CompleteOptions = {}): readonly Completion[] {
  const { word, suggestions } = analyzeCursor(text, cursor, catalog.dialect);
  const smart = options.smart !== false;
  // the star's expansion is smart completion's own: with it off, nothing
  if (suggestions.length === 0 || (!smart && suggestions[0]!.kind === 'star')) return Object.freeze([]);
  const max = Math.max(0, Math.floor(options.maxResults ?? 100));
  // file names are matched on the part after the last '/'
  const typed = suggestions.some((s) => s.kind === 'file-path') ? word.prefix.slice(word.prefix.lastIndexOf('/') + 1) : word.prefix;
  const pattern = typed.toLowerCase();
  const col = new Collector(pattern, options.recent, !smart, typed, catalog.dialect.identifierFolding === 'lower');
  const ctx: OfferContext = {
    catalog,
    word,
    options,
    max,
    names: nameWriter(catalog, catalog.dialect, word.quoted),
    keyword: keywordCaser(text, word.start, word.prefix, options.keywordCase ?? 'auto', catalog.dialect.reserved),
    typeCase: typeCaser(word.prefix, options.keywordCase ?? 'auto', new Set(catalog.dialect.datatypes)),
    functionCase: functionCaser(word.prefix, options.keywordCase ?? 'auto'),
  };
  if (!smart && suggestions.some((s) => SQL_KINDS.has(s.kind))) {
    // F2 off: keywords and every name that starts with the prefix, no context; all rank alike, shorter first, and
    // a keyword before a name spelled the same (`SEL`: SELECT before a table "select"), a function before both
    offerFunctions(ctx, col);
    offerKeywords(undefined, false, ctx, col);
    offerRelations(ctx, col);
    offerAllColumns(ctx, col);
  } else {
    for (const s of suggestions) offerCandidates(s, ctx, col);
  }
  return separated(col.results(max, word.start, word.end), text, word.end);
}
