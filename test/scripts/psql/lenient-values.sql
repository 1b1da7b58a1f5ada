-- the values psql reads leniently and the ones it refuses, in its words: a boolean's unique prefix
-- (\timing of, \x tr, \t y), a trailing semicolon kept where psql keeps it (\timing off; is an error, after
-- which psql says how timing stands), \unset of a name no variable has (said nothing), \sf and \sv of
-- what the server does not know (its ERROR as psql prints it)
\set ON_ERROR_STOP off
select 1/0;
\timing off;
\timing on;
\timing foo
\timing t
\timing of
\set QUIET on
\timing off;
\set QUIET off
\x tr
\x au
\x foo
\x of
\t y
\t n
\t foo
\t
\t
\pset expanded on;
\pset expanded
\pset expanded
\pset footer off;
\pset tuples_only on;
\pset pager off;
\pset linestyle ascii;
\pset unicode_border_linestyle single;
\pset nosuch 1
\pset format xx
\set v 1
\unset v;
\echo v is :v
\unset v
\echo v is :v
\sf abs;
\sf no_such_function
\sf no_such_function(int)
\sv no_such_view
\sv pg_class
-- \x and \pset expanded alone: an auto asked for turns off, as psql's toggle
\x auto
\x
\x
\pset expanded auto
\pset expanded
\pset expanded
\x auto
\pset expanded
\x off
-- \pset's option names as psql reads them (exactly), and \pset pager alone toggles
\pset form csv
\pset FORMAT csv
\pset Null x
\pset pager
\pset pager
\pset pager off
\pset pager
select 'still here' as t;
