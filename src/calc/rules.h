/* rules: rates and refusion regimes as data (spec/refusion.md).
 *
 * The catalog's satser (kr. per full-time week per year and group), regimer
 * (each regime's first and last week) and refusion (the rules) are compiled
 * into lookup tables. A rule gives the municipal share s of a week's gross
 * amount for a regime, a refusion class (from ydelser.csv) or '*', an offer
 * ('passiv', 'tilbud' for any, a tilbud code, or '*'), and optionally an
 * interval of a counter: 'forloebsuge', the week of the person's spell in the
 * group (sygedagpenge in 2011), or 'trappe', the person's count of covered
 * weeks (the 2016 staircase). The first rule that matches applies; a week no
 * rule matches costs the municipality everything (s = 1). A corrected
 * percentage or a new regime is a change to data/refusion.csv and
 * data/regimer.csv, not to code. */
#ifndef STYR_RULES_H
#define STYR_RULES_H

#include <math.h>

#include "../ws/workspace.h"

#define STYR_MAXREG 5          /* regimes (the cube holds one more: auto) */
#define STYR_MAXSTEPS 6        /* intervals of the trappe counter */
#define STYR_RATE_Y0 1990
#define STYR_RATE_NY 110

typedef enum { STYR_CNT_NONE = 0, STYR_CNT_SPELLWEEK = 1, STYR_CNT_TRAPPE = 2 } styr_counter;

typedef struct styr_rule {
    int regime;                /* index */
    int klasse;                /* class index, -1 for '*' */
    int tilbud;                /* tilbud index, -1 '*', -2 'passiv', -3 'tilbud' (any offer) */
    styr_counter cnt;
    int lo, hi;                /* counter interval, inclusive */
    double s;                  /* municipal share */
} styr_rule;

typedef struct styr_rules {
    int nreg;
    char regname[STYR_MAXREG][16];
    int reg_first[STYR_MAXREG], reg_last[STYR_MAXREG]; /* week indexes */
    int nrules;
    styr_rule rule[128];
    int nclass;
    char classname[16][24];
    int yd_class[STYR_MAX_CODES];      /* class index of each ydelse (-1: none) */
    uint8_t yd_trappe[STYR_MAX_CODES]; /* counts toward the trappe */
    uint8_t yd_spellweek[STYR_MAX_CODES]; /* some rule for the group reads the spell week */
    double rate[STYR_RATE_NY][STYR_MAX_CODES]; /* kr. per full-time week; NAN = missing */
    /* the trappe regime's counter intervals: the steps of the staircase */
    int trappe_regime;                 /* -1 when no regime uses the trappe */
    int nsteps;
    int step_lo[STYR_MAXSTEPS], step_hi[STYR_MAXSTEPS];
    /* counter values at which some rule's interval starts or ends (segment cuts) */
    int ncut[3];
    int cut[3][64];
    /* candidates: rules of regime r that can match ydelse y and tilbud t, in order */
    uint16_t cand_off[STYR_MAXREG][STYR_MAX_CODES][STYR_MAX_CODES];
    uint8_t cand_n[STYR_MAXREG][STYR_MAX_CODES][STYR_MAX_CODES];
    uint8_t cand[STYR_MAXREG * STYR_MAX_CODES * 16];
    int ncand;
} styr_rules;

/* Load from the catalog (or, for a workspace made before the rules existed,
 * from the tables built into styr). */
styr_rc styr_rules_load(styr_ws *ws, styr_rules *r, styr_diags *d);

/* The municipal share of a week: regime index, ydelse, tilbud, the week of the
 * spell in the group (1-based) and the trappe count n (0 when not counted). */
static inline double styr_rules_share(const styr_rules *r, int reg, int yd, int tb, int spellweek, int n)
{
    const uint8_t *c = &r->cand[r->cand_off[reg][yd][tb]];
    for (int i = 0; i < r->cand_n[reg][yd][tb]; i++) {
        const styr_rule *x = &r->rule[c[i]];
        int v = x->cnt == STYR_CNT_NONE ? 0 : x->cnt == STYR_CNT_SPELLWEEK ? spellweek : n;
        if (x->cnt == STYR_CNT_NONE || (v >= x->lo && v <= x->hi)) return x->s;
    }
    return 1.0;
}

/* The regime in force in a week, or -1. */
static inline int styr_rules_regime_of(const styr_rules *r, int week)
{
    for (int i = 0; i < r->nreg; i++)
        if (week >= r->reg_first[i] && week <= r->reg_last[i]) return i;
    return -1;
}

/* The rate of a group in the year of a week's Thursday (NAN when missing). */
static inline double styr_rules_rate(const styr_rules *r, int year, int yd)
{
    if (year < STYR_RATE_Y0 || year >= STYR_RATE_Y0 + STYR_RATE_NY) return NAN;
    return r->rate[year - STYR_RATE_Y0][yd];
}

/* The trappe step (0-based) of count n, or -1. */
static inline int styr_rules_step(const styr_rules *r, int n)
{
    for (int i = 0; i < r->nsteps; i++)
        if (n >= r->step_lo[i] && n <= r->step_hi[i]) return i;
    return -1;
}

/* The index of a regime by name, or -1. */
int styr_rules_find(const styr_rules *r, const char *name);

#endif
