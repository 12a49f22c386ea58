/* batch: what one import collects before anything is written.
 *
 * Readers (long CSV, DREAM, persons, population) append to a batch: person
 * ids are interned, weeks are coalesced on the fly into runs while they come
 * in order (so memory follows runs, not weeks), person attributes and
 * population rows are kept with the file and line they came from. When all
 * files are read, styr_batch_build sorts the runs, reports every week given
 * twice (within the batch or against the existing panel) with both places,
 * and merges batch and panel into the columns of the next panel. Nothing in
 * this module touches the workspace. */
#ifndef STYR_BATCH_H
#define STYR_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../panel/panel.h"

#define STYR_BATCH_MAX_FILES 255

typedef struct styr_brun {
    uint32_t person;     /* batch person index */
    uint16_t start, len; /* first week index, weeks */
    uint8_t kom, yd, tb;
    uint8_t file;        /* index into the batch's file names */
    uint16_t timer;      /* tenths of an hour */
    uint16_t attr;       /* visitation | enhed << 3 (panel.h; enhed as the batch's index until built) */
    uint32_t line;       /* line (or row) of the first week */
} styr_brun;

typedef struct styr_bperson {
    uint64_t id_off;     /* into the id heap */
    uint32_t id_len;
    uint32_t birth;      /* YYYYMMDD / YYYY0000 / 0 */
    uint8_t sex;
    uint8_t has_attr;
    uint8_t file;
    uint8_t pad;
    uint32_t line;       /* where the attributes came from */
    uint16_t pattr;      /* oprindelse | (indrejst - 1900) << 3 (panel.h) */
    uint8_t has_pattr;
} styr_bperson;

typedef struct styr_bpop {
    uint16_t kommune;    /* code */
    uint16_t aar;
    uint16_t alder;
    uint16_t file;
    uint32_t antal;
    uint32_t line;
} styr_bpop;

/* One row of a Ydelsesrefusion file (yr.h): a person (pseudonym), week and
 * benefit with the amounts and rates the state used. */
typedef struct styr_byr {
    uint32_t person;     /* batch person index */
    uint16_t week;
    uint8_t yd, kom;     /* group index, municipality index */
    uint8_t file;
    uint8_t in_panel;    /* the row whose group is the panel's week (set by styr_yr_resolve) */
    uint32_t line;
    double udbetalt, refusionssats, refusionsbeloeb, medfinansieringssats, medfinansieringsbeloeb;
} styr_byr;

typedef struct styr_batch {
    char *files[STYR_BATCH_MAX_FILES];
    uint8_t line_step[STYR_BATCH_MAX_FILES]; /* 1: a week per line; 0: a row per person */
    size_t nfiles;
    styr_bperson *persons;
    size_t np, capp;
    char *heap;
    size_t heapn, heapcap;
    uint32_t *hash;          /* open addressing: person index + 1, 0 = empty */
    size_t hashcap;
    uint32_t last_person;    /* cache for input sorted by person */
    styr_brun *runs;
    size_t nr, capr;
    styr_bpop *pop;
    size_t npop, cappop;
    styr_byr *yr;            /* Ydelsesrefusion rows, turned into weeks by styr_yr_resolve */
    size_t nyr, capyr;
    uint64_t yr_multi;       /* person-weeks with more than one benefit */
    uint64_t weeks;          /* weeks added */
    char **enh;              /* the units named in the batch; [0] unused (none) */
    int nenh;
    int oom;                 /* an allocation hit its cap */
} styr_batch;

void styr_batch_init(styr_batch *b);
void styr_batch_free(styr_batch *b);

/* Register a file; returns its index, or -1 when there are too many. */
int styr_batch_file(styr_batch *b, const char *name, int line_step);

/* Intern a person id (1-64 bytes, validated by the caller); index or -1 (OOM). */
int64_t styr_batch_person(styr_batch *b, const char *id, size_t len);

/* The batch's index of a unit's name (1..), interning it; -1 when there are
 * too many units. The caller has validated the name (1-64 printable bytes). */
int styr_batch_enhed(styr_batch *b, const char *name, size_t len);

/* Add one week; attr is styr_rattr(visitation, batch unit index). Returns 0,
 * or -1 when memory ran out (b->oom set). */
int styr_batch_week(styr_batch *b, uint32_t person, int week, uint8_t kom, uint8_t yd, uint8_t tb,
                    uint16_t timer, uint16_t attr, uint8_t file, uint32_t line);

/* Add a run of len weeks starting at week (same coalescing as styr_batch_week,
 * for generators that think in runs). */
int styr_batch_run(styr_batch *b, uint32_t person, int week, int len, uint8_t kom, uint8_t yd, uint8_t tb,
                   uint16_t timer, uint16_t attr, uint8_t file, uint32_t line);

/* Set a person's attributes; a conflicting earlier value is diagnosed. */
void styr_batch_attr(styr_batch *b, uint32_t person, uint32_t birth, uint8_t sex, uint8_t file,
                     uint32_t line, styr_diags *d);

/* Set a person's origin and year of arrival (styr_pattr); a conflicting
 * earlier value is diagnosed. */
void styr_batch_pattr(styr_batch *b, uint32_t person, uint16_t pattr, uint8_t file, uint32_t line, styr_diags *d);

/* Add a population row. */
int styr_batch_pop(styr_batch *b, uint16_t kommune, uint16_t aar, uint16_t alder, uint32_t antal,
                   uint8_t file, uint32_t line);

/* The next panel: owned column arrays, freed with styr_newpanel_free. */
typedef struct styr_newpanel {
    styr_cols cols;
    uint64_t *run_off, *id_off;
    char *id_heap;
    uint32_t *birth;
    uint8_t *sex;
    uint16_t *start, *len;
    uint8_t *kom, *yd, *tb;
    uint16_t *timer, *rattr, *pattr;
    char **enh;              /* the units: the old panel's, then the batch's new ones */
    int nenh;
    uint64_t new_persons;    /* persons not in the old panel */
    uint64_t new_weeks;      /* weeks added */
    int changed;             /* 0 when the batch adds nothing to the panel */
} styr_newpanel;

/* Sort and check the batch and merge it with old (may be NULL or empty).
 * Every duplicated week and conflicting attribute is reported in d; returns
 * STYR_EINPUT then, and nothing in out is valid. */
styr_rc styr_batch_build(styr_batch *b, const styr_cols *old, styr_newpanel *out, styr_diags *d);
void styr_newpanel_free(styr_newpanel *n);

/* Population rows sorted by key, with duplicates diagnosed. */
styr_rc styr_batch_check_pop(styr_batch *b, styr_diags *d);

#endif
