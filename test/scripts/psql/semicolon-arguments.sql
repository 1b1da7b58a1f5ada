-- psql reads the arguments of \c, \i, \o, \x, \t, \l and the \d commands without the semicolons that end
-- them (chinook's `\c chinook;`), and not those of \set, \echo, \pset: as psql 15
create table semi (x int);
insert into semi values (1);
\dt semi;
\d semi;
\dt ;
\x on;
select * from semi;
\x off;
\t on;
select 2;
\t off
\set n 3
\i include-me.inc;
\set QUIET on
\c :DBNAME;
\set QUIET off
select current_database() = :'DBNAME' as same_database;
\set v 1;
\echo :v
\pset null x;
select null as shown;
