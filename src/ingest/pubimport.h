/* pubimport: reading published tables – jobindsats.dk in its four shapes,
 * Statistikbanken CSV in codes or texts, a labour force file – into the
 * catalog's public figures (ws/public.h), all or nothing.
 *
 * A file is recognised by its content (sources.md §1-2); styr_pub_recognise
 * says whether a file is one, so that `styr import` can send it here instead
 * of to the panel import. */
#ifndef STYR_PUBIMPORT_H
#define STYR_PUBIMPORT_H

#include <stddef.h>

#include "../core/diag.h"
#include "../ws/workspace.h"

typedef struct styr_pubimport_opts {
    const char *tabel;  /* the table id where the file does not name it (--tabel), or NULL */
    const char *hentet; /* retrieval date "YYYY-MM-DD"; NULL = today */
    const char *const *names; /* what to record as each file's origin (e.g. the URL), or NULL = the path */
    int check_only;     /* validate only, write nothing */
    const char *maal;   /* the measure of a wide table (periods as columns) without a measure column (--maal), or NULL */
    const char *command; /* the command line, for the imports log, or NULL */
} styr_pubimport_opts;

typedef struct styr_pubimport_file {
    char path[1024];
    char kilde[24];     /* "jobindsats", "statistikbanken" */
    char tabel[32];
    char form[96];      /* what was read: "API v2 JSON", "API v3 JSON", "CSV (;, decimalkomma, UTF-8)", ... */
    size_t rows;        /* values stored */
} styr_pubimport_file;

typedef struct styr_pubimport_result {
    styr_pubimport_file *files;
    size_t nfiles;
    size_t rows;        /* all values stored */
    int committed;
    size_t pop_rows;    /* rows of styr's population table (befolkning) replaced from FOLK1A */
    int pop_from, pop_to; /* their years */
} styr_pubimport_result;

/* Whether path holds a published table this module reads (by its first
 * bytes and, for CSV, its header). 1 yes, 0 no. Never fails. */
int styr_pub_recognise(const char *path);

/* Read every file; on any error in any of them report all errors (file, line,
 * column, value, what was expected) and store nothing. */
styr_rc styr_pub_import(styr_ws *ws, const char *const *paths, size_t n, const styr_pubimport_opts *o,
                        styr_pubimport_result *res, styr_diags *d);
void styr_pubimport_result_free(styr_pubimport_result *res);

#endif
