-- \c with no arguments connects again to the same database (a new session: temporary tables are gone),
-- and \c - USER, \c DBNAME - keep what is `-`, as psql's positional form
\set ON_ERROR_STOP off
\set QUIET on
create temp table scratch (a int);
create table kept (a int);
\c
select * from scratch;
select count(*) from kept;
\c -
\c - :USER
select current_user = :'USER' as same_user;
\c :DBNAME -
select count(*) as still_there from kept;
