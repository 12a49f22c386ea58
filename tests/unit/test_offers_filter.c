/* Offers by target group, origin and unit (issue 14 §1, calc/offers.h) on a
 * hand-computed panel, and the discretion of the category tables against an
 * attacker who holds the whole table and every category's.
 *
 * The panel (kontanthjælp, København; praktik is the offer):
 *   A  born 2000 (young), dansk: kontanthjælp 2024-W01..W10, W01-W04 jobparat
 *      in Team Nord, W05-W10 aktivitetsparat in Team Syd; praktik W03-W08:
 *      starts jobparat/Team Nord/young, ends aktivitetsparat/Team Syd/young.
 *   B  born 1980, non-Western immigrant arrived 2016 (a refugee in 2024):
 *      kontanthjælp W03-W08 aktivitetsparat in Team Syd; praktik W04-W06.
 *   D  born 1975, non-Western immigrant arrived 2014 (a refugee in 2023, not
 *      in 2024): kontanthjælp 2023-W50..2024-W02, no visitation nor unit;
 *      praktik 2023-W51..2024-W01: starts in 2023 a refugee, ends in 2024 not.
 *   Z  the sentinel: a job week in 2025-W52 (the panel's last week). */
#include "harness.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>

#include "calc/figures.h"
#include "calc/offers.h"

static const char long_csv[] =
    "person;uge;kommune;ydelse;tilbud;timer;visitation;enhed\n"
    "A;2024-W01;101;kontanthjaelp;;;jobparat;Team Nord\nA;2024-W02;101;kontanthjaelp;;;jobparat;Team Nord\n"
    "A;2024-W03;101;kontanthjaelp;praktik;;jobparat;Team Nord\nA;2024-W04;101;kontanthjaelp;praktik;;jobparat;Team Nord\n"
    "A;2024-W05;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\nA;2024-W06;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\n"
    "A;2024-W07;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\nA;2024-W08;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\n"
    "A;2024-W09;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nA;2024-W10;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "B;2024-W03;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nB;2024-W04;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\n"
    "B;2024-W05;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\nB;2024-W06;101;kontanthjaelp;praktik;;aktivitetsparat;Team Syd\n"
    "B;2024-W07;101;kontanthjaelp;;;aktivitetsparat;Team Syd\nB;2024-W08;101;kontanthjaelp;;;aktivitetsparat;Team Syd\n"
    "D;2023-W50;101;kontanthjaelp;;;;\nD;2023-W51;101;kontanthjaelp;praktik;;;\nD;2023-W52;101;kontanthjaelp;praktik;;;\n"
    "D;2024-W01;101;kontanthjaelp;praktik;;;\nD;2024-W02;101;kontanthjaelp;;;;\n"
    "Z;2025-W52;851;;;37;;\n";
static const char persons_csv[] =
    "person;foedt;koen;oprindelse;indrejst\n"
    "A;2000-01-01;K;dansk;\nB;1980-05-05;M;indvandrer_ikke_vestlig;2016\n"
    "D;1975-07-07;M;indvandrer_ikke_vestlig;2014\nZ;1990-01-01;M;;\n";

typedef struct expect {
    int dim, cat;        /* STYR_OCAT_*, category; dim NONE: the whole */
    const char *periode;
    uint32_t started, ended, weeks; /* København, kontanthjælp, praktik, all ages */
} expect;

static const expect cases[] = {
    {STYR_OCAT_NONE, 0, "2024", 2, 3, 10},              /* A, B started; A, B, D ended; 6 + 3 + 1 weeks */
    {STYR_OCAT_VIS, STYR_VIS_JOBPARAT, "2024", 1, 0, 2}, /* A starts jobparat (W03-W04) */
    {STYR_OCAT_VIS, STYR_VIS_AKTIVITETSPARAT, "2024", 1, 2, 7}, /* B starts; A, B end; A W05-W08, B W04-W06 */
    {STYR_OCAT_VIS, STYR_VIS_UOPLYST, "2024", 0, 1, 1},  /* D ends 2024-W01 */
    {STYR_OCAT_ENH, 1, "2024", 1, 0, 2},                 /* Team Nord: A's start */
    {STYR_OCAT_ENH, 2, "2024", 1, 2, 7},                 /* Team Syd */
    {STYR_OCAT_ENH, 0, "2024", 0, 1, 1},                 /* no unit: D */
    {STYR_OCAT_UNGE, 0, "2024", 1, 1, 6},                /* A */
    {STYR_OCAT_UNGE, 1, "2024", 1, 2, 4},                /* B; B, D */
    {STYR_OCAT_FLYGT, 0, "2024", 1, 1, 3},               /* B (2024 - 2016 = 8) */
    {STYR_OCAT_FLYGT, 1, "2024", 1, 2, 7},               /* A; A, D (2024 - 2014 = 10) */
    {STYR_OCAT_FLYGT, 0, "2023", 1, 0, 2},               /* D starts 2023-W51 a refugee (9) */
    {STYR_OCAT_FLYGT, 1, "2023", 0, 0, 0},
    {STYR_OCAT_OPR, STYR_OPR_DANSK, "2024", 1, 1, 6},    /* A */
    {STYR_OCAT_OPR, STYR_OPR_IND_IKKEVEST, "2024", 1, 2, 4},
};

static void test_offers_by_category(void **state)
{
    (void)state;
    const char *ws = th_ws("offers14.ws");
    const char *files[2] = {th_file("offers14.csv", long_csv), th_file("offers14-personer.csv", persons_csv)};
    styr_diags d;
    styr_diags_init(&d);
    styr_rc rc = th_import(ws, files, 2, 0, &d, NULL);
    if (rc) th_dump(&d);
    assert_int_equal(rc, STYR_OK);
    styr_ws *w;
    assert_int_equal(styr_ws_open(ws, STYR_WS_READ, &w, &d), STYR_OK);
    const styr_codes *codes = styr_ws_codes(w);
    int k = codes->kom_idx[101], g = styr_codes_ydelse(codes, "kontanthjaelp", 13), t = styr_codes_tilbud(codes, "praktik", 7);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const expect *x = &cases[i];
        styr_period per;
        assert_int_equal(styr_period_parse(x->periode, &per), 0);
        styr_offers o;
        assert_int_equal(styr_offers_compute_cat(w, &per, 1, x->dim, 0, &o, &d), STYR_OK);
        styr_offers v = x->dim ? styr_offers_category(&o, x->cat) : o;
        uint32_t st = 0, en = 0, wk = 0;
        for (int kk = 0; kk < 2; kk++) /* the municipality, then the country: the same here */
            for (int a = 0, s0 = 0, e0 = 0, w0 = 0; a <= STYR_NAGES; a++) {
                if (a == STYR_NAGES) {
                    if (kk == 0) st = (uint32_t)s0, en = (uint32_t)e0, wk = (uint32_t)w0;
                    else if ((uint32_t)s0 != st || (uint32_t)e0 != en || (uint32_t)w0 != wk)
                        fail_msg("case %zu: the country differs from København", i);
                    break;
                }
                const styr_offer_cell *c = styr_offer_at(&v, 0, kk ? o.nk - 1 : k, g, t, a);
                s0 += (int)c->started, e0 += (int)c->ended, w0 += (int)c->weeks;
            }
        if (st != x->started || en != x->ended || wk != x->weeks)
            fail_msg("case %zu (dim %d cat %d %s): started %u ended %u weeks %u, want %u %u %u", i, x->dim, x->cat,
                     x->periode, st, en, wk, x->started, x->ended, x->weeks);
        /* under 30 is the age band 16-29 (the whole's cells: offer_sdc.c's hide_unge rests on it) */
        if (x->dim == STYR_OCAT_UNGE)
            for (size_t j = 0; j < (size_t)o.np * o.nk * o.ng * o.no * STYR_NAGES; j++) {
                styr_offers u = styr_offers_category(&o, j % STYR_NAGES ? 1 : 0);
                assert_int_equal(u.cell[j].started, o.cell[j].started);
                assert_int_equal(u.cell[j].ended, o.cell[j].ended);
            }
        /* the categories add up to the whole */
        if (x->dim) {
            for (size_t j = 0; j < (size_t)o.np * o.nk * o.ng * o.no * STYR_NAGES; j++) {
                uint64_t s = 0, e = 0, n = 0;
                for (int q = 0; q < o.ncat; q++) {
                    styr_offers cq = styr_offers_category(&o, q);
                    s += cq.cell[j].started, e += cq.cell[j].ended, n += cq.cell[j].weeks;
                }
                assert_int_equal(s, o.cell[j].started);
                assert_int_equal(e, o.cell[j].ended);
                assert_int_equal(n, o.cell[j].weeks);
            }
        }
        styr_offers_free(&o);
    }
    styr_ws_close(w);
    styr_diags_free(&d);
}

/* ---- discretion by category: hand-built tables ------------------------------------------------ */

#define NKOM 5
#define NCAT 3
static int ncat = NCAT; /* categories in use: 3, or 2 as unge and flygtninge have */
static int cat_dim = STYR_OCAT_VIS; /* STYR_OCAT_UNGE: category 0 is band 16-29, category 1 the rest */

/* An offer table of NKOM municipalities (+ the country), one group and kind (1, 1), NCAT categories,
 * the started offers of category q in municipality k, age band a: n[q][k][a] (one person each). */
static void build(styr_offers *o, const int n[NCAT][NKOM][STYR_NAGES])
{
    memset(o, 0, sizeof *o);
    o->np = 1, o->nk = NKOM + 1, o->ng = 2, o->no = 2, o->ncat = ncat, o->cat_dim = cat_dim;
    size_t block = (size_t)o->nk * 2 * 2 * STYR_NAGES;
    o->cell = calloc(block * (size_t)(1 + ncat), sizeof *o->cell);
    for (int q = 0; q < ncat; q++) {
        styr_offers v = styr_offers_category(o, q);
        for (int k = 0; k < NKOM; k++)
            for (int a = 0; a < STYR_NAGES; a++) {
                uint32_t m = (uint32_t)n[q][k][a];
                styr_offer_cell *cs[4] = {styr_offer_at(&v, 0, k, 1, 1, a), styr_offer_at(&v, 0, NKOM, 1, 1, a),
                                          styr_offer_at(o, 0, k, 1, 1, a), styr_offer_at(o, 0, NKOM, 1, 1, a)};
                for (int i = 0; i < 4; i++) cs[i]->started += m, cs[i]->started_p += m;
            }
    }
}

static const int cl_two[NKOM] = {0, 0, 0, 1, 1};

static void test_partner_category(void **state)
{
    (void)state;
    int n[NCAT][NKOM][STYR_NAGES];
    for (int q = 0; q < NCAT; q++)
        for (int k = 0; k < NKOM; k++)
            for (int a = 0; a < STYR_NAGES; a++) n[q][k][a] = 20;
    n[0][0][0] = 2; /* category 0, municipality 0, 16-29: 2 persons */
    n[2][0][0] = 30; /* the partner is the category with the most in the hypercube's cells */
    styr_offers o;
    build(&o, n);
    /* the whole (52 there) is published, its pattern unchanged */
    assert_int_equal(styr_offer_hide(&o, 0, 1, 1, 0, 0, cl_two, 1), 0);
    assert_int_equal(styr_offer_hide_cat(&o, 0, 0, 1, 1, 0, 0, cl_two, 1), STYR_OH_STARTED);
    /* category 2 hides it with it (else it would be 52 - 20 - 30); category 1 is shown */
    assert_int_equal(styr_offer_hide_cat(&o, 2, 0, 1, 1, 0, 0, cl_two, 1), STYR_OH_STARTED);
    assert_int_equal(styr_offer_hide_cat(&o, 1, 0, 1, 1, 0, 0, cl_two, 1), 0);
    /* the hypercube: another age band and two other municipalities of the cluster, in both */
    int hid0 = 0, hid2 = 0;
    for (int k = 0; k < NKOM; k++)
        for (int a = 0; a <= STYR_NAGES; a++) {
            hid0 += styr_offer_hide_cat(&o, 0, 0, 1, 1, k, a, cl_two, 1) != 0;
            hid2 += styr_offer_hide_cat(&o, 2, 0, 1, 1, k, a, cl_two, 1) != 0;
        }
    assert_true(hid0 >= 4);
    assert_int_equal(hid0, hid2);
    /* quarters are never published */
    assert_int_equal(styr_offer_hide_cat(&o, 1, 0, 1, 1, 0, 0, cl_two, 0), STYR_OH_STARTED | STYR_OH_ENDED);
    free(o.cell);
}

/* ---- the attacker: exact linear algebra ---------------------------------------------------------
 * Unknowns: the cells n[q][k][a]. The attacker holds every published cell (area, column) of every
 * category table and of the whole: each is a sum of unknowns. A hidden cell is recovered exactly
 * when its sum is in the span of the published ones: rank([A; v]) == rank(A). */
#define NV (NCAT * NKOM * STYR_NAGES)
#define MAXR 512

static int var(int q, int k, int a) { return (q * NKOM + k) * STYR_NAGES + a; }

/* The sum behind cell (area, col) of category q (q = NCAT: the whole) as a row. */
static void row_of(int q, int area, int col, double *r)
{
    memset(r, 0, NV * sizeof *r);
    for (int qq = 0; qq < ncat; qq++) {
        if (q < NCAT && qq != q) continue;
        for (int k = 0; k < NKOM; k++) {
            int in = area == k || area == NKOM || (area > NKOM && cl_two[k] == area - NKOM - 1);
            if (!in) continue;
            for (int a = 0; a < STYR_NAGES; a++)
                if (col == STYR_NAGES || col == a) r[var(qq, k, a)] = 1;
        }
    }
}

static int rank_of(double (*m)[NV], int nr)
{
    static double a[MAXR + 1][NV];
    memcpy(a, m, (size_t)nr * sizeof a[0]);
    int rank = 0;
    for (int c = 0; c < NV && rank < nr; c++) {
        int piv = -1;
        for (int i = rank; i < nr; i++)
            if (fabs(a[i][c]) > 1e-9 && (piv < 0 || fabs(a[i][c]) > fabs(a[piv][c]))) piv = i;
        if (piv < 0) continue;
        for (int j = 0; j < NV; j++) {
            double t = a[rank][j];
            a[rank][j] = a[piv][j], a[piv][j] = t;
        }
        for (int i = 0; i < nr; i++) {
            if (i == rank || fabs(a[i][c]) < 1e-12) continue;
            double f = a[i][c] / a[rank][c];
            for (int j = 0; j < NV; j++) a[i][j] -= f * a[rank][j];
        }
        rank++;
    }
    return rank;
}

static void test_attacker(void **state)
{
    (void)state;
    static double A[MAXR + 1][NV];
    uint32_t seed = 14;
    int checked = 0, pinned_big = 0;
    for (int round = 0; round < 40; round++) {
        ncat = round % 2 ? 2 : NCAT;
        cat_dim = round % 4 == 3 ? STYR_OCAT_UNGE : STYR_OCAT_VIS;
        int n[NCAT][NKOM][STYR_NAGES];
        for (int q = 0; q < NCAT; q++)
            for (int k = 0; k < NKOM; k++)
                for (int a = 0; a < STYR_NAGES; a++) {
                    seed = seed * 1103515245u + 12345u;
                    uint32_t r = (seed >> 16) % 100;
                    n[q][k][a] = r < 15 ? 0 : r < 35 ? (int)(1 + r % 4) : (int)(5 + r % 40);
                    if (cat_dim == STYR_OCAT_UNGE && (q == 0) != (a == 0)) n[q][k][a] = 0; /* unge: band 16-29 */
                }
        styr_offers o;
        build(&o, n);
        int nr = 0;
        int hidden[NCAT + 1][NKOM + 3][STYR_NAGES + 1];
        for (int q = 0; q <= NCAT; q = q + 1 == ncat ? NCAT : q + 1)
            for (int area = 0; area < NKOM + 3; area++)
                for (int col = 0; col <= STYR_NAGES; col++) {
                    unsigned h = q < NCAT ? styr_offer_hide_cat(&o, q, 0, 1, 1, area, col, cl_two, 1)
                                          : styr_offer_hide(&o, 0, 1, 1, area, col, cl_two, 1);
                    hidden[q][area][col] = (h & STYR_OH_STARTED) != 0;
                    if (!hidden[q][area][col]) row_of(q, area, col, A[nr++]);
                    assert_true(nr < MAXR);
                }
        int base = rank_of(A, nr);
        for (int q = 0; q <= NCAT; q = q + 1 == ncat ? NCAT : q + 1)
            for (int area = 0; area < NKOM + 3; area++)
                for (int col = 0; col <= STYR_NAGES; col++) {
                    if (!hidden[q][area][col]) continue;
                    row_of(q, area, col, A[nr]);
                    double val = 0, r[NV];
                    row_of(q, area, col, r);
                    for (int qq = 0; qq < NCAT; qq++)
                        for (int k = 0; k < NKOM; k++)
                            for (int a = 0; a < STYR_NAGES; a++) val += r[var(qq, k, a)] * n[qq][k][a];
                    /* a cell on 1-4 persons (one person per offer here) is never pinned; a hidden
                     * cell of more may be (a cluster or the country hidden by the top rule beside
                     * published municipalities): it is counted */
                    int pinned = rank_of(A, nr + 1) == base;
                    if (pinned && val > 0 && val < STYR_DISCRETION)
                        fail_msg("round %d: hidden cell (category %d, area %d, column %d) = %g is a sum of published ones",
                                 round, q, area, col, val);
                    pinned_big += pinned;
                    /* the subtraction across categories: whole minus the others */
                    if (q < NCAT && !hidden[NCAT][area][col]) {
                        int others = 1;
                        for (int qq = 0; qq < ncat; qq++)
                            if (qq != q && hidden[qq][area][col]) others = 0;
                        if (others)
                            fail_msg("round %d: category %d, area %d, column %d is the whole minus the others", round, q,
                                     area, col);
                    }
                    checked++;
                }
        /* every cell on 1-4 persons is hidden */
        for (int q = 0; q < ncat; q++)
            for (int k = 0; k < NKOM; k++)
                for (int a = 0; a < STYR_NAGES; a++)
                    if (n[q][k][a] > 0 && n[q][k][a] < 5) assert_true(hidden[q][k][a]);
        free(o.cell);
    }
    ncat = NCAT, cat_dim = STYR_OCAT_VIS;
    assert_true(checked > 100);
    if (getenv("SHOWALL")) print_message("%d hidden cells checked, %d of 5 or more pinned\n", checked, pinned_big);
}

/* The same attacker with non-negative cells: every hidden cell on 1-4 persons is bounded by linear
 * programming (GLPK's simplex) over the published equations; its integer bounds must not meet. */
static void test_attacker_lp(void **state)
{
    (void)state;
    uint32_t seed = 1414;
    int bounded = 0;
    for (int round = 0; round < 60; round++) {
        ncat = round % 2 ? 2 : NCAT;
        cat_dim = round % 4 == 3 ? STYR_OCAT_UNGE : STYR_OCAT_VIS;
        int n[NCAT][NKOM][STYR_NAGES];
        for (int q = 0; q < NCAT; q++)
            for (int k = 0; k < NKOM; k++)
                for (int a = 0; a < STYR_NAGES; a++) {
                    seed = seed * 1103515245u + 12345u;
                    uint32_t r = (seed >> 16) % 100;
                    n[q][k][a] = r < 20 ? 0 : r < 40 ? (int)(1 + r % 4) : (int)(5 + r % 30);
                    /* from round 10 category 0 lives in one municipality only (no hypercube in it:
                     * its whole row is hidden, and its partner's) */
                    if (round >= 10 && q == 0 && k != round % NKOM && cat_dim != STYR_OCAT_UNGE) n[q][k][a] = 0;
                    if (cat_dim == STYR_OCAT_UNGE && (q == 0) != (a == 0)) n[q][k][a] = 0; /* unge: band 16-29 */
                }
        styr_offers o;
        build(&o, n);
        glp_prob *lp = glp_create_prob();
        glp_add_cols(lp, NV);
        for (int j = 1; j <= NV; j++) glp_set_col_bnds(lp, j, GLP_LO, 0, 0);
        int hidden[NCAT + 1][NKOM + 3][STYR_NAGES + 1];
        double r[NV], val[NV + 1];
        int ind[NV + 1];
        for (int q = 0; q <= NCAT; q = q + 1 == ncat ? NCAT : q + 1)
            for (int area = 0; area < NKOM + 3; area++)
                for (int col = 0; col <= STYR_NAGES; col++) {
                    unsigned h = q < NCAT ? styr_offer_hide_cat(&o, q, 0, 1, 1, area, col, cl_two, 1)
                                          : styr_offer_hide(&o, 0, 1, 1, area, col, cl_two, 1);
                    hidden[q][area][col] = (h & STYR_OH_STARTED) != 0;
                    if (hidden[q][area][col]) continue;
                    row_of(q, area, col, r);
                    double v = 0;
                    int len = 0;
                    for (int j = 0; j < NV; j++)
                        if (r[j] != 0) {
                            ind[++len] = j + 1, val[len] = r[j];
                            v += r[j] * n[j / (NKOM * STYR_NAGES)][(j / STYR_NAGES) % NKOM][j % STYR_NAGES];
                        }
                    if (!len) continue;
                    int row = glp_add_rows(lp, 1);
                    glp_set_row_bnds(lp, row, GLP_FX, v, v);
                    glp_set_mat_row(lp, row, len, ind, val);
                }
        glp_smcp parm;
        glp_init_smcp(&parm);
        parm.msg_lev = GLP_MSG_OFF;
        for (int q = 0; q <= NCAT; q = q + 1 == ncat ? NCAT : q + 1)
            for (int area = 0; area < NKOM + 3; area++)
                for (int col = 0; col <= STYR_NAGES; col++) {
                    if (!hidden[q][area][col]) continue;
                    row_of(q, area, col, r);
                    double v = 0;
                    for (int j = 0; j < NV; j++)
                        v += r[j] * n[j / (NKOM * STYR_NAGES)][(j / STYR_NAGES) % NKOM][j % STYR_NAGES];
                    if (!(v > 0 && v < STYR_DISCRETION)) continue;
                    for (int j = 0; j < NV; j++) glp_set_obj_coef(lp, j + 1, r[j]);
                    glp_set_obj_dir(lp, GLP_MIN);
                    assert_int_equal(glp_simplex(lp, &parm), 0);
                    assert_int_equal(glp_get_status(lp), GLP_OPT);
                    double lo = glp_get_obj_val(lp);
                    glp_set_obj_dir(lp, GLP_MAX);
                    int rc = glp_simplex(lp, &parm);
                    double hi = rc == 0 && glp_get_status(lp) == GLP_OPT ? glp_get_obj_val(lp) : INFINITY;
                    if (ceil(lo - 1e-6) >= floor(hi + 1e-6))
                        fail_msg("round %d: hidden cell (category %d, area %d, column %d) = %g pinned to [%g, %g]", round,
                                 q, area, col, v, lo, hi);
                    bounded++;
                }
        glp_delete_prob(lp);
        free(o.cell);
    }
    ncat = NCAT, cat_dim = STYR_OCAT_VIS;
    if (getenv("SHOWALL")) print_message("%d hidden cells of 1-4 bounded\n", bounded);
    assert_true(bounded > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_offers_by_category), cmocka_unit_test(test_partner_category),
                                       cmocka_unit_test(test_attacker), cmocka_unit_test(test_attacker_lp)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
