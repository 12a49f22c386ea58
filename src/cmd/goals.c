/* styr goals: result goals kept in the workspace, and their follow-up. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/goaleval.h"
#include "../calc/pubfig.h"
#include "../core/mem.h"
#include "../core/num.h"
#include "../out/figout.h"
#include "../out/figtext.h"
#include "../out/outfile.h"
#include "../out/table.h"
#include "../ws/catalog.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

/* The source of a goal's values where published figures stand in (the
 * municipality's months of the goal year; NULL where they are the panel's). */
static const char *goal_source(const styr_bdata *b, const styr_metric *m, const styr_goal *g, int k)
{
    if (g->tilbud > 0) return NULL;
    for (int i = 0; i < b->res.ps.n; i++) {
        const styr_period *p = &b->res.ps.p[i];
        if (p->year != g->aar || (p->kind != STYR_P_MONTH && p->kind != STYR_P_YEAR)) continue;
        const char *s = styr_bdata_kilde(b, m, i, k, g->grp);
        if (s) return s;
    }
    return NULL;
}

static const char help_da[] =
    "Brug: styr goals [opfoelgning] [-w ARBEJDSOMRÅDE] [--kommune K] [--intern] [--format table|json]\n"
    "       styr goals add --figur F --ydelse G --maal MÅL --aar ÅR [--kommune K] [--enhed E]\n"
    "                      [--tilbud T] [--tekst \"målet i udvalgets ord\"]\n"
    "       styr goals list [--kommune K]\n"
    "       styr goals remove ID\n"
    "\n"
    "Resultatmål gemmes i arbejdsområdet. MÅL er et af:\n"
    "  <=2,0    nøgletallet højst 2,0 ved årets udgang    >=40   mindst 40\n"
    "  klynge   bedre end klyngens niveau                 -10%   10 pct. under året før\n"
    "Eksempler: fuldtidspersoner på dagpenge under klyngens niveau ved årets udgang:\n"
    "  styr goals add --ydelse dagpenge --figur andel_befolkning --maal klynge --aar 2024\n"
    "Langvarige sygedagpengeforløb ned med 10 pct.:\n"
    "  styr goals add --ydelse sygedagpenge --figur langvarige --maal -10% --aar 2024\n"
    "I job 3 måneder efter endt virksomhedspraktik mindst 40 pct. (--tilbud: status efter\n"
    "tilbuddenes afslutning, som styr offers):\n"
    "  styr goals add --ydelse kontanthjaelp --tilbud praktik --figur i_job_3mdr --maal \">=40\" --aar 2024\n"
    "\n"
    "Opfølgningen viser for hvert mål den seneste værdi (år til dato), forløbet måned for\n"
    "måned, en prognose for året (lineær tendens i månederne) og en status: nået, på vej\n"
    "eller ikke nået (mens året løber: efter prognosen). --enhed er et team eller afsnit;\n"
    "målene grupperes efter enhed.\n";
static const char help_en[] =
    "Usage: styr goals [opfoelgning] [-w WORKSPACE] [--kommune K] [--intern] [--format table|json]\n"
    "       styr goals add --figur F --ydelse G --maal TARGET --aar YEAR [--kommune K] [--enhed UNIT]\n"
    "                      [--tilbud K] [--tekst \"the goal in the committee's words\"]\n"
    "       styr goals list [--kommune K]\n"
    "       styr goals remove ID\n"
    "\n"
    "Result goals are kept in the workspace. TARGET is one of:\n"
    "  <=2,0    the figure at most 2,0 at year end        >=40   at least 40\n"
    "  klynge   better than the cluster's level           -10%   10 pct. below the year before\n"
    "--tilbud K makes the figure the status after the offers of kind K ended (i_job_3mdr etc.).\n"
    "\n"
    "The follow-up shows each goal's latest value (year to date), the path month by month,\n"
    "a forecast for the year (linear trend in the months) and a status: reached, on track\n"
    "or not reached (while the year runs: by the forecast). --enhed is a team or section;\n"
    "goals are grouped by unit.\n";

typedef struct opts {
    long long kommune;
    const char *figur, *ydelse, *maal, *enhed, *tekst, *out, *tilbud;
    long long aar;
    int intern;
    styr_format fmt;
} opts;

static int parse(styr_cli *cli, int argc, char **argv, opts *o)
{
    static const struct option lo[] = {
        {"kommune", required_argument, 0, 'k'}, {"figur", required_argument, 0, 'f'},
        {"ydelse", required_argument, 0, 'y'},  {"maal", required_argument, 0, 'm'},
        {"aar", required_argument, 0, 'a'},     {"enhed", required_argument, 0, 'e'},
        {"tekst", required_argument, 0, 't'},   {"intern", no_argument, 0, 'i'},
        {"tilbud", required_argument, 0, 'T'},
        {"format", required_argument, 0, 'F'},  {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    int c;
    optind = 1;
    while ((c = styr_cli_getopt("goals", argc, argv, "w:o:h", lo)) != -1) {
        switch (c) {
        case 'k':
            if (styr_cli_kommune("goals", optarg, &o->kommune)) return STYR_EXIT_USAGE;
            break;
        case 'f': o->figur = optarg; break;
        case 'y': o->ydelse = optarg; break;
        case 'm': o->maal = optarg; break;
        case 'a':
            if (styr_cli_int(optarg, 1990, 2099, &o->aar)) return styr_cli_bad_option("goals", "--aar", optarg);
            break;
        case 'e': o->enhed = optarg; break;
        case 't': o->tekst = optarg; break;
        case 'T': o->tilbud = optarg; break;
        case 'i': o->intern = 1; break;
        case 'F':
            if (styr_format_parse(optarg, &o->fmt) || (o->fmt != STYR_FMT_TABLE && o->fmt != STYR_FMT_JSON))
                return styr_cli_bad_option("goals", "--format", optarg);
            break;
        case 'o': o->out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': styr_cli_help(stdout, help_da, help_en); return -1;
        default: return STYR_EXIT_USAGE;
        }
    }
    return 0;
}

/* The municipality code of --kommune or the own one; 0 after a message. */
static int pick(styr_ws *ws, const opts *o)
{
    const styr_codes *c = styr_ws_codes(ws);
    long long k = o->kommune ? o->kommune : styr_ws_egen_kommune(ws);
    if (k > 0 && k < 1000 && c->kom_idx[k] >= 0) return (int)k;
    if (o->kommune) {
        char v[16];
        snprintf(v, sizeof v, "%lld", o->kommune);
        styr_cli_bad_option("goals", "--kommune", v);
    } else {
        styr_cli_no_kommune("goals");
    }
    return 0;
}

static int cmd_add(styr_cli *cli, const opts *o)
{
    if (!o->figur || !o->ydelse || !o->maal || !o->aar) {
        fprintf(stderr, "styr goals add: %s\n",
                styr_tr("angiv --figur, --ydelse, --maal og --aar", "give --figur, --ydelse, --maal and --aar"));
        return STYR_EXIT_USAGE;
    }
    styr_goal g;
    memset(&g, 0, sizeof g);
    if (styr_fig_by_key(o->figur) < 0) return styr_cli_bad_option("goals add", "--figur", o->figur);
    if (styr_goal_parse_target(o->maal, &g.kind, &g.value)) return styr_cli_bad_option("goals add", "--maal", o->maal);
    if (o->enhed && strlen(o->enhed) >= sizeof g.enhed) return styr_cli_bad_option("goals add", "--enhed", o->enhed);
    if (o->tekst && strlen(o->tekst) >= sizeof g.tekst) return styr_cli_bad_option("goals add", "--tekst", o->tekst);
    snprintf(g.figur, sizeof g.figur, "%s", o->figur);
    snprintf(g.enhed, sizeof g.enhed, "%s", o->enhed ? o->enhed : "");
    snprintf(g.tekst, sizeof g.tekst, "%s", o->tekst ? o->tekst : "");
    g.aar = (int)o->aar;
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    int e = STYR_EXIT_OK, *grp = NULL, ngrp = 0, id;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d);
    if (rc) goto fail;
    if (!(g.kommune = pick(ws, o))) { e = STYR_EXIT_USAGE; goto out; }
    if (styr_select_ydelser(styr_ws_codes(ws), o->ydelse, &grp, &ngrp) || ngrp != 1) {
        e = styr_cli_bad_option("goals add", "--ydelse", o->ydelse);
        goto out;
    }
    g.grp = grp[0];
    if (!o->tilbud && (e = styr_select_applies("goals add", styr_ws_codes(ws), g.grp, o->figur))) goto out;
    if (o->tilbud) {
        int h, selv;
        g.tilbud = styr_codes_tilbud(styr_ws_codes(ws), o->tilbud, strlen(o->tilbud));
        if (g.tilbud <= 0) { e = styr_cli_bad_option("goals add", "--tilbud", o->tilbud); goto out; }
        if (styr_goal_offer_figure(g.figur, &h, &selv)) {
            fprintf(stderr, "styr goals add: %s\n",
                    styr_tr("et mål for et tilbud bruger i_job_4uger, i_job_3mdr, i_job_6mdr, i_job_12mdr eller "
                            "selvforsoerget_3mdr osv. (status efter tilbuddets afslutning)",
                            "a goal on an offer uses i_job_4uger, i_job_3mdr, i_job_6mdr, i_job_12mdr or "
                            "selvforsoerget_3mdr etc. (the status after the offer ended)"));
            e = STYR_EXIT_USAGE;
            goto out;
        }
    }
    if ((rc = styr_goal_add(ws, &g, &id, &d))) goto fail;
    char t[96], what[160];
    snprintf(what, sizeof what, "%s%s%s", styr_group_name(styr_ws_codes(ws), g.grp), g.tilbud > 0 ? ", " : "",
             g.tilbud > 0 ? styr_offer_name(styr_ws_codes(ws), g.tilbud) : "");
    printf(styr_tr("Mål %d oprettet: %s, %s, %s %d.\n", "Goal %d added: %s, %s, %s %d.\n"), id, what, o->figur,
           styr_goal_target_text(t, sizeof t, &g, styr_figdefs[styr_fig_by_key(o->figur)].decimals), g.aar);
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    free(grp);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

static int cmd_remove(styr_cli *cli, int argc, char **argv)
{
    long long id;
    if (optind != argc - 1 || styr_cli_int(argv[optind], 1, 1LL << 40, &id))
        return styr_cli_bad_option("goals remove", "ID", optind < argc ? argv[optind] : "");
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    int found = 0, e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_WRITE, &ws, &d);
    if (!rc) rc = styr_goal_remove(ws, (int)id, &found, &d);
    if (rc) e = styr_cli_fail(cli, rc, &d);
    else if (!found) e = styr_cli_bad_option("goals remove", "ID", argv[optind]);
    else printf(styr_tr("Mål %lld fjernet.\n", "Goal %lld removed.\n"), id);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}



static int cmd_list(styr_cli *cli, const opts *o)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    styr_goal *g = NULL;
    size_t n = 0;
    int e = STYR_EXIT_OK;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_goals_load(ws, (int)o->kommune, &g, &n, &d);
    if (rc) {
        e = styr_cli_fail(cli, rc, &d);
    } else {
        const styr_codes *c = styr_ws_codes(ws);
        styr_table *t = styr_table_new(7, "rrllllr");
        const char *h[7] = {"ID", styr_tr("Kommune", "Municipality"), styr_tr("Enhed", "Unit"), styr_tr("Ydelse", "Group"),
                            styr_tr("Nøgletal", "Figure"), styr_tr("Mål", "Target"), styr_tr("År", "Year")};
        styr_table_row(t, h);
        for (size_t i = 0; i < n; i++) {
            char id[16], kom[16], tg[96], yr[8];
            snprintf(id, sizeof id, "%d", g[i].id);
            snprintf(kom, sizeof kom, "%d", g[i].kommune);
            snprintf(yr, sizeof yr, "%d", g[i].aar);
            int f = styr_fig_by_key(g[i].figur);
            styr_goal_target_text(tg, sizeof tg, &g[i], f >= 0 ? styr_figdefs[f].decimals : 1);
            char grp[160];
            snprintf(grp, sizeof grp, "%s%s%s", styr_group_name(c, g[i].grp), g[i].tilbud > 0 ? ", " : "",
                     g[i].tilbud > 0 ? styr_offer_name(c, g[i].tilbud) : "");
            const char *row[7] = {id, kom, g[i].enhed[0] ? g[i].enhed : "-", grp, g[i].figur, tg, yr};
            styr_table_row(t, row);
        }
        if (n) styr_table_print(t, stdout);
        else printf("%s\n", styr_tr("Ingen resultatmål endnu (styr goals add).", "No result goals yet (styr goals add)."));
        styr_table_free(t);
    }
    free(g);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

/* ---- follow-up ---------------------------------------------------------------------------------- */

static int cmd_followup(styr_cli *cli, const opts *o)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_goal *g = NULL;
    size_t n = 0;
    styr_bdata b;
    memset(&b, 0, sizeof b);
    styr_period *per = NULL;
    styr_goal_eval *ev_all = NULL;
    uint8_t *in_panel = NULL;
    int e = STYR_EXIT_OK, nper = 0, opened = 0;
    styr_dest dest = {0};
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *c = styr_ws_codes(ws);
    int kommune = pick(ws, o);
    if (!kommune) { e = STYR_EXIT_USAGE; goto out; }
    int k = c->kom_idx[kommune];
    if (o->intern && kommune != styr_ws_egen_kommune(ws)) {
        e = styr_cli_intern_denied("goals");
        goto out;
    }
    if ((rc = styr_goals_load(ws, kommune, &g, &n, &d))) goto fail;
    if (!n && o->fmt == STYR_FMT_JSON) { /* JSON readers get JSON: no goals, an empty list */
        if ((rc = styr_dest_open(&dest, o->out, &d))) goto fail;
        fputs("[]\n", dest.f);
        if ((rc = styr_dest_close(&dest, 1, &d))) goto fail;
        goto out;
    }
    if (!n) {
        printf("%s\n", styr_tr("Ingen resultatmål endnu (styr goals add).", "No result goals yet (styr goals add)."));
        goto out;
    }
    /* every period any goal needs, once */
    per = styr_xmalloc(n * 16 * sizeof *per);
    styr_pubfig *pub = NULL;
    if ((rc = styr_pubfig_load(ws, &pub, &d))) goto fail;
    for (size_t i = 0; i < n; i++) {
        styr_period tmp[16];
        int m = styr_goal_months_pub(p, pub, g[i].aar), t = styr_goal_periods(g[i].aar, m ? m : 1, tmp);
        for (int j = 0; j < t; j++) {
            int dup = 0;
            for (int q = 0; q < nper && !dup; q++) dup = !strcmp(per[q].name, tmp[j].name);
            if (!dup) per[nper++] = tmp[j];
        }
    }
    styr_pubfig_free(pub);
    if ((rc = styr_bdata_load(ws, per, nper, 0, o->intern ? k : -1, 0, &b, &d))) goto fail;
    ev_all = styr_xcalloc(n, sizeof *ev_all);
    if ((rc = styr_goals_evaluate_all(ws, p, &b, g, n, k, o->intern, ev_all, &d))) goto fail;
    /* a goal of a unit the panel knows (the column enhed) is followed on that unit's
     * weeks (calc/filter.h), with the unit's own discretion pattern */
    in_panel = styr_xcalloc(n ? n : 1, 1);
    if ((rc = styr_goals_by_unit(ws, p, per, nper, g, n, k, o->intern, ev_all, in_panel, &d))) goto fail;
    if ((rc = styr_dest_open(&dest, o->out, &d))) goto fail;
    opened = 1;
    FILE *f = dest.f;
    json_t *arr = o->fmt == STYR_FMT_JSON ? json_array() : NULL;
    if (!arr)
        fprintf(f, styr_tr("Resultatmål for %s Kommune (%d)\n", "Result goals of %s (%d)\n"), c->kom_name[k], kommune);
    const char *unit = NULL;
    for (size_t i = 0; i < n; i++) {
        styr_metric m;
        if (styr_metric_by_key(g[i].figur, NULL, &m)) continue;
        const styr_goal_eval ev = ev_all[i];
        char tg[96], t1[64], t2[64], t3[64], grp[160];
        snprintf(grp, sizeof grp, "%s%s%s", styr_group_name(c, g[i].grp), g[i].tilbud > 0 ? ", " : "",
                 g[i].tilbud > 0 ? styr_offer_name(c, g[i].tilbud) : "");
        styr_goal_target_text(tg, sizeof tg, &g[i], m.def->decimals);
        const char *kilde = goal_source(&b, &m, &g[i], k);
        if (arr) {
            json_t *x = json_object(), *path = json_array();
            json_object_set_new(x, "id", json_integer(g[i].id));
            json_object_set_new(x, "enhed", json_string(g[i].enhed));
            if (g[i].enhed[0]) json_object_set_new(x, "enhed_i_panelet", json_boolean(in_panel[i]));
            json_object_set_new(x, "ydelse", json_string(styr_group_key(c, g[i].grp)));
            json_object_set_new(x, "figur", json_string(g[i].figur));
            json_object_set_new(x, "tilbud", g[i].tilbud > 0 ? json_string(c->dict.tb[g[i].tilbud]) : json_null());
            json_object_set_new(x, "aar", json_integer(g[i].aar));
            json_object_set_new(x, "maalbeskrivelse", json_string(tg));
            json_object_set_new(x, "tekst", json_string(g[i].tekst));
            json_object_set_new(x, "maaneder", json_integer(ev.months));
            json_object_set_new(x, "seneste", styr_json_value(ev.latest, m.def));
            for (int q = 0; q < ev.months && q < 12; q++) json_array_append_new(path, styr_json_value(ev.path[q], m.def));
            json_object_set_new(x, "forloeb", path);
            json_object_set_new(x, "prognose", styr_json_value(ev.forecast, NULL));
            json_object_set_new(x, "maalvaerdi", styr_json_value(ev.target, NULL));
            json_object_set_new(x, "status", json_string(styr_goal_status_key(ev.status)));
            if (kilde) json_object_set_new(x, "kilde", json_string(kilde));
            json_array_append_new(arr, x);
            continue;
        }
        if (!unit || strcmp(unit, g[i].enhed)) {
            unit = g[i].enhed;
            fprintf(f, "\n%s%s\n", unit[0] ? unit : styr_tr("Hele jobcentret", "The whole job centre"),
                    unit[0] && !in_panel[i] ? styr_tr(" (enheden findes ikke i panelet: tallene er hele kommunens)",
                                                      " (the unit is not in the panel: the figures are the whole municipality's)")
                                            : "");
        }
        fprintf(f, "  %d. %s, %s %d: %s%s%s%s\n", g[i].id, grp, styr_tr(m.def->da, m.def->en),
                g[i].aar, tg, g[i].tekst[0] ? " (\"" : "", g[i].tekst, g[i].tekst[0] ? "\")" : "");
        if (!ev.months) {
            fprintf(f, "     %s\n", styr_tr("Året er ikke begyndt i data.", "The year has not begun in the data."));
            continue;
        }
        char when[64];
        if (ev.months >= 12) snprintf(when, sizeof when, "%s", styr_tr("Året", "The year"));
        else snprintf(when, sizeof when, styr_tr("År til dato (%d mdr.)", "Year to date (%d months)"), ev.months);
        fprintf(f, styr_tr("     %s: %s; prognose for året: %s; mål: %s; status: %s%s\n",
                           "     %s: %s; forecast for the year: %s; target: %s; status: %s%s\n"),
                when, styr_fig_text(t1, sizeof t1, m.def, ev.latest), styr_fig_text(t2, sizeof t2, m.def, ev.forecast),
                styr_fig_text(t3, sizeof t3, m.def, ev.target), styr_goal_status_text(ev.status),
                ev.months < 12 && ev.status == STYR_GS_NOT_REACHED ? styr_tr(" (efter prognosen)", " (by the forecast)") : "");
        fprintf(f, "     %s", styr_tr("Måned for måned:", "Month by month:"));
        for (int q = 0; q < ev.months && q < 12; q++) fprintf(f, "%s %s", q ? "," : "", styr_fig_text(t1, sizeof t1, m.def, ev.path[q]));
        fputc('\n', f);
        if (kilde) fprintf(f, "     %s %s\n", styr_tr("Offentlige tal:", "Published figures:"), kilde);
    }
    int wrc = 0;
    if (arr) {
        json_t *o2 = json_object();
        json_object_set_new(o2, "kommune", json_integer(kommune));
        json_object_set_new(o2, "kommunenavn", json_string(c->kom_name[k]));
        json_object_set_new(o2, "maal", arr);
        wrc = styr_json_write(f, o2);
    } else {
        fprintf(f, "\n%s\n", styr_tr("Prognosen følger den lineære tendens i månedstallene. .. = diskretion.",
                                     "The forecast follows the linear trend in the monthly figures. .. = discretion."));
    }
    opened = 0;
    if ((rc = styr_dest_close(&dest, !wrc, &d))) goto fail;
    styr_ws_close(ws);
    ws = NULL;
    if ((rc = styr_cli_store(cli, &b.res, &d))) goto fail;
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    if (opened) styr_dest_close(&dest, 0, &d);
    styr_bdata_free(&b);
    free(ev_all);
    free(in_panel);
    free(per);
    free(g);
    styr_ws_close(ws);
    styr_diags_free(&d);
    return e;
}

int styr_cmd_goals(styr_cli *cli, int argc, char **argv)
{
    opts o;
    memset(&o, 0, sizeof o);
    const char *sub = "opfoelgning";
    if (argc >= 2 && argv[1][0] != '-') {
        sub = argv[1];
        argc--;
        argv++;
    }
    int r = parse(cli, argc, argv, &o);
    if (r) return r < 0 ? STYR_EXIT_OK : r;
    int e;
    if (!strcmp(sub, "remove") || !strcmp(sub, "fjern")) e = cmd_remove(cli, argc, argv);
    else if (optind < argc) e = styr_cli_bad_option("goals", styr_tr("argument", "argument"), argv[optind]);
    else if (!strcmp(sub, "add") || !strcmp(sub, "opret")) e = cmd_add(cli, &o);
    else if (!strcmp(sub, "list") || !strcmp(sub, "vis")) e = cmd_list(cli, &o);
    else if (!strcmp(sub, "opfoelgning") || !strcmp(sub, "opfølgning") || !strcmp(sub, "follow-up")) e = cmd_followup(cli, &o);
    else e = styr_cli_bad_option("goals", styr_tr("underkommando", "sub-command"), sub);
    styr_cli_stats(cli);
    return e;
}
