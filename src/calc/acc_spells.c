/* acc_spells: spells started and ended, varighed, and status after (spec §4, §5).
 *
 * Every spell the engine derived counts as started in the periods that hold
 * its first week; a spell that is not ongoing counts as ended in the periods
 * that hold its last week, with its length (for varighed) and its status 4,
 * 13, 26 and 52 weeks after that week: job, selvforsørget, ydelse, or not yet
 * measurable when the week lies past the panel. A spell belongs to the
 * municipality of its last week in the group (spec §4). Distinct persons
 * behind each count are kept for discretion. */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "engine.h"

enum { S_STARTED, S_ENDED, S_STATUS0, NSTAMP = S_STATUS0 + STYR_NHORIZONS };

typedef struct scell {
    uint32_t started, started_p, ended, ended_p;
    uint64_t ended_len;
    uint32_t status[STYR_NHORIZONS][STYR_NSTATUS];
    uint32_t status_p[STYR_NHORIZONS];
    uint32_t stamp[NSTAMP];
} scell;

typedef struct spell_state {
    size_t ncell;
    scell *cell; /* [np][nk][ng] */
} spell_state;

static void init(void *st, const styr_acc_ctx *x)
{
    spell_state *s = st;
    s->ncell = (size_t)x->ps->n * (size_t)x->nk * (size_t)x->ng;
    s->cell = styr_xcalloc(s->ncell, sizeof *s->cell);
}

static inline int once(scell *c, int which, uint32_t mark)
{
    if (c->stamp[which] == mark) return 0;
    c->stamp[which] = mark;
    return 1;
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    spell_state *s = st;
    const uint32_t mark = (uint32_t)v->person + 1;
    const size_t per = (size_t)x->nk * (size_t)x->ng;
    for (int i = 0; i < v->nspells; i++) {
        const styr_spell *sp = &v->spells[i];
        size_t kgs[2] = {(size_t)sp->kom * (size_t)x->ng + sp->group, (size_t)(x->nk - 1) * (size_t)x->ng + sp->group};
        int status[STYR_NHORIZONS];
        if (!sp->ongoing)
            for (int h = 0; h < STYR_NHORIZONS; h++) {
                int t = sp->end + styr_horizons[h];
                status[h] = t > x->panel_last ? STYR_ST_NOTYET : styr_status_at(v->c, v->r0, v->r1, t, x->public_yd);
            }
        for (int f = 0; f < x->ps->nfam; f++) {
            const styr_pfam *fam = &x->ps->fam[f];
            int m0, m1;
            styr_pfam_overlap(fam, sp->start, sp->start, &m0, &m1);
            for (int m = m0; m <= m1; m++)
                for (int k = 0; k < 2; k++) {
                    scell *c = &s->cell[(size_t)fam->idx[m] * per + kgs[k]];
                    c->started++;
                    c->started_p += once(c, S_STARTED, mark);
                }
            if (sp->ongoing) continue;
            styr_pfam_overlap(fam, sp->end, sp->end, &m0, &m1);
            for (int m = m0; m <= m1; m++)
                for (int k = 0; k < 2; k++) {
                    scell *c = &s->cell[(size_t)fam->idx[m] * per + kgs[k]];
                    c->ended++;
                    c->ended_p += once(c, S_ENDED, mark);
                    c->ended_len += (uint64_t)(sp->end - sp->start + 1);
                    for (int h = 0; h < STYR_NHORIZONS; h++) {
                        c->status[h][status[h]]++;
                        if (status[h] != STYR_ST_NOTYET) c->status_p[h] += once(c, S_STATUS0 + h, mark);
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
        scell *p = &a->cell[i];
        const scell *q = &b->cell[i];
        p->started += q->started;
        p->started_p += q->started_p;
        p->ended += q->ended;
        p->ended_p += q->ended_p;
        p->ended_len += q->ended_len;
        for (int h = 0; h < STYR_NHORIZONS; h++) {
            for (int k = 0; k < STYR_NSTATUS; k++) p->status[h][k] += q->status[h][k];
            p->status_p[h] += q->status_p[h];
        }
    }
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    (void)x;
    const spell_state *s = st;
    for (size_t i = 0; i < s->ncell; i++) {
        const scell *q = &s->cell[i];
        styr_cell *c = &out->cell[i];
        c->started = q->started;
        c->started_p = q->started_p;
        c->ended = q->ended;
        c->ended_p = q->ended_p;
        c->ended_len = q->ended_len;
        memcpy(c->status, q->status, sizeof c->status);
        memcpy(c->status_p, q->status_p, sizeof c->status_p);
    }
}

static void destroy(void *st)
{
    spell_state *s = st;
    free(s->cell);
}

const styr_acc styr_acc_spells = {"spells", sizeof(spell_state), init, visit, merge, finish, destroy};
