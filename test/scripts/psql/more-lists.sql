-- psql's other lists on objects a script made: \dO collations, \da aggregates, \dX extended
-- statistics, \ddp default privileges, \dy event triggers, \dew \des \deu \det foreign data,
-- \dRp publications, \dc conversions, \dL languages, \dA access methods, \dF text search, \lo_list,
-- \do operators, \dC casts, \dd descriptions, \drds role settings
create schema lists;
create collation lists.german (provider = libc, locale = 'C');
comment on collation lists.german is 'a test collation';
create function lists.add_int(int, int) returns int language sql immutable as 'select $1 + $2';
create aggregate lists.total(int) (sfunc = lists.add_int, stype = int, initcond = '0');
comment on aggregate lists.total(int) is 'adds them up';
create table lists.pairs (a int, b int, c text);
create statistics lists.pairs_stats (ndistinct, dependencies) on a, b from lists.pairs;
alter default privileges in schema lists grant select on tables to public;
create function lists.on_ddl() returns event_trigger language plpgsql as $$ begin end $$;
create event trigger lists_ddl on ddl_command_end when tag in ('CREATE TABLE', 'DROP TABLE') execute function lists.on_ddl();
comment on event trigger lists_ddl is 'watches tables';
create foreign data wrapper lists_fdw options (debug 'true');
create server lists_server foreign data wrapper lists_fdw options (host 'nowhere');
create user mapping for public server lists_server options (user 'nobody');
create foreign table lists.remote (id int) server lists_server options (table_name 'far');
create publication lists_pub for table lists.pairs;
create conversion lists.my_conv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
select lo_create(424242) as lo;
comment on large object 424242 is 'a blob';
set search_path = lists, public;
\dO
\dO+ lists.*
\da
\da total
\dX
\ddp
\ddp lists
\dy
\dy+
\dew
\dew+
\des
\des+ lists*
\deu
\deu+
\det
\det+
\dE
\dRp
\dRs
\dc
\dc+ my*
\dL
\dL+
\dLS
\dA
\dA+ b*
\dF eng*
\dFd simple
\dFp
\dFt
\lo_list
\lo_list+
\db
create function lists.int_eq(int, int) returns boolean language sql immutable as 'select $1 = $2';
create operator lists.=== (leftarg = int, rightarg = int, function = lists.int_eq);
comment on operator lists.=== (int, int) is 'same integers';
create type lists.wrapped as (v int);
create function lists.to_wrapped(int) returns lists.wrapped language sql immutable as 'select row($1)::lists.wrapped';
create cast (int as lists.wrapped) with function lists.to_wrapped(int) as assignment;
comment on cast (int as lists.wrapped) is 'wraps an int';
alter table lists.pairs add constraint pairs_a_check check (a > 0);
comment on constraint pairs_a_check on lists.pairs is 'positive a';
create role sqlsh_lists_role nologin;
alter role sqlsh_lists_role set work_mem = '8MB';
\do
\do+ lists.===
\dC wrapped
\dC+ lists.wrapped
\dd
\dd pairs*
\drds sqlsh_lists_role
drop role sqlsh_lists_role;
drop event trigger lists_ddl;
select lo_unlink(424242);
-- \dP's and \df's letters
create table pm (id int, d date) partition by range (d);
create table pm_2024 partition of pm for values from ('2024-01-01') to ('2025-01-01') partition by range (id);
create table pm_2024_a partition of pm_2024 for values from (0) to (100);
create index pm_d on pm (d);
\dP
\dPi
\dPt
\dPn
\dPtn+
\dP pm*
create function trgf() returns trigger language plpgsql as 'begin return new; end';
create procedure pr1() language sql as 'select 1';
create aggregate myagg(int) (sfunc = int4pl, stype = int);
\dfa
\dfn
\dft
\dfp
\dfpt
\dfan
\dfwS row_n*
