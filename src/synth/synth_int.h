/* synth_int: what the life-course simulation's files share (synth.c, the
 * world of styr synth; synth_effekt.c, the planted effects and their true
 * size). Internal to src/synth. */
#ifndef STYR_SYNTH_INT_H
#define STYR_SYNTH_INT_H

#include <stdint.h>
#include <stdlib.h>

#include "../calc/engine.h"
#include "../core/diag.h"
#include "../core/week.h"
#include "../ws/codes.h"
#include "rng.h"
#include "synth.h"
#include "synth_attr.h"

typedef struct wcode { const char *code; double w; } wcode;

/* A benefit group: spell length (lognormal median and log-sd, weeks), the
 * chance a spell has offers and which, the chance an exit goes to a job, and
 * where the other exits go ("JOB", "OUT" or a group). */
typedef struct gparam {
    const char *code;
    double median, sigma;
    int maxlen;            /* 0: no cap */
    double act;
    wcode offer[5];
    double job;
    wcode other[5];
    int hours;             /* weekly hours while on the group (fleksjob), else 0 */
} gparam;

#define NGROUPS 12
extern const gparam synth_groups[NGROUPS];

enum { S_JOB = -1, S_OUT = -2 };

/* "never": below every simulated week (a burn-in before 1990 has negative weeks) */
#define NO_WEEK (-1000000)

typedef struct kparam {
    double risk, dur, act, job;
    int cluster;
} kparam;

typedef struct synth_ctx {
    const styr_codes *codes;
    int gyd[NGROUPS];            /* ydelse index of each group, 0 when not in the workspace */
    int gof[NGROUPS][5];         /* tilbud index of each offer kind */
    int first_week, last_week;   /* simulated span, burn-in included */
    int show_first;              /* the first week written (the first week of `from`) */
    int nkom;
    kparam kp[STYR_MAX_KOMMUNER];
    double lvl[STYR_MAX_KOMMUNER];    /* published share on public support / national */
    double refpop[STYR_MAX_KOMMUNER]; /* reference population 16-66 (year `to`) */
    double scale[STYR_MAX_KOMMUNER];  /* fraction of refpop simulated (scale modes) */
    double *cum;                 /* cumulative population weights by municipality */
    int *region_of;              /* region number of each municipality */
    double *cum_region[8];       /* cumulative weights within each region */
    int nregions;
    uint32_t *thu;               /* Thursday YYYYMMDD of each simulated week */
    double *cyc;                 /* --konjunktur: crisis intensity (0-1) of each simulated week, or NULL */
    int cyc_a, cyc_b;            /* the weeks [cyc_a, cyc_b) where cyc > 0 */
    /* the reform of 1 July 2025 (lov nr. 1655 af 30. december 2024): from its week
     * on, recipients of the groups it replaces are on the new kontanthjælp */
    int reform_week, yd_ny;
    int yd_udd;                  /* the education group (SU), 0 when the workspace has none */
    uint8_t replaced[STYR_MAX_CODES];
    uint8_t kind_yd[STYR_MAX_CODES]; /* public support, education or neither (styr_kind_yd) */
} synth_ctx;

typedef struct srun { int start, len; uint8_t kom, yd, tb, vis, team; uint16_t timer; } srun;

/* Planted effects (styr synth --effekt), by tilbud index: the target in
 * percentage points; first offers and of them moved into work, in all and by
 * kind, group and year of the start. */
#define NPLANT 8   /* offer kinds (tilbud indexes) that can carry an effect */
typedef struct truth_cell { uint64_t n, j1, j0, s1, s0; } truth_cell;
#define NTRUTH_KINDS 32 /* offer kinds (tilbud indexes) whose true effect is kept */
typedef struct plant {
    double pp[NPLANT];
    int unobserved;       /* --effekt-selektion: who gets an offer also depends on the unobserved risk */
    int year0, nyears;    /* the truth's years */
    truth_cell *truth;    /* [NTRUTH_KINDS][NGROUPS][nyears][STYR_NHORIZONS]: the treated measurable at the
                             horizon, in work and self-supporting with (1) and without (0) the offer */
    uint64_t first[NPLANT], moved[NPLANT];
    uint64_t first_y[NPLANT][NGROUPS][STYR_YEAR_MAX - STYR_YEAR_MIN + 1];
    uint64_t moved_y[NPLANT][NGROUPS][STYR_YEAR_MAX - STYR_YEAR_MIN + 1];
} plant;

typedef struct sim {
    styr_rng rng;
    plant *pl;            /* NULL: nothing planted */
    int job_until;        /* a planted job lasts at least to this week */
    const synth_ctx *X;
    int t, tend;
    int kom;
    uint32_t birth;
    int sex;
    double risk;
    int insured;
    srun *v;
    size_t n, cap;
    struct { int week, kom; } mv[16];
    int nmv;
    int benefit;          /* a benefit week was written (in the shown span) */
    int ben_end;          /* the week after the last benefit week so far */
    uint64_t cut;         /* runs cut (in part or whole) by the start of the shown span */
    styr_sattr attr;      /* visitation and teams (synth_attr.h) */
    /* --effekt (synth_effekt.c) */
    styr_rng orng;        /* who gets an offer, when and which: a stream of its own */
    int cf;               /* simulating a counterfactual: no truth kept, no quota counted */
    int es_last[NGROUPS], es_start[NGROUPS], es_off[NGROUPS]; /* the engine's spell of each group (spec §4):
                             its last week so far, its start, whether its first offer has started */
    struct synth_event *ev;   /* this person's first offers, with their counterfactual status */
    size_t nev, evcap;
    srun *scratch;        /* the counterfactual's weeks */
    size_t scap;
} sim;

int synth_group_by_code(const char *code);
int synth_age_at(const sim *s, int week);
void synth_emit(sim *s, int start, int len, int yd, int tb, int timer);
int synth_pick(styr_rng *r, const wcode *w, int max);
int synth_dest_of(const char *code);
int synth_job(sim *s);
int synth_out(sim *s);
void synth_maybe_move(sim *s);
int synth_spell(sim *s, int g, int residual);
void synth_emit_spell(sim *s, int D, const int *os, const int *oe, const int *ok, int no, int g0, int g1, int yd,
                      int hours);

/* --effekt (synth_effekt.c). A spell of group g in the world of planted
 * effects: who starts a first offer, and when, depends only on what styr
 * effect matches on (a weekly hazard by group, the engine's spell week in
 * styr effect's bands, the week's age band, sex and cluster; with
 * pl->unobserved also on the unobserved risk); offers of a kind without a
 * planted effect change nothing; the planted kinds move the person into work
 * 13 weeks after the start (a quota of pp pct. of the first offers, by group
 * and year). Every first offer in the shown span forks a counterfactual (the
 * same person, the same draws, no offer that week: the hazard goes on), whose
 * status at 4, 13, 26 and 52 weeks is kept beside the person's own. */
int synth_spell_effekt(sim *s, int g, int residual);
/* Before a person: reset the spell tracking. After: add the person's first
 * offers to the truth (the factual status read from the person's weeks). */
void synth_effekt_person_start(sim *s);
void synth_effekt_person_end(sim *s);
/* The truth as CSV (ydelse;tilbud;aar;uger;behandlede;...), atomically. */
styr_rc synth_effekt_write(const synth_ctx *X, const plant *pl, const char *path, styr_diags *d);

#endif
