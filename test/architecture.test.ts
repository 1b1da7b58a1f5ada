/**
 * The house rules of DESIGN.md, checked on the sources: which floors may import which.
 * - sql/, catalog/, complete/, editor/ and output/ never import engines/ or a driver package;
 * - driver packages are imported only inside their engine's folder;
 * - meta/ never imports shell/ at run time (the shell hands meta-commands a statement runner and the
 *   pager rule through their context).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

interface Import {
  readonly file: string;
  readonly spec: string;
  readonly typeOnly: boolean;
}

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sources(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Static and dynamic imports of every source file, with the path relative to src/. */
function imports(): Import[] {
  const out: Import[] = [];
  for (const path of sources(src)) {
    const file = relative(src, path);
    const text = readFileSync(path, 'utf8');
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
      out.push({ file, spec: m[3]!, typeOnly: m[2] !== undefined });
    }
    for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push({ file, spec: m[1]!, typeOnly: false });
  }
  return out;
}

/** The src/ folder an import lands in ('engines', 'shell', ...), or the package name. */
function target(i: Import): { folder?: string; pkg?: string } {
  if (!i.spec.startsWith('.')) return { pkg: i.spec.startsWith('@') ? i.spec.split('/').slice(0, 2).join('/') : i.spec.split('/')[0]! };
  const resolved = relative(src, join(src, i.file, '..', i.spec));
  return { folder: resolved.split('/')[0]! };
}

const folderOf = (file: string): string => file.split('/')[0]!;
const DRIVERS = new Map([
  ['better-sqlite3', 'engines/sqlite/'],
  ['libsql', 'engines/sqlite/'],
  ['pg', 'engines/postgres/'],
  ['pg-cursor', 'engines/postgres/'],
  ['pg-copy-streams', 'engines/postgres/'],
  ['mysql2', 'engines/mysql/'],
  ['@duckdb/node-api', 'engines/duckdb/'],
  ['ssh2', 'engines/ssh/'],
]);

test('the library floors (sql, catalog, complete, editor, output) never import an engine or a driver', () => {
  const all = imports();
  assert.ok(all.length > 100, `found only ${all.length} imports: is the scan broken?`);
  const bad = all.filter((i) => {
    if (!['sql', 'catalog', 'complete', 'editor', 'output', 'plan', 'chart'].includes(folderOf(i.file))) return false;
    const t = target(i);
    return t.folder === 'engines' || t.folder === 'shell' || (t.pkg !== undefined && DRIVERS.has(t.pkg));
  });
  assert.deepEqual(bad.map((i) => `${i.file} -> ${i.spec}`), []);
});

test('the preview (src/preview) talks to a Connection only: engines/ as types, never the shell or a driver', () => {
  const bad = imports().filter((i) => {
    if (folderOf(i.file) !== 'preview') return false;
    const t = target(i);
    return (t.folder === 'engines' && !i.typeOnly) || t.folder === 'shell' || (t.pkg !== undefined && DRIVERS.has(t.pkg));
  });
  assert.deepEqual(bad.map((i) => `${i.file} -> ${i.spec}`), []);
});

test('driver packages are imported only inside their engine folder', () => {
  const bad = imports().filter((i) => {
    const t = target(i);
    const home = t.pkg !== undefined ? DRIVERS.get(t.pkg) : undefined;
    return home !== undefined && !i.file.startsWith(home);
  });
  assert.deepEqual(bad.map((i) => `${i.file} -> ${i.spec}`), []);
});

/** Run-time imports from meta/ into shell/ that are allowed, with the reason (none: the pager rule comes through the context too). */
const META_TO_SHELL_ALLOWED = new Map<string, string>();

test('meta-commands never import the shell at run time (they get a statement runner through their context)', () => {
  const bad = imports().filter((i) => folderOf(i.file) === 'meta' && !i.typeOnly && target(i).folder === 'shell'
    && !META_TO_SHELL_ALLOWED.has(`${i.file} -> ${i.spec}`));
  assert.deepEqual(bad.map((i) => `${i.file} -> ${i.spec}`), []);
});

test('the language server (src/lsp) goes through the library entry: no shell, no engine, no driver, no completion module of its own', () => {
  const lsp = imports().filter((i) => folderOf(i.file) === 'lsp');
  assert.ok(lsp.length > 20, `found only ${lsp.length} imports in src/lsp: is the scan broken?`);
  const bad = lsp.filter((i) => {
    const t = target(i);
    return t.folder === 'shell' || t.folder === 'engines' || t.folder === 'complete' || t.folder === 'catalog' || (t.pkg !== undefined && DRIVERS.has(t.pkg));
  });
  assert.deepEqual(bad.map((i) => `${i.file} -> ${i.spec}`), []);
  assert.ok(lsp.some((i) => i.file === 'lsp/completion-provider.ts' && i.spec === '../index.js' && !i.typeOnly), 'completion-provider imports complete from the library entry');
});
