/* sdc: primary and secondary suppression by hypercubes over the base cells. */
#include "sdc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../core/mem.h"
#include "../core/week.h"
#include "../ws/catalog.h"
#include "engine.h"

styr_sdc_fam styr_sdc_family(styr_fig f)
{
    switch (f) {
    case FIG_FULDTIDSPERSONER: case FIG_PERSONER: case FIG_AKTIVERINGSGRAD: case FIG_ANDEL: return SDC_LEVEL;
    case FIG_U_FULDTIDSPERSONER: case FIG_U_PERSONER: case FIG_U_AKTIVERINGSGRAD: case FIG_U_ANDEL: return SDC_YOUNG;
    case FIG_STARTET: return SDC_STARTED;
    case FIG_AFSLUTTET: case FIG_VARIGHED: case FIG_IKKE_MAALBARE_3MDR: return SDC_ENDED;
    case FIG_LANGVARIGE: return SDC_LONG;
    case FIG_JOB_4U: case FIG_SELV_4U: case FIG_UDD_4U: case FIG_JOBUDD_4U: return SDC_H4;
    case FIG_JOB_3MDR: case FIG_SELV_3MDR: case FIG_UDD_3MDR: case FIG_JOBUDD_3MDR: return SDC_H13;
    case FIG_JOB_6MDR: case FIG_SELV_6MDR: case FIG_UDD_6MDR: case FIG_JOBUDD_6MDR: return SDC_H26;
    default: return SDC_H52;
    }
}

/* ---- the counts a pattern rests on ------------------------------------------------- */

/* The part of an engine cell the pattern reads (the cube of a whole panel is
 * large; a dimension's pattern holds one per category). */
typedef struct scell {
    uint32_t weeks, active, persons, y_weeks, y_active, y_persons;
    uint32_t started, started_p, ended, ended_p, inprog;
    uint32_t st[STYR_NHORIZONS];       /* measurable endings: job + uddannelse + selvforsørget + ydelse */
    uint32_t status_p[STYR_NHORIZONS];
} scell;

typedef struct scube {
    int np, nk, ng;
    scell *cell;
} scube;

static scell *scube_at(const scube *c, int p, int k, int g)
{
    return &c->cell[((size_t)p * (size_t)c->nk + (size_t)k) * (size_t)c->ng + (size_t)g];
}

static void scube_from(scube *o, const styr_cube *c)
{
    o->np = c->np, o->nk = c->nk, o->ng = c->ng;
    size_t n = (size_t)c->np * (size_t)c->nk * (size_t)c->ng;
    o->cell = styr_xmalloc(n * sizeof *o->cell + 1);
    for (size_t i = 0; i < n; i++) {
        const styr_cell *x = &c->cell[i];
        scell *y = &o->cell[i];
        *y = (scell){x->weeks, x->active, x->persons, x->y_weeks, x->y_active, x->y_persons,
                     x->started, x->started_p, x->ended, x->ended_p, x->inprog, {0}, {0}};
        for (int h = 0; h < STYR_NHORIZONS; h++) {
            y->st[h] = styr_status_measurable(x->status[h]);
            y->status_p[h] = x->status_p[h];
        }
    }
}

static void scube_free(scube *c)
{
    free(c->cell);
    c->cell = NULL;
}

/* ---- the build's working state ------------------------------------------------------ */

typedef struct build {
    styr_sdc *s;
    const scube *cube;              /* [nspan][nkom + 1][ng] */
    const uint8_t *public_g;        /* [ng]: group g (g >= 1) is part of group 0 (never a union) */
    const uint8_t *union_g;         /* [ng]: the union group g is part of, 0 none (codes.h yd_union) */
    int fam;
    int W0, W1;                     /* weeks covered by spans */
    int *wspan;                     /* [W1 - W0 + 1]: the span of the single week, -1 none */
    int *wmonth;                    /* [W1 - W0 + 1]: the span of the calendar month of the week */
    int **ends_at, *nends, **starts_at, *nstarts; /* spans by last / first week (index w - W0) */
    uint32_t *P;                    /* [nspan][nks][ng]: persons behind family fam */
    uint8_t *supp;                  /* [nspan][nks][ng] */
    uint8_t *money;                 /* the same for the money figures (with the level) */
    uint8_t *seen;                  /* [nspan][nks][ng]: changed by a cube already (its own witness) */
    uint8_t *cap;                   /* [W1 - W0 + 1][nkom][ng]: what a corner can give or take (can()) */
    int *aff;                       /* scratch: affected spans */
    int fallbacks;
    /* a split (calc/sdc_filter.c): a cube moves a unit between two categories
     * at every corner, from the current table (A, above) to a partner (B) at the
     * corners of one parity and back at the others, so the unfiltered table
     * stays; the partner's cells change too */
    int split;
    const uint8_t *cap2;
    uint8_t *supp2, *seen2, *money2;
    uint8_t *ymark, *ymark2;        /* a split of the young: the level cells it changes */
    int only_move;                  /* -1, or the one move a lifted cube may make */
    struct rec *recs;               /* the unfiltered table's cubes, when recording */
    size_t nrec, caprec;
    int recording;
    int noseen;                     /* marks that are no cube's alternative: a cell hidden so is not its own witness */
} build;

/* A cube of the unfiltered table as chosen, for lifting it into the categories
 * (one witness each; mv the move made, -1 for a fallback that adds a unit). */
typedef struct rec {
    int p[2], np, g[2], ng, wit[2], mv;
} rec;

static size_t at(const styr_sdc *s, int span, int a, int g)
{
    return ((size_t)span * (size_t)s->nks + (size_t)a) * (size_t)s->ng + (size_t)g;
}

static int add_over_groups(int fam) { return fam == SDC_LEVEL || fam == SDC_YOUNG; }

static int is_union(const build *b, int g)
{
    for (int h = 1; h < b->s->ng; h++)
        if (b->union_g[h] == g) return 1;
    return 0;
}

/* Only the level is published by week. The young, spells, their status after
 * and langvarige are published by month and longer periods: a week's cell of
 * them rests on a handful of persons almost everywhere, so it would be
 * suppressed anyway and would make every month's protection costly (global
 * recoding). For these the smallest published unit, the atom a hypercube
 * moves units between, is the month (langvarige, a point in time, is read in
 * a period's last week, which for a month and longer is a month's last). */
static int weekly(int fam) { return fam == SDC_LEVEL; }
static int by_month(int fam) { return fam != SDC_LEVEL && fam != SDC_LONG; }

/* The family's additive base measure of a cell, and the persons behind it. */
static uint32_t base_of(int fam, const scell *c)
{
    switch (fam) {
    case SDC_LEVEL: return c->weeks;
    case SDC_YOUNG: return c->y_weeks;
    case SDC_STARTED: return c->started;
    case SDC_ENDED: return c->ended;
    case SDC_LONG: return c->inprog;
    default: return c->st[fam - SDC_H4];
    }
}

static uint32_t persons_of(int fam, const scell *c)
{
    switch (fam) {
    case SDC_LEVEL: return c->persons;
    case SDC_YOUNG: return c->y_persons;
    case SDC_STARTED: return c->started_p;
    case SDC_ENDED: return c->ended_p;
    case SDC_LONG: return c->inprog;
    default: return c->status_p[fam - SDC_H4];
    }
}

static int year_ix(const styr_sdc *s, int span)
{
    int y = styr_week_year(s->last[span]) - s->y0;
    return y < 0 ? 0 : y >= s->ny ? s->ny - 1 : y;
}

/* cluster_of is on the hot path: the year index of every span, computed once */
static _Thread_local const int *span_year;

static int cluster_of(const styr_sdc *s, int span, int k)
{
    int y = span_year ? span_year[span] : year_ix(s, span);
    return s->cl_of[(size_t)y * (size_t)s->nkom + (size_t)k];
}

/* X: the base measure of (week, municipality, group), 0 outside the spans. */
static uint32_t X(const build *b, int w, int k, int g)
{
    if (w < b->W0 || w > b->W1) return 0;
    int sp = by_month(b->fam) ? b->wmonth[w - b->W0] : b->wspan[w - b->W0];
    if (sp < 0) return 0;
    return base_of(b->fam, scube_at(b->cube, sp, k, g));
}

/* ---- a hypercube: per dimension one element (single) or two (a pair) ------------ */

typedef struct dim2 {
    int e[2];
    int n;
} dim2;

/* The cell at a corner of the cube (the family's atom: a week, or a month). */
static const scell *corner(const build *b, int w, int k, int g)
{
    if (w < b->W0 || w > b->W1) return NULL;
    int sp = by_month(b->fam) ? b->wmonth[w - b->W0] : b->wspan[w - b->W0];
    return sp < 0 ? NULL : scube_at(b->cube, sp, k, g);
}

/* What a hypercube moves, one unit per corner, taken from the corners of one
 * parity and given to the others, so that no figure published beside the
 * family's changes either:
 *   level      a person-week of a person aged 30 or more, passive or active
 *              (the activation rate is published with the level), so the
 *              young stay; failing that, a young person's week, and then the
 *              young family's cells change too (mark() hides them);
 *   young      a young person's week becomes an older person's week at the
 *              same corner, so the level stays;
 *   the rest   one event (a spell started, ended, measured, in progress). */
enum { MOVE_OLD_PASSIVE, MOVE_OLD_ACTIVE, MOVE_YOUNG_PASSIVE, MOVE_YOUNG_ACTIVE, MOVE_SWAP, MOVE_EVENT };

static int can(const build *b, int move, int take, const scell *c)
{
    if (!take && move != MOVE_SWAP) return 1;
    if (!c) return 0;
    switch (move) {
    case MOVE_OLD_PASSIVE: return (c->weeks - c->active) - (c->y_weeks - c->y_active) > 0;
    case MOVE_OLD_ACTIVE: return c->active - c->y_active > 0;
    case MOVE_YOUNG_PASSIVE: return c->y_weeks - c->y_active > 0;
    case MOVE_YOUNG_ACTIVE: return c->y_active > 0;
    case MOVE_SWAP: return take ? c->y_weeks > 0 : c->weeks - c->y_weeks > 0;
    default: return base_of(b->fam, c) > 0;
    }
}

/* Whether some unit can move along the cube with every table non-negative;
 * *young is set when the move changes the young family as well. */
/* The capabilities of a corner cell as bits: bit m, a unit of move m can be
 * taken from it; bit 7, a unit of the swap can be given to it. */
static uint8_t cap_of(const build *b, const scell *c)
{
    uint8_t m = 0;
    for (int mv = MOVE_OLD_PASSIVE; mv <= MOVE_EVENT; mv++) m |= (uint8_t)(can(b, mv, 1, c) << mv);
    return (uint8_t)(m | can(b, MOVE_SWAP, 0, c) << 7);
}

static void caps_fill(build *b)
{
    const styr_sdc *s = b->s;
    for (int w = b->W0; w <= b->W1; w++)
        for (int k = 0; k < s->nkom; k++)
            for (int g = 0; g < s->ng; g++) {
                const scell *c = corner(b, w, k, g);
                b->cap[((size_t)(w - b->W0) * (size_t)s->nkom + (size_t)k) * (size_t)s->ng + (size_t)g] = c ? cap_of(b, c) : 0;
            }
}

static int feasible_move(const build *b, dim2 p, dim2 k, dim2 g, int *mv)
{
    static const int level[] = {MOVE_OLD_PASSIVE, MOVE_OLD_ACTIVE, MOVE_YOUNG_PASSIVE, MOVE_YOUNG_ACTIVE};
    static const int swap[] = {MOVE_SWAP}, event[] = {MOVE_EVENT};
    const int *moves = b->fam == SDC_LEVEL ? level : b->fam == SDC_YOUNG ? swap : event;
    int nmoves = b->fam == SDC_LEVEL ? 4 : 1;
    int only[1];
    if (b->split) only[0] = MOVE_EVENT, moves = only, nmoves = 1;
    else if (b->only_move >= 0) only[0] = b->only_move, moves = only, nmoves = 1;
    const styr_sdc *s = b->s;
    /* the corners once: what each can take, and give */
    uint8_t cc[8], c2[8] = {0};
    unsigned odd = 0;
    int nc = 0;
    for (int i = 0; i < p.n; i++)
        for (int j = 0; j < k.n; j++)
            for (int l = 0; l < g.n; l++, nc++) {
                int w = p.e[i];
                size_t ci = ((size_t)(w - b->W0) * (size_t)s->nkom + (size_t)k.e[j]) * (size_t)s->ng + (size_t)g.e[l];
                cc[nc] = w < b->W0 || w > b->W1 ? 0 : b->cap[ci];
                if (b->split) c2[nc] = w < b->W0 || w > b->W1 ? 0 : b->cap2[ci];
                if ((i + j + l) & 1) odd |= 1u << nc;
            }
    unsigned all = (1u << nc) - 1;
    for (int m = 0; m < nmoves; m++) {
        unsigned can_take = 0, can_give = moves[m] == MOVE_SWAP || b->split ? 0 : all;
        for (int x = 0; x < nc; x++) {
            can_take |= (unsigned)(cc[x] >> moves[m] & 1) << x;
            if (b->split) can_give |= (unsigned)(c2[x] >> MOVE_EVENT & 1) << x;
            else if (moves[m] == MOVE_SWAP) can_give |= (unsigned)(cc[x] >> 7 & 1) << x;
        }
        for (int par = 0; par < 2; par++) {
            unsigned take = par ? odd : all & ~odd; /* the corners that lose a unit */
            if ((can_take & take) == take && (can_give & (all & ~take)) == (all & ~take)) {
                if (mv) *mv = moves[m];
                return 1;
            }
        }
    }
    return 0;
}

static int feasible(const build *b, dim2 p, dim2 k, dim2 g) { return feasible_move(b, p, k, g, NULL); }

/* The spans the period part of a cube changes. */
static int affected_spans(build *b, dim2 p)
{
    const styr_sdc *s = b->s;
    int n = 0;
    if (b->fam == SDC_LONG) { /* a point in time: every span ending that week is the same cell */
        int w = p.e[0] - b->W0;
        for (int i = 0; i < b->nends[w]; i++) b->aff[n++] = b->ends_at[w][i];
        return n;
    }
    if (p.n == 2 && p.e[1] == p.e[0] + 1) {
        int w = p.e[0] - b->W0;
        for (int i = 0; i < b->nends[w]; i++) b->aff[n++] = b->ends_at[w][i];
        for (int i = 0; i < b->nstarts[w + 1]; i++) b->aff[n++] = b->starts_at[w + 1][i];
        return n;
    }
    if (p.n == 2 && p.e[1] == p.e[0] - 1) {
        int w = p.e[0] - b->W0;
        for (int i = 0; i < b->nstarts[w]; i++) b->aff[n++] = b->starts_at[w][i];
        for (int i = 0; i < b->nends[w - 1]; i++) b->aff[n++] = b->ends_at[w - 1][i];
        return n;
    }
    for (int i = 0; i < s->nspan; i++) {
        int in0 = s->first[i] <= p.e[0] && p.e[0] <= s->last[i];
        int in1 = p.n == 2 && s->first[i] <= p.e[1] && p.e[1] <= s->last[i];
        if (in0 != in1) b->aff[n++] = i;
    }
    return n;
}

/* Mark every cell a witness changes: spans x areas x groups. A witness in the
 * area dimension is a pair (a, b) of municipalities or a single a (b < 0). */
static void mark_areas(build *b, int sp, const int (*wit)[2], int nwit, const int *groups, int ng, int young,
                       uint8_t *money)
{
    styr_sdc *s = b->s;
    for (int w = 0; w < nwit; w++) {
        int a = wit[w][0], c = wit[w][1];
        int areas[6], na = 0;
        int ca = cluster_of(s, sp, a), cc = c >= 0 ? cluster_of(s, sp, c) : -2;
        areas[na++] = a;
        if (c >= 0) areas[na++] = c;
        if (ca != cc) {
            if (ca >= 0) areas[na++] = s->nkom + 1 + ca;
            if (cc >= 0) areas[na++] = s->nkom + 1 + cc;
        }
        if (c < 0) areas[na++] = s->nkom; /* a single changes the country */
        for (int x = 0; x < na; x++)
            for (int y = 0; y < ng; y++) {
                size_t i = at(s, sp, areas[x], groups[y]);
                if (money) {
                    money[i] = 1;
                    if (b->money2) b->money2[i] = 1;
                    continue;
                }
                b->supp[i] = 1;
                if (!b->noseen) b->seen[i] = 1;
                if (b->supp2) b->supp2[i] = 1, b->seen2[i] = 1;
                if (b->ymark) b->ymark[i] = 1;
                if (b->ymark2) b->ymark2[i] = 1;
                if (young) s->bits[SDC_YOUNG][i >> 3] |= (uint8_t)(1u << (i & 7));
            }
    }
}

/* Hide every cell a cube changes: spans x areas x groups. A witness in the
 * area dimension is a pair (a, b) of municipalities or a single a (b < 0).
 * young: the cube moves young persons' weeks, so the young family changes
 * too. For the level, the money figures change where the weeks do, and
 * also where the rates at the corners differ (another group, another year):
 * in all public support, and in the spans holding both weeks. */
static void mark(build *b, dim2 p, const int (*wit)[2], int nwit, dim2 g, int young)
{
    const styr_sdc *s = b->s;
    int ns = affected_spans(b, p);
    int groups[6], ng = 0;
    groups[ng++] = g.e[0];
    if (g.n == 2) groups[ng++] = g.e[1];
    else if (add_over_groups(b->fam) && g.e[0] > 0 && b->public_g[g.e[0]]) groups[ng++] = 0;
    /* a union's weeks are the sum of its parts': a unit moved in a part moves in
     * its union too, unless the cube moves it between two parts of the same union */
    if (add_over_groups(b->fam)) {
        int u0 = g.e[0] > 0 ? b->union_g[g.e[0]] : 0, u1 = g.n == 2 && g.e[1] > 0 ? b->union_g[g.e[1]] : 0;
        if (u0 != u1) {
            if (u0) groups[ng++] = u0;
            if (u1) groups[ng++] = u1;
        }
    }
    for (int i = 0; i < ns; i++) mark_areas(b, b->aff[i], wit, nwit, groups, ng, young, NULL);
    if (b->fam != SDC_LEVEL) return;
    int mg[8], nmg = ng;
    memcpy(mg, groups, sizeof groups);
    if (g.n == 2) mg[nmg++] = 0;
    for (int i = 0; i < ns; i++) mark_areas(b, b->aff[i], wit, nwit, mg, nmg, 0, b->money);
    if (p.n == 2 && styr_week_year(p.e[0]) != styr_week_year(p.e[1]))
        for (int i = 0; i < s->nspan; i++) {
            int lo = p.e[0] < p.e[1] ? p.e[0] : p.e[1], hi = p.e[0] ^ p.e[1] ^ lo;
            if (s->first[i] <= lo && hi <= s->last[i]) mark_areas(b, i, wit, nwit, mg, nmg, 0, b->money);
        }
}

/* Whether the cubes of the witnesses move young persons' weeks. */
static int moves_young(const build *b, dim2 p, const int (*wit)[2], int nwit, dim2 g)
{
    int any = 0, y;
    for (int w = 0; w < nwit; w++) {
        dim2 a = {{wit[w][0], wit[w][1]}, wit[w][1] >= 0 ? 2 : 1};
        if (feasible_move(b, p, a, g, &y)) any |= y == MOVE_YOUNG_PASSIVE || y == MOVE_YOUNG_ACTIVE;
    }
    return any;
}

/* Keep the unfiltered table's cube (each witness with its move) for lifting. */
static void record(build *b, dim2 p, const int (*wit)[2], int nwit, dim2 g, int fallback)
{
    if (!b->recording) return;
    for (int w = 0; w < nwit; w++) {
        dim2 a = {{wit[w][0], wit[w][1]}, wit[w][1] >= 0 ? 2 : 1};
        int mv = -1;
        if (!fallback && !feasible_move(b, p, a, g, &mv)) mv = -1;
        if (b->nrec == b->caprec) {
            b->caprec = b->caprec ? 2 * b->caprec : 1024;
            b->recs = styr_xrealloc(b->recs, b->caprec * sizeof *b->recs);
        }
        b->recs[b->nrec++] = (rec){{p.e[0], p.e[1]}, p.n, {g.e[0], g.e[1]}, g.n, {wit[w][0], wit[w][1]}, mv};
    }
}

/* ---- choosing a hypercube for one primary cell -------------------------------------- */

typedef struct cand {
    int k;
    uint32_t key;
} cand;

static int cand_cmp(const void *x, const void *y)
{
    const cand *a = x, *b = y;
    return a->key < b->key ? -1 : a->key > b->key;
}

#define CAND_MAX 48

/* Municipalities with persons in the span and group, ordered as complements:
 * those of the same cluster (already suppressed first), then the others
 * (already suppressed first); within a class in code order, so that the same
 * complements serve many cells (fewer cells hidden in all than by taking the
 * smallest or the largest first, measured on the demo panel). */
static int kom_cands(const build *b, int sp, int g, int cl, int skip_cluster, int exclude, cand *out)
{
    const styr_sdc *s = b->s;
    int n = 0;
    for (int k = 0; k < s->nkom; k++) {
        int c = cluster_of(s, sp, k);
        if (k == exclude || (skip_cluster && c == cl)) continue;
        uint32_t p = b->P[at(s, sp, k, g)];
        if (!p) continue; /* no persons in the span and group: its corners are empty, or nearly */
        /* the cluster first: a cube within one cluster leaves the cluster's
         * cells as they are, and the cluster is what a municipality reads
         * itself against; among them, and then among the others, the
         * already suppressed first */
        uint32_t cls = (c == cl ? 0u : 2u) + (b->supp[at(s, sp, k, g)] ? 0u : 1u);
        cand x = {k, cls};
        /* keep the best CAND_MAX in order (insertion; n is small) */
        int i = n < CAND_MAX ? n++ : CAND_MAX;
        while (i > 0 && out[i - 1].key > x.key) {
            if (i < CAND_MAX) out[i] = out[i - 1];
            i--;
        }
        if (i < CAND_MAX) out[i] = x;
    }
    return n;
}

/* Try the area options for a fixed period and group part; on success mark and return 1. */
static int try_areas(build *b, int sp, int area, dim2 p, dim2 g, const cand *c, int n, int alone, int (*out)[2], int *nout)
{
    const styr_sdc *s = b->s;
    const int lim = CAND_MAX / 2;
    if (area < s->nkom && alone) { /* the municipality alone: its cluster and the country change too */
        dim2 a = {{area, -1}, 1};
        if (!feasible(b, p, a, g)) return 0;
        out[0][0] = area, out[0][1] = -1, *nout = 1;
        return 1;
    }
    if (area < s->nkom) { /* a municipality: two complements */
        int k1 = area, f[CAND_MAX], nf = 0;
        for (int i = 0; i < n && i < 24 && nf < 12; i++) { /* complements that pair with k1 */
            dim2 a = {{k1, c[i].k}, 2};
            if (feasible(b, p, a, g)) f[nf++] = c[i].k;
        }
        for (int i = 0; i < nf; i++)
            for (int j = i + 1; j < nf; j++) {
                dim2 a3 = {{f[i], f[j]}, 2};
                if (!feasible(b, p, a3, g)) continue;
                int wit[3][2] = {{k1, f[i]}, {k1, f[j]}, {f[i], f[j]}};
                memcpy(out, wit, sizeof wit), *nout = 3;
                return 1;
            }
        return 0;
    }
    if (area == s->nkom) { /* the country: two municipalities, each alone */
        int got[2], ng = 0;
        for (int i = 0; i < n && ng < 2; i++) {
            dim2 a = {{c[i].k, -1}, 1};
            if (feasible(b, p, a, g)) got[ng++] = c[i].k;
        }
        if (ng < 2) return 0;
        int wit[2][2] = {{got[0], -1}, {got[1], -1}};
        memcpy(out, wit, sizeof wit), *nout = 2;
        return 1;
    }
    /* a cluster: two members, each paired with a municipality outside (so a
     * member that knows its own figures cannot pin the cluster); when only
     * one member holds persons, the cluster's units are that member's, and
     * it is paired with two municipalities outside */
    int cl = area - s->nkom - 1;
    int in[STYR_MAX_KOMMUNER], nin = 0, held = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int k = 0; k < s->nkom; k++)
            if (cluster_of(s, sp, k) == cl && (b->P[at(s, sp, k, g.e[0])] > 0) == !pass) in[nin++] = k, held += !pass;
    int wit[2][2], nw = 0, used_out = -1, used_in = -1;
    for (int t = 0; t < 2; t++) {
        for (int i = 0; i < nin && nw == t; i++) {
            if (in[i] == used_in && held > 1) continue;
            for (int j = 0; j < n && j < 4 * lim && nw == t; j++) {
                if (c[j].k == used_out) continue;
                dim2 a = {{in[i], c[j].k}, 2};
                if (!feasible(b, p, a, g)) continue;
                wit[nw][0] = in[i], wit[nw][1] = c[j].k, nw++;
                used_in = in[i], used_out = c[j].k;
            }
        }
    }
    if (nw < 2) return 0;
    memcpy(out, wit, sizeof wit), *nout = nw;
    return 1;
}

static int span_count(const build *b, dim2 p)
{
    if (p.n != 2) return 1 << 20;
    int w = p.e[0] - b->W0;
    if (p.e[1] == p.e[0] + 1) return b->nends[w] + b->nstarts[w + 1];
    return b->nstarts[w] + b->nends[w - 1];
}

static void split_fallback(build *b, int sp, int area, int g);

/* Protect one primary cell; 0 when no cube fits and fallback is off. */
static int protect(build *b, int sp, int area, int g, int fallback)
{
    const styr_sdc *s = b->s;
    dim2 popt[5];
    int np = 0;
    if (b->fam == SDC_LONG) {
        popt[np++] = (dim2){{s->last[sp], 0}, 1};
    } else {
        dim2 end = {{s->last[sp], s->last[sp] + 1}, 2}, start = {{s->first[sp], s->first[sp] - 1}, 2};
        int okend = end.e[1] <= b->W1, okstart = start.e[1] >= b->W0;
        if (okend && okstart && span_count(b, start) < span_count(b, end)) popt[np++] = start, popt[np++] = end;
        else {
            if (okend) popt[np++] = end;
            if (okstart) popt[np++] = start;
        }
        popt[np++] = (dim2){{s->last[sp], 0}, 1};
        if (s->first[sp] != s->last[sp]) popt[np++] = (dim2){{s->first[sp], 0}, 1};
        if (area < s->nkom) { /* the week of the span with most in the cell */
            uint32_t best = 0;
            int wb = -1;
            for (int w = s->first[sp]; w <= s->last[sp]; w++) {
                uint32_t x = X(b, w, area, g);
                if (x > best) best = x, wb = w;
            }
            if (wb >= 0 && wb != s->first[sp] && wb != s->last[sp]) popt[np++] = (dim2){{wb, 0}, 1};
        }
    }
    /* group parts */
    dim2 gopt[2 * STYR_MAX_CODES + 1];
    int ngo = 0, first_single = 0; /* the options that move a unit in one group, from first_single on */
    int k1 = area < s->nkom ? area : -1;
    if (add_over_groups(b->fam) && g > 0 && b->public_g[g]) {
        cand c[STYR_MAX_CODES];
        int n = 0;
        for (int h = 1; h < s->ng; h++)
            if (h != g && b->public_g[h]) {
                int ai = k1 >= 0 ? k1 : area;
                uint32_t key = (b->supp[at(s, sp, ai, h)] ? 0u : 1u << 30) + b->P[at(s, sp, ai, h)];
                c[n++] = (cand){h, key};
            }
        if (n > 1) qsort(c, (size_t)n, sizeof *c, cand_cmp);
        for (int i = 0; i < n; i++) gopt[ngo++] = (dim2){{g, c[i].k}, 2};
        gopt[ngo++] = (dim2){{g, 0}, 1};
    } else if (add_over_groups(b->fam) && g > 0 && b->s->ng > g && is_union(b, g)) {
        /* a union's cell is protected through its parts: the cube moves a unit
         * from a part to a public group outside the union (the part, the union and
         * that group change, all public support stays), or, failing that, in one
         * part (the part, the union and all public support change) */
        cand c[STYR_MAX_CODES], o[STYR_MAX_CODES];
        int n = 0, no = 0, ai = k1 >= 0 ? k1 : area;
        for (int h = 1; h < s->ng; h++)
            if (b->union_g[h] == g) c[n++] = (cand){h, 0xffffffffu - b->P[at(s, sp, area, h)]};
            else if (b->public_g[h])
                o[no++] = (cand){h, (b->supp[at(s, sp, ai, h)] ? 0u : 1u << 30) + b->P[at(s, sp, ai, h)]};
        if (n > 1) qsort(c, (size_t)n, sizeof *c, cand_cmp);
        if (no > 1) qsort(o, (size_t)no, sizeof *o, cand_cmp);
        const int cap = (int)(sizeof gopt / sizeof *gopt) - n;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < no && ngo < cap; j++) gopt[ngo++] = (dim2){{c[i].k, o[j].k}, 2};
        first_single = ngo;
        for (int i = 0; i < n; i++) gopt[ngo++] = (dim2){{c[i].k, 0}, 1};
    } else if (add_over_groups(b->fam) && g == 0) {
        cand c[STYR_MAX_CODES];
        int n = 0;
        int ai = area;
        for (int h = 1; h < s->ng; h++)
            if (b->public_g[h]) c[n++] = (cand){h, 0xffffffffu - b->P[at(s, sp, ai, h)]};
        if (n > 1) qsort(c, (size_t)n, sizeof *c, cand_cmp);
        for (int i = 0; i < n; i++) gopt[ngo++] = (dim2){{c[i].k, 0}, 1};
    } else {
        gopt[ngo++] = (dim2){{g, 0}, 1};
    }
    cand c[STYR_MAX_KOMMUNER];
    int nc;
    if (area < s->nkom) nc = kom_cands(b, sp, g, cluster_of(s, sp, area), 0, area, c);
    else if (area == s->nkom) {
        nc = 0;
        for (int k = 0; k < s->nkom; k++) c[nc++] = (cand){k, 0xffffffffu - b->P[at(s, sp, k, g)]};
        if (nc > 1) qsort(c, (size_t)nc, sizeof *c, cand_cmp);
    } else
        nc = kom_cands(b, sp, g, area - s->nkom - 1, 1, -1, c);
    /* other municipalities of the cluster first; else the municipality alone
     * (when no other has persons in the weeks and group, the cluster and the
     * country hold the cell's units only there) */
    /* the first cube that fits, in the order of the options (cheaper ones
     * first); choosing among all by the cells they hide was tried and hid
     * more in all, as each cell's cheapest cube seldom serves the next */
    int w[3][2], nw;
    for (int alone = 0; alone < (area < s->nkom ? 2 : 1); alone++)
        for (int i = 0; i < np; i++)
            for (int j = 0; j < ngo; j++)
                if (try_areas(b, sp, area, popt[i], gopt[j], c, nc, alone, w, &nw)) {
                    record(b, popt[i], (const int(*)[2])w, nw, gopt[j], 0);
                    mark(b, popt[i], (const int(*)[2])w, nw, gopt[j],
                         !b->split && moves_young(b, popt[i], (const int(*)[2])w, nw, gopt[j]));
                    return 1;
                }
    if (!fallback) return 0;
    if (b->split) {
        split_fallback(b, sp, area, g);
        return 1;
    }
    /* no hypercube of two or three municipalities: one unit more in one base
     * cell of the cell itself is an alternative table too; it changes the
     * cluster and the country, which are hidden with it */
    b->fallbacks++;
    /* group 0 and a union through a part (the first, with most persons) */
    const int via = add_over_groups(b->fam) && (g == 0 || (ngo > first_single && is_union(b, g)));
    int w1 = s->last[sp];
    if (k1 >= 0)
        for (int x = s->first[sp]; x <= s->last[sp]; x++)
            if (X(b, x, k1, via ? gopt[first_single].e[0] : g)) { w1 = x; break; }
    int ka = k1 >= 0 ? k1 : 0;
    if (k1 < 0) /* a cluster or the country: a member with persons */
        for (int k = 0; k < s->nkom; k++)
            if ((area == s->nkom || s->nkom + 1 + cluster_of(s, sp, k) == area) && b->P[at(s, sp, k, g)]) { ka = k; break; }
    int wit[1][2] = {{ka, -1}};
    dim2 pf = {{w1, 0}, 1}, gf = via ? gopt[first_single] : (dim2){{g, 0}, 1};
    record(b, pf, (const int(*)[2])wit, 1, gf, 1);
    mark(b, pf, wit, 1, gf, b->fam == SDC_LEVEL);
    return 1;
}

/* A split's last resort: one unit of A becomes B's in a base cell of the cell
 * (a week or month, a member municipality, a part group with a unit in A); A,
 * B, their clusters and the country change, the unfiltered table does not. */
static void split_fallback(build *b, int sp, int area, int g)
{
    const styr_sdc *s = b->s;
    b->fallbacks++;
    int gs[STYR_MAX_CODES], ngs = 0;
    if (add_over_groups(b->fam) && g == 0) {
        for (int h = 1; h < s->ng; h++)
            if (b->public_g[h]) gs[ngs++] = h;
    } else if (add_over_groups(b->fam) && g > 0 && is_union(b, g)) {
        for (int h = 1; h < s->ng; h++)
            if (b->union_g[h] == g) gs[ngs++] = h;
    } else
        gs[ngs++] = g;
    int w1 = s->last[sp], k1 = area < s->nkom ? area : 0, g1 = gs[0];
    for (int k = 0; k < s->nkom; k++) {
        if (!(k == area || area == s->nkom || (area > s->nkom && s->nkom + 1 + cluster_of(s, sp, k) == area))) continue;
        for (int i = 0; i < ngs; i++)
            for (int x = b->fam == SDC_LONG ? s->last[sp] : s->first[sp]; x <= s->last[sp]; x++)
                if (X(b, x, k, gs[i])) {
                    w1 = x, k1 = k, g1 = gs[i];
                    goto found;
                }
    }
found:;
    int wit[1][2] = {{k1, -1}};
    dim2 pf = {{w1, 0}, 1}, gf = {{g1, 0}, 1};
    mark(b, pf, wit, 1, gf, 0);
}

/* ---- the universe of spans ------------------------------------------------------------ */

static int span_cmp(const void *x, const void *y)
{
    const styr_period *a = x, *b = y;
    if (a->first != b->first) return a->first < b->first ? -1 : 1;
    return (a->last > b->last) - (a->last < b->last);
}

/* Every period of the publishable kinds that touches [wmin, wmax]. */
int styr_sdc_universe(int wmin, int wmax, styr_period **out)
{
    int y0 = styr_week_year(wmin) - 1, y1 = styr_week_year(wmax) + 1;
    styr_period *all = NULL;
    int n = 0;
    for (int kind = STYR_P_YEAR; kind <= STYR_P_YTD; kind++) {
        styr_period *v;
        int m = styr_periods_range((styr_period_kind)kind, y0, y1, &v);
        all = styr_xrealloc(all, (size_t)(n + m) * sizeof *all);
        for (int i = 0; i < m; i++)
            if (v[i].last >= wmin && v[i].first <= wmax) all[n++] = v[i];
        free(v);
    }
    *out = all;
    return n;
}

static void bits_from(styr_sdc *s, int fam, const uint8_t *supp)
{
    size_t n = (size_t)s->nspan * (size_t)s->nks * (size_t)s->ng;
    s->bits[fam] = styr_xcalloc((n + 7) / 8, 1);
    for (size_t i = 0; i < n; i++)
        if (supp[i]) s->bits[fam][i >> 3] |= (uint8_t)(1u << (i & 7));
}

/* A table a pattern is built for: the unfiltered panel, or one category of a
 * dimension (styr_sdc_build_split). */
typedef struct ctx {
    styr_sdc *s;
    scube cube;
    uint8_t *cap;
    uint32_t *P;
    uint8_t *supp, *seen, *money, *ymark;
    int published;
} ctx;

static void set_ctx(build *b, ctx *c)
{
    b->s = c->s, b->cube = &c->cube, b->cap = c->cap, b->P = c->P;
    b->supp = c->supp, b->seen = c->seen, b->money = c->money;
}

static void set_partner(build *b, ctx *c)
{
    b->split = c != NULL;
    b->cap2 = c ? c->cap : NULL;
    b->supp2 = c ? c->supp : NULL, b->seen2 = c ? c->seen : NULL, b->money2 = c ? c->money : NULL;
}

/* The shared state of a build: spans by week, months, the kinds of each span. */
static uint8_t *build_init(build *b, const styr_codes *codes, uint8_t *pub, int wmin, int wmax)
{
    styr_sdc *s = b->s;
    int m = s->nspan;
    for (int g = 1; g < codes->dict.nyd; g++) pub[g] = codes->yd_public[g] && !codes->yd_is_union[g];
    b->public_g = pub, b->union_g = codes->yd_union, b->only_move = -1;
    b->W0 = s->first[0], b->W1 = s->last[0];
    for (int i = 0; i < m; i++) {
        if (s->first[i] < b->W0) b->W0 = s->first[i];
        if (s->last[i] > b->W1) b->W1 = s->last[i];
    }
    int nw = b->W1 - b->W0 + 1;
    b->wspan = styr_xmalloc((size_t)nw * sizeof *b->wspan);
    for (int i = 0; i < nw; i++) b->wspan[i] = -1;
    b->nends = styr_xcalloc((size_t)nw, sizeof *b->nends);
    b->nstarts = styr_xcalloc((size_t)nw, sizeof *b->nstarts);
    b->ends_at = styr_xcalloc((size_t)nw, sizeof *b->ends_at);
    b->starts_at = styr_xcalloc((size_t)nw, sizeof *b->starts_at);
    for (int i = 0; i < m; i++) {
        int e = s->last[i] - b->W0, f = s->first[i] - b->W0;
        if (e == f) b->wspan[e] = i;
        b->ends_at[e] = styr_xrealloc(b->ends_at[e], (size_t)(b->nends[e] + 1) * sizeof(int));
        b->ends_at[e][b->nends[e]++] = i;
        b->starts_at[f] = styr_xrealloc(b->starts_at[f], (size_t)(b->nstarts[f] + 1) * sizeof(int));
        b->starts_at[f][b->nstarts[f]++] = i;
    }
    b->aff = styr_xmalloc((size_t)m * sizeof *b->aff);
    /* the period kinds of each span (a span may be several), and the month of each week */
    uint8_t *kinds = styr_xcalloc((size_t)m, 1);
    b->wmonth = styr_xmalloc((size_t)nw * sizeof *b->wmonth);
    for (int i = 0; i < nw; i++) b->wmonth[i] = -1;
    styr_period *all;
    int na = styr_sdc_universe(wmin, wmax, &all);
    for (int i = 0; i < na; i++) {
        int sp = styr_sdc_span(s, all[i].first, all[i].last);
        if (sp < 0) continue;
        kinds[sp] |= (uint8_t)(1u << all[i].kind);
        if (all[i].kind == STYR_P_MONTH)
            for (int w = all[i].first; w <= all[i].last; w++) b->wmonth[w - b->W0] = sp;
    }
    free(all);
    return kinds;
}

static void build_free(build *b)
{
    int nw = b->W1 - b->W0 + 1;
    free(b->aff);
    for (int i = 0; i < nw; i++) free(b->ends_at[i]), free(b->starts_at[i]);
    free(b->ends_at);
    free(b->starts_at);
    free(b->nends);
    free(b->nstarts);
    free(b->wspan);
    free(b->wmonth);
    free(b->recs);
}

static void ctx_alloc(ctx *c, const build *b, styr_sdc *s)
{
    size_t ncell = (size_t)s->nspan * (size_t)s->nks * (size_t)s->ng;
    c->s = s;
    c->P = styr_xmalloc(ncell * sizeof *c->P);
    c->supp = styr_xmalloc(ncell);
    c->seen = styr_xmalloc(ncell);
    c->money = styr_xcalloc(ncell, 1);
    c->ymark = styr_xcalloc(ncell, 1);
    c->cap = styr_xmalloc((size_t)(b->W1 - b->W0 + 1) * (size_t)s->nkom * (size_t)s->ng);
}

static void ctx_free(ctx *c)
{
    free(c->P), free(c->supp), free(c->seen), free(c->money), free(c->ymark), free(c->cap);
    scube_free(&c->cube);
}

/* A family's primary cells in the current table, and what its corners hold. */
static void fam_init(build *b, int fam, const uint8_t *kinds)
{
    const styr_sdc *s = b->s;
    int m = s->nspan;
    size_t ncell = (size_t)m * (size_t)s->nks * (size_t)s->ng;
    b->fam = fam;
    memset(b->P, 0, ncell * sizeof *b->P);
    memset(b->supp, 0, ncell);
    memset(b->seen, 0, ncell);
    caps_fill(b);
    for (int sp = 0; sp < m; sp++)
        for (int k = 0; k <= s->nkom; k++)
            for (int g = 0; g < s->ng; g++) {
                uint32_t v = persons_of(fam, scube_at(b->cube, sp, k, g));
                b->P[at(s, sp, k, g)] = v;
                int c = k < s->nkom ? cluster_of(s, sp, k) : -1;
                if (c >= 0) b->P[at(s, sp, s->nkom + 1 + c, g)] += v;
            }
    for (size_t i = 0; i < ncell; i++) b->supp[i] = b->P[i] > 0 && b->P[i] < STYR_DISCRETION;
    if (!weekly(fam)) /* not published by week */
        for (int sp = 0; sp < m; sp++)
            if (kinds[sp] == 1u << STYR_P_WEEK) memset(&b->supp[at(s, sp, 0, 0)], 1, (size_t)s->nks * (size_t)s->ng);
}

static void protect_split(build *b, ctx *cats, int ncat, int self, int sp, int a, int g);

/* Protect every primary cell of the current table (self < 0: the unfiltered
 * table; else category self of cats, by splits with the others). */
static void fam_protect(build *b, const uint8_t *kinds, ctx *cats, int ncat, int self)
{
    const styr_sdc *s = b->s;
    int m = s->nspan, fam = b->fam;
    /* larger spans first: their hypercubes hide the small cells they cross */
    for (int pass = 0; pass < 2; pass++)
        for (int sp = m - 1; sp >= 0; sp--)
            for (int a = 0; a < s->nks; a++)
                for (int g = 0; g < s->ng; g++) {
                    uint32_t v = b->P[at(s, sp, a, g)];
                    if (v == 0 || v >= STYR_DISCRETION) continue;
                    int len = s->last[sp] - s->first[sp];
                    if ((pass == 0) != (len > 0)) continue;
                    if (!weekly(fam) && kinds[sp] == 1u << STYR_P_WEEK) continue;
                    /* a municipality's cell that an earlier cube changed has that cube
                     * (and its partners) as its own witness */
                    if (a < s->nkom && b->seen[at(s, sp, a, g)]) continue;
                    if (self < 0) protect(b, sp, a, g, 1);
                    else protect_split(b, cats, ncat, self, sp, a, g);
                }
}

/* The family's bits from the current table, and its counts. */
static void fam_finish(build *b, const uint8_t *kinds)
{
    styr_sdc *s = b->s;
    int m = s->nspan, fam = b->fam;
    size_t ncell = (size_t)m * (size_t)s->nks * (size_t)s->ng;
    if (fam == SDC_LONG) /* a month's last week is the month's point in time: the same cell */
        for (int sp = 0; sp < m; sp++) {
            if (kinds[sp] != 1u << STYR_P_WEEK) continue;
            int w = s->last[sp] - b->W0, month = b->wmonth[w];
            if (month < 0 || s->last[month] != s->last[sp]) continue;
            memcpy(&b->supp[at(s, sp, 0, 0)], &b->supp[at(s, month, 0, 0)], (size_t)s->nks * (size_t)s->ng);
        }
    if (fam == SDC_LEVEL) {
        for (size_t i = 0; i < ncell; i++) b->money[i] |= b->supp[i];
        free(s->bits[SDC_MONEY]);
        bits_from(s, SDC_MONEY, b->money);
        s->stats.fallbacks[SDC_MONEY] = (uint64_t)b->fallbacks;
    }
    free(s->bits[fam]);
    bits_from(s, fam, b->supp); /* the young family's bits may still grow by the level's cubes */
    s->stats.fallbacks[fam] = (uint64_t)b->fallbacks;
    b->fallbacks = 0;
    for (int t = 0; t < (fam == SDC_LEVEL ? 2 : 1); t++) {
        int f2 = t ? SDC_MONEY : fam;
        for (int sp = 0; sp < m; sp++)
            for (int a = 0; a < s->nks; a++)
                for (int g = 0; g < s->ng; g++) {
                    uint32_t v = b->P[at(s, sp, a, g)];
                    for (int kind = 0; kind < 6; kind++) {
                        if (!(kinds[sp] >> kind & 1)) continue;
                        s->stats.cells[f2][kind]++;
                        s->stats.nonzero[f2][kind] += v > 0;
                        s->stats.primary[f2][kind] += v > 0 && v < STYR_DISCRETION;
                    }
                }
    }
}

/* suppressed cells with persons behind them, from the final bits */
static void stats_final(styr_sdc *s, const scube *cube, const uint8_t *kinds)
{
    for (int f = 0; f < SDC_NFAM; f++) {
        int pf = f == SDC_MONEY ? SDC_LEVEL : f;
        for (int sp = 0; sp < s->nspan; sp++)
            for (int g = 0; g < s->ng; g++) {
                uint32_t pc[64] = {0};
                for (int k = 0; k < s->nkom; k++) {
                    int c = cluster_of(s, sp, k);
                    if (c >= 0 && c < 64) pc[c] += persons_of(pf, scube_at(cube, sp, k, g));
                }
                for (int a = 0; a < s->nks; a++) {
                    uint32_t v = a <= s->nkom ? persons_of(pf, scube_at(cube, sp, a, g)) : pc[(a - s->nkom - 1) & 63];
                    if (v && styr_sdc_suppressed(s, (styr_sdc_fam)f, sp, a, g))
                        for (int kind = 0; kind < 6; kind++) s->stats.suppressed[f][kind] += kinds[sp] >> kind & 1;
                }
            }
    }
}

/* Mark, in every published category, what a unit more or less at one corner
 * changes (a cube that no single category can carry: each corner's unit is
 * some category's). */
static void mark_corner_all(build *b, ctx *cats, int ncat, int w, int k, int g)
{
    int wit[1][2] = {{k, -1}};
    dim2 p = {{w, 0}, 1}, gg = {{g, 0}, 1};
    for (int c = 0; c < ncat; c++) {
        if (!cats[c].published) continue;
        set_ctx(b, &cats[c]);
        b->noseen = 1; /* which category's unit moves is not known: no witness */
        mark(b, p, (const int(*)[2])wit, 1, gg, b->fam == SDC_LEVEL);
        b->noseen = 0;
    }
}

/* Lift one cube of the unfiltered table into the categories: the same move
 * in one category that can make it (the unpublished rest first: then no
 * published category changes), whose changed cells are hidden; when none can,
 * pair by pair of its corners (below); a pair no category can carry hides
 * every published cell holding one of its corners in every category. */
static void lift(build *b, const rec *r, ctx *cats, int ncat)
{
    dim2 p = {{r->p[0], r->p[1]}, r->np}, g = {{r->g[0], r->g[1]}, r->ng}, a = {{r->wit[0], r->wit[1]}, r->wit[1] >= 0 ? 2 : 1};
    int wit[1][2] = {{r->wit[0], r->wit[1]}};
    set_partner(b, NULL);
    if (r->mv < 0) { /* a unit more in one base cell: any category can take it */
        for (int c = 0; c < ncat; c++)
            if (!cats[c].published) return;
        set_ctx(b, &cats[0]);
        mark(b, p, (const int(*)[2])wit, 1, g, b->fam == SDC_LEVEL);
        return;
    }
    for (int pass = 0; pass < 2; pass++)
        for (int c = 0; c < ncat; c++) {
            if (cats[c].published != pass) continue;
            set_ctx(b, &cats[c]);
            b->only_move = r->mv;
            int ok = feasible_move(b, p, a, g, NULL);
            b->only_move = -1;
            if (!ok) continue;
            if (pass) mark(b, p, (const int(*)[2])wit, 1, g, r->mv == MOVE_YOUNG_PASSIVE || r->mv == MOVE_YOUNG_ACTIVE);
            return;
        }
    /* line by line: the cube is pairs of corners along one paired dimension
     * (the weeks first), each pair a unit more at one corner and one less at
     * the other; a category with units at both corners carries a pair, and
     * only the cells that pair changes are hidden in it */
    int ld = p.n == 2 ? 0 : a.n == 2 ? 1 : g.n == 2 ? 2 : -1;
    for (int i = 0; i < (ld == 0 ? 1 : p.n); i++)
        for (int j = 0; j < (ld == 1 ? 1 : a.n); j++)
            for (int l = 0; l < (ld == 2 ? 1 : g.n); l++) {
                dim2 lp = ld == 0 ? p : (dim2){{p.e[i], 0}, 1}, lg = ld == 2 ? g : (dim2){{g.e[l], 0}, 1};
                int lw[1][2] = {{ld == 1 ? a.e[0] : a.e[j], ld == 1 ? a.e[1] : -1}};
                int cw[2], ck[2], cg[2];
                for (int x = 0; x < 2; x++) {
                    cw[x] = lp.e[lp.n == 2 ? x : 0];
                    ck[x] = ld == 1 ? a.e[x] : a.e[j];
                    cg[x] = lg.e[lg.n == 2 ? x : 0];
                }
                int done = 0;
                for (int pass = 0; pass < 2 && !done && ld >= 0; pass++)
                    for (int c = 0; c < ncat && !done; c++) {
                        if (cats[c].published != pass) continue;
                        int ok = 1;
                        for (int x = 0; x < 2 && ok; x++) {
                            if (cw[x] < b->W0 || cw[x] > b->W1) { ok = 0; break; }
                            uint8_t cp = cats[c].cap[((size_t)(cw[x] - b->W0) * (size_t)b->s->nkom + (size_t)ck[x]) * (size_t)b->s->ng + (size_t)cg[x]];
                            ok = (cp >> r->mv & 1) && (r->mv != MOVE_SWAP || (cp >> 7 & 1));
                        }
                        if (!ok) continue;
                        done = 1;
                        if (pass) {
                            set_ctx(b, &cats[c]);
                            mark(b, lp, (const int(*)[2])lw, 1, lg, r->mv == MOVE_YOUNG_PASSIVE || r->mv == MOVE_YOUNG_ACTIVE);
                        }
                    }
                if (done) continue;
                for (int x = 0; x < 2; x++) mark_corner_all(b, cats, ncat, cw[x], ck[x], cg[x]);
            }
}

/* Protect a primary cell of category self by a split with a partner: the
 * unpublished rest first, then the others in order; the first partner that
 * gives a cube, else the first partner's fallback. */
static void protect_split(build *b, ctx *cats, int ncat, int self, int sp, int a, int g)
{
    /* the cheapest partners first: the unpublished rest; then those whose cell
     * is hidden already (a thin category's cells mostly are), then those
     * holding persons in the cell, fewest first (a partner without any seldom
     * has units at the corners) */
    int order[64], n = 0;
    uint64_t key[64];
    size_t i0 = at(b->s, sp, a, g);
    for (int c = 0; c < ncat && n < 64; c++) {
        if (c == self) continue;
        uint32_t pc = cats[c].P[i0];
        uint64_t k = !cats[c].published ? 0 : (uint64_t)(cats[c].supp[i0] ? 1 : 2) << 33 | (pc ? pc : 0xffffffffu);
        int x = n++;
        while (x > 0 && key[x - 1] > k) key[x] = key[x - 1], order[x] = order[x - 1], x--;
        key[x] = k, order[x] = c;
    }
    if (!n) return;
    int young = b->fam == SDC_YOUNG;
    for (int i = 0; i < n; i++) {
        set_partner(b, &cats[order[i]]);
        if (young) b->ymark = cats[self].ymark, b->ymark2 = cats[order[i]].ymark;
        int ok = protect(b, sp, a, g, 0);
        if (ok) goto done;
    }
    set_partner(b, &cats[order[0]]);
    if (young) b->ymark = cats[self].ymark, b->ymark2 = cats[order[0]].ymark;
    protect(b, sp, a, g, 1);
done:
    b->ymark = b->ymark2 = NULL;
    set_partner(b, NULL);
}

static const int fam_order[] = {SDC_YOUNG, SDC_LEVEL, SDC_STARTED, SDC_ENDED, SDC_LONG, SDC_H4, SDC_H13, SDC_H26, SDC_H52};

/* Every family: the unfiltered table's pattern, and with categories, theirs. */
static void build_all(build *b, ctx *total, ctx *cats, int ncat, const uint8_t *kinds)
{
    size_t ncell = (size_t)total->s->nspan * (size_t)total->s->nks * (size_t)total->s->ng;
    for (size_t o = 0; o < sizeof fam_order / sizeof fam_order[0]; o++) {
        int fam = fam_order[o];
        set_ctx(b, total);
        set_partner(b, NULL);
        b->nrec = 0;
        b->recording = ncat > 0;
        fam_init(b, fam, kinds);
        fam_protect(b, kinds, NULL, 0, -1);
        fam_finish(b, kinds);
        b->recording = 0;
        if (!ncat) continue;
        for (int c = 0; c < ncat; c++) {
            set_ctx(b, &cats[c]);
            fam_init(b, fam, kinds);
            if (fam == SDC_LEVEL) /* the level cells the young's splits changed */
                for (size_t i = 0; i < ncell; i++)
                    if (cats[c].ymark[i]) cats[c].supp[i] = cats[c].seen[i] = 1;
        }
        for (size_t i = 0; i < b->nrec; i++) lift(b, &b->recs[i], cats, ncat);
        for (int c = 0; c < ncat; c++) {
            if (!cats[c].published) continue;
            set_ctx(b, &cats[c]);
            fam_protect(b, kinds, cats, ncat, c);
        }
        for (int c = 0; c < ncat; c++) {
            set_ctx(b, &cats[c]);
            set_partner(b, NULL);
            fam_finish(b, kinds);
            if (fam == SDC_LEVEL) { /* a split of the level may move a young person's week */
                styr_sdc *s = cats[c].s;
                size_t nb = (ncell + 7) / 8;
                for (size_t i = 0; i < nb; i++) s->bits[SDC_YOUNG][i] |= s->bits[SDC_LEVEL][i];
            }
        }
    }
}

/* The spans, clusters and dimensions of the current panel's pattern; *per
 * the spans as periods (NULL with an empty panel). */
static styr_rc sdc_setup(styr_ws *ws, const styr_panel *p, styr_sdc *s, styr_period **per_out, styr_diags *d)
{
    const styr_codes *codes = styr_ws_codes(ws);
    styr_rc rc = STYR_OK;
    *per_out = NULL;
    s->panel_checksum = styr_panel_checksum(p);
    s->nkom = codes->dict.nkom;
    s->ng = codes->dict.nyd;
    int wmin = styr_panel_week_min(p), wmax = styr_panel_week_max(p);
    if (wmax < 0) {
        s->nks = s->nkom + 1;
        s->ny = 1;
        s->cl_of = styr_xcalloc((size_t)s->nkom + 1, sizeof *s->cl_of);
        return STYR_OK;
    }
    /* spans: the periods of the universe, one per distinct span of weeks */
    styr_period *per;
    int n = styr_sdc_universe(wmin, wmax, &per);
    qsort(per, (size_t)n, sizeof *per, span_cmp);
    int m = 0;
    for (int i = 0; i < n; i++)
        if (!m || per[i].first != per[m - 1].first || per[i].last != per[m - 1].last) per[m++] = per[i];
    s->nspan = m;
    s->first = styr_xmalloc((size_t)m * sizeof *s->first);
    s->last = styr_xmalloc((size_t)m * sizeof *s->last);
    for (int i = 0; i < m; i++) s->first[i] = per[i].first, s->last[i] = per[i].last;
    /* clusters of every year the spans end in */
    s->y0 = styr_week_year(s->last[0]);
    int ylast = s->y0;
    for (int i = 0; i < m; i++)
        if (styr_week_year(s->last[i]) > ylast) ylast = styr_week_year(s->last[i]);
    s->ny = ylast - s->y0 + 1;
    s->cl_of = styr_xmalloc((size_t)s->ny * (size_t)s->nkom * sizeof *s->cl_of);
    for (int y = 0; y < s->ny; y++) {
        styr_clusters cl;
        if ((rc = styr_cat_clusters(ws, s->y0 + y, &cl, d))) {
            free(per);
            return rc;
        }
        if (cl.n > s->ncl) s->ncl = cl.n;
        for (int k = 0; k < s->nkom; k++) s->cl_of[(size_t)y * (size_t)s->nkom + (size_t)k] = cl.of[k];
    }
    s->nks = s->nkom + 1 + s->ncl;
    *per_out = per;
    return STYR_OK;
}

/* One engine pass over every span, for a filter (NULL: none). */
static styr_rc engine_pass(const styr_panel *p, const styr_codes *codes, const styr_period *per, int m, int threads,
                           const styr_filter *f, scube *out, styr_diags *d)
{
    styr_pset ps;
    styr_cube cube = {0};
    styr_engine_opts eo = {.threads = threads, .filter = f};
    styr_rc rc;
    if ((rc = styr_pset_build(&ps, per, m, d))) return rc;
    rc = styr_engine_run(p, codes, &ps, &eo, &cube, d);
    styr_pset_free(&ps);
    if (rc) return rc;
    scube_from(out, &cube);
    styr_cube_free(&cube);
    return STYR_OK;
}

static void sdc_copy_dims(styr_sdc *o, const styr_sdc *s)
{
    memset(o, 0, sizeof *o);
    o->panel_checksum = s->panel_checksum;
    o->nspan = s->nspan, o->nkom = s->nkom, o->ncl = s->ncl, o->nks = s->nks, o->ng = s->ng, o->y0 = s->y0, o->ny = s->ny;
    o->first = styr_xmalloc((size_t)s->nspan * sizeof(int) + 1);
    o->last = styr_xmalloc((size_t)s->nspan * sizeof(int) + 1);
    o->cl_of = styr_xmalloc((size_t)s->ny * (size_t)s->nkom * sizeof(int) + 1);
    memcpy(o->first, s->first, (size_t)s->nspan * sizeof(int));
    memcpy(o->last, s->last, (size_t)s->nspan * sizeof(int));
    memcpy(o->cl_of, s->cl_of, (size_t)s->ny * (size_t)s->nkom * sizeof(int));
}

static double since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + 1e-9 * (double)(t1.tv_nsec - t0->tv_nsec);
}

styr_rc styr_sdc_build(styr_ws *ws, int threads, styr_sdc *s, styr_diags *d)
{
    return styr_sdc_build_split(ws, threads, NULL, 0, 0, s, NULL, d);
}

styr_rc styr_sdc_build_split(styr_ws *ws, int threads, const styr_filter *cats, int ncat, int rest, styr_sdc *total,
                             styr_sdc *out, styr_diags *d)
{
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    memset(total, 0, sizeof *total);
    for (int c = 0; c < ncat; c++) memset(&out[c], 0, sizeof out[c]);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    const styr_codes *codes = styr_ws_codes(ws);
    styr_period *per;
    if ((rc = sdc_setup(ws, p, total, &per, d))) {
        styr_sdc_free(total);
        return rc;
    }
    for (int c = 0; c < ncat; c++) sdc_copy_dims(&out[c], total);
    ctx tc = {0}, *cc = NULL;
    styr_sdc rest_s = {0};
    int m = total->nspan, nc = ncat + (rest ? 1 : 0);
    if (!per) goto done; /* an empty panel: nothing is published */
    cc = styr_xcalloc((size_t)nc + 1, sizeof *cc);
    if ((rc = engine_pass(p, codes, per, m, threads, NULL, &tc.cube, d))) goto fail0;
    for (int c = 0; c < ncat; c++)
        if ((rc = engine_pass(p, codes, per, m, threads, &cats[c], &cc[c].cube, d))) goto fail0;
    if (rest) { /* the unfiltered table minus the categories; its persons are unknown (never published) */
        sdc_copy_dims(&rest_s, total);
        ctx *r = &cc[ncat];
        size_t n = (size_t)tc.cube.np * (size_t)tc.cube.nk * (size_t)tc.cube.ng;
        r->cube = (scube){tc.cube.np, tc.cube.nk, tc.cube.ng, styr_xmalloc(n * sizeof(scell) + 1)};
        for (size_t i = 0; i < n; i++) {
            scell x = tc.cube.cell[i];
            for (int c = 0; c < ncat; c++) {
                const scell *y = &cc[c].cube.cell[i];
                x.weeks -= y->weeks, x.active -= y->active, x.y_weeks -= y->y_weeks, x.y_active -= y->y_active;
                x.started -= y->started, x.ended -= y->ended, x.inprog -= y->inprog;
                for (int h = 0; h < STYR_NHORIZONS; h++) x.st[h] -= y->st[h];
            }
            x.persons = x.y_persons = x.started_p = x.ended_p = 0;
            for (int h = 0; h < STYR_NHORIZONS; h++) x.status_p[h] = 0;
            r->cube.cell[i] = x;
        }
    }
    {
        uint8_t pub[STYR_MAX_CODES] = {0};
        build b = {.s = total};
        int *years = styr_xmalloc((size_t)m * sizeof *years);
        for (int i = 0; i < m; i++) years[i] = year_ix(total, i);
        span_year = years;
        uint8_t *kinds = build_init(&b, codes, pub, styr_panel_week_min(p), styr_panel_week_max(p));
        ctx_alloc(&tc, &b, total);
        for (int c = 0; c < nc; c++) {
            ctx_alloc(&cc[c], &b, c < ncat ? &out[c] : &rest_s);
            cc[c].published = c < ncat;
        }
        build_all(&b, &tc, cc, nc, kinds);
        stats_final(total, &tc.cube, kinds);
        for (int c = 0; c < ncat; c++) stats_final(&out[c], &cc[c].cube, kinds);
        span_year = NULL;
        free(years);
        free(kinds);
        build_free(&b);
    }
fail0:
    ctx_free(&tc);
    for (int c = 0; c < nc; c++) ctx_free(&cc[c]);
    free(cc);
    if (rest && rest_s.first) styr_sdc_free(&rest_s);
    free(per);
    if (rc) {
        styr_sdc_free(total);
        for (int c = 0; c < ncat; c++) styr_sdc_free(&out[c]);
        return rc;
    }
done:
    total->stats.seconds = since(&t0);
    for (int c = 0; c < ncat; c++) out[c].stats.seconds = total->stats.seconds;
    return STYR_OK;
}

void styr_sdc_free(styr_sdc *s)
{
    if (!s) return;
    free(s->first);
    free(s->last);
    free(s->cl_of);
    for (int f = 0; f < SDC_NFAM; f++) free(s->bits[f]);
    memset(s, 0, sizeof *s);
}

int styr_sdc_span(const styr_sdc *s, int first, int last)
{
    int lo = 0, hi = s->nspan - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (s->first[mid] < first || (s->first[mid] == first && s->last[mid] < last)) lo = mid + 1;
        else if (s->first[mid] == first && s->last[mid] == last) return mid;
        else hi = mid - 1;
    }
    return -1;
}

int styr_sdc_suppressed(const styr_sdc *s, styr_sdc_fam fam, int span, int area, int g)
{
    if (span < 0 || span >= s->nspan || area < 0 || area >= s->nks || g < 0 || g >= s->ng || !s->bits[fam]) return 1;
    size_t i = at(s, span, area, g);
    return s->bits[fam][i >> 3] >> (i & 7) & 1;
}

int styr_sdc_cluster_area(const styr_sdc *s, int year, int k)
{
    if (!s->ny || k < 0 || k >= s->nkom) return -1;
    int y = year - s->y0;
    y = y < 0 ? 0 : y >= s->ny ? s->ny - 1 : y;
    int c = s->cl_of[(size_t)y * (size_t)s->nkom + (size_t)k];
    return c < 0 ? -1 : s->nkom + 1 + c;
}

int styr_sdc_set_suppressed(const styr_sdc *s, styr_sdc_fam fam, int span, const int *kom, int n, int g)
{
    if (n <= 0) return 1;
    if (n == 1) return styr_sdc_suppressed(s, fam, span, kom[0], g);
    /* the same set as a standard cluster of the span's year */
    if (span >= 0 && span < s->nspan) {
        int c = cluster_of(s, span, kom[0]);
        if (c >= 0) {
            int members = 0, all_in = 1;
            for (int k = 0; k < s->nkom; k++) members += cluster_of(s, span, k) == c;
            for (int i = 0; i < n; i++) all_in &= cluster_of(s, span, kom[i]) == c;
            if (all_in && members == n) return styr_sdc_suppressed(s, fam, span, s->nkom + 1 + c, g);
        }
    }
    for (int i = 0; i < n; i++)
        if (styr_sdc_suppressed(s, fam, span, kom[i], g)) return 1;
    return 0;
}

/* ---- storage ---------------------------------------------------------------------- */

#define SDC_MAGIC 0x31434453u /* "SDC1" */

static void put(unsigned char **p, const void *src, size_t n)
{
    if (n) memcpy(*p, src, n); /* src may be NULL with n == 0 (no panel yet) */
    *p += n;
}

static size_t nbits(const styr_sdc *s) { return ((size_t)s->nspan * (size_t)s->nks * (size_t)s->ng + 7) / 8; }

int styr_sdc_pack(const styr_sdc *s, unsigned char **buf, size_t *len)
{
    uint32_t hdr[9] = {SDC_MAGIC, (uint32_t)sizeof(styr_sdc_stats), (uint32_t)s->nspan, (uint32_t)s->nkom,
                       (uint32_t)s->ncl, (uint32_t)s->nks, (uint32_t)s->ng, (uint32_t)s->y0, (uint32_t)s->ny};
    size_t n = sizeof hdr + sizeof s->panel_checksum + sizeof s->stats + 2 * (size_t)s->nspan * sizeof(int) +
               (size_t)s->ny * (size_t)s->nkom * sizeof(int) + SDC_NFAM * nbits(s);
    unsigned char *b = styr_xmalloc(n), *p = b;
    put(&p, hdr, sizeof hdr);
    put(&p, &s->panel_checksum, sizeof s->panel_checksum);
    put(&p, &s->stats, sizeof s->stats);
    put(&p, s->first, (size_t)s->nspan * sizeof(int));
    put(&p, s->last, (size_t)s->nspan * sizeof(int));
    put(&p, s->cl_of, (size_t)s->ny * (size_t)s->nkom * sizeof(int));
    for (int f = 0; f < SDC_NFAM; f++) {
        if (s->bits[f]) put(&p, s->bits[f], nbits(s));
        else memset(p, 0, nbits(s)), p += nbits(s);
    }
    *buf = b;
    *len = n;
    return 0;
}

int styr_sdc_unpack(const unsigned char *buf, size_t len, styr_sdc *s)
{
    memset(s, 0, sizeof *s);
    uint32_t hdr[9];
    if (len < sizeof hdr) return -1;
    memcpy(hdr, buf, sizeof hdr);
    if (hdr[0] != SDC_MAGIC || hdr[1] != sizeof(styr_sdc_stats) || hdr[2] > 100000 || hdr[3] > STYR_MAX_KOMMUNER ||
        hdr[4] > STYR_MAX_CLUSTERS || hdr[5] != hdr[3] + 1 + hdr[4] || hdr[6] > STYR_MAX_CODES || hdr[8] > 1000)
        return -1;
    s->nspan = (int)hdr[2], s->nkom = (int)hdr[3], s->ncl = (int)hdr[4], s->nks = (int)hdr[5], s->ng = (int)hdr[6];
    s->y0 = (int)hdr[7], s->ny = (int)hdr[8];
    size_t need = sizeof hdr + sizeof s->panel_checksum + sizeof s->stats + 2 * (size_t)s->nspan * sizeof(int) +
                  (size_t)s->ny * (size_t)s->nkom * sizeof(int) + SDC_NFAM * nbits(s);
    if (len != need) {
        memset(s, 0, sizeof *s);
        return -1;
    }
    const unsigned char *p = buf + sizeof hdr;
    memcpy(&s->panel_checksum, p, sizeof s->panel_checksum), p += sizeof s->panel_checksum;
    memcpy(&s->stats, p, sizeof s->stats), p += sizeof s->stats;
    s->first = styr_xmalloc((size_t)s->nspan * sizeof(int) + 1);
    s->last = styr_xmalloc((size_t)s->nspan * sizeof(int) + 1);
    s->cl_of = styr_xmalloc((size_t)s->ny * (size_t)s->nkom * sizeof(int) + 1);
    memcpy(s->first, p, (size_t)s->nspan * sizeof(int)), p += (size_t)s->nspan * sizeof(int);
    memcpy(s->last, p, (size_t)s->nspan * sizeof(int)), p += (size_t)s->nspan * sizeof(int);
    memcpy(s->cl_of, p, (size_t)s->ny * (size_t)s->nkom * sizeof(int)), p += (size_t)s->ny * (size_t)s->nkom * sizeof(int);
    for (int f = 0; f < SDC_NFAM; f++) {
        s->bits[f] = styr_xmalloc(nbits(s) + 1);
        memcpy(s->bits[f], p, nbits(s)), p += nbits(s);
    }
    return 0;
}

/* The catalog's table: one pattern per filter key ("" unfiltered, calc/filter.h
 * styr_filter_key), only the current panel's. A catalog from before filtered
 * patterns has no key column: reading finds its unfiltered pattern, and the
 * first store moves the table to the new form. */
styr_rc styr_sdc_load_key(styr_ws *ws, uint64_t checksum, const char *key, styr_sdc *out)
{
    memset(out, 0, sizeof *out);
    sqlite3 *db = styr_ws_db(ws);
    sqlite3_stmt *st;
    int old = 0;
    if (sqlite3_prepare_v2(db, "SELECT data FROM diskretion WHERE panel_checksum = ? AND noegle = ?", -1, &st, NULL) != SQLITE_OK) {
        if (*key || sqlite3_prepare_v2(db, "SELECT data FROM diskretion WHERE panel_checksum = ?", -1, &st, NULL) != SQLITE_OK)
            return STYR_ENOENT;
        old = 1;
    }
    char hex[17];
    styr_hex64(checksum, hex);
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
    if (!old) sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    styr_rc rc = STYR_ENOENT;
    if (sqlite3_step(st) == SQLITE_ROW &&
        !styr_sdc_unpack(sqlite3_column_blob(st, 0), (size_t)sqlite3_column_bytes(st, 0), out) &&
        out->panel_checksum == checksum)
        rc = STYR_OK;
    else if (out->first)
        styr_sdc_free(out);
    sqlite3_finalize(st);
    return rc;
}

static styr_rc load(styr_ws *ws, uint64_t checksum, styr_sdc *out) { return styr_sdc_load_key(ws, checksum, "", out); }

/* Move a catalog's diskretion table to the form with a key column. */
static styr_rc migrate(sqlite3 *db, styr_diags *d)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT noegle FROM diskretion LIMIT 0", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_finalize(st);
        return STYR_OK;
    }
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "CREATE TABLE IF NOT EXISTS diskretion(panel_checksum TEXT PRIMARY KEY, data BLOB NOT NULL)", d)) ||
        (rc = styr_sql_exec(db, "ALTER TABLE diskretion RENAME TO diskretion_v1", d)) ||
        (rc = styr_sql_exec(db, "CREATE TABLE diskretion(panel_checksum TEXT NOT NULL, noegle TEXT NOT NULL DEFAULT '', "
                                "data BLOB NOT NULL, PRIMARY KEY(panel_checksum, noegle))", d)) ||
        (rc = styr_sql_exec(db, "INSERT INTO diskretion(panel_checksum, noegle, data) SELECT panel_checksum, '', data FROM diskretion_v1", d)) ||
        (rc = styr_sql_exec(db, "DROP TABLE diskretion_v1", d)))
        return rc;
    return STYR_OK;
}

styr_rc styr_sdc_save_key(styr_ws *ws, const styr_sdc *s, const char *key, styr_diags *d)
{
    sqlite3 *db = styr_ws_db(ws);
    unsigned char *buf;
    size_t len;
    styr_sdc_pack(s, &buf, &len);
    char hex[17];
    styr_hex64(s->panel_checksum, hex);
    styr_rc rc;
    if ((rc = styr_sql_exec(db, "BEGIN IMMEDIATE", d))) {
        free(buf);
        return rc;
    }
    sqlite3_stmt *st = NULL;
    if ((rc = migrate(db, d))) goto fail;
    /* only the current panel's patterns are kept */
    if (sqlite3_prepare_v2(db, "DELETE FROM diskretion WHERE panel_checksum <> ?1 OR noegle = ?2", -1, &st, NULL) != SQLITE_OK)
        goto sql;
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(st) != SQLITE_DONE) goto sql;
    sqlite3_finalize(st);
    st = NULL;
    if (sqlite3_prepare_v2(db, "INSERT INTO diskretion(panel_checksum, noegle, data) VALUES(?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
        goto sql;
    sqlite3_bind_text(st, 1, hex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_blob64(st, 3, buf, len, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) goto sql;
    sqlite3_finalize(st);
    free(buf);
    return styr_sql_exec(db, "COMMIT", d);
sql:
    rc = styr_diag_sys(d, STYR_ESQL, "%s", sqlite3_errmsg(db));
fail:
    sqlite3_finalize(st);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    free(buf);
    return rc;
}

styr_rc styr_sdc_save(styr_ws *ws, const styr_sdc *s, styr_diags *d) { return styr_sdc_save_key(ws, s, "", d); }

styr_rc styr_sdc_get(styr_ws *ws, int threads, styr_sdc *out, int *built, styr_diags *d)
{
    const styr_panel *p;
    *built = 0;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    if (load(ws, styr_panel_checksum(p), out) == STYR_OK) return STYR_OK;
    if ((rc = styr_sdc_build(ws, threads, out, d))) return rc;
    *built = 1;
    return STYR_OK;
}
