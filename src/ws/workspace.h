/* workspace: a directory holding the SQLite catalog and the panel file.
 *
 *   WS/katalog.sqlite        code tables, municipalities, clusters, rates,
 *                            population, the imports log, and (later)
 *                            budgets, goals and stored figures
 *   WS/panel-NNNNNN.styr     the current panel (generation NNNNNN)
 *   WS/.lock                 flock()ed: shared by readers, exclusive by writers
 *
 * The catalog's meta table names the current panel file and its checksum.
 * A change writes the next generation's panel file atomically, then switches
 * the catalog to it inside one SQLite transaction, then deletes the old file.
 * A crash in between leaves either the old state or the new one; a stray file
 * is removed the next time the workspace is opened for writing. */
#ifndef STYR_WORKSPACE_H
#define STYR_WORKSPACE_H

#include <sqlite3.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../panel/panel.h"
#include "codes.h"

#define STYR_WS_DEFAULT "styr.ws"
#define STYR_WS_SCHEMA 1

typedef struct styr_ws styr_ws;

/* Create a workspace in dir (which must not exist, or be an empty directory),
 * loading the reference tables from datadir, or from the tables compiled into
 * styr when datadir is NULL. egen_kommune is the workspace's own municipality
 * code, or 0. */
styr_rc styr_ws_init(const char *dir, const char *datadir, int egen_kommune, styr_diags *d);

enum { STYR_WS_READ = 0, STYR_WS_WRITE = 1 };

/* Open a workspace. The caller frees it with styr_ws_close. */
styr_rc styr_ws_open(const char *dir, int mode, styr_ws **out, styr_diags *d);
void styr_ws_close(styr_ws *ws); /* NULL-safe */

sqlite3 *styr_ws_db(const styr_ws *ws);
const styr_codes *styr_ws_codes(const styr_ws *ws);
const char *styr_ws_dir(const styr_ws *ws);
int styr_ws_egen_kommune(const styr_ws *ws); /* 0 when none */

/* For styr serve: from now on (in this thread) every workspace's own
 * municipality is kommune (0: none), the one a request's token grants; -1
 * restores the workspace's own. */
void styr_ws_override_own(int kommune);

/* The current panel (opened and checked on first use, owned by ws). */
styr_rc styr_ws_panel(styr_ws *ws, const styr_panel **out, styr_diags *d);

/* Called inside the transaction that installs a change: update the catalog. */
typedef styr_rc (*styr_ws_txn_fn)(sqlite3 *db, void *ctx, uint32_t generation,
                                  uint64_t checksum, styr_diags *d);

/* Install a change: when cols is non-NULL, write it as the next generation's
 * panel; then run fn (may be NULL) and switch the catalog, in one
 * transaction. On any error nothing visible changes. Needs STYR_WS_WRITE. */
styr_rc styr_ws_commit(styr_ws *ws, const styr_cols *cols, styr_ws_txn_fn fn, void *ctx, styr_diags *d);

/* Run SQL that returns no rows; on error fill d and return STYR_ESQL. */
styr_rc styr_sql_exec(sqlite3 *db, const char *sql, styr_diags *d);

/* Fill d with db's last error (in the user's language where it matters: a
 * full disk, a read-only or damaged catalog) and return STYR_ESQL. */
styr_rc styr_sql_fail(sqlite3 *db, styr_diags *d);

/* COMMIT the open transaction. Fails, without committing anything, when
 * SQLite has already rolled it back by itself (after a full disk or an I/O
 * error in one of its statements); on a failed COMMIT rolls back. */
styr_rc styr_sql_commit(sqlite3 *db, styr_diags *d);

/* Hex text of a checksum, "%016llx". */
void styr_hex64(uint64_t v, char out[17]);

#endif
