/* report_xlsx: the report's tables as a workbook (styr report --xlsx). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../core/msg.h"
#include "report.h"

#define T(da, en) styr_tr(da, en)

typedef struct book {
    lxw_workbook *wb;
    lxw_format *bold, *num1, *num0, *right;
} book;

static void val(const book *b, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, const styr_figdef *def, styr_figval v)
{
    if (v.state == STYR_FV_SUPPRESSED) worksheet_write_string(ws, r, c, "..", b->right);
    else if (v.state == STYR_FV_OK)
        worksheet_write_number(ws, r, c, v.v, def && (def->unit == STYR_U_COUNT || def->unit == STYR_U_KR) ? b->num0 : b->num1);
}

static lxw_worksheet *sheet(const book *b, const char *name, const char *const *head, int n)
{
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    for (int i = 0; i < n; i++) worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], b->bold);
    worksheet_set_column(ws, 0, 0, 34, NULL);
    worksheet_set_column(ws, 1, (lxw_col_t)(n > 1 ? n - 1 : 1), 14, NULL);
    worksheet_freeze_panes(ws, 1, 1);
    return ws;
}

static void keys(const book *b, const styr_report *r)
{
    static const int figs[RP_NKEY] = {FIG_FULDTIDSPERSONER, FIG_ANDEL, FIG_AKTIVERINGSGRAD, FIG_VARIGHED, FIG_LANGVARIGE,
                                      FIG_JOB_3MDR};
    const char *head[2 + 2 * RP_NKEY];
    char text[2 * RP_NKEY][96];
    int n = 0;
    head[n++] = T("Ydelse", "Benefit group");
    for (int c = 0; c < RP_NKEY; c++) {
        const styr_figdef *d = &styr_figdefs[figs[c]];
        snprintf(text[2 * c], 96, "%s", T(d->da, d->en));
        snprintf(text[2 * c + 1], 96, "%s, %s", T(d->short_da, d->short_en), T("klyngen", "cluster"));
        head[n++] = text[2 * c];
        head[n++] = text[2 * c + 1];
    }
    head[n++] = T("Placering (andel)", "Rank (share)");
    lxw_worksheet *ws = sheet(b, T("Nøgletal", "Key figures"), head, n);
    for (int i = 0; i < r->nkeys; i++) {
        const styr_rp_keyrow *k = &r->keys[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, k->navn, NULL);
        for (int c = 0; c < RP_NKEY; c++) {
            val(b, ws, row, (lxw_col_t)(1 + 2 * c), &styr_figdefs[figs[c]], k->own[c]);
            val(b, ws, row, (lxw_col_t)(2 + 2 * c), &styr_figdefs[figs[c]], k->cl[c]);
        }
        if (k->rank) worksheet_write_number(ws, row, (lxw_col_t)(n - 1), k->rank, NULL);
    }
}

static void cluster(const book *b, const styr_report *r)
{
    const char *head[] = {T("Nøgletal / kommune", "Figure / municipality"), T("Værdi", "Value")};
    lxw_worksheet *ws = sheet(b, T("Klyngen", "Cluster"), head, 2);
    lxw_row_t row = 1;
    for (int i = 0; i < r->nsc; i++) {
        const styr_rp_scatter *s = &r->sc[i];
        worksheet_write_string(ws, row++, 0, s->title, b->bold);
        for (int j = 0; j < s->n; j++) {
            worksheet_write_string(ws, row, 0, s->labels[j], j == s->own ? b->bold : NULL);
            val(b, ws, row++, 1, s->def, s->v[j]);
        }
        worksheet_write_string(ws, row, 0, T("Klyngens niveau", "Cluster level"), b->bold);
        val(b, ws, row++, 1, s->def, s->level);
        row++;
    }
}

static void lines(const book *b, const styr_report *r)
{
    const char *head[] = {T("Nøgletal / år", "Figure / year"), r->kommunenavn, T("Klyngen", "Cluster")};
    lxw_worksheet *ws = sheet(b, T("Udvikling", "Development"), head, 3);
    lxw_row_t row = 1;
    for (int i = 0; i < r->nln; i++) {
        const styr_rp_lines *l = &r->ln[i];
        worksheet_write_string(ws, row++, 0, l->title, b->bold);
        for (int j = 0; j < l->n; j++) {
            worksheet_write_string(ws, row, 0, l->xl[j], NULL);
            val(b, ws, row, 1, l->def, l->own[j]);
            val(b, ws, row++, 2, l->def, l->cl[j]);
        }
        row++;
    }
}

static void cards(const book *b, const styr_report *r)
{
    const char *head[] = {T("Ydelse / indikator", "Group / indicator"), T("Kommunen", "Municipality"),
                          T("Klyngen", "Cluster"), T("Udvikling", "Change"), T("Klyngens udvikling", "Cluster change")};
    lxw_worksheet *ws = sheet(b, "Scorecards", head, 5);
    lxw_row_t row = 1;
    for (int i = 0; i < r->ncards; i++) {
        worksheet_write_string(ws, row++, 0, styr_group_name(r->codes, r->cards[i].g), b->bold);
        for (int j = 0; j < STYR_NSCORE; j++) {
            const styr_score *s = &r->cards[i].s[j];
            worksheet_write_string(ws, row, 0, T(s->da, s->en), NULL);
            val(b, ws, row, 1, s->def, s->own);
            val(b, ws, row, 2, s->def, s->cluster);
            val(b, ws, row, 3, NULL, s->dev_own);
            val(b, ws, row++, 4, NULL, s->dev_cluster);
        }
    }
}

static void goals_profile(const book *b, const styr_report *r)
{
    const char *head[] = {T("Mål", "Goal"), T("Seneste", "Latest"), T("Prognose", "Forecast"), T("Målværdi", "Target"),
                          T("Status", "Status")};
    lxw_worksheet *ws = sheet(b, T("Mål", "Goals"), head, 5);
    for (size_t i = 0; i < r->ngoals; i++) {
        const styr_goal *g = &r->goals[i];
        int fi = styr_fig_by_key(g->figur);
        if (fi < 0) continue;
        char t[400], tg[96];
        snprintf(t, sizeof t, "%s%s%s: %s %d, %s", g->enhed, g->enhed[0] ? ", " : "", styr_group_name(r->codes, g->grp),
                 T(styr_figdefs[fi].da, styr_figdefs[fi].en), g->aar,
                 styr_goal_target_text(tg, sizeof tg, g, styr_figdefs[fi].decimals));
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, t, NULL);
        val(b, ws, row, 1, &styr_figdefs[fi], r->gev[i].latest);
        val(b, ws, row, 2, &styr_figdefs[fi], r->gev[i].forecast);
        val(b, ws, row, 3, &styr_figdefs[fi], r->gev[i].target);
        worksheet_write_string(ws, row, 4, styr_goal_status_text(r->gev[i].status), NULL);
    }
    if (!r->profile) return;
    const char *h2[] = {T("Styrke eller udfordring", "Strength or challenge"), T("Tekst", "Text")};
    ws = sheet(b, T("Profil", "Profile"), h2, 2);
    worksheet_set_column(ws, 1, 1, 120, NULL);
    for (int i = 0; i < r->profile->n; i++) {
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 0,
                               r->profile->s[i].strength > 0 ? T("Styrke", "Strength") : T("Udfordring", "Challenge"), NULL);
        worksheet_write_string(ws, (lxw_row_t)(i + 1), 1, r->profile->s[i].text, NULL);
    }
}

static void effects(const book *b, const styr_report *r)
{
    if (!r->eff) return;
    static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_PCT, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
    const char *head[] = {T("Ydelse, tilbud", "Group, offer"), T("Startet", "Started"), T("I job 3 mdr.", "In work 3 m."),
                          T("Klyngen", "Cluster"), T("Effekt (skøn, pct.-point)", "Effect (estimate, pp)"),
                          T("95 pct. KI, nedre", "95 pct. CI, low"), T("95 pct. KI, øvre", "95 pct. CI, high"),
                          T("Rå forskel", "Raw difference"), T("Matchede", "Matched")};
    lxw_worksheet *ws = sheet(b, T("Effekt", "Effect"), head, 9);
    for (int i = 0; i < r->neff; i++) {
        const styr_rp_effect *x = &r->eff[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        char name[200];
        snprintf(name, sizeof name, "%s, %s", x->group, x->offer);
        worksheet_write_string(ws, row, 0, name, NULL);
        val(b, ws, row, 1, &cnt, x->started);
        val(b, ws, row, 2, &pct, x->job3);
        val(b, ws, row, 3, &pct, x->cl_job3);
        if (x->hidden || !x->e.ok) {
            worksheet_write_string(ws, row, 4, x->hidden ? ".." : "-", b->right);
            continue;
        }
        const double v[4] = {x->e.effect, x->e.lo, x->e.hi, x->e.raw};
        for (int j = 0; j < 4; j++) worksheet_write_number(ws, row, (lxw_col_t)(4 + j), v[j], b->num1);
        worksheet_write_number(ws, row, 8, x->e.matched, b->num0);
    }
}

styr_rc styr_report_xlsx(const char *path, const styr_report *r, styr_diags *d)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    book b;
    b.wb = workbook_new(tmp);
    if (!b.wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    b.bold = workbook_add_format(b.wb);
    format_set_bold(b.bold);
    b.num1 = workbook_add_format(b.wb);
    format_set_num_format(b.num1, "#,##0.0");
    b.num0 = workbook_add_format(b.wb);
    format_set_num_format(b.num0, "#,##0");
    b.right = workbook_add_format(b.wb);
    format_set_align(b.right, LXW_ALIGN_RIGHT);
    keys(&b, r);
    cluster(&b, r);
    lines(&b, r);
    cards(&b, r);
    goals_profile(&b, r);
    effects(&b, r);
    lxw_error e = workbook_close(b.wb);
    if (e != LXW_NO_ERROR) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, lxw_strerror(e));
    }
    if (rename(tmp, path) != 0) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, strerror(errno));
    }
    return STYR_OK;
}
