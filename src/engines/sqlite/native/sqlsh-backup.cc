/*
 * sqlsh_backup: the sqlite3 shell's .backup and .restore, with SQLite's online backup API on the
 * session's own connection (sqlite-server.ts backup), so a copy is made page by page as sqlite3's
 * is: inside an open transaction too, of any attached database, and back into one (.restore).
 *
 *   backup(id, schema, file, restore, fast) -> { error } | {}   (undefined: the connection is not open)
 *     restore false: the database `schema` of connection `id` is copied into FILE (made when missing,
 *     replaced when there); `fast`: FILE's connection runs with synchronous and journal_mode off
 *     (sqlite3's --async). restore true: FILE's main database replaces `schema`.
 *     error: what failed, as SQLite says it ("unknown database aux2"), or "cannot open" for a FILE
 *     that cannot be opened, or "source database is busy" when FILE stays locked by another process.
 *   Only the thread that owns the connection may call this.
 */
#include <node_api.h>
#include <string>
#include <vector>

extern "C" {
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
sqlite3 *sqlsh_find_connection(int64_t id);
napi_value sqlsh_backup_init(napi_env env, napi_value exports);
}

namespace {

/* Pages copied per step (as the sqlite3 shell's). */
const int PAGES_PER_STEP = 100;
/* A busy source is tried again this many times, 100 ms apart, on .restore. */
const int BUSY_TRIES = 3;

bool string_of(napi_env env, napi_value value, std::string &out) {
  size_t len = 0;
  if (napi_get_value_string_utf8(env, value, nullptr, 0, &len) != napi_ok) return false;
  std::vector<char> buf(len + 1);
  if (napi_get_value_string_utf8(env, value, buf.data(), len + 1, &len) != napi_ok) return false;
  out.assign(buf.data(), len);
  return true;
}

/* What went wrong, or "" when the copy was made. */
std::string copy(sqlite3 *db, const std::string &schema, const std::string &file, bool restore, bool fast) {
  sqlite3 *other = nullptr;
  if (sqlite3_open_v2(file.c_str(), &other, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    sqlite3_close(other);
    return "cannot open";
  }
  if (fast && !restore) sqlite3_exec(other, "PRAGMA synchronous=OFF; PRAGMA journal_mode=OFF;", nullptr, nullptr, nullptr);
  sqlite3 *to = restore ? db : other;
  sqlite3_backup *b = restore ? sqlite3_backup_init(db, schema.c_str(), other, "main") : sqlite3_backup_init(other, "main", db, schema.c_str());
  if (!b) {
    std::string message = sqlite3_errmsg(to);
    sqlite3_close(other);
    return message;
  }
  int rc;
  int busy = 0;
  for (;;) {
    rc = sqlite3_backup_step(b, PAGES_PER_STEP);
    if (rc == SQLITE_OK) continue;
    if (rc == SQLITE_BUSY && restore && ++busy < BUSY_TRIES) {
      sqlite3_sleep(100);
      continue;
    }
    break;
  }
  sqlite3_backup_finish(b);
  std::string message;
  if (rc != SQLITE_DONE) message = restore && (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) ? "source database is busy" : sqlite3_errmsg(to);
  sqlite3_close(other);
  return message;
}

napi_value js_backup(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  size_t argc = 5;
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int64_t id = 0;
  std::string schema, file;
  bool restore = false, fast = false;
  if (argc < 5 || napi_get_value_int64(env, argv[0], &id) != napi_ok || !string_of(env, argv[1], schema) || !string_of(env, argv[2], file) ||
      napi_get_value_bool(env, argv[3], &restore) != napi_ok || napi_get_value_bool(env, argv[4], &fast) != napi_ok)
    return undefined;
  sqlite3 *db = sqlsh_find_connection(id);
  if (!db) return undefined;
  const std::string error = copy(db, schema, file, restore, fast);
  napi_value result;
  napi_create_object(env, &result);
  if (!error.empty()) {
    napi_value v;
    napi_create_string_utf8(env, error.c_str(), error.size(), &v);
    napi_set_named_property(env, result, "error", v);
  }
  return result;
}

}  // namespace

extern "C" napi_value sqlsh_backup_init(napi_env env, napi_value exports) {
  napi_value fn;
  napi_create_function(env, "backup", NAPI_AUTO_LENGTH, js_backup, nullptr, &fn);
  napi_set_named_property(env, exports, "backup", fn);
  return exports;
}
