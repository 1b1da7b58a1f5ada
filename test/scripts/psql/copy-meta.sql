-- psql's \copy on PostgreSQL: COPY ... FROM STDIN / TO STDOUT with the options as written, the data read
-- and written here (a file, a program, the lines after it, the output); the server's errors in its words
\set ON_ERROR_STOP off
create table cm (id int primary key, name text);
create schema cms;
create table cms."Odd Name" (id int, name text);
\copy cm from 'copy-meta.tsv'
\copy cm(id,name) from 'copy-meta.csv' csv header
\copy cms . "Odd Name" ( id , name ) from 'copy-meta.csv' with (format csv, header true);
select * from cm order by id;
\copy cm to stdout
\copy (select id, name from cm where id > 2 order by id) to stdout with csv header
\copy cm to '/dev/null'
\copy cms."Odd Name" to program 'cat > /dev/null' with csv
\copy cm from program 'printf "20\ttwenty\n21\ttwenty-one\n"'
\copy cm from stdin
30	thirty
31	thirty-one
\.
\copy cm (id) from stdin with (format csv)
40
41
\.
-- a COPY that fails first takes none of the lines: they are read as SQL, as psql reads them
\copy no_such_table from stdin
50	fifty
\.
select 'after the failed copy';
-- an error in the data: the server's words, at the line of \.
\copy cm from stdin (format csv)
60,sixty
x,bad
\.
\copy cm from stdin
30	again
\.
\copy cm from 'no-such-file.tsv'
\copy cm from
\copy cm frum stdin
\copy cm from program 'exit 3'
\copy cm to stdout;
select count(*), sum(id) from cm;
-- psql takes \copy's line as written: no variables put in
\set x 5
\copy (select :'x' as v) to stdout
