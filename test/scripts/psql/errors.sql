-- special variables after errors, \p and \r, ON_ERROR_STOP set in the script
\set ON_ERROR_STOP off
create table t (id int primary key);
insert into t values (1);
\echo ROW_COUNT=:ROW_COUNT ERROR=:ERROR SQLSTATE=:SQLSTATE
insert into t values (1);
\echo ERROR=:ERROR SQLSTATE=:SQLSTATE
\echo LAST_ERROR_MESSAGE=:LAST_ERROR_MESSAGE
select nope from t;
\echo SQLSTATE=:SQLSTATE
\if :ERROR
  \echo the last statement failed
\endif
insert into t values (2) \r
select count(*) as count_after_reset from t;
select 5 as five \p
;
\if false
  \nonsense_command is still an unknown command in a skipped branch, as in psql
\endif
-- an error inside PL/pgSQL: CONTEXT says where, as psql shows it; \errverbose adds the SQLSTATE
\set ON_ERROR_STOP off
do $$ begin perform 1/0; end $$;
do $$ begin perform nosuch; end $$;
\set ON_ERROR_STOP on
select 1/0;
\echo not reached
