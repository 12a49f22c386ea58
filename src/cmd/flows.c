/* styr flows: where the spells that ended in a period went (4 and 13 weeks
 * after), where the spells that started came from (4 weeks before), and the
 * recipients who moved in and out, for one municipality beside its cluster
 * (calc/flows.h holds the definitions). */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/flows.h"
#include "../calc/query.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr flows [-w ARBEJDSOMRÅDE] --kommune K [--periode P] [--ydelse Y]\n"
    "                 [--intern] [--format table|csv|json] [-o FIL]\n"
    "\n"
    "Strømme ind og ud af en ydelse (standard: offentligt forsørgede i alt) i en kommune,\n"
    "med klyngens andele ved siden af:\n"
    "  afgang   forløb afsluttet i perioden, og status 4 og 13 uger efter: en anden ydelse\n"
    "           (hvilken), i uddannelse (SU), i job, selvforsørget, fraflyttet (ugens\n"
    "           kommune er en anden end forløbets) eller endnu ikke målbar;\n"
    "  tilgang  forløb startet i perioden, og status 4 uger før (tilflyttet: ugens kommune\n"
    "           var en anden; før panelet: ugen ligger før panelets første uge);\n"
    "  flytninger  modtagere, hvis offentlige forsørgelse skiftede kommune i perioden (fra\n"
    "           sidste uge i den gamle til første uge i den nye), efter ydelse før og efter,\n"
    "           og virkningen på fuldtidspersoner: tilflyttedes uger i kommunen fra flytningen\n"
    "           minus fraflyttedes uger i andre kommuner fra flytningen, delt med periodens uger.\n"
    "Tal på 1-4 personer vises som \"..\", og så mange flere, at ingen kan regnes tilbage\n"
    "fra rækkernes og søjlernes summer.\n"
    "\n"
    "  --periode P  standard: panelets seneste hele år\n"
    "  --ydelse Y   én ydelse eller en samlet gruppe (fx kontanthjaelp_mv)\n"
    "  --intern     egen kommune (styr init --kommune) uden diskretion, til intern brug\n";
static const char help_en[] =
    "Usage: styr flows [-w WORKSPACE] --kommune K [--periode P] [--ydelse G]\n"
    "                  [--intern] [--format table|csv|json] [-o FILE]\n"
    "\n"
    "Flows into and out of a benefit group (default: all public support) in a municipality,\n"
    "with the cluster's shares beside them:\n"
    "  outflow  spells ended in the period, and the state 4 and 13 weeks after: another\n"
    "           group (which), in education (SU), in work, self-supporting, moved away (the\n"
    "           week's municipality is not the spell's) or not yet measurable;\n"
    "  inflow   spells started in the period, and the state 4 weeks before (moved in: the\n"
    "           week's municipality was another; before the panel: before its first week);\n"
    "  moves    recipients whose public support changed municipality in the period (from\n"
    "           the last week in the old to the first in the new), by group before and after,\n"
    "           and the effect on full-time persons: the weeks of those who moved in, in the\n"
    "           municipality from the move, minus the weeks of those who moved out, elsewhere\n"
    "           from the move, divided by the period's weeks.\n"
    "Counts on 1-4 persons are shown as \"..\", with enough others that none can be worked\n"
    "back from the rows' and columns' sums.\n"
    "\n"
    "  --periode P  default: the panel's latest whole year\n"
    "  --ydelse G   one group or a union (e.g. kontanthjaelp_mv)\n"
    "  --intern     the own municipality (styr init --kommune) without discretion, for internal use\n";

typedef struct ctx {
    const styr_flows *f;
    const styr_codes *codes;
    const char *periode;
    int kommune;
    const char *cluster;      /* NULL: the municipality is in no cluster */
    int incomplete;           /* the panel covers only part of the period */
} ctx;

static const char *kind_key(int k)
{
    static const char *const keys[STYR_FL_NKIND] = {"afgang_4uger", "afgang_13uger", "tilgang_4uger"};
    return keys[k];
}

/* A category's key and label (origins say tilflyttet and før panelet). */
static const char *cat_key(const ctx *x, int c, int origin)
{
    const int ng = x->f->ng;
    if (c == x->f->ncat) return "i_alt";
    if (c < ng) return x->codes->dict.yd[c];
    static const char *const k[STYR_FL_NSPECIAL] = {"i_uddannelse", "i_job", "selvforsoerget", "fraflyttet",
                                                    "ikke_maalbar"};
    if (origin && c - ng == STYR_FL_MOVED) return "tilflyttet";
    if (origin && c - ng == STYR_FL_NOTYET) return "foer_panelet";
    return k[c - ng];
}

static const char *cat_label(const ctx *x, int c, int origin)
{
    const int ng = x->f->ng;
    if (c == x->f->ncat) return styr_tr("I alt", "Total");
    if (c < ng) return styr_group_name(x->codes, c);
    switch (c - ng) {
    case STYR_FL_UDD: return styr_tr("I uddannelse", "In education");
    case STYR_FL_JOB: return styr_tr("I job", "In work");
    case STYR_FL_SELV: return styr_tr("Selvforsørget", "Self-supporting");
    case STYR_FL_MOVED: return origin ? styr_tr("Tilflyttet", "Moved in") : styr_tr("Fraflyttet", "Moved away");
    default: return origin ? styr_tr("Før panelet", "Before the panel") : styr_tr("Ikke målbar endnu", "Not yet measurable");
    }
}

/* Is category c in use in table kind k (as a row when row, else as a column), in
 * the municipality or the cluster? The states (education, job, ...) are always
 * shown where they belong: the columns of afgang, the rows of tilgang; the
 * groups where they hold a spell. */
static int in_use(const ctx *x, int k, int c, int row)
{
    if (c >= x->f->ng) return (k == STYR_FL_IN4) == (row != 0);
    for (int a = 0; a < STYR_FL_NAREA; a++) {
        const styr_flow_table *t = &x->f->t[k][a];
        const styr_flow_count *e = row ? styr_flow_at(t, c, t->ncat) : styr_flow_at(t, t->ncat, c);
        if (e->n) return 1;
    }
    return 0;
}

/* A share in pct. of an entry against the table's total: NAN for no data;
 * *hidden when suppressed. */
static double share(const styr_flow_table *t, const uint8_t *supp, int a, int b, int *hidden)
{
    size_t e = (size_t)a * (size_t)(t->ncat + 1) + (size_t)b;
    *hidden = supp[e];
    uint32_t tot = styr_flow_at(t, t->ncat, t->ncat)->n;
    if (supp[e] || !tot) return NAN;
    return 100.0 * t->cell[e].n / tot;
}

static json_t *jnum(double v, int hidden) { return hidden || isnan(v) ? json_null() : json_real(round(v * 1e4) / 1e4); }

/* One table as rows of (fra, til): every used pair, the margins and the total. */
static json_t *json_table(const ctx *x, int k)
{
    const styr_flows *f = x->f;
    const styr_flow_table *t = &f->t[k][STYR_FL_KOM], *ct = &f->t[k][STYR_FL_CLUSTER];
    const uint8_t *s = f->supp[k][STYR_FL_KOM], *cs = f->supp[k][STYR_FL_CLUSTER];
    const int origin = k == STYR_FL_IN4, m = f->ncat;
    json_t *arr = json_array();
    for (int a = 0; a <= m; a++) {
        if (a < m && !in_use(x, k, a, 1)) continue;
        for (int b = 0; b <= m; b++) {
            if (b < m && !in_use(x, k, b, 0)) continue;
            size_t e = (size_t)a * (size_t)(m + 1) + (size_t)b;
            int h = 0, ch = 0;
            double sh = share(t, s, a, b, &h), csh = x->cluster ? share(ct, cs, a, b, &ch) : NAN;
            if (!x->cluster) ch = 0;
            json_t *o = json_object();
            /* the rows of afgang are the group left, of tilgang the state before */
            json_object_set_new(o, "fra", json_string(cat_key(x, a, origin)));
            json_object_set_new(o, "til", json_string(cat_key(x, b, 0)));
            json_object_set_new(o, "antal", s[e] ? json_null() : json_integer(t->cell[e].n));
            json_object_set_new(o, "andel", jnum(sh, h));
            json_object_set_new(o, "klynge_andel", jnum(csh, ch));
            json_object_set_new(o, "diskretion", json_boolean(s[e]));
            json_array_append_new(arr, o);
        }
    }
    return arr;
}

static json_t *json_moves(const ctx *x)
{
    const styr_flows *f = x->f;
    const int m = f->ncat;
    json_t *o = json_object();
    static const char *const names[2] = {"tilflyttet", "fraflyttet"};
    for (int i = 0; i < 2; i++) {
        const styr_flow_table *t = &f->mv[i];
        json_t *arr = json_array();
        for (int a = 0; a <= m; a++) {
            if (a < m && !styr_flow_at(t, a, m)->n) continue;
            for (int b = 0; b <= m; b++) {
                if (b < m && !styr_flow_at(t, m, b)->n) continue;
                size_t e = (size_t)a * (size_t)(m + 1) + (size_t)b;
                json_t *c = json_object();
                json_object_set_new(c, "ydelse_foer", json_string(cat_key(x, a, 0)));
                json_object_set_new(c, "ydelse_efter", json_string(cat_key(x, b, 0)));
                json_object_set_new(c, "personer", f->mv_supp[i][e] ? json_null() : json_integer(t->cell[e].persons));
                json_object_set_new(c, "flytninger", f->mv_supp[i][e] ? json_null() : json_integer(t->cell[e].n));
                json_object_set_new(c, "diskretion", json_boolean(f->mv_supp[i][e]));
                json_array_append_new(arr, c);
            }
        }
        json_object_set_new(o, names[i], arr);
    }
    double fte[2];
    for (int i = 0; i < 2; i++) fte[i] = f->weeks > 0 ? (double)f->mv_weeks[i] / f->weeks : NAN;
    json_object_set_new(o, "fuldtidspersoner_tilflyttet", jnum(fte[0], f->mv_fte_hidden[0]));
    json_object_set_new(o, "fuldtidspersoner_fraflyttet", jnum(fte[1], f->mv_fte_hidden[1]));
    json_object_set_new(o, "fuldtidspersoner_netto", jnum(fte[0] - fte[1], f->mv_fte_hidden[0] || f->mv_fte_hidden[1]));
    return o;
}

static void fmt_count(char *buf, size_t cap, const styr_flow_table *t, const uint8_t *s, int a, int b)
{
    size_t e = (size_t)a * (size_t)(t->ncat + 1) + (size_t)b;
    if (s[e]) snprintf(buf, cap, "..");
    else styr_fmt_int(buf, cap, t->cell[e].n);
}

static void fmt_share(char *buf, size_t cap, double v, int hidden)
{
    if (hidden) snprintf(buf, cap, "..");
    else if (isnan(v)) snprintf(buf, cap, "-");
    else styr_fmt_pct(buf, cap, v, 1);
}

/* The summary of kinds k0 (and k1, another horizon of the same spells) by
 * destination (the column margins) or, for tilgang, by origin (the row margins). */
static void table_summary(FILE *out, const ctx *x, int k0, int k1)
{
    const styr_flows *f = x->f;
    const int m = f->ncat, origin = k0 == STYR_FL_IN4, nk = k1 >= 0 ? 2 : 1;
    styr_table *tb = styr_table_new(1 + 3 * nk, "lrrrrrr");
    const char *h[7] = {origin ? styr_tr("Status 4 uger før", "State 4 weeks before") : styr_tr("Status efter", "State after")};
    const char *hk[2][3] = {{styr_tr("Antal 4 u.", "Count 4 w."), styr_tr("Andel", "Share"), styr_tr("Klyngen", "Cluster")},
                            {styr_tr("Antal 13 u.", "Count 13 w."), styr_tr("Andel", "Share"), styr_tr("Klyngen", "Cluster")}};
    if (origin) hk[0][0] = styr_tr("Antal", "Count");
    for (int i = 0; i < nk; i++)
        for (int j = 0; j < 3; j++) h[1 + 3 * i + j] = hk[i][j];
    styr_table_row(tb, h);
    for (int c = 0; c <= m; c++) {
        int kinds[2] = {k0, k1};
        if (c < m) {
            int used = 0;
            for (int i = 0; i < nk; i++) used |= in_use(x, kinds[i], c, origin);
            if (!used) continue;
        }
        char v[6][48];
        const char *row[7] = {cat_label(x, c, origin)};
        for (int i = 0; i < nk; i++) {
            int k = kinds[i], a = origin ? c : m, b = origin ? m : c, hd = 0, chd = 0;
            const styr_flow_table *t = &f->t[k][STYR_FL_KOM];
            fmt_count(v[3 * i], 48, t, f->supp[k][STYR_FL_KOM], a, b);
            double sh = share(t, f->supp[k][STYR_FL_KOM], a, b, &hd);
            fmt_share(v[3 * i + 1], 48, sh, hd);
            double cs = x->cluster ? share(&f->t[k][STYR_FL_CLUSTER], f->supp[k][STYR_FL_CLUSTER], a, b, &chd) : NAN;
            fmt_share(v[3 * i + 2], 48, cs, x->cluster && chd);
            for (int j = 0; j < 3; j++) row[1 + 3 * i + j] = v[3 * i + j];
        }
        styr_table_row(tb, row);
    }
    styr_table_print(tb, out);
    styr_table_free(tb);
}

static void table_moves(FILE *out, const ctx *x)
{
    const styr_flows *f = x->f;
    const int m = f->ncat;
    styr_table *tb = styr_table_new(3, "lrr");
    const char *h[3] = {styr_tr("Ydelse i kommunen", "Group in the municipality"), styr_tr("Tilflyttede", "Moved in"),
                        styr_tr("Fraflyttede", "Moved out")};
    styr_table_row(tb, h);
    for (int g = 0; g <= m; g++) {
        /* moved in: by the group after (column margins); moved out: by the group before (row margins) */
        const styr_flow_count *in = styr_flow_at(&f->mv[0], m, g), *outc = styr_flow_at(&f->mv[1], g, m);
        if (g < m && !in->persons && !outc->persons) continue;
        char a[48], b[48];
        size_t ein = (size_t)m * (size_t)(m + 1) + (size_t)g, eout = (size_t)g * (size_t)(m + 1) + (size_t)m;
        if (f->mv_supp[0][ein]) snprintf(a, sizeof a, "..");
        else styr_fmt_int(a, sizeof a, in->persons);
        if (f->mv_supp[1][eout]) snprintf(b, sizeof b, "..");
        else styr_fmt_int(b, sizeof b, outc->persons);
        const char *row[3] = {cat_label(x, g, 0), a, b};
        styr_table_row(tb, row);
    }
    styr_table_print(tb, out);
    styr_table_free(tb);
    char v[3][48];
    double fte[2];
    for (int i = 0; i < 2; i++) fte[i] = f->weeks > 0 ? (double)f->mv_weeks[i] / f->weeks : 0;
    for (int i = 0; i < 2; i++) {
        if (f->mv_fte_hidden[i]) snprintf(v[i], 48, "..");
        else styr_fmt_num(v[i], 48, fte[i], 1);
    }
    if (f->mv_fte_hidden[0] || f->mv_fte_hidden[1]) snprintf(v[2], 48, "..");
    else {
        styr_fmt_num(v[2], 48, fte[0] - fte[1], 1);
        if (fte[0] - fte[1] > 0 && strcmp(v[2], "0,0")) memmove(v[2] + 1, v[2], strlen(v[2]) + 1), v[2][0] = '+';
    }
    fprintf(out, styr_tr("Fuldtidspersoner: tilflyttede %s, fraflyttede %s, netto %s\n",
                         "Full-time persons: moved in %s, moved out %s, net %s\n"),
            v[0], v[1], v[2]);
}

static int write_table(FILE *out, const ctx *x)
{
    const styr_flows *f = x->f;
    char tot[32];
    fprintf(out, styr_tr("Strømme: %s i %s Kommune (%d), %s\n", "Flows: %s in %s (%d), %s\n"),
            styr_group_name(x->codes, f->group), x->codes->kom_name[f->kom], x->kommune, x->periode);
    if (x->cluster) fprintf(out, styr_tr("Klyngen: %s (andele af klyngens egne forløb).\n", "Cluster: %s (shares of the cluster's own spells).\n"), x->cluster);
    else fprintf(out, "%s\n", styr_tr("Kommunen er ikke i nogen klynge: klyngens andele er \"-\".", "The municipality is in no cluster: the cluster's shares are \"-\"."));
    if (x->incomplete)
        fprintf(out, "%s\n", styr_tr("Panelet dækker kun en del af perioden: tallene gælder de dækkede uger.",
                                     "The panel covers only part of the period: the figures are for the weeks covered."));
    const styr_flow_table *t = &f->t[STYR_FL_OUT4][STYR_FL_KOM];
    if (f->supp[STYR_FL_OUT4][STYR_FL_KOM][(size_t)f->ncat * (size_t)(f->ncat + 1) + (size_t)f->ncat]) snprintf(tot, sizeof tot, "..");
    else styr_fmt_int(tot, sizeof tot, styr_flow_at(t, f->ncat, f->ncat)->n);
    fprintf(out, styr_tr("\nAfgang: %s forløb afsluttet i perioden, og hvor de var 4 og 13 uger efter\n",
                         "\nOutflow: %s spells ended in the period, and where they were 4 and 13 weeks after\n"),
            tot);
    table_summary(out, x, STYR_FL_OUT4, STYR_FL_OUT13);
    t = &f->t[STYR_FL_IN4][STYR_FL_KOM];
    if (f->supp[STYR_FL_IN4][STYR_FL_KOM][(size_t)f->ncat * (size_t)(f->ncat + 1) + (size_t)f->ncat]) snprintf(tot, sizeof tot, "..");
    else styr_fmt_int(tot, sizeof tot, styr_flow_at(t, f->ncat, f->ncat)->n);
    fprintf(out, styr_tr("\nTilgang: %s forløb startet i perioden, og hvor de kom fra (4 uger før)\n",
                         "\nInflow: %s spells started in the period, and where they came from (4 weeks before)\n"),
            tot);
    table_summary(out, x, STYR_FL_IN4, -1);
    fprintf(out, "%s\n", styr_tr("\nFlytninger: personer på offentlig forsørgelse, der flyttede til eller fra kommunen i perioden",
                                 "\nMoves: persons on public support who moved into or out of the municipality in the period"));
    table_moves(out, x);
    fprintf(out, "\n%s\n",
            styr_tr("Andele af periodens forløb i alt. .. = diskretion (1-4 personer, eller skjult, så det ikke kan "
                    "regnes tilbage). Fraflyttet: ugens kommune (dens post, uden post den seneste før) er en anden end "
                    "forløbets. Fuldtidspersoner: flytternes uger på offentlig forsørgelse i perioden fra flytningen, "
                    "i kommunen (tilflyttede) og andre steder (fraflyttede), delt med periodens uger.",
                    "Shares of the period's spells in all. .. = discretion (1-4 persons, or hidden so it cannot be "
                    "worked back). Moved away: the week's municipality (its record's, without one the latest before) "
                    "is not the spell's. Full-time persons: the movers' weeks on public support in the period from the "
                    "move, in the municipality (moved in) and elsewhere (moved out), divided by the period's weeks."));
    return ferror(out) ? -1 : 0;
}

static int write_csv(FILE *out, const ctx *x)
{
    const styr_flows *f = x->f;
    const int m = f->ncat;
    fputs("\xEF\xBB\xBFperiode;kommune;ydelse;tabel;fra;til;antal;andel;klynge_andel\r\n", out);
    for (int k = 0; k < STYR_FL_NKIND; k++) {
        const styr_flow_table *t = &f->t[k][STYR_FL_KOM];
        for (int a = 0; a <= m; a++) {
            if (a < m && !in_use(x, k, a, 1)) continue;
            for (int b = 0; b <= m; b++) {
                if (b < m && !in_use(x, k, b, 0)) continue;
                size_t e = (size_t)a * (size_t)(m + 1) + (size_t)b;
                int h, ch = 0;
                double sh = share(t, f->supp[k][STYR_FL_KOM], a, b, &h);
                double cs = x->cluster ? share(&f->t[k][STYR_FL_CLUSTER], f->supp[k][STYR_FL_CLUSTER], a, b, &ch) : NAN;
                fprintf(out, "%s;%d;%s;%s;%s;%s;", x->periode, x->kommune, styr_group_key(x->codes, f->group), kind_key(k),
                        cat_key(x, a, k == STYR_FL_IN4), cat_key(x, b, 0));
                if (f->supp[k][STYR_FL_KOM][e]) fputs("..", out);
                else fprintf(out, "%u", t->cell[e].n);
                fputc(';', out);
                if (h) fputs("..", out);
                else if (!isnan(sh)) styr_csv_number(out, sh, 1);
                fputc(';', out);
                if (ch) fputs("..", out);
                else if (!isnan(cs)) styr_csv_number(out, cs, 1);
                fputs("\r\n", out);
            }
        }
    }
    static const char *const mvk[2] = {"tilflyttet", "fraflyttet"};
    for (int i = 0; i < 2; i++) {
        const styr_flow_table *t = &f->mv[i];
        for (int a = 0; a <= m; a++) {
            if (a < m && !styr_flow_at(t, a, m)->n) continue;
            for (int b = 0; b <= m; b++) {
                if (b < m && !styr_flow_at(t, m, b)->n) continue;
                size_t e = (size_t)a * (size_t)(m + 1) + (size_t)b;
                fprintf(out, "%s;%d;%s;%s;%s;%s;", x->periode, x->kommune, styr_group_key(x->codes, f->group), mvk[i],
                        cat_key(x, a, 0), cat_key(x, b, 0));
                if (f->mv_supp[i][e]) fputs("..", out);
                else fprintf(out, "%u", t->cell[e].persons);
                fputs(";;\r\n", out);
            }
        }
    }
    return ferror(out) ? -1 : 0;
}

/* The flows as JSON (also the API's /api/flows answer and the report's data). */
static int write_json(FILE *out, const ctx *x)
{
    const styr_flows *f = x->f;
    json_t *o = json_object();
    json_object_set_new(o, "periode", json_string(x->periode));
    json_object_set_new(o, "kommune", json_integer(x->kommune));
    json_object_set_new(o, "kommunenavn", json_string(x->codes->kom_name[f->kom]));
    json_object_set_new(o, "ydelse", json_string(styr_group_key(x->codes, f->group)));
    json_object_set_new(o, "ydelsesnavn", json_string(styr_group_name(x->codes, f->group)));
    json_object_set_new(o, "klynge", x->cluster ? json_string(x->cluster) : json_null());
    json_object_set_new(o, "ufuldstaendig", json_boolean(x->incomplete));
    json_t *labels = json_object();
    for (int c = 1; c <= f->ncat; c++) {
        if (c < f->ng && (!x->codes->yd_public[c] || x->codes->yd_is_union[c])) continue;
        json_object_set_new(labels, cat_key(x, c, 0), json_string(cat_label(x, c, 0)));
    }
    json_object_set_new(labels, "tilflyttet", json_string(cat_label(x, STYR_FL_CAT(f->ng, STYR_FL_MOVED), 1)));
    json_object_set_new(labels, "foer_panelet", json_string(cat_label(x, STYR_FL_CAT(f->ng, STYR_FL_NOTYET), 1)));
    json_object_set_new(o, "navne", labels);
    for (int k = 0; k < STYR_FL_NKIND; k++) json_object_set_new(o, kind_key(k), json_table(x, k));
    json_object_set_new(o, "flytninger", json_moves(x));
    return styr_json_write(out, o);
}

int styr_cmd_flows(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"periode", required_argument, 0, 'p'},
        {"ydelse", required_argument, 0, 'y'},  {"format", required_argument, 0, 'f'},
        {"output", required_argument, 0, 'o'},  {"workspace", required_argument, 0, 'w'},
        {"intern", no_argument, 0, 'i'},        {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *kl = NULL, *pl = NULL, *yl = NULL, *outp = NULL;
    styr_format fmt = STYR_FMT_TABLE;
    int c, intern = 0;
    optind = 1;
    while ((c = styr_cli_getopt("flows", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'i': intern = 1; break;
        case 'k': kl = optarg; break;
        case 'p': pl = optarg; break;
        case 'y': yl = optarg; break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX) return styr_cli_bad_option("flows", "--format", optarg);
            break;
        case 'o': outp = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("flows", "", argv[optind]);
    styr_period per;
    if (pl && styr_period_parse(pl, &per)) return styr_cli_bad_option("flows", "--periode", pl);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_flows f;
    memset(&f, 0, sizeof f);
    int e = STYR_EXIT_OK;
    styr_dest dest;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    long long kommune = styr_ws_egen_kommune(ws);
    if (kl) {
        if ((e = styr_cli_kommune("flows", kl, &kommune))) goto out;
    } else if (!kommune) {
        e = styr_cli_no_kommune("flows");
        goto out;
    }
    /* --intern: the workspace's own municipality sees its own counts without discretion */
    if (intern && (!styr_ws_egen_kommune(ws) || styr_ws_egen_kommune(ws) != kommune)) {
        e = styr_cli_intern_denied("flows");
        goto out;
    }
    int group = 0;
    if (yl) {
        if (!strcmp(yl, "i_alt") || !strcmp(yl, "offentligt_forsoergede")) group = 0;
        else if ((group = styr_codes_ydelse(codes, yl, strlen(yl))) <= 0) {
            e = styr_cli_bad_option("flows", "--ydelse", yl);
            goto out;
        } else if (!codes->yd_public[group]) {
            fprintf(stderr, styr_tr("styr flows: %s er ingen offentlig forsørgelse; strømme følger forløb på offentlig "
                                    "forsørgelse (uddannelse er et udfald: i uddannelse)\n",
                                    "styr flows: %s is no public support; flows follow spells on public support "
                                    "(education is an outcome: in education)\n"),
                    yl);
            e = STYR_EXIT_USAGE;
            goto out;
        }
    }
    if (!pl) {
        char yb[16];
        snprintf(yb, sizeof yb, "%d", styr_default_year(p));
        styr_period_parse(yb, &per);
    }
    /* a period the panel does not touch has no data (exit 2 naming the panel's span), never zeros */
    if ((e = styr_select_in_panel("flows", p, &per, 1))) goto out;
    if ((rc = styr_flows_compute(ws, (int)kommune, group, &per, 0, &f, &d))) goto fail;
    if (intern) {
        size_t ne = (size_t)(f.ncat + 1) * (size_t)(f.ncat + 1);
        for (int k = 0; k < STYR_FL_NKIND; k++) memset(f.supp[k][STYR_FL_KOM], 0, ne);
        for (int i = 0; i < 2; i++) memset(f.mv_supp[i], 0, ne), f.mv_fte_hidden[i] = 0;
    }
    styr_clusters cl;
    if ((rc = styr_cat_clusters(ws, styr_period_pop_year(&per), &cl, &d))) goto fail;
    int ci = cl.n > 0 ? cl.of[f.kom] : -1;
    ctx x = {&f, codes, per.name, (int)kommune, ci >= 0 ? cl.name[ci] : NULL,
             per.first < styr_panel_week_min(p) || per.last > styr_panel_week_max(p)};
    if ((rc = styr_dest_open(&dest, outp, &d))) goto fail;
    int wrc = fmt == STYR_FMT_JSON ? write_json(dest.f, &x) : fmt == STYR_FMT_CSV ? write_csv(dest.f, &x) : write_table(dest.f, &x);
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_flows_free(&f);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
