/** MySQL/MariaDB: keywords and reserved words per the documented keyword lists, common built-in functions and types. */
import type { SqlDialect } from '../dialect.js';
import { COMMON_WORDS } from './common-words.js';
import { makeDialect, words } from './make-dialect.js';

const RESERVED = words(`
  ACCESSIBLE ADD ALL ALTER ANALYZE AND AS ASC ASENSITIVE BEFORE BETWEEN BIGINT BINARY BLOB BOTH BY CALL
  CASCADE CASE CHANGE CHAR CHARACTER CHECK COLLATE COLUMN CONDITION CONSTRAINT CONTINUE CONVERT CREATE CROSS
  CUBE CUME_DIST CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP CURRENT_USER CURSOR DATABASE DATABASES DAY_HOUR
  DAY_MICROSECOND DAY_MINUTE DAY_SECOND DEC DECIMAL DECLARE DEFAULT DELAYED DELETE DENSE_RANK DESC DESCRIBE
  DETERMINISTIC DISTINCT DISTINCTROW DIV DOUBLE DROP DUAL EACH ELSE ELSEIF EMPTY ENCLOSED ESCAPED EXCEPT
  EXISTS EXIT EXPLAIN FALSE FETCH FIRST_VALUE FLOAT FLOAT4 FLOAT8 FOR FORCE FOREIGN FROM FULLTEXT FUNCTION
  GENERATED GET GRANT GROUP GROUPING GROUPS HAVING HIGH_PRIORITY HOUR_MICROSECOND HOUR_MINUTE HOUR_SECOND IF
  IGNORE IN INDEX INFILE INNER INOUT INSENSITIVE INSERT INT INT1 INT2 INT3 INT4 INT8 INTEGER INTERSECT
  INTERVAL INTO IO_AFTER_GTIDS IO_BEFORE_GTIDS IS ITERATE JOIN JSON_TABLE KEY KEYS KILL LAG LAST_VALUE
  LATERAL LEAD LEADING LEAVE LEFT LIKE LIMIT LINEAR LINES LOAD LOCALTIME LOCALTIMESTAMP LOCK LONG LONGBLOB
  LONGTEXT LOOP LOW_PRIORITY MASTER_BIND MASTER_SSL_VERIFY_SERVER_CERT MATCH MAXVALUE MEDIUMBLOB MEDIUMINT
  MEDIUMTEXT MIDDLEINT MINUTE_MICROSECOND MINUTE_SECOND MOD MODIFIES NATURAL NOT NO_WRITE_TO_BINLOG NTH_VALUE
  NTILE NULL NUMERIC OF ON OPTIMIZE OPTIMIZER_COSTS OPTION OPTIONALLY OR ORDER OUT OUTER OUTFILE OVER
  PARTITION PERCENT_RANK PRECISION PRIMARY PROCEDURE PURGE RANGE RANK READ READS READ_WRITE REAL RECURSIVE
  REFERENCES REGEXP RELEASE RENAME REPEAT REPLACE REQUIRE RESIGNAL RESTRICT RETURN REVOKE RIGHT RLIKE
  ROW ROWS ROW_NUMBER SCHEMA SCHEMAS SECOND_MICROSECOND SELECT SENSITIVE SEPARATOR SET SHOW SIGNAL SMALLINT
  SPATIAL SPECIFIC SQL SQLEXCEPTION SQLSTATE SQLWARNING SQL_BIG_RESULT SQL_CALC_FOUND_ROWS SQL_SMALL_RESULT
  SSL STARTING STORED STRAIGHT_JOIN SYSTEM TABLE TERMINATED THEN TINYBLOB TINYINT TINYTEXT TO TRAILING
  TRIGGER TRUE UNDO UNION UNIQUE UNLOCK UNSIGNED UPDATE USAGE USE USING UTC_DATE UTC_TIME UTC_TIMESTAMP
  VALUES VARBINARY VARCHAR VARCHARACTER VARYING VIRTUAL WHEN WHERE WHILE WINDOW WITH WRITE XOR YEAR_MONTH
  ZEROFILL
`);

export const mysqlDialect: SqlDialect = makeDialect({
  id: 'mysql',
  name: 'MySQL/MariaDB',
  lex: {
    dollarQuotes: false,
    nestedComments: false,
    hashComments: true,
    backtickIdents: true,
    bracketIdents: false,
    backslashEscapes: true,
    eStrings: false,
    executableComments: true,
    doubleQuoteStrings: true,
    dashCommentNeedsSpace: true,
    shortBackslashCommands: true,
  },
  keywords: [
    ...COMMON_WORDS.keywords,
    ...RESERVED,
    ...words(`
      AGAINST ALGORITHM ANY AUTO_INCREMENT AVG_ROW_LENGTH BEGIN BINLOG BOOLEAN BTREE CASCADED CHARSET
      CHECKSUM CLOSE COLUMNS COMMENT COMMIT COMMITTED COMPACT COMPRESSED CONNECTION CONSISTENT COPY DATA
      DATETIME DEALLOCATE DEFINER DELAY_KEY_WRITE DIRECTORY DISABLE DISCARD DO DUPLICATE DYNAMIC ENABLE ENCRYPTION
      END ENGINE ENGINES ENUM ERRORS ESCAPE EVENT EVENTS EVERY EXCHANGE EXECUTE EXPANSION EXTENDED FIELDS FILE
      FIXED FLUSH FORMAT FULL GLOBAL GRANTS HANDLER HASH HELP HOSTS IDENTIFIED IMPORT INDEXES INPLACE INSTANT
      INVISIBLE INVOKER ISOLATION KEY_BLOCK_SIZE LANGUAGE LAST LEVEL LOCAL LOCKED LOGS MASTER MEMORY MERGE
      MODE MODIFY NAMES NEXT NO NOWAIT OFFSET OPEN OPTIONS OWNER PARSER PARTIAL PARTITIONING PARTITIONS
      PASSWORD PERSIST PLUGINS PREPARE PRIVILEGES PROCESSLIST PROFILE PROFILES QUERY QUICK REBUILD REDUNDANT
      RELOAD REMOVE REORGANIZE REPAIR REPEATABLE REPLICA REPLICAS RESET RESTART RESUME RETURNS ROLE ROLLBACK
      ROLLUP ROW_FORMAT SAVEPOINT SCHEDULE SECURITY SERIALIZABLE SERVER SESSION SHARE SHUTDOWN SIGNED SLAVE
      SNAPSHOT SOUNDS SQL_NO_CACHE SQL_CACHE START STATUS STORAGE SUBPARTITION SUPER SUSPEND TABLES TABLESPACE
      TEMPORARY TEMPTABLE TEXT TIME TIMESTAMP TRANSACTION TRUNCATE TYPE UNCOMMITTED UNDEFINED UNKNOWN USER
      VALUE VARIABLES VIEW VISIBLE WARNINGS WORK XA
    `),
  ],
  reserved: RESERVED,
  functions: [
    ...COMMON_WORDS.functions,
    ...words(`
      acos adddate addtime aes_decrypt aes_encrypt any_value ascii asin atan atan2 benchmark bin bit_and
      bit_count bit_length bit_or bit_xor cast ceil ceiling char char_length character_length charset coercibility
      collation compress concat concat_ws connection_id conv convert convert_tz cos cot crc32 curdate
      current_date current_role current_time current_timestamp current_user curtime database date date_add
      date_format date_sub datediff day dayname dayofmonth dayofweek dayofyear default degrees elt exp
      export_set extract field find_in_set floor format format_bytes found_rows from_base64 from_days
      from_unixtime get_format get_lock greatest group_concat hex hour if ifnull in inet6_aton inet6_ntoa
      inet_aton inet_ntoa insert instr is_free_lock is_ipv4 is_ipv6 is_used_lock is_uuid last_day
      last_insert_id lcase least left length ln load_file localtime localtimestamp locate log log10 log2 lpad
      make_set makedate maketime match md5 microsecond mid minute mod month monthname name_const now oct
      octet_length ord period_add period_diff pi position pow power quarter quote radians rand
      random_bytes regexp_instr regexp_like regexp_replace regexp_substr release_all_locks release_lock
      repeat reverse right round row_count rpad schema sec_to_time second session_user sha sha1 sha2 sign sin
      sleep soundex space sqrt std stddev stddev_pop stddev_samp str_to_date strcmp subdate substring
      substring_index subtime sum sysdate system_user tan time time_format time_to_sec timediff timestamp
      timestampadd timestampdiff to_base64 to_days to_seconds truncate ucase uncompress uncompressed_length
      unhex unix_timestamp user utc_date utc_time utc_timestamp uuid uuid_short uuid_to_bin bin_to_uuid
      validate_password_strength values var_pop var_samp variance version week weekday weekofyear
      weight_string year yearweek
      json_array json_array_append json_array_insert json_arrayagg json_contains json_contains_path
      json_depth json_extract json_insert json_keys json_length json_merge_patch json_merge_preserve
      json_object json_objectagg json_overlaps json_pretty json_quote json_remove json_replace json_schema_valid
      json_search json_set json_storage_size json_table json_type json_unquote json_valid json_value
      member_of st_astext st_geomfromtext st_distance st_contains st_within st_x st_y point
    `),
  ],
  datatypes: [
    ...COMMON_WORDS.datatypes,
    ...words(`
      binary bit bool datetime double enum fixed float geometry json linestring longblob longtext mediumblob
      mediumint mediumtext multipoint nchar nvarchar point polygon serial set tinyblob tinyint tinytext
      unsigned varbinary year precision
    `),
  ],
  identifierFolding: 'none',
  quote: '`',
});
