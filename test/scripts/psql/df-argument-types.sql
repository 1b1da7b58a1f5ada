-- \df FUNCPTRN TYPEPTRN... and \do OPPTRN [TYPEPTRN [TYPEPTRN]], as psql 15: each pattern matches the type of the
-- argument at its place (format_type's name, pg_type's, or the grammar's: int, float, int4[], timestamp[]), `-` no
-- argument there; \do with one type pattern lists prefix operators
\set ON_ERROR_STOP off
create function f1(int) returns int language sql as 'select 1';
create function f1(text) returns int language sql as 'select 1';
create function f1(int, text) returns int language sql as 'select 1';
create function f1() returns int language sql as 'select 1';
create function f2(integer[], varchar) returns int language sql as 'select 1';
create function f3(variadic int[]) returns int language sql as 'select 1';
create operator ### (leftarg = int, rightarg = int, function = int4pl);
create operator ### (leftarg = text, rightarg = text, function = textcat);
create operator ### (rightarg = int, function = int4um);
\df f1 int
\df f1 integer
\df f1 text
\df f1 int text
\df f1 int -
\df f1 - text
\df f1 -
\df f1 int text int
\df f2 int[] varchar
\df f2 _int4
\df f2 "integer[]"
\df f2 int4[] character*
\df f3 int[]
\df f3 integer[]
\df+ f1 int
\dfn f1 int*
\df f* int
\df * int text
\df f1 pg_catalog.int4
\df f1 public.int4
\df f1 nosuchtype
\do ### int int
\do ### integer integer
\do ### - int
\do ### text
\do ### int
\do ### text text
\do+ ### int4 int4
\do ### int text
\do - int
\do ###
\do * int4 int4
create schema hid;
create type hid.mytype as (a int);
create domain public.dom as int;
create function h1(a int, out b text, out c int) language sql as 'select 1::text, 2';
create function h2(hid.mytype) returns int language sql as 'select 1';
create function h3(dom) returns int language sql as 'select 1';
create procedure h4(int, inout x text) language sql as 'select 1';
\df h1 int
\df h1 int text
\df h1 int -
\df h2 mytype
\df h2 hid.mytype
\df h2 hid.*
\df h3 dom
\df h3 int
\df h4 int text
\dfp h* int
\dfn h* int
\df+ h3 dom
\do = int int
\do+ + - int
\do * bool bool
\do ~~ text
\do * hid.* *
\do * "text" -
select 1/0;
\df a.b.c.d int
\df h1 a.b.c.d
\do * int nosuchdb.pg_catalog.int4
-- the spellings of types: the grammar's, pg_type's, format_type's, arrays
create function g(integer) returns int language sql as 'select 1';
create function g(numeric) returns int language sql as 'select 1';
create function g(double precision) returns int language sql as 'select 1';
create function g(real) returns int language sql as 'select 1';
create function g(character) returns int language sql as 'select 1';
create function g("char") returns int language sql as 'select 1';
create function g(varchar) returns int language sql as 'select 1';
create function g(boolean) returns int language sql as 'select 1';
create function g(timestamp) returns int language sql as 'select 1';
create function g(timestamptz) returns int language sql as 'select 1';
create function g(time) returns int language sql as 'select 1';
create function g(timetz) returns int language sql as 'select 1';
create function g(bit varying) returns int language sql as 'select 1';
create function g(bit) returns int language sql as 'select 1';
create function g(smallint) returns int language sql as 'select 1';
create function g(bigint) returns int language sql as 'select 1';
create function g(interval) returns int language sql as 'select 1';
create function g(integer[]) returns int language sql as 'select 1';
create function g(numeric[]) returns int language sql as 'select 1';
create function g(double precision[]) returns int language sql as 'select 1';
create function g(real[]) returns int language sql as 'select 1';
create function g(character[]) returns int language sql as 'select 1';
create function g(varchar[]) returns int language sql as 'select 1';
create function g(boolean[]) returns int language sql as 'select 1';
create function g(timestamptz[]) returns int language sql as 'select 1';
create function g(timestamp[]) returns int language sql as 'select 1';
create function g(bigint[]) returns int language sql as 'select 1';
create function g(smallint[]) returns int language sql as 'select 1';
create function g(text[]) returns int language sql as 'select 1';
create function g(bit varying[]) returns int language sql as 'select 1';
create function g(time[]) returns int language sql as 'select 1';
create function g(timetz[]) returns int language sql as 'select 1';
create function g(interval[]) returns int language sql as 'select 1';
create function g("char"[]) returns int language sql as 'select 1';
create function g(bit[]) returns int language sql as 'select 1';
\df g 'int'
\df g 'decimal'
\df g 'float'
\df g 'char'
\df g 'bpchar'
\df g '"char"'
\df g 'character*'
\df g 'timestamp with time zone'
\df g 'time'
\df g 'int[]'
\df g 'int4[]'
\df g 'decimal[]'
\df g 'float[]'
\df g 'char[]'
\df g 'bpchar[]'
\df g 'timestamp[]'
\df g 'time[]'
\df g '_text'
\df g 'int*'
\df g '_*'
\df g 'pg_catalog.int4'
\df g 'public.int4'
\df g 'INT'
\df g '"INT4"'
