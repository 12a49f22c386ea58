/* engine: the one-pass key-figure engine.
 *
 * The engine walks the panel once, person by person, splitting persons
 * across threads. For each person it derives, once, what every figure needs
 * (the spells of each group and of all public support, with their
 * municipality and whether they are still ongoing; the week the person turns
 * 30) and hands that view to every accumulator. An accumulator is a small
 * table of functions: init a per-thread state, visit one person, merge two
 * states, finish into the cube. Adding a figure means adding an accumulator,
 * never another pass.
 *
 * The result is a cube of counts: for every period of the set, every
 * municipality (and the whole country, index nkom) and every benefit group
 * (index 0 is "offentligt forsørgede i alt", the union of the groups marked
 * as public support), the numerators, denominators and distinct persons of
 * every figure (figures.h turns counts into figures). Counts, not ratios, so
 * areas sum correctly (a cluster is the sum of its municipalities' counts).
 *
 * Definitions follow ../shared/spec/measures.md: see the comments at each
 * field of styr_cell and in the accumulators (acc_*.c). */
#ifndef STYR_ENGINE_H
#define STYR_ENGINE_H

#include <stdint.h>

#include "../core/diag.h"
#include "../panel/panel.h"
#include "../ws/codes.h"
#include "filter.h"
#include "pset.h"
#include "rules.h"

#define STYR_NHORIZONS 4
extern const int styr_horizons[STYR_NHORIZONS]; /* 4, 13, 26, 52 weeks */

/* Status after (spec §5, with education): public support first, then education
 * (a week on SU, the group codes.h yd_edu, counts as education even with paid
 * hours: a student job goes with the study), then job (hours), else
 * selvforsørget. Education and job are both without public support, so
 * selvforsørget in the spec's sense (no public support) is JOB + UDD + SELV. */
enum { STYR_ST_JOB, STYR_ST_SELV, STYR_ST_YDELSE, STYR_ST_UDD, STYR_ST_NOTYET, STYR_NSTATUS };

/* What a group is to the status after: STYR_YK_PUBLIC (public support),
 * STYR_YK_EDU (education: SU), 0 neither. */
enum { STYR_YK_NONE, STYR_YK_PUBLIC, STYR_YK_EDU };

/* The table: kind[g] for every group g of codes (kind has STYR_MAX_CODES entries). */
void styr_kind_yd(const styr_codes *codes, uint8_t *kind);

/* The measurable endings among status counts st[STYR_NSTATUS]. */
static inline uint32_t styr_status_measurable(const uint32_t *st)
{
    return st[STYR_ST_JOB] + st[STYR_ST_SELV] + st[STYR_ST_YDELSE] + st[STYR_ST_UDD];
}

/* The counts behind every figure, for one (period, municipality, group). */
typedef struct styr_cell {
    /* spec §3: weeks in the period with this municipality and group */
    uint32_t weeks, active, persons;
    /* the same for weeks in which the person is under 30 (on the Thursday) */
    uint32_t y_weeks, y_active, y_persons;
    /* spec §4: spells that started / ended in the period (ended: ongoing excluded),
     * with the distinct persons behind them and the sum of ended lengths */
    uint32_t started, started_p, ended, ended_p;
    uint64_t ended_len;
    /* spec §4 langvarige: spells in progress in the period's last week (the person
     * is in the group that week), and of those, with length so far > 52 weeks */
    uint32_t inprog, inprog_long;
    /* spec §5: status 4, 13, 26 and 52 weeks after each ended spell, and the
     * distinct persons behind the measurable endings at each horizon */
    uint32_t status[STYR_NHORIZONS][STYR_NSTATUS];
    uint32_t status_p[STYR_NHORIZONS];
    /* spec refusion.md: gross cost (weeks x the group's rate for the week's year),
     * the municipality's net cost under each regime of the rules and under the
     * regime in force each week (index nreg, "auto"), the net cost by step of the
     * trappe under the trappe regime, the weeks counted in each step (the 2016
     * counter), and the weeks without a rate */
    double gross;
    double net[STYR_MAXREG + 1];
    double net_step[STYR_MAXSTEPS];
    uint32_t weeks_step[STYR_MAXSTEPS];
    uint32_t weeks_norate;
} styr_cell;

typedef struct styr_cube {
    int np, nk, ng;            /* periods, municipalities + 1 (the country), groups (0 = all public) */
    styr_cell *cell;           /* [np][nk][ng] */
    uint64_t panel_checksum;
    int panel_last;            /* the panel's last week (spells ending within 3 weeks are ongoing) */
} styr_cube;

static inline styr_cell *styr_cube_at(const styr_cube *c, int p, int k, int g)
{
    return &c->cell[((size_t)p * (size_t)c->nk + (size_t)k) * (size_t)c->ng + (size_t)g];
}

void styr_cube_free(styr_cube *c); /* NULL-safe */

/* ---- what accumulators see ------------------------------------------------------ */

/* A spell (spec §4) of one group, of a union of groups (codes.h yd_union: it
 * runs on across a change between its parts), or of all public support (group 0). */
typedef struct styr_spell {
    uint16_t start, end;       /* first and last week in the group */
    uint8_t kom;               /* municipality of the last week in the group */
    uint8_t group;
    uint8_t ongoing;           /* ends within 3 weeks of the panel's last week */
    uint8_t sel;               /* with a filter: 1 its first week passes, 2 its last week does (else 3) */
} styr_spell;

enum { STYR_SEL_START = 1, STYR_SEL_END = 2 };

typedef struct styr_visit {
    uint64_t person;
    const styr_cols *c;
    uint64_t r0, r1;           /* the person's runs */
    int w30;                   /* first week aged 30 or more; 0 when the age is unknown (never young) */
    const styr_spell *spells;  /* every spell of the person, all groups */
    int nspells;
    const uint16_t *start_g;   /* per run: start of the spell (of the run's group) the run is in */
    const uint16_t *start_all; /* per run: start of the public-support spell, if public */
    const uint16_t *start_u;   /* per run: start of the spell of the union the run's group is part of, if any */
    const uint32_t *n0;        /* per run: the 2016 trappe count before the run (covered runs;
                                  UINT32_MAX otherwise); NULL when the counter is off */
    /* the filter (filter.h): a week counts when its run is in (in NULL: every
     * run) and it lies in [fw0, fw1]; without a filter in is NULL and the
     * window holds every week */
    const uint8_t *in;         /* per run */
    int fw0, fw1;
    int filtered;              /* a filter is on (else every week passes) */
} styr_visit;

/* Whether week t of run r (r - v->r0 into in) passes the visit's filter. */
static inline int styr_visit_in(const styr_visit *v, uint64_t r, int t)
{
    return !v->filtered || ((!v->in || v->in[r - v->r0]) && t >= v->fw0 && t <= v->fw1);
}

typedef struct styr_acc_ctx {
    const styr_pset *ps;
    const styr_codes *codes;
    const styr_cols *c;
    int nk, ng;                /* as in the cube */
    int panel_last;
    const uint8_t *public_yd;  /* [nyd]: the group counts as public support (never a union) */
    const uint8_t *union_yd;   /* [nyd]: the union a group is part of, 0 none */
    const styr_rules *rules;   /* rates and refusion; NULL: neither money nor the trappe */
    int money;                 /* money figures (amounts); else, with rules, only the trappe counter */
    const uint32_t *thu;       /* Thursday (YYYYMMDD) of every week up to past the panel */
    void *user;                /* the extra accumulator's input and output (engine opts) */
    const styr_filter *filter; /* NULL: every week counts */
    const uint8_t *kind_yd;    /* [nyd]: STYR_YK_PUBLIC, STYR_YK_EDU or 0 (status after) */
} styr_acc_ctx;

/* An accumulator. state_size bytes are allocated (zeroed) per thread. */
typedef struct styr_acc {
    const char *name;
    size_t state_size;
    void (*init)(void *state, const styr_acc_ctx *x);
    void (*visit)(void *state, const styr_acc_ctx *x, const styr_visit *v);
    void (*merge)(void *into, const void *from, const styr_acc_ctx *x);
    void (*finish)(const void *state, const styr_acc_ctx *x, styr_cube *out);
    void (*free)(void *state);
} styr_acc;

extern const styr_acc styr_acc_level;   /* acc_level.c: weeks, active, persons, unge */
extern const styr_acc styr_acc_spells;  /* acc_spells.c: started, ended, varighed, status after */
extern const styr_acc styr_acc_long;    /* acc_long.c: langvarige */
extern const styr_acc styr_acc_money;   /* acc_money.c: gross, net by regime, the 2016 trappe */

/* Status of a person in week t (spec §5): job, uddannelse, selvforsørget or
 * ydelse (kind_yd as styr_acc_ctx's); the caller checks measurability (t <=
 * the panel's last week). */
int styr_status_at(const styr_cols *c, uint64_t r0, uint64_t r1, int t, const uint8_t *kind_yd);

/* The first run of [r0, r1) that starts after week w (r1 when none). */
uint64_t styr_run_after(const styr_cols *c, uint64_t r0, uint64_t r1, int w);

/* Status in week t given r, the first run that does not end before t. */
static inline int styr_status_in(const styr_cols *c, uint64_t r, uint64_t r1, int t, const uint8_t *kind_yd)
{
    if (r >= r1 || (int)c->start[r] > t) return STYR_ST_SELV; /* no record that week */
    int k = kind_yd[c->yd[r]];
    if (k == STYR_YK_PUBLIC) return STYR_ST_YDELSE;
    if (k == STYR_YK_EDU) return STYR_ST_UDD;
    return c->timer[r] > 0 ? STYR_ST_JOB : STYR_ST_SELV;
}

/* ---- running ---------------------------------------------------------------------- */

typedef struct styr_engine_opts {
    int threads;               /* 0: all cores */
    const styr_rules *rules;   /* with rules: derive the 2016 trappe count of every covered run */
    int money;                 /* with rules: the money figures (gross, net by regime, by trappe step) */
    /* one more accumulator in the same pass (e.g. the offers and effect tables of
     * acc_offers.c): its finish writes to user, not to the cube */
    const styr_acc *extra;
    void *user;
    int only_extra;            /* skip the key-figure accumulators (the cube stays zero) */
    const styr_filter *filter; /* count only the weeks that pass (filter.h); NULL: all */
} styr_engine_opts;

/* Compute the cube for the periods of ps. The caller frees it with styr_cube_free. */
styr_rc styr_engine_run(const styr_panel *p, const styr_codes *codes, const styr_pset *ps,
                        const styr_engine_opts *o, styr_cube *out, styr_diags *d);

#endif
