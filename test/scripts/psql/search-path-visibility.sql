-- one name in several schemas of the search path: psql lists and describes only the one found first
-- (pg_table_is_visible: tables, views, indexes, sequences and composite types share one namespace)
create schema s1;
create schema s2;
create table s1.t (a int);
create table s2.t (b text, c int);
create table public.t (z int);
create view s2.only2 as select 1 as one;
create table s1.only1 (x int);
create view s1.vt as select 1 as one;
create table s2.vt (y int);
create index tix on s2.t (b);
create index tix2 on s1.t (a);
create table s1.tix2x (q int);
create index tix2x on s2.t (c);
create sequence s1.sq;
create sequence s2.sq;
create type s1.ct as (a int);
create table s2.ct (u int);
set search_path = s2, s1, public;
\d t
\d
\dt
\dv
\d only1
\dt t
\d s1.t
\dt *.t
set search_path = s1, s2, public;
\d
\dt
\dv
\di
\ds
\dt *t*
\d t*
\d vt
\d ct
\d+ sq
reset search_path;
\dt
-- functions by name and argument types (pg_function_is_visible), types and domains by name (pg_type_is_visible)
create function s1.f(int) returns int language sql as 'select 1';
create function s2.f(int) returns int language sql as 'select 2';
create function s2.f(text) returns int language sql as 'select 3';
create type s1.ty as enum ('a');
create type s2.ty as enum ('b');
create domain s2.dm as int;
create domain s1.dm as text;
set search_path = s1, s2;
\df f
\df
\df *.f
\dT
\dT+ ty
\dT s2.*
\dD
\dD+
\dD *.dm
-- operators, aggregates, collations, conversions and extended statistics: the server's pg_*_is_visible
create function s1.plus1(int, int) returns int language sql as 'select $1 + $2';
create operator s1.### (leftarg = int, rightarg = int, function = s1.plus1);
create operator s2.### (leftarg = int, rightarg = int, function = s1.plus1);
create aggregate s1.agg(int) (sfunc = int4pl, stype = int);
create aggregate s2.agg(int) (sfunc = int4pl, stype = int);
create aggregate s2.agg(bigint) (sfunc = int8pl, stype = bigint);
create collation s1.cx from "C";
create collation s2.cx from "C";
create conversion s1.cv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
create conversion s2.cv for 'LATIN1' to 'UTF8' from iso8859_1_to_utf8;
create table s1.st (a int, b int);
create statistics s1.stx on a, b from s1.st;
create statistics s2.stx on a, b from s1.st;
set search_path = s1, s2;
\do ###
\do
\da
\dO
\dc
\dX
\do *.###
\da s2.*
