/**
 * The shell's completer: binds the completion engine to a live session. The engine is pure; this is
 * where the session's catalog snapshot, settings, meta-command declarations, the file system and the
 * names the user ran recently come in. Synchronous and cheap: it runs on keystrokes.
 */
import { emptyCatalog, type Catalog } from '../catalog/catalog.js';
import { listDirectory } from '../core/list-directory.js';
import { complete } from '../index.js'; // the library's entry: one completion path for the shell and for programs
import type { CompleteOptions, MetaCommandName } from '../complete/complete-options.js';
import type { Completion } from '../complete/completion.js';
import { DEFAULT_SETTINGS, settingSpec, SETTINGS } from '../config/settings.js';
import type { SqlDialect } from '../sql/dialect.js';
import { lex } from '../sql/lexer.js';
import type { Session } from './session.js';

export { listDirectory };

/** A completer function that also learns which names the user ran. */
export interface Completer {
  (text: string, cursor: number): readonly Completion[];
  /** Record the identifiers of a statement the user ran (call after each statement): they rank first. */
  noteExecuted(sql: string): void;
  /** Lower-cased name -> weight (higher = used more recently). */
  readonly recent: ReadonlyMap<string, number>;
}

const MAX_RECENT = 300;
const MAX_RESULTS = 100;
const ON_OFF: readonly string[] = Object.freeze(['on', 'off']);

/** The meta-command line under the cursor: command word (without '\\'), the arguments before the one being typed, its prefix. */
interface MetaLine {
  readonly command: string;
  readonly words: readonly string[];
  readonly prefix: string;
}

/** The current line before the cursor, when it is a backslash command with the cursor in an argument: `\cmd a b pre|`. */
function metaLineAt(text: string, cursor: number): MetaLine | undefined {
  const c = Math.max(0, Math.min(text.length, cursor));
  const line = text.slice(text.lastIndexOf('\n', c - 1) + 1, c);
  const m = /(?:^|\s)\\(\S+)(\s[\s\S]*)$/.exec(line);
  if (!m) return undefined;
  const parts = m[2]!.replace(/^\s+/, '').split(/\s+/);
  const prefix = parts.pop() ?? '';
  return { command: m[1]!, words: parts, prefix };
}

/** The file part after the last '/' of an argument, without an opening quote. */
function fileBase(prefix: string): string {
  const unq = prefix.replace(/^['"]/, '');
  return unq.slice(unq.lastIndexOf('/') + 1);
}

/** Relation names of a catalog as \d arguments: bare when visible through the search path, else schema-qualified. */
function relationArgs(catalog: Catalog): readonly string[] {
  return catalog.relations.map((r) => (r.visible ? r.def.name : `${r.def.schema}.${r.def.name}`));
}

/** Identifiers of a statement, lower-cased: bare words that are not reserved words, and quoted names unquoted. */
function identifiersOf(sql: string, dialect: SqlDialect): string[] {
  const out: string[] = [];
  // PostgreSQL folds unquoted names and keeps quoted ones exact: `"Users"` is not `users` (CompleteOptions.recent)
  const exact = dialect.identifierFolding === 'lower';
  for (const t of lex(sql, dialect.lex)) {
    if (t.type === 'word') {
      if (!dialect.reserved.has(t.text.toUpperCase())) out.push(t.text.toLowerCase());
    } else if (t.type === 'quoted-ident' && !t.unterminated && t.text.length > 2) {
      const q = t.text[0]!;
      const close = q === '[' ? ']' : q;
      const name = t.text.slice(1, -1).split(close + close).join(close);
      out.push(exact ? name : name.toLowerCase());
    }
  }
  return out;
}

/**
 * A completer for the REPL's editor, reading the session's state at each call (catalog, settings,
 * dialect, saved connections), so it never needs rebuilding after \c, \set or a catalog refresh.
 */
/** The meta-command declarations, loaded off the start-up path (warmUp); until then `\` completes nothing. */
let metaNamesModule: typeof import('../meta/meta-names.js') | undefined;
let metaRegistryModule: typeof import('../meta/meta-registry.js') | undefined;

/** Loads what completion needs beyond the first keystroke (the meta-command declarations). */
export async function warmUpCompleter(): Promise<void> {
  metaNamesModule ??= await import('../meta/meta-names.js');
  metaRegistryModule ??= await import('../meta/meta-registry.js');
}

export function makeCompleter(session: Session): Completer {
  const empties = new Map<string, Catalog>();
  const relationArgCache = new WeakMap<Catalog, readonly string[]>();
  const recent = new Map<string, number>();
  let tick = 0;
  let seenLastSql: string | undefined;
  let metaNames: readonly string[] | undefined;
  let metaEntries: readonly MetaCommandName[] | undefined;
  const commandNames = (): readonly string[] => {
    if (!metaNames) {
      if (!metaNamesModule) {
        void warmUpCompleter();
        return [];
      }
      try {
        metaNames = metaNamesModule.metaCommandNames();
      } catch {
        metaNames = []; // a broken declaration table must not break typing; \? reports it
      }
    }
    return metaNames;
  };
  /** The command names with their one-line help, for the menu's detail column. */
  const commandEntries = (): readonly MetaCommandName[] => {
    if (metaEntries) return metaEntries;
    const names = commandNames();
    if (!metaRegistryModule || names.length === 0) return names.map((name) => ({ name }));
    try {
      const registry = metaRegistryModule.metaRegistry();
      metaEntries = names.map((name) => {
        const summary = registry.lookup(name)?.command.summary;
        return summary ? { name, summary } : { name };
      });
    } catch {
      metaEntries = names.map((name) => ({ name }));
    }
    return metaEntries;
  };
  // the meta line of the call in progress (set before `complete`, read by the callbacks)
  let current: MetaLine | undefined;

  const catalogNow = (): Catalog => {
    if (session.catalog) return session.catalog;
    const d = session.dialect;
    let c = empties.get(d.id);
    if (!c) {
      c = emptyCatalog(d);
      empties.set(d.id, c);
    }
    return c;
  };

  const noteExecuted = (sql: string): void => {
    const names = identifiersOf(sql, session.dialect);
    if (names.length === 0) return;
    tick++;
    for (const n of names) {
      recent.delete(n); // re-insert: Map order is then oldest first
      recent.set(n, tick);
    }
    while (recent.size > MAX_RECENT) recent.delete(recent.keys().next().value!);
  };

  const listFiles = (dir: string): readonly string[] => listDirectory(dir, current !== undefined && fileBase(current.prefix).startsWith('.'));

  const metaArgs = (command: string, prefix: string): readonly string[] => {
    const index = current && current.command === command ? current.words.length : 0;
    const hint = metaNamesModule?.metaArgHint(`\\${command}`, index);
    if (!hint) return [];
    if (hint.choices) return hint.choices;
    switch (hint.kind) {
      case 'relation':
      case 'pattern': {
        const cat = catalogNow();
        let names = relationArgCache.get(cat);
        if (!names) {
          names = relationArgs(cat);
          relationArgCache.set(cat, names);
        }
        return names;
      }
      case 'target':
        return [...session.connections.keys(), ...catalogNow().databases];
      case 'command':
        return commandNames();
      case 'setting':
        return SETTINGS.map((s) => s.key);
      case 'file': {
        const slash = prefix.lastIndexOf('/');
        const dir = slash >= 0 ? prefix.slice(0, slash + 1) : '';
        return listFiles(dir).map((e) => dir + e);
      }
      case 'text':
        // \set NAME |: that setting's values
        if (command === 'set' && index === 1 && current) return settingValues(current, session);
        return [];
      default:
        return []; // named queries load asynchronously; numbers and free text have no candidates
    }
  };

  const completer = (text: string, cursor: number): readonly Completion[] => {
    const last = session.lastSql;
    if (last !== undefined && last !== seenLastSql) {
      seenLastSql = last;
      noteExecuted(last);
    }
    current = text.includes('\\') ? metaLineAt(text, cursor) : undefined;
    const options: CompleteOptions = {
      smart: session.settings.smart_completion,
      keywordCase: session.settings.keyword_case,
      maxResults: MAX_RESULTS,
      recent,
      metaCommands: commandEntries(),
      metaArgs,
      listFiles,
    };
    try {
      const results = complete(text, cursor, catalogNow(), options);
      return current && (current.command === 'c' || current.command === 'connect') && current.words.length === 0
        ? withSavedConnections(results, current.prefix, cursor, text, session)
        : results;
    } finally {
      current = undefined;
    }
  };
  return Object.assign(completer, { noteExecuted, recent: recent as ReadonlyMap<string, number> });
}

/** Values for `\set NAME |`: the setting's choices, or on/off for a boolean. */
function settingValues(line: MetaLine, session: Session): readonly string[] {
  const spec = settingSpec(line.words[0] ?? '');
  if (!spec) return [];
  if (spec.values) return spec.values;
  return typeof DEFAULT_SETTINGS[spec.key] === 'boolean' || typeof session.settings[spec.key] === 'boolean' ? ON_OFF : [];
}

/** `\c |`: saved connection names first (they are what people switch between), then the catalog's databases. */
function withSavedConnections(results: readonly Completion[], prefix: string, cursor: number, text: string, session: Session): readonly Completion[] {
  // only where the engine completes databases (not MySQL's two-character `\c` = clear)
  if (session.connections.size === 0 || !results.every((r) => r.kind === 'database')) return results;
  let end = cursor;
  while (end < text.length && !/\s/.test(text[end]!)) end++;
  const replace = results[0]?.replace ?? { start: cursor - prefix.length, end };
  const lower = prefix.toLowerCase();
  const saved: Completion[] = [];
  for (const [name, c] of session.connections) {
    if (!name.toLowerCase().startsWith(lower)) continue;
    saved.push(Object.freeze({ text: name, replace, kind: 'database' as const, detail: c.url.replace(/\/\/[^@/]*@/, '//'), display: name }));
  }
  if (saved.length === 0) return results;
  saved.sort((a, b) => (a.text < b.text ? -1 : 1));
  const names = new Set(saved.map((s) => s.text));
  return Object.freeze([...saved, ...results.filter((r) => !names.has(r.text))].slice(0, MAX_RESULTS));
}
