-- the \d family laid out as psql 15 lays it out, after SET search_path, with a collation, a partial index, a UNIQUE constraint
create schema desc_s;
set search_path = desc_s, public;
create table a (id serial primary key, v text unique, n int check (n > 0), c varchar(20) collate "C" not null default 'x');
create unique index a_n_uniq on a (n);
create index a_n_idx on a (n) where n > 5;
create view av as select id, v from a;
create function f(x int) returns int language sql as 'select x + 1';
create type mood as enum ('sad', 'ok');
comment on type mood is 'how it feels';
\dt
\dv
\di
\ds
\dn desc_s
\df
\dT
\d a
\d a_pkey
\d a_n_idx
\d av
\dt nosuch
\df nosuch
\dn nosuch
drop schema desc_s cascade;
-- \du and \l with psql 15's columns (a role of its own; template1, which every server has)
drop role if exists sqlsh_desc_role;
create role sqlsh_desc_role connection limit 3 valid until '2031-02-03 04:05:06+00' noinherit nologin createdb;
\du sqlsh_desc_role
\l template1
drop role sqlsh_desc_role;
-- \dp and \z: privileges one per line, column privileges, row security policies
drop role if exists sqlsh_dp_reader;
create role sqlsh_dp_reader nologin;
create schema dp_s;
create table dp_s.t (id int, secret text);
grant select on dp_s.t to sqlsh_dp_reader;
grant update (secret) on dp_s.t to sqlsh_dp_reader;
alter table dp_s.t enable row level security;
create policy p1 on dp_s.t for select to sqlsh_dp_reader using (id > 0);
create policy p2 on dp_s.t as restrictive using (true) with check (id < 100);
create sequence dp_s.seq;
\dp dp_s.*
\z dp_s.t
\dp dp_s.nosuch
drop schema dp_s cascade;
drop role sqlsh_dp_reader;
-- \dD: domains with their base type, collation, nullability, default and checks
create schema dd_s;
create domain dd_s.pos as int not null default 1 check (value > 0) check (value < 1000);
create domain dd_s.code as text collate "C";
\dD dd_s.*
\dD nosuch
drop schema dd_s cascade;
-- the + lists: persistence, access method, size, description
create schema vp;
create table vp.t (id int primary key);
comment on table vp.t is 'the t';
create unlogged table vp.u (x int);
create view vp.v as select 1 as one;
create materialized view vp.m as select 1 as one;
\dt+ vp.*
\dv+ vp.*
\dm+ vp.*
\di+ vp.*
drop schema vp cascade;
-- \d of a pattern: tables, indexes and sequences in name order; identity and generated columns; what owns a sequence
create schema sq;
create table sq.t (id serial primary key, n int generated always as identity, twice int generated always as (id * 2) stored, at timestamptz default now() + interval '1 day');
create sequence sq.free increment 5 minvalue 10 maxvalue 1000 cycle cache 3;
\d sq.*
drop schema sq cascade;
-- \d+ of a table, an unlogged table, a view, a materialized view, an index: storage, compression, statistics
-- target, access method, the view's text as the server indents it
create schema dplus;
create table dplus.t (id int primary key, s text, j jsonb);
comment on column dplus.t.s is 'the s';
alter table dplus.t alter column s set statistics 50;
create unlogged table dplus.u (x int);
create view dplus.v as select id, s from dplus.t where id > 1;
create materialized view dplus.m as select 1 as one;
\d+ dplus.*
drop schema dplus cascade;
create type pair as (a int, b text collate "C", c numeric(5,2));
comment on column pair.b is 'the b';
\d pair
\d+ pair
