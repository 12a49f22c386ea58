/* budgetout: the budget template (xlsx, csv) and the follow-up report. */
#include "budgetout.h"

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "../ws/oevoloft.h"
#include "figtext.h"
#include "outfile.h"
#include "table.h"

/* ---- the template ------------------------------------------------------------------- */

enum { T_KOMMUNE, T_KNAVN, T_AAR, T_YDELSE, T_YNAVN, T_FULDTID, T_PERSONER, T_VARIGHED, T_AKT, T_PRIS,
       T_UDGIFT_TILBUD, T_SB, T_SAGER, T_UDGIFT_SB, T_TOTAL, T_KILDE, T_M01, NT = T_M01 + 12 };

static const char *const tcol[T_M01] = {
    "kommune", "kommunenavn", "aar", "ydelse", "ydelsesnavn", "fuldtidspersoner", "personer", "varighed",
    "aktiveringsgrad", "pris", "udgift_pr_tilbud", "sagsbehandlere", "sager_pr_sagsbehandler",
    "udgift_pr_sagsbehandler", "budget_i_alt", "kilde"};

/* What each column means, for the Vejledning sheet. */
static const char *const thelp_da[T_M01 + 1] = {
    "Kommunekode (101 København ... 860 Hjørring)", "Kommunens navn (læses ikke ved import)", "Budgetåret",
    "Ydelsesgruppen (koden fra ydelser.csv)", "Ydelsens navn (læses ikke ved import)",
    "Forsørgelse: antal fuldtidspersoner (helårspersoner) i året. Skal udfyldes",
    "Forsørgelse: antal personer på ydelsen i løbet af året",
    "Forsørgelse: uger på ydelsen pr. person i året; fuldtidspersoner = personer x varighed / uger i året",
    "Forsørgelse: aktiveringsgrad, pct. af ugerne i tilbud",
    "Forsørgelse: kommunens nettoudgift pr. fuldtidsperson om året efter refusion (kr.). Skal udfyldes",
    "Indsats: udgift pr. helårsplads i tilbud (kr.); indsatsen koster fuldtidspersoner x aktiveringsgrad x "
    "udgift_pr_tilbud",
    "Administration: antal sagsbehandlere", "Administration: sager pr. sagsbehandler",
    "Administration: udgift pr. sagsbehandler om året (kr.)",
    "Budgettet i alt (beregnes; læses ikke ved import)",
    "budget = det indlæste budget; forslag = ud fra året før (faktisk), prisen fremskrevet med satsen",
    "m01..m12: valgfri månedsprofil (vægte) til at fordele årets budget på måneder; ellers fordeles efter uger"};
static const char *const thelp_en[T_M01 + 1] = {
    "Municipality code (101 København ... 860 Hjørring)", "The municipality's name (not read by an import)",
    "The budget year", "The benefit group (its code in ydelser.csv)", "The group's name (not read by an import)",
    "Benefits: full-time recipients over the year. Required", "Benefits: persons on the benefit during the year",
    "Benefits: weeks on the benefit per person in the year; full-time = persons x duration / weeks in the year",
    "Benefits: activation rate, pct. of the weeks in an offer",
    "Benefits: the municipality's net cost per full-time recipient per year after refusion (DKK). Required",
    "Offers: cost of a full-time year in an offer (DKK); offers cost full-time x activation x this",
    "Administration: caseworkers", "Administration: cases per caseworker",
    "Administration: cost per caseworker per year (DKK)", "The budget in total (computed; not read by an import)",
    "budget = the imported budget; forslag = from the year before (actual), cost indexed by the rate",
    "m01..m12: optional monthly profile (weights) spreading the year's budget; else by weeks"};

static double tval(const styr_budget *b, int c)
{
    switch (c) {
    case T_FULDTID: return b->fuldtid;
    case T_PERSONER: return b->personer;
    case T_VARIGHED: return b->varighed;
    case T_AKT: return b->aktivering;
    case T_PRIS: return b->pris;
    case T_UDGIFT_TILBUD: return b->udgift_tilbud;
    case T_SB: return b->sagsbehandlere;
    case T_SAGER: return b->sager_pr_sb;
    case T_UDGIFT_SB: return b->udgift_sb;
    }
    return c >= T_M01 ? b->profil[c - T_M01] : NAN;
}

static int tdec(int c) { return c == T_VARIGHED || c == T_AKT || c == T_FULDTID || c == T_SAGER ? 1 : 0; }

static double total_of(const styr_budget *b)
{
    double ind = isnan(b->aktivering) || isnan(b->udgift_tilbud) ? 0 : b->fuldtid * b->aktivering / 100 * b->udgift_tilbud;
    double adm = isnan(b->sagsbehandlere) || isnan(b->udgift_sb) ? 0 : b->sagsbehandlere * b->udgift_sb;
    return b->fuldtid * b->pris + ind + adm;
}

static void kilde(char *buf, size_t cap, const styr_template_row *r)
{
    if (r->suggested_from) snprintf(buf, cap, "forslag %d", r->suggested_from);
    else snprintf(buf, cap, "budget");
}

static int template_csv(const styr_template_row *rows, size_t n, const styr_codes *codes, FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    for (int c = 0; c < NT; c++) {
        if (c) fputc(';', f);
        if (c < T_M01) fputs(tcol[c], f);
        else fprintf(f, "m%02d", c - T_M01 + 1);
    }
    fputs("\r\n", f);
    for (size_t i = 0; i < n; i++) {
        const styr_budget *b = &rows[i].b;
        int k = codes->kom_idx[b->kommune];
        fprintf(f, "%d;", b->kommune);
        styr_csv_text(f, k >= 0 ? codes->kom_name[k] : "");
        fprintf(f, ";%d;%s;", b->aar, codes->dict.yd[b->grp]);
        styr_csv_text(f, codes->yd_name[b->grp]);
        for (int c = T_FULDTID; c < NT; c++) {
            fputc(';', f);
            if (c == T_TOTAL) styr_csv_number(f, total_of(b), 0);
            else if (c == T_KILDE) {
                char s[32];
                kilde(s, sizeof s, &rows[i]);
                fputs(s, f);
            } else if (!isnan(tval(b, c))) styr_csv_number(f, tval(b, c), c >= T_M01 ? 6 : tdec(c) ? 2 : 0);
        }
        fputs("\r\n", f);
    }
    return !ferror(f);
}

/* Excel's name of column c (0-based; fewer than 702 columns). */
static void colname(int c, char out[4])
{
    if (c < 26) out[0] = (char)('A' + c), out[1] = 0;
    else out[0] = (char)('A' + c / 26 - 1), out[1] = (char)('A' + c % 26), out[2] = 0;
}

static styr_rc template_xlsx(const styr_template_row *rows, size_t n, const styr_codes *codes, const char *path,
                             styr_diags *d)
{
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    lxw_format *bold = workbook_add_format(wb), *f0 = workbook_add_format(wb), *f1 = workbook_add_format(wb),
               *wrap = workbook_add_format(wb), *sugg = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_num_format(f0, "#,##0");
    format_set_num_format(f1, "#,##0.0");
    format_set_text_wrap(wrap);
    format_set_italic(sugg);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Budget");
    for (int c = 0; c < NT; c++) {
        char h[24];
        if (c < T_M01) snprintf(h, sizeof h, "%s", tcol[c]);
        else snprintf(h, sizeof h, "m%02d", c - T_M01 + 1);
        worksheet_write_string(ws, 0, (lxw_col_t)c, h, bold);
    }
    worksheet_set_column(ws, 0, 0, 9, NULL);
    worksheet_set_column(ws, 1, 1, 16, NULL);
    worksheet_set_column(ws, 3, 4, 20, NULL);
    worksheet_set_column(ws, T_FULDTID, T_KILDE, 14, NULL);
    worksheet_set_column(ws, T_M01, NT - 1, 6, NULL);
    worksheet_freeze_panes(ws, 1, T_FULDTID);
    char F[4], I[4], J[4], K[4], L[4], N[4];
    colname(T_FULDTID, F), colname(T_AKT, I), colname(T_PRIS, J), colname(T_UDGIFT_TILBUD, K);
    colname(T_SB, L), colname(T_UDGIFT_SB, N);
    for (size_t i = 0; i < n; i++) {
        const styr_budget *b = &rows[i].b;
        lxw_row_t r = (lxw_row_t)(i + 1);
        int k = codes->kom_idx[b->kommune];
        worksheet_write_number(ws, r, T_KOMMUNE, b->kommune, NULL);
        worksheet_write_string(ws, r, T_KNAVN, k >= 0 ? codes->kom_name[k] : "", NULL);
        worksheet_write_number(ws, r, T_AAR, b->aar, NULL);
        worksheet_write_string(ws, r, T_YDELSE, codes->dict.yd[b->grp], NULL);
        worksheet_write_string(ws, r, T_YNAVN, codes->yd_name[b->grp], NULL);
        for (int c = T_FULDTID; c < NT; c++) {
            if (c == T_TOTAL) {
                char fm[256];
                unsigned R = r + 1;
                snprintf(fm, sizeof fm, "=%s%u*%s%u+%s%u*N(%s%u)/100*N(%s%u)+N(%s%u)*N(%s%u)", F, R, J, R, F, R, I, R,
                         K, R, L, R, N, R);
                worksheet_write_formula_num(ws, r, (lxw_col_t)c, fm, f0, total_of(b));
            } else if (c == T_KILDE) {
                char s[32];
                kilde(s, sizeof s, &rows[i]);
                worksheet_write_string(ws, r, (lxw_col_t)c, s, rows[i].suggested_from ? sugg : NULL);
            } else if (!isnan(tval(b, c))) {
                worksheet_write_number(ws, r, (lxw_col_t)c, tval(b, c), c >= T_M01 ? NULL : tdec(c) ? f1 : f0);
            }
        }
    }
    lxw_worksheet *h = workbook_add_worksheet(wb, styr_tr("Vejledning", "Guide"));
    worksheet_set_column(h, 0, 0, 26, NULL);
    worksheet_set_column(h, 1, 1, 100, wrap);
    worksheet_write_string(h, 0, 0, styr_tr("Kolonne", "Column"), bold);
    worksheet_write_string(h, 0, 1, styr_tr("Betydning", "Meaning"), bold);
    for (int c = 0; c <= T_M01; c++) {
        worksheet_write_string(h, (lxw_row_t)c + 1, 0, c < T_M01 ? tcol[c] : "m01..m12", NULL);
        worksheet_write_string(h, (lxw_row_t)c + 1, 1, styr_lang_get() == STYR_LANG_EN ? thelp_en[c] : thelp_da[c],
                               NULL);
    }
    worksheet_write_string(h, T_M01 + 3, 0,
                           styr_tr("Udfyld arket Budget, gem det som CSV (semikolon) og indlæs det med "
                                   "styr budget import FIL.csv.",
                                   "Fill in the sheet Budget, save it as CSV and import it with "
                                   "styr budget import FILE.csv."),
                           NULL);
    lxw_error e = workbook_close(wb);
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

styr_rc styr_budget_template_write(const styr_template_row *rows, size_t n, const styr_codes *codes,
                                   styr_format format, const char *path, styr_diags *d)
{
    if (format == STYR_FMT_XLSX) return template_xlsx(rows, n, codes, path, d);
    styr_dest x;
    styr_rc rc = styr_dest_open(&x, path, d);
    if (rc) return rc;
    return styr_dest_close(&x, template_csv(rows, n, codes, x.f), d);
}

/* ---- the follow-up ------------------------------------------------------------------- */

/* The values of a row, in the order of the CSV and JSON keys; act marks what the
 * panel shows (hidden under discretion). */
typedef struct fu_key {
    const char *key;
    int dec, act;
} fu_key;

static const fu_key keys[] = {
    {"budget", 0, 0}, {"budget_aatd", 0, 0}, {"faktisk_aatd", 0, 1}, {"afvigelse_aatd", 0, 1},
    {"prognose", 0, 1}, {"afvigelse", 0, 1}, {"afvigelse_pct", 1, 1},
    {"budget_forsoergelse", 0, 0}, {"budget_indsats", 0, 0}, {"budget_administration", 0, 0},
    {"faktisk_forsoergelse", 0, 1}, {"faktisk_indsats", 0, 1}, {"faktisk_administration", 0, 0},
    {"prognose_forsoergelse", 0, 1}, {"prognose_indsats", 0, 1}, {"prognose_administration", 0, 0},
    {"budget_fuldtidspersoner", 1, 0}, {"faktisk_fuldtidspersoner", 1, 1}, {"prognose_fuldtidspersoner", 1, 1},
    {"budget_personer", 0, 0}, {"faktisk_personer", 0, 1}, {"prognose_personer", 0, 1},
    {"budget_varighed", 1, 0}, {"prognose_varighed", 1, 1},
    {"budget_aktiveringsgrad", 1, 0}, {"faktisk_aktiveringsgrad", 1, 1}, {"prognose_aktiveringsgrad", 1, 1},
    {"budget_pris", 0, 0}, {"prognose_pris", 0, 1},
    {"sager_pr_sagsbehandler_budget", 1, 0}, {"sager_pr_sagsbehandler_prognose", 1, 1},
    {"aarsag_personer", 0, 1}, {"aarsag_varighed", 0, 1}, {"aarsag_fuldtidspersoner", 0, 1},
    {"aarsag_aktiveringsgrad", 0, 1}, {"aarsag_pris", 0, 1},
};
#define NKEYS (sizeof keys / sizeof keys[0])

static void values(const styr_fu_row *r, double v[NKEYS])
{
    const styr_followup *f = &r->f;
    const styr_budget *b = &r->b;
    double x[] = {f->b_total, f->b_ytd, f->a_total, f->a_total - f->b_ytd, f->f_total, f->diff, f->diff_pct,
                  f->b_fors, f->b_ind, f->b_adm, f->a_fors, f->a_ind, f->a_adm, f->f_fors, f->f_ind, f->f_adm,
                  b->fuldtid, f->a_fte, f->f_fte, b->personer, f->a_persons, f->f_persons, b->varighed,
                  f->f_varighed, b->aktivering, f->a_akt, f->f_akt, b->pris, f->f_pris, f->caseload_budget,
                  f->caseload, f->drv[STYR_DRV_PERSONER], f->drv[STYR_DRV_VARIGHED], f->drv[STYR_DRV_FULDTID],
                  f->drv[STYR_DRV_AKTIVERING], f->drv[STYR_DRV_PRIS]};
    _Static_assert(sizeof x / sizeof x[0] == NKEYS, "one value per key");
    for (size_t i = 0; i < NKEYS; i++) v[i] = r->suppressed && keys[i].act ? NAN : x[i];
}

static const char *month_name(int m)
{
    static const char *const da[] = {"januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                     "september", "oktober", "november", "december"};
    static const char *const en[] = {"January", "February", "March", "April", "May", "June", "July", "August",
                                     "September", "October", "November", "December"};
    return styr_lang_get() == STYR_LANG_EN ? en[m - 1] : da[m - 1];
}

/* 1.000 kr., or ".." under discretion, or "-" for nothing. */
static const char *tkr(char *b, size_t cap, double v, int hidden)
{
    if (hidden) return "..";
    if (isnan(v)) return "-";
    return styr_fmt_num(b, cap, v / 1000, 0);
}

static const char *tnum(char *b, size_t cap, double v, int dec, int hidden)
{
    if (hidden) return "..";
    if (isnan(v)) return "-";
    return styr_fmt_num(b, cap, v, dec);
}

/* "." for a row the cap does not apply to (not a target group), "-" for no data,
 * ".." under discretion, else 1.000 kr. */
static const char *tcap(char *b, size_t cap, const styr_fu_cap *c, double v, int hidden)
{
    if (c->state == STYR_LOFT_NA) return ".";
    return tkr(b, cap, v, hidden);
}

/* The ØVO/mentor cap beside the indsats element (years the law applies to). */
static void write_cap_table(const styr_fu_report *r, FILE *f)
{
    if (r->loft_state == STYR_LOFT_NA) return;
    const styr_fu_cap *t = &r->rows[r->n - 1].cap;
    char s[8][48];
    fprintf(f, "\n%s\n", styr_tr("Indsats: loft over udgifter til øvrig vejledning og opkvalificering og mentorstøtte "
                                  "(L 77, 2025-26, LAB § 203 a)",
                                  "Offers: cap on spending on other guidance and upskilling and mentor support "
                                  "(L 77, 2025-26, LAB § 203 a)"));
    if (r->loft_state == STYR_LOFT_NODATA) {
        fprintf(f, styr_tr("Loft for %d: - (ingen grænse udmeldt i oevo_loft.csv).\n",
                           "Cap for %d: - (no limit published in oevo_loft.csv).\n"), r->aar);
        return;
    }
    if (!isnan(t->kr))
        fprintf(f, styr_tr("%s pr. fuldtidsperson i målgruppen (§ 6, nr. 1-10, ikke fleksjob), på de budgetterede "
                           "ydelser. Beløb i 1.000 kr.\n",
                           "%s per full-time person in the target group (§ 6, nos. 1-10, not flexjob), on the "
                           "budgeted groups. Amounts in DKK 1,000.\n"),
                styr_fmt_kr(s[0], 48, t->kr));
    styr_table *tb = styr_table_new(7, "lrrrrrr");
    const char *h[] = {styr_tr("Ydelse", "Benefit group"), styr_tr("Loft budget", "Cap budget"),
                       styr_tr("Indsats budget", "Offers budget"), styr_tr("Indsats faktisk ÅTD", "Offers actual YTD"),
                       styr_tr("Loft prognose", "Cap forecast"), styr_tr("Indsats prognose", "Offers forecast"),
                       styr_tr("Prognose over loft", "Forecast over cap")};
    styr_table_row(tb, h);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        const styr_fu_cap *c = &x->cap;
        int hd = x->suppressed;
        const char *row[] = {x->navn, tcap(s[0], 48, c, c->cap_b, 0), tcap(s[1], 48, c, c->ind_b, 0),
                             tcap(s[2], 48, c, c->ind_a, hd), tcap(s[3], 48, c, c->cap_f, hd),
                             tcap(s[4], 48, c, c->ind_f, hd), tcap(s[5], 48, c, c->ind_f - c->cap_f, hd)};
        styr_table_row(tb, row);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    fprintf(f, styr_tr("Kilde: %s. Indsats er udgiften til alle tilbud (udgift pr. tilbud) og dermed en øvre grænse "
                       "for udgiften til øvrig vejledning og opkvalificering og mentor.\n",
                       "Source: %s. Offers are the cost of all offers (cost per offer), so an upper bound on the "
                       "spending on other guidance and upskilling and mentor support.\n"),
            r->loft_kilde && *r->loft_kilde ? r->loft_kilde : "-");
}

static void write_warnings(const styr_fu_report *r, FILE *f)
{
    int any = 0;
    char a[48], b[48], c[48], p[32];
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        if (!x->f.warn || x->suppressed) continue;
        any = 1;
        const char *dir = x->f.diff > 0 ? styr_tr("over", "above") : styr_tr("under", "below");
        fprintf(f, styr_tr("Advarsel: %s: prognosen på %s ligger %s %s budgettet (%s).",
                           "Warning: %s: the forecast of %s is %s %s the budget (%s)."),
                x->navn, styr_fmt_kr(a, sizeof a, x->f.f_total), styr_fmt_pct(p, sizeof p, fabs(x->f.diff_pct), 1),
                dir, styr_fmt_kr(b, sizeof b, x->f.b_total));
        if (x->f.main_driver >= 0) {
            double v = x->f.drv[x->f.main_driver];
            fprintf(f, styr_tr(" Største årsag: %s (%s%s).", " Main driver: %s (%s%s)."),
                    styr_driver_name(x->f.main_driver, v), v >= 0 ? "+" : "-", styr_fmt_kr(c, sizeof c, fabs(v)));
        }
        fputc('\n', f);
    }
    if (!any) {
        char t[32];
        fprintf(f, styr_tr("Ingen prognose afviger mere end %s fra budgettet.\n",
                           "No forecast departs more than %s from the budget.\n"),
                styr_fmt_pct(t, sizeof t, r->threshold * 100, 1));
    }
    const styr_fu_row *tr = &r->rows[r->n - 1];
    const styr_fu_cap *cp = &tr->cap;
    if (r->loft_state == STYR_LOFT_VALUE && cp->warn_b) {
        fprintf(f, styr_tr("Advarsel: budgettets indsats i målgruppen (%s) ligger %s over loftet for øvrig vejledning "
                           "og opkvalificering og mentor (%s).\n",
                           "Warning: the budget's offers in the target group (%s) are %s above the cap on other "
                           "guidance and upskilling and mentor support (%s).\n"),
                styr_fmt_kr(a, sizeof a, cp->ind_b), styr_fmt_kr(b, sizeof b, cp->ind_b - cp->cap_b),
                styr_fmt_kr(c, sizeof c, cp->cap_b));
    }
    if (r->loft_state == STYR_LOFT_VALUE && cp->warn_f && !tr->suppressed) {
        fprintf(f, styr_tr("Advarsel: prognosens indsats i målgruppen (%s) ligger %s over loftet for øvrig vejledning "
                           "og opkvalificering og mentor (%s).\n",
                           "Warning: the forecast's offers in the target group (%s) are %s above the cap on other "
                           "guidance and upskilling and mentor support (%s).\n"),
                styr_fmt_kr(a, sizeof a, cp->ind_f), styr_fmt_kr(b, sizeof b, cp->ind_f - cp->cap_f),
                styr_fmt_kr(c, sizeof c, cp->cap_f));
    }
}

static void write_table(const styr_fu_report *r, FILE *f)
{
    const styr_followup *t = &r->rows[r->n - 1].f;
    char s[12][48];
    char span[64], win[64];
    if (r->month == 1) snprintf(span, sizeof span, "%s", month_name(1));
    else snprintf(span, sizeof span, "%s-%s", month_name(1), month_name(r->month));
    if (t->window == 1) snprintf(win, sizeof win, "%s", month_name(r->month));
    else snprintf(win, sizeof win, "%s-%s", month_name(r->month - t->window + 1), month_name(r->month));
    fprintf(f, styr_tr("Budgetopfølgning %d for %s, %s (%d af %d uger). Beløb i 1.000 kr.\n",
                       "Budget follow-up %d for %s, %s (%d of %d weeks). Amounts in DKK 1,000.\n"),
            r->aar, r->kommunenavn, span, t->weeks_elapsed, t->weeks_year);
    fprintf(f, styr_tr("Prognose: faktisk til og med %s og resten af året som i %s.\n\n",
                       "Forecast: actual to the end of %s and the rest of the year as in %s.\n\n"),
            month_name(r->month), win);
    styr_table *tb = styr_table_new(8, "lrrrrrrr");
    const char *h1[] = {styr_tr("Ydelse", "Benefit group"), styr_tr("Budget", "Budget"),
                        styr_tr("Budget ÅTD", "Budget YTD"), styr_tr("Faktisk ÅTD", "Actual YTD"),
                        styr_tr("Afvigelse ÅTD", "Diff. YTD"), styr_tr("Prognose", "Forecast"),
                        styr_tr("Afvigelse", "Difference"), styr_tr("Pct.", "Pct.")};
    styr_table_row(tb, h1);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        const styr_followup *o = &x->f;
        int h = x->suppressed;
        const char *c[] = {x->navn, tkr(s[0], 48, o->b_total, 0), tkr(s[1], 48, o->b_ytd, 0),
                           tkr(s[2], 48, o->a_total, h), tkr(s[3], 48, o->a_total - o->b_ytd, h),
                           tkr(s[4], 48, o->f_total, h), tkr(s[5], 48, o->diff, h), tnum(s[6], 48, o->diff_pct, 1, h)};
        styr_table_row(tb, c);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);

    fprintf(f, "\n%s\n", styr_tr("Forudsætninger: budget og prognose", "Assumptions: budget and forecast"));
    tb = styr_table_new(8, "llrrrrrr");
    const char *h2[] = {styr_tr("Ydelse", "Benefit group"), "", styr_tr("Fuldtid", "Full-time"),
                        styr_tr("Personer", "Persons"), styr_tr("Varighed", "Duration"),
                        styr_tr("Akt.grad", "Activation"), styr_tr("Pris", "Cost/FT"),
                        styr_tr("Sager/sagsb.", "Cases/worker")};
    styr_table_row(tb, h2);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        const styr_followup *o = &x->f;
        const styr_budget *b = &x->b;
        int h = x->suppressed;
        const char *c1[] = {x->navn, styr_tr("budget", "budget"), tnum(s[0], 48, b->fuldtid, 1, 0),
                            tnum(s[1], 48, b->personer, 0, 0), tnum(s[2], 48, b->varighed, 1, 0),
                            tnum(s[3], 48, b->aktivering, 1, 0), tnum(s[4], 48, b->pris, 0, 0),
                            tnum(s[5], 48, o->caseload_budget, 1, 0)};
        styr_table_row(tb, c1);
        const char *c2[] = {"", styr_tr("prognose", "forecast"), tnum(s[6], 48, o->f_fte, 1, h),
                            tnum(s[7], 48, o->f_persons, 0, h), tnum(s[8], 48, o->f_varighed, 1, h),
                            tnum(s[9], 48, o->f_akt, 1, h), tnum(s[10], 48, o->f_pris, 0, h),
                            tnum(s[11], 48, o->caseload, 1, h)};
        styr_table_row(tb, c2);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);

    fprintf(f, "\n%s\n", styr_tr("Afvigelsen forklaret (prognose minus budget)",
                                 "The difference explained (forecast minus budget)"));
    tb = styr_table_new(7, "lrrrrrr");
    const char *h3[] = {styr_tr("Ydelse", "Benefit group"), styr_tr("Personer", "Persons"),
                        styr_tr("Varighed", "Duration"), styr_tr("Fuldtid", "Full-time"),
                        styr_tr("Aktivering", "Activation"), styr_tr("Pris", "Cost/FT"), styr_tr("I alt", "Total")};
    styr_table_row(tb, h3);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        const styr_followup *o = &x->f;
        int h = x->suppressed;
        const char *c[] = {x->navn, tkr(s[0], 48, o->drv[STYR_DRV_PERSONER], h),
                           tkr(s[1], 48, o->drv[STYR_DRV_VARIGHED], h), tkr(s[2], 48, o->drv[STYR_DRV_FULDTID], h),
                           tkr(s[3], 48, o->drv[STYR_DRV_AKTIVERING], h), tkr(s[4], 48, o->drv[STYR_DRV_PRIS], h),
                           tkr(s[5], 48, o->diff, h)};
        styr_table_row(tb, c);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);

    int h = r->rows[r->n - 1].suppressed;
    fprintf(f, "\n%s\n", styr_tr("Måned for måned, alle budgetterede ydelser", "Month by month, all budgeted groups"));
    tb = styr_table_new(5, "lrrrr");
    const char *h4[] = {styr_tr("Måned", "Month"), styr_tr("Budget", "Budget"), styr_tr("Faktisk", "Actual"),
                        styr_tr("Budget akk.", "Budget cum."), styr_tr("Faktisk akk.", "Actual cum.")};
    styr_table_row(tb, h4);
    double cb = 0, ca = 0;
    for (int m = 1; m <= r->month; m++) {
        cb += t->b_month[m - 1];
        ca += t->a_month[m - 1];
        const char *c[] = {month_name(m), tkr(s[0], 48, t->b_month[m - 1], 0), tkr(s[1], 48, t->a_month[m - 1], h),
                           tkr(s[2], 48, cb, 0), tkr(s[3], 48, ca, h)};
        styr_table_row(tb, c);
    }
    styr_table_print(tb, f);
    styr_table_free(tb);
    write_cap_table(r, f);
    fputc('\n', f);
    write_warnings(r, f);
    int hidden = 0;
    for (size_t i = 0; i < r->n; i++) hidden |= r->rows[i].suppressed;
    if (hidden)
        fprintf(f, "%s\n", styr_discretion_note());
}

/* The cap's keys (JSON and CSV, shown for years the law applies to), its values of
 * a row, and which of them the panel shows (hidden under discretion). */
static const char *const cap_keys[] = {"loft_kr_pr_fuldtidsperson", "loft_budget", "loft_prognose",
                                       "loft_indsats_budget", "loft_indsats_faktisk_aatd", "loft_indsats_prognose"};
static const int cap_act[] = {0, 0, 1, 0, 1, 1};
#define NCAP (sizeof cap_keys / sizeof cap_keys[0])

static void cap_values(const styr_fu_row *x, double v[NCAP])
{
    const styr_fu_cap *c = &x->cap;
    double y[] = {c->kr, c->cap_b, c->cap_f, c->ind_b, c->ind_a, c->ind_f};
    _Static_assert(sizeof y / sizeof y[0] == NCAP, "one value per cap key");
    for (size_t i = 0; i < NCAP; i++) v[i] = x->suppressed && cap_act[i] ? NAN : y[i];
}

static const char *cap_status(const styr_fu_cap *c)
{
    return c->state == STYR_LOFT_VALUE ? "vaerdi" : c->state == STYR_LOFT_NODATA ? "ingen_data" : "ikke_relevant";
}

static int cap_warn_shown(const styr_fu_row *x)
{
    return x->cap.warn_b || (x->cap.warn_f && !x->suppressed);
}

static int write_csv(const styr_fu_report *r, FILE *f)
{
    fputs("\xEF\xBB\xBF", f);
    fputs("kommune;kommunenavn;aar;maaned;ydelse;ydelsesnavn", f);
    for (size_t k = 0; k < NKEYS; k++) fprintf(f, ";%s", keys[k].key);
    fputs(";hovedaarsag;advarsel;diskretion", f);
    const int cap = r->loft_state != STYR_LOFT_NA;
    if (cap) {
        fputs(";loft_status", f);
        for (size_t k = 0; k < NCAP; k++) fprintf(f, ";%s", cap_keys[k]);
        fputs(";loft_advarsel", f);
    }
    fputs("\r\n", f);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        double v[NKEYS];
        values(x, v);
        fprintf(f, "%d;", r->kommune);
        styr_csv_text(f, r->kommunenavn);
        fprintf(f, ";%d;%d;%s;", r->aar, r->month, x->ydelse);
        styr_csv_text(f, x->navn);
        for (size_t k = 0; k < NKEYS; k++) {
            fputc(';', f);
            if (x->suppressed && keys[k].act) fputs("..", f);
            else if (!isnan(v[k])) styr_csv_number(f, v[k], keys[k].dec);
        }
        fputc(';', f);
        if (!x->suppressed && x->f.main_driver >= 0)
            styr_csv_text(f, styr_driver_name(x->f.main_driver, x->f.drv[x->f.main_driver]));
        fprintf(f, ";%s;%s", !x->suppressed && x->f.warn ? styr_tr("ja", "yes") : styr_tr("nej", "no"),
                x->suppressed ? styr_tr("ja", "yes") : styr_tr("nej", "no"));
        if (cap) {
            double cv[NCAP];
            cap_values(x, cv);
            fprintf(f, ";%s", cap_status(&x->cap));
            for (size_t k = 0; k < NCAP; k++) {
                fputc(';', f);
                if (x->cap.state == STYR_LOFT_NA) fputs(".", f);
                else if (x->suppressed && cap_act[k]) fputs("..", f);
                else if (!isnan(cv[k])) styr_csv_number(f, cv[k], 0);
                else fputs("-", f);
            }
            fprintf(f, ";%s", cap_warn_shown(x) ? styr_tr("ja", "yes") : styr_tr("nej", "no"));
        }
        fputs("\r\n", f);
    }
    return !ferror(f);
}

static int write_json(const styr_fu_report *r, FILE *f)
{
    fputs("[", f);
    for (size_t i = 0; i < r->n; i++) {
        const styr_fu_row *x = &r->rows[i];
        double v[NKEYS];
        values(x, v);
        json_t *o = json_object();
        json_object_set_new(o, "kommune", json_integer(r->kommune));
        json_object_set_new(o, "kommunenavn", json_string(r->kommunenavn));
        json_object_set_new(o, "aar", json_integer(r->aar));
        json_object_set_new(o, "maaned", json_integer(r->month));
        json_object_set_new(o, "ydelse", json_string(x->ydelse));
        for (size_t k = 0; k < NKEYS; k++) {
            double p = pow(10, keys[k].dec);
            json_object_set_new(o, keys[k].key, isnan(v[k]) ? json_null() : json_real(round(v[k] * p) / p));
        }
        int drv = !x->suppressed && x->f.main_driver >= 0;
        json_object_set_new(o, "hovedaarsag",
                            drv ? json_string(styr_driver_name(x->f.main_driver, x->f.drv[x->f.main_driver]))
                                : json_null());
        json_object_set_new(o, "advarsel", json_boolean(!x->suppressed && x->f.warn));
        json_object_set_new(o, "diskretion", json_boolean(x->suppressed));
        if (r->loft_state != STYR_LOFT_NA) {
            double cv[NCAP];
            cap_values(x, cv);
            json_object_set_new(o, "loft_status", json_string(cap_status(&x->cap)));
            for (size_t k = 0; k < NCAP; k++)
                json_object_set_new(o, cap_keys[k], isnan(cv[k]) ? json_null() : json_real(round(cv[k])));
            json_object_set_new(o, "loft_advarsel", json_boolean(cap_warn_shown(x)));
        }
        fputs(i ? ",\n" : "\n", f);
        json_dumpf(o, f, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(15));
        json_decref(o);
    }
    fputs(r->n ? "\n]\n" : "]\n", f);
    return !ferror(f);
}

styr_rc styr_followup_write(const styr_fu_report *r, styr_format format, const char *path, styr_diags *d)
{
    if (format == STYR_FMT_XLSX) return styr_diag_sys(d, STYR_EUSAGE, "xlsx: use csv, json or table");
    styr_dest x;
    styr_rc rc = styr_dest_open(&x, path, d);
    if (rc) return rc;
    int ok = 1;
    switch (format) {
    case STYR_FMT_TABLE: write_table(r, x.f); ok = !ferror(x.f); break;
    case STYR_FMT_CSV: ok = write_csv(r, x.f); break;
    default: ok = write_json(r, x.f); break;
    }
    return styr_dest_close(&x, ok, d);
}
