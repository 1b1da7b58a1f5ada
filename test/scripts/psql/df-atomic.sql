-- \df+ shows a SQL-standard (BEGIN ATOMIC) body as psql does
create function fa(x int) returns int language sql begin atomic select x + 1; end;
\df+ fa
