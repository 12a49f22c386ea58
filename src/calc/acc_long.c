/* acc_long: langvarige (spec §4).
 *
 * Among the spells of a group in progress in the last week of a period (the
 * person is in the group that week), the share whose length so far, from the
 * spell's first week to that week, is more than 52 weeks. A run of the group
 * covers that last week for every period whose last week lies inside the run;
 * the spell it belongs to was derived by the engine. Counted in the
 * municipality of that week. */
#include <stdlib.h>

#include "../core/mem.h"
#include "engine.h"

typedef struct lcell { uint32_t inprog, inprog_long; } lcell;

typedef struct long_state {
    size_t ncell;
    lcell *cell;
} long_state;

static void init(void *st, const styr_acc_ctx *x)
{
    long_state *s = st;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->cell = styr_xcalloc(s->ncell, sizeof *s->cell);
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    long_state *s = st;
    const styr_cols *c = v->c;
    const size_t np = (size_t)x->ps->n;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        int g = c->yd[r];
        if (!g) continue;
        int a = c->start[r], b = a + c->len[r] - 1;
        int pub = x->public_yd[g];
        /* cells are [municipality][group][period]; a person is in one municipality
         * in a given week, so the country is the sum, made in finish */
        lcell *own = &s->cell[((size_t)c->kom[r] * (size_t)x->ng + (size_t)g) * np];
        lcell *own_all = &s->cell[(size_t)c->kom[r] * (size_t)x->ng * np];
        int sg = v->start_g[r - v->r0], sa = v->start_all[r - v->r0], su = v->start_u[r - v->r0];
        int u = x->union_yd[g];
        lcell *own_u = &s->cell[((size_t)c->kom[r] * (size_t)x->ng + (size_t)u) * np];
        for (int f = 0; f < x->ps->nfam; f++) {
            const styr_pfam *fam = &x->ps->fam[f];
            int m0, m1;
            styr_pfam_ending(fam, a, b, &m0, &m1);
            for (int m = m0; m <= m1; m++) {
                int last = fam->last[m], p = fam->idx[m];
                if (!styr_visit_in(v, r, last)) continue; /* the filter (filter.h) */
                own[p].inprog++;
                own[p].inprog_long += last - sg + 1 > 52;
                if (pub) {
                    own_all[p].inprog++;
                    own_all[p].inprog_long += last - sa + 1 > 52;
                }
                if (u) { /* the length of the union's spell, across its parts */
                    own_u[p].inprog++;
                    own_u[p].inprog_long += last - su + 1 > 52;
                }
            }
        }
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    long_state *a = into;
    const long_state *b = from;
    for (size_t i = 0; i < a->ncell; i++) {
        a->cell[i].inprog += b->cell[i].inprog;
        a->cell[i].inprog_long += b->cell[i].inprog_long;
    }
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    const long_state *s = st;
    const size_t np = (size_t)x->ps->n;
    const int nat = x->nk - 1;
    for (int k = 0; k < nat; k++)
        for (int g = 0; g < x->ng; g++)
            for (size_t p = 0; p < np; p++) {
                const lcell *q = &s->cell[((size_t)k * (size_t)x->ng + (size_t)g) * np + p];
                styr_cell *c = styr_cube_at(out, (int)p, k, g), *land = styr_cube_at(out, (int)p, nat, g);
                c->inprog = q->inprog;
                c->inprog_long = q->inprog_long;
                land->inprog += q->inprog;
                land->inprog_long += q->inprog_long;
            }
}

static void destroy(void *st)
{
    long_state *s = st;
    free(s->cell);
}

const styr_acc styr_acc_long = {"long", sizeof(long_state), init, visit, merge, finish, destroy};
