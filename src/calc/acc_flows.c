/* acc_flows: the flows accumulator (flows.h), run as the engine's extra
 * accumulator so the flows share the engine's spell derivation and threads.
 * Each thread fills its own tables; distinct persons are counted with a
 * stamp per entry (a person is visited by one thread, so they add up). */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "flows.h"

typedef struct fstate {
    int ncat;
    styr_flow_table t[STYR_FL_NKIND][STYR_FL_NAREA];
    styr_flow_table mv[2];
    uint64_t mv_weeks[2];
} fstate;

static void table_init(styr_flow_table *t, int ncat)
{
    t->ncat = ncat;
    t->cell = styr_xcalloc((size_t)(ncat + 1) * (size_t)(ncat + 1), sizeof *t->cell);
}

static void init(void *st, const styr_acc_ctx *x)
{
    fstate *s = st;
    s->ncat = x->ng + STYR_FL_NSPECIAL;
    for (int k = 0; k < STYR_FL_NKIND; k++)
        for (int a = 0; a < STYR_FL_NAREA; a++) table_init(&s->t[k][a], s->ncat);
    for (int i = 0; i < 2; i++) table_init(&s->mv[i], s->ncat);
}

/* Count one in entry (a, b), its margins and the total, with person mark. */
static void bump(styr_flow_table *t, int a, int b, uint32_t mark)
{
    const int m = t->ncat;
    const int rows[2] = {a, m}, cols[2] = {b, m};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            styr_flow_count *c = styr_flow_at(t, rows[i], cols[j]);
            c->n++;
            if (c->stamp != mark) c->stamp = mark, c->persons++;
        }
}

/* The run holding week t, or the last run before it (-1 when none starts by t). */
static int64_t run_at_or_before(const styr_cols *c, uint64_t r0, uint64_t r1, int t)
{
    uint64_t r = styr_run_after(c, r0, r1, t);
    return r == r0 ? -1 : (int64_t)(r - 1);
}

/* The category of week t for a spell of municipality kom (flows.h). */
static int state_of(const styr_acc_ctx *x, const styr_visit *v, int t, int kom, int ncat_groups)
{
    const styr_cols *c = v->c;
    int64_t r = run_at_or_before(c, v->r0, v->r1, t);
    if (r < 0) return STYR_FL_CAT(ncat_groups, STYR_FL_SELV); /* nothing known before: selvforsørget here */
    if (c->kom[r] != kom) return STYR_FL_CAT(ncat_groups, STYR_FL_MOVED);
    if (t > (int)c->start[r] + c->len[r] - 1) return STYR_FL_CAT(ncat_groups, STYR_FL_SELV); /* no record that week */
    int g = c->yd[r];
    if (x->kind_yd[g] == STYR_YK_PUBLIC) return g;
    if (x->kind_yd[g] == STYR_YK_EDU) return STYR_FL_CAT(ncat_groups, STYR_FL_UDD);
    return STYR_FL_CAT(ncat_groups, c->timer[r] > 0 ? STYR_FL_JOB : STYR_FL_SELV);
}

/* The group of the record in week t (a week inside the spell). */
static int group_at(const styr_visit *v, int t)
{
    int64_t r = run_at_or_before(v->c, v->r0, v->r1, t);
    return r < 0 ? 0 : v->c->yd[r];
}

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    fstate *s = st;
    const styr_flows *u = x->user;
    const uint32_t mark = (uint32_t)v->person + 1;
    const int ng = x->ng;
    for (int i = 0; i < v->nspells; i++) {
        const styr_spell *sp = &v->spells[i];
        if (sp->group != u->group) continue;
        int areas[STYR_FL_NAREA], na = 0;
        if (sp->kom == u->kom) areas[na++] = STYR_FL_KOM;
        if (u->has_cluster && u->in_cluster[sp->kom]) areas[na++] = STYR_FL_CLUSTER;
        if (!na) continue;
        if (!sp->ongoing && sp->end >= u->first && sp->end <= u->last) {
            int from = group_at(v, sp->end);
            for (int h = 0; h < 2; h++) {
                int t = sp->end + (h ? 13 : 4);
                int to = t > x->panel_last ? STYR_FL_CAT(ng, STYR_FL_NOTYET) : state_of(x, v, t, sp->kom, ng);
                for (int a = 0; a < na; a++) bump(&s->t[h ? STYR_FL_OUT13 : STYR_FL_OUT4][areas[a]], from, to, mark);
            }
        }
        if (sp->start >= u->first && sp->start <= u->last) {
            int t = sp->start - 4;
            int from = t < u->panel_first ? STYR_FL_CAT(ng, STYR_FL_NOTYET) : state_of(x, v, t, sp->kom, ng);
            int to = group_at(v, sp->start);
            for (int a = 0; a < na; a++) bump(&s->t[STYR_FL_IN4][areas[a]], from, to, mark);
        }
    }
    /* moves: consecutive public records in different municipalities */
    const styr_cols *c = v->c;
    int64_t prev = -1;
    for (uint64_t r = v->r0; r < v->r1; r++) {
        if (x->kind_yd[c->yd[r]] != STYR_YK_PUBLIC) continue;
        if (prev >= 0 && c->kom[prev] != c->kom[r]) {
            int w = c->start[r];
            int dir = c->kom[r] == u->kom ? 0 : c->kom[prev] == u->kom ? 1 : -1;
            if (dir >= 0 && w >= u->first && w <= u->last) {
                bump(&s->mv[dir], c->yd[prev], c->yd[r], mark);
                /* public weeks in P from the move on: in K (moved in), outside K (moved out) */
                for (uint64_t q = r; q < v->r1 && (int)c->start[q] <= u->last; q++) {
                    if (x->kind_yd[c->yd[q]] != STYR_YK_PUBLIC) continue;
                    if ((c->kom[q] == u->kom) != (dir == 0)) continue;
                    int a = c->start[q], e = a + c->len[q] - 1;
                    if (e > u->last) e = u->last;
                    if (e >= a) s->mv_weeks[dir] += (uint64_t)(e - a + 1);
                }
            }
        }
        prev = (int64_t)r;
    }
}

static void table_merge(styr_flow_table *a, const styr_flow_table *b)
{
    size_t n = (size_t)(a->ncat + 1) * (size_t)(a->ncat + 1);
    for (size_t i = 0; i < n; i++) {
        a->cell[i].n += b->cell[i].n;
        a->cell[i].persons += b->cell[i].persons;
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    fstate *a = into;
    const fstate *b = from;
    for (int k = 0; k < STYR_FL_NKIND; k++)
        for (int r = 0; r < STYR_FL_NAREA; r++) table_merge(&a->t[k][r], &b->t[k][r]);
    for (int i = 0; i < 2; i++) {
        table_merge(&a->mv[i], &b->mv[i]);
        a->mv_weeks[i] += b->mv_weeks[i];
    }
}

/* The tables move to the output (finish runs once, on the merged state). */
static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    (void)out;
    fstate *s = (fstate *)st;
    styr_flows *u = x->user;
    u->ng = x->ng;
    u->ncat = s->ncat;
    memcpy(u->t, s->t, sizeof u->t);
    memcpy(u->mv, s->mv, sizeof u->mv);
    memcpy(u->mv_weeks, s->mv_weeks, sizeof u->mv_weeks);
    memset(s->t, 0, sizeof s->t);
    memset(s->mv, 0, sizeof s->mv);
}

static void destroy(void *st)
{
    fstate *s = st;
    for (int k = 0; k < STYR_FL_NKIND; k++)
        for (int a = 0; a < STYR_FL_NAREA; a++) free(s->t[k][a].cell);
    for (int i = 0; i < 2; i++) free(s->mv[i].cell);
}

const styr_acc styr_acc_flows = {"flows", sizeof(fstate), init, visit, merge, finish, destroy};
