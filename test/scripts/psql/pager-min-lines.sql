-- psql's \pset pager_min_lines: atoi'd, said back, listed
\pset pager_min_lines 0
\pset pager_min_lines 2
\pset pager_min_lines -3
\pset pager_min_lines x
\pset pager_min_lines 1
\pset pager_min_lines
\pset
select 1 as one;
