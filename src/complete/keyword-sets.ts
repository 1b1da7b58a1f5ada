/** Keywords that fit a context, offered before the dialect's other keywords. Multi-word entries complete whole. */

const f = (s: string): readonly string[] => Object.freeze(s.split(',').map((x) => x.trim()).filter((x) => x !== ''));
type PerDialect = Readonly<Record<string, readonly string[]>>;

export const STATEMENT_START = f(
  'SELECT,INSERT INTO,UPDATE,DELETE FROM,WITH,CREATE TABLE,CREATE VIEW,CREATE INDEX,ALTER TABLE,DROP TABLE,EXPLAIN,BEGIN,COMMIT,ROLLBACK,VALUES,TABLE,TRUNCATE',
);

/** After a complete FROM item. */
export const AFTER_FROM_ITEM = f(
  'WHERE,JOIN,LEFT JOIN,INNER JOIN,RIGHT JOIN,FULL JOIN,CROSS JOIN,NATURAL JOIN,AS,GROUP BY,ORDER BY,LIMIT,HAVING,UNION,ON,USING',
);

/** After LEFT / RIGHT / FULL / INNER / CROSS / NATURAL / OUTER. */
export const JOIN_CONTINUATION = f('JOIN,OUTER JOIN');

/** After a complete expression in a select list. */
export const AFTER_SELECT_ITEM = f('FROM,AS,AND,OR,IS,IN,LIKE,BETWEEN,NOT,INTO,OVER,FILTER,UNION,ORDER BY,LIMIT,WHERE,GROUP BY');

/** After a complete expression in an ON condition: the condition goes on, or the next join or clause starts. */
export const AFTER_CONDITION_OPERAND = f(
  'AND,OR,IS NULL,IS NOT NULL,IN,NOT IN,LIKE,ILIKE,BETWEEN,JOIN,LEFT JOIN,WHERE,GROUP BY,ORDER BY,LIMIT,UNION',
);
/** The tests that follow an operand (`a IS NULL`, `a IN (...)`): not the likely words after a complete condition. */
export const OPERAND_TESTS: ReadonlySet<string> = new Set(['IS NULL', 'IS NOT NULL', 'IN', 'NOT IN', 'LIKE', 'ILIKE', 'BETWEEN']);
/** After a complete expression in WHERE: no join any more. */
export const AFTER_WHERE_OPERAND = f('AND,OR,IS NULL,IS NOT NULL,IN,NOT IN,LIKE,ILIKE,BETWEEN,GROUP BY,ORDER BY,LIMIT,UNION,RETURNING');
/** After a complete expression in HAVING (and QUALIFY, RETURNING). */
export const AFTER_HAVING_OPERAND = f('AND,OR,IS NULL,IS NOT NULL,IN,NOT IN,LIKE,ILIKE,BETWEEN,ORDER BY,LIMIT,UNION');

/** SHOW |: what the mysql client's users show (MySQL/MariaDB). */
export const MYSQL_SHOW = f(
  'TABLES,FULL TABLES,DATABASES,COLUMNS FROM,FULL COLUMNS FROM,INDEX FROM,CREATE TABLE,CREATE VIEW,CREATE DATABASE,CREATE PROCEDURE,CREATE FUNCTION,CREATE TRIGGER,TABLE STATUS,PROCESSLIST,FULL PROCESSLIST,VARIABLES,GLOBAL VARIABLES,SESSION VARIABLES,STATUS,GLOBAL STATUS,GRANTS,WARNINGS,ERRORS,ENGINES,TRIGGERS,EVENTS,PROCEDURE STATUS,FUNCTION STATUS,PLUGINS,PRIVILEGES,CHARACTER SET,COLLATION,OPEN TABLES,ENGINE INNODB STATUS,BINARY LOGS,MASTER STATUS,SLAVE STATUS',
);
/** SHOW |: ALL and the settings people look at most (PostgreSQL). */
export const POSTGRES_SHOW = f(
  'ALL,search_path,timezone,statement_timeout,lock_timeout,idle_in_transaction_session_timeout,work_mem,maintenance_work_mem,shared_buffers,effective_cache_size,max_connections,server_version,server_encoding,client_encoding,transaction_isolation,default_transaction_isolation,standard_conforming_strings,application_name,datestyle,log_statement,data_directory,config_file,hba_file,wal_level,max_wal_size,random_page_cost,jit,role,session_authorization',
);
/** PRAGMA |: SQLite's pragmas, the ones people run by hand first. */
export const SQLITE_PRAGMAS = f(
  'table_info,table_xinfo,table_list,index_list,index_info,index_xinfo,foreign_key_list,foreign_key_check,foreign_keys,integrity_check,quick_check,journal_mode,user_version,application_id,schema_version,database_list,compile_options,function_list,pragma_list,module_list,collation_list,cache_size,page_size,page_count,freelist_count,synchronous,busy_timeout,wal_checkpoint,wal_autocheckpoint,optimize,temp_store,mmap_size,locking_mode,auto_vacuum,incremental_vacuum,encoding,recursive_triggers,defer_foreign_keys,case_sensitive_like,legacy_alter_table,automatic_index,cell_size_check,trusted_schema,analysis_limit,hard_heap_limit,soft_heap_limit,threads',
);
/** PRAGMA |: DuckDB's. */
export const DUCKDB_PRAGMAS = f(
  'table_info,show_tables,show_tables_expanded,show_databases,database_list,database_size,storage_info,version,platform,functions,collations,threads,memory_limit,enable_profiling,disable_profiling,profiling_output,enable_progress_bar,disable_progress_bar,enable_checkpoint_on_shutdown,force_checkpoint,user_agent,metadata_info',
);
/** The pragmas whose argument is a table (PRAGMA table_info(|)). */
export const TABLE_PRAGMAS = new Set(['TABLE_INFO', 'TABLE_XINFO', 'INDEX_LIST', 'FOREIGN_KEY_LIST', 'FOREIGN_KEY_CHECK', 'STORAGE_INFO', 'SHOW']);
/** INSERT OR |: SQLite's conflict resolutions. */
export const SQLITE_INSERT_OR = f('REPLACE,IGNORE,ABORT,FAIL,ROLLBACK');

/** SHOW |: DuckDB's lists (a relation name describes it). */
export const DUCKDB_SHOW = f('TABLES,ALL TABLES,DATABASES');

/** SET |: the settings people change by hand, and the statement's own forms (PostgreSQL). */
export const POSTGRES_SET = f(
  'search_path,TIME ZONE,ROLE,SESSION AUTHORIZATION,TRANSACTION ISOLATION LEVEL,CONSTRAINTS,SESSION,LOCAL,statement_timeout,lock_timeout,idle_in_transaction_session_timeout,work_mem,maintenance_work_mem,application_name,client_encoding,client_min_messages,datestyle,intervalstyle,timezone,random_page_cost,jit,enable_seqscan,enable_indexscan,enable_hashjoin,enable_nestloop,enable_mergejoin,max_parallel_workers_per_gather,default_transaction_isolation,default_transaction_read_only,standard_conforming_strings,synchronous_commit,temp_buffers,row_security,check_function_bodies,session_replication_role,log_min_duration_statement,extra_float_digits,bytea_output,xmloption',
);
/** SET |: MySQL's and MariaDB's forms and the session variables people set by hand. */
export const MYSQL_SET = f(
  'NAMES,CHARACTER SET,GLOBAL,SESSION,PASSWORD,TRANSACTION ISOLATION LEVEL,autocommit,sql_mode,time_zone,foreign_key_checks,unique_checks,sql_safe_updates,transaction_isolation,tx_isolation,group_concat_max_len,wait_timeout,interactive_timeout,innodb_lock_wait_timeout,lock_wait_timeout,max_statement_time,max_execution_time,net_read_timeout,net_write_timeout,sql_log_bin,character_set_client,character_set_results,collation_connection,profiling,long_query_time,optimizer_switch,sql_select_limit,max_heap_table_size,tmp_table_size,sort_buffer_size',
);
/** SET |: DuckDB's settings, the common ones. */
export const DUCKDB_SET = f(
  'threads,memory_limit,max_memory,search_path,schema,TimeZone,Calendar,default_order,default_null_order,enable_progress_bar,enable_profiling,profiling_mode,preserve_insertion_order,temp_directory,max_temp_directory_size,enable_object_cache,errors_as_json,file_search_path,home_directory,extension_directory,allow_unsigned_extensions,autoinstall_known_extensions,autoload_known_extensions,enable_external_access,http_timeout,s3_region,null_order,GLOBAL,SESSION,LOCAL,VARIABLE',
);

/** INSTALL | / LOAD |: DuckDB's extensions, the ones people load by hand. */
export const DUCKDB_EXTENSIONS = f('httpfs,parquet,json,icu,spatial,postgres,mysql,sqlite,excel,fts,aws,azure,delta,iceberg,inet,vss,tpch,tpcds,motherduck,ducklake,ui');
/** COPY ... (|: the options, PostgreSQL's and DuckDB's. */
export const COPY_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  postgres: f('FORMAT,HEADER,DELIMITER,NULL,QUOTE,ESCAPE,FORCE_QUOTE,FORCE_NOT_NULL,FORCE_NULL,ENCODING,FREEZE,DEFAULT'),
  duckdb: f('FORMAT,HEADER,DELIMITER,QUOTE,ESCAPE,NULL,COMPRESSION,PARTITION_BY,OVERWRITE,OVERWRITE_OR_IGNORE,PER_THREAD_OUTPUT,DATEFORMAT,TIMESTAMPFORMAT,FORCE_QUOTE,ARRAY,FILENAME_PATTERN,FILE_SIZE_BYTES,ROW_GROUP_SIZE,CODEC'),
};

/** COMMENT ON |: PostgreSQL's objects that carry comments, the common ones. */
export const COMMENT_ON = f('TABLE,COLUMN,VIEW,MATERIALIZED VIEW,INDEX,SCHEMA,FUNCTION,PROCEDURE,TYPE,DOMAIN,SEQUENCE,CONSTRAINT,TRIGGER,DATABASE,EXTENSION,ROLE');

/** EXPLAIN |: the statements a plan can be shown for. */
export const EXPLAINABLE = f('SELECT,INSERT INTO,UPDATE,DELETE FROM,WITH,VALUES');
/** EXPLAIN (|: PostgreSQL's options. */
export const EXPLAIN_OPTIONS = f('ANALYZE,VERBOSE,COSTS,SETTINGS,BUFFERS,WAL,TIMING,SUMMARY,FORMAT');
/** CREATE INDEX ... USING |: PostgreSQL's index access methods. */
export const INDEX_METHODS = f('btree,hash,gist,spgist,gin,brin');
/** SELECT ... FOR |: row locks (PostgreSQL; on MySQL/MariaDB only UPDATE, which both have). */
export const ROW_LOCKS = f('UPDATE,SHARE,NO KEY UPDATE,KEY SHARE');

export const AFTER_GROUP_ITEM = f('HAVING,ORDER BY,LIMIT,UNION,WINDOW');
export const AFTER_ORDER_ITEM = f('ASC,DESC,NULLS FIRST,NULLS LAST,LIMIT,OFFSET');

/** Where an expression starts. */
export const EXPRESSION_START = f('CASE,NOT,EXISTS,NULL,TRUE,FALSE,DISTINCT,CAST,COALESCE,INTERVAL,CURRENT_DATE,CURRENT_TIMESTAMP');

export const COLUMN_DEF_START = f('PRIMARY KEY,CONSTRAINT,UNIQUE,FOREIGN KEY,CHECK');
export const AFTER_COLUMN_TYPE = f('NOT NULL,NULL,DEFAULT,PRIMARY KEY,UNIQUE,REFERENCES,CHECK,COLLATE,GENERATED');
/** CREATE TABLE t (...) |: the options after the columns. */
export const TABLE_OPTIONS: Readonly<Record<string, readonly string[]>> = {
  postgres: f('PARTITION BY,INHERITS,WITH,TABLESPACE,USING,ON COMMIT'),
  mysql: f('ENGINE,DEFAULT CHARSET,CHARACTER SET,COLLATE,COMMENT,AUTO_INCREMENT,ROW_FORMAT,PARTITION BY'),
  sqlite: f('WITHOUT ROWID,STRICT'),
  duckdb: f('AS'),
};
export const AFTER_INSERT_TARGET = f('VALUES,SELECT,DEFAULT VALUES,WITH');
export const AFTER_UPDATE_TARGET = f('SET,AS');
export const AFTER_SET_ITEM = f('WHERE,RETURNING,FROM');
export const SUBQUERY_START = f('SELECT,WITH,VALUES');
/** CREATE |: the objects each engine creates. */
export const AFTER_CREATE: PerDialect = {
  postgres: f('TABLE,VIEW,MATERIALIZED VIEW,INDEX,UNIQUE INDEX,SCHEMA,DATABASE,FUNCTION,PROCEDURE,TRIGGER,SEQUENCE,TYPE,DOMAIN,EXTENSION,ROLE,USER,GROUP,TEMPORARY TABLE,TEMP TABLE,UNLOGGED TABLE,OR REPLACE,POLICY,PUBLICATION,SUBSCRIPTION,AGGREGATE,CAST,COLLATION,CONVERSION,EVENT TRIGGER,CONSTRAINT TRIGGER,FOREIGN TABLE,FOREIGN DATA WRAPPER,SERVER,USER MAPPING FOR,RULE,STATISTICS,TABLESPACE,TEXT SEARCH CONFIGURATION,OPERATOR,LANGUAGE,ACCESS METHOD,TRANSFORM FOR,RECURSIVE VIEW'),
  mysql: f('TABLE,VIEW,INDEX,UNIQUE INDEX,FULLTEXT INDEX,SPATIAL INDEX,DATABASE,SCHEMA,FUNCTION,PROCEDURE,TRIGGER,EVENT,USER,ROLE,SEQUENCE,TEMPORARY TABLE,OR REPLACE,DEFINER,ALGORITHM,SQL SECURITY,SERVER,TABLESPACE'),
  sqlite: f('TABLE,VIEW,INDEX,UNIQUE INDEX,TRIGGER,TEMP TABLE,TEMPORARY TABLE,TEMP VIEW,TEMP TRIGGER,VIRTUAL TABLE'),
  duckdb: f('TABLE,VIEW,INDEX,UNIQUE INDEX,SCHEMA,SEQUENCE,TYPE,MACRO,FUNCTION,TEMP TABLE,TEMPORARY TABLE,TEMP VIEW,TEMP MACRO,OR REPLACE,SECRET,PERSISTENT SECRET'),
};
/** The object words of CREATE | and DROP | that rank first. */
export const COMMON_OBJECTS: ReadonlySet<string> = new Set(f('TABLE,VIEW,INDEX,UNIQUE INDEX,SCHEMA,DATABASE,FUNCTION,PROCEDURE,TRIGGER,SEQUENCE,TYPE,MATERIALIZED VIEW,EXTENSION,TEMPORARY TABLE,TEMP TABLE,OR REPLACE,MACRO,USER,ROLE,EVENT,VIRTUAL TABLE'));
/** CREATE OR REPLACE |. */
export const AFTER_CREATE_OR_REPLACE: PerDialect = {
  postgres: f('VIEW,FUNCTION,PROCEDURE,TRIGGER,CONSTRAINT TRIGGER,RULE,AGGREGATE,LANGUAGE,TRANSFORM FOR,TEMP VIEW,TEMPORARY VIEW,RECURSIVE VIEW'),
  mysql: f('TABLE,VIEW,INDEX,DATABASE,SCHEMA,FUNCTION,PROCEDURE,TRIGGER,EVENT,USER,ROLE,SEQUENCE,TEMPORARY TABLE,DEFINER,ALGORITHM,SQL SECURITY,SERVER'),
  sqlite: f(''),
  duckdb: f('TABLE,VIEW,MACRO,FUNCTION,SEQUENCE,TYPE,TEMP TABLE,TEMPORARY TABLE,TEMP VIEW,TEMP MACRO,SECRET,PERSISTENT SECRET'),
};
/** DROP |: the objects each engine drops. */
export const AFTER_DROP: PerDialect = {
  postgres: f('TABLE,VIEW,MATERIALIZED VIEW,INDEX,SCHEMA,DATABASE,FUNCTION,PROCEDURE,ROUTINE,AGGREGATE,TRIGGER,SEQUENCE,TYPE,DOMAIN,EXTENSION,ROLE,USER,GROUP,POLICY,PUBLICATION,SUBSCRIPTION,CAST,COLLATION,CONVERSION,EVENT TRIGGER,FOREIGN TABLE,FOREIGN DATA WRAPPER,SERVER,USER MAPPING FOR,RULE,STATISTICS,TABLESPACE,TEXT SEARCH CONFIGURATION,OPERATOR,LANGUAGE,ACCESS METHOD,TRANSFORM FOR,OWNED BY'),
  mysql: f('TABLE,TEMPORARY TABLE,VIEW,INDEX,DATABASE,SCHEMA,FUNCTION,PROCEDURE,TRIGGER,EVENT,USER,ROLE,SEQUENCE,SERVER,TABLESPACE'),
  sqlite: f('TABLE,VIEW,INDEX,TRIGGER'),
  duckdb: f('TABLE,VIEW,INDEX,SCHEMA,SEQUENCE,TYPE,MACRO,MACRO TABLE,FUNCTION,SECRET'),
};
/** ALTER |: the objects each engine alters. */
export const AFTER_ALTER: PerDialect = {
  postgres: f('TABLE,VIEW,MATERIALIZED VIEW,INDEX,SCHEMA,DATABASE,FUNCTION,PROCEDURE,ROUTINE,AGGREGATE,TRIGGER,SEQUENCE,TYPE,DOMAIN,EXTENSION,ROLE,USER,GROUP,POLICY,PUBLICATION,SUBSCRIPTION,COLLATION,CONVERSION,EVENT TRIGGER,FOREIGN TABLE,FOREIGN DATA WRAPPER,SERVER,USER MAPPING FOR,RULE,STATISTICS,TABLESPACE,TEXT SEARCH CONFIGURATION,OPERATOR,LANGUAGE,LARGE OBJECT,DEFAULT PRIVILEGES,SYSTEM'),
  mysql: f('TABLE,ONLINE TABLE,IGNORE TABLE,VIEW,DATABASE,SCHEMA,FUNCTION,PROCEDURE,EVENT,USER,SEQUENCE,SERVER,TABLESPACE,LOGFILE GROUP,DEFINER,ALGORITHM,SQL SECURITY'),
  sqlite: f('TABLE'),
  duckdb: f('TABLE,VIEW,SEQUENCE'),
};
/** ALTER TABLE t DROP |: what may be dropped, per dialect (a column name is offered with them). */
export const ALTER_DROP: PerDialect = {
  postgres: f('COLUMN,CONSTRAINT'),
  mysql: f('COLUMN,CONSTRAINT,INDEX,KEY,PRIMARY KEY,FOREIGN KEY,CHECK'),
  sqlite: f('COLUMN'),
  duckdb: f('COLUMN'),
};
export const AFTER_ALTER_COLUMN = f('TYPE,SET DATA TYPE,SET DEFAULT,DROP DEFAULT,SET NOT NULL,DROP NOT NULL');
/** ALTER TABLE t ADD |: what may be added, per dialect. */
export const ALTER_ADD: PerDialect = {
  postgres: f('COLUMN,CONSTRAINT,PRIMARY KEY,UNIQUE,FOREIGN KEY,CHECK,EXCLUDE'),
  mysql: f('COLUMN,INDEX,KEY,CONSTRAINT,PRIMARY KEY,UNIQUE,FOREIGN KEY,CHECK,FULLTEXT,SPATIAL'),
  sqlite: f('COLUMN'),
  duckdb: f('COLUMN,PRIMARY KEY'),
};
/** ALTER TABLE t RENAME |: what may be renamed, per dialect (a column name is offered with them). */
export const ALTER_RENAME: PerDialect = {
  postgres: f('TO,COLUMN,CONSTRAINT'),
  mysql: f('TO,AS,COLUMN,INDEX,KEY'),
  sqlite: f('TO,COLUMN'),
  duckdb: f('TO,COLUMN'),
};
export const AFTER_ALTER_TABLE_TARGET: PerDialect = {
  postgres: f('ADD COLUMN,DROP COLUMN,RENAME TO,RENAME COLUMN,ALTER COLUMN,ADD CONSTRAINT,DROP CONSTRAINT,ADD,DROP,ALTER,RENAME,OWNER TO,SET SCHEMA,SET TABLESPACE,SET,RESET,VALIDATE CONSTRAINT,ENABLE TRIGGER,DISABLE TRIGGER,ENABLE ROW LEVEL SECURITY,DISABLE ROW LEVEL SECURITY,ATTACH PARTITION,DETACH PARTITION,CLUSTER ON,INHERIT,NO INHERIT,REPLICA IDENTITY,SET LOGGED,SET UNLOGGED'),
  mysql: f('ADD COLUMN,DROP COLUMN,RENAME TO,RENAME COLUMN,MODIFY COLUMN,CHANGE COLUMN,ALTER COLUMN,ADD CONSTRAINT,ADD INDEX,DROP INDEX,ADD PRIMARY KEY,DROP PRIMARY KEY,ADD FOREIGN KEY,DROP FOREIGN KEY,ADD UNIQUE,RENAME INDEX,ADD,DROP,MODIFY,CHANGE,RENAME,ENGINE,CONVERT TO CHARACTER SET,DEFAULT CHARSET,AUTO_INCREMENT,COMMENT,ORDER BY,FORCE'),
  sqlite: f('ADD COLUMN,DROP COLUMN,RENAME TO,RENAME COLUMN,ADD,DROP,RENAME'),
  duckdb: f('ADD COLUMN,DROP COLUMN,RENAME TO,RENAME COLUMN,ALTER COLUMN,ADD,DROP,ALTER,RENAME,ADD PRIMARY KEY'),
};

/** Words after which an operand (column, function, value) is expected rather than an operator. */
export const EXPECTS_OPERAND: ReadonlySet<string> = new Set([
  'SELECT', 'WHERE', 'AND', 'OR', 'NOT', 'ON', 'BY', 'HAVING', 'SET', 'RETURNING', 'WHEN', 'THEN', 'ELSE', 'CASE',
  'IS', 'IN', 'LIKE', 'ILIKE', 'BETWEEN', 'DISTINCT', 'ALL', 'ANY', 'SOME', 'EXISTS', 'USING', 'QUALIFY', 'GLOB',
  'REGEXP', 'RLIKE', 'SIMILAR', 'TO', 'VALUES', 'LIMIT', 'OFFSET', 'DEFAULT', 'INTERVAL', 'OVER', 'FILTER',
]);
