-- what the server says before an error (a NOTICE, a shell type's note) is shown before the error, as psql shows it
\set ON_ERROR_STOP off
do $$ begin raise notice 'said first'; raise exception 'then failed'; end $$;
create function nf() returns int language plpgsql as $$ begin raise notice 'in nf'; raise exception 'nf failed'; end $$;
select nf();
create function shell_in(cstring) returns not_yet_a_type as 'no_such_library' language c;
select 1 as after;
