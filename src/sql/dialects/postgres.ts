/** PostgreSQL: keywords and reserved words per the documented SQL key words appendix, built-in functions and types. */
import type { SqlDialect } from '../dialect.js';
import { COMMON_WORDS } from './common-words.js';
import { makeDialect, words } from './make-dialect.js';

/** Reserved words, including those PostgreSQL allows only as function or type names. */
export const POSTGRES_RESERVED = words(`
  ALL ANALYSE ANALYZE AND ANY ARRAY AS ASC ASYMMETRIC AUTHORIZATION BINARY BOTH CASE CAST CHECK COLLATE
  COLLATION COLUMN CONCURRENTLY CONSTRAINT CREATE CROSS CURRENT_CATALOG CURRENT_DATE CURRENT_ROLE
  CURRENT_SCHEMA CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER DEFAULT DEFERRABLE DESC DISTINCT DO ELSE END
  EXCEPT FALSE FETCH FOR FOREIGN FREEZE FROM FULL GRANT GROUP HAVING ILIKE IN INITIALLY INNER INTERSECT INTO
  IS ISNULL JOIN LATERAL LEADING LEFT LIKE LIMIT LOCALTIME LOCALTIMESTAMP NATURAL NOT NOTNULL NULL OFFSET ON
  ONLY OR ORDER OUTER OVERLAPS PLACING PRIMARY REFERENCES RETURNING RIGHT SELECT SESSION_USER SIMILAR SOME
  SYMMETRIC SYSTEM_USER TABLE TABLESAMPLE THEN TO TRAILING TRUE UNION UNIQUE USER USING VARIADIC VERBOSE
  WHEN WHERE WINDOW WITH
`);

export const POSTGRES_KEYWORDS = words(`
  ABORT ABSENT ACCESS ACTION ADD ADMIN AFTER AGGREGATE ALSO ALTER ALWAYS ASENSITIVE ASSERTION ASSIGNMENT AT
  ATOMIC ATTACH ATTRIBUTE BACKWARD BEFORE BEGIN BETWEEN BIGINT BIT BOOLEAN BREADTH BY CACHE CALL CALLED
  CASCADE CASCADED CATALOG CHAIN CHAR CHARACTER CHARACTERISTICS CHECKPOINT CLASS CLOSE CLUSTER COALESCE
  COLUMNS COMMENT COMMENTS COMMIT COMMITTED COMPRESSION CONFIGURATION CONFLICT CONNECTION CONSTRAINTS
  CONTENT CONTINUE CONVERSION COPY COST CSV CUBE CURRENT CURSOR CYCLE DATA DATABASE DAY DEALLOCATE DEC
  DECIMAL DECLARE DEFAULTS DEFERRED DEFINER DELETE DELIMITER DELIMITERS DEPENDS DEPTH DETACH DICTIONARY
  DISABLE DISCARD DOCUMENT DOMAIN DOUBLE DROP EACH ENABLE ENCODING ENCRYPTED ENUM ESCAPE EVENT EXCLUDE
  EXCLUDING EXCLUSIVE EXECUTE EXISTS EXPLAIN EXPRESSION EXTENSION EXTERNAL EXTRACT FAMILY FILTER FINALIZE
  FIRST FLOAT FOLLOWING FORCE FORMAT FORWARD FUNCTION FUNCTIONS GENERATED GLOBAL GRANTED GREATEST GROUPING
  GROUPS HANDLER HEADER HOLD HOUR IDENTITY IF IMMEDIATE IMMUTABLE IMPLICIT IMPORT INCLUDE INCLUDING
  INCREMENT INDENT INDEX INDEXES INHERIT INHERITS INLINE INOUT INPUT INSENSITIVE INSERT INSTEAD INT INTEGER
  INTERVAL INVOKER ISOLATION JSON JSON_ARRAY JSON_ARRAYAGG JSON_OBJECT JSON_OBJECTAGG JSON_TABLE KEEP KEY
  KEYS LABEL LANGUAGE LARGE LAST LEAKPROOF LEAST LEVEL LISTEN LOAD LOCAL LOCATION LOCK LOCKED LOGGED
  MAPPING MATCH MATCHED MATERIALIZED MAXVALUE MERGE METHOD MINUTE MINVALUE MODE MONTH MOVE NAME NAMES
  NATIONAL NCHAR NESTED NEW NEXT NFC NFD NFKC NFKD NO NONE NORMALIZE NORMALIZED NOTHING NOTIFY NOWAIT
  NULLIF NULLS NUMERIC OBJECT OF OFF OIDS OLD OMIT OPERATOR OPTION OPTIONS ORDINALITY OTHERS OUT OVER
  OVERRIDING OWNED OWNER PARALLEL PARAMETER PARSER PARTIAL PARTITION PASSING PASSWORD PATH PLAN PLANS
  POLICY POSITION PRECEDING PRECISION PREPARE PREPARED PRESERVE PRIOR PRIVILEGES PROCEDURAL PROCEDURE
  PROCEDURES PROGRAM PUBLICATION QUOTE QUOTES RANGE READ REAL REASSIGN RECURSIVE REF REFERENCING REFRESH
  REINDEX RELATIVE RELEASE RENAME REPEATABLE REPLACE REPLICA RESET RESTART RESTRICT RETURN RETURNS REVOKE
  ROLE ROLLBACK ROLLUP ROUTINE ROUTINES ROW ROWS RULE SAVEPOINT SCALAR SCHEMA SCHEMAS SCROLL SEARCH SECOND
  SECURITY SEQUENCE SEQUENCES SERIALIZABLE SERVER SESSION SET SETOF SETS SHARE SHOW SIMPLE SKIP SMALLINT
  SNAPSHOT SQL STABLE STANDALONE START STATEMENT STATISTICS STDIN STDOUT STORAGE STORED STRICT STRING STRIP
  SUBSCRIPTION SUBSTRING SUPPORT SYSID SYSTEM TABLES TABLESPACE TARGET TEMP TEMPLATE TEMPORARY TEXT TIES
  TIME TIMESTAMP TRANSACTION TRANSFORM TREAT TRIGGER TRIM TRUNCATE TRUSTED TYPE TYPES UESCAPE UNBOUNDED
  UNCOMMITTED UNCONDITIONAL UNENCRYPTED UNKNOWN UNLISTEN UNLOGGED UNTIL UPDATE VACUUM VALID VALIDATE
  VALIDATOR VALUE VALUES VARCHAR VARYING VERSION VIEW VIEWS VOLATILE WHITESPACE WITHIN WITHOUT WORK WRAPPER
  WRITE XML XMLATTRIBUTES XMLCONCAT XMLELEMENT XMLEXISTS XMLFOREST XMLNAMESPACES XMLPARSE XMLPI XMLROOT
  XMLSERIALIZE XMLTABLE YEAR YES ZONE
`);

export const POSTGRES_FUNCTIONS = words(`
  abs cbrt ceil ceiling degrees div exp factorial floor gcd lcm ln log log10 min_scale mod pi power radians
  random random_normal round scale setseed sign sqrt trim_scale trunc width_bucket acos acosd asin asind atan
  atand atan2 atan2d cos cosd cot cotd sin sind tan tand sinh cosh tanh asinh acosh atanh erf erfc
  ascii bit_length btrim char_length character_length chr concat concat_ws convert convert_from convert_to
  decode encode format initcap left length lower lpad ltrim md5 normalize octet_length overlay parse_ident
  position quote_ident quote_literal quote_nullable regexp_count regexp_instr regexp_like regexp_match
  regexp_matches regexp_replace regexp_split_to_array regexp_split_to_table regexp_substr repeat replace
  reverse right rpad rtrim split_part starts_with string_to_array string_to_table strpos substr substring
  to_ascii to_hex translate trim unistr upper casefold sha224 sha256 sha384 sha512 get_bit get_byte set_bit
  set_byte bit_count
  to_char to_date to_number to_timestamp age clock_timestamp current_date current_time current_timestamp
  date_add date_bin date_part date_subtract date_trunc extract isfinite justify_days justify_hours
  justify_interval localtime localtimestamp make_date make_interval make_time make_timestamp
  make_timestamptz now statement_timestamp timeofday transaction_timestamp
  array_agg array_append array_cat array_dims array_fill array_length array_lower array_ndims
  array_position array_positions array_prepend array_remove array_replace array_sample array_shuffle
  array_to_string array_upper cardinality trim_array unnest generate_series generate_subscripts
  avg bit_and bit_or bit_xor bool_and bool_or count every max min sum string_agg json_agg jsonb_agg
  json_object_agg jsonb_object_agg xmlagg any_value range_agg range_intersect_agg corr covar_pop covar_samp
  regr_avgx regr_avgy regr_count regr_intercept regr_r2 regr_slope regr_sxx regr_sxy regr_syy stddev
  stddev_pop stddev_samp variance var_pop var_samp mode percentile_cont percentile_disc
  row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value
  coalesce nullif greatest least num_nulls num_nonnulls
  to_json to_jsonb array_to_json row_to_json json_build_array jsonb_build_array json_build_object
  jsonb_build_object json_object jsonb_object json_array_elements jsonb_array_elements
  json_array_elements_text jsonb_array_elements_text json_array_length jsonb_array_length json_each
  jsonb_each json_each_text jsonb_each_text json_extract_path jsonb_extract_path json_extract_path_text
  jsonb_extract_path_text json_object_keys jsonb_object_keys json_populate_record jsonb_populate_record
  json_populate_recordset jsonb_populate_recordset json_to_record jsonb_to_record json_to_recordset
  jsonb_to_recordset json_strip_nulls jsonb_strip_nulls jsonb_set jsonb_set_lax jsonb_insert jsonb_pretty
  json_typeof jsonb_typeof jsonb_path_exists jsonb_path_match jsonb_path_query jsonb_path_query_array
  jsonb_path_query_first json_scalar json_serialize
  current_database current_catalog current_query current_role current_schema current_schemas current_user
  session_user user system_user inet_client_addr inet_client_port inet_server_addr inet_server_port
  pg_backend_pid pg_blocking_pids pg_conf_load_time pg_current_logfile pg_my_temp_schema
  pg_is_other_temp_schema pg_jit_available pg_listening_channels pg_notification_queue_usage
  pg_postmaster_start_time pg_safe_snapshot_blocking_pids pg_trigger_depth version
  has_any_column_privilege has_column_privilege has_database_privilege has_function_privilege
  has_schema_privilege has_sequence_privilege has_table_privilege has_tablespace_privilege
  has_type_privilege pg_has_role row_security_active
  col_description format_type obj_description pg_get_constraintdef pg_get_expr pg_get_functiondef
  pg_get_function_arguments pg_get_function_result pg_get_indexdef pg_get_keywords pg_get_ruledef
  pg_get_serial_sequence pg_get_statisticsobjdef pg_get_triggerdef pg_get_userbyid pg_get_viewdef
  pg_index_column_has_property pg_index_has_property pg_indexam_has_property pg_options_to_table
  pg_tablespace_databases pg_tablespace_location pg_typeof shobj_description to_regclass to_regnamespace
  to_regproc to_regprocedure to_regrole to_regtype pg_column_size pg_column_compression pg_database_size
  pg_indexes_size pg_relation_size pg_size_bytes pg_size_pretty pg_table_size pg_tablespace_size
  pg_total_relation_size pg_relation_filenode pg_relation_filepath
  current_setting set_config pg_cancel_backend pg_terminate_backend pg_reload_conf pg_rotate_logfile
  pg_sleep pg_sleep_for pg_sleep_until pg_advisory_lock pg_advisory_unlock pg_advisory_unlock_all
  pg_advisory_xact_lock pg_try_advisory_lock pg_try_advisory_xact_lock pg_advisory_lock_shared
  pg_current_wal_lsn pg_wal_lsn_diff pg_is_in_recovery pg_last_wal_replay_lsn pg_stat_reset
  pg_current_xact_id pg_current_snapshot txid_current pg_xact_commit_timestamp pg_ls_dir pg_read_file
  pg_stat_file pg_export_snapshot
  nextval currval lastval setval
  gen_random_uuid uuidv4 uuidv7 uuid_extract_timestamp uuid_extract_version
  isempty lower_inc upper_inc lower_inf upper_inf range_merge multirange
  abbrev broadcast family host hostmask inet_merge inet_same_family masklen netmask network set_masklen
  text macaddr8_set7bit
  area center diagonal diameter height isclosed isopen npoints pclose popen radius slope width box
  bound_box circle line lseg path point polygon
  to_tsvector to_tsquery plainto_tsquery phraseto_tsquery websearch_to_tsquery ts_rank ts_rank_cd
  ts_headline ts_debug ts_lexize ts_parse ts_stat setweight strip tsvector_to_array array_to_tsvector
  numnode querytree ts_delete ts_filter ts_rewrite get_current_ts_config
  xmlcomment xmlconcat xmlelement xmlforest xmlpi xmlroot xmlexists xml_is_well_formed xpath xpath_exists
  table_to_xml query_to_xml cursor_to_xml
  enum_first enum_last enum_range
`);

export const postgresDialect: SqlDialect = makeDialect({
  id: 'postgres',
  name: 'PostgreSQL',
  lex: {
    dollarQuotes: true,
    nestedComments: true,
    hashComments: false,
    backtickIdents: false,
    bracketIdents: false,
    backslashEscapes: false,
    eStrings: true,
    doubleQuoteStrings: false,
    unicodeStrings: true,
    escapedSemicolon: true,
    metaSeparator: true,
  },
  keywords: [...COMMON_WORDS.keywords, ...POSTGRES_KEYWORDS],
  reserved: POSTGRES_RESERVED,
  functions: [...COMMON_WORDS.functions, ...POSTGRES_FUNCTIONS],
  datatypes: [
    ...COMMON_WORDS.datatypes,
    ...words(`
      bigserial bit bool box bpchar bytea character cidr circle citext daterange datemultirange
      double precision float4 float8 hstore inet int2 int4 int4range int4multirange int8 int8range
      int8multirange interval json jsonb jsonpath line lseg macaddr macaddr8 money name numrange
      nummultirange oid path pg_lsn pg_snapshot point polygon regclass regconfig regnamespace regproc
      regprocedure regrole regtype serial serial2 serial4 serial8 smallserial timestamptz timetz tsquery
      tsrange tsmultirange tstzrange tstzmultirange tsvector txid_snapshot uuid varbit varying xid xml
      record void trigger anyelement anyarray
    `),
  ],
  identifierFolding: 'lower',
  quote: '"',
});
