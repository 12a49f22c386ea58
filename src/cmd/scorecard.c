/* styr scorecard: spec §6, more in work, faster in work, kept in work, for
 * dagpenge, kontanthjælp and sygedagpenge (or the groups asked for), each
 * against the cluster. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/scorecard.h"
#include "../core/mem.h"
#include "../out/figout.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "benchctx.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr scorecard [-w ARBEJDSOMRÅDE] [--kommune K] [--ydelse G,...] [--periode P]\n"
    "                     [--intern] [--klynge forventet] [--format table|json] [-o FIL]\n"
    "\n"
    "Scorecard som i pilotjobcentrene (spec §6) for hver ydelse (standard: dagpenge,\n"
    "kontanthjaelp, sygedagpenge):\n"
    "  Flere i job      fuldtidspersoner i pct. af befolkningen 16-66 år; udvikling i pct.\n"
    "  Hurtigere i job  varighed af afsluttede forløb; udvikling i uger\n"
    "  Fastholdt i job  i job efter 3 mdr.; udvikling i procentpoint\n"
    "Niveau og udvikling fra samme periode året før, hver ved siden af klyngens og\n"
    "markeret bedre (+) eller dårligere (-). Perioden er et år eller de seneste 12\n"
    "måneder (fx 2024M09R12); standard er panelets sidste hele år.\n";
static const char help_en[] =
    "Usage: styr scorecard [-w WORKSPACE] [--kommune K] [--ydelse G,...] [--periode P]\n"
    "                      [--intern] [--klynge forventet] [--format table|json] [-o FILE]\n"
    "\n"
    "The pilot job centres' scorecard (spec §6) for each group (default: dagpenge,\n"
    "kontanthjaelp, sygedagpenge):\n"
    "  More in work      full-time recipients in pct. of the population 16-66; change in pct.\n"
    "  Faster into work  duration of ended spells; change in weeks\n"
    "  Kept in work      in work after 3 months; change in percentage points\n"
    "Level and change from the same period a year before, each beside the cluster's and\n"
    "marked better (+) or worse (-). The period is a year or the last 12 months (e.g.\n"
    "2024M09R12); the default is the panel's last whole year.\n";

static const char *mark_text(int m) { return m == STYR_MARK_NA ? "" : m > 0 ? "+" : m < 0 ? "-" : "="; }

static void dev_text(char *buf, size_t cap, const styr_score *s, styr_figval v)
{
    static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_COUNT, 0};
    if (s->dev_pct) styr_change_text(buf, cap, &pct, v);
    else styr_change_text(buf, cap, s->def, v);
}

static json_t *score_json(const styr_scorecard *sc, const styr_codes *c)
{
    json_t *o = json_object(), *arr = json_array();
    static const char *keys[STYR_NSCORE] = {"flere_i_job", "hurtigere_i_job", "fastholdt_i_job"};
    json_object_set_new(o, "ydelse", json_string(styr_group_key(c, sc->g)));
    for (int i = 0; i < STYR_NSCORE; i++) {
        const styr_score *s = &sc->s[i];
        json_t *x = json_object();
        json_object_set_new(x, "indikator", json_string(keys[i]));
        json_object_set_new(x, "figur", json_string(s->def->key));
        json_object_set_new(x, "niveau", styr_json_value(s->own, s->def));
        json_object_set_new(x, "klynge", styr_json_value(s->cluster, s->def));
        json_object_set_new(x, "vurdering", s->mark == STYR_MARK_NA ? json_null() : json_integer(s->mark));
        json_object_set_new(x, "udvikling", styr_json_value(s->dev_own, NULL));
        json_object_set_new(x, "klynge_udvikling", styr_json_value(s->dev_cluster, NULL));
        json_object_set_new(x, "udvikling_enhed", json_string(s->dev_pct ? "pct" : s->def->unit == STYR_U_WEEKS ? "uger" : "pct_point"));
        json_object_set_new(x, "udvikling_vurdering", s->dev_mark == STYR_MARK_NA ? json_null() : json_integer(s->dev_mark));
        json_array_append_new(arr, x);
    }
    json_object_set_new(o, "indikatorer", arr);
    return o;
}

static void score_table(FILE *f, const styr_scorecard *sc, const styr_codes *c)
{
    char t[6][64];
    fprintf(f, "%s\n", styr_group_name(c, sc->g));
    styr_table *tb = styr_table_new(7, "lrrlrrl");
    const char *h[7] = {styr_tr("Indikator", "Indicator"), styr_tr("Kommunen", "Municipality"),
                        styr_tr("Klyngen", "Cluster"), "",
                        styr_tr("Udvikling", "Change"), styr_tr("Klyngen", "Cluster"), ""};
    styr_table_row(tb, h);
    for (int i = 0; i < STYR_NSCORE; i++) {
        const styr_score *s = &sc->s[i];
        dev_text(t[2], sizeof t[2], s, s->dev_own);
        dev_text(t[3], sizeof t[3], s, s->dev_cluster);
        const char *row[7] = {styr_tr(s->da, s->en), styr_fig_text(t[0], sizeof t[0], s->def, s->own),
                              styr_fig_text(t[1], sizeof t[1], s->def, s->cluster), mark_text(s->mark), t[2], t[3],
                              mark_text(s->dev_mark)};
        styr_table_row(tb, row);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    fputc('\n', f);
}

int styr_cmd_scorecard(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"ydelse", required_argument, 0, 'y'},
        {"periode", required_argument, 0, 'p'}, {"intern", no_argument, 0, 'i'},
        {"format", required_argument, 0, 'f'},  {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {"klynge", required_argument, 0, 'K'},  {0, 0, 0, 0}};
    long long kommune = 0;
    int forventet = 0;
    const char *yl = "dagpenge,kontanthjaelp,sygedagpenge", *pl = NULL, *out = NULL;
    int intern = 0, c;
    styr_format fmt = STYR_FMT_TABLE;
    optind = 1;
    while ((c = styr_cli_getopt("scorecard", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_kommune("scorecard", optarg, &kommune)) return STYR_EXIT_USAGE;
            break;
        case 'y': yl = optarg; break;
        case 'p': pl = optarg; break;
        case 'i': intern = 1; break;
        case 'f':
            if (styr_format_parse(optarg, &fmt) || (fmt != STYR_FMT_TABLE && fmt != STYR_FMT_JSON))
                return styr_cli_bad_option("scorecard", "--format", optarg);
            break;
        case 'o': out = optarg; break;
        case 'K':
            if (styr_bctx_klynge_opt("scorecard", optarg, &forventet)) return STYR_EXIT_USAGE;
            break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("scorecard", "", argv[optind]);
    styr_diags d;
    styr_diags_init(&d);
    styr_bctx x;
    int *grp = NULL, ngrp = 0, opened = 0;
    styr_dest dest = {0};
    styr_rc rc;
    int e = styr_bctx_open(cli, "scorecard", kommune, intern, pl, &x, &d);
    if (e >= 0) goto out;
    x.forventet = forventet;
    const styr_codes *codes = x.codes;
    if (styr_select_ydelser(codes, yl, &grp, &ngrp)) {
        e = styr_cli_bad_option("scorecard", "--ydelse", yl);
        goto out;
    }
    if ((e = styr_bctx_load(cli, "scorecard", &x, NULL, 0, 0, &d)) >= 0) goto out;
    e = STYR_EXIT_OK;
    const int k = x.k, p0 = x.p0, p1 = x.p1;
    const styr_clusters *cl = &x.cl;
    if ((rc = styr_dest_open(&dest, out, &d))) goto fail;
    opened = 1;
    FILE *f = dest.f;
    int wrc = 0;
    if (fmt == STYR_FMT_JSON) {
        json_t *o = json_object(), *arr = json_array();
        json_object_set_new(o, "periode", json_string(x.per.name));
        json_object_set_new(o, "kommune", json_integer(x.kommune));
        json_object_set_new(o, "kommunenavn", json_string(codes->kom_name[k]));
        json_object_set_new(o, "klynge", json_string(x.klynge_navn));
        for (int i = 0; i < ngrp; i++) {
            styr_scorecard sc;
            styr_scorecard_make(&x.b, p0, p1, k, x.in, grp[i], &sc);
            json_t *one = score_json(&sc, codes);
            const char *own = styr_bdata_source(&x.b, p0, k, grp[i]);
            if (x.b.res.any_pub) json_object_set_new(one, "kilde", own ? json_string(own) : json_null());
            json_array_append_new(arr, one);
        }
        json_object_set_new(o, "scorecards", arr);
        const char *src[32];
        int ns = styr_bctx_sources(&x, src, 32);
        if (ns) {
            json_t *ka = json_array();
            for (int i = 0; i < ns; i++) json_array_append_new(ka, json_string(src[i]));
            json_object_set_new(o, "kilder", ka);
        }
        wrc = styr_json_write(f, o);
    } else {
        if (x.forventet)
            fprintf(f, styr_tr("Scorecard %s: %s Kommune (%d) mod %s\n", "Scorecard %s: %s (%d) against %s\n"),
                    x.per.name, codes->kom_name[k], x.kommune, x.klynge_navn);
        else
            fprintf(f, styr_tr("Scorecard %s: %s Kommune (%d) mod %s (%d)\n",
                               "Scorecard %s: %s (%d) against %s (%d)\n"),
                    x.per.name, codes->kom_name[k], x.kommune, cl->name[cl->of[k]], cl->year);
        if (p1 >= 0)
            fprintf(f, styr_tr("Udvikling fra %s.\n\n", "Change from %s.\n\n"), x.prev.name);
        for (int i = 0; i < ngrp; i++) {
            styr_scorecard sc;
            styr_scorecard_make(&x.b, p0, p1, k, x.in, grp[i], &sc);
            score_table(f, &sc, codes);
        }
        fprintf(f, "%s %s\n", styr_tr("+ = bedre end klyngen, - = dårligere, = = som klyngen.",
                                      "+ = better than the cluster, - = worse, = = as the cluster."),
                styr_discretion_note());
        styr_bctx_print_sources(f, &x);
        wrc = ferror(f) ? -1 : 0;
    }
    opened = 0;
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (opened) styr_dest_close(&dest, 0, &d);
    e = styr_bctx_close(cli, &x, e, &d);
    free(grp);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
