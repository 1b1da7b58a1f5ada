/**
 * The sqlite3 shell's parameters (`.parameter set :x 5`): a table of values, `temp.sqlite_parameters`, made
 * as the shell makes it; each statement of a sqlite3 script binds its parameters from it by their names as
 * written (`:x`, `@x`, `$x`, `?2`), NULL for those it lacks. The engine makes the table (its name is one
 * SQLite keeps for itself, so only with the guards the shell also lifts) when it is given this statement.
 */
export const SQLITE3_PARAMETERS_DDL = 'CREATE TABLE IF NOT EXISTS temp.sqlite_parameters(\n  key TEXT PRIMARY KEY,\n  value\n) WITHOUT ROWID';
