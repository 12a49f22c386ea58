/* report_xlsx: the report's tables as a workbook (styr report --xlsx). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../core/msg.h"
#include "report.h"
#include "report_maal.h"
#include "report_profile.h"
#include "figtext.h"

#define T(da, en) styr_tr(da, en)

typedef struct book {
    lxw_workbook *wb;
    lxw_format *bold, *num1, *num0, *right, *warn;
    char synth[600];             /* the synthetic-data note, "" for real data */
} book;

static void write_dev(const book *b, const styr_report *r);

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
    /* data that are not real say so on every sheet, beside the header */
    if (b->synth[0]) {
        worksheet_write_string(ws, 0, (lxw_col_t)(n + 1), b->synth, b->warn);
        worksheet_set_header(ws, "&L&\"-,Bold\"SYNTETISKE/ILLUSTRATIVE DATA");
    }
    return ws;
}

/* A sheet whose section has no data in the workspace: it says so. */
static void empty_note(const book *b, lxw_worksheet *ws, lxw_row_t row, styr_msg why)
{
    worksheet_write_string(ws, row, 0, styr_msg_text(why), b->bold);
}

/* The sources of a sheet's published values, on a row of its own (nothing when none). */
static void source_row(const book *b, lxw_worksheet *ws, lxw_row_t row, const styr_report *r, unsigned mask)
{
    char t[2048];
    (void)b;
    if (*styr_rp_source_text(t, sizeof t, r, mask)) worksheet_write_string(ws, row, 0, t, NULL);
}

static void keys(const book *b, const styr_report *r)
{
    static const int figs[RP_NKEY] = {FIG_FULDTIDSPERSONER, FIG_ANDEL, FIG_AKTIVERINGSGRAD, FIG_VARIGHED, FIG_LANGVARIGE,
                                      FIG_JOB_3MDR};
    const char *head[3 + 2 * RP_NKEY];
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
    if (r->nkilder) head[n++] = T("Kilde", "Source"); /* published figures stand in: each row's source */
    lxw_worksheet *ws = sheet(b, T("Nøgletal", "Key figures"), head, n);
    for (int i = 0; i < r->nkeys; i++) {
        const styr_rp_keyrow *k = &r->keys[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, k->navn, NULL);
        for (int c = 0; c < RP_NKEY; c++) {
            val(b, ws, row, (lxw_col_t)(1 + 2 * c), &styr_figdefs[figs[c]], k->own[c]);
            val(b, ws, row, (lxw_col_t)(2 + 2 * c), &styr_figdefs[figs[c]], k->cl[c]);
        }
        if (k->rank) worksheet_write_number(ws, row, (lxw_col_t)(n - 1 - (r->nkilder > 0)), k->rank, NULL);
        if (r->nkilder) {
            unsigned mask = 0;
            for (int c = 0; c < RP_NKEY; c++) {
                if (k->src[c]) mask |= 1u << (k->src[c] - 1);
                if (k->clsrc[c]) mask |= 1u << (k->clsrc[c] - 1);
            }
            char t[1024];
            if (*styr_rp_source_text(t, sizeof t, r, mask)) worksheet_write_string(ws, row, (lxw_col_t)(n - 1), t, NULL);
        }
    }
    source_row(b, ws, (lxw_row_t)(r->nkeys + 2), r, r->src_keys);
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
    source_row(b, ws, row, r, r->src_charts);
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
    source_row(b, ws, row, r, r->src_lines);
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
    if (r->public_only)
        worksheet_write_string(ws, ++row, 0,
                               T("Hurtigere i job og fastholdt i job kræver personpanel.",
                                 "Faster into work and kept in work need a person panel."), NULL);
    source_row(b, ws, ++row, r, r->src_cards);
}

/* The three target groups (report_maal.h). */
static void maal_sheet(const book *b, const styr_report *r)
{
    const styr_rp_maal *x = r->maal;
    if (!x || !x->present) return;
    const char *head[] = {T("Målgruppe", "Target group"),       T("Fuldtidspersoner", "Full-time persons"),
                          T("Klyngen", "Cluster"),              T("Udvikling, pct.", "Change, pct."),
                          T("Klyngens udvikling, pct.", "Cluster change, pct."),
                          T("I job 3 mdr. efter, pct.", "In job 3 months after, pct."), T("Klyngen", "Cluster"),
                          T("Andel af befolkningen, pct.", "Share of the population, pct."), T("Klyngen", "Cluster")};
    static const char *const da[STYR_RP_NMAAL] = {"Unge under 30", "Aktivitetsparate", "Flygtninge og familiesammenførte"};
    static const char *const en[STYR_RP_NMAAL] = {"Young under 30", "Activity-ready", "Refugees and family-reunified"};
    lxw_worksheet *ws = sheet(b, T("Målgrupper", "Target groups"), head, 9);
    for (int i = 0; i < STYR_RP_NMAAL; i++) {
        const styr_rp_maalrow *w = &x->row[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, T(da[i], en[i]), NULL);
        if (!w->known) {
            worksheet_write_string(ws, row, 1, T("- (panelet har ikke oplysningen)", "- (the panel does not carry it)"), NULL);
            continue;
        }
        const styr_figdef *fte = &styr_figdefs[FIG_FULDTIDSPERSONER], *pct = &styr_figdefs[FIG_JOB_3MDR];
        val(b, ws, row, 1, fte, w->fte);
        val(b, ws, row, 2, fte, w->fte_cl);
        val(b, ws, row, 3, NULL, w->dev);
        val(b, ws, row, 4, NULL, w->dev_cl);
        val(b, ws, row, 5, pct, w->job3);
        val(b, ws, row, 6, pct, w->job3_cl);
        val(b, ws, row, 7, pct, w->andel);
        val(b, ws, row, 8, pct, w->andel_cl);
    }
}

static void goals_sheet(const book *b, const styr_report *r)
{
    const char *head[] = {T("Mål", "Goal"), T("Seneste", "Latest"), T("Prognose", "Forecast"), T("Målværdi", "Target"),
                          T("Status", "Status")};
    lxw_worksheet *ws = sheet(b, T("Mål", "Goals"), head, 5);
    if (!r->ngoals) empty_note(b, ws, 1, M_XL_NO_GOALS);
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
    source_row(b, ws, (lxw_row_t)(r->ngoals + 2), r, r->src_goals);
}

/* "Kolding (41,0 pct.)": a good example as text ("" none). */
static const char *example_text(char *buf, size_t cap, const styr_pexample *e, const styr_figdef *def, int change)
{
    char t[64] = "";
    if (e->k < 0 || !e->navn) return buf[0] = 0, buf;
    if (def) change ? styr_change_text(t, sizeof t, def, e->v) : styr_fig_text(t, sizeof t, def, e->v);
    snprintf(buf, cap, t[0] ? "%s (%s)" : "%s", e->navn, t);
    return buf;
}

/* The profile as the temperature page has it: theme by theme its statements
 * (kind, sentence, own and cluster values, good examples), then its
 * recommendations; a theme without figures one row with its text. */
static void profile_sheet(const book *b, const styr_report *r)
{
    const styr_profile *p = r->profile;
    if (!p) return;
    const char *head[] = {T("Tema", "Theme"), T("Art", "Kind"), T("Udsagn", "Statement"), T("Egen værdi", "Own value"),
                          T("Klyngen", "Cluster"), T("Bedst i klyngen", "Best in the cluster"),
                          T("Forbedret mest", "Improved most"), T("Anbefaling", "Recommendation")};
    lxw_worksheet *ws = sheet(b, T("Profil", "Profile"), head, 8);
    worksheet_set_column(ws, 2, 2, 90, NULL);
    worksheet_set_column(ws, 5, 6, 28, NULL);
    worksheet_set_column(ws, 7, 7, 90, NULL);
    lxw_row_t row = 1;
    for (int t = 0; t <= STYR_NTEMAER; t++) {
        const styr_ptheme *th = t < STYR_NTEMAER ? &p->tema[t] : NULL;
        int nr = th ? (th->nr ? th->nr : t + 1) : 0;
        char name[128];
        if (th) snprintf(name, sizeof name, "%d %s", nr, th->navn);
        else snprintf(name, sizeof name, "%s", T("Uden tema", "Without a theme"));
        int n = 0;
        for (int i = 0; i < p->n; i++) {
            const styr_statement *s = &p->s[i];
            if (th ? s->tema != nr : s->tema >= 1 && s->tema <= STYR_NTEMAER) continue;
            const styr_figdef *def = styr_rp_statement_def(s);
            char ex[160];
            worksheet_write_string(ws, row, 0, name, NULL);
            worksheet_write_string(ws, row, 1, s->strength > 0   ? T("Styrke", "Strength")
                                               : s->strength < 0 ? T("Udfordring", "Challenge")
                                                                 : T("Forskel", "Difference"), NULL);
            worksheet_write_string(ws, row, 2, s->text, NULL);
            val(b, ws, row, 3, def, s->own);
            val(b, ws, row, 4, def, s->cluster);
            if (*example_text(ex, sizeof ex, &s->best, def, 0)) worksheet_write_string(ws, row, 5, ex, NULL);
            if (*example_text(ex, sizeof ex, &s->improved, def, 1)) worksheet_write_string(ws, row, 6, ex, NULL);
            row++, n++;
        }
        if (!th) continue;
        for (int i = 0; i < th->nrec && i < STYR_PROFILE_RECS; i++) {
            if (!th->recs[i]) continue;
            worksheet_write_string(ws, row, 0, name, NULL);
            worksheet_write_string(ws, row, 1, T("Anbefaling", "Recommendation"), NULL);
            worksheet_write_string(ws, row, 7, th->recs[i], NULL);
            row++, n++;
        }
        for (int i = 0; i < th->nfakta && i < STYR_PROFILE_FACTS; i++) { /* goals, budget, effects */
            worksheet_write_string(ws, row, 0, name, NULL);
            worksheet_write_string(ws, row, 1, T("Status", "Status"), NULL);
            worksheet_write_string(ws, row, 2, th->fakta[i], NULL);
            row++, n++;
        }
        if (!n || *th->empty) {
            worksheet_write_string(ws, row, 0, name, NULL);
            worksheet_write_string(ws, row, 1, T("Ingen tal", "No figures"), NULL);
            if (*th->empty) worksheet_write_string(ws, row, 2, th->empty, NULL);
            row++;
        }
    }
    source_row(b, ws, row + 1, r, r->src_keys);
}

static void effects(const book *b, const styr_report *r)
{
    static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_PCT, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
    const char *head[] = {T("Ydelse, tilbud", "Group, offer"), T("Startet", "Started"), T("I job 3 mdr.", "In work 3 m."),
                          T("Klyngen", "Cluster"), T("Effekt (skøn, pct.-point)", "Effect (estimate, pp)"),
                          T("95 pct. KI, nedre", "95 pct. CI, low"), T("95 pct. KI, øvre", "95 pct. CI, high"),
                          T("Rå forskel", "Raw difference"), T("Matchede", "Matched")};
    lxw_worksheet *ws = sheet(b, T("Effekt", "Effect"), head, 9);
    if (!r->eff) empty_note(b, ws, 1, M_XL_NO_EFFECT);
    for (int i = 0; r->eff && i < r->neff; i++) {
        const styr_rp_effect *x = &r->eff[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        char name[200];
        snprintf(name, sizeof name, "%s, %s", x->group, x->offer);
        worksheet_write_string(ws, row, 0, name, NULL);
        val(b, ws, row, 1, &cnt, x->started);
        val(b, ws, row, 2, &pct, x->job3);
        val(b, ws, row, 3, &pct, x->cl_job3);
        if (x->hidden || !x->e.shown) { /* discretion, or under 30 matched treated */
            worksheet_write_string(ws, row, 4, x->hidden ? ".." : "-", b->right);
            continue;
        }
        const double v[4] = {x->e.effect, x->e.lo, x->e.hi, x->e.raw};
        for (int j = 0; j < 4; j++) worksheet_write_number(ws, row, (lxw_col_t)(4 + j), v[j], b->num1);
        worksheet_write_number(ws, row, 8, x->e.matched, b->num0);
    }
}

static void about(const book *b, const styr_report *r)
{
    const char *head[] = {T("Om rapporten", "About the report"), ""};
    lxw_worksheet *ws = sheet(b, T("Om rapporten", "About"), head, 1);
    worksheet_set_column(ws, 0, 0, 120, NULL);
    char t[512], pw[64];
    lxw_row_t row = 1;
    snprintf(t, sizeof t, T("Opfølgning på beskæftigelsesindsatsen i %s Kommune", "Follow-up on the employment effort in %s"),
             r->kommunenavn);
    worksheet_write_string(ws, row++, 0, t, b->bold);
    if (r->grouping)
        snprintf(t, sizeof t, T("Periode: %s. Sammenlignet med %s. Dannet %s.", "Period: %s. Compared with %s. Made %s."),
                 r->per ? styr_period_words(pw, sizeof pw, r->per) : r->periode, r->grouping, r->generated);
    else
        snprintf(t, sizeof t, T("Periode: %s. Klynge: %s (%d). Dannet %s.", "Period: %s. Cluster: %s (%d). Made %s."),
                 r->per ? styr_period_words(pw, sizeof pw, r->per) : r->periode, r->klynge, r->klynge_aar, r->generated);
    worksheet_write_string(ws, row++, 0, t, NULL);
    if (b->synth[0]) worksheet_write_string(ws, row++, 0, b->synth, b->warn);
    worksheet_write_string(ws, row++, 0, T(".. = diskretion (tallet kan ikke vises); tom celle = ingen data.",
                                           ".. = discretion (the figure cannot be shown); empty cell = no data."), NULL);
    worksheet_write_string(ws, row++, 0, r->source, NULL);
    if (r->nkilder) source_row(b, ws, row++, r, (1u << r->nkilder) - 1);
    if (r->public_only)
        worksheet_write_string(ws, row++, 0,
                               T("Effekt af tilbud, budgetopfølgningens forbrug pr. tilbud, stikprøven til sagsgennemgang og "
                                 "økonomien efter refusion kræver personpanel og er ikke med.",
                                 "The effect of offers, the budget follow-up's spending by offer, the case review sample "
                                 "and money after refusion need a person panel and are left out."), NULL);
}

static void budget_sheet(const book *b, const styr_report *r)
{
    const char *head[] = {T("Ydelse", "Group"), T("Budget året", "Budget year"), T("Budget til dato", "Budget to date"),
                          T("Faktisk til dato", "Actual to date"), T("Prognose", "Forecast"),
                          T("Afvigelse (pct.)", "Departure (pct.)")};
    lxw_worksheet *ws = sheet(b, T("Budget", "Budget"), head, 6);
    const styr_fu_report *f = r->budget;
    if (!f) {
        empty_note(b, ws, 1, M_XL_NO_BUDGET);
        return;
    }
    for (size_t i = 0; i < f->n; i++) {
        const styr_fu_row *x = &f->rows[i];
        lxw_row_t row = (lxw_row_t)(i + 1);
        worksheet_write_string(ws, row, 0, x->navn, NULL);
        worksheet_write_number(ws, row, 1, x->f.b_total, b->num0);
        worksheet_write_number(ws, row, 2, x->f.b_ytd, b->num0);
        if (x->suppressed) {
            for (int c = 3; c < 6; c++) worksheet_write_string(ws, row, (lxw_col_t)c, "..", b->right);
            continue;
        }
        worksheet_write_number(ws, row, 3, x->f.a_total, b->num0);
        worksheet_write_number(ws, row, 4, x->f.f_total, b->num0);
        if (isfinite(x->f.diff_pct)) worksheet_write_number(ws, row, 5, x->f.diff_pct, b->num1);
    }
}

static void money_sheet(const book *b, const styr_report *r)
{
    const styr_rp_money *m = &r->money;
    const char *head[] = {T("Økonomi", "Money"), r->kommunenavn, T("Klyngen", "Cluster")};
    lxw_worksheet *ws = sheet(b, T("Økonomi", "Money"), head, 3);
    if (r->public_only) {
        worksheet_write_string(ws, 1, 0,
                               T("Økonomien efter refusion kræver personpanel: de offentlige tal har ingen udgifter.",
                                 "Money after refusion needs a person panel: the published figures carry no costs."),
                               b->bold);
        return;
    }
    if (!m->present) {
        empty_note(b, ws, 1, M_XL_NO_MONEY);
        return;
    }
    lxw_row_t row = 1;
    for (int i = 0; i < 4; i++) {
        worksheet_write_string(ws, row, 0, T(m->def[i]->da, m->def[i]->en), NULL);
        val(b, ws, row, 1, m->def[i], m->own[i]);
        val(b, ws, row++, 2, m->def[i], m->cl[i]);
    }
    static const styr_figdef kr = {"", "", "", "", "", 0, STYR_U_KR, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
    char t[96];
    snprintf(t, sizeof t, "%s%s%s", T("Potentiale som klyngen (kr.)", "Potential as the cluster (DKK)"),
             m->pot_per ? " " : "", m->pot_per ? m->pot_per : "");
    worksheet_write_string(ws, row, 0, t, NULL);
    val(b, ws, row++, 1, &kr, m->pot_level);
    snprintf(t, sizeof t, "%s%s%s", T("Potentiale som den bedste (kr.)", "Potential as the best (DKK)"),
             m->pot_per ? " " : "", m->pot_per ? m->pot_per : "");
    worksheet_write_string(ws, row, 0, t, NULL);
    val(b, ws, row++, 1, &kr, m->pot_best);
    if (!m->nsteps) return;
    row++;
    worksheet_write_string(ws, row, 0, T("Refusionstrappen: trin", "Refusion staircase: step"), b->bold);
    worksheet_write_string(ws, row, 1, T("Nettoudgift (kr.)", "Net cost (DKK)"), b->bold);
    worksheet_write_string(ws, row++, 2, T("Personuger", "Person-weeks"), b->bold);
    for (int i = 0; i < m->nsteps; i++) {
        worksheet_write_string(ws, row, 0, m->step_label[i], NULL);
        val(b, ws, row, 1, &kr, m->step_net[i]);
        val(b, ws, row++, 2, &cnt, m->step_weeks[i]);
    }
    worksheet_write_string(ws, row, 0, styr_msg_text(M_TRAPPE_OUT), NULL);
    val(b, ws, row, 1, &kr, m->out_net);
    val(b, ws, row++, 2, &cnt, m->out_weeks);
    worksheet_write_string(ws, row, 0, styr_msg_text(M_TOTAL), b->bold);
    val(b, ws, row, 1, &kr, m->tot_net);
    val(b, ws, row++, 2, &cnt, m->tot_weeks);
    worksheet_write_string(ws, ++row, 0, styr_msg_text(M_TRAPPE_OUT_NOTE), NULL);
}

static void write_dev(const book *b, const styr_report *r)
{
    const styr_dev *dv = r->dev;
    const char *head[] = {T("Ydelse / måned", "Group / month"), T("Værdi", "Value"),
                          styr_msg_text(M_DEV_SAME), styr_msg_text(M_DEV_CHANGE)};
    lxw_worksheet *ws = sheet(b, T("Udvikling pr. måned", "Development by month"), head, 4);
    if (!dv || !dv->n || !dv->ngroups) {
        empty_note(b, ws, 1, M_DEV_NONE);
        return;
    }
    const styr_figdef *def = &styr_figdefs[dv->fig];
    static const styr_figdef chg = {"", "", "", "", "", 1, STYR_U_PCT, 0};
    lxw_row_t row = 1;
    char t[96], pw[64];
    for (int i = 0; i < dv->ngroups; i++) {
        const styr_dev_group *x = &dv->grp[i];
        snprintf(t, sizeof t, "%s: %s", styr_group_name(r->codes, x->g), T(def->da, def->en));
        worksheet_write_string(ws, row++, 0, t, b->bold);
        snprintf(t, sizeof t, "%s (%s)", styr_msg_text(M_DEV_YTD), styr_period_words(pw, sizeof pw, &dv->ytd));
        worksheet_write_string(ws, row, 0, t, NULL);
        val(b, ws, row, 1, def, x->ytd);
        val(b, ws, row, 2, def, x->ytd_prev);
        val(b, ws, row++, 3, &chg, styr_dev_change(dv, x->ytd, x->ytd_prev));
        for (int j = dv->n - 1; j >= 0; j--) {
            worksheet_write_string(ws, row, 0, styr_period_words(pw, sizeof pw, &dv->month[j]), NULL);
            val(b, ws, row, 1, def, x->now[j]);
            val(b, ws, row, 2, def, x->prev[j]);
            val(b, ws, row++, 3, &chg, styr_dev_change(dv, x->now[j], x->prev[j]));
        }
        row++;
    }
    source_row(b, ws, row, r, r->src_dev);
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
    b.warn = workbook_add_format(b.wb);
    format_set_bold(b.warn);
    format_set_font_color(b.warn, 0xB03A2E);
    styr_synthetic_text(b.synth, sizeof b.synth, r->synthetic);
    about(&b, r);
    keys(&b, r);
    cluster(&b, r);
    lines(&b, r);
    write_dev(&b, r);
    cards(&b, r);
    maal_sheet(&b, r);
    goals_sheet(&b, r);
    profile_sheet(&b, r);
    budget_sheet(&b, r);
    money_sheet(&b, r);
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
