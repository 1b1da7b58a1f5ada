-- sqlite3's .schema: quoted names, comments, views and virtual tables, temp and attached schemas, patterns
create table "order"(id int, "group" text, [select] int) -- a trailing comment is not kept
;
create table c2(a int /* a comment
  inside */, b int);
create view "my view" as select id, "group" from "order";
create index ix on c2(a);
create trigger tr after insert on c2 begin select 1; end;
create table t3 (x -- a comment at the end of the text
);
attach ':memory:' as "aux db";
create table "aux db".at(q);
create view "aux db".av as select q from at;
create temp table tt(z);
.schema
.schema c2
.schema "order"
.schema 'my view'
.schema --nosys t%
.schema main.c2
.schema C*
.schema nothing_like_this
