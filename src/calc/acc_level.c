/* acc_level: the level figures of spec §3, and the same for unge (< 30).
 *
 * A run of weeks is added to every period it overlaps: the overlap's weeks,
 * the weeks with an offer, and the person once per period (a stamp per cell
 * holds the last person counted). Every run adds to its municipality and the
 * country, for its group and, when the group is public support, for "i alt",
 * and for the union its group is part of, if any (the stamp counts a person
 * once in a union, however many of its parts she is in).
 * The part of a run before the person turns 30 (on the Thursday) is added
 * again to the young counts. Cells are laid out [municipality][group][period]
 * so the consecutive periods a run touches are neighbours in memory. With a
 * filter, only the weeks that pass count (filter.h). */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "engine.h"

typedef struct lvl_cell {
    uint32_t weeks, active, persons, stamp;
    uint32_t y_weeks, y_active, y_persons, y_stamp;
} lvl_cell;

/* The periods one run overlaps: the first week in each, weeks, young weeks. */
typedef struct span { int p, lo; uint32_t w, y; } span;

typedef struct level_state {
    size_t ncell;
    lvl_cell *cell;
    span *buf;       /* a run overlaps at most every period of the set */
} level_state;

static void init(void *st, const styr_acc_ctx *x)
{
    level_state *s = st;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->cell = styr_xcalloc(s->ncell, sizeof *s->cell);
    s->buf = styr_xmalloc((size_t)x->ps->n * sizeof *s->buf);
}

/* The periods a run overlaps, worked out once per run and then added to its
 * four rows of cells. */
static int spans_of(const styr_acc_ctx *x, int a, int b, int yb, span *out)
{
    int n = 0;
    for (int f = 0; f < x->ps->nfam; f++) {
        const styr_pfam *fam = &x->ps->fam[f];
        int m0, m1;
        styr_pfam_overlap(fam, a, b, &m0, &m1);
        for (int m = m0; m <= m1; m++) {
            int lo = a > fam->first[m] ? a : fam->first[m];
            int hi = b < fam->last[m] ? b : fam->last[m];
            int yhi = yb < hi ? yb : hi;
            out[n++] = (span){fam->idx[m], lo, (uint32_t)(hi - lo + 1), yhi >= lo ? (uint32_t)(yhi - lo + 1) : 0};
        }
    }
    return n;
}

static inline void add_spans(lvl_cell *row, const span *sp, int n, uint32_t mark, int active)
{
    for (int i = 0; i < n; i++) {
        lvl_cell *c = &row[sp[i].p];
        c->weeks += sp[i].w;
        if (active) c->active += sp[i].w;
        if (c->stamp != mark) { c->stamp = mark; c->persons++; }
        if (sp[i].y) {
            c->y_weeks += sp[i].y;
            if (active) c->y_active += sp[i].y;
            if (c->y_stamp != mark) { c->y_stamp = mark; c->y_persons++; }
        }
    }
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    level_state *s = st;
    const styr_cols *c = v->c;
    const uint32_t mark = (uint32_t)v->person + 1;
    const size_t np = (size_t)x->ps->n, ng = (size_t)x->ng, nat = (size_t)(x->nk - 1);
    span *buf = s->buf;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int g = c->yd[r];
        if (!g) continue;
        int a = c->start[r], b = a + c->len[r] - 1, tb = c->tb[r] != 0;
        if (v->filtered) { /* the filter's runs and window (filter.h) */
            if (v->in && !v->in[r - v->r0]) continue;
            if (a < v->fw0) a = v->fw0;
            if (b > v->fw1) b = v->fw1;
            if (a > b) continue;
        }
        int n = spans_of(x, a, b, v->w30 - 1, buf);
        if (!n) continue;
        size_t k = c->kom[r];
        add_spans(&s->cell[(k * ng + (size_t)g) * np], buf, n, mark, tb);
        add_spans(&s->cell[(nat * ng + (size_t)g) * np], buf, n, mark, tb);
        if (x->public_yd[g]) {
            add_spans(&s->cell[k * ng * np], buf, n, mark, tb);
            add_spans(&s->cell[nat * ng * np], buf, n, mark, tb);
        }
        size_t u = x->union_yd[g];
        if (u) {
            add_spans(&s->cell[(k * ng + u) * np], buf, n, mark, tb);
            add_spans(&s->cell[(nat * ng + u) * np], buf, n, mark, tb);
        }
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    level_state *a = into;
    const level_state *b = from;
    for (size_t i = 0; i < a->ncell; i++) {
        lvl_cell *p = &a->cell[i];
        const lvl_cell *q = &b->cell[i];
        p->weeks += q->weeks;
        p->active += q->active;
        p->persons += q->persons;
        p->y_weeks += q->y_weeks;
        p->y_active += q->y_active;
        p->y_persons += q->y_persons;
    }
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    const level_state *s = st;
    const size_t np = (size_t)x->ps->n;
    for (int k = 0; k < x->nk; k++)
        for (int g = 0; g < x->ng; g++)
            for (size_t p = 0; p < np; p++) {
                const lvl_cell *q = &s->cell[((size_t)k * (size_t)x->ng + (size_t)g) * np + p];
                styr_cell *c = styr_cube_at(out, (int)p, k, g);
                c->weeks = q->weeks;
                c->active = q->active;
                c->persons = q->persons;
                c->y_weeks = q->y_weeks;
                c->y_active = q->y_active;
                c->y_persons = q->y_persons;
            }
}

static void destroy(void *st)
{
    level_state *s = st;
    free(s->cell);
    free(s->buf);
}

const styr_acc styr_acc_level = {"level", sizeof(level_state), init, visit, merge, finish, destroy};
