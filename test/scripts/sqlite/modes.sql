-- sqlite3's output modes, byte for byte: REALs in %!.15g, blobs as their bytes, csv quoting and CRLF, columnar widths
create table t(i integer, r real, s text, b blob, n);
insert into t values (1, 2.0, 'plain', x'4142', null), (-20, 0.1, 'a,b "q"', x'', 3), (300, 1e20, '', null, 'héllo wörld'), (4, -1.5e-9, ' lead', x'0a', 2.5);
.mode list
select * from t;
.headers on
select * from t;
.mode csv
select * from t;
.mode column
select * from t;
.mode line
select * from t;
.mode box
select * from t;
.mode table
select * from t;
.mode markdown
select * from t;
.mode tabs
select * from t;
.mode list
select * from t;
create table m(a, bb);
insert into m values (1, 'x	y'), ('two
lines', NULL), (3.25, 'z'), ('漢字', x'0a');
.headers off
.mode column
select * from m;
.mode box
select * from m;
.mode table
select * from m;
.mode markdown
select * from m;
.mode line
select a as longername, bb from m;
.mode list
select * from m where 0;
.headers on
.mode csv
.separator ;
select * from m;
select 'a', '', 1, NULL, ' x';
.mode tabs
.nullvalue NULL
select * from m;
.mode list
.separator "\t" "\n--\n"
select 1, 2 union all select 3, 4;
create table q("a b", c, "select");
insert into q values ('x
y', 'it''s', 3.0), ('a'||char(13)||'b', -0.0, 1e300), (x'00ff', 9223372036854775807, 12.5), (0.1, 815628850460052.5, null);
.mode quote
select * from q;
.headers on
select * from q;
.mode insert
select * from q;
.headers off
select * from q;
.mode insert "my tab"
select 1 as x;
.mode insert t2
select 1 as x, 2.0 as y;
.mode list
select 5876922607.421875, 815628850460052.5;
