-- dot-command arguments read with sqlite3's rules: "..." a C string, '...' as written, no backquotes
.print "a\tb" 'x\ty' a\tb
.print "\060\077" "\0101" "\a\q\\\"\'"
.print 'a  b' "c  d"
.print "this\"is'a\055test" 'this\"is\\a\055test'
.print "x"y z a"b c"d "ab"'cd'
.print a`echo hi`b $HOME :x \echo
.print
.print  ""  ''  x
.print "unterminated \"here
.'print' 'the name quoted'
create table "t x"(a);
create table _(b);
create table ab(c);
create index "i x" on "t x"(a);
.tables "t x"
.tables 't%'
.indexes "t x"
.schema "\\_"
.separator '\t'
select 1, 2;
.separator "\t"
select 3, 4;
.nullvalue "(\116ULL)"
select null;
.read "read me.inc"
