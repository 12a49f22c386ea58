/* acc_level: the level figures of spec §3, and the same for unge (< 30).
 *
 * Person-weeks are added as difference arrays over weeks (two updates per
 * run, whatever its length) and summed per period at the end; distinct
 * persons are counted per period with a stamp per cell (the last person
 * counted), visiting only the periods a run overlaps. Every run adds to its
 * municipality and the country, for its group and, when the group is public
 * support, for "i alt". */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "engine.h"

enum { F_WEEKS, F_ACTIVE, F_YWEEKS, F_YACTIVE, NF };

typedef struct level_state {
    int wmin, nw;          /* weeks of the period set */
    size_t ncell;          /* np * nk * ng */
    int32_t *diff;         /* [nk][ng][NF][nw + 1] */
    uint32_t *persons, *y_persons;
    uint32_t *stamp, *y_stamp;
} level_state;

static void init(void *st, const styr_acc_ctx *x)
{
    level_state *s = st;
    s->wmin = x->ps->wmin;
    s->nw = x->ps->wmax - x->ps->wmin + 1;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->diff = styr_xcalloc((size_t)x->nk * (size_t)x->ng * NF * (size_t)(s->nw + 1), sizeof *s->diff);
    s->persons = styr_xcalloc(s->ncell, sizeof *s->persons);
    s->y_persons = styr_xcalloc(s->ncell, sizeof *s->y_persons);
    s->stamp = styr_xcalloc(s->ncell, sizeof *s->stamp);
    s->y_stamp = styr_xcalloc(s->ncell, sizeof *s->y_stamp);
}

static inline void add_span(level_state *s, size_t kg, int field, int a, int b)
{
    int32_t *d = s->diff + (kg * NF + (size_t)field) * (size_t)(s->nw + 1);
    d[a - s->wmin]++;
    d[b + 1 - s->wmin]--;
}

/* Count person `mark` once in every period of the set that overlaps [a, b]. */
static inline void count_persons(const styr_acc_ctx *x, uint32_t *count, uint32_t *stamp, uint32_t mark, size_t kg,
                                 int a, int b)
{
    const size_t per = (size_t)x->nk * (size_t)x->ng;
    for (int f = 0; f < x->ps->nfam; f++) {
        const styr_pfam *fam = &x->ps->fam[f];
        int m0, m1;
        styr_pfam_overlap(fam, a, b, &m0, &m1);
        for (int m = m0; m <= m1; m++) {
            size_t cell = (size_t)fam->idx[m] * per + kg;
            if (stamp[cell] != mark) {
                stamp[cell] = mark;
                count[cell]++;
            }
        }
    }
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    level_state *s = st;
    const styr_cols *c = v->c;
    const uint32_t mark = (uint32_t)v->person + 1;
    const int wmax = s->wmin + s->nw - 1, nat = x->nk - 1;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int g = c->yd[r];
        if (!g) continue;
        int a = c->start[r], b = a + c->len[r] - 1;
        if (a < s->wmin) a = s->wmin;
        if (b > wmax) b = wmax;
        if (a > b) continue;
        int yb = b < v->w30 - 1 ? b : v->w30 - 1; /* the weeks under 30: [a, yb] */
        size_t kgs[4];
        int n = 0;
        kgs[n++] = (size_t)c->kom[r] * (size_t)x->ng + (size_t)g;
        kgs[n++] = (size_t)nat * (size_t)x->ng + (size_t)g;
        if (x->public_yd[g]) {
            kgs[n++] = (size_t)c->kom[r] * (size_t)x->ng;
            kgs[n++] = (size_t)nat * (size_t)x->ng;
        }
        for (int k = 0; k < n; k++) {
            add_span(s, kgs[k], F_WEEKS, a, b);
            if (c->tb[r]) add_span(s, kgs[k], F_ACTIVE, a, b);
            count_persons(x, s->persons, s->stamp, mark, kgs[k], a, b);
            if (yb >= a) {
                add_span(s, kgs[k], F_YWEEKS, a, yb);
                if (c->tb[r]) add_span(s, kgs[k], F_YACTIVE, a, yb);
                count_persons(x, s->y_persons, s->y_stamp, mark, kgs[k], a, yb);
            }
        }
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    level_state *a = into;
    const level_state *b = from;
    size_t nd = (size_t)x->nk * (size_t)x->ng * NF * (size_t)(a->nw + 1);
    for (size_t i = 0; i < nd; i++) a->diff[i] += b->diff[i];
    for (size_t i = 0; i < a->ncell; i++) {
        a->persons[i] += b->persons[i];
        a->y_persons[i] += b->y_persons[i];
    }
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    const level_state *s = st;
    uint64_t *cum = styr_xmalloc((size_t)(s->nw + 1) * sizeof *cum);
    for (int k = 0; k < x->nk; k++)
        for (int g = 0; g < x->ng; g++) {
            size_t kg = (size_t)k * (size_t)x->ng + (size_t)g;
            for (int f = 0; f < NF; f++) {
                const int32_t *d = s->diff + (kg * NF + (size_t)f) * (size_t)(s->nw + 1);
                /* cum[w] = person-weeks in the weeks before wmin + w */
                int64_t level = 0;
                cum[0] = 0;
                for (int w = 0; w < s->nw; w++) {
                    level += d[w];
                    cum[w + 1] = cum[w] + (uint64_t)level;
                }
                for (int p = 0; p < x->ps->n; p++) {
                    const styr_period *per = &x->ps->p[p];
                    uint32_t v = (uint32_t)(cum[per->last + 1 - s->wmin] - cum[per->first - s->wmin]);
                    styr_cell *cell = styr_cube_at(out, p, k, g);
                    switch (f) {
                    case F_WEEKS: cell->weeks = v; break;
                    case F_ACTIVE: cell->active = v; break;
                    case F_YWEEKS: cell->y_weeks = v; break;
                    default: cell->y_active = v; break;
                    }
                }
            }
            for (int p = 0; p < x->ps->n; p++) {
                size_t i = (size_t)p * (size_t)x->nk * (size_t)x->ng + kg;
                styr_cell *cell = styr_cube_at(out, p, k, g);
                cell->persons = s->persons[i];
                cell->y_persons = s->y_persons[i];
            }
        }
    free(cum);
}

static void destroy(void *st)
{
    level_state *s = st;
    free(s->diff);
    free(s->persons);
    free(s->y_persons);
    free(s->stamp);
    free(s->y_stamp);
}

const styr_acc styr_acc_level = {"level", sizeof(level_state), init, visit, merge, finish, destroy};
