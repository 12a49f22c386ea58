/* review: the case review (sagsgennemgang) closed: the learning points, the
 * review sheet's layout, checking a filled sheet against the sample drawn,
 * storing it in the catalog and estimating the share of cases per learning
 * point with the sample's uncertainty.
 *
 * The sheet (styr sample -o) carries what identifies its sample: the seed,
 * the panel's checksum, the group, the municipality, the reference week and
 * the number of cases, as label/value rows above the table; per case its
 * number in the sample (Nr.), the person id and the stratum number (Lag-nr.,
 * 1-15); then "Gennemgået" and one column per learning point, answered 1/0,
 * x/blank or ja/nej, and a free-text Note. An import re-draws the sample with
 * the sheet's seed from the workspace's panel and refuses a sheet whose panel,
 * ids or strata differ, whose columns are missing or unknown, or whose answers
 * are not one of those, every problem with file, row and column.
 *
 * The estimates (styr_review_estimate): for learning point l, of the m cases
 * reviewed k have it; the unweighted share k/m with Wilson's 95 % interval;
 * and the stratified estimate p_st = sum_h W_h p_h over the strata with
 * reviewed cases, W_h = N_h / N* (N_h current spells in stratum h, N* their
 * sum over those strata), with variance
 *   V = sum_h W_h^2 (1 - m_h/N_h) s_h^2 / m_h,
 *   s_h^2 = m_h/(m_h - 1) p_h (1 - p_h) when m_h >= 2, and for a stratum with
 *   one reviewed case the pooled s^2 = m/(m - 1) p (1 - p) of the unweighted
 *   share (one case says nothing about its stratum's spread),
 * and a 95 % interval by Wilson's formula at p_st with the effective sample
 * size n_eff = p_st (1 - p_st) / V (at most m; m when V = 0 or p_st is 0 or
 * 1), so an interval never has zero width. The notes are free text that may
 * name persons: they are stored in the workspace and never summarised.
 * Storing and loading (the catalog tables sagsgennemgang*) are in review_db.c. */
#ifndef STYR_REVIEW_H
#define STYR_REVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../ingest/sheet.h"
#include "../ws/workspace.h"
#include "sample.h"

/* One learning point (læringspunkt): its code, Danish and English names. */
typedef struct styr_lp {
    char kode[48];
    char navn[96];
    char navn_en[96];
} styr_lp;

typedef struct styr_lps {
    styr_lp *v;
    size_t n;
} styr_lps;

#define STYR_LP_MAX 40

/* Load learning points from path (kode;navn;navn_en, '#' comment lines
 * first), or the built-in data/laeringspunkter.csv when path is NULL. The
 * caller frees *out with styr_lps_free. */
styr_rc styr_lps_load(const char *path, styr_lps *out, styr_diags *d);
void styr_lps_free(styr_lps *l);            /* NULL-safe */
const char *styr_lp_name(const styr_lp *l); /* by --lang */

/* The label/value rows above the table. */
enum { STYR_RM_SEED, STYR_RM_PANEL, STYR_RM_GROUP, STYR_RM_KOMMUNE, STYR_RM_WEEK, STYR_RM_N, STYR_RM_COUNT };
const char *styr_review_meta_label(int which); /* by --lang */

/* The fixed columns; the learning points follow STYR_RC_REVIEWED, then the note. */
enum {
    STYR_RC_NR,
    STYR_RC_PERSON,
    STYR_RC_STRATUM,
    STYR_RC_STRATUM_TEXT,
    STYR_RC_START,
    STYR_RC_WEEKS,
    STYR_RC_OFFER,
    STYR_RC_REVIEWED,
    STYR_RC_FIXED
};
const char *styr_review_col_label(int which); /* by --lang; "Note" */
const char *styr_review_note_label(void);

/* What identifies a sample. */
typedef struct styr_review_meta {
    uint64_t seed;
    uint64_t panel;               /* the panel's checksum */
    int grp;                      /* ydelse index */
    int kommune;                  /* municipality code */
    int ref;                      /* reference week index */
    size_t n;                     /* cases asked for (-n) */
    uint64_t line[STYR_RM_COUNT]; /* the sheet's row of each (0: not from a sheet) */
} styr_review_meta;

typedef struct styr_review_case {
    int nr;      /* 1-based number in the sample */
    int stratum; /* 0-based */
    int reviewed;
    unsigned char *ans; /* one 0/1 per learning point */
    char *note;         /* free text or NULL */
} styr_review_case;

typedef struct styr_review {
    int64_t id; /* catalog id (0 before it is stored) */
    styr_review_meta meta;
    size_t population[STYR_NSTRATA_SAMPLE];
    size_t drawn[STYR_NSTRATA_SAMPLE];
    styr_lps lps;
    styr_review_case *c; /* by nr */
    size_t n;
    char file[256];    /* the sheet's file name (stored) */
    char imported[32]; /* when (UTC), after a load */
} styr_review;

void styr_review_free(styr_review *r); /* NULL-safe */

/* Read the label/value rows of a sheet (those the table follows): the sample
 * to re-draw. STYR_EINPUT with diagnostics for a missing or bad one. */
styr_rc styr_review_sheet_meta(const styr_sheet *s, const char *file, const styr_codes *codes, styr_review_meta *out,
                               styr_diags *d);

/* Check the head against the workspace: municipality own (a code), the
 * panel p (its checksum) and its last week. STYR_EINPUT with diagnostics. */
styr_rc styr_review_check_head(const styr_review_meta *m, int own, const styr_panel *p, const char *file,
                               styr_diags *d);

/* Check the sheet's table against the sample s drawn for meta (with the
 * panel's person ids in cols) and the learning points lps; on success *out
 * holds the answers. All problems go to d; STYR_EINPUT when there was one. */
styr_rc styr_review_check(const styr_sheet *sh, const char *file, const styr_lps *lps, const styr_review_meta *meta,
                          const styr_sample *s, const styr_cols *cols, styr_review *out, styr_diags *d);

/* Store a checked review (workspace open for writing) in one transaction,
 * replacing an earlier import of the same sample (panel, seed, group,
 * municipality, n); *replaced says whether there was one. */
styr_rc styr_review_store(styr_ws *ws, styr_review *r, int *replaced, styr_diags *d);

/* Review id (0: the one imported last) into *out, which the caller frees with
 * styr_review_free; *found is 0 when there is none. The notes are not read:
 * nothing that summarises a review shows them. */
styr_rc styr_review_load(styr_ws *ws, int64_t id, styr_review *out, int *found, styr_diags *d);

/* Wilson's score interval for k of n at 95 % (n may be an effective size). */
void styr_wilson(double p, double n, double *lo, double *hi);

typedef struct styr_review_share {
    size_t m, k;      /* reviewed cases, of them with the point */
    double p, lo, hi; /* k/m and its Wilson interval; p < 0 when m == 0 */
} styr_review_share;

typedef struct styr_review_est {
    styr_review_share all;                     /* unweighted */
    styr_review_share by[STYR_NSTRATA_SAMPLE]; /* per stratum */
    double p_st, se, lo, hi, n_eff;            /* stratified; p_st < 0 without reviewed cases */
    double coverage;                           /* N* / all current spells */
    int single_strata;                         /* strata with one reviewed case (pooled variance) */
} styr_review_est;

/* The estimates for learning point lp (index into r->lps). */
void styr_review_estimate(const styr_review *r, size_t lp, styr_review_est *out);

#endif
