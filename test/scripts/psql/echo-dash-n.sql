\echo '-n' with newline
\echo -n without newline
\echo x
select 1 as one;
