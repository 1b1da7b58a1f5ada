-- psql sends each request as its buffer holds it: a leading /* */ comment, a lone ;, blank lines
\set ON_ERROR_STOP off
/* a request of its own */;
;
select 1 as one -- a trailing comment

;
/* kept */ select 'kept' as a \echo SQL before a command stays in the buffer
, 'too' as b;
create table rt (i int) \; insert into rt values (1) \; insert into rt values (2);
select 1/0 \; insert into rt values (3);
select sum(i) as total from rt
\g
select count(*) as n from rt \echo still waiting
\g
/* the end */
