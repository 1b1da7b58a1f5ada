-- a pattern finds system objects where the search path reaches them, as psql 15 lists relations, collations,
-- conversions and languages (\dt pg_class without S); its unquoted letters are folded to lower case as psql
-- folds them ("Foo" is found only quoted); \ds+ has psql's columns
\set ON_ERROR_STOP off
create table foo (a int);
create table "Foo" (a int);
create sequence s1;
comment on sequence s1 is 'a sequence';
\dt pg_class
\dt pg_cl*
\dt pg_toast*
\dv pg_roles
\dt Foo
\dt "Foo"
\dt FO*
\d pg_am
\ds+
\ds+ S1
\dO en-US*
\dO "en-US-x-icu"
\dc utf8_to_big5
\dL internal
\dL
select 1/0;
\dt no_such_table
