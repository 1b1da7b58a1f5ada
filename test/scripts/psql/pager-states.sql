-- psql's pager has three states (off, on, always): \pset pager alone toggles on to off and anything else to on
\pset pager
\pset pager
\pset pager always
\pset
\pset pager
\pset pager
\pset pager always
\pset pager off
\pset pager
\pset pager ALWAYS
\pset pager on
\pset pager of
\pset pager
\pset pager 0
\pset
select 1 as one;
