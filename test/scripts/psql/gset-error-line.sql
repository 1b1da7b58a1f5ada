-- a query sent by \gset or \g that fails does not skip the commands after it on the line (a failed command does)
\set ON_ERROR_STOP off
select 1/0 as x \gset \echo after
select 1 as a, 2 as a \gset \echo after-two-columns
select 1 union select 2 \gset \echo after-two-rows
select 1/0 \g \echo after-g
select 5 as v \gset p_ \echo :p_v
\echo x \nosuch \echo never
