-- the output modes on values with quotes, tabs, line breaks, blobs and NULL: insert (with a table, headers as its column list), quote, line, column with .width (a tab in a wrapped cell), list with .nullvalue and two separators, csv, tabs, html, json (a blob's bytes as they are), markdown, box, table, tcl, ascii
create table t(id integer primary key, name text, score real, data blob, note);
insert into t values (1, 'Ada', 3.5, x'00ff', null), (2, 'O''Brien', -0.25, null, 'line1
line2'), (3, 'tab	here', 1e20, x'41', 42), (4, '', 0.1, '', 'x,y"z');
.mode insert
select * from t;
.mode insert people
.headers on
select id, name from t;
.mode insert "my table"
select id from t;
.headers off
.mode quote
select * from t;
.headers on
select * from t;
.mode line
select * from t;
.mode column
.width 3 -6 5
select * from t;
.width 0 2
select * from t;
.width -10
select name, score from t;
.mode list
.nullvalue <null>
.separator ; "\n--\n"
select * from t;
.separator , 
select id, note from t;
.mode csv
.nullvalue ''
select * from t;
.mode tabs
select * from t;
.mode html
select id, name from t;
.mode json
select * from t;
.mode markdown
select id, name, note from t;
.mode box
select id, name, note from t;
.mode table
.width 4
select id, name from t;
.mode tcl
select * from t;
.mode ascii
select id, name from t;
.mode column
.width 2 3
select 'ab   cd' as x, '  abcdef' as y;
select 'a b c d' as x, 'ab  cd  ef' as y;
select 'abc'||char(9)||'d' as x, 'x'||char(10)||'  yz' as y;
select '    ' as x, 'a      b' as y;
.width 10 9
select 'a'||char(9)||'b'||char(9)||'c' as x, char(9)||'abcdefghijk' as y;
.mode box
.width 2 3
select 'abc'||char(9)||'d' as x, 'ab     cd' as y;
.mode json
select x'c3a9ff0a22e282ac' as b, x'' as e;
