/* y30r21: STAR's benchmark "forventet mod faktisk" from the public figures. */
#include "y30r21.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../core/period.h"
#include <stdio.h>

static const char *const gkey[Y30_NGROUPS] = {"i_alt", "dagpenge_mv", "sygedagpenge_mv", "kontanthjaelp_mv"};
static const char *const glabel[Y30_NGROUPS] = {"Ydelsesgrupper i alt", "A-dagpenge mv.", "Sygedagpenge mv.",
                                                "Kontanthjælp mv."};
static const char *const mkey[Y30_NMEAS] = {"forventet_antal", "faktisk_antal",   "forskel_antal",    "forventet_andel",
                                            "faktisk_andel",   "forskel_pct_point", "placering"};

const char *styr_y30_group_key(int g) { return g >= 0 && g < Y30_NGROUPS ? gkey[g] : ""; }
const char *styr_y30_group_label(int g) { return g >= 0 && g < Y30_NGROUPS ? glabel[g] : ""; }
const char *styr_y30_measure_key(int m) { return m >= 0 && m < Y30_NMEAS ? mkey[m] : ""; }

/* Labels compared without case and with surrounding blanks ignored. */
static int label_eq(const char *a, size_t na, const char *b)
{
    while (na && (*a == ' ' || *a == '\t')) a++, na--;
    while (na && (a[na - 1] == ' ' || a[na - 1] == '\t')) na--;
    return strlen(b) == na && !strncasecmp(a, b, na);
}

int styr_y30_group_by_key(const char *s)
{
    if (!s) return -1;
    for (int g = 0; g < Y30_NGROUPS; g++)
        if (!strcasecmp(s, gkey[g]) || label_eq(s, strlen(s), glabel[g])) return g;
    return -1;
}

int styr_y30_group_of_dims(const char *dims)
{
    if (!dims || !*dims) return Y30_I_ALT;
    int named = 0;
    for (const char *p = dims; *p;) {
        const char *end = strchr(p, '|');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', n);
        if (eq) {
            const char *v = eq + 1;
            size_t nv = n - (size_t)(v - p);
            for (int g = 0; g < Y30_NGROUPS; g++)
                if (label_eq(v, nv, glabel[g])) return g;
            /* the group dimension with another value */
            if ((size_t)(eq - p) >= 14 && !strncasecmp(p, "ydelsesgruppe", 13)) named = 1;
        }
        p += n;
        if (*p == '|') p++;
    }
    return named ? -1 : Y30_I_ALT;
}

/* strcasestr for ASCII needles (the UTF-8 of the label passes through). */
static int has(const char *s, const char *needle)
{
    size_t n = strlen(needle);
    for (; *s; s++)
        if (!strncasecmp(s, needle, n)) return 1;
    return 0;
}

int styr_y30_measure_of(const char *maal)
{
    if (!maal) return -1;
    /* the measure part after the group's "...: " where there is one */
    const char *m = strrchr(maal, ':');
    m = m ? m + 1 : maal;
    if (has(m, "placering") || has(maal, "benchmarkrangliste")) return Y30_PLACERING;
    if (has(m, "forskel")) {
        if (has(m, "point") || has(m, "procentpoint") || has(m, "andel")) return Y30_FORSKEL_PP;
        if (has(m, "antal")) return Y30_FORSKEL_ANTAL;
        return -1;
    }
    if (has(m, "forventet andel")) return Y30_FORV_ANDEL;
    if (has(m, "faktisk andel")) return Y30_FAKT_ANDEL;
    if (has(m, "forventet antal")) return Y30_FORV_ANTAL;
    if (has(m, "faktisk antal")) return Y30_FAKT_ANTAL;
    return -1;
}

/* ---- reading ------------------------------------------------------------------------------ */

typedef struct pctx {
    char (*out)[16];
    int cap, n;
    int fra[64], til[64];
} pctx;

static int period_cb(const styr_pub_hit *h, void *ud)
{
    pctx *c = ud;
    for (int i = 0; i < c->n; i++)
        if (c->fra[i] == h->fra && c->til[i] == h->til) return 0;
    if (c->n >= c->cap || c->n >= 64) return 0;
    /* rows come ordered by period (first week, then last): append keeps the order */
    snprintf(c->out[c->n], 16, "%s", h->row.periode);
    c->fra[c->n] = h->fra, c->til[c->n] = h->til;
    c->n++;
    return 0;
}

styr_rc styr_y30_periods(styr_ws *ws, char (*out)[16], int cap, int *n, styr_diags *d)
{
    *n = 0;
    if (!styr_pub_any(ws, "jobindsats")) return STYR_OK;
    /* one measure is enough to see every period; but a release may lack one, so all are read */
    pctx c = {out, cap, 0, {0}, {0}};
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.kilde = "jobindsats";
    f.tabel = "y30r21";
    styr_rc rc = styr_pub_select(ws, &f, period_cb, &c, d);
    /* ordered by measure first, so sort by the span */
    for (int i = 1; i < c.n; i++)
        for (int j = i; j > 0 && (c.til[j] < c.til[j - 1] || (c.til[j] == c.til[j - 1] && c.fra[j] < c.fra[j - 1])); j--) {
            char t[16];
            memcpy(t, out[j], 16), memcpy(out[j], out[j - 1], 16), memcpy(out[j - 1], t, 16);
            int x = c.fra[j]; c.fra[j] = c.fra[j - 1]; c.fra[j - 1] = x;
            x = c.til[j]; c.til[j] = c.til[j - 1]; c.til[j - 1] = x;
        }
    *n = c.n;
    return rc;
}

typedef struct lctx {
    styr_y30_table *t;
    const styr_codes *c;
} lctx;

static int load_cb(const styr_pub_hit *h, void *ud)
{
    lctx *x = ud;
    const styr_pub_row *r = &h->row;
    if (r->kommune <= 0 || r->kommune >= 1000) return 0;
    int k = x->c->kom_idx[r->kommune];
    if (k < 0 || k >= x->t->n) return 0;
    if (styr_y30_group_of_dims(r->dims) != x->t->group) return 0;
    int m = styr_y30_measure_of(r->maal);
    if (m < 0) return 0;
    styr_y30_row *row = &x->t->row[k];
    if (r->tilstand == STYR_PUB_VALUE && isfinite(r->vaerdi)) row->m[m] = (styr_y30_val){r->vaerdi, STYR_PUB_VALUE};
    else if (r->tilstand == STYR_PUB_SUPPRESSED) row->m[m] = (styr_y30_val){0, STYR_PUB_SUPPRESSED};
    else return 0;
    row->any = 1;
    if (m == Y30_PLACERING && r->tilstand == STYR_PUB_VALUE) x->t->has_rank = 1;
    x->t->found++;
    return 0;
}

styr_rc styr_y30_load(styr_ws *ws, const styr_codes *c, const char *period, int group, styr_y30_table *t,
                      styr_diags *d)
{
    memset(t, 0, sizeof *t);
    t->group = group;
    t->n = c->dict.nkom;
    for (int k = 0; k < t->n; k++) {
        t->row[k].kommune = c->dict.kom[k];
        for (int m = 0; m < Y30_NMEAS; m++) t->row[k].m[m].state = STYR_PUB_NONE;
    }
    char per[64][16];
    int np = 0;
    styr_rc rc = styr_y30_periods(ws, per, 64, &np, d);
    if (rc || !np) return rc;
    styr_period want;
    int at = np - 1;
    if (period) {
        if (styr_period_parse(period, &want)) return STYR_OK;
        at = -1;
        for (int i = 0; i < np && at < 0; i++) {
            styr_period p;
            if (!styr_period_parse(per[i], &p) && p.first == want.first && p.last == want.last) at = i;
        }
        if (at < 0) return STYR_OK;
    }
    styr_period p;
    if (styr_period_parse(per[at], &p)) return STYR_OK;
    snprintf(t->periode, sizeof t->periode, "%s", per[at]);
    snprintf(t->periode_navn, sizeof t->periode_navn, "%s", p.name);
    styr_pub_filter f;
    styr_pub_filter_init(&f);
    f.kilde = "jobindsats";
    f.tabel = "y30r21";
    f.fra = p.first;
    f.til = p.last;
    lctx x = {t, c};
    rc = styr_pub_select(ws, &f, load_cb, &x, d);
    if (!rc) styr_y30_rank_table(t);
    return rc;
}

/* ---- ranks and neighbours ----------------------------------------------------------------- */

int styr_y30_rank(const double *diff, const int *ok, int n, int *rank)
{
    int m = 0;
    for (int i = 0; i < n; i++) {
        rank[i] = 0;
        if (!ok[i]) continue;
        m++;
        int r = 1;
        for (int j = 0; j < n; j++)
            if (ok[j] && diff[j] < diff[i]) r++;
        rank[i] = r;
    }
    return m;
}

void styr_y30_rank_table(styr_y30_table *t)
{
    double diff[STYR_MAX_KOMMUNER] = {0};
    int ok[STYR_MAX_KOMMUNER] = {0}, rank[STYR_MAX_KOMMUNER] = {0};
    for (int k = 0; k < t->n; k++) {
        ok[k] = t->row[k].m[Y30_FORSKEL_PP].state == STYR_PUB_VALUE;
        diff[k] = ok[k] ? t->row[k].m[Y30_FORSKEL_PP].v : 0;
    }
    t->nranked = styr_y30_rank(diff, ok, t->n, rank);
    for (int k = 0; k < t->n; k++) t->row[k].rank = rank[k];
}

int styr_y30_rank_agrees(const styr_y30_table *t)
{
    for (int k = 0; k < t->n; k++)
        if (t->row[k].m[Y30_PLACERING].state == STYR_PUB_VALUE && t->row[k].m[Y30_PLACERING].v > t->nranked) return -1;
    int bad = 0;
    for (int k = 0; k < t->n; k++) {
        const styr_y30_row *r = &t->row[k];
        if (!r->rank || r->m[Y30_PLACERING].state != STYR_PUB_VALUE) continue;
        int ties = 0;
        for (int j = 0; j < t->n; j++)
            if (t->row[j].rank && t->row[j].m[Y30_FORSKEL_PP].v == r->m[Y30_FORSKEL_PP].v) ties++;
        double pub = r->m[Y30_PLACERING].v;
        if (pub < r->rank || pub > r->rank + ties - 1) bad++;
    }
    return bad;
}

int styr_y30_nearest(const double *share, const int *ok, const int *code, int n, int own, int want, int *out)
{
    if (own < 0 || own >= n || !ok[own]) return 0;
    int m = 0;
    for (int i = 0; i < n; i++)
        if (i != own && ok[i]) out[m++] = i;
    /* insertion sort by distance, then code: n is at most 98 */
    for (int i = 1; i < m; i++)
        for (int j = i; j > 0; j--) {
            int a = out[j - 1], b = out[j];
            double da = fabs(share[a] - share[own]), db = fabs(share[b] - share[own]);
            /* published shares have few decimals: distances within 1e-9 are equal (10,6 - 10,5 and
             * 10,5 - 10,4 differ in binary), so that ties go by code as they should */
            int tie = fabs(da - db) < 1e-9;
            if ((!tie && db < da) || (tie && code[b] < code[a])) out[j - 1] = b, out[j] = a;
            else break;
        }
    return m < want ? m : want;
}

styr_rc styr_y30_comparable(styr_ws *ws, const styr_codes *c, int k, uint8_t *in, char periode[16], int *nmembers,
                            styr_diags *d)
{
    *nmembers = 0;
    periode[0] = 0;
    static styr_y30_table t; /* 98 rows of 7 values: kept off the stack */
    styr_rc rc = styr_y30_load(ws, c, NULL, Y30_I_ALT, &t, d);
    if (rc || !t.found) return rc;
    double share[STYR_MAX_KOMMUNER];
    int ok[STYR_MAX_KOMMUNER], code[STYR_MAX_KOMMUNER], near[STYR_MAX_KOMMUNER];
    for (int j = 0; j < t.n; j++) {
        ok[j] = t.row[j].m[Y30_FORV_ANDEL].state == STYR_PUB_VALUE;
        share[j] = ok[j] ? t.row[j].m[Y30_FORV_ANDEL].v : 0;
        code[j] = t.row[j].kommune;
    }
    int m = styr_y30_nearest(share, ok, code, t.n, k, STYR_Y30_NEAREST, near);
    if (!ok[k]) return STYR_OK;
    memset(in, 0, (size_t)t.n);
    in[k] = 1;
    for (int i = 0; i < m; i++) in[near[i]] = 1;
    snprintf(periode, 16, "%s", t.periode);
    *nmembers = m + 1;
    return STYR_OK;
}
