/* public: published figures kept in the catalog (table offentlige_tal).
 *
 * What jobindsats.dk and Statistikbanken publish (sources.md §1-2) is stored
 * as it was published: one row per source, table, measure, area, period and
 * combination of the other dimensions, with the value in one of the four
 * states (a value; suppressed by the source; no data), the source's own
 * labels, and the date it was retrieved. Nothing is summed or derived on the
 * way in: a total stays a row of its own and is never added to its parts.
 *
 * The table is created by the first store (an older workspace simply has no
 * public figures). A store replaces rows with the same key and runs in one
 * transaction: all of it or none. */
#ifndef STYR_PUBLIC_H
#define STYR_PUBLIC_H

#include <stddef.h>

#include "workspace.h"

/* The states of a published value (the four states of the brief; "not
 * applicable" is decided by whoever reads the figure, not by the source). */
enum { STYR_PUB_VALUE = 0, STYR_PUB_SUPPRESSED = 1, STYR_PUB_NONE = 2 };

/* Areas that are not a municipality. */
enum { STYR_PUB_COUNTRY = 0, STYR_PUB_OTHER_AREA = -1 };

typedef struct styr_pub_row {
    const char *kilde;   /* "jobindsats", "statistikbanken" */
    const char *tabel;   /* the table id, lower case: "y01a02", "y30r21", "folk1a" */
    const char *maal;    /* the measure's label as the source writes it */
    const char *omraade; /* the area as the source names it ("Randers", "Hele landet", "RAR Fyn") */
    int kommune;         /* municipality code; STYR_PUB_COUNTRY; STYR_PUB_OTHER_AREA */
    const char *periode; /* the source's period code ("2024M03", "2024Q1", "2021QMAT02", "2025Y01", "2024K1") */
    const char *dims;    /* the other dimensions as "Label=Value" joined by '|', sorted by label; "" for none */
    double vaerdi;       /* when tilstand == STYR_PUB_VALUE */
    int tilstand;        /* STYR_PUB_VALUE, STYR_PUB_SUPPRESSED, STYR_PUB_NONE */
} styr_pub_row;

/* Store rows, retrieved on hentet ("2026-11-29"), from file (a name for the
 * record: the file read or the URL fetched), in one transaction, replacing
 * rows with the same key (kilde, tabel, maal, omraade, periode, dims). Every
 * period must parse (styr_period_parse); a row that does not is an error and
 * nothing is stored. Needs a workspace opened for writing. */
styr_rc styr_pub_store(styr_ws *ws, const styr_pub_row *rows, size_t n, const char *hentet, const char *file,
                       styr_diags *d);

/* The same inside a transaction the caller holds (styr_ws_commit's txn
 * function): no BEGIN/COMMIT here. files[i] (when files is non-NULL) names
 * row i's origin, else file. Creates the table when needed. */
styr_rc styr_pub_store_in(sqlite3 *db, const styr_pub_row *rows, const char *const *files, size_t n,
                          const char *hentet, const char *file, styr_diags *d);

/* Whether the workspace holds any public figure (of kilde, or any when NULL). */
int styr_pub_any(styr_ws *ws, const char *kilde);

/* Whether the workspace holds any jobindsats a02 figure (persons and
 * full-time persons), totals or parts. */
int styr_pub_any_a02(styr_ws *ws);

/* A row as read back. Strings are owned by the reader and valid during the
 * callback only. */
typedef struct styr_pub_hit {
    styr_pub_row row;
    const char *periode_navn; /* styr's canonical name of the period ("2021M06R12") */
    int fra, til;             /* the period's weeks (styr_week indexes), inclusive */
    const char *hentet;       /* retrieval date */
    const char *fil;          /* file or URL it came from */
} styr_pub_hit;

/* A filter: NULL (or, for kommune, STYR_PUB_ANY_KOM; for fra/til, -1) means any.
 * tabel matches exactly (case-insensitive); dims matches exactly, so "" asks
 * for the rows without other dimensions (the totals as published). */
#define STYR_PUB_ANY_KOM (-2)
typedef struct styr_pub_filter {
    const char *kilde, *tabel, *maal, *dims;
    int kommune;
    int fra, til; /* the period's exact span of weeks */
} styr_pub_filter;
void styr_pub_filter_init(styr_pub_filter *f); /* everything: kommune ANY, fra/til -1 */

/* Call cb for every row matching f, ordered by kilde, tabel, maal, period (first
 * week, then last), kommune, omraade, dims. cb returns 0 to go on, non-zero to
 * stop (then styr_pub_select returns STYR_OK). */
typedef int (*styr_pub_cb)(const styr_pub_hit *h, void *ud);
styr_rc styr_pub_select(styr_ws *ws, const styr_pub_filter *f, styr_pub_cb cb, void *ud, styr_diags *d);

/* One line per source, table and measure, for `styr info`. */
typedef struct styr_pub_summary {
    const char *kilde, *tabel, *maal;
    const char *forste, *sidste; /* first and last period (source codes) */
    int perioder, omraader;      /* distinct periods and areas */
    long raekker;                /* rows */
    const char *hentet;          /* latest retrieval date */
} styr_pub_summary;
typedef int (*styr_pub_sum_cb)(const styr_pub_summary *s, void *ud);
styr_rc styr_pub_summarise(styr_ws *ws, styr_pub_sum_cb cb, void *ud, styr_diags *d);

#endif
