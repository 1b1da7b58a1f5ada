-- psql's rules for dotted patterns: too many parts, another database, and the current one by name
\set ON_ERROR_STOP off
create table t(a int);
\dt a.b.c.d
\dt nonesuch.public.t
\dt :DBNAME.public.t
\dA nonesuch.heap
\dn nonesuch.public
\dn a.b.c
\dL nonesuch.plpgsql
\dg nonesuch.pg_database_owner
\dx regression.plpgsql
\df nonesuch.public.f
\dT nonesuch.public.widget
\d nope
\dt nope
select nope;
