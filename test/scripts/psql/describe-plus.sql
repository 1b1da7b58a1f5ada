-- the + forms of psql's lists and a pattern that finds system objects: \df+, \dT+ (enum elements,
-- sizes), \dn+, \dD+, \du+, \dx+, \dconfig+; \df now, \dT int4 (the internal name), \dfS abs
create schema dplus2;
comment on schema dplus2 is 'plus forms';
create type dplus2.mood as enum ('sad', 'ok', 'happy');
comment on type dplus2.mood is 'how it feels';
create type dplus2.pair as (a int, b text);
create domain dplus2.posint as int check (value > 0);
comment on domain dplus2.posint is 'positive';
create function dplus2.twice(x int) returns int language sql immutable parallel safe as 'select x * 2';
create function dplus2.secret() returns text language sql security definer as $$select 'x'$$;
comment on function dplus2.twice(int) is 'doubles';
create role sqlsh_plus_role nologin;
comment on role sqlsh_plus_role is 'a commented role';
set search_path = dplus2, public;
\df+ dplus2.*
\dT+ dplus2.*
\dn+ dplus2
\dD+ dplus2.*
\du+ sqlsh_plus_role
\dx+ plpgsql
\dconfig+ work_mem
\df now
\df+ now
\dfS abs
\dT int4
\dT+ int4
\dTS int*
\dn pg_catalog
drop role sqlsh_plus_role;
