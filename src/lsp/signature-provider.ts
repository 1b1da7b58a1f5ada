/**
 * textDocument/signatureHelp: inside `f(a, b|`, the signatures of f from the catalog (every overload),
 * with the argument under the cursor active. Built-ins the catalog does not describe have none.
 */
import type { SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import type { Catalog } from '../index.js';
import { splitArgs } from '../sql/argument-list.js';
import { lex } from '../sql/lexer.js';
import { isTrivia, type Token } from '../sql/token.js';
import { functionsNamed } from './catalog-text.js';
import { unquote } from './name-at.js';

const skip = (t: Token): boolean => isTrivia(t);

/** The function call the cursor is inside of: its name (and schema) and the argument index. */
export function callAt(text: string, offset: number, tokens: readonly Token[]): { name: string; schema?: string; arg: number } | undefined {
  let depth = 0;
  let commas = 0;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (t.end > offset) continue;
    if (t.text === ';') return undefined;
    if (t.text === ')') depth++;
    else if (t.text === '(') {
      if (depth > 0) {
        depth--;
        continue;
      }
      let j = i - 1;
      while (j >= 0 && skip(tokens[j]!)) j--;
      const name = tokens[j];
      if (!name || (name.type !== 'word' && name.type !== 'quoted-ident')) return undefined;
      const dot = tokens[j - 1]?.text === '.' ? tokens[j - 2] : undefined;
      return { name: unquote(name), ...(dot ? { schema: unquote(dot) } : {}), arg: commas };
    } else if (t.text === ',' && depth === 0) commas++;
  }
  return undefined;
}

export function provideSignatureHelp(text: string, offset: number, catalog: Catalog): SignatureHelp | null {
  const call = callAt(text, offset, lex(text, catalog.dialect.lex));
  if (!call) return null;
  const fns = functionsNamed(catalog, call.name, call.schema).filter((f) => f.args !== undefined);
  if (fns.length === 0) return null;
  const seen = new Set<string>();
  const signatures: SignatureInformation[] = [];
  for (const f of fns) {
    const params = splitArgs(f.args ?? '');
    const label = `${f.name}(${params.join(', ')})${f.returns ? ` → ${f.returns}` : ''}`;
    if (seen.has(label)) continue;
    seen.add(label);
    signatures.push({ label, parameters: params.map((p) => ({ label: p })) });
    if (signatures.length >= 20) break;
  }
  const active = Math.max(0, signatures.findIndex((s) => (s.parameters?.length ?? 0) > call.arg));
  return { signatures, activeSignature: active, activeParameter: call.arg };
}
