-- psql's commands around the session: \setenv and \! (a shell command), \cd, \encoding, \copy FROM STDIN
-- with its data inline and TO STDOUT (no COPY n after rows written where results go), \sv and \sf
\setenv SQLSH_FIXTURE_VAR from-setenv
\! echo "the shell sees $SQLSH_FIXTURE_VAR"
\cd /
\! pwd
\encoding
create table copied (a int, b text);
\copy copied from stdin
1	one
2	\N
\.
\copy copied (a) from stdin with (format csv)
3
\.
select * from copied order by a;
\copy copied to stdout
\copy (select a from copied where a > 1) to stdout with csv header
create view copied_view with (security_barrier) as select a, b from copied where a > 1 with local check option;
\sv copied_view
\sv+ copied_view
create function plus_one(x int) returns int language plpgsql as $$
begin
  return x + 1;
end $$;
\sf plus_one
\sf+ plus_one(int)
-- \g with this run's printing options and a destination: a file, a command; \o stays as it was
select a, null as nothing from copied where a < 3 order by a \g (format=csv) /tmp/sqlsh_fixture_g.csv
\! cat /tmp/sqlsh_fixture_g.csv; rm -f /tmp/sqlsh_fixture_g.csv
select 'piped' as how \g | tr a-z A-Z
select 'plain' as how;
\g (tuples_only=on)
select 'after' as how;
-- `command` in a backslash command's arguments: the shell's output, variables put in first
\set who `echo world`
\set n 5
\set next `expr :n + 1`
\set quoted `printf '%s|' :'who'`
\echo hello :who :next :quoted
\set x '1' \set y '2'
\echo :x :y \echo done
\set z 'a\\b'
\echo :z
