/* flows: the pass that computes them, and the secondary suppression of a
 * table with margins (flows.h). */
#include "flows.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"
#include "../ws/catalog.h"
#include "figures.h"
#include "pset.h"
#include "query.h"

styr_rc styr_flows_compute(styr_ws *ws, int kommune, int group, const styr_period *per, int threads,
                           styr_flows *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    const styr_panel *p;
    styr_rc rc = styr_ws_panel(ws, &p, d);
    if (rc) return rc;
    const styr_codes *codes = styr_ws_codes(ws);
    out->kom = codes->kom_idx[kommune];
    out->group = group;
    out->first = per->first;
    out->last = per->last;
    out->weeks = per->last - per->first + 1;
    out->panel_first = styr_panel_week_min(p);
    styr_clusters cl;
    if ((rc = styr_cat_clusters(ws, styr_period_pop_year(per), &cl, d))) return rc;
    int ci = cl.n > 0 && out->kom >= 0 ? cl.of[out->kom] : -1;
    out->has_cluster = ci >= 0;
    for (int k = 0; k < codes->dict.nkom && k < 256; k++) out->in_cluster[k] = (int8_t)(ci >= 0 && cl.of[k] == ci);
    styr_pset ps;
    if ((rc = styr_pset_build(&ps, per, 1, d))) return rc;
    styr_engine_opts eo = {.threads = threads, .extra = &styr_acc_flows, .user = out, .only_extra = 1};
    styr_cube cube;
    memset(&cube, 0, sizeof cube);
    rc = styr_engine_run(p, codes, &ps, &eo, &cube, d);
    styr_cube_free(&cube);
    styr_pset_free(&ps);
    if (rc) return rc;
    /* discretion: the municipality's tables with margins, primary and
     * secondary; the cluster's shares, primary (its counts are not shown) */
    const int m = out->ncat;
    const size_t ne = (size_t)(m + 1) * (size_t)(m + 1);
    uint32_t *n = styr_xcalloc(ne, sizeof *n), *pe = styr_xcalloc(ne, sizeof *pe);
    for (int k = 0; k < STYR_FL_NKIND + 2; k++) {
        const styr_flow_table *t = k < STYR_FL_NKIND ? &out->t[k][STYR_FL_KOM] : &out->mv[k - STYR_FL_NKIND];
        uint8_t *s = styr_xcalloc(ne, 1);
        for (size_t e = 0; e < ne; e++) n[e] = t->cell[e].n, pe[e] = t->cell[e].persons;
        styr_flows_protect(n, pe, m, m, s);
        if (k < STYR_FL_NKIND) out->supp[k][STYR_FL_KOM] = s;
        else out->mv_supp[k - STYR_FL_NKIND] = s;
        if (k < STYR_FL_NKIND) {
            /* the cluster's shares, with its total, would give its counts back: the same protection */
            const styr_flow_table *c = &out->t[k][STYR_FL_CLUSTER];
            uint8_t *cs = styr_xcalloc(ne, 1);
            for (size_t e = 0; e < ne; e++) n[e] = c->cell[e].n, pe[e] = c->cell[e].persons;
            styr_flows_protect(n, pe, m, m, cs);
            out->supp[k][STYR_FL_CLUSTER] = cs;
        } else {
            uint32_t movers = styr_flow_at(t, m, m)->persons;
            out->mv_fte_hidden[k - STYR_FL_NKIND] = movers > 0 && movers < STYR_DISCRETION;
        }
    }
    free(n);
    free(pe);
    return STYR_OK;
}

void styr_flows_free(styr_flows *f)
{
    if (!f) return;
    for (int k = 0; k < STYR_FL_NKIND; k++)
        for (int a = 0; a < STYR_FL_NAREA; a++) {
            free(f->t[k][a].cell), f->t[k][a].cell = NULL;
            free(f->supp[k][a]), f->supp[k][a] = NULL;
        }
    for (int i = 0; i < 2; i++) {
        free(f->mv[i].cell), f->mv[i].cell = NULL;
        free(f->mv_supp[i]), f->mv_supp[i] = NULL;
    }
}

/* ---- secondary suppression --------------------------------------------------------- */

/* Vertices: rows 0..R (R the margin row), then columns R+1..R+1+C. Edge (i, j)
 * is entry i * (C + 1) + j. */
typedef struct graph {
    int R, C, nv;
    const uint8_t *supp;
} graph;

/* Is vertex b reachable from a over suppressed entries, leaving out entry skip? */
static int connected(const graph *g, int a, int b, size_t skip, uint8_t *seen, int *queue)
{
    memset(seen, 0, (size_t)g->nv);
    int qh = 0, qt = 0;
    queue[qt++] = a;
    seen[a] = 1;
    while (qh < qt) {
        int x = queue[qh++];
        if (x == b) return 1;
        if (x <= g->R) {
            for (int j = 0; j <= g->C; j++) {
                size_t e = (size_t)x * (size_t)(g->C + 1) + (size_t)j;
                int y = g->R + 1 + j;
                if (e != skip && g->supp[e] && !seen[y]) seen[y] = 1, queue[qt++] = y;
            }
        } else {
            int j = x - g->R - 1;
            for (int i = 0; i <= g->R; i++) {
                size_t e = (size_t)i * (size_t)(g->C + 1) + (size_t)j;
                if (e != skip && g->supp[e] && !seen[i]) seen[i] = 1, queue[qt++] = i;
            }
        }
    }
    return 0;
}

int styr_flows_protect(const uint32_t *n, const uint32_t *persons, int R, int C, uint8_t *supp)
{
    const size_t ne = (size_t)(R + 1) * (size_t)(C + 1);
    int count = 0;
    for (size_t e = 0; e < ne; e++) {
        supp[e] = persons[e] > 0 && persons[e] < STYR_DISCRETION;
        count += supp[e];
    }
    graph g = {R, C, R + C + 2, supp};
    uint8_t *seen = styr_xcalloc((size_t)g.nv, 1);
    int *queue = styr_xcalloc((size_t)g.nv, sizeof *queue);
    double *dist = styr_xcalloc((size_t)g.nv, sizeof *dist);
    int *via = styr_xcalloc((size_t)g.nv, sizeof *via);
    uint8_t *done = styr_xcalloc((size_t)g.nv, 1);
    for (;;) {
        /* the first bridge among the suppressed entries */
        size_t bridge = ne;
        for (size_t e = 0; e < ne && bridge == ne; e++) {
            if (!supp[e]) continue;
            int i = (int)(e / (size_t)(C + 1)), j = (int)(e % (size_t)(C + 1));
            if (!connected(&g, i, R + 1 + j, e, seen, queue)) bridge = e;
        }
        if (bridge == ne) break;
        /* close it into a cycle: the cheapest path from its row to its column
         * without it (Dijkstra; a suppressed entry costs 0, a published one its
         * count, a zero a large amount: a zero is known to be one) */
        int src = (int)(bridge / (size_t)(C + 1)), dst = R + 1 + (int)(bridge % (size_t)(C + 1));
        for (int v = 0; v < g.nv; v++) dist[v] = 1e300, via[v] = -1, done[v] = 0;
        dist[src] = 0;
        for (;;) {
            int x = -1;
            for (int v = 0; v < g.nv; v++)
                if (!done[v] && dist[v] < 1e300 && (x < 0 || dist[v] < dist[x])) x = v;
            if (x < 0 || x == dst) break;
            done[x] = 1;
            for (int y = 0; y < g.nv; y++) {
                if ((x <= R) == (y <= R)) continue;
                int i = x <= R ? x : y, j = (x <= R ? y : x) - R - 1;
                size_t e = (size_t)i * (size_t)(C + 1) + (size_t)j;
                if (e == bridge) continue;
                double w = supp[e] ? 0 : n[e] ? (double)n[e] : 1e9;
                if (dist[x] + w < dist[y]) dist[y] = dist[x] + w, via[y] = x;
            }
        }
        /* a table of one row or one column has no second path: suppress its line whole */
        if (via[dst] < 0) {
            int changed = 0;
            for (size_t e = 0; e < ne; e++)
                if (!supp[e]) supp[e] = 1, count++, changed = 1;
            if (!changed) break;
            continue;
        }
        for (int y = dst; y != src; y = via[y]) {
            int x = via[y];
            int i = x <= R ? x : y, j = (x <= R ? y : x) - R - 1;
            size_t e = (size_t)i * (size_t)(C + 1) + (size_t)j;
            if (!supp[e]) supp[e] = 1, count++;
        }
    }
    free(seen);
    free(queue);
    free(dist);
    free(via);
    free(done);
    return count;
}
