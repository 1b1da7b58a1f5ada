-- the columnar modes' options as sqlite3 3.40 takes them: --wrap N (60 unless said: a longer value wraps), --wordwrap on|off, --ww, --quote, --noquote, qbox; .mode alone says them and sets the mode again with its defaults
.mode qbox
.mode
.mode column --wrap 5
select 'abcdefghij' as longheadername, null as n;
.mode
.mode box --wrap 5 --wordwrap on --quote
select 'abcdefghij' as longheadername, null as n, x'41' as b, 3 as i, 2.5 as r, 'it''s' as q;
.mode
select 'abcdefghij' as longheadername;
.mode list
.mode
.mode markdown --ww
.mode
.mode table --wrap x
.mode
.mode column --bogus
.mode csv --quote
.mode
.mode box
.mode --wrap 3
.mode
.mode --wrap 4 table
.mode
.mode box --quote --noquote
.mode
.mode column --wordwrap yes
.mode
.mode markdown --wrap -3
.mode
select 'abcdef' as x;
.mode box --wrap 3
select 1e20 as r, 3.0 as t, -5 as n, 'abcdef' as s;
.mode box --quote
select 1e20 as r, 3.0 as t, -5 as n, 'abc'||char(10)||'def' as s;
.mode column --wrap 4 --ww
select 'ab cd ef gh' as x;
.width 6
select 'ab cd ef gh' as x;
.mode qbox
.nullvalue NN
select null as n, '' as e;
.mode column
select null as n;
.mode insert t --wrap 3
select 1;
.mode
.mode column
select printf('%070d', 5) as a, 'x' as b;
.mode box
select printf('%065d', 5) as a;
.width 70
select printf('%065d', 5) as a;
.mode markdown
.width
select printf('%065d', 5) as a;
.mode column --wrap 12 --wordwrap on
select 'the quick brown fox jumps over the lazy dog' as a, 'x''y 1.5,a,b (c) --hh-hh' as b;
.mode box --ww --wrap 7
select 'é é éé ab-cd ef' as a, '  ab  cd' as b;
