/* styr info: what a workspace holds. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../calc/money.h"
#include "../calc/query.h"
#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../out/table.h"
#include "../core/week.h"
#include "../ws/public.h"
#include "../ws/workspace.h"
#include "cli.h"
#include "cmds.h"

static const char help_da[] =
    "Brug: styr info [-w ARBEJDSOMRÅDE] [--koder]\n"
    "\n"
    "Viser arbejdsområdets panel (personer, personuger, uger, filstørrelse og\n"
    "kontrolsum, som kontrolleres), referencetabellerne med deres kilder og\n"
    "importloggen.\n"
    "\n"
    "  --koder   vis i stedet de værdier, kommandoerne tager: kommuner (--kommune,\n"
    "            kode eller navn), ydelser (--ydelse), tilbud (--tilbud), nøgletal\n"
    "            (--figur) og perioder (--periode) med panelets spænd\n";
static const char help_en[] =
    "Usage: styr info [-w WORKSPACE] [--koder]\n"
    "\n"
    "Shows the workspace's panel (persons, person-weeks, weeks, file size and checksum,\n"
    "which is verified), the reference tables with their sources, and the imports log.\n"
    "\n"
    "  --koder   show instead the values the commands take: municipalities (--kommune,\n"
    "            code or name), groups (--ydelse), offers (--tilbud), figures (--figur)\n"
    "            and periods (--periode) with the panel's span\n";

/* styr info --koder: every value the options take, from the workspace's tables. */
static void codes_list(styr_ws *ws, const styr_panel *p)
{
    const styr_codes *c = styr_ws_codes(ws);
    printf("%s\n", styr_tr("Kommuner (--kommune KODE eller NAVN; figures og money også alle og land):",
                           "Municipalities (--kommune CODE or NAME; figures and money also alle and land):"));
    for (int k = 0; k < c->dict.nkom; k++) {
        int last = k % 4 == 3 || k + 1 == c->dict.nkom;
        printf("%s%3d %s", k % 4 ? "" : "  ", c->dict.kom[k], c->kom_name[k]);
        if (last) putchar('\n');
        else
            for (int w = styr_utf8_width(c->kom_name[k]); w < 19; w++) putchar(' ');
    }
    printf("%s\n", styr_tr("Ydelser (--ydelse):", "Benefit groups (--ydelse):"));
    for (int g = 1; g < c->dict.nyd; g++) printf("  %-24s %s\n", c->dict.yd[g], styr_group_name(c, g));
    printf("  %-24s %s\n", "alle", styr_tr("hver ydelse og i alt", "each group and all public support"));
    printf("  %-24s %s\n", "i_alt", styr_group_name(c, 0));
    printf("%s\n", styr_tr("Tilbud (--tilbud):", "Offers (--tilbud):"));
    for (int t = 1; t < c->dict.ntb; t++) printf("  %-24s %s\n", c->dict.tb[t], styr_offer_name(c, t));
    printf("%s\n", styr_tr("Nøgletal (--figur):", "Figures (--figur):"));
    for (int f = 0; f < STYR_NFIG; f++) printf("  %-24s %s\n", styr_figdefs[f].key, styr_tr(styr_figdefs[f].da, styr_figdefs[f].en));
    styr_rules *rules = styr_xcalloc(1, sizeof *rules);
    styr_diags d;
    styr_diags_init(&d);
    if (!styr_rules_load(ws, rules, &d)) {
        styr_money_defs *m = styr_xcalloc(1, sizeof *m);
        styr_money_defs_make(m, rules);
        for (int i = 0; i < m->n; i++) printf("  %-24s %s\n", m->def[i].key, styr_tr(m->def[i].da, m->def[i].en));
        free(m);
    }
    styr_diags_free(&d);
    free(rules);
    char w0[12] = "-", w1[12] = "-";
    if (styr_panel_week_min(p) >= 0) {
        styr_week_format(styr_panel_week_min(p), w0);
        styr_week_format(styr_panel_week_max(p), w1);
    }
    printf("%s\n", styr_tr("Perioder (--periode):", "Periods (--periode):"));
    printf("  %s %s - %s; %s %d\n", styr_tr("panelet dækker", "the panel spans"), w0, w1,
           styr_tr("standard er det sidste hele år,", "the default is the last whole year,"), styr_default_year(p));
    printf("  %s\n", styr_msg_text(M_HINT_PERIODE));
}

/* one line per source, table and measure of the public figures */
static int pub_line(const styr_pub_summary *s, void *ud)
{
    (void)ud;
    char a[32];
    printf("  %s %s \"%s\": %s", s->kilde, s->tabel, s->maal, s->forste);
    if (strcmp(s->forste, s->sidste)) printf("..%s", s->sidste);
    printf(" (%d %s), %d %s, %s %s, %s %s\n", s->perioder,
           s->perioder == 1 ? styr_tr("periode", "period") : styr_tr("perioder", "periods"), s->omraader,
           s->omraader == 1 ? styr_tr("område", "area") : styr_tr("områder", "areas"),
           styr_fmt_int(a, sizeof a, s->raekker), s->raekker == 1 ? styr_tr("række", "row") : styr_tr("rækker", "rows"),
           styr_tr("hentet", "retrieved"), s->hentet);
    return 0;
}

static long long count(sqlite3 *db, const char *table)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s", table);
    sqlite3_stmt *st;
    long long n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    return n;
}

int styr_cmd_info(styr_cli *cli, int argc, char **argv)
{
    static const struct option opts[] = {{"workspace", required_argument, 0, 'w'}, {"help", no_argument, 0, 'h'},
                                          {"koder", no_argument, 0, 'k'}, {0, 0, 0, 0}};
    int c, koder = 0;
    optind = 1;
    while ((c = styr_cli_getopt("info", argc, argv, "w:h", opts)) != -1) {
        if (c == 'w') cli->ws = optarg;
        else if (c == 'h') return styr_cli_help(stdout, help_da, help_en);
        else if (c == 'k') koder = 1;
        else return STYR_EXIT_USAGE;
    }
    styr_diags d;
    styr_diags_init(&d);
    styr_ws *ws = NULL;
    const styr_panel *p = NULL;
    styr_rc rc = styr_ws_open(cli->ws, STYR_WS_READ, &ws, &d);
    if (!rc) rc = styr_ws_panel(ws, &p, &d);
    if (rc) {
        int e = styr_cli_fail(cli, rc, &d);
        styr_ws_close(ws);
        styr_diags_free(&d);
        return e;
    }
    if (koder) {
        codes_list(ws, p);
        styr_ws_close(ws);
        styr_diags_free(&d);
        styr_cli_stats(cli);
        return STYR_EXIT_OK;
    }
    sqlite3 *db = styr_ws_db(ws);
    const styr_codes *codes = styr_ws_codes(ws);
    const styr_cols *cols = styr_panel_cols(p);
    char a[32], b[32], hex[17], w0[12] = "-", w1[12] = "-";
    printf("%s: %s\n", styr_tr("Arbejdsområde", "Workspace"), cli->ws);
    int own = styr_ws_egen_kommune(ws);
    if (own > 0 && codes->kom_idx[own] >= 0)
        printf("%s: %d %s\n", styr_tr("Egen kommune", "Own municipality"), own, codes->kom_name[codes->kom_idx[own]]);
    styr_hex64(styr_panel_checksum(p), hex);
    printf("%s: generation %u, %s %s (%s)\n", styr_tr("Panel", "Panel"), styr_panel_generation(p),
           styr_tr("kontrolsum", "checksum"), hex, styr_tr("kontrolleret", "verified"));
    printf("  %-28s %s\n", styr_tr("personer", "persons"), styr_fmt_int(a, sizeof a, (long long)cols->npersons));
    uint64_t weeks = styr_panel_weeks(p);
    printf("  %-28s %s\n", styr_tr("personuger med en post", "person-weeks with a record"),
           styr_fmt_int(a, sizeof a, (long long)weeks));
    printf("  %-28s %s (%s %s)\n", styr_tr("perioder med ens uger", "runs of equal weeks"),
           styr_fmt_int(a, sizeof a, (long long)cols->nruns),
           cols->nruns ? styr_fmt_num(b, sizeof b, (double)weeks / (double)cols->nruns, 1) : "0",
           styr_tr("uger i gennemsnit", "weeks on average"));
    if (styr_panel_week_min(p) >= 0) {
        styr_week_format(styr_panel_week_min(p), w0);
        styr_week_format(styr_panel_week_max(p), w1);
    }
    printf("  %-28s %s - %s\n", styr_tr("uger", "weeks"), w0, w1);
    double bytes = (double)styr_panel_file_size(p);
    printf("  %-28s %s MB", styr_tr("filstørrelse", "file size"), styr_fmt_num(a, sizeof a, bytes / 1e6, 1));
    if (weeks)
        printf(" (%s %s)", styr_fmt_num(b, sizeof b, bytes / (double)weeks, 3), styr_tr("byte pr. personuge", "bytes per person-week"));
    printf("\n%s:\n", styr_tr("Referencetabeller", "Reference tables"));
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db, "SELECT tabel, fil, kilde FROM kilder ORDER BY rowid", -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(st, 0);
            printf("  %-12s %8s %s  %s\n", t, styr_fmt_int(a, sizeof a, count(db, t)), styr_tr("rækker", "rows"),
                   sqlite3_column_text(st, 2));
        }
        sqlite3_finalize(st);
    }
    if (styr_pub_any(ws, NULL)) {
        printf("%s:\n", styr_tr("Offentlige tal (kilde, tabel, mål)", "Public figures (source, table, measure)"));
        if (styr_pub_summarise(ws, pub_line, NULL, &d)) {
            int e = styr_cli_fail(cli, STYR_ESQL, &d);
            styr_ws_close(ws);
            styr_diags_free(&d);
            return e;
        }
    }
    printf("%s:\n", styr_tr("Importer", "Imports"));
    int any = 0;
    if (sqlite3_prepare_v2(db,
                           "SELECT id, tidspunkt, generation, nye_personuger, kommando FROM importer ORDER BY id",
                           -1, &st, NULL) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            any = 1;
            printf("  #%d %s gen. %d: +%s %s  [%s]\n", sqlite3_column_int(st, 0), sqlite3_column_text(st, 1),
                   sqlite3_column_int(st, 2), styr_fmt_int(a, sizeof a, sqlite3_column_int64(st, 3)),
                   styr_tr("personuger", "person-weeks"), sqlite3_column_text(st, 4));
        }
        sqlite3_finalize(st);
    }
    if (!any) printf("  %s\n", styr_tr("(ingen endnu)", "(none yet)"));
    styr_info_ydelsesrefusion(db);
    styr_info_progression(db);
    printf("%s\n", styr_tr("De værdier, kommandoerne tager (kommuner, ydelser, tilbud, nøgletal, perioder): styr info --koder",
                           "The values the commands take (municipalities, groups, offers, figures, periods): styr info --koder"));
    styr_ws_close(ws);
    styr_diags_free(&d);
    styr_cli_stats(cli);
    return STYR_EXIT_OK;
}
