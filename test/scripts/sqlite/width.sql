-- sqlite3's .width for the columnar modes: set widths wrap values by characters and cut names, negative ones align right, 0 is as needed
.mode column
.width 3 -6 10
select 'abcdef' as a, 12 as b, 'x' as c, 'extra' as d;
.mode table
select 'abcdef' as a, 12 as b, 'x' as c, 'extra' as d;
.mode box
select 'ab' as a;
.width 0 2
select 'ab' as a, 'wxyz' as b;
.mode list
select 'abcdef' as a, 12 as b;
.width
.mode column
select 'abcdef' as a, 12 as b;
.mode markdown
.width 2 -5
select 'abcdef' as a, 12 as b;
.mode column
.width 3 -4
select 'abcdef' as a, 12 as b union all select 'xy', 3;
.headers off
select 'abcdefgh' as longname, 1;
.headers on
.width 2
select 'ab' as longname;
.mode table
select 'abcdef' as a, 12 as b union all select 'xy', 3;
.width -3 0
select 'é日本x' as a, 5 as b;
