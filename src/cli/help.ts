/** The --help text. Kept next to the flag table's behaviour; examples first, like a user reads it. */
export function helpText(version: string): string {
  return `sqlsh ${version}: a smart SQL shell for SQLite, PostgreSQL, MySQL/MariaDB and DuckDB

Usage: sqlsh [OPTIONS] [TARGET]

TARGET is a database file (.db, .sqlite, .sqlite3, .duckdb), a URI (sqlite:PATH, duckdb:PATH,
duckdb::memory:, postgres://..., postgresql://..., mysql://..., mariadb://...), or the name of a
connection saved in the config file. Without one: an in-memory SQLite database.

Examples:
  sqlsh --demo                                   open the bundled demo database
  sqlsh music.db                                 a SQLite file
  sqlsh postgres://alice@localhost/shop          PostgreSQL (PG* variables, ~/.pgpass honoured)
  sqlsh -h localhost -U alice -d shop            the same, psql style (or: sqlsh -h localhost shop alice)
  sqlsh mysql://bob@localhost/shop               MySQL/MariaDB (~/.my.cnf honoured)
  sqlsh data.duckdb -c "select 42"               run one statement and exit
  sqlsh demo.db -c "select * from genres" --format csv > genres.csv
  sqlsh shop.db -f migrate.sql --continue-on-error
  echo "select 1;" | sqlsh demo.db --format json
  sqlsh -csv -header music.db "select * from tracks"   sqlite3's command line (output as sqlite3's)
  sqlsh lsp [TARGET]                             a language server over stdio for editors (see the README)

Running SQL and exiting:
  -c, --command SQL        run SQL and exit (repeatable, runs in order with -f)
  -f, --file PATH          run a script file and exit (- reads stdin)
      --continue-on-error  go on after a failed statement (exit code still 1)
      --confirm-destructive  ask before destructive statements in scripts too
      --dry-run            run every change in a transaction that is rolled back; print what each would do
  -v, --set NAME=VALUE     set a psql variable (:NAME in SQL; -v ON_ERROR_STOP=0 goes on after errors)
  -q, --quiet              no status lines (QUIET); -e / -a echo statements / all input (ECHO)
  -X, --no-psqlrc          accepted for psql command lines (sqlsh reads no psqlrc)
  -1, --single-transaction run the scripts in one transaction (COMMIT at the end, ROLLBACK on a stop)
  -B, --batch / -N, --skip-column-names   the mysql client's tab-separated output / no header
  -r, --raw                values as they are in -B output (no \\t \\n escapes)
  On a mysql command line (a mysql:// or mariadb:// target, -u, -D, -B or -N): -e SQL runs SQL,
  -t draws the client's table, -E prints its vertical records (as \\G does), -H and -X its html
  and xml, -s leaves out the column names, -v writes each statement before its result (-vv its row
  count after it), -f (--force)
  goes on past a failed statement (-f FILE.sql still runs a file), -A (--no-auto-rehash) and
  --auto-rehash change nothing (there -A is not psql's unaligned); with -e, -u,
  -D, -B, -N or -r, output to a pipe is tab-separated, as the mysql client. A script's ~/.my.cnf
  [client]/[mysql] batch, skip-column-names, raw, table and vertical apply as these flags.
  On a sqlite3 command line (a SQLite file with sqlite3's -csv, -json, -line, -list, -box, -column,
  -table, -markdown, -html, -quote, -tabs, -header, -noheader, -separator S, -nullvalue S, -cmd CMD,
  -init FILE, -bail, -echo, -readonly, -batch, or SQL after the file): SQL and dot-commands after the
  file run in order, and the output is sqlite3's (list mode by default, no status lines).

Output:
      --format FMT         table (default), expanded, csv, tsv, json, jsonl, markdown, unaligned,
                           and psql's html, asciidoc, latex, latex-longtable, troff-ms
  -A, --no-align           psql's unaligned output (values joined by |, the (N rows) footer)
  -t, --tuples-only        rows only: no header, no footer (psql -At -c "select ..." in Makefiles)
  -F, --field-separator S  -R, --record-separator S   separators of -A (-z / -0: a zero byte)
  -P, --pset NAME=VALUE    a \\pset option: format, null, fieldsep, recordsep, tuples_only, footer, expanded
  -x, --expanded / --csv   expanded records / psql's csv (an empty string as nothing, as NULL)
  -H, --html               psql's html table
  -o, --output PATH        write results to PATH
      --no-header          leave out the header row
      --null STRING        how NULL is shown

Connection:
      --demo               open the demo database (created on first use)
      --read-only          open the database read-only (SQLite, DuckDB)
  -h, --host HOST          server host or socket directory
  -p PORT / -U USER / -d DB      PostgreSQL port, user, database (psql style)
  -P PORT / -u USER / -D DB      MySQL port, user, database (mysql style)
  -S, --socket PATH        MySQL server's Unix socket (mysql style; TCP when -h names another host
                           or with --protocol=tcp)
  -pPASSWORD, --password[=PASSWORD]  MySQL password (mysql style, hidden from ps); -p alone asks first
      --default-character-set=utf8mb4|utf8  MySQL session character set (utf8mb4 whatever the locale)
      --ssh USER@HOST[:PORT]     reach the server through an SSH tunnel (agent, ~/.ssh keys and config)
      --ssh-key FILE       the private key for --ssh

Passwords: a password in a URI (postgres://alice:secret@...) or in mysql's -pSECRET is hidden from
ps once sqlsh starts, but it is visible for a moment and stays in your shell's history. Safer: PGPASSWORD or ~/.pgpass
(PostgreSQL), MYSQL_PWD or ~/.my.cnf [client] password= (MySQL), or no password at all, and sqlsh
asks for it (hidden input):
  echo 'db.example.com:5432:shop:alice:secret' >> ~/.pgpass && chmod 600 ~/.pgpass
  sqlsh postgres://alice@db.example.com/shop

  -V, --version            print the version
      --help               this help (a bare -h also shows it)

Exit codes: 0 success; 1 a statement failed, the script ended inside a quote or comment, or
ended with a transaction open (it is rolled back); 2 usage error, unusable file or directory, or
unreachable database; 70 internal error (a bug; SQLSH_DEBUG=1 shows where).
Inside the shell, \\? lists the backslash commands. Config: ~/.config/sqlsh/config.toml
Start-up keeps compiled code in ~/.cache/sqlsh (safe to delete; SQLSH_CODE_CACHE=0 turns it off).
`;
}
