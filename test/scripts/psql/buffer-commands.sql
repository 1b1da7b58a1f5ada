-- \w writes the query buffer (else the last query) to a file or a command; \H toggles html output
select 'x' as q \w |cat
\p
\r
select 2;
\w |cat
\H
select 1 as a, null as b;
\H
select 3;
