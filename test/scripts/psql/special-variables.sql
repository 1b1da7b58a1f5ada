-- psql special variables: start-up values, \set/\unset by psql rules (errors in its words), AUTOCOMMIT off, ON_ERROR_ROLLBACK, VERBOSITY, SHOW_CONTEXT, ECHO errors, \gset into a special variable
\set ON_ERROR_STOP off
\unset AUTOCOMMIT
\echo A :AUTOCOMMIT
\set AUTOCOMMIT
\echo B :AUTOCOMMIT
\set AUTOCOMMIT foo
\echo C :AUTOCOMMIT
\unset ECHO
\echo D :ECHO
\set ECHO
\echo E :ECHO
\set ECHO foo
\unset FETCH_COUNT
\echo F :FETCH_COUNT
\set FETCH_COUNT
\echo G :FETCH_COUNT
\set FETCH_COUNT -5
\echo H :FETCH_COUNT
\unset VERBOSITY
\echo I :VERBOSITY
\set VERBOSITY
\set SHOW_CONTEXT foo
\set QUIET
\echo K :QUIET
\unset QUIET
\echo L :QUIET
\unset HISTSIZE
\echo M :HISTSIZE
\unset IGNOREEOF
\echo N :IGNOREEOF
\set IGNOREEOF foo
\echo O :IGNOREEOF
\unset PROMPT1
\unset ECHO_HIDDEN
\echo Q :ECHO_HIDDEN
\set ECHO_HIDDEN noexec
\echo R :ECHO_HIDDEN
\unset COMP_KEYWORD_CASE
\echo S :COMP_KEYWORD_CASE
\set COMP_KEYWORD_CASE x
\unset HISTCONTROL
\echo T :HISTCONTROL
\unset SHOW_ALL_RESULTS
\echo U :SHOW_ALL_RESULTS
\unset LAST_ERROR_MESSAGE
\unset VERSION
\unset DBNAME
\set ON_ERROR_ROLLBACK
\echo Y :ON_ERROR_ROLLBACK
\unset SINGLESTEP
\echo Z :SINGLESTEP
\unset HIDE_TABLEAM
\echo a :HIDE_TABLEAM
\unset SHOW_CONTEXT
\echo b :SHOW_CONTEXT
create table ac(a int);
\set AUTOCOMMIT off
insert into ac values (1);
rollback;
select count(*) from ac;
insert into ac values (2);
commit;
select count(*) from ac;
commit;
\set AUTOCOMMIT on
create table o(a int);
\set ON_ERROR_ROLLBACK on
begin;
insert into o values (1);
insert into o values ('x');
insert into o values (2);
commit;
select count(*) from o;
\set AUTOCOMMIT off
insert into o values (3);
insert into o values ('y');
insert into o values (4);
commit;
select count(*) from o;
commit;
\set VERBOSITY terse
SELECT 1 UNION;
select nope;
commit;
\set VERBOSITY default
\set VERBOSITY verbose
select nope;
do $$ begin raise exception 'bar'; end $$;
\set VERBOSITY sqlstate
SELECT 1/0;
select nope;
\set VERBOSITY default
\set SHOW_CONTEXT never
do $$ begin raise exception 'bar'; end $$;
\set SHOW_CONTEXT errors
\set VERBOSITY default
\set ECHO errors
select nope
  from x;
\set ECHO none
\errverbose
select 97 as "EOF", 1 as "IGNOREEOF" \gset
\echo :IGNOREEOF
\set AUTOCOMMIT on
\echo :AUTOCOMMIT :ECHO :FETCH_COUNT :ON_ERROR_ROLLBACK :SHOW_CONTEXT :VERBOSITY :QUIET :HIDE_TABLEAM :SHOW_ALL_RESULTS :HISTSIZE :IGNOREEOF :COMP_KEYWORD_CASE :HISTCONTROL :ECHO_HIDDEN :SINGLELINE :SINGLESTEP
