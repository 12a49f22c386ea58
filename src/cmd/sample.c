/* styr sample: a reproducible stratified sample of current cases for a case
 * review, with person ids: internal use only, own municipality, --intern. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../calc/sample.h"
#include "../core/num.h"
#include "../core/week.h"
#include "../out/table.h"
#include "cli.h"
#include "cmds.h"
#include "select.h"

static const char help_da[] =
    "Brug: styr sample [-w ARBEJDSOMRÅDE] --ydelse G --intern [-n 25] [--seed S] [-o GENNEMGANG.xlsx]\n"
    "\n"
    "Træk en stikprøve til sagsgennemgang (som KL's gennemgang af 25 sager) blandt de\n"
    "igangværende forløb på ydelsen i arbejdsområdets egen kommune i panelets sidste uge.\n"
    "Stikprøven er lagdelt efter forløbets længde (1-13, 14-26, 27-52, 53-104, 105+ uger) og\n"
    "tilbudsstatus (i tilbud nu, tidligere tilbud, intet tilbud): hvert lag får sin andel, og\n"
    "mindst én sag når antallet tillader det. Samme panel og frø giver samme stikprøve.\n"
    "\n"
    "Udskriften indeholder person-id'er og er KUN TIL INTERN BRUG: den må ikke indgå i\n"
    "rapporter. Derfor kræves --intern, og kun for arbejdsområdets egen kommune.\n"
    "\n"
    "  -n N        antal sager (standard 25)\n"
    "  --seed S    frø (standard 1)\n"
    "  -o FIL      gennemgangsark (XLSX) med kolonner til gennemgangen\n";
static const char help_en[] =
    "Usage: styr sample [-w WORKSPACE] --ydelse G --intern [-n 25] [--seed S] [-o REVIEW.xlsx]\n"
    "\n"
    "Draws a sample for a case review (as KL's review of 25 cases) among the current spells\n"
    "of the group in the workspace's own municipality in the panel's last week. The sample\n"
    "is stratified by spell length (1-13, 14-26, 27-52, 53-104, 105+ weeks) and offer status\n"
    "(in an offer now, earlier offer, no offer): each stratum gets its share, and at least\n"
    "one case when the number allows. The same panel and seed give the same sample.\n"
    "\n"
    "The output holds person ids and is FOR INTERNAL USE ONLY: it must not enter reports.\n"
    "Hence --intern is required, and only for the workspace's own municipality.\n"
    "\n"
    "  -n N        number of cases (default 25)\n"
    "  --seed S    seed (default 1)\n"
    "  -o FILE     review sheet (XLSX) with columns for the review\n";

static void stratum_text(char *buf, size_t cap, int s)
{
    snprintf(buf, cap, "%s %s, %s", styr_len_names[s / STYR_NOFFER], styr_tr("uger", "weeks"),
             styr_offer_status_name(s % STYR_NOFFER));
}

static styr_rc write_sheet(const char *path, const styr_sample *s, const styr_cols *c, const styr_codes *codes,
                           const char *title, styr_diags *d)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    lxw_format *bold = workbook_add_format(wb), *wrap = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_text_wrap(wrap);
    lxw_worksheet *ws = workbook_add_worksheet(wb, styr_tr("Sagsgennemgang", "Case review"));
    worksheet_write_string(ws, 0, 0, title, bold);
    worksheet_write_string(ws, 1, 0,
                           styr_tr("FORTROLIGT: indeholder person-id'er. Kun til intern sagsgennemgang.",
                                   "CONFIDENTIAL: holds person ids. For the internal case review only."),
                           bold);
    const char *head[] = {"Nr.", styr_tr("Person", "Person"), styr_tr("Lag", "Stratum"),
                          styr_tr("Forløbet startede", "Spell began"), styr_tr("Uger", "Weeks"),
                          styr_tr("Tilbud nu", "Offer now"), styr_tr("Plan og mål", "Plan and goal"),
                          styr_tr("Seneste samtale", "Latest meeting"), styr_tr("Vurdering", "Assessment"),
                          styr_tr("Læringspunkt", "Learning point")};
    for (int i = 0; i < 10; i++) worksheet_write_string(ws, 3, (lxw_col_t)i, head[i], bold);
    worksheet_set_column(ws, 1, 1, 16, NULL);
    worksheet_set_column(ws, 2, 2, 34, NULL);
    worksheet_set_column(ws, 3, 5, 14, NULL);
    worksheet_set_column(ws, 6, 9, 30, wrap);
    worksheet_freeze_panes(ws, 4, 2);
    for (size_t i = 0; i < s->n; i++) {
        const styr_case *k = &s->cases[i];
        lxw_row_t r = (lxw_row_t)(i + 4);
        size_t len;
        const char *id = styr_person_id(c, k->person, &len);
        char idb[80], st[96], wk[12];
        snprintf(idb, sizeof idb, "%.*s", (int)(len < 79 ? len : 79), id);
        stratum_text(st, sizeof st, k->stratum);
        styr_week_format(k->start, wk);
        worksheet_write_number(ws, r, 0, (double)(i + 1), NULL);
        worksheet_write_string(ws, r, 1, idb, NULL);
        worksheet_write_string(ws, r, 2, st, NULL);
        worksheet_write_string(ws, r, 3, wk, NULL);
        worksheet_write_number(ws, r, 4, k->weeks, NULL);
        worksheet_write_string(ws, r, 5, k->tb_now ? styr_offer_name(codes, k->tb_now) : "-", NULL);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR || rename(tmp, path) != 0) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, lxw_strerror(e));
    }
    return STYR_OK;
}

int styr_cmd_sample(styr_cli *cli, int argc, char **argv)
{
    static const struct option lo[] = {
        {"ydelse", required_argument, 0, 'y'}, {"seed", required_argument, 0, 's'},
        {"intern", no_argument, 0, 'i'},       {"output", required_argument, 0, 'o'},
        {"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
        {0, 0, 0, 0}};
    const char *yl = NULL, *out = NULL;
    long long n = 25, seed = 1;
    int intern = 0, c;
    optind = 1;
    while ((c = styr_cli_getopt("sample", argc, argv, "w:o:n:h", lo)) != -1) {
        switch (c) {
        case 'y': yl = optarg; break;
        case 'n':
            if (styr_cli_int(optarg, 1, 10000, &n)) return styr_cli_bad_option("sample", "-n", optarg);
            break;
        case 's':
            if (styr_cli_int(optarg, 0, 0x7FFFFFFFFFFFFFFFLL, &seed)) return styr_cli_bad_option("sample", "--seed", optarg);
            break;
        case 'i': intern = 1; break;
        case 'o': out = optarg; break;
        case 'w': cli->ws = optarg; break;
        case 'h': return styr_cli_help(stdout, help_da, help_en);
        default: return STYR_EXIT_USAGE;
        }
    }
    if (optind < argc) return styr_cli_bad_option("sample", "", argv[optind]);
    if (!yl) return styr_cli_bad_option("sample", "--ydelse", "");
    if (!intern) {
        fprintf(stderr, "styr sample: %s\n",
                styr_tr("stikprøven viser person-id'er; angiv --intern for at bekræfte intern brug",
                        "the sample shows person ids; give --intern to confirm internal use"));
        return STYR_EXIT_USAGE;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_sample s;
    memset(&s, 0, sizeof s);
    int e = STYR_EXIT_OK, *grp = NULL, ngrp = 0;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) goto fail;
    const styr_codes *codes = styr_ws_codes(ws);
    int own = styr_ws_egen_kommune(ws);
    if (!own || codes->kom_idx[own] < 0) {
        fprintf(stderr, "styr sample: %s\n",
                styr_tr("stikprøven gælder arbejdsområdets egen kommune (styr init --kommune)",
                        "the sample is for the workspace's own municipality (styr init --kommune)"));
        e = STYR_EXIT_USAGE;
        goto out;
    }
    if (styr_select_ydelser(codes, yl, &grp, &ngrp) || ngrp != 1 || grp[0] == 0) {
        e = styr_cli_bad_option("sample", "--ydelse", yl);
        goto out;
    }
    int g = grp[0], k = codes->kom_idx[own];
    if ((rc = styr_sample_draw(ws, g, k, (size_t)n, (uint64_t)seed, &s, &d))) goto fail;
    const styr_cols *cols = styr_panel_cols(p);
    char wk[12], title[256], a[32], b[32];
    styr_week_format(s.ref, wk);
    snprintf(title, sizeof title, styr_tr("Sagsgennemgang: %s, %s Kommune, forløb i gang i uge %s (frø %lld)",
                                          "Case review: %s, %s, spells in progress in week %s (seed %lld)"),
             styr_group_name(codes, g), codes->kom_name[k], wk, seed);
    printf("%s\n%s\n\n", title,
           styr_tr("FORTROLIGT: person-id'er, kun til intern sagsgennemgang; må ikke indgå i rapporter.",
                   "CONFIDENTIAL: person ids, for the internal case review only; must not enter reports."));
    styr_table *t = styr_table_new(6, "rllrrl");
    const char *h[6] = {"Nr.", styr_tr("Person", "Person"), styr_tr("Lag", "Stratum"), styr_tr("Start", "Start"),
                        styr_tr("Uger", "Weeks"), styr_tr("Tilbud nu", "Offer now")};
    styr_table_row(t, h);
    for (size_t i = 0; i < s.n; i++) {
        size_t len;
        const char *id = styr_person_id(cols, s.cases[i].person, &len);
        char nr[24], idb[80], st[96], start[12], w[16];
        snprintf(nr, sizeof nr, "%zu", i + 1);
        snprintf(idb, sizeof idb, "%.*s", (int)(len < 79 ? len : 79), id);
        stratum_text(st, sizeof st, s.cases[i].stratum);
        styr_week_format(s.cases[i].start, start);
        snprintf(w, sizeof w, "%d", s.cases[i].weeks);
        const char *row[6] = {nr, idb, st, start, w, s.cases[i].tb_now ? styr_offer_name(codes, s.cases[i].tb_now) : "-"};
        styr_table_row(t, row);
    }
    styr_table_print(t, stdout);
    styr_table_free(t);
    printf("\n%s\n", styr_tr("Lag: forløb i gang / trukket", "Strata: spells in progress / drawn"));
    for (int i = 0; i < STYR_NSTRATA_SAMPLE; i++) {
        if (!s.population[i]) continue;
        char st[96];
        stratum_text(st, sizeof st, i);
        printf("  %-48s %8s / %s\n", st, styr_fmt_int(a, sizeof a, (long long)s.population[i]),
               styr_fmt_int(b, sizeof b, (long long)s.drawn[i]));
    }
    if (out) {
        if ((rc = write_sheet(out, &s, cols, codes, title, &d))) goto fail;
        fprintf(stderr, styr_tr("Gennemgangsark skrevet: %s\n", "Review sheet written: %s\n"), out);
    }
    goto out;
fail:
    e = styr_cli_fail(cli, rc, &d);
out:
    styr_sample_free(&s);
    free(grp);
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return e;
}
