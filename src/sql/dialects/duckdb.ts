/** DuckDB: PostgreSQL-like lexing and keywords, plus DuckDB's own statements, functions and types. */
import type { SqlDialect } from '../dialect.js';
import { COMMON_WORDS } from './common-words.js';
import { makeDialect, words } from './make-dialect.js';
import { POSTGRES_KEYWORDS } from './postgres.js';

export const duckdbDialect: SqlDialect = makeDialect({
  id: 'duckdb',
  name: 'DuckDB',
  lex: {
    dollarQuotes: true,
    nestedComments: true,
    hashComments: false,
    backtickIdents: false,
    bracketIdents: false,
    backslashEscapes: false,
    eStrings: true,
    doubleQuoteStrings: false,
    metaSeparator: true,
  },
  keywords: [
    ...COMMON_WORDS.keywords,
    ...POSTGRES_KEYWORDS,
    ...words(`
      ANTI ASOF ATTACH BY_NAME COLUMNS DESCRIBE DETACH EXPORT FORCE IMPORT INSTALL LOAD MACRO MAP PIVOT
      PIVOT_LONGER PIVOT_WIDER POSITIONAL PRAGMA QUALIFY SAMPLE SEMI SECRET STRUCT SUMMARIZE UNPIVOT UNION
      USE REPLACE EXCLUDE RENAME CHECKPOINT VACUUM ANALYZE PERSISTENT
    `),
  ],
  reserved: words(`
    ALL ANALYSE ANALYZE AND ANY ARRAY AS ASC ASYMMETRIC BOTH CASE CAST CHECK COLLATE COLUMN CONSTRAINT
    CREATE DEFAULT DEFERRABLE DESC DESCRIBE DISTINCT DO ELSE END EXCEPT FALSE FETCH FOR FOREIGN FROM GRANT
    GROUP HAVING IN INITIALLY INTERSECT INTO LATERAL LEADING LIMIT NOT NULL OFFSET ON ONLY OR ORDER PIVOT
    PIVOT_LONGER PIVOT_WIDER PLACING PRIMARY QUALIFY REFERENCES RETURNING SELECT SHOW SOME SUMMARIZE
    SYMMETRIC TABLE THEN TO TRAILING TRUE UNION UNIQUE UNPIVOT USING VARIADIC WHEN WHERE WINDOW WITH
  `),
  functions: [
    ...COMMON_WORDS.functions,
    ...words(`
      abs acos add age aggregate any_value approx_count_distinct approx_quantile arbitrary arg_max arg_min
      argmax argmin array_agg array_aggregate array_append array_concat array_contains array_distinct
      array_extract array_filter array_has array_has_all array_has_any array_length array_position
      array_reduce array_reverse array_slice array_sort array_transform array_to_string array_value
      array_zip ascii asin atan atan2 avg bar base64 bit_and bit_count bit_length bit_or bit_xor bitstring
      bool_and bool_or cardinality cbrt ceil ceiling chr coalesce concat concat_ws contains corr cos cot
      count count_star covar_pop covar_samp current_date current_schema current_schemas current_setting
      current_time current_timestamp currval date_add date_diff date_part date_sub date_trunc datediff datepart
      datesub datetrunc day dayname dayofmonth dayofweek dayofyear decade decode degrees editdist3 encode
      ends_with entropy enum_code enum_first enum_last enum_range epoch epoch_ms epoch_ns epoch_us
      even exp extract factorial favg filter first flatten floor format format_bytes from_base64 from_hex
      from_json fsum gamma gcd gen_random_uuid generate_series generate_subscripts get_bit get_current_time
      get_current_timestamp glob greatest greatest_common_divisor hamming hash hex histogram hour ilike_escape
      instr isfinite isinf isnan jaccard jaro_similarity jaro_winkler_similarity json json_array
      json_array_length json_contains json_extract json_extract_path json_extract_path_text json_extract_string
      json_group_array json_group_object json_group_structure json_keys json_merge_patch json_object json_quote
      json_structure json_transform json_type json_valid json_value kurtosis lag last last_day lcase lcm lead
      least left len length levenshtein lgamma like_escape list list_aggregate list_any_value list_append
      list_concat list_contains list_distinct list_element list_extract list_filter list_has list_has_all
      list_has_any list_position list_reduce list_reverse list_slice list_sort list_reverse_sort
      list_transform list_unique list_value list_zip ln log log10 log2 lower lpad ltrim make_date make_time
      make_timestamp map map_entries map_extract map_from_entries map_keys map_values max max_by md5 md5_number
      median microsecond millennium millisecond min min_by minute mismatches mod mode month monthname
      nextafter nextval nfc_normalize not_ilike_escape not_like_escape now nullif octet_length ord parse_dirname
      parse_dirpath parse_filename parse_path pi position pow power prefix printf product quantile
      quantile_cont quantile_disc quarter radians random range read_csv read_csv_auto read_json
      read_json_auto read_json_objects read_ndjson read_parquet parquet_scan parquet_metadata parquet_schema
      reduce regexp_escape regexp_extract regexp_extract_all regexp_full_match regexp_matches regexp_replace
      regexp_split_to_array regexp_split_to_table regr_avgx regr_avgy regr_count regr_intercept regr_r2
      regr_slope regr_sxx regr_sxy regr_syy repeat replace reservoir_quantile reverse right round rpad rtrim
      second setseed sha1 sha256 sign signbit sin skewness split split_part sqrt starts_with stats stddev
      stddev_pop stddev_samp str_split str_split_regex strftime string_agg string_split string_split_regex
      string_to_array strip_accents strlen strpos strptime struct_extract struct_insert struct_pack substr
      substring substring_grapheme suffix sum sum_no_overflow tan time_bucket timezone timezone_hour
      timezone_minute to_base64 to_days to_hex to_hours to_json to_microseconds to_milliseconds to_minutes
      to_months to_seconds to_timestamp to_years today transaction_timestamp translate trim trunc try_cast
      try_strptime txid_current typeof ucase unbin unhex unicode union_extract union_tag union_value unnest upper
      uuid var_pop var_samp variance version week weekday weekofyear xor year yearweek
      duckdb_columns duckdb_constraints duckdb_databases duckdb_dependencies duckdb_extensions
      duckdb_functions duckdb_indexes duckdb_keywords duckdb_schemas duckdb_sequences duckdb_settings
      duckdb_tables duckdb_types duckdb_views glob read_text read_blob sniff_csv
    `),
  ],
  datatypes: [
    ...COMMON_WORDS.datatypes,
    ...words(`
      bit bitstring bool bytea datetime enum float4 float8 hugeint int1 int2 int4 int8 interval json list
      long map string struct timestamptz timestamp_s timestamp_ms timestamp_ns timetz tinyint ubigint uhugeint
      uinteger union usmallint utinyint uuid varint
    `),
  ],
  identifierFolding: 'none',
  quote: '"',
});
