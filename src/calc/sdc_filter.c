/* sdc_filter: the discretion pattern of figures for a target group (filter.h).
 *
 * The threat: whoever reads every published table of every filter and the
 * unfiltered one can add and subtract across them. The categories of a
 * dimension partition every week (the visitation categories, uoplyst
 * included; the origins; the units and the weeks without one), or a
 * category has an unpublished complement (unge and the 30+, flygtninge and
 * the rest): so a category's cell is the unfiltered cell minus the others,
 * and each of the dimension's figures (weeks, spells started and ended,
 * endings measured, spells in progress) adds up over the categories, since
 * the engine attributes a spell to the category of the week it starts or
 * ends in.
 *
 * One joint pattern per dimension, built in one run (styr_sdc_build_split in
 * sdc.c) over the unfiltered table and every category's (one engine pass
 * each), family by family:
 *   1. The unfiltered table's pattern exactly as styr_sdc_build makes it (it
 *      never changes: no cube below moves a unit of the unfiltered table
 *      except as its own cubes do).
 *   2. Lift: each cube of the unfiltered table is an alternative table only
 *      if the categories can follow it, so each is made again, with the same
 *      move, in one category that has units at the corners it takes from -
 *      the unpublished complement first (then no published category
 *      changes) - and the cells it changes there are hidden in that
 *      category. When no category can carry it whole, it is carried pair by
 *      pair of corners along one of its paired dimensions (the weeks first:
 *      a unit more at one corner, one less at the other), each pair by a
 *      category with units at both, hiding what that pair changes there;
 *      a pair no category can carry hides every cell holding one of its
 *      corners in every category (each corner's unit is some category's).
 *   3. Split: every primary cell of a category (1-4 persons) not yet hidden
 *      by a cube gets a hypercube with two category corners, the category
 *      and a partner (the complement first, then the other categories in
 *      order) times the usual corners (sdc.c: an adjacent week, three
 *      municipalities, another group or the group alone): a unit moves from
 *      the category to the partner at the corners of one parity and back at
 *      the others, so every sum within a category's table, across the
 *      categories and in the unfiltered table stays. The corners that give
 *      are non-empty in the category that gives (both tables checked), and
 *      every published cell it changes is hidden in both categories.
 *      Partners are tried cheapest first: the complement, then those whose
 *      cell is hidden already, then the fewest persons. A split
 *      of the young changes the level too (those cells are hidden in the
 *      level family), and a split of the level may move a young person's
 *      week, so a category's young are hidden wherever its level is.
 * Each hidden cell of a category is thus changed by some cube that leaves
 * every published figure of every table as it is, with every table
 * non-negative: the attacker cannot tell the true table from the moved one.
 *
 * A filter of several values of one dimension (jobparat+aktivitetsparat) is
 * a union: its cell is the sum of its parts' cells, published only where
 * every part's is. That is safe because the union's published cells are then
 * sums of published cells (nothing new to add or subtract), and a union's
 * cell with 1-4 persons has a part with 1-4 (hidden). A filter across
 * dimensions (aktivitetsparat and unge; a unit and an origin) has every
 * cell hidden: its cells would be linked to both dimensions' tables (the
 * product of the categories, with 2^|S| category corners per cube), which
 * this does not build yet, so a combination is shown only to the
 * municipality itself (--intern). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "sdc.h"

/* The dimensions a filter narrows: bit 0 visitation, 1 unge, 2 flygtninge,
 * 3 oprindelse, 4 enhed. */
static unsigned dims_of(const styr_filter *f)
{
    return (f->vis ? 1u : 0u) | (f->unge ? 2u : 0u) | (f->flygtninge ? 4u : 0u) | (f->opr ? 8u : 0u) |
           (f->nenh ? 16u : 0u);
}

#define MAXCAT STYR_SDC_MAXCAT

/* The dimension's categories, each a filter of one value; *rest when the
 * unfiltered table minus them is a category too; sel[c] set for those in f. */
static int categories(const styr_filter *f, const styr_cols *c, styr_filter *cat, int *sel, int *rest)
{
    int n = 0;
    *rest = 0;
    memset(cat, 0, MAXCAT * sizeof *cat);
    if (f->vis) {
        for (int v = 0; v < STYR_NVIS; v++, n++) cat[n].vis = 1u << v, sel[n] = (f->vis >> v) & 1;
    } else if (f->unge) {
        cat[n].unge = 1, sel[n++] = 1, *rest = 1;
    } else if (f->flygtninge) {
        cat[n].flygtninge = 1, sel[n++] = 1, *rest = 1;
    } else if (f->opr) {
        for (int v = 0; v < STYR_NOPR; v++, n++) cat[n].opr = 1u << v, sel[n] = (f->opr >> v) & 1;
    } else if (f->nenh) {
        for (int i = 1; i < c->nenh && n < MAXCAT - 1; i++, n++) {
            cat[n].nenh = 1, cat[n].enh[0] = (uint16_t)i, sel[n] = 0;
            for (int j = 0; j < f->nenh; j++) sel[n] |= f->enh[j] == i;
        }
        if (c->nenh - 1 > MAXCAT - 1) return -1;
        *rest = 1;
    }
    return n;
}

static styr_rc too_many_units(styr_diags *d)
{
    return styr_diag_sys(d, STYR_ELIMIT, "%s",
                         styr_tr("diskretion pr. enhed kan højst beregnes for 63 enheder i panelet",
                                 "discretion by unit can be computed for at most 63 units in the panel"));
}

/* out = the union of the parts' patterns: hidden where a part is. */
static void union_of(const styr_sdc *parts, const int *sel, int n, styr_sdc *out)
{
    int first = -1;
    for (int c = 0; c < n && first < 0; c++)
        if (sel[c]) first = c;
    const styr_sdc *s = &parts[first];
    unsigned char *buf;
    size_t len;
    styr_sdc_pack(s, &buf, &len);
    styr_sdc_unpack(buf, len, out);
    free(buf);
    size_t nb = ((size_t)s->nspan * (size_t)s->nks * (size_t)s->ng + 7) / 8;
    int many = 0;
    for (int c = first + 1; c < n; c++) {
        if (!sel[c]) continue;
        many = 1;
        for (int f = 0; f < SDC_NFAM; f++)
            for (size_t i = 0; i < nb; i++) out->bits[f][i] |= parts[c].bits[f][i];
    }
    if (many) { /* a union's counts are not its first part's */
        double sec = out->stats.seconds;
        memset(&out->stats, 0, sizeof out->stats);
        out->stats.seconds = sec;
    }
}

/* The categories' patterns of the last dimension built in this process, kept (packed)
 * until styr_sdc_save_filtered stores them beside the filter's own. */
static struct {
    uint64_t sum;
    int n;
    char key[MAXCAT][256];
    unsigned char *buf[MAXCAT];
    size_t len[MAXCAT];
} kept;
static pthread_mutex_t kept_lock = PTHREAD_MUTEX_INITIALIZER;

static void kept_clear(void)
{
    for (int c = 0; c < kept.n; c++) free(kept.buf[c]);
    kept.n = 0;
}

static void keep_parts(uint64_t sum, const styr_cols *cols, const styr_filter *cat, int n, const styr_sdc *parts)
{
    pthread_mutex_lock(&kept_lock);
    kept_clear();
    kept.sum = sum;
    for (int c = 0; c < n && c < MAXCAT; c++) {
        char k[1024];
        styr_filter_key(&cat[c], cols, k, sizeof k);
        if (strlen(k) >= sizeof kept.key[0] || styr_sdc_pack(&parts[c], &kept.buf[kept.n], &kept.len[kept.n])) continue;
        memcpy(kept.key[kept.n], k, strlen(k) + 1);
        kept.n++;
    }
    pthread_mutex_unlock(&kept_lock);
}

styr_rc styr_sdc_get_filtered(styr_ws *ws, int threads, const styr_filter *f, styr_sdc *out, int *built, styr_diags *d)
{
    if (!styr_filter_active(f)) return styr_sdc_get(ws, threads, out, built, d);
    *built = 0;
    memset(out, 0, sizeof *out);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    const styr_cols *cols = styr_panel_cols(p);
    unsigned dims = dims_of(f);
    if (dims & (dims - 1)) {
        /* across dimensions the product pattern is not built: every cell is hidden, so a
         * combination is shown only to the municipality itself (--intern, query.h) */
        if ((rc = styr_sdc_get(ws, threads, out, built, d))) return rc;
        size_t nb = ((size_t)out->nspan * (size_t)out->nks * (size_t)out->ng + 7) / 8;
        for (int fam = 0; fam < SDC_NFAM; fam++)
            if (out->bits[fam]) memset(out->bits[fam], 0xff, nb);
        *built = 0; /* never stored: the unfiltered pattern is stored by its own query */
        return STYR_OK;
    }
    const uint64_t sum = styr_panel_checksum(p);
    char key[1024];
    styr_filter_key(f, cols, key, sizeof key);
    if (styr_sdc_load_key(ws, sum, key, out) == STYR_OK) return STYR_OK;
    styr_filter cat[MAXCAT];
    int sel[MAXCAT], rest;
    int n = categories(f, cols, cat, sel, &rest);
    if (n < 0) return too_many_units(d);
    /* the parts, stored one by one */
    styr_sdc *parts = styr_xcalloc((size_t)n + 1, sizeof *parts);
    int have = 1;
    for (int c = 0; c < n && have; c++) {
        if (!sel[c]) continue;
        char k1[1024];
        styr_filter_key(&cat[c], cols, k1, sizeof k1);
        have = styr_sdc_load_key(ws, sum, k1, &parts[c]) == STYR_OK;
    }
    if (!have) {
        for (int c = 0; c < n; c++) styr_sdc_free(&parts[c]);
        styr_sdc total;
        if ((rc = styr_sdc_build_split(ws, threads, cat, n, rest, &total, parts, d))) {
            free(parts);
            return rc;
        }
        styr_sdc_free(&total);
        *built = 1;
        keep_parts(sum, cols, cat, n, parts);
    }
    union_of(parts, sel, n, out);
    for (int c = 0; c < n; c++) styr_sdc_free(&parts[c]);
    free(parts);
    return STYR_OK;
}

styr_rc styr_sdc_save_filtered(styr_ws *ws, const styr_filter *f, const styr_sdc *s, styr_diags *d)
{
    if (!styr_filter_active(f)) return styr_sdc_save(ws, s, d);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    char key[1024];
    styr_filter_key(f, styr_panel_cols(p), key, sizeof key);
    if ((rc = styr_sdc_save_key(ws, s, key, d))) return rc;
    /* the dimension was built whole: store every category's pattern too, so the next
     * category asked for is read, not built again */
    pthread_mutex_lock(&kept_lock);
    for (int c = 0; c < kept.n && !rc; c++) {
        styr_sdc x;
        if (kept.sum != s->panel_checksum || styr_sdc_unpack(kept.buf[c], kept.len[c], &x)) continue;
        rc = styr_sdc_save_key(ws, &x, kept.key[c], d);
        styr_sdc_free(&x);
    }
    kept_clear();
    pthread_mutex_unlock(&kept_lock);
    return rc;
}

styr_rc styr_sdc_build_dimension(styr_ws *ws, int threads, const styr_filter *f, styr_filter *cats, styr_sdc *out,
                                 int *ncat, styr_diags *d)
{
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    int sel[MAXCAT], rest;
    int n = categories(f, styr_panel_cols(p), cats, sel, &rest);
    if (n < 0) return too_many_units(d);
    styr_sdc total;
    if ((rc = styr_sdc_build_split(ws, threads, cats, n, rest, &total, out, d))) return rc;
    styr_sdc_free(&total);
    *ncat = n;
    return STYR_OK;
}
