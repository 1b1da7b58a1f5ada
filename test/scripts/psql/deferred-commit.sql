-- a statement whose implicit COMMIT fails (a deferred constraint): the error, as psql shows it, and the session goes on
-- (a statement that returns rows waited forever for the server's answer)
\set ON_ERROR_STOP off
create temp table d (f1 int, constraint c exclude (f1 with =) initially deferred);
insert into d values (1);
insert into d values (1) returning f1;
insert into d values (1);
select count(*) from d;
