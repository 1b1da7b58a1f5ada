/** SQLite: keywords from the documented keyword list, core/date/math/json/window functions, type affinities. */
import type { SqlDialect } from '../dialect.js';
import { COMMON_WORDS } from './common-words.js';
import { makeDialect, words } from './make-dialect.js';

/**
 * SQLite's keywords (its documented list, the words sqlite3_keyword_check knows; 147 in 3.40): the sqlite3
 * shell writes a name that is one in double quotes (`.mode insert`, `.dump`).
 */
export const SQLITE_KEYWORDS: ReadonlySet<string> = new Set(words(`
  ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT BEFORE BEGIN BETWEEN BY
  CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE CROSS CURRENT CURRENT_DATE
  CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED DELETE DESC DETACH DISTINCT DO DROP
  EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM
  FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT
  INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING
  NOTNULL NULL NULLS OF OFFSET ON OR ORDER OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY
  RAISE RANGE RECURSIVE REFERENCES REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK
  ROW ROWS SAVEPOINT SELECT SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER
  UNBOUNDED UNION UNIQUE UPDATE USING VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT
`));

export const sqliteDialect: SqlDialect = makeDialect({
  id: 'sqlite',
  name: 'SQLite',
  lex: {
    dollarQuotes: false,
    nestedComments: false,
    hashComments: false,
    backtickIdents: true,
    bracketIdents: true,
    backslashEscapes: false,
    eStrings: false,
    doubleQuoteStrings: false,
    metaSeparator: true,
  },
  keywords: [
    ...COMMON_WORDS.keywords,
    ...SQLITE_KEYWORDS,
    // words of SQLite's grammar that its tokenizer reads as names (so not SQLITE_KEYWORDS)
    ...words('ROWID STORED STRICT'),
  ],
  reserved: words(`
    ADD ALL ALTER AND AS AUTOINCREMENT BETWEEN CASE CHECK COLLATE COMMIT CONSTRAINT CREATE CROSS
    CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DEFAULT DEFERRABLE DELETE DISTINCT DROP ELSE ESCAPE EXCEPT
    EXISTS FOREIGN FROM FULL GROUP HAVING IN INDEX INNER INSERT INTERSECT INTO IS ISNULL JOIN LEFT LIMIT
    NATURAL NOT NOTHING NOTNULL NULL ON OR ORDER OUTER PRIMARY REFERENCES RETURNING RIGHT SELECT SET TABLE
    THEN TO TRANSACTION UNION UNIQUE UPDATE USING VALUES WHEN WHERE
  `),
  functions: [
    ...COMMON_WORDS.functions,
    ...words(`
      changes char concat concat_ws format glob group_concat hex ifnull iif instr last_insert_rowid like
      likelihood likely load_extension octet_length printf quote random randomblob sign soundex
      sqlite_compileoption_get sqlite_compileoption_used sqlite_offset sqlite_source_id sqlite_version
      string_agg substring total total_changes typeof unhex unicode unlikely zeroblob
      date time datetime julianday unixepoch strftime timediff
      acos acosh asin asinh atan atan2 atanh ceil ceiling cos cosh degrees exp floor ln log log10 log2 mod pi
      pow power radians sin sinh sqrt tan tanh trunc
      json json_array json_array_length json_error_position json_extract json_insert json_object json_patch
      json_pretty json_remove json_replace json_set json_type json_valid json_quote json_group_array
      json_group_object json_each json_tree jsonb jsonb_array jsonb_extract jsonb_insert jsonb_object
      jsonb_patch jsonb_remove jsonb_replace jsonb_set jsonb_group_array jsonb_group_object
      median percentile percentile_cont percentile_disc
      fts5 highlight snippet bm25 matchinfo offsets generate_series pragma_table_info pragma_index_list
    `),
  ],
  datatypes: [
    ...COMMON_WORDS.datatypes,
    ...words(`
      any character datetime double precision int2 int8 mediumint native nchar nvarchar tinyint
      unsigned varying bool
    `),
  ],
  identifierFolding: 'none',
  quote: '"',
});
