/* styr benchmark: STAR's benchmark "forventet mod faktisk" (jobindsats Y30R21)
 * for the 98 municipalities, from the public figures of the workspace. */
#include <getopt.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/y30r21.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr benchmark [-w ARBEJDSOMRÅDE] [--periode P] [--ydelse G] [--format table|csv|json]\n"
    "                     [-o FIL]\n"
    "\n"
    "STAR's benchmark \"forventet mod faktisk\" (jobindsats Y30R21) for de 98 kommuner:\n"
    "forventet og faktisk antal fuldtidspersoner på offentlig forsørgelse, forskellen,\n"
    "forventet og faktisk andel af befolkningen og forskellen i procentpoint, og\n"
    "placeringen på benchmarkranglisten (1 = bedst: størst negativ forskel). Tallene\n"
    "indlæses med styr import eller styr hent jobindsats --tabel y30r21. Har tabellen en\n"
    "placering, vises den som offentliggjort; ellers rangerer styr efter forskellen i\n"
    "procentpoint (lige store forskelle deler den bedste placering). JSON har også styrs\n"
    "egen placering (placering_beregnet). En kommune uden tal vises som \"-\".\n"
    "\n"
    "  --periode P   fx 2022QMAT04 (standard: den seneste indlæste)\n"
    "  --ydelse G    i_alt (standard), dagpenge_mv, sygedagpenge_mv, kontanthjaelp_mv\n"
    "  --format F    table (standard), csv eller json\n"
    "  -o FIL        skriv til FIL i stedet for skærmen\n";
static const char help_en[] =
    "Usage: styr benchmark [-w WORKSPACE] [--periode P] [--ydelse G] [--format table|csv|json]\n"
    "                      [-o FILE]\n"
    "\n"
    "STAR's benchmark \"expected against actual\" (jobindsats Y30R21) for the 98\n"
    "municipalities: expected and actual full-time persons on public support, the\n"
    "difference, expected and actual share of the population and the difference in\n"
    "percentage points, and the place on the benchmark list (1 = best: the largest\n"
    "negative difference). The figures are read with styr import or styr hent jobindsats\n"
    "--tabel y30r21. Where the table carries a place it is shown as published; else styr\n"
    "ranks by the difference in percentage points (equal differences share the best\n"
    "place). JSON also has styr's own rank (placering_beregnet). A municipality without\n"
    "figures shows \"-\".\n"
    "\n"
    "  --periode P   e.g. 2022QMAT04 (default: the latest imported)\n"
    "  --ydelse G    i_alt (default), dagpenge_mv, sygedagpenge_mv, kontanthjaelp_mv\n"
    "  --format F    table (default), csv or json\n"
    "  -o FILE       write to FILE instead of the screen\n";

/* Decimals shown: counts and places as whole numbers; shares and differences with one,
 * or two where the table has them (so that nothing published is rounded away). */
static int share_dec = 1;
static int decimals(int m) { return m <= Y30_FORSKEL_ANTAL || m == Y30_PLACERING ? 0 : share_dec; }

static int table_decimals(const styr_y30_table *t)
{
    for (int k = 0; k < t->n; k++)
        for (int m = Y30_FORV_ANDEL; m <= Y30_FORSKEL_PP; m++) {
            double v = t->row[k].m[m].v * 10;
            if (t->row[k].m[m].state == STYR_PUB_VALUE && fabs(v - round(v)) > 1e-6) return 2;
        }
    return 1;
}

static const char *val_text(char *buf, size_t cap, styr_y30_val v, int m)
{
    if (v.state == STYR_PUB_SUPPRESSED) snprintf(buf, cap, "..");
    else if (v.state != STYR_PUB_VALUE) snprintf(buf, cap, "-");
    else styr_fmt_num(buf, cap, v.v, decimals(m));
    return buf;
}

/* The place shown: the published one where the table has places, else styr's. */
static styr_y30_val shown_place(const styr_y30_table *t, const styr_y30_row *r)
{
    if (t->has_rank) return r->m[Y30_PLACERING];
    if (r->rank) return (styr_y30_val){r->rank, STYR_PUB_VALUE};
    return (styr_y30_val){0, STYR_PUB_NONE};
}

static const styr_y30_table *sort_t;
static int by_place(const void *a, const void *b)
{
    int i = *(const int *)a, j = *(const int *)b;
    styr_y30_val x = shown_place(sort_t, &sort_t->row[i]), y = shown_place(sort_t, &sort_t->row[j]);
    int ox = x.state == STYR_PUB_VALUE, oy = y.state == STYR_PUB_VALUE;
    if (ox != oy) return oy - ox;
    if (ox && x.v != y.v) return x.v < y.v ? -1 : 1;
    int dx = sort_t->row[i].any, dy = sort_t->row[j].any;
    if (dx != dy) return dy - dx;
    return sort_t->row[i].kommune - sort_t->row[j].kommune;
}

/* A value for JSON: null unless published as a value; a whole count or place as an integer. */
static json_t *jval(styr_y30_val v, int m)
{
    if (v.state != STYR_PUB_VALUE) return json_null();
    if ((m <= Y30_FORSKEL_ANTAL || m == Y30_PLACERING) && v.v == (double)(long long)v.v)
        return json_integer((long long)v.v);
    styr_figval f = {v.v, STYR_FV_OK};
    return styr_json_value(f, NULL);
}

/* A value for CSV as published: as many decimals as it has (up to 10 significant digits), decimal comma. */
static void csv_val(FILE *f, double v)
{
    char b[48];
    snprintf(b, sizeof b, "%.10g", v);
    for (char *p = b; *p; p++)
        if (*p == '.') *p = ',';
    fputs(b, f);
}

static int write_out(FILE *f, styr_format fmt, const styr_y30_table *t, const styr_codes *c, const int *order,
                     int own)
{
    char b[Y30_NMEAS + 1][48];
    if (fmt == STYR_FMT_JSON) {
        json_t *o = json_object(), *arr = json_array();
        json_object_set_new(o, "kilde", json_string("jobindsats y30r21"));
        json_object_set_new(o, "periode", json_string(t->periode));
        json_object_set_new(o, "periode_navn", json_string(t->periode_navn));
        json_object_set_new(o, "ydelse", json_string(styr_y30_group_key(t->group)));
        json_object_set_new(o, "ydelsesgruppe", json_string(styr_y30_group_label(t->group)));
        json_object_set_new(o, "placering_offentliggjort", json_boolean(t->has_rank));
        json_object_set_new(o, "antal_rangeret", json_integer(t->nranked));
        if (t->has_rank) {
            int bad = styr_y30_rank_agrees(t);
            json_object_set_new(o, "placering_afviger", bad >= 0 ? json_integer(bad) : json_null());
        }
        for (int i = 0; i < t->n; i++) {
            const styr_y30_row *r = &t->row[order[i]];
            json_t *x = json_object(), *sup = json_array();
            json_object_set_new(x, "kommune", json_integer(r->kommune));
            json_object_set_new(x, "kommunenavn", json_string(c->kom_name[order[i]]));
            for (int m = 0; m < Y30_PLACERING; m++) {
                json_object_set_new(x, styr_y30_measure_key(m), jval(r->m[m], m));
                if (r->m[m].state == STYR_PUB_SUPPRESSED) json_array_append_new(sup, json_string(styr_y30_measure_key(m)));
            }
            json_object_set_new(x, "placering", jval(shown_place(t, r), Y30_PLACERING));
            json_object_set_new(x, "placering_beregnet", r->rank ? json_integer(r->rank) : json_null());
            if (r->m[Y30_PLACERING].state == STYR_PUB_SUPPRESSED) json_array_append_new(sup, json_string("placering"));
            json_object_set_new(x, "data", json_boolean(r->any));
            if (json_array_size(sup)) json_object_set_new(x, "diskretion", sup);
            else json_decref(sup);
            if (r->kommune == own) json_object_set_new(x, "egen", json_true());
            json_array_append_new(arr, x);
        }
        json_object_set_new(o, "kommuner", arr);
        return styr_json_write(f, o);
    }
    if (fmt == STYR_FMT_CSV) {
        fputs("\xEF\xBB\xBFkommune;kommunenavn;forventet_antal;faktisk_antal;forskel_antal;forventet_andel;"
              "faktisk_andel;forskel_pct_point;placering;placering_beregnet\r\n", f);
        for (int i = 0; i < t->n; i++) {
            const styr_y30_row *r = &t->row[order[i]];
            fprintf(f, "%d;", r->kommune);
            styr_csv_text(f, c->kom_name[order[i]]);
            for (int m = 0; m <= Y30_PLACERING; m++) {
                styr_y30_val v = m == Y30_PLACERING ? shown_place(t, r) : r->m[m];
                fputc(';', f);
                if (v.state == STYR_PUB_SUPPRESSED) fputs("..", f);
                else if (v.state == STYR_PUB_VALUE) csv_val(f, v.v);
            }
            fputc(';', f);
            if (r->rank) fprintf(f, "%d", r->rank);
            fputs("\r\n", f);
        }
        return ferror(f) ? -1 : 0;
    }
    fprintf(f, styr_tr("Forventet mod faktisk (jobindsats Y30R21), %s, %s\n",
                       "Expected against actual (jobindsats Y30R21), %s, %s\n"),
            styr_y30_group_label(t->group), t->periode);
    fprintf(f, styr_tr("Fuldtidspersoner på offentlig forsørgelse; andele i pct. af befolkningen; forskel = faktisk - forventet.\n\n",
                       "Full-time persons on public support; shares in pct. of the population; difference = actual - expected.\n\n"));
    share_dec = table_decimals(t);
    styr_table *tb = styr_table_new(8, "rlrrrrrr");
    const char *head[8] = {styr_tr("Plac.", "Rank"),           styr_tr("Kommune", "Municipality"),
                           styr_tr("Forventet", "Expected"),   styr_tr("Faktisk", "Actual"),
                           styr_tr("Forskel", "Difference"),   styr_tr("Forv. andel", "Exp. share"),
                           styr_tr("Fakt. andel", "Act. share"), styr_tr("Forskel, pct.-point", "Difference, pp")};
    styr_table_row(tb, head);
    for (int i = 0; i < t->n; i++) {
        const styr_y30_row *r = &t->row[order[i]];
        char name[64];
        snprintf(name, sizeof name, "%s%s", c->kom_name[order[i]], r->kommune == own ? " *" : "");
        const char *row[8] = {val_text(b[0], sizeof b[0], shown_place(t, r), Y30_PLACERING), name,
                              val_text(b[1], sizeof b[1], r->m[Y30_FORV_ANTAL], Y30_FORV_ANTAL),
                              val_text(b[2], sizeof b[2], r->m[Y30_FAKT_ANTAL], Y30_FAKT_ANTAL),
                              val_text(b[3], sizeof b[3], r->m[Y30_FORSKEL_ANTAL], Y30_FORSKEL_ANTAL),
                              val_text(b[4], sizeof b[4], r->m[Y30_FORV_ANDEL], Y30_FORV_ANDEL),
                              val_text(b[5], sizeof b[5], r->m[Y30_FAKT_ANDEL], Y30_FAKT_ANDEL),
                              val_text(b[6], sizeof b[6], r->m[Y30_FORSKEL_PP], Y30_FORSKEL_PP)};
        styr_table_row(tb, row);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    fputc('\n', f);
    if (t->has_rank)
        fprintf(f, "%s\n", styr_tr("Placering som offentliggjort (beregnet af STAR på uafrundede tal).",
                                   "Rank as published (computed by STAR from unrounded figures)."));
    else if (!t->nranked)
        fprintf(f, "%s\n", styr_tr("Tabellen har hverken placering eller forskellen i procentpoint for nogen kommune, så "
                                   "ingen er rangeret; hent tabellen med alle mål (styr hent jobindsats --tabel y30r21).",
                                   "The table has neither a rank nor the difference in percentage points for any "
                                   "municipality, so none is ranked; fetch the table with all measures "
                                   "(styr hent jobindsats --tabel y30r21)."));
    else
        fprintf(f, "%s\n", styr_tr("Tabellen har ingen placering; styr rangerer efter forskellen i procentpoint "
                                   "(lige store forskelle deler den bedste placering).",
                                   "The table has no rank; styr ranks by the difference in percentage points "
                                   "(equal differences share the best rank)."));
    int bad = t->has_rank ? styr_y30_rank_agrees(t) : 0;
    if (bad < 0)
        fprintf(f, "%s\n", styr_tr("Tabellen rummer kun en del af ranglisten; placeringerne er de offentliggjorte blandt alle 98.",
                                   "The table holds only part of the list; the ranks are those published among all 98."));
    else if (bad)
        fprintf(f, styr_tr("Bemærk: %d offentliggjorte placeringer svarer ikke til forskellen i procentpoint.\n",
                           "Note: %d published ranks do not match the difference in percentage points.\n"),
                bad);
    fprintf(f, "%s\n", styr_tr("Kilde: jobindsats.dk, Y30R21. .. = diskretion hos kilden; - = ingen data.",
                               "Source: jobindsats.dk, Y30R21. .. = suppressed by the source; - = no data."));
    if (own > 0) fprintf(f, "%s\n", styr_tr("* = egen kommune.", "* = the own municipality."));
    return ferror(f) ? -1 : 0;
}

int styr_cmd_benchmark(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {{"periode", required_argument, 0, 'p'}, {"ydelse", required_argument, 0, 'y'},
                                       {"format", required_argument, 0, 'F'},  {"workspace", required_argument, 0, 'w'},
                                       {"help", no_argument, 0, 'h'},          {0, 0, 0, 0}};
    const char *periode = NULL, *out = NULL;
    int group = Y30_I_ALT, c;
    styr_format fmt = STYR_FMT_TABLE;
    optind = 1;
    while ((c = styr_cli_getopt("benchmark", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'p': periode = optarg; break;
        case 'y':
            if ((group = styr_y30_group_by_key(optarg)) < 0) {
                fprintf(stderr, "styr benchmark: %s '%s' (%s)\n", styr_tr("ukendt ydelsesgruppe", "unknown benefit group"),
                        optarg, "i_alt, dagpenge_mv, sygedagpenge_mv, kontanthjaelp_mv");
                return STYR_EXIT_USAGE;
            }
            break;
        case 'F':
            if (styr_format_parse(optarg, &fmt) || fmt == STYR_FMT_XLSX)
                return styr_cli_bad_option("benchmark", "--format", optarg);
            break;
        case 'o': out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("benchmark", "", argv[optind]);
    styr_period pp;
    if (periode && styr_period_parse(periode, &pp)) return styr_cli_bad_option("benchmark", "--periode", periode);
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    static styr_y30_table t;
    int e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    char per[64][16];
    int np = 0;
    if ((rc = styr_y30_periods(ws, per, 64, &np, &d))) goto fail;
    if (!np) {
        fprintf(stderr, "styr benchmark: %s\n",
                styr_msg_text(M_BM_NO_Y30));
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if ((rc = styr_y30_load(ws, codes, periode, group, &t, &d))) goto fail;
    if (!t.found) {
        fprintf(stderr, "styr benchmark: %s", styr_tr("ingen Y30R21-tal for", "no Y30R21 figures for"));
        if (periode) fprintf(stderr, " %s,", periode);
        fprintf(stderr, " %s; %s", styr_y30_group_label(group), styr_tr("indlæste perioder:", "periods imported:"));
        for (int i = 0; i < np; i++) fprintf(stderr, "%s %s", i ? "," : "", per[i]);
        fputc('\n', stderr);
        e = STYR_EXIT_USAGE;
        goto out;
    }
    int order[STYR_MAX_KOMMUNER] = {0};
    for (int i = 0; i < t.n; i++) order[i] = i;
    sort_t = &t;
    qsort(order, (size_t)t.n, sizeof *order, by_place);
    styr_dest dest;
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    int wrc = write_out(dest.f, fmt, &t, codes, order, own);
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
