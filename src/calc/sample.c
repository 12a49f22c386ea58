/* sample: current spells in one pass, stratified, drawn by hash. */
#include "sample.h"

#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/week.h"
#include <stdio.h>

const char *const styr_len_names[STYR_NLEN] = {"1-13", "14-26", "27-52", "53-104", "105-"};

const char *styr_offer_status_name(int s)
{
    return s == 0 ? styr_tr("i tilbud nu", "in an offer now")
         : s == 1 ? styr_tr("tidligere tilbud", "earlier offer")
                  : styr_tr("intet tilbud", "no offer");
}

void styr_stratum_text(char *buf, size_t cap, int s)
{
    snprintf(buf, cap, "%s %s, %s", styr_len_names[s / STYR_NOFFER], styr_tr("uger", "weeks"),
             styr_offer_status_name(s % STYR_NOFFER));
}

static int len_band(int w) { return w <= 13 ? 0 : w <= 26 ? 1 : w <= 52 ? 2 : w <= 104 ? 3 : 4; }

typedef struct sjob { int g, kom, ref; uint64_t seed; styr_sample *res; } sjob;
typedef struct sstate { styr_case *c; size_t n, cap; } sstate;

static void init(void *st, const styr_acc_ctx *x) { (void)st, (void)x; }

static void visit(void *st, const styr_acc_ctx *x, const styr_visit *v)
{
    sstate *s = st;
    const sjob *in = x->user;
    const styr_cols *c = v->c;
    for (int i = 0; i < v->nspells; i++) {
        const styr_spell *sp = &v->spells[i];
        if (sp->group != in->g || sp->kom != in->kom || sp->end != in->ref) continue;
        int tb_now = 0, earlier = 0;
        for (uint64_t r = v->r0; r < v->r1; r++) {
            int a = c->start[r], e = a + c->len[r] - 1;
            if ((c->yd[r] != in->g && x->union_yd[c->yd[r]] != in->g) || e < sp->start || a > sp->end || !c->tb[r]) continue;
            if (e == in->ref) tb_now = c->tb[r];
            else earlier = 1;
        }
        int status = tb_now ? 0 : earlier ? 1 : 2;
        size_t len;
        const char *id = styr_person_id(c, v->person, &len);
        if (s->n == s->cap) s->c = styr_xrealloc(s->c, (s->cap = s->cap ? 2 * s->cap : 64) * sizeof *s->c);
        s->c[s->n++] = (styr_case){v->person, XXH3_64bits_withSeed(id, len, in->seed), sp->start,
                                   sp->end - sp->start + 1, len_band(sp->end - sp->start + 1) * STYR_NOFFER + status,
                                   tb_now};
    }
}

static void merge(void *into, const void *from, const styr_acc_ctx *x)
{
    (void)x;
    sstate *a = into;
    const sstate *b = from;
    if (!b->n) return;
    a->c = styr_xrealloc(a->c, (a->n + b->n) * sizeof *a->c);
    memcpy(a->c + a->n, b->c, b->n * sizeof *b->c);
    a->n += b->n;
    a->cap = a->n;
}

static void finish(const void *st, const styr_acc_ctx *x, styr_cube *out)
{
    (void)out;
    const sstate *s = st;
    styr_sample *res = ((const sjob *)x->user)->res;
    res->cases = styr_xmalloc((s->n ? s->n : 1) * sizeof *res->cases);
    memcpy(res->cases, s->c, s->n * sizeof *s->c);
    res->n = s->n;
}

static void free_state(void *st) { free(((sstate *)st)->c); }

static const styr_acc acc_sample = {"sample", sizeof(sstate), init, visit, merge, finish, free_state};

static int by_stratum_key(const void *a, const void *b)
{
    const styr_case *x = a, *y = b;
    if (x->stratum != y->stratum) return x->stratum - y->stratum;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    return (x->person > y->person) - (x->person < y->person);
}

void styr_sample_allocate(const size_t *pop, int ns, size_t n, size_t *out)
{
    size_t total = 0, nonempty = 0, given = 0;
    for (int i = 0; i < ns; i++) total += pop[i], nonempty += pop[i] > 0;
    memset(out, 0, (size_t)ns * sizeof *out);
    if (!total) return;
    if (n > total) n = total;
    double rem[64];
    if (ns > 64) ns = 64;
    for (int i = 0; i < ns; i++) {
        double q = (double)n * (double)pop[i] / (double)total;
        out[i] = (size_t)q;
        rem[i] = q - (double)out[i];
        given += out[i];
    }
    while (given < n) { /* largest remainder, ties to the larger stratum, then the first */
        int best = -1;
        for (int i = 0; i < ns; i++)
            if (out[i] < pop[i] && (best < 0 || rem[i] > rem[best] || (rem[i] == rem[best] && pop[i] > pop[best])))
                best = i;
        if (best < 0) break; /* every stratum is full (cannot happen with n <= total) */
        out[best]++, rem[best] = -1, given++;
    }
    /* at least one case per non-empty stratum, taken from the largest allocation */
    if (n >= nonempty)
        for (int i = 0; i < ns; i++) {
            if (!pop[i] || out[i]) continue;
            int big = -1;
            for (int j = 0; j < ns; j++)
                if (out[j] > 1 && (big < 0 || out[j] > out[big])) big = j;
            if (big < 0) break;
            out[big]--, out[i]++;
        }
}

styr_rc styr_sample_draw(styr_ws *ws, int g, int kom, size_t n, uint64_t seed, styr_sample *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    sjob user = {g, kom, styr_panel_week_max(p), seed, out};
    out->ref = user.ref;
    /* the pass needs a period; only the extra accumulator runs */
    styr_pset ps;
    styr_period any;
    char y[16];
    snprintf(y, sizeof y, "%d", user.ref >= 0 ? styr_week_year(user.ref) : 2024);
    styr_period_parse(y, &any);
    if ((rc = styr_pset_build(&ps, &any, 1, d))) return rc;
    styr_cube cube;
    styr_engine_opts eo = {.extra = &acc_sample, .user = &user, .only_extra = 1};
    rc = styr_engine_run(p, styr_ws_codes(ws), &ps, &eo, &cube, d);
    styr_pset_free(&ps);
    styr_cube_free(&cube);
    if (rc) return rc;
    qsort(out->cases, out->n, sizeof *out->cases, by_stratum_key);
    for (size_t i = 0; i < out->n; i++) out->population[out->cases[i].stratum]++;
    styr_sample_allocate(out->population, STYR_NSTRATA_SAMPLE, n, out->drawn);
    /* keep the first drawn[s] of each stratum */
    size_t w = 0, i = 0;
    for (int s = 0; s < STYR_NSTRATA_SAMPLE; s++) {
        for (size_t j = 0; j < out->population[s]; j++, i++)
            if (j < out->drawn[s]) out->cases[w++] = out->cases[i];
    }
    out->n = w;
    return STYR_OK;
}

void styr_sample_free(styr_sample *s)
{
    free(s->cases);
    memset(s, 0, sizeof *s);
}
