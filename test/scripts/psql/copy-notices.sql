-- what the server says while COPY ... FROM STDIN takes its data (a trigger's notices), at the line of \.
\set ON_ERROR_STOP off
create table cn (a int check (a < 3));
create function cn_t() returns trigger language plpgsql as $$ begin raise notice 'row %', new.a; return new; end $$;
create trigger cn_t before insert on cn for each row execute function cn_t();
copy cn from stdin;
1
2
\.
select count(*) from cn;
-- the notices before the error, then the error
copy cn from stdin;
2
3
\.
select count(*) from cn;
