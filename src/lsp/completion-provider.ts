/**
 * textDocument/completion: the library's complete() — the shell's own completion, same ranking, FK
 * joins and quoting — turned into LSP items. Each item replaces exactly the range complete() says
 * (a TextEdit; offsets are UTF-16 code units, as LSP positions are by default). Items keep the
 * engine's order through sortText; filterText is the text the item replaces, so a client's own
 * filter keeps what the engine chose (fuzzy matches included), and isIncomplete makes it ask again
 * as the user types.
 */
import { CompletionItemKind, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { listDirectory } from '../core/list-directory.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { shouldCompleteWhileTyping } from '../editor/complete-policy.js';
import { Document } from '../editor/document.js';
import { complete, type Catalog, type CompleteOptions, type Completion, type CompletionKind } from '../index.js';

/** The options the server completes with (the shell's defaults; no meta-commands: files hold SQL). */
export const LSP_COMPLETE_OPTIONS: CompleteOptions = Object.freeze({ smart: true, keywordCase: 'auto', maxResults: 100 });

/** As the shell: file names (read_csv('...'), ATTACH '...') from the server's working directory, hidden ones once a '.' is typed. */
function withFiles(text: string, offset: number): CompleteOptions {
  const word = /[^\s'"(]*$/.exec(text.slice(Math.max(0, offset - 1000), offset))?.[0] ?? '';
  const hidden = word.slice(word.lastIndexOf('/') + 1).startsWith('.');
  return { ...LSP_COMPLETE_OPTIONS, listFiles: (dir) => listDirectory(dir, hidden) };
}

const KIND: Readonly<Record<CompletionKind, CompletionItemKind>> = {
  keyword: CompletionItemKind.Keyword,
  schema: CompletionItemKind.Module,
  table: CompletionItemKind.Class,
  view: CompletionItemKind.Interface,
  cte: CompletionItemKind.Struct,
  column: CompletionItemKind.Field,
  alias: CompletionItemKind.Variable,
  join: CompletionItemKind.Snippet,
  'join-condition': CompletionItemKind.Snippet,
  function: CompletionItemKind.Function,
  datatype: CompletionItemKind.TypeParameter,
  database: CompletionItemKind.Module,
  index: CompletionItemKind.Reference,
  constraint: CompletionItemKind.Reference,
  role: CompletionItemKind.Constant,
  sequence: CompletionItemKind.Value,
  value: CompletionItemKind.EnumMember,
  collation: CompletionItemKind.Constant,
  charset: CompletionItemKind.Constant,
  extension: CompletionItemKind.Module,
  'meta-command': CompletionItemKind.Event,
  'named-query': CompletionItemKind.Reference,
  file: CompletionItemKind.File,
  setting: CompletionItemKind.Property,
  history: CompletionItemKind.Text,
};

/** One library completion as an LSP item (`index` keeps the engine's ranking). */
export function toItem(doc: TextDocument, c: Completion, index: number): CompletionItem {
  const range = { start: doc.positionAt(c.replace.start), end: doc.positionAt(c.replace.end) };
  const typed = doc.getText().slice(c.replace.start, c.replace.end);
  return {
    label: c.display ?? c.text,
    kind: KIND[c.kind] ?? CompletionItemKind.Text,
    ...(c.detail ? { detail: c.detail } : {}),
    labelDetails: { description: c.kind },
    sortText: String(index).padStart(4, '0'),
    filterText: typed === '' ? c.text : typed,
    textEdit: { range, newText: c.text },
    data: { kind: c.kind },
  };
}

/**
 * `typed`: the client asked because of a trigger character (a space, '.', ','), not because the user asked:
 * then the shell's rule for opening the menu by itself decides (after `FROM `, not after `select a `).
 */
export function provideCompletion(doc: TextDocument, offset: number, catalog: Catalog, typed = false): CompletionList {
  const text = doc.getText();
  if (typed && !shouldCompleteWhileTyping(new Document(text, offset))) return { isIncomplete: true, items: [] };
  const results = complete(text, offset, catalog, withFiles(text, offset));
  return { isIncomplete: true, items: results.map((c, i) => toItem(doc, c, i)) };
}
