-- pg_dump's \restrict KEY ... \unrestrict KEY: nothing but \unrestrict runs in between (SQL does)
\set ON_ERROR_STOP off
\restrict abc
create table r(a int);
insert into r values (1);
\echo refused
\q
\echo a \unrestrict abc
\unrestrict abd
select count(*) from r;
\unrestrict abc
\echo allowed
\unrestrict abc
\restrict k2 \echo refused-on-the-same-line
\unrestrict k2 \echo after
\restrict "q q"
\unrestrict "q q"
\set key xyz
\restrict :key
\unrestrict xyz extra
\if false
\restrict skipped
\endif
\restrict
\unrestrict
-- missing arguments in psql's words
\getenv
\setenv
\i
\lo_unlink
\prompt
\unset
\sf
\sv
\copy
select 1/0;
\echo done
\if true
