/**
 * Statements go to the server as UTF-8 whatever SET NAMES says of the utf8 family, as the mysql client
 * sends a script's bytes.
 *
 * mysql2 follows the server's session tracking: after `SET NAMES utf8` (or utf8mb3, or the client's
 * --default-character-set=utf8) the server reports character_set_client=utf8mb3, which mysql2 maps to
 * collation 192 and from then on writes statements as CESU-8: a character outside the BMP becomes two
 * 3-byte surrogates, which the server takes without a word (`select hex('🎉')` gave EDA0BCEDBE89 where
 * the client gives F09F8E89, and an INSERT stored those six bytes where the client's is refused). For
 * every other character UTF-8 and CESU-8 are the same bytes, so the statement is written as UTF-8
 * (collation 45, utf8mb4_general_ci, whose encoding mysql2 calls utf8); other character sets (latin1 ...)
 * keep mysql2's conversion. Nothing is done when the connection is not the shape this expects.
 */

/** utf8mb3's collations as mysql2 writes them: 33 (utf8mb3_general_ci, its cesu8 name's) and 192 (utf8mb3_unicode_ci, its utf8mb3 name's). */
const UTF8MB3_COLLATIONS = new Set([33, 192]);
const UTF8MB4_GENERAL_CI = 45;

export function keepUtf8Statements(core: unknown): void {
  const config = (core as { config?: Record<string, unknown> } | null)?.config;
  if (!config || typeof config['charsetNumber'] !== 'number') return;
  let n = config['charsetNumber'] as number;
  const utf8 = (v: unknown): unknown => (typeof v === 'number' && UTF8MB3_COLLATIONS.has(v) ? UTF8MB4_GENERAL_CI : v);
  n = utf8(n) as number;
  Object.defineProperty(config, 'charsetNumber', {
    configurable: true,
    enumerable: true,
    get: () => n,
    set: (v: unknown) => void (n = utf8(v) as number),
  });
}

/**
 * A result's utf8mb3 columns read as UTF-8, as the client prints their bytes: mysql2 decodes them as
 * CESU-8, which turns the four bytes of a character outside the BMP (a literal passes through a
 * utf8mb3 session unchecked: `select '🎉'`) into four U+FFFD. Called on the result's columns before
 * the row parser is made from them.
 */
export function readUtf8mb3AsUtf8(fields: readonly unknown[]): void {
  for (const f of fields) {
    const field = f as { encoding?: unknown };
    if (field.encoding === 'cesu8') field.encoding = 'utf8';
  }
}
