-- \dAc, \dAf, \dAo, \dAp as psql 15: operator classes, families, their operators and support functions;
-- AMPTRN, then a type pattern (\dAc, \dAf) or an operator family pattern (\dAo, \dAp); names outside the
-- search path with their schema
\set ON_ERROR_STOP off
\dA
\dA+ btree
\dAc brin
\dAc+ brin int4
\dAc btree int4
\dAc * text
\dAf hash
\dAf+ hash int4
\dAf btree text
\dAo brin integer_minmax_ops
\dAo+ btree float_ops
\dAo * integer_ops
\dAp brin integer_minmax_ops
\dAp+ btree float_ops
\dAp hash text_ops
\dAc nosuch
create schema hid;
create operator family hid.myfam using btree;
create operator class hid.myint_ops for type int4 using btree family hid.myfam as operator 1 <, operator 3 =, function 1 btint4cmp(int4, int4);
create operator class "Pub ops" for type int4 using hash as operator 1 =, function 1 hashint4(int4);
create type mood as enum ('a','b');
\dAp btree float_ops
\dAc btree int*
\dAc+ btree int*
\dAc+ hash int*
\dAf+ btree int*
\dAf hash int4
\dAo btree hid.myfam
\dAo btree myfam
\dAo+ btree *fam
\dAp+ btree *fam
\dAp btree *fam
\dAo+ gist point_ops
\dAf * mood
\dAc * anyenum
\dAc * mood
create type hid.mood2 as enum ('x');
create function hid."Hash Me"(hid.mood2) returns int language sql immutable as 'select 1';
create operator class hid.m2_ops for type hid.mood2 using hash as operator 1 = (anyenum, anyenum), function 1 hid."Hash Me"(hid.mood2);
\dAc hash mood2
\dAc hash hid.mood2
\dAf hash mood2
\dAf hash hid.*
\dAp hash m2_ops
\dAp+ hash m2_ops
\dAo hash hid.m2_ops
\dAc hash anyenum
\dAc+ gi*
select 1/0;
\dAc a.b
