\pset fieldsep | extra
\pset fieldsep ,
\dA foo bar
\pset fieldsep | `nosuchcommand` :foo
select 1 as a, 2 as b;
