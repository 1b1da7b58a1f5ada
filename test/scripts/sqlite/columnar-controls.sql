-- the columnar modes break a line at each control character but the tab (ESC, CR, VT, BS ... dropped; CR LF is one break), as sqlite3 3.40
create table c(a, b, c, d, e, f);
insert into c values (1, char(27) || '[31mred' || char(27) || '[0m', 'x' || char(13) || 'y', 'p' || char(13) || char(10) || 'q', 't' || char(9) || 'u', 'v' || char(11) || 'w' || char(8) || 'z' || char(127));
insert into c values ('a' || char(10) || char(10) || 'b', 'c' || char(13) || char(13) || 'd', 'e' || char(10) || char(13) || 'f', 'g' || char(27) || char(27) || 'h', 'i' || char(1) || 'j', 'l' || char(27));
.mode column
select * from c;
.mode box
select * from c;
.mode table
select * from c;
.mode markdown
select * from c;
.width 3 -3 3
.mode column
select * from c;
