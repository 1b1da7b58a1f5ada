-- a command on a line after \g \gset reads the variables \gset just set (psql puts variables in as each command runs)
select 5 as x \gset
select 7 as x \g \gset \echo :x
\echo :x
select 5 as x, 6 as y \gset pref01_ \\ \g \echo :pref01_x :pref01_y
select 7 as x, 8 as y \g \gset pref01_ \echo :pref01_x :pref01_y
\set v 3
\echo :v
\set w :v
\echo :w
