-- \d+ footers in psql 15's order: a materialized view's indexes before its definition; a foreign table's
-- server and options after its constraints; a child table by inheritance without a mark; unlogged sequences
create table base (a int, b text);
create materialized view totals as select a, count(*) as n from base group by a;
create index totals_a on totals (a);
\d+ totals
create foreign data wrapper dummy_fdw;
create server s0 foreign data wrapper dummy_fdw;
create foreign table ft1 (c1 int check (c1 > 0), c2 text) server s0 options (delimiter ',');
\d+ ft1
\d ft1
create foreign table ft2 () inherits (base) server s0;
\d+ base
create unlogged sequence useq;
\d useq
create sequence lseq;
\d lseq
