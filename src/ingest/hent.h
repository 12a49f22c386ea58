/* hent: fetch published tables from jobindsats.dk (API v3, v2 where v3 does
 * not know the table) or Statistikbanken and import them in one import.
 *
 * Every answer goes to a file <tabel>.json (jobindsats) or <TABEL>.csv
 * (Statistikbanken) in a fresh private temporary directory; only when every
 * table came whole and looks right are they all given to styr_pub_import in
 * one call, so either all tables are stored or none. The temporary directory
 * is removed on every path. The token is sent in the Authorization header
 * only: it is never written to a file, a URL, a diagnostic or the workspace.
 * Failures are explained in the user's language in d->sys, naming the table
 * and the host. Never prints. */
#ifndef STYR_HENT_H
#define STYR_HENT_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../ws/workspace.h"
#include "pubimport.h"

typedef enum styr_hent_kilde { STYR_HENT_JOBINDSATS = 0, STYR_HENT_STATBANK = 1 } styr_hent_kilde;

#define STYR_HENT_JOBINDSATS_URL "https://api.jobindsats.dk"
#define STYR_HENT_STATBANK_URL "https://api.statbank.dk"
#define STYR_HENT_MAX_TABLES 64
#define STYR_HENT_MAX_PERIODS 60

/* Progress: called with done = 0 before a table is fetched and done = 1 with
 * the bytes received after it came whole. i counts from 1. */
typedef void (*styr_hent_progress)(void *ctx, const char *tabel, size_t i, size_t n, uint64_t bytes, int done);

typedef struct styr_hent_opts {
    styr_hent_kilde kilde;
    const char *base;                  /* NULL = the source's public address */
    const char *const *tabeller;       /* table ids (letters, digits, _; at most 31) */
    size_t ntabeller;
    const char *const *perioder;       /* jobindsats: period codes (2024M03, 2024Q1, 2021QMAT02,
                                          2025Y01); Statistikbanken: Tid values (2024K1); 0 = default */
    size_t nperioder;
    const char *const *vars;           /* Statistikbanken: NAME=VALUES selections replacing the defaults */
    size_t nvars;
    const char *token;                 /* jobindsats: the key (required) */
    const char *tmpdir;                /* NULL = $TMPDIR or /tmp */
    const char *hentet;                /* NULL = today */
    const char *command;               /* the command line, for the imports log, or NULL */
    long connect_timeout_s, timeout_s; /* 0 = 15 s and 600 s */
    const volatile sig_atomic_t *cancel;        /* set non-zero (by a signal handler) to stop between or in requests */
    styr_hent_progress progress;
    void *progress_ctx;
} styr_hent_opts;

typedef struct styr_hent_got {
    char tabel[32];
    char api[8];      /* "v3", "v2" (jobindsats) or "v1" (Statistikbanken) */
    uint64_t bytes;
    char url[2048];   /* the URL that answered (no token in it) */
} styr_hent_got;

typedef struct styr_hent_result {
    styr_hent_got *got; /* one per table, in the order asked */
    size_t ngot;
    styr_pubimport_result imp;
} styr_hent_result;

/* Fetch every table and import them all in one styr_pub_import, or nothing.
 * STYR_EUSAGE for a bad option (table id, period code, selection);
 * STYR_EINPUT for a refused key, an unknown table or an answer that is not
 * what the source sends; STYR_EIO for a network failure or an HTTP error;
 * the import's own code for a table it cannot read. res is always filled far
 * enough to be freed with styr_hent_result_free. */
styr_rc styr_hent(styr_ws *ws, const styr_hent_opts *o, styr_hent_result *res, styr_diags *d);
void styr_hent_result_free(styr_hent_result *res);

/* The default Statistikbanken Tid selection for a date (year, month 1-12):
 * the first quarter of each of the five years before, and of this year from
 * March (when it is published). Written into out as "2021K1,2022K1,...". */
void styr_hent_statbank_tid(int year, int month, char *out, size_t n);

#endif
