-- sqlite3's .import: a missing table is made from the first line (TEXT columns); --skip 1 leaves out the header line
.import --csv imp.csv newt
select * from newt;
.import --csv --skip 1 imp.csv newt
select count(*) from newt;
create table typed(id integer, name text, note text);
.mode csv
.import imp.csv typed
select * from typed;
