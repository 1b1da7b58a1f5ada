-- sqlite3's .tables and .indexes: names sorted, in as many columns as fit 80, filled down; other schemas' names qualified
create table tbl_alpha(a); create table tbl_b(a); create table tbl_gamma_long_name(a); create table t4(a); create table t5(a);
create table t6(a); create table t7(a); create table t8(a); create table t9(a); create table t10(a); create view v1 as select 1;
create index ix_alpha on tbl_alpha(a); create index ix_b on tbl_b(a); create unique index ux_t4 on t4(a);
attach ':memory:' as other;
create table other.extra(x);
.tables
.tables t_
.indexes
.indexes tbl%
.echo on
select count(*) from tbl_alpha;
-- a comment
select 1
  , 2;
.echo off
select 3;
