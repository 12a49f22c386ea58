/* offer_sdc: discretion of the offer tables (offers.h).
 *
 * One row of the offer tables (a period, group and kind) is a small table:
 * areas (municipalities, their clusters, the country) x age bands and all
 * ages, adding up both ways. Primary cells rest on 1-4 persons; each is
 * protected as sdc.h protects the key figures, by a hypercube: two other
 * municipalities (of the cluster when they can be) and another age band,
 * every corner it takes a unit from non-empty, every published cell it
 * changes hidden too. A cluster or the country resting on 1-4 persons hides
 * every cluster and the country in the row. Periods: calendar years only,
 * which do not overlap, so no year minus its quarters recovers a cell.
 *
 * By category (styr_offer_hide_cat, issue 14): the tables of every category of
 * one filter dimension add up to the whole, so each is protected with the
 * others: the whole's pattern (unchanged) is hidden in its biggest category,
 * and every primary's hypercube in its own category is hidden in a partner
 * category too, so moving a unit between the two keeps the whole and every
 * margin. Checked by tests/unit/test_offers_filter.c (exact linear algebra and
 * GLPK bounds over the whole and every category). */
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

#include "figures.h"
#include "offers.h"

#define NCOL (STYR_NAGES + 1) /* the age bands, and all ages */
#define MAXA (STYR_MAX_KOMMUNER + 1 + 64)

typedef struct tab {
    int nkom, nareas;
    double P[MAXA][NCOL], B[MAXA][NCOL]; /* persons behind, and the count itself */
    uint8_t hide[MAXA][NCOL];
    uint8_t cube[MAXA][NCOL]; /* the cells of the last hypercube protect() chose */
    const int *cl_of;
} tab;

static int small(double p) { return p > 0 && p < STYR_DISCRETION; }
static int cluster_area(const tab *x, int k) { return x->cl_of && x->cl_of[k] >= 0 ? x->nkom + 1 + x->cl_of[k] : -1; }

/* A hypercube's corners: municipalities a, b (b < 0: none) x columns c, d (d < 0: none). Alone (y
 * NULL): one class of corners (by parity) non-empty, so moving a unit out of them is possible. With
 * a partner category y (the unit moves from one category to the other, the whole unchanged): one
 * class non-empty in x and the other in y. */
static int feasible(const tab *x, const tab *y, int a, int b, int c, int d)
{
    int ks[2] = {a, b}, cs[2] = {c, d}, ok[2] = {1, 1}, oy[2] = {1, 1};
    for (int i = 0; i < (b >= 0 ? 2 : 1); i++)
        for (int j = 0; j < (d >= 0 ? 2 : 1); j++) {
            if (x->B[ks[i]][cs[j]] <= 0) ok[(i + j) & 1] = 0;
            if (y && y->B[ks[i]][cs[j]] <= 0) oy[(i + j) & 1] = 0;
        }
    if (b < 0 && d < 0) return 1;
    return y ? (ok[0] && oy[1]) || (ok[1] && oy[0]) : ok[0] || ok[1];
}

static void mark(tab *x, int a, int b, int c, int d)
{
    int cols[3] = {c, d >= 0 ? d : STYR_NAGES, -1}, nc = 2;
    if (c == STYR_NAGES && d < 0) nc = 1;
    int ks[2] = {a, b};
    for (int i = 0; i < 2; i++) {
        if (ks[i] < 0) continue;
        for (int j = 0; j < nc; j++) x->hide[ks[i]][cols[j]] = x->cube[ks[i]][cols[j]] = 1;
        int ca = cluster_area(x, a), cb = b >= 0 ? cluster_area(x, b) : -2;
        if (ca != cb)
            for (int j = 0; j < nc; j++) {
                if (ca >= 0) x->hide[ca][cols[j]] = x->cube[ca][cols[j]] = 1;
                if (cb >= 0) x->hide[cb][cols[j]] = x->cube[cb][cols[j]] = 1;
            }
    }
}

/* Protect primary cell (k1, col) of x by a hypercube (with partner y: one the move to y allows);
 * 1 when found. None found: with fallback every municipality of the row is hidden (the cube), else
 * nothing is marked. */
static int protect(tab *x, const tab *y, int k1, int col, int fallback)
{
    memset(x->cube, 0, sizeof x->cube);
    int cands[STYR_MAX_KOMMUNER], nc = 0;
    for (int pass = 0; pass < 3; pass++) /* hidden ones, then the cluster's, then the rest */
        for (int k = 0; k < x->nkom; k++) {
            if (k == k1 || x->B[k][STYR_NAGES] <= 0) continue;
            int same = cluster_area(x, k) == cluster_area(x, k1), hid = x->hide[k][col];
            if ((pass == 0 && hid) || (pass == 1 && !hid && same) || (pass == 2 && !hid && !same)) cands[nc++] = k;
        }
    int cols[NCOL], ncols = 0;
    if (col < STYR_NAGES)
        for (int a = 0; a < STYR_NAGES; a++)
            if (a != col) cols[ncols++] = a;
    cols[ncols++] = -1; /* the column alone (changes all ages) */
    for (int ci = 0; ci < ncols; ci++) {
        int c = col, d = cols[ci];
        if (col == STYR_NAGES) { /* all ages: through a band with persons */
            c = -1;
            for (int a = 0; a < STYR_NAGES && c < 0; a++)
                if (x->B[k1][a] > 0) c = a;
            if (c < 0) continue;
            d = -1;
        }
        for (int i = 0; i < nc; i++) {
            if (!feasible(x, y, k1, cands[i], c, d)) continue;
            for (int j = i + 1; j < nc; j++) {
                if (!feasible(x, y, k1, cands[j], c, d) || !feasible(x, y, cands[i], cands[j], c, d)) continue;
                mark(x, k1, cands[i], c, d);
                mark(x, k1, cands[j], c, d);
                mark(x, cands[i], cands[j], c, d);
                return 1;
            }
        }
        if (col == STYR_NAGES) break;
    }
    if (!fallback) return 0;
    for (int k = 0; k < x->nkom; k++) /* no hypercube: the row's municipalities */
        for (int a = 0; a < NCOL; a++) x->hide[k][a] = x->cube[k][a] = 1;
    return 0;
}

/* The row's table of family fam (0 started, 1 ended) from the cells o->cell + off. */
static void fill(tab *x, const styr_offers *o, size_t off, int p, int g, int t, int fam, const int *cl_of)
{
    memset(x, 0, sizeof *x);
    x->nkom = o->nk - 1, x->cl_of = cl_of;
    for (int k = 0; k <= x->nkom; k++)
        for (int a = 0; a < STYR_NAGES; a++) {
            const styr_offer_cell *c = styr_offer_at(o, p, k, g, t, a) + off;
            double P = fam ? c->ended_p : c->started_p, B = fam ? c->ended : c->started;
            int ca = k < x->nkom ? cluster_area(x, k) : -1;
            x->P[k][a] += P, x->B[k][a] += B, x->P[k][STYR_NAGES] += P, x->B[k][STYR_NAGES] += B;
            if (ca >= 0 && ca < MAXA) x->P[ca][a] += P, x->B[ca][a] += B, x->P[ca][STYR_NAGES] += P, x->B[ca][STYR_NAGES] += B;
        }
    x->nareas = x->nkom + 1 + 64;
}

/* Whether a cluster or the country rests on 1-4 persons. */
static int top_small(const tab *x)
{
    for (int a = x->nkom; a < x->nareas; a++)
        for (int c = 0; c < NCOL; c++)
            if (small(x->P[a][c])) return 1;
    return 0;
}

static void hide_top(tab *x)
{
    for (int a = x->nkom; a < x->nareas; a++)
        for (int c = 0; c < NCOL; c++) x->hide[a][c] = 1;
}

/* One table's pattern alone. */
static void pattern(tab *x)
{
    for (int k = 0; k < x->nkom; k++)
        for (int a = 0; a < NCOL; a++) x->hide[k][a] = (uint8_t)small(x->P[k][a]);
    for (int k = 0; k < x->nkom; k++)
        for (int a = 0; a < NCOL; a++)
            if (small(x->P[k][a])) protect(x, NULL, k, a, 1);
    /* clusters and the country: one resting on 1-4 persons hides them all */
    if (top_small(x)) hide_top(x);
}

unsigned styr_offer_hide(const styr_offers *o, int p, int g, int t, int area, int col, const int *cl_of, int year_period)
{
    const unsigned all = STYR_OH_STARTED | STYR_OH_ENDED;
    if (!year_period) return all;
    static _Thread_local tab x;
    unsigned h = 0;
    for (int fam = 0; fam < 2; fam++) {
        fill(&x, o, 0, p, g, t, fam, cl_of);
        pattern(&x);
        if (area >= 0 && area < x.nareas && col >= 0 && col < NCOL && x.hide[area][col])
            h |= fam ? STYR_OH_ENDED : STYR_OH_STARTED;
    }
    return h;
}

/* ---- by category (styr_offer_hide_cat) ------------------------------------------------------- */

/* The partner of category c for the cells m marks: not c, the most of it already hidden, then the
 * most offers in them; -1 when there is no other category. */
static int partner(const tab *X, int ncat, int c, const uint8_t m[MAXA][NCOL], int nareas)
{
    int best = -1;
    double bs = -1;
    for (int q = 0; q < ncat; q++) {
        if (q == c) continue;
        double hid = 0, n = 0;
        for (int a = 0; a < nareas; a++)
            for (int j = 0; j < NCOL; j++)
                if (m[a][j]) hid += X[q].hide[a][j], n += X[q].B[a][j];
        double sc = hid * 1e12 + n;
        if (sc > bs) bs = sc, best = q;
    }
    return best;
}

static void mirror(tab *into, const uint8_t m[MAXA][NCOL], int nareas)
{
    for (int a = 0; a < nareas; a++)
        for (int j = 0; j < NCOL; j++)
            if (m[a][j]) into->hide[a][j] = 1;
}

/* Under 30 or not is the age band 16-29 or not (offers.h: both by the week an offer starts or
 * ends in), so the categories' cells are the whole's: the young's are its band 16-29, the others'
 * its other bands and all ages minus 16-29. Their pattern follows the whole's and shows nothing it
 * does not: 30 and over, all ages, is hidden when the whole's all ages or 16-29 is. */
static unsigned hide_unge(const styr_offers *o, int c, int p, int g, int t, int area, int col, const int *cl_of)
{
    static _Thread_local tab x;
    unsigned h = 0;
    for (int fam = 0; fam < 2; fam++) {
        fill(&x, o, 0, p, g, t, fam, cl_of);
        pattern(&x);
        if (area < 0 || area >= x.nareas || col < 0 || col >= NCOL) continue;
        int hid;
        if (c == 0) hid = col == STYR_NAGES || col == 0 ? x.hide[area][0] : 0; /* other bands: none young */
        else hid = col == STYR_NAGES ? x.hide[area][0] || x.hide[area][STYR_NAGES] : col == 0 ? 0 : x.hide[area][col];
        if (hid) h |= fam ? STYR_OH_ENDED : STYR_OH_STARTED;
    }
    return h;
}

unsigned styr_offer_hide_cat(const styr_offers *o, int c, int p, int g, int t, int area, int col, const int *cl_of,
                             int year_period)
{
    const unsigned all = STYR_OH_STARTED | STYR_OH_ENDED;
    if (!year_period) return all;
    if (o->ncat <= 1) return styr_offer_hide(o, p, g, t, area, col, cl_of, year_period); /* the category is the whole */
    const size_t block = (size_t)o->np * (size_t)o->nk * (size_t)o->ng * (size_t)o->no * STYR_NAGES;
    if (o->cat_dim == STYR_OCAT_UNGE) return hide_unge(o, c, p, g, t, area, col, cl_of);
    tab *X = styr_xcalloc((size_t)o->ncat + 1, sizeof *X), *T = &X[o->ncat];
    static _Thread_local uint8_t m[MAXA][NCOL];
    unsigned h = 0;
    for (int fam = 0; fam < 2; fam++) {
        /* the whole's own pattern, unchanged */
        fill(T, o, 0, p, g, t, fam, cl_of);
        pattern(T);
        int big = 0;
        for (int q = 0; q < o->ncat; q++) {
            fill(&X[q], o, block * (size_t)(1 + q), p, g, t, fam, cl_of);
            if (X[q].B[T->nkom][STYR_NAGES] > X[big].B[T->nkom][STYR_NAGES]) big = q;
        }
        const int na = T->nareas;
        /* the whole's hidden cells in its biggest category: the whole's hypercubes move it there */
        mirror(&X[big], T->hide, na);
        /* each category's primaries */
        for (int q = 0; q < o->ncat; q++)
            for (int k = 0; k < X[q].nkom; k++)
                for (int a = 0; a < NCOL; a++)
                    if (small(X[q].P[k][a])) X[q].hide[k][a] = 1;
        /* their hypercubes, each copied into a partner category: the first (by most offers in the
         * primary's municipality) with which a unit can move from one to the other */
        for (int q = 0; q < o->ncat; q++)
            for (int k = 0; k < X[q].nkom; k++)
                for (int a = 0; a < NCOL; a++) {
                    if (!small(X[q].P[k][a])) continue;
                    /* the pair's sum in the cell is known (the whole minus the others): it must rest on
                     * 5 or more persons, where a partner can give that */
                    int done = 0, enough = 0;
                    for (int qq = 0; qq < o->ncat; qq++)
                        if (qq != q && X[q].P[k][a] + X[qq].P[k][a] >= STYR_DISCRETION) enough = 1;
                    uint8_t tried[256] = {0};
                    for (int n = 0; n < o->ncat - 1 && n < 255 && !done; n++) {
                        int r = -1;
                        for (int qq = 0; qq < o->ncat && qq < 256; qq++) {
                            if (qq == q || tried[qq]) continue;
                            if (enough && X[q].P[k][a] + X[qq].P[k][a] < STYR_DISCRETION) continue;
                            if (r < 0 || X[qq].B[k][STYR_NAGES] > X[r].B[k][STYR_NAGES]) r = qq;
                        }
                        if (r < 0) break;
                        tried[r] = 1;
                        if ((done = protect(&X[q], &X[r], k, a, 0))) mirror(&X[r], X[q].cube, na);
                    }
                    /* none: the row in both, with the partner that loses least (its row hidden already,
                     * else the fewest offers) among those the pair's sum allows (else the most in the
                     * cell); a unit moves from the primary to it */
                    int best = -1, bh = 0;
                    for (int qq = 0; qq < o->ncat && !done; qq++) {
                        if (qq == q) continue;
                        if (!enough) {
                            if (best < 0 || X[qq].P[k][a] > X[best].P[k][a]) best = qq;
                            continue;
                        }
                        if (X[q].P[k][a] + X[qq].P[k][a] < STYR_DISCRETION) continue;
                        int rowhid = 1;
                        for (int kk = 0; kk < X[qq].nkom && rowhid; kk++)
                            for (int j = 0; j < NCOL && rowhid; j++) rowhid = X[qq].hide[kk][j];
                        if (best < 0 || rowhid > bh ||
                            (rowhid == bh && X[qq].B[T->nkom][STYR_NAGES] < X[best].B[T->nkom][STYR_NAGES]))
                            best = qq, bh = rowhid;
                    }
                    if (!done && best >= 0) { /* and the clusters and the country, which the move changes */
                        protect(&X[q], &X[best], k, a, 1);
                        hide_top(&X[q]);
                        for (int t2 = X[q].nkom; t2 < na; t2++)
                            for (int j = 0; j < NCOL; j++) X[q].cube[t2][j] = 1;
                        mirror(&X[best], X[q].cube, na);
                    }
                }
        /* clusters and the country: one resting on 1-4 persons hides them all, in a partner too */
        for (int q = 0; q < o->ncat; q++) {
            if (!top_small(&X[q])) continue;
            hide_top(&X[q]);
            memset(m, 0, sizeof m);
            for (int a = X[q].nkom; a < na; a++)
                for (int j = 0; j < NCOL; j++) m[a][j] = 1;
            int r = partner(X, o->ncat, q, (const uint8_t(*)[NCOL])m, na);
            if (r >= 0) hide_top(&X[r]);
        }
        if (c >= 0 && c < o->ncat && area >= 0 && area < na && col >= 0 && col < NCOL && X[c].hide[area][col])
            h |= fam ? STYR_OH_ENDED : STYR_OH_STARTED;
    }
    free(X);
    return h;
}
