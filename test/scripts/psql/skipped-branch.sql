-- Lines of a skipped \if branch never reach the query buffer: SQL without its ; there is dropped, not sent with what follows
\if false
  select 'never' as x
\endif
select 1 as y;
select \if false \\ (bogus \else \\ 42 \endif \\ forty_two;
\if true
  select 'okay';
  select 'still okay';
\else
  not okay;
  still not okay
\endif
\g
select
  \if true
    42
  \else
    (bogus
  \endif
  forty_two;
\if false
  select 'x' as never
\elif true
  select 'y' as yes
\endif
;
