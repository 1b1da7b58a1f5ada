/*
 * sqlsh_run_many: a script's statements that return no rows (a dump's INSERTs, its CREATEs), run
 * one after another in C, without a trip through JavaScript for each (sqlite-server.ts runMany).
 *
 *   runMany(id, statements (array of strings), limitMs) -> { changes, stop, code, message }
 *     changes: per statement that ran, sqlite3_changes() after it (-1: the text held no statement);
 *     stop: undefined when every statement ran, or the time limit came first (the caller goes on
 *     with the rest); 'other' when statements[changes.length] was not run because it needs the
 *     ordinary path (it returns rows, takes parameters, or holds a second statement); 'error' when
 *     it failed: code (SQLITE_CONSTRAINT_UNIQUE ...) and SQLite's message; 'interrupted' when a
 *     SIGINT came between two statements (one inside a step fails it with SQLITE_INTERRUPT).
 *   Returns undefined when the connection is not open. Only the thread that owns it may call this.
 *
 * Also the names of SQLite's result codes (sqlsh_code_name) and sqlsh_only_comments, shared with
 * sqlsh-export.cc.
 */
#include <node_api.h>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
sqlite3 *sqlsh_find_connection(int64_t id);
long sqlsh_sigint_count(void);
const char *sqlsh_code_name(int code);
bool sqlsh_only_comments(sqlite3 *db, const char *tail);
napi_value sqlsh_run_many_init(napi_env env, napi_value exports);
}

namespace {

/* Names of SQLite's result codes, as better-sqlite3 gives them in SqliteError.code. */
#define CODE(x) {x, #x}
const struct {
  int code;
  const char *name;
} CODES[] = {
    CODE(SQLITE_ERROR), CODE(SQLITE_INTERNAL), CODE(SQLITE_PERM), CODE(SQLITE_ABORT), CODE(SQLITE_BUSY), CODE(SQLITE_LOCKED),
    CODE(SQLITE_NOMEM), CODE(SQLITE_READONLY), CODE(SQLITE_INTERRUPT), CODE(SQLITE_IOERR), CODE(SQLITE_CORRUPT),
    CODE(SQLITE_NOTFOUND), CODE(SQLITE_FULL), CODE(SQLITE_CANTOPEN), CODE(SQLITE_PROTOCOL), CODE(SQLITE_EMPTY),
    CODE(SQLITE_SCHEMA), CODE(SQLITE_TOOBIG), CODE(SQLITE_CONSTRAINT), CODE(SQLITE_MISMATCH), CODE(SQLITE_MISUSE),
    CODE(SQLITE_NOLFS), CODE(SQLITE_AUTH), CODE(SQLITE_FORMAT), CODE(SQLITE_RANGE), CODE(SQLITE_NOTADB),
    CODE(SQLITE_NOTICE), CODE(SQLITE_WARNING), CODE(SQLITE_ERROR_MISSING_COLLSEQ), CODE(SQLITE_ERROR_RETRY),
    CODE(SQLITE_ERROR_SNAPSHOT), CODE(SQLITE_IOERR_READ), CODE(SQLITE_IOERR_SHORT_READ), CODE(SQLITE_IOERR_WRITE),
    CODE(SQLITE_IOERR_FSYNC), CODE(SQLITE_IOERR_DIR_FSYNC), CODE(SQLITE_IOERR_TRUNCATE), CODE(SQLITE_IOERR_FSTAT),
    CODE(SQLITE_IOERR_UNLOCK), CODE(SQLITE_IOERR_RDLOCK), CODE(SQLITE_IOERR_DELETE), CODE(SQLITE_IOERR_BLOCKED),
    CODE(SQLITE_IOERR_NOMEM), CODE(SQLITE_IOERR_ACCESS), CODE(SQLITE_IOERR_CHECKRESERVEDLOCK), CODE(SQLITE_IOERR_LOCK),
    CODE(SQLITE_IOERR_CLOSE), CODE(SQLITE_IOERR_DIR_CLOSE), CODE(SQLITE_IOERR_SHMOPEN), CODE(SQLITE_IOERR_SHMSIZE),
    CODE(SQLITE_IOERR_SHMLOCK), CODE(SQLITE_IOERR_SHMMAP), CODE(SQLITE_IOERR_SEEK), CODE(SQLITE_IOERR_DELETE_NOENT),
    CODE(SQLITE_IOERR_MMAP), CODE(SQLITE_IOERR_GETTEMPPATH), CODE(SQLITE_IOERR_CONVPATH), CODE(SQLITE_IOERR_VNODE),
    CODE(SQLITE_IOERR_AUTH), CODE(SQLITE_IOERR_BEGIN_ATOMIC), CODE(SQLITE_IOERR_COMMIT_ATOMIC),
    CODE(SQLITE_IOERR_ROLLBACK_ATOMIC), CODE(SQLITE_IOERR_DATA), CODE(SQLITE_IOERR_CORRUPTFS),
    CODE(SQLITE_LOCKED_SHAREDCACHE), CODE(SQLITE_LOCKED_VTAB), CODE(SQLITE_BUSY_RECOVERY), CODE(SQLITE_BUSY_SNAPSHOT),
    CODE(SQLITE_BUSY_TIMEOUT), CODE(SQLITE_CANTOPEN_NOTEMPDIR), CODE(SQLITE_CANTOPEN_ISDIR), CODE(SQLITE_CANTOPEN_FULLPATH),
    CODE(SQLITE_CANTOPEN_CONVPATH), CODE(SQLITE_CANTOPEN_SYMLINK), CODE(SQLITE_CORRUPT_VTAB), CODE(SQLITE_CORRUPT_SEQUENCE),
    CODE(SQLITE_CORRUPT_INDEX), CODE(SQLITE_READONLY_RECOVERY), CODE(SQLITE_READONLY_CANTLOCK),
    CODE(SQLITE_READONLY_ROLLBACK), CODE(SQLITE_READONLY_DBMOVED), CODE(SQLITE_READONLY_CANTINIT),
    CODE(SQLITE_READONLY_DIRECTORY), CODE(SQLITE_ABORT_ROLLBACK), CODE(SQLITE_CONSTRAINT_CHECK),
    CODE(SQLITE_CONSTRAINT_COMMITHOOK), CODE(SQLITE_CONSTRAINT_FOREIGNKEY), CODE(SQLITE_CONSTRAINT_FUNCTION),
    CODE(SQLITE_CONSTRAINT_NOTNULL), CODE(SQLITE_CONSTRAINT_PRIMARYKEY), CODE(SQLITE_CONSTRAINT_TRIGGER),
    CODE(SQLITE_CONSTRAINT_UNIQUE), CODE(SQLITE_CONSTRAINT_VTAB), CODE(SQLITE_CONSTRAINT_ROWID),
    CODE(SQLITE_CONSTRAINT_PINNED), CODE(SQLITE_CONSTRAINT_DATATYPE), CODE(SQLITE_NOTICE_RECOVER_WAL),
    CODE(SQLITE_NOTICE_RECOVER_ROLLBACK), CODE(SQLITE_WARNING_AUTOINDEX), CODE(SQLITE_AUTH_USER),
};
#undef CODE

/* The statement's text as UTF-8 in buf (grown as needed); false when it is not a string. */
bool utf8_of(napi_env env, napi_value value, std::vector<char> &buf, size_t &len) {
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return false;
  if (buf.size() < len + 1) buf.resize(len + 1);
  return napi_get_value_string_utf8(env, value, buf.data(), len + 1, &len) == napi_ok;
}

void set_string(napi_env env, napi_value object, const char *name, const char *text) {
  napi_value v;
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &v);
  napi_set_named_property(env, object, name, v);
}

napi_value js_run_many(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  size_t argc = 3;
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int64_t id = 0;
  uint32_t count = 0;
  double limit_ms = 0;
  if (argc < 3 || napi_get_value_int64(env, argv[0], &id) != napi_ok || napi_get_array_length(env, argv[1], &count) != napi_ok ||
      napi_get_value_double(env, argv[2], &limit_ms) != napi_ok)
    return undefined;
  sqlite3 *db = sqlsh_find_connection(id);
  if (!db) return undefined;
  const auto started = std::chrono::steady_clock::now();
  const long sigints = sqlsh_sigint_count();
  std::vector<char> sql;
  std::vector<double> changes;
  const char *stop = nullptr;
  int code = 0;
  std::string message;
  for (uint32_t i = 0; i < count; i++) {
    if (sqlsh_sigint_count() != sigints) {
      stop = "interrupted";
      break;
    }
    napi_value element;
    size_t len = 0;
    if (napi_get_element(env, argv[1], i, &element) != napi_ok || !utf8_of(env, element, sql, len)) {
      stop = "other";
      break;
    }
    sqlite3_stmt *stmt = nullptr;
    const char *tail = nullptr;
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(len) + 1, &stmt, &tail);
    if (rc != SQLITE_OK) {
      stop = "error";
      code = sqlite3_extended_errcode(db);
      message = sqlite3_errmsg(db);
      break;
    }
    if (!stmt) {
      changes.push_back(-1); /* only comments and spaces: nothing runs */
      continue;
    }
    if (sqlite3_column_count(stmt) > 0 || sqlite3_bind_parameter_count(stmt) > 0 || !sqlsh_only_comments(db, tail)) {
      sqlite3_finalize(stmt);
      stop = "other";
      break;
    }
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
      stop = "error";
      code = sqlite3_extended_errcode(db);
      message = sqlite3_errmsg(db); /* valid until the next call on the connection: copied before finalize */
      sqlite3_finalize(stmt);
      break;
    }
    changes.push_back(static_cast<double>(sqlite3_changes(db)));
    sqlite3_finalize(stmt);
    if (std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count() >= limit_ms) break;
  }
  napi_value result;
  napi_create_object(env, &result);
  napi_value list;
  napi_create_array_with_length(env, changes.size(), &list);
  for (size_t k = 0; k < changes.size(); k++) {
    napi_value n;
    napi_create_double(env, changes[k], &n);
    napi_set_element(env, list, static_cast<uint32_t>(k), n);
  }
  napi_set_named_property(env, result, "changes", list);
  if (stop) set_string(env, result, "stop", stop);
  if (code) {
    const char *name = sqlsh_code_name(code);
    set_string(env, result, "code", name ? name : "SQLITE_ERROR");
    set_string(env, result, "message", message.c_str());
  }
  return result;
}

}  // namespace

extern "C" const char *sqlsh_code_name(int code) {
  for (const auto &c : CODES) {
    if (c.code == code) return c.name;
  }
  return nullptr;
}

/* True when sql from `tail` on holds no statement (only spaces and comments). */
extern "C" bool sqlsh_only_comments(sqlite3 *db, const char *tail) {
  while (tail && *tail) {
    sqlite3_stmt *next = nullptr;
    const char *after = nullptr;
    if (sqlite3_prepare_v2(db, tail, -1, &next, &after) != SQLITE_OK) return false;
    if (next) {
      sqlite3_finalize(next);
      return false;
    }
    if (!after || after == tail) break;
    tail = after;
  }
  return true;
}

extern "C" napi_value sqlsh_run_many_init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "runMany", NAPI_AUTO_LENGTH, js_run_many, nullptr, &fn);
  napi_set_named_property(env, exports, "runMany", fn);
  return exports;
}
