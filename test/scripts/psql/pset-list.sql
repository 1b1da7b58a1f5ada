-- \pset alone lists psql's printing options in psql's own words
\pset
\pset null '(nil)'
\pset format unaligned
\pset fieldsep ';'
\pset border 2
\pset linestyle unicode
\x
\pset title 'It''s'
\pset
select null as x, 'a' as y;
\pset fieldsep_zero
\pset recordsep_zero
\pset tuples_only
\pset
