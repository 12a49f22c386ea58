/* import: all-or-nothing import of files into a workspace.
 *
 * styr_import reads every file into one batch (rows.h), reports every
 * problem it finds in any of them, and only when there is none merges the
 * batch with the current panel and installs the result (workspace.h): the
 * next panel generation, the population rows and a line in the imports log,
 * in one step. On any error, and with check_only, nothing is written: the
 * workspace stays byte for byte as it was. */
#ifndef STYR_IMPORT_H
#define STYR_IMPORT_H

#include <stdint.h>

#include "../core/diag.h"
#include "../ws/workspace.h"
#include "batch.h"
#include "csv.h"
#include "rows.h"

typedef void (*styr_import_progress)(void *ctx, const char *file, uint64_t done, uint64_t total);

typedef struct styr_import_opts {
    int check_only;            /* validate only, write nothing */
    int default_kommune;       /* municipality code for DREAM files without a kommune column, or 0 */
    styr_import_progress progress;
    void *progress_ctx;
    uint64_t progress_min;     /* report progress only for files at least this big (bytes) */
    const char *command;       /* the command line, for the imports log */
    const char *pop_source;    /* what replaced population rows are (default: the files they came from) */
    styr_ws_txn_fn also;       /* run first inside the install's transaction (public figures), or NULL */
    void *also_ctx;
} styr_import_opts;

typedef struct styr_import_file {
    char *path;
    styr_table_kind kind;
    int statfile;              /* read through ReadStat */
    styr_encoding enc;
    char sep;
    char decimal;              /* ',' '.' or 0 */
    uint64_t rows;
    uint64_t bytes;
} styr_import_file;

typedef struct styr_import_result {
    styr_import_file *files;
    size_t nfiles;
    uint64_t persons;          /* in the new panel */
    uint64_t persons_new;
    uint64_t weeks;            /* person-weeks in the new panel */
    uint64_t weeks_new;
    uint64_t runs;
    uint64_t pop_rows;
    uint64_t yr_rows;          /* Ydelsesrefusion rows kept with their amounts */
    uint64_t yr_multi;         /* of which person-weeks with more than one benefit */
    uint32_t generation;
    uint64_t checksum;
    int committed;
    double t_read, t_build, t_write; /* seconds */
} styr_import_result;

styr_rc styr_import(styr_ws *ws, const char *const *paths, size_t n, const styr_import_opts *o,
                    styr_import_result *res, styr_diags *d);

/* Merge an already filled batch into the workspace (used by synth). */
styr_rc styr_import_batch(styr_ws *ws, styr_batch *b, const styr_import_opts *o, styr_import_result *res,
                          styr_diags *d);

void styr_import_result_free(styr_import_result *res);

#endif
