-- .timeout, .prompt, .explain are accepted; .shell/.system run /bin/sh (its output straight to stdout)
.timeout 2000
.prompt 'a> ' 'b> '
.explain on
.explain auto
.explain off
.print before
.shell echo "from the shell" | tr a-z A-Z
.system printf '%s\n' 'a b' c
.shell exit 3
.cd .
.print after
select 1;
