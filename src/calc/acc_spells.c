/* acc_spells: spells started and ended, varighed, and status after (spec §4, §5).
 *
 * Every spell the engine derived counts as started in the periods that hold
 * its first week; a spell that is not ongoing counts as ended in the periods
 * that hold its last week, with its length (for varighed) and its status 4,
 * 13, 26 and 52 weeks after that week: job, selvforsørget, ydelse, or not yet
 * measurable when the week lies past the panel. A spell belongs to the
 * municipality of its last week in the group (spec §4). Distinct persons
 * behind each count are kept for discretion. With a filter a spell counts as
 * started when its first week passes, as ended when its last week does. */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "engine.h"

/* Three arrays, each laid out [municipality][group][period] and touched only
 * when needed: starts, ends, and the statuses of ended spells. */
typedef struct start_cell { uint32_t n, persons, stamp; } start_cell;
typedef struct end_cell { uint32_t n, persons, stamp, pad; uint64_t len; } end_cell;
typedef struct status_cell {
    uint32_t status[STYR_NHORIZONS][STYR_NSTATUS];
    uint32_t persons[STYR_NHORIZONS];
    uint32_t stamp[STYR_NHORIZONS];
} status_cell;

typedef struct spell_state {
    size_t ncell;
    start_cell *st;
    end_cell *en;
    status_cell *ss;
} spell_state;

static void init(void *st, const styr_acc_ctx *x)
{
    spell_state *s = st;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->st = styr_xcalloc(s->ncell, sizeof *s->st);
    s->en = styr_xcalloc(s->ncell, sizeof *s->en);
    s->ss = styr_xcalloc(s->ncell, sizeof *s->ss);
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    spell_state *s = st;
    const uint32_t mark = (uint32_t)v->person + 1;
    const size_t np = (size_t)x->ps->n;
    for (int i = 0; i < v->nspells; i++) {
        const styr_spell *sp = &v->spells[i];
        size_t base[2] = {((size_t)sp->kom * (size_t)x->ng + sp->group) * np,
                          ((size_t)(x->nk - 1) * (size_t)x->ng + sp->group) * np};
        int status[STYR_NHORIZONS];
        const int sel_start = sp->sel & STYR_SEL_START, sel_end = (sp->sel & STYR_SEL_END) && !sp->ongoing;
        if (!sel_start && !sel_end) continue;
        if (sel_end) {
            /* the horizons increase: one search for the spell's end, then walk forward */
            uint64_t r = styr_run_after(v->c, v->r0, v->r1, sp->end);
            for (int h = 0; h < STYR_NHORIZONS; h++) {
                int t = sp->end + styr_horizons[h];
                while (r < v->r1 && (int)v->c->start[r] + v->c->len[r] - 1 < t) r++;
                status[h] = t > x->panel_last ? STYR_ST_NOTYET : styr_status_in(v->c, r, v->r1, t, x->kind_yd);
            }
        }
        for (int f = 0; f < x->ps->nfam; f++) {
            const styr_pfam *fam = &x->ps->fam[f];
            int m0, m1;
            if (sel_start) {
                styr_pfam_overlap(fam, sp->start, sp->start, &m0, &m1);
                for (int m = m0; m <= m1; m++)
                    for (int k = 0; k < 2; k++) {
                        start_cell *c = &s->st[base[k] + (size_t)fam->idx[m]];
                        c->n++;
                        if (c->stamp != mark) { c->stamp = mark; c->persons++; }
                    }
            }
            if (!sel_end) continue;
            styr_pfam_overlap(fam, sp->end, sp->end, &m0, &m1);
            for (int m = m0; m <= m1; m++)
                for (int k = 0; k < 2; k++) {
                    size_t cell = base[k] + (size_t)fam->idx[m];
                    end_cell *e = &s->en[cell];
                    e->n++;
                    e->len += (uint64_t)(sp->end - sp->start + 1);
                    if (e->stamp != mark) { e->stamp = mark; e->persons++; }
                    status_cell *q = &s->ss[cell];
                    for (int h = 0; h < STYR_NHORIZONS; h++) {
                        q->status[h][status[h]]++;
                        if (status[h] != STYR_ST_NOTYET && q->stamp[h] != mark) {
                            q->stamp[h] = mark;
                            q->persons[h]++;
                        }
                    }
                }
        }
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    spell_state *a = into;
    const spell_state *b = from;
    for (size_t i = 0; i < a->ncell; i++) {
        a->st[i].n += b->st[i].n;
        a->st[i].persons += b->st[i].persons;
        a->en[i].n += b->en[i].n;
        a->en[i].persons += b->en[i].persons;
        a->en[i].len += b->en[i].len;
        for (int h = 0; h < STYR_NHORIZONS; h++) {
            for (int k = 0; k < STYR_NSTATUS; k++) a->ss[i].status[h][k] += b->ss[i].status[h][k];
            a->ss[i].persons[h] += b->ss[i].persons[h];
        }
    }
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    const spell_state *s = st;
    const size_t np = (size_t)x->ps->n;
    for (int k = 0; k < x->nk; k++)
        for (int g = 0; g < x->ng; g++)
            for (size_t p = 0; p < np; p++) {
                size_t i = ((size_t)k * (size_t)x->ng + (size_t)g) * np + p;
                styr_cell *c = styr_cube_at(out, (int)p, k, g);
                c->started = s->st[i].n;
                c->started_p = s->st[i].persons;
                c->ended = s->en[i].n;
                c->ended_p = s->en[i].persons;
                c->ended_len = s->en[i].len;
                memcpy(c->status, s->ss[i].status, sizeof c->status);
                memcpy(c->status_p, s->ss[i].persons, sizeof c->status_p);
            }
}

static void destroy(void *st)
{
    spell_state *s = st;
    free(s->st);
    free(s->en);
    free(s->ss);
}

const styr_acc styr_acc_spells = {"spells", sizeof(spell_state), init, visit, merge, finish, destroy};
