-- \connect as pg_dump and pg_dumpall write it: a quoted name, a connection string, -reuse-previous, - for "keep"
\set QUIET on
\set home :DBNAME
\c "postgres"
select current_database();
\c :"home"
select current_database() <> 'postgres' as back_home;
\connect -reuse-previous=on "dbname='postgres'"
select current_database();
\c - - - -
select current_database();
\c :home -
create table connected (a int);
select current_database() <> 'postgres' as home_again;
