-- psql's \\ separator: the backslash command ends there and the rest of the line is SQL
\x \\ select 1 as a;
\echo hi \\ select 2 as b
;
\set v 5 \\ select :v as c;
\echo x\\select 3 as d;
\echo 'q\\w' \\ select 4;
\x off \\ \echo two commands \\ select 'after' as e;
\pset null '(nil)' \\ select null as n, 'a\\b' as backslashes;
