/*
 * sqlsh_interrupt: lets the shell's main thread stop an SQLite statement that runs in a worker
 * thread, as the sqlite3 shell's Ctrl-C does with sqlite3_interrupt(); and lets the worker read the
 * exact bytes of a TEXT value of the row it is on (better-sqlite3 decodes text, turning invalid
 * UTF-8 into U+FFFD).
 *
 * One shared library, loaded twice by path (so its statics are shared):
 * - as an SQLite extension, by better-sqlite3's db.loadExtension(path, 'sqlite3_sqlshinterrupt_init')
 *   in the worker: it registers the connection under a new id, remembered per thread for claim(),
 *   and forgotten when the connection closes (client data destructor);
 * - as a Node-API addon, in the main thread and the worker: interrupt(id), claim(), textBytes(id, column).
 *
 * It also installs a busy handler that stops waiting for another connection's lock when interrupted.
 *
 * When a script runs the database on the main thread (no worker), JavaScript cannot run during a
 * long step, so Ctrl-C is caught here: sigintArm(id) installs a SIGINT handler for the time of one
 * synchronous piece of work; it calls sqlite3_interrupt() on that connection, counts the signal
 * (sigintCount()) and passes it on to the handler it replaced (Node's, which wakes the JavaScript
 * 'SIGINT' listeners later; or the default action). sigintDisarm() puts that handler back.
 *
 * sqlite3_interrupt() may be called from any thread while the connection is open; the mutex keeps
 * the connection from closing (its destructor takes the same mutex) while interrupt() runs.
 *
 * The csv/tsv export that steps a statement here is in sqlsh-export.cc (its functions are added
 * to this module's exports by sqlsh_export_init()); runMany in sqlsh-run-many.cc; backup (.backup,
 * .restore) in sqlsh-backup.cc.
 */
#ifndef _WIN32
#define _POSIX_C_SOURCE 200809L /* sigaction, SA_RESTART with -std=c11 */
#endif
#include <node_api.h>
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <pthread.h>
#include <stdint.h>
#ifndef _WIN32
#include <signal.h>
#endif

#define MAX_CONNECTIONS 256

typedef struct {
  int64_t id;
  sqlite3 *db;
} Slot;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static Slot slots[MAX_CONNECTIONS];
static int64_t last_id = 0;
/* The id registered last on this thread, for claim(). */
static _Thread_local int64_t registered_here = 0;

static void forget(void *p) {
  int64_t id = (int64_t)(intptr_t)p;
  pthread_mutex_lock(&lock);
  for (int i = 0; i < MAX_CONNECTIONS; i++) {
    if (slots[i].id == id) {
      slots[i].id = 0;
      slots[i].db = 0;
    }
  }
  pthread_mutex_unlock(&lock);
}

/*
 * The busy handler: waits for another connection's lock as better-sqlite3's default 5 s timeout
 * does, but gives up at once when the statement was interrupted (SQLite's own handler sleeps on).
 */
static int busy_wait(void *p, int attempts) {
  sqlite3 *db = (sqlite3 *)p;
  if (sqlite3_is_interrupted(db) || attempts >= 500) return 0;
  sqlite3_sleep(10);
  return 1;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_sqlshinterrupt_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  /* sqlite3_set_clientdata() came with 3.44 (sqlite3_is_interrupted with 3.41); an older library has no such entries. */
  if (sqlite3_libversion_number() < 3044000) {
    *err = sqlite3_mprintf("sqlsh_interrupt: SQLite 3.44 or newer is needed (this is %s)", sqlite3_libversion());
    return SQLITE_ERROR;
  }
  int64_t id = 0;
  pthread_mutex_lock(&lock);
  for (int i = 0; i < MAX_CONNECTIONS; i++) {
    if (slots[i].id == 0) {
      id = ++last_id;
      slots[i].id = id;
      slots[i].db = db;
      break;
    }
  }
  pthread_mutex_unlock(&lock);
  if (id == 0) {
    *err = sqlite3_mprintf("sqlsh_interrupt: more than %d open connections", MAX_CONNECTIONS);
    return SQLITE_ERROR;
  }
  /* The destructor runs when the connection closes (and if this call fails). */
  int rc = sqlite3_set_clientdata(db, "sqlsh_interrupt", (void *)(intptr_t)id, forget);
  if (rc != SQLITE_OK) return rc;
  registered_here = id;
  return sqlite3_busy_handler(db, busy_wait, db);
}

static int64_t id_argument(napi_env env, napi_callback_info info, size_t want, napi_value *argv) {
  size_t argc = want;
  int64_t id = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < want || napi_get_value_int64(env, argv[0], &id) != napi_ok) return 0;
  return id;
}

/* The open connection registered under id, or NULL. Call with the lock held. */
static sqlite3 *find(int64_t id) {
  for (int i = 0; id != 0 && i < MAX_CONNECTIONS; i++) {
    if (slots[i].id == id) return slots[i].db;
  }
  return NULL;
}

/* The open connection registered under id, or NULL (for the thread that owns it: sqlsh-export.cc). */
sqlite3 *sqlsh_find_connection(int64_t id) {
  pthread_mutex_lock(&lock);
  sqlite3 *db = find(id);
  pthread_mutex_unlock(&lock);
  return db;
}

napi_value sqlsh_export_init(napi_env env, napi_value exports);
napi_value sqlsh_run_many_init(napi_env env, napi_value exports);
napi_value sqlsh_backup_init(napi_env env, napi_value exports);

/* interrupt(id): sqlite3_interrupt() on that connection; false when it is not open. */
static napi_value js_interrupt(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value result;
  int64_t id = id_argument(env, info, 1, argv);
  pthread_mutex_lock(&lock);
  sqlite3 *db = find(id);
  if (db) sqlite3_interrupt(db);
  pthread_mutex_unlock(&lock);
  napi_get_boolean(env, db != NULL, &result);
  return result;
}

/* claim(): the id of the connection this thread loaded the extension into last (0: none). */
static napi_value js_claim(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
  napi_create_int64(env, registered_here, &result);
  registered_here = 0;
  return result;
}

/*
 * textBytes(id, column): the UTF-8 bytes of that column of the row the connection's one running
 * statement is on; undefined when no single statement is running or the column is not TEXT.
 * Only the thread that owns the connection may call it (between two steps).
 */
static napi_value js_text_bytes(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  napi_value result;
  int32_t column = -1;
  int64_t id = id_argument(env, info, 2, argv);
  napi_get_undefined(env, &result);
  if (id == 0 || napi_get_value_int32(env, argv[1], &column) != napi_ok) return result;
  pthread_mutex_lock(&lock);
  sqlite3 *db = find(id);
  pthread_mutex_unlock(&lock);
  if (!db) return result;
  sqlite3_stmt *running = NULL;
  int count = 0;
  for (sqlite3_stmt *s = sqlite3_next_stmt(db, NULL); s; s = sqlite3_next_stmt(db, s)) {
    if (sqlite3_stmt_busy(s)) {
      running = s;
      count++;
    }
  }
  if (count != 1 || column < 0 || column >= sqlite3_data_count(running)) return result;
  if (sqlite3_column_type(running, column) != SQLITE_TEXT) return result;
  const unsigned char *text = sqlite3_column_text(running, column);
  int n = sqlite3_column_bytes(running, column);
  void *copy;
  if (text) napi_create_buffer_copy(env, (size_t)n, text, &copy, &result);
  return result;
}

#ifndef _WIN32
/* The connection a SIGINT interrupts while armed (read by the signal handler), and the count of signals seen. */
static sqlite3 *volatile sigint_db = NULL;
static volatile sig_atomic_t sigint_count = 0;
static struct sigaction sigint_previous;
static int sigint_armed = 0;

static void on_sigint(int sig, siginfo_t *info, void *context) {
  sqlite3 *db = sigint_db;
  if (db) sqlite3_interrupt(db);
  sigint_count++;
  if (sigint_previous.sa_flags & SA_SIGINFO) {
    if (sigint_previous.sa_sigaction) sigint_previous.sa_sigaction(sig, info, context);
  } else if (sigint_previous.sa_handler == SIG_DFL) {
    /* Nobody listened before: the default action (the process ends), as without this handler. */
    sigaction(SIGINT, &sigint_previous, NULL);
    raise(SIGINT);
  } else if (sigint_previous.sa_handler != SIG_IGN && sigint_previous.sa_handler) {
    sigint_previous.sa_handler(sig);
  }
}
#endif

/* sigintArm(id): until sigintDisarm(), a SIGINT interrupts connection id (this thread's own). False: cannot. */
static napi_value js_sigint_arm(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value result;
  int ok = 0;
#ifndef _WIN32
  int64_t id = id_argument(env, info, 1, argv);
  pthread_mutex_lock(&lock);
  sqlite3 *db = find(id);
  pthread_mutex_unlock(&lock);
  if (db && !sigint_armed) {
    struct sigaction action;
    action.sa_sigaction = on_sigint;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    sigint_db = db;
    if (sigaction(SIGINT, &action, &sigint_previous) == 0) {
      sigint_armed = 1;
      ok = 1;
    } else {
      sigint_db = NULL;
    }
  } else if (db && sigint_armed) {
    sigint_db = db;
    ok = 1;
  }
#else
  (void)argv;
  (void)info;
#endif
  napi_get_boolean(env, ok, &result);
  return result;
}

/* sigintDisarm(): the SIGINT handler that was there before sigintArm() is back. */
static napi_value js_sigint_disarm(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
#ifndef _WIN32
  if (sigint_armed) {
    sigint_db = NULL;
    sigaction(SIGINT, &sigint_previous, NULL);
    sigint_armed = 0;
  }
#endif
  napi_get_undefined(env, &result);
  return result;
}

/* The SIGINTs the armed handler has seen (for sqlsh-run-many.cc, which stops between statements at one). */
long sqlsh_sigint_count(void) {
#ifndef _WIN32
  return (long)sigint_count;
#else
  return 0;
#endif
}

/* sigintCount(): how many SIGINTs the armed handler has seen in this process. */
static napi_value js_sigint_count(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value result;
#ifndef _WIN32
  napi_create_int64(env, (int64_t)sigint_count, &result);
#else
  napi_create_int64(env, 0, &result);
#endif
  return result;
}

NAPI_MODULE_INIT() {
  napi_value fn;
  napi_create_function(env, "interrupt", NAPI_AUTO_LENGTH, js_interrupt, NULL, &fn);
  napi_set_named_property(env, exports, "interrupt", fn);
  napi_create_function(env, "claim", NAPI_AUTO_LENGTH, js_claim, NULL, &fn);
  napi_set_named_property(env, exports, "claim", fn);
  napi_create_function(env, "textBytes", NAPI_AUTO_LENGTH, js_text_bytes, NULL, &fn);
  napi_set_named_property(env, exports, "textBytes", fn);
  napi_create_function(env, "sigintArm", NAPI_AUTO_LENGTH, js_sigint_arm, NULL, &fn);
  napi_set_named_property(env, exports, "sigintArm", fn);
  napi_create_function(env, "sigintDisarm", NAPI_AUTO_LENGTH, js_sigint_disarm, NULL, &fn);
  napi_set_named_property(env, exports, "sigintDisarm", fn);
  napi_create_function(env, "sigintCount", NAPI_AUTO_LENGTH, js_sigint_count, NULL, &fn);
  napi_set_named_property(env, exports, "sigintCount", fn);
  return sqlsh_backup_init(env, sqlsh_run_many_init(env, sqlsh_export_init(env, exports)));
}
