-- psql HIDE_TABLEAM: no access method in \d+ and the + lists
create table tam(a int);
create index tam_i on tam(a);
\d+ tam
\dt+ tam
\di+ tam_i
\d+
\set HIDE_TABLEAM on
\d+ tam
\dt+ tam
\di+ tam_i
\d+
\dm+
