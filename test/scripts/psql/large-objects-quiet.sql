-- \lo_import, \lo_export and \lo_unlink say what they did (lo_import OID), except under QUIET (-q), as psql
\set QUIET on
select lo_from_bytea(424242, 'quiet bytes') is not null as made;
\lo_export 424242 /tmp/sqlsh-lo-quiet-fixture.bin
\lo_import /tmp/sqlsh-lo-quiet-fixture.bin
select count(*) from pg_largeobject_metadata;
\lo_unlink :LASTOID
\lo_unlink 424242
\set QUIET off
select lo_from_bytea(434343, 'said') is not null as made;
\lo_unlink 434343
