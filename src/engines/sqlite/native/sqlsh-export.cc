/*
 * sqlsh_export: the csv and tsv fast path of a SQLite export, in C. The statement is stepped here
 * and each row is formatted into a byte buffer, handed to JavaScript a chunk at a time (it writes
 * the chunks through the one output writer; nothing is written from here).
 * Interrupts: sqlite3_interrupt() (Ctrl-C, a cancel) stops sqlite3_step() here as anywhere.
 *
 * The bytes are sqlsh's own csv and tsv (output/csv-sink.ts, output/tsv-sink.ts,
 * output/format-value.ts), as the JavaScript path writes them to a file or pipe:
 * - NULL: the null string as it is;
 * - INTEGER: its exact decimal digits (the JS path: a number within 2^53, a bigint beyond);
 * - REAL: JavaScript's text of that double (formatNumber): shortest round-trip digits, integral
 *   values below 2^53 without exponent, -0 as "-0", integral values from 2^53 on as
 *   Number#toExponential() ("1e+21"), other values as Number#toString() ("1e-7", "0.000001");
 * - TEXT: its bytes, exactly (also bytes that are not valid UTF-8: the JS path escapes them into
 *   the string and writes them back as they were);
 * - BLOB: "\x" and lowercase hex.
 * csv: a field is quoted ("" for a quote) when it holds , " CR or LF, or equals the null string; a
 * one-column row whose TEXT is exactly \. is quoted. tsv: \ TAB LF CR become \\ \t \n \r; NULL is
 * the null string unescaped.
 *
 * copy (the aligned table to a file or pipe, ExecuteOptions.copyText): PostgreSQL's COPY text, which
 * output/table-copy-text.ts measures and spills without row objects: \N for NULL, \\ \t \n \r \b \f \v
 * escaped, a byte that is not valid UTF-8 as the text \xNN (what the table shows for it). Values
 * are the text above; SQLite's values carry their own types, so a chunk ends before a row whose
 * value would make a column hold both numbers and other values (right- and left-aligned), and
 * exportNumeric() gives the chunk's kind per column. copy-raw: the same, but a byte that is not valid
 * UTF-8 stays as it is (expanded, markdown, unaligned and vertical records, ExecuteOptions.copyText
 * 'rows': those sinks write such bytes back as they were, or show them escaped as the table does).
 *
 * The shortest round-trip digits of a double come from C++17 std::to_chars (the standard library
 * implements it with Ryu); only their layout follows ECMAScript's Number::toString here.
 *
 * JavaScript API (registered by sqlsh-interrupt.c's module init):
 *   exportStart(id, sql, format ('csv'|'tsv'|'copy'), nullString (Buffer of UTF-8), single) -> handle, or
 *     undefined when the statement does not fit this path (not exactly one statement, parameters,
 *     no columns, writes to the database): the caller then runs the ordinary path;
 *   exportNext(handle, bytes) -> whole rows of about `bytes` (more for one long row) as a string,
 *     or as a Buffer when they hold TEXT that is not valid UTF-8; null once the statement is done; throws an Error with .code (SQLITE_INTERRUPT, ...) and
 *     SQLite's message when a step fails;
 *     With a Buffer as a third argument, bytes that fit go into it and their count comes back.
 *   exportRows(handle) -> rows formatted so far;
 *   exportFinish(handle) -> finalizes the statement (call it always, also after an error).
 * Only the thread that owns the connection may call these.
 */
#include <node_api.h>
#if defined(__has_include)
#if __has_include(<version>)
#include <version>
#endif
#endif
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

extern "C" {
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT3
sqlite3 *sqlsh_find_connection(int64_t id);
napi_value sqlsh_export_init(napi_env env, napi_value exports);
/* sqlsh-run-many.cc */
const char *sqlsh_code_name(int code);
bool sqlsh_only_comments(sqlite3 *db, const char *tail);
}


/*
 * std::to_chars for doubles (shortest round-trip) is in libstdc++ 11+, MSVC 2019, and recent
 * libc++. Without it the module offers no export functions, and sqlsh formats exports in
 * JavaScript (sqlite-server.ts checks for exportStart); the interrupt helper is built all the same.
 */
#if defined(__cpp_lib_to_chars) && __cpp_lib_to_chars >= 201611L

namespace {

/* A growable byte buffer. */
struct Bytes {
  char *data = nullptr;
  size_t size = 0;
  size_t capacity = 0;

  ~Bytes() { std::free(data); }

  bool reserve(size_t more) {
    if (size + more <= capacity) return true;
    size_t want = capacity ? capacity * 2 : 64 * 1024;
    while (want < size + more) want *= 2;
    char *grown = static_cast<char *>(std::realloc(data, want));
    if (!grown) return false;
    data = grown;
    capacity = want;
    return true;
  }
  /* Unchecked appends: reserve() first. */
  void put(char c) { data[size++] = c; }
  void put(const void *p, size_t n) {
    if (n) std::memcpy(data + size, p, n);
    size += n;
  }
};

enum Format { CSV = 0, TSV = 1, COPY = 2, JSON = 3, JSONL = 4 };

struct Export {
  sqlite3 *db = nullptr;
  sqlite3_stmt *stmt = nullptr;
  Format format = CSV;
  /* COPY given as "copy-raw" (the sinks that take rows: expanded, markdown, unaligned): a TEXT byte
     that is not valid UTF-8 stays as it is, where "copy" (the aligned table) writes it as \\xNN. */
  bool raw_invalid = false;
  bool single = false;
  bool done = false;
  int columns = 0;
  int64_t rows = 0;
  char *nul = nullptr;
  size_t nul_size = 0;
  Bytes out;
  /* The chunk in `out` holds bytes >= 0x80 / bytes that are not valid UTF-8. */
  bool chunk_non_ascii = false;
  bool chunk_invalid = false;
  /* The null string or a json key holds bytes >= 0x80: every chunk may. */
  bool always_non_ascii = false;
  /* COPY: per column, what the chunk's non-NULL values are (KIND_*), and the last chunk's. */
  unsigned char *kinds = nullptr;
  unsigned char *last_kinds = nullptr;
  /* COPY: the current row was stepped to but not formatted (it starts the next chunk). */
  bool pending = false;
  /* JSON, JSONL: each column's key, JSON-quoted (output/json-value.ts uniqueJsonKeys), and ':'. */
  char **keys = nullptr;
  size_t *key_sizes = nullptr;
};

enum Kind { KIND_NONE = 0, KIND_NUMBER = 1, KIND_OTHER = 2 };

/* csv: bytes that make a field quoted. tsv: bytes that are escaped. */
unsigned char csv_special[256];
unsigned char tsv_special[256];
const char HEX[] = "0123456789abcdef";

void init_tables() {
  csv_special[(unsigned char)','] = 1;
  csv_special[(unsigned char)'"'] = 1;
  csv_special[(unsigned char)'\r'] = 1;
  csv_special[(unsigned char)'\n'] = 1;
  tsv_special[(unsigned char)'\\'] = '\\';
  tsv_special[(unsigned char)'\t'] = 't';
  tsv_special[(unsigned char)'\n'] = 'n';
  tsv_special[(unsigned char)'\r'] = 'r';
}

/* Appends `exp` as JavaScript writes an exponent: e+21, e-7. */
char *put_exponent(char *p, int exp) {
  *p++ = 'e';
  *p++ = exp < 0 ? '-' : '+';
  auto r = std::to_chars(p, p + 8, exp < 0 ? -exp : exp);
  return r.ptr;
}

}  // namespace

/*
 * The text of a double as sqlsh's formatNumber() writes it (output/format-value.ts); `out` holds
 * at least 32 bytes. Returns the length.
 */
extern "C" size_t sqlsh_format_double_as(double d, char *out, bool js_to_string) {
  char *p = out;
  if (std::isnan(d)) {
    std::memcpy(out, "NaN", 3);
    return 3;
  }
  if (std::isinf(d)) {
    const char *t = d > 0 ? "Infinity" : "-Infinity";
    size_t n = std::strlen(t);
    std::memcpy(out, t, n);
    return n;
  }
  if (d == 0) {
    if (std::signbit(d)) {
      std::memcpy(out, "-0", 2);
      return 2;
    }
    out[0] = '0';
    return 1;
  }
  bool integral = std::trunc(d) == d;
  if (integral && std::fabs(d) < 9007199254740992.0) {
    /* exact digits: also Number::toString's text of such a value */
    auto r = std::to_chars(out, out + 32, static_cast<int64_t>(d));
    return static_cast<size_t>(r.ptr - out);
  }
  /* Shortest round-trip digits, in scientific form: [-]d[.ddd]e[+-]x */
  char sci[40];
  auto r = std::to_chars(sci, sci + sizeof sci, d, std::chars_format::scientific);
  char *end = r.ptr;
  char digits[24] = {0};
  int k = 0;
  const char *s = sci;
  if (*s == '-') {
    *p++ = '-';
    s++;
  }
  for (; s < end && *s != 'e'; s++) {
    if (*s != '.') digits[k++] = *s;
  }
  int exp10 = 0; /* value = d.ddd x 10^exp10 */
  std::from_chars(s + (s[1] == '+' ? 2 : 1), end, exp10);
  int n = exp10 + 1;            /* ECMAScript's n: value = 0.ddd x 10^n */
  if (!integral || js_to_string) {
    /* Number::toString: fixed notation for 1e-7 < |d| < 1e21 (formatNumber: integral values took the path above). */
    if (k <= n && n <= 21) {
      std::memcpy(p, digits, k);
      p += k;
      for (int i = k; i < n; i++) *p++ = '0';
      return static_cast<size_t>(p - out);
    }
    if (0 < n && n <= 21) {
      std::memcpy(p, digits, n);
      p += n;
      *p++ = '.';
      std::memcpy(p, digits + n, k - n);
      p += k - n;
      return static_cast<size_t>(p - out);
    }
    if (-6 < n && n <= 0) {
      *p++ = '0';
      *p++ = '.';
      for (int i = 0; i < -n; i++) *p++ = '0';
      std::memcpy(p, digits, k);
      p += k;
      return static_cast<size_t>(p - out);
    }
  }
  /* Exponent form (Number::toString's, and Number#toExponential()'s for integral values from 2^53). */
  *p++ = digits[0];
  if (k > 1) {
    *p++ = '.';
    std::memcpy(p, digits + 1, k - 1);
    p += k - 1;
  }
  p = put_exponent(p, n - 1);
  return static_cast<size_t>(p - out);
}

/* sqlsh's formatNumber() (output/format-value.ts). */
extern "C" size_t sqlsh_format_double(double d, char *out) { return sqlsh_format_double_as(d, out, false); }

namespace {

/* Length of the well-formed UTF-8 sequence at t[i] (of n), or 0. */
size_t sequence_length(const unsigned char *t, size_t i, size_t n) {
  unsigned char c = t[i];
  if (c < 0x80) return 1;
  size_t len;
  unsigned char lo = 0x80, hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) len = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    len = 3;
    if (c == 0xe0) lo = 0xa0;
    if (c == 0xed) hi = 0x9f;
  } else if (c >= 0xf0 && c <= 0xf4) {
    len = 4;
    if (c == 0xf0) lo = 0x90;
    if (c == 0xf4) hi = 0x8f;
  } else return 0;
  if (i + len > n || t[i + 1] < lo || t[i + 1] > hi) return 0;
  for (size_t k = 2; k < len; k++) {
    if (t[i + k] < 0x80 || t[i + k] > 0xbf) return 0;
  }
  return len;
}

/* True when text (n bytes) is well-formed UTF-8 (Unicode Table 3-7: no overlongs, surrogates, or beyond U+10FFFF). */
bool valid_utf8(const unsigned char *t, size_t n) {
  for (size_t i = 0, len; i < n; i += len) {
    len = sequence_length(t, i, n);
    if (!len) return false;
  }
  return true;
}

/* Notes whether TEXT of n bytes makes the chunk non-ASCII or not valid UTF-8. */
void note_text(Export *e, const char *text, size_t n) {
  if (e->chunk_invalid) return;
  const unsigned char *t = reinterpret_cast<const unsigned char *>(text);
  for (size_t i = 0; i < n; i++) {
    if (t[i] >= 0x80) {
      e->chunk_non_ascii = true;
      if (!valid_utf8(t + i, n - i)) e->chunk_invalid = true;
      return;
    }
  }
}

/* csv: the field `text` (n bytes), quoted when it must be. */
bool csv_field(Export *e, const char *text, size_t n, bool check_special) {
  bool quote = n == e->nul_size && std::memcmp(text, e->nul, n) == 0;
  if (!quote && check_special) {
    for (size_t i = 0; i < n; i++) {
      if (csv_special[(unsigned char)text[i]]) {
        quote = true;
        break;
      }
    }
  }
  if (!quote) {
    if (!e->out.reserve(n)) return false;
    e->out.put(text, n);
    return true;
  }
  size_t quotes = 0;
  for (size_t i = 0; i < n; i++) quotes += text[i] == '"';
  if (!e->out.reserve(n + quotes + 2)) return false;
  e->out.put('"');
  if (quotes == 0) {
    e->out.put(text, n);
  } else {
    for (size_t i = 0; i < n; i++) {
      if (text[i] == '"') e->out.put('"');
      e->out.put(text[i]);
    }
  }
  e->out.put('"');
  return true;
}

/* tsv: `text` (n bytes) with \ TAB LF CR escaped. */
bool tsv_field(Export *e, const char *text, size_t n) {
  size_t extra = 0;
  for (size_t i = 0; i < n; i++) extra += tsv_special[(unsigned char)text[i]] != 0;
  if (!e->out.reserve(n + extra)) return false;
  if (extra == 0) {
    e->out.put(text, n);
    return true;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = tsv_special[(unsigned char)text[i]];
    if (c) {
      e->out.put('\\');
      e->out.put(static_cast<char>(c));
    } else {
      e->out.put(text[i]);
    }
  }
  return true;
}

/*
 * COPY text (the aligned table's input, output/table-copy-text.ts): \ \t \n \r \b \f \v escaped; a
 * byte that is not part of well-formed UTF-8 as the text \xNN (backslash escaped), which is what
 * the table shows for it (output/escape.ts); with raw_invalid ("copy-raw") that byte as it is, for
 * the sinks that take rows (core/copy-text-rows.ts keeps it as an escaped byte of the string).
 */
bool copy_field(Export *e, const char *text, size_t n) {
  const unsigned char *t = reinterpret_cast<const unsigned char *>(text);
  if (!e->out.reserve(n * 2 + 8)) return false;
  size_t i = 0;
  while (i < n) {
    unsigned char c = t[i];
    if (c >= 0x20 && c < 0x80 && c != '\\') {
      e->out.put(static_cast<char>(c));
      i++;
      continue;
    }
    if (c < 0x80) {
      char esc = 0;
      switch (c) {
        case '\\': esc = '\\'; break;
        case '\t': esc = 't'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\b': esc = 'b'; break;
        case '\f': esc = 'f'; break;
        case '\v': esc = 'v'; break;
      }
      if (esc) {
        e->out.put('\\');
        e->out.put(esc);
      } else {
        e->out.put(static_cast<char>(c));
      }
      i++;
      continue;
    }
    size_t len = sequence_length(t, i, n);
    if (len) {
      e->out.put(text + i, len);
      i += len;
    } else if (e->raw_invalid) {
      e->out.put(static_cast<char>(c));
      i++;
    } else {
      /* \\xNN: 5 bytes for 1 */
      if (!e->out.reserve(5 + (n - i) * 5)) return false;
      e->out.put('\\');
      e->out.put('\\');
      e->out.put('x');
      e->out.put(HEX[c >> 4]);
      e->out.put(HEX[c & 15]);
      i++;
    }
  }
  return true;
}

/*
 * JSON.stringify() of the text: " \\ and \b \f \n \r \t escaped, other controls as \u00XX; a byte
 * that is not part of well-formed UTF-8 as \udcXX (the JS path holds it as that lone surrogate,
 * core/surrogate-escape.ts, which JSON.stringify writes so).
 */
bool json_string(Export *e, const char *text, size_t n) {
  const unsigned char *t = reinterpret_cast<const unsigned char *>(text);
  if (!e->out.reserve(n + 2)) return false;
  e->out.put('"');
  size_t i = 0;
  while (i < n) {
    size_t run = i;
    while (run < n && t[run] >= 0x20 && t[run] < 0x80 && t[run] != '"' && t[run] != '\\') run++;
    if (run > i) {
      if (!e->out.reserve(run - i + 1)) return false;
      e->out.put(text + i, run - i);
      i = run;
      if (i >= n) break;
    }
    if (!e->out.reserve(8)) return false;
    unsigned char c = t[i];
    if (c < 0x80) {
      char esc = 0;
      switch (c) {
        case '"': esc = '"'; break;
        case '\\': esc = '\\'; break;
        case '\b': esc = 'b'; break;
        case '\f': esc = 'f'; break;
        case '\n': esc = 'n'; break;
        case '\r': esc = 'r'; break;
        case '\t': esc = 't'; break;
      }
      e->out.put('\\');
      if (esc) {
        e->out.put(esc);
      } else {
        e->out.put("u00", 3);
        e->out.put(HEX[c >> 4]);
        e->out.put(HEX[c & 15]);
      }
      i++;
      continue;
    }
    size_t len = sequence_length(t, i, n);
    if (len) {
      e->chunk_non_ascii = true;
      e->out.put(text + i, len);
      i += len;
    } else {
      e->out.put("\\udc", 4);
      e->out.put(HEX[c >> 4]);
      e->out.put(HEX[c & 15]);
      i++;
    }
  }
  if (!e->out.reserve(1)) return false;
  e->out.put('"');
  return true;
}

/* One value of the current row as JSON (output/json-value.ts jsonValue). */
bool put_json_value(Export *e, int i) {
  sqlite3_stmt *stmt = e->stmt;
  char number[48];
  size_t n;
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
      if (!e->out.reserve(4)) return false;
      e->out.put("null", 4);
      return true;
    case SQLITE_INTEGER: {
      auto r = std::to_chars(number, number + sizeof number, static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
      n = static_cast<size_t>(r.ptr - number);
      break;
    }
    case SQLITE_FLOAT: {
      double d = sqlite3_column_double(stmt, i);
      n = sqlsh_format_double_as(d, number, true);
      if (!std::isfinite(d)) return json_string(e, number, n); /* "Infinity", "NaN" as strings */
      break;
    }
    case SQLITE_TEXT: {
      const char *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
      size_t len = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
      if (!text) {
        if (sqlite3_errcode(e->db) == SQLITE_NOMEM) return false;
        text = "";
        len = 0;
      }
      return json_string(e, text, len);
    }
    default: { /* BLOB: the string "\\x" and hex */
      const unsigned char *blob = static_cast<const unsigned char *>(sqlite3_column_blob(stmt, i));
      size_t len = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
      if (!e->out.reserve(5 + 2 * len)) return false;
      e->out.put("\"\\\\x", 4);
      for (size_t j = 0; j < len; j++) {
        e->out.put(HEX[blob[j] >> 4]);
        e->out.put(HEX[blob[j] & 15]);
      }
      e->out.put('"');
      return true;
    }
  }
  if (!e->out.reserve(n)) return false;
  e->out.put(number, n);
  return true;
}

/* One row as a JSON object (output/json-sink.ts, jsonl-sink.ts). */
bool put_json_row(Export *e) {
  if (e->format == JSON) {
    if (!e->out.reserve(2)) return false;
    if (e->rows > 0) e->out.put(',');
    e->out.put('\n');
  }
  if (!e->out.reserve(1)) return false;
  e->out.put('{');
  for (int i = 0; i < e->columns; i++) {
    if (!e->out.reserve(e->key_sizes[i] + 2)) return false;
    if (i > 0) e->out.put(',');
    e->out.put(e->keys[i], e->key_sizes[i]);
    e->out.put(':');
    if (!put_json_value(e, i)) return false;
  }
  if (!e->out.reserve(2)) return false;
  e->out.put('}');
  if (e->format == JSONL) e->out.put('\n');
  return true;
}

/* One value of the current row. False: out of memory. */
bool put_value(Export *e, int i) {
  sqlite3_stmt *stmt = e->stmt;
  char number[48];
  size_t n;
  switch (sqlite3_column_type(stmt, i)) {
    case SQLITE_NULL:
      if (e->format == COPY) {
        if (!e->out.reserve(2)) return false;
        e->out.put("\\N", 2);
        return true;
      }
      if (!e->out.reserve(e->nul_size)) return false;
      e->out.put(e->nul, e->nul_size);
      return true;
    case SQLITE_INTEGER: {
      auto r = std::to_chars(number, number + sizeof number, static_cast<int64_t>(sqlite3_column_int64(stmt, i)));
      n = static_cast<size_t>(r.ptr - number);
      break;
    }
    case SQLITE_FLOAT:
      n = sqlsh_format_double(sqlite3_column_double(stmt, i), number);
      break;
    case SQLITE_TEXT: {
      const char *text = reinterpret_cast<const char *>(sqlite3_column_text(stmt, i));
      size_t len = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
      if (!text) {
        if (sqlite3_errcode(e->db) == SQLITE_NOMEM) return false;
        text = "";
        len = 0;
      }
      if (e->format == COPY) return copy_field(e, text, len);
      note_text(e, text, len);
      if (e->format == TSV) return tsv_field(e, text, len);
      if (e->single && len == 2 && text[0] == '\\' && text[1] == '.') {
        if (!e->out.reserve(4)) return false;
        e->out.put("\"\\.\"", 4);
        return true;
      }
      return csv_field(e, text, len, true);
    }
    default: { /* SQLITE_BLOB: \x and hex (tsv: the backslash escaped) */
      const unsigned char *blob = static_cast<const unsigned char *>(sqlite3_column_blob(stmt, i));
      size_t len = static_cast<size_t>(sqlite3_column_bytes(stmt, i));
      bool tsv = e->format != CSV; /* tsv and COPY escape the backslash */
      size_t text_len = 2 + 2 * len;
      bool quote = !tsv && text_len == e->nul_size && e->nul_size >= 2 && e->nul[0] == '\\' && e->nul[1] == 'x';
      if (quote) {
        /* rare: the null string looks like hex; compare the text itself */
        char *text = static_cast<char *>(std::malloc(text_len));
        if (!text) return false;
        text[0] = '\\';
        text[1] = 'x';
        for (size_t j = 0; j < len; j++) {
          text[2 + 2 * j] = HEX[blob[j] >> 4];
          text[3 + 2 * j] = HEX[blob[j] & 15];
        }
        bool ok = csv_field(e, text, text_len, false);
        std::free(text);
        return ok;
      }
      if (!e->out.reserve(text_len + 1)) return false;
      e->out.put('\\');
      if (tsv) e->out.put('\\');
      e->out.put('x');
      char *p = e->out.data + e->out.size;
      for (size_t j = 0; j < len; j++) {
        p[2 * j] = HEX[blob[j] >> 4];
        p[2 * j + 1] = HEX[blob[j] & 15];
      }
      e->out.size += 2 * len;
      return true;
    }
  }
  /* a number's text: csv quotes it only when it equals the null string; tsv never escapes it */
  if (e->format == CSV) return csv_field(e, number, n, false);
  if (!e->out.reserve(n)) return false;
  e->out.put(number, n);
  return true;
}


void throw_sqlite(napi_env env, int code, const char *message) {
  char unknown[48];
  const char *name = sqlsh_code_name(code);
  if (!name) {
    std::snprintf(unknown, sizeof unknown, "UNKNOWN_SQLITE_ERROR_%d", code);
    name = unknown;
  }
  napi_throw_error(env, name, message);
}

void finalize_export(napi_env, void *data, void *) {
  /* The statement is finalized by exportFinish(), never here: the connection may be closed by now. */
  Export *e = static_cast<Export *>(data);
  std::free(e->nul);
  std::free(e->kinds);
  std::free(e->last_kinds);
  for (int i = 0; e->keys && i < e->columns; i++) std::free(e->keys[i]);
  std::free(e->keys);
  std::free(e->key_sizes);
  delete e;
}

Export *handle_argument(napi_env env, napi_callback_info info, size_t want, napi_value *argv, size_t room = 0) {
  size_t argc = room > want ? room : want;
  void *data = nullptr;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  if (argc < want || napi_get_value_external(env, argv[0], &data) != napi_ok) return nullptr;
  return static_cast<Export *>(data);
}

napi_value js_export_start(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  size_t argc = 6;
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  int64_t id = 0;
  if (argc < 5 || napi_get_value_int64(env, argv[0], &id) != napi_ok) return undefined;
  sqlite3 *db = sqlsh_find_connection(id);
  if (!db) return undefined;
  size_t sql_len = 0;
  if (napi_get_value_string_utf8(env, argv[1], nullptr, 0, &sql_len) != napi_ok) return undefined;
  char *sql = static_cast<char *>(std::malloc(sql_len + 1));
  if (!sql) return undefined;
  napi_get_value_string_utf8(env, argv[1], sql, sql_len + 1, &sql_len);
  char format[16] = {0};
  size_t format_len = 0;
  napi_get_value_string_utf8(env, argv[2], format, sizeof format, &format_len);
  void *nul_data = nullptr;
  size_t nul_size = 0;
  bool single = false;
  if (napi_get_buffer_info(env, argv[3], &nul_data, &nul_size) != napi_ok || napi_get_value_bool(env, argv[4], &single) != napi_ok) {
    std::free(sql);
    return undefined;
  }
  sqlite3_stmt *stmt = nullptr;
  const char *tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql, static_cast<int>(sql_len), &stmt, &tail);
  bool fits = rc == SQLITE_OK && stmt && sqlite3_column_count(stmt) > 0 && sqlite3_bind_parameter_count(stmt) == 0 &&
              sqlite3_stmt_readonly(stmt) && sqlsh_only_comments(db, tail);
  std::free(sql);
  if (!fits) {
    if (stmt) sqlite3_finalize(stmt);
    return undefined;
  }
  static const bool tables = (init_tables(), true); /* once, thread-safe (the worker and the main thread) */
  (void)tables;
  Export *e = new Export();
  e->db = db;
  e->stmt = stmt;
  e->format = std::strcmp(format, "tsv") == 0    ? TSV
              : std::strcmp(format, "copy") == 0 || std::strcmp(format, "copy-raw") == 0 ? COPY
              : std::strcmp(format, "json") == 0 ? JSON
              : std::strcmp(format, "jsonl") == 0 ? JSONL
                                                  : CSV;
  e->raw_invalid = std::strcmp(format, "copy-raw") == 0;
  e->single = single;
  e->columns = sqlite3_column_count(stmt);
  e->kinds = static_cast<unsigned char *>(std::calloc(static_cast<size_t>(e->columns), 1));
  e->last_kinds = static_cast<unsigned char *>(std::calloc(static_cast<size_t>(e->columns), 1));
  e->nul = static_cast<char *>(std::malloc(nul_size ? nul_size : 1));
  if (nul_size) std::memcpy(e->nul, nul_data, nul_size);
  e->nul_size = nul_size;
  for (size_t i = 0; i < nul_size; i++) {
    if (static_cast<unsigned char>(e->nul[i]) >= 0x80) e->always_non_ascii = true;
  }
  if (e->format == JSON || e->format == JSONL) {
    /* keys: the quoted keys, each followed by a zero byte (a quoted key holds none) */
    void *keys_data = nullptr;
    size_t keys_size = 0;
    e->keys = static_cast<char **>(std::calloc(static_cast<size_t>(e->columns), sizeof(char *)));
    e->key_sizes = static_cast<size_t *>(std::calloc(static_cast<size_t>(e->columns), sizeof(size_t)));
    bool ok = argc >= 6 && e->keys && e->key_sizes && napi_get_buffer_info(env, argv[5], &keys_data, &keys_size) == napi_ok;
    const char *k = static_cast<const char *>(keys_data);
    size_t at = 0;
    for (int i = 0; ok && i < e->columns; i++) {
      const char *end = static_cast<const char *>(std::memchr(k + at, 0, keys_size - at));
      if (!end) {
        ok = false;
        break;
      }
      size_t len = static_cast<size_t>(end - (k + at));
      e->keys[i] = static_cast<char *>(std::malloc(len ? len : 1));
      if (!e->keys[i]) {
        ok = false;
        break;
      }
      std::memcpy(e->keys[i], k + at, len);
      for (size_t j = 0; j < len; j++) {
        if (static_cast<unsigned char>(e->keys[i][j]) >= 0x80) e->always_non_ascii = true;
      }
      e->key_sizes[i] = len;
      at += len + 1;
    }
    if (!ok) {
      sqlite3_finalize(stmt);
      finalize_export(env, e, nullptr);
      return undefined;
    }
  }
  napi_value handle;
  if (napi_create_external(env, e, finalize_export, nullptr, &handle) != napi_ok) {
    sqlite3_finalize(stmt);
    std::free(e->nul);
    delete e;
    return undefined;
  }
  return handle;
}

napi_value js_export_next(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  napi_value result;
  napi_get_null(env, &result);
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  argv[2] = undefined;
  Export *e = handle_argument(env, info, 2, argv, 3);
  if (!e || !e->stmt) {
    napi_throw_error(env, nullptr, "exportNext: the export is finished");
    return nullptr;
  }
  if (e->done) return result;
  int64_t target = 0;
  napi_get_value_int64(env, argv[1], &target);
  if (target < 1024) target = 1024;
  e->out.size = 0;
  bool copy_format = e->format == COPY;
  if (copy_format) std::memset(e->kinds, KIND_NONE, static_cast<size_t>(e->columns));
  while (e->out.size < static_cast<size_t>(target)) {
    if (!e->pending) {
      int rc = sqlite3_step(e->stmt);
      if (rc == SQLITE_DONE) {
        e->done = true;
        break;
      }
      if (rc != SQLITE_ROW) {
        int code = sqlite3_extended_errcode(e->db);
        throw_sqlite(env, code, sqlite3_errmsg(e->db));
        sqlite3_reset(e->stmt);
        return nullptr;
      }
    }
    e->pending = false;
    if (copy_format) {
      /* A chunk's column holds numbers or other values, never both: a row that would mix starts the next chunk. */
      bool mixed = false;
      for (int i = 0; i < e->columns; i++) {
        int type = sqlite3_column_type(e->stmt, i);
        unsigned char k = type == SQLITE_NULL ? KIND_NONE : type == SQLITE_INTEGER || type == SQLITE_FLOAT ? KIND_NUMBER : KIND_OTHER;
        if (k != KIND_NONE && e->kinds[i] != KIND_NONE && e->kinds[i] != k) mixed = true;
      }
      if (mixed) {
        e->pending = true;
        break;
      }
      for (int i = 0; i < e->columns; i++) {
        int type = sqlite3_column_type(e->stmt, i);
        if (type != SQLITE_NULL) e->kinds[i] = type == SQLITE_INTEGER || type == SQLITE_FLOAT ? KIND_NUMBER : KIND_OTHER;
      }
    }
    if (e->format == JSON || e->format == JSONL) {
      if (!put_json_row(e)) {
        sqlite3_reset(e->stmt);
        throw_sqlite(env, SQLITE_NOMEM, "out of memory");
        return nullptr;
      }
      e->rows++;
      continue;
    }
    bool ok = true;
    for (int i = 0; ok && i < e->columns; i++) {
      if (i > 0) {
        ok = e->out.reserve(1);
        if (ok) e->out.put(e->format == CSV ? ',' : '\t');
      }
      if (ok) ok = put_value(e, i);
    }
    if (ok) ok = e->out.reserve(1);
    if (!ok) {
      sqlite3_reset(e->stmt);
      throw_sqlite(env, SQLITE_NOMEM, "out of memory");
      return nullptr;
    }
    e->out.put('\n');
    e->rows++;
  }
  if (e->out.size == 0 && e->done) return result;
  void *copy = nullptr;
  /*
   * A string: young garbage that V8 collects at its next scavenge, where buffers (memory outside
   * the heap) wait for external memory pressure: tens of MB more at the peak of an export. Only a
   * chunk with TEXT that is not valid UTF-8 comes as bytes (a string would lose them).
   */
  napi_status made;
  if (copy_format) {
    /* the chunk's kinds of value: a column with only NULLs keeps the last chunk's */
    for (int i = 0; i < e->columns; i++) {
      if (e->kinds[i] != KIND_NONE) e->last_kinds[i] = e->kinds[i];
    }
  }
  /* bytes into the caller's buffer when they fit: the count comes back instead of a new buffer */
  void *into = nullptr;
  size_t into_size = 0;
  bool bytes = e->chunk_invalid || copy_format;
  napi_valuetype into_type = napi_undefined;
  napi_typeof(env, argv[2], &into_type);
  if (bytes && into_type == napi_object && napi_get_buffer_info(env, argv[2], &into, &into_size) == napi_ok && e->out.size <= into_size) {
    std::memcpy(into, e->out.data, e->out.size);
    made = napi_create_int64(env, static_cast<int64_t>(e->out.size), &result);
  } else if (bytes) made = napi_create_buffer_copy(env, e->out.size, e->out.data, &copy, &result);
  else if (e->chunk_non_ascii || e->always_non_ascii) made = napi_create_string_utf8(env, e->out.data, e->out.size, &result);
  else made = napi_create_string_latin1(env, e->out.data, e->out.size, &result);
  e->chunk_invalid = e->chunk_non_ascii = false;
  if (made != napi_ok) return nullptr;
  /* A large buffer (one very wide row) is not kept for the next chunk. */
  if (e->out.capacity > static_cast<size_t>(target) * 4) {
    std::free(e->out.data);
    e->out.data = nullptr;
    e->out.capacity = 0;
  }
  e->out.size = 0;
  return result;
}

napi_value js_export_rows(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value result;
  Export *e = handle_argument(env, info, 1, argv);
  napi_create_int64(env, e ? e->rows : 0, &result);
  return result;
}

napi_value js_export_finish(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value result;
  napi_get_undefined(env, &result);
  Export *e = handle_argument(env, info, 1, argv);
  if (e && e->stmt) {
    sqlite3_finalize(e->stmt);
    e->stmt = nullptr;
    std::free(e->out.data);
    e->out.data = nullptr;
    e->out.size = e->out.capacity = 0;
  }
  return result;
}

/* exportNumeric(handle): COPY: per column, true when the last chunk's values there are numbers. */
napi_value js_export_numeric(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  napi_value result;
  Export *e = handle_argument(env, info, 1, argv);
  int n = e ? e->columns : 0;
  napi_create_array_with_length(env, static_cast<size_t>(n), &result);
  for (int i = 0; i < n; i++) {
    napi_value flag;
    napi_get_boolean(env, e->last_kinds[i] == KIND_NUMBER, &flag);
    napi_set_element(env, result, static_cast<uint32_t>(i), flag);
  }
  return result;
}

/* formatDouble(d): sqlsh_format_double's text, for the tests that compare it with formatNumber(). */
napi_value js_format_double(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  size_t argc = 2;
  double d = 0;
  napi_get_cb_info(env, info, &argc, argv, nullptr, nullptr);
  napi_get_value_double(env, argv[0], &d);
  bool to_string = false;
  if (argc >= 2) napi_get_value_bool(env, argv[1], &to_string);
  char text[48];
  size_t n = sqlsh_format_double_as(d, text, to_string);
  napi_value result;
  napi_create_string_latin1(env, text, n, &result);
  return result;
}

}  // namespace

extern "C" napi_value sqlsh_export_init(napi_env env, napi_value exports) {
  const struct {
    const char *name;
    napi_callback fn;
  } functions[] = {
      {"exportStart", js_export_start}, {"exportNext", js_export_next},       {"exportRows", js_export_rows},
      {"exportFinish", js_export_finish}, {"formatDouble", js_format_double}, {"exportNumeric", js_export_numeric},
  };
  for (const auto &f : functions) {
    napi_value fn;
    napi_create_function(env, f.name, NAPI_AUTO_LENGTH, f.fn, nullptr, &fn);
    napi_set_named_property(env, exports, f.name, fn);
  }
  /* exportStart takes "copy-raw" (a helper built before it would read it as csv) */
  napi_value yes;
  napi_get_boolean(env, true, &yes);
  napi_set_named_property(env, exports, "exportCopyRaw", yes);
  return exports;
}

#else

extern "C" napi_value sqlsh_export_init(napi_env, napi_value exports) { return exports; }

#endif
