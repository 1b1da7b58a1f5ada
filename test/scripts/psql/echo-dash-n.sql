\echo '-n' with newline
\echo -n without newline
\echo x
