-- control characters in aligned tables and expanded records, as psql shows them: a tab is the spaces
-- to the next multiple of 8 cells in its line, a control character \x1B (uppercase hex), a C1
-- control \u0085, a carriage return \r; a newline starts the cell's next line
select E'a\tb' as tab, E'abcdefgh\tx' as tab8, E'日本\tx' as wide_tab, E'x\ny\tz' as tab_line2;
select E'esc \x1b[31mred\x1b[0m' as esc, E'bel \x07 del \x7f' as bel, E'cr\rx' as cr, E'nel \u0085 csi \u009b' as c1;
select E'\x01\x02\x1f' as low, E'back\\slash' as bs, E'\x08\x0b\x0c' as named;
select E'tab\tin\tname' as "a	b", 1 as n;
\x
select E'a\tb' as tab, E'esc \x1b[31mred' as esc, E'nel \u0085' as c1, E'one\ntwo\tthree' as multi;
\x
\pset border 2
select E'a\tb' as tab, E'x\x1by' as esc;
