/**
 * The names of PostgreSQL's built-in types (format_type(oid, null)), so a session needs no query
 * for them before its first result, as psql knows its own. Built-in type OIDs are fixed in
 * PostgreSQL's source (pg_type.dat) and never reused; a type missing here (a user's enum or domain,
 * an extension's, one added by a later release) is looked up by postgres-type-names.ts.
 *
 * One entry per type: "oid name", or "oid arrayOid name" when the type's array is named "name[]".
 * Made from PostgreSQL 15: the types with OIDs below 10000, those fixed in the source (initdb numbers
 * the rest, such as information_schema's domains, differently in each release);
 * test/engines/postgres-types.test.ts checks every entry against the server.
 */
const TABLE =
  '16 1000 boolean,17 1001 bytea,18 1002 "char",19 1003 name,20 1016 bigint,21 1005 smallint,' +
  '22 1006 int2vector,23 1007 integer,24 1008 regproc,25 1009 text,26 1028 oid,27 1010 tid,28 1011 xid,' +
  '29 1012 cid,30 1013 oidvector,32 pg_ddl_command,114 199 json,142 143 xml,194 pg_node_tree,' +
  '269 table_am_handler,325 index_am_handler,600 1017 point,601 1018 lseg,602 1019 path,603 1020 box,' +
  '604 1027 polygon,628 629 line,650 651 cidr,700 1021 real,701 1022 double precision,705 unknown,' +
  '718 719 circle,774 775 macaddr8,790 791 money,829 1040 macaddr,869 1041 inet,1033 1034 aclitem,' +
  '1042 1014 character,1043 1015 character varying,1082 1182 date,1083 1183 time without time zone,' +
  '1114 1115 timestamp without time zone,1184 1185 timestamp with time zone,1186 1187 interval,' +
  '1266 1270 time with time zone,1560 1561 bit,1562 1563 bit varying,1700 1231 numeric,1790 2201 refcursor,' +
  '2202 2207 regprocedure,2203 2208 regoper,2204 2209 regoperator,2205 2210 regclass,2206 2211 regtype,' +
  '2249 2287 record,2275 1263 cstring,2276 "any",2277 anyarray,2278 void,2279 trigger,' +
  '2280 language_handler,2281 internal,2283 anyelement,2776 anynonarray,2950 2951 uuid,' +
  '2970 2949 txid_snapshot,3115 fdw_handler,3220 3221 pg_lsn,3310 tsm_handler,3361 pg_ndistinct,' +
  '3402 pg_dependencies,3500 anyenum,3614 3643 tsvector,3615 3645 tsquery,3642 3644 gtsvector,' +
  '3734 3735 regconfig,3769 3770 regdictionary,3802 3807 jsonb,3831 anyrange,3838 event_trigger,' +
  '3904 3905 int4range,3906 3907 numrange,3908 3909 tsrange,3910 3911 tstzrange,3912 3913 daterange,' +
  '3926 3927 int8range,4072 4073 jsonpath,4089 4090 regnamespace,4096 4097 regrole,4191 4192 regcollation,' +
  '4451 6150 int4multirange,4532 6151 nummultirange,4533 6152 tsmultirange,4534 6153 tstzmultirange,' +
  '4535 6155 datemultirange,4536 6157 int8multirange,4537 anymultirange,4538 anycompatiblemultirange,' +
  '4600 pg_brin_bloom_summary,4601 pg_brin_minmax_multi_summary,5017 pg_mcv_list,5038 5039 pg_snapshot,' +
  '5069 271 xid8,5077 anycompatible,5078 anycompatiblearray,5079 anycompatiblenonarray,' +
  '5080 anycompatiblerange';

let names: ReadonlyMap<number, string> | undefined;

/** OID -> format_type name of every built-in type (and its array). */
export function builtinTypeNames(): ReadonlyMap<number, string> {
  if (names) return names;
  const m = new Map<number, string>();
  for (const entry of TABLE.split(',')) {
    const [, oid, array, name] = /^(\d+) (?:(\d+) )?(.+)$/.exec(entry)!;
    m.set(Number(oid), name!);
    if (array) m.set(Number(array), `${name}[]`);
  }
  return (names = m);
}
