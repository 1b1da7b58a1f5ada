-- a \connect that fails in a script ends it, as psql: exit status 2 (3 under ON_ERROR_STOP), and the
-- statements after it, meant for the other database, never run on this one
\set ON_ERROR_STOP off
create table before_connect (a int);
insert into before_connect values (1), (2);
select 1/0;
select count(*) from before_connect;
\connect no_such_database_for_connect_fails
create table after_connect (a int);
select 'not reached';
