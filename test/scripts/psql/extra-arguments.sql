\pset fieldsep | extra
\pset fieldsep ,
\x off extra
\pset fieldsep | `nosuchcommand` :foo
select 1 as a, 2 as b;
