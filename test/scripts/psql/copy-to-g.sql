-- COPY ... TO STDOUT whose rows go to \g FILE: psql says COPY n where results go (not after rows on stdout)
COPY (SELECT 'foo') TO STDOUT \g /dev/null
COPY (SELECT 'foo') TO STDOUT \; COPY (SELECT 'bar' from generate_series(1,2)) TO STDOUT \g /dev/null
COPY (SELECT 'x') TO STDOUT;
\set QUIET on
COPY (SELECT 'foo') TO STDOUT \g /dev/null
