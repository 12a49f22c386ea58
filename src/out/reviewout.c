/* reviewout: the case review's result in five formats. */
#include "reviewout.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

#include "../core/mem.h"
#include "../core/msg.h"
#include "../core/num.h"
#include "../core/week.h"
#include "outfile.h"
#include "table.h"

typedef struct ctx {
    const styr_review *r;
    const styr_codes *codes;
    styr_review_est *est; /* per learning point */
    size_t reviewed, population;
    char title[256], sample[512], notice[400], method[1200], small[300];
} ctx;

/* A share in percent with one decimal ("33,3"), or "-" when there is none. */
static char *pct(char *b, size_t cap, double p)
{
    if (p < 0 || isnan(p)) return snprintf(b, cap, "-"), b;
    return styr_fmt_num(b, cap, 100 * p, 1);
}

static char *interval(char *b, size_t cap, double lo, double hi)
{
    char x[32], y[32];
    if (lo < 0) return snprintf(b, cap, "-"), b;
    snprintf(b, cap, "%s-%s", pct(x, sizeof x, lo), pct(y, sizeof y, hi));
    return b;
}

static void prepare(ctx *x, const styr_review *r, const styr_codes *codes)
{
    memset(x, 0, sizeof *x);
    x->r = r, x->codes = codes;
    x->est = styr_xcalloc(r->lps.n ? r->lps.n : 1, sizeof *x->est);
    for (size_t j = 0; j < r->lps.n; j++)
        styr_review_estimate(r, j, &x->est[j]);
    for (size_t i = 0; i < r->n; i++)
        x->reviewed += r->c[i].reviewed != 0;
    for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++)
        x->population += r->population[h];
    char wk[12], hex[17], a[32], b[32];
    styr_week_format(r->meta.ref, wk);
    styr_hex64(r->meta.panel, hex);
    int k = r->meta.kommune >= 0 && r->meta.kommune < 1000 ? codes->kom_idx[r->meta.kommune] : -1;
    snprintf(x->title, sizeof x->title,
             styr_tr("Sagsgennemgang: læringspunkter. %s, %s Kommune, forløb i gang i uge %s",
                     "Case review: learning points. %s, %s, spells in progress in week %s"),
             r->meta.grp > 0 ? styr_group_name(codes, r->meta.grp) : "-", k >= 0 ? codes->kom_name[k] : "-", wk);
    snprintf(x->sample, sizeof x->sample,
             styr_tr("Stikprøve: %zu sager trukket lagdelt blandt %s igangværende forløb (frø %llu, panel %s); %zu "
                     "gennemgået (indlæst fra %s).",
                     "Sample: %zu cases drawn by strata among %s current spells (seed %llu, panel %s); %zu reviewed "
                     "(imported from %s)."),
             r->n, styr_fmt_int(a, sizeof a, (long long)x->population), (unsigned long long)r->meta.seed, hex,
             x->reviewed, r->file);
    snprintf(
        x->notice, sizeof x->notice, "%s",
        styr_tr("INTERNT: kommunens egen sagsgennemgang (--intern). Tællinger på 1-4 sager vises, fordi resultatet "
                "kun er til intern brug; ingen personer nævnes, og reviewernes noter vises ikke.",
                "INTERNAL: the municipality's own case review (--intern). Counts of 1-4 cases are shown because "
                "the result is for internal use only; no person is named and the reviewers' notes are not shown."));
    snprintf(
        x->small, sizeof x->small,
        styr_tr("Med kun %zu gennemgåede sager er usikkerheden stor: en andel på 30 pct. kan sagtens dække over "
                "10-60 pct. i alle sagerne. Brug tallene til at pege på læringspunkter, ikke til at måle udvikling.",
                "With only %zu reviewed cases the uncertainty is large: a share of 30 pct. may well stand for "
                "10-60 pct. of all cases. Use the figures to point at learning points, not to measure change."),
        x->reviewed);
    if (!x->reviewed)
        snprintf(x->small, sizeof x->small, "%s",
                 styr_tr("Ingen sag er markeret som gennemgået (kolonnen Gennemgået): der er intet at opsummere endnu.",
                         "No case is marked as reviewed (the column Reviewed): there is nothing to summarise yet."));
    else if (x->reviewed >= 100)
        snprintf(x->small, sizeof x->small, "%s",
                 styr_tr("Usikkerheden står i intervallerne.", "The uncertainty is in the intervals."));
    (void)b;
    snprintf(
        x->method, sizeof x->method, "%s",
        styr_tr("Andel: de gennemgåede sager med læringspunktet, med 95 pct. konfidensinterval efter Wilson. "
                "Lagdelt skøn: hvert lag (forløbets længde og tilbudsstatus) vægtes med sin andel af de "
                "igangværende forløb i de lag, der har gennemgåede sager (hver gennemgået sag vægter lagets forløb "
                "delt med dets gennemgåede sager), med "
                "standardfejl fra lagenes spredning og endelighedskorrektion; et lag med én gennemgået sag låner "
                "den samlede spredning. Intervallet er Wilsons ved den effektive stikprøvestørrelse, så det aldrig "
                "har bredden 0. Lag uden gennemgåede sager indgår ikke (dækning).",
                "Share: the reviewed cases with the learning point, with a 95 pct. confidence interval by Wilson. "
                "Stratified estimate: each stratum (spell length and offer status) weighted by its share of the "
                "current spells in the strata with reviewed cases (each reviewed case weighs its stratum's spells "
                "divided by its reviewed cases), with a "
                "standard error from the strata's spread and the finite population correction; a stratum with one "
                "reviewed case borrows the overall spread. The interval is Wilson's at the effective sample size, "
                "so it never has width 0. Strata without reviewed cases are left out (coverage)."));
}

/* ---- table ----------------------------------------------------------------------------- */

static int write_table(const ctx *x, FILE *f)
{
    const styr_review *r = x->r;
    char a[32], b[64], c[32], s[32], e[64], m[32];
    fprintf(f, "%s\n%s\n%s\n%s\n\n", x->title, x->notice, x->sample, x->small);
    styr_table *t = styr_table_new(7, "lrrrrrr");
    const char *h[7] = {styr_tr("Læringspunkt", "Learning point"),  styr_tr("Sager", "Cases"),
                        styr_tr("Andel pct.", "Share pct."),        styr_tr("95 pct. KI", "95 pct. CI"),
                        styr_tr("Lagdelt pct.", "Stratified pct."), styr_tr("SE", "SE"),
                        styr_tr("95 pct. KI", "95 pct. CI")};
    styr_table_row(t, h);
    for (size_t j = 0; j < r->lps.n; j++) {
        const styr_review_est *q = &x->est[j];
        snprintf(m, sizeof m, "%zu/%zu", q->all.k, q->all.m);
        const char *row[7] = {
            styr_lp_name(&r->lps.v[j]),         m,
            pct(a, sizeof a, q->all.p),         interval(b, sizeof b, q->all.lo, q->all.hi),
            pct(c, sizeof c, q->p_st),          q->p_st < 0 ? "-" : styr_fmt_num(s, sizeof s, 100 * q->se, 1),
            interval(e, sizeof e, q->lo, q->hi)};
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    /* by stratum: cases with the point of those reviewed */
    fprintf(f, "\n%s\n",
            styr_tr("Pr. lag: sager med læringspunktet / gennemgåede (forløb i gang, trukket)",
                    "By stratum: cases with the learning point / reviewed (spells in progress, drawn)"));
    size_t nc = 3 + r->lps.n;
    char *align = styr_xmalloc(nc + 1);
    memset(align, 'r', nc);
    align[0] = 'l', align[nc] = 0;
    t = styr_table_new((int)nc, align);
    const char **row = styr_xcalloc(nc, sizeof *row);
    char(*cell)[32] = styr_xcalloc(nc, sizeof *cell);
    row[0] = styr_tr("Lag", "Stratum"), row[1] = styr_tr("Forløb", "Spells"), row[2] = styr_tr("Trukket", "Drawn");
    for (size_t j = 0; j < r->lps.n; j++)
        row[3 + j] = r->lps.v[j].kode;
    styr_table_row(t, row);
    char st[96];
    for (int hh = 0; hh < STYR_NSTRATA_SAMPLE; hh++) {
        if (!r->population[hh]) continue;
        styr_stratum_text(st, sizeof st, hh);
        row[0] = st;
        row[1] = styr_fmt_int(cell[1], 32, (long long)r->population[hh]);
        row[2] = styr_fmt_int(cell[2], 32, (long long)r->drawn[hh]);
        for (size_t j = 0; j < r->lps.n; j++) {
            const styr_review_share *q = &x->est[j].by[hh];
            if (q->m)
                snprintf(cell[3 + j], 32, "%zu/%zu", q->k, q->m);
            else
                snprintf(cell[3 + j], 32, "-");
            row[3 + j] = cell[3 + j];
        }
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    free(align), free(row), free(cell);
    fprintf(f, "\n%s\n", x->method);
    for (size_t j = 0; j < r->lps.n; j++)
        if (x->est[j].p_st >= 0 && x->est[j].coverage < 1) {
            fprintf(f,
                    styr_tr("Dækning: de lag, der har gennemgåede sager, rummer %s pct. af de igangværende forløb.\n",
                            "Coverage: the strata with reviewed cases hold %s pct. of the current spells.\n"),
                    pct(a, sizeof a, x->est[j].coverage));
            break;
        }
    return !ferror(f);
}

/* ---- CSV ------------------------------------------------------------------------------- */

static void csv_pct(FILE *f, double v)
{
    fputc(';', f);
    if (v >= 0 && !isnan(v)) styr_csv_number(f, 100 * v, 1);
}

static int write_csv(const ctx *x, FILE *f)
{
    const styr_review *r = x->r;
    fputs("laeringspunkt;navn;lag;lagnavn;forloeb;trukket;gennemgaaet;med;andel;ki_lav;ki_hoej;"
          "lagdelt_andel;lagdelt_se;lagdelt_ki_lav;lagdelt_ki_hoej\r\n",
          f);
    char st[96];
    for (size_t j = 0; j < r->lps.n; j++) {
        const styr_review_est *q = &x->est[j];
        styr_csv_text(f, r->lps.v[j].kode);
        fputc(';', f);
        styr_csv_text(f, styr_lp_name(&r->lps.v[j]));
        fprintf(f, ";i_alt;%s;%zu;%zu;%zu;%zu", styr_tr("I alt", "Total"), x->population, r->n, q->all.m, q->all.k);
        csv_pct(f, q->all.p), csv_pct(f, q->all.lo), csv_pct(f, q->all.hi);
        csv_pct(f, q->p_st), csv_pct(f, q->p_st < 0 ? -1 : q->se), csv_pct(f, q->lo), csv_pct(f, q->hi);
        fputs("\r\n", f);
        for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
            if (!r->population[h]) continue;
            const styr_review_share *b = &q->by[h];
            styr_csv_text(f, r->lps.v[j].kode);
            fputc(';', f);
            styr_csv_text(f, styr_lp_name(&r->lps.v[j]));
            styr_stratum_text(st, sizeof st, h);
            fprintf(f, ";%d;", h + 1);
            styr_csv_text(f, st);
            fprintf(f, ";%zu;%zu;%zu;%zu", r->population[h], r->drawn[h], b->m, b->k);
            csv_pct(f, b->p), csv_pct(f, b->lo), csv_pct(f, b->hi);
            fputs(";;;;\r\n", f);
        }
    }
    return !ferror(f);
}

/* ---- JSON ------------------------------------------------------------------------------ */

static json_t *jpct(double v)
{
    return v < 0 || isnan(v) ? json_null() : json_real(round(1000 * v) / 10);
}

static int write_json(const ctx *x, FILE *f)
{
    const styr_review *r = x->r;
    char wk[12], hex[17], st[96];
    styr_week_format(r->meta.ref, wk);
    styr_hex64(r->meta.panel, hex);
    json_t *o = json_object(), *lps = json_array();
    json_object_set_new(o, "intern", json_true());
    json_object_set_new(o, "note", json_string(x->notice));
    json_object_set_new(o, "kommune", json_integer(r->meta.kommune));
    json_object_set_new(o, "ydelse", json_string(r->meta.grp > 0 ? x->codes->dict.yd[r->meta.grp] : ""));
    json_object_set_new(o, "referenceuge", json_string(wk));
    json_object_set_new(o, "froe", json_integer((json_int_t)r->meta.seed));
    json_object_set_new(o, "panel", json_string(hex));
    json_object_set_new(o, "forloeb", json_integer((json_int_t)x->population));
    json_object_set_new(o, "trukket", json_integer((json_int_t)r->n));
    json_object_set_new(o, "gennemgaaet", json_integer((json_int_t)x->reviewed));
    json_object_set_new(o, "metode", json_string(x->method));
    for (size_t j = 0; j < r->lps.n; j++) {
        const styr_review_est *q = &x->est[j];
        json_t *l = json_object(), *by = json_array(), *s = json_object();
        json_object_set_new(l, "laeringspunkt", json_string(r->lps.v[j].kode));
        json_object_set_new(l, "navn", json_string(styr_lp_name(&r->lps.v[j])));
        json_object_set_new(l, "gennemgaaet", json_integer((json_int_t)q->all.m));
        json_object_set_new(l, "med", json_integer((json_int_t)q->all.k));
        json_object_set_new(l, "andel", jpct(q->all.p));
        json_object_set_new(l, "ki_lav", jpct(q->all.lo));
        json_object_set_new(l, "ki_hoej", jpct(q->all.hi));
        json_object_set_new(s, "andel", jpct(q->p_st));
        json_object_set_new(s, "se", jpct(q->p_st < 0 ? -1 : q->se));
        json_object_set_new(s, "ki_lav", jpct(q->lo));
        json_object_set_new(s, "ki_hoej", jpct(q->hi));
        json_object_set_new(s, "effektiv_n", q->p_st < 0 ? json_null() : json_real(round(10 * q->n_eff) / 10));
        json_object_set_new(s, "daekning", jpct(q->p_st < 0 ? -1 : q->coverage));
        json_object_set_new(l, "lagdelt", s);
        for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
            if (!r->population[h]) continue;
            const styr_review_share *b = &q->by[h];
            json_t *y = json_object();
            styr_stratum_text(st, sizeof st, h);
            json_object_set_new(y, "lag", json_integer(h + 1));
            json_object_set_new(y, "navn", json_string(st));
            json_object_set_new(y, "forloeb", json_integer((json_int_t)r->population[h]));
            json_object_set_new(y, "trukket", json_integer((json_int_t)r->drawn[h]));
            json_object_set_new(y, "gennemgaaet", json_integer((json_int_t)b->m));
            json_object_set_new(y, "med", json_integer((json_int_t)b->k));
            json_object_set_new(y, "andel", jpct(b->p));
            json_object_set_new(y, "ki_lav", jpct(b->lo));
            json_object_set_new(y, "ki_hoej", jpct(b->hi));
            json_array_append_new(by, y);
        }
        json_object_set_new(l, "lag", by);
        json_array_append_new(lps, l);
    }
    json_object_set_new(o, "laeringspunkter", lps);
    return styr_json_write(f, o) == 0;
}

/* ---- HTML ------------------------------------------------------------------------------ */

static void esc(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '<':
            fputs("&lt;", f);
            break;
        case '>':
            fputs("&gt;", f);
            break;
        case '&':
            fputs("&amp;", f);
            break;
        case '"':
            fputs("&quot;", f);
            break;
        default:
            fputc(*s, f);
        }
    }
}

static int write_html(const ctx *x, FILE *f)
{
    const styr_review *r = x->r;
    char a[32], b[64], c[32], s[32], e[64], st[96];
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\"><title>", styr_tr("da", "en"));
    esc(f, x->title);
    fputs("</title><style>"
          "@page{size:A4 landscape;margin:12mm}"
          "body{font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;margin:0 auto;max-width:270mm;font-size:11pt}"
          "h1{font-size:17pt;margin:0 0 4pt}h2{font-size:13pt;margin:14pt 0 4pt}"
          ".intern{border:2px solid #b00020;color:#b00020;padding:4pt 8pt;font-weight:bold;margin:6pt 0}"
          "table{border-collapse:collapse;width:100%;margin:4pt 0}th,td{padding:3pt 6pt;border-bottom:1px solid #ccc;"
          "text-align:right;vertical-align:middle}td{white-space:nowrap}th:first-child,td:first-child{text-align:left}"
          "td:first-child{white-space:normal}.strata{font-size:9.5pt;table-layout:fixed}.strata "
          "td:first-child{white-space:nowrap}"
          ".strata th{font-size:8.5pt;overflow-wrap:anywhere;hyphens:auto}.strata th:first-child{width:48mm}"
          "th{background:#e8eef4}.bar{position:relative;height:12pt;width:60mm;background:#f3f3f3}"
          ".bar .p{position:absolute;top:2pt;height:8pt;background:#2f5d8a}"
          ".bar .ci{position:absolute;top:5pt;height:2pt;background:#b00020}"
          ".small{font-size:9pt;color:#444}.page{page-break-after:always}"
          "@media print{.page{page-break-after:always}}"
          "</style></head><body>\n<div class=\"page\">\n<h1>",
          f);
    esc(f, x->title);
    fputs("</h1>\n<div class=\"intern\">", f);
    esc(f, x->notice);
    fputs("</div>\n<p>", f);
    esc(f, x->sample);
    fputs("</p>\n<p><strong>", f);
    esc(f, x->small);
    fprintf(f,
            "</strong></p>\n<table><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th></th><th>%s</th><th>%s</th>"
            "<th>%s</th></tr>\n",
            styr_tr("Læringspunkt", "Learning point"), styr_tr("Sager med / gennemgået", "Cases with / reviewed"),
            styr_tr("Andel, pct.", "Share, pct."), styr_tr("95 pct. KI", "95 pct. CI"),
            styr_tr("Lagdelt skøn, pct.", "Stratified estimate, pct."), styr_tr("Standardfejl", "Standard error"),
            styr_tr("95 pct. KI", "95 pct. CI"));
    for (size_t j = 0; j < r->lps.n; j++) {
        const styr_review_est *q = &x->est[j];
        fputs("<tr><td>", f);
        esc(f, styr_lp_name(&r->lps.v[j]));
        fprintf(f, "</td><td>%zu / %zu</td><td>%s</td><td>%s</td><td>", q->all.k, q->all.m, pct(a, sizeof a, q->all.p),
                interval(b, sizeof b, q->all.lo, q->all.hi));
        if (q->all.m)
            fprintf(f,
                    "<div class=\"bar\"><div class=\"p\" style=\"left:0;width:%.1f%%\"></div>"
                    "<div class=\"ci\" style=\"left:%.1f%%;width:%.1f%%\"></div></div>",
                    100 * q->all.p, 100 * q->all.lo, 100 * (q->all.hi - q->all.lo));
        fprintf(f, "</td><td>%s</td><td>%s</td><td>%s</td></tr>\n", pct(c, sizeof c, q->p_st),
                q->p_st < 0 ? "-" : styr_fmt_num(s, sizeof s, 100 * q->se, 1), interval(e, sizeof e, q->lo, q->hi));
    }
    fputs("</table>\n<p class=\"small\">", f);
    esc(f, styr_tr("Søjlen er andelen, den røde streg dens 95 pct. konfidensinterval. ",
                   "The bar is the share, the red line its 95 pct. confidence interval. "));
    esc(f, x->method);
    fputs("</p>\n</div>\n<div>\n<h2>", f);
    esc(f, styr_tr("Pr. lag: sager med læringspunktet af de gennemgåede",
                   "By stratum: cases with the learning point of those reviewed"));
    fprintf(f, "</h2>\n<table class=\"strata\"><tr><th>%s</th><th>%s</th><th>%s</th>", styr_tr("Lag", "Stratum"),
            styr_tr("Forløb i gang", "Spells in progress"), styr_tr("Trukket", "Drawn"));
    for (size_t j = 0; j < r->lps.n; j++) {
        fputs("<th>", f);
        esc(f, styr_lp_name(&r->lps.v[j]));
        fputs("</th>", f);
    }
    fputs("</tr>\n", f);
    for (int h = 0; h < STYR_NSTRATA_SAMPLE; h++) {
        if (!r->population[h]) continue;
        styr_stratum_text(st, sizeof st, h);
        fputs("<tr><td>", f);
        esc(f, st);
        fprintf(f, "</td><td>%s</td><td>%zu</td>", styr_fmt_int(a, sizeof a, (long long)r->population[h]), r->drawn[h]);
        for (size_t j = 0; j < r->lps.n; j++) {
            const styr_review_share *q = &x->est[j].by[h];
            if (q->m)
                fprintf(f, "<td>%zu / %zu</td>", q->k, q->m);
            else
                fputs("<td>-</td>", f);
        }
        fputs("</tr>\n", f);
    }
    fputs("</table>\n<p class=\"small\">", f);
    esc(f,
        styr_tr("- = ingen gennemgåede sager i laget. Med én til fire sager pr. lag siger et lag for sig næsten intet; "
                "læs lagene som eksempler, ikke som skøn.",
                "- = no reviewed cases in the stratum. With one to four cases per stratum a stratum alone says almost "
                "nothing; read the strata as examples, not as estimates."));
    fputs("</p>\n</div>\n</body></html>\n", f);
    return !ferror(f);
}

/* ---- XLSX ------------------------------------------------------------------------------ */

static void xnum(lxw_worksheet *ws, lxw_row_t r, lxw_col_t c, double v, lxw_format *fm)
{
    if (v < 0 || isnan(v))
        worksheet_write_string(ws, r, c, "-", NULL);
    else
        worksheet_write_number(ws, r, c, round(1000 * v) / 10, fm);
}

static styr_rc write_xlsx(const ctx *x, const char *path, styr_diags *d)
{
    const styr_review *r = x->r;
    char tmp[4096], st[96];
    snprintf(tmp, sizeof tmp, "%s.tmp-xlsx", path);
    lxw_workbook *wb = workbook_new(tmp);
    if (!wb) return styr_diag_sys(d, STYR_EIO, "%s: cannot create", path);
    lxw_format *bold = workbook_add_format(wb), *red = workbook_add_format(wb), *one = workbook_add_format(wb);
    format_set_bold(bold);
    format_set_bold(red);
    format_set_font_color(red, 0xB00020);
    format_set_num_format(one, "0.0");
    lxw_worksheet *ws = workbook_add_worksheet(wb, styr_tr("Resultat", "Result"));
    worksheet_write_string(ws, 0, 0, x->title, bold);
    worksheet_write_string(ws, 1, 0, x->notice, red);
    worksheet_write_string(ws, 2, 0, x->sample, NULL);
    worksheet_write_string(ws, 3, 0, x->small, NULL);
    const char *h[] = {styr_tr("Læringspunkt", "Learning point"),
                       styr_tr("Gennemgået", "Reviewed"),
                       styr_tr("Med læringspunktet", "With the learning point"),
                       styr_tr("Andel, pct.", "Share, pct."),
                       styr_tr("KI lav", "CI low"),
                       styr_tr("KI høj", "CI high"),
                       styr_tr("Lagdelt skøn, pct.", "Stratified, pct."),
                       styr_tr("Standardfejl", "Standard error"),
                       styr_tr("Lagdelt KI lav", "Stratified CI low"),
                       styr_tr("Lagdelt KI høj", "Stratified CI high")};
    for (int i = 0; i < 10; i++)
        worksheet_write_string(ws, 5, (lxw_col_t)i, h[i], bold);
    for (size_t j = 0; j < r->lps.n; j++) {
        const styr_review_est *q = &x->est[j];
        lxw_row_t row = (lxw_row_t)(6 + j);
        worksheet_write_string(ws, row, 0, styr_lp_name(&r->lps.v[j]), NULL);
        worksheet_write_number(ws, row, 1, (double)q->all.m, NULL);
        worksheet_write_number(ws, row, 2, (double)q->all.k, NULL);
        xnum(ws, row, 3, q->all.p, one), xnum(ws, row, 4, q->all.lo, one), xnum(ws, row, 5, q->all.hi, one);
        xnum(ws, row, 6, q->p_st, one), xnum(ws, row, 7, q->p_st < 0 ? -1 : q->se, one);
        xnum(ws, row, 8, q->lo, one), xnum(ws, row, 9, q->hi, one);
    }
    worksheet_write_string(ws, (lxw_row_t)(7 + r->lps.n), 0, x->method, NULL);
    worksheet_set_column(ws, 0, 0, 38, NULL);
    worksheet_set_column(ws, 1, 9, 14, NULL);
    lxw_worksheet *w2 = workbook_add_worksheet(wb, styr_tr("Pr. lag", "By stratum"));
    worksheet_write_string(w2, 0, 0, x->notice, red);
    const char *h2[] = {styr_tr("Læringspunkt", "Learning point"),
                        styr_tr("Lag", "Stratum"),
                        styr_tr("Forløb i gang", "Spells in progress"),
                        styr_tr("Trukket", "Drawn"),
                        styr_tr("Gennemgået", "Reviewed"),
                        styr_tr("Med læringspunktet", "With the learning point"),
                        styr_tr("Andel, pct.", "Share, pct."),
                        styr_tr("KI lav", "CI low"),
                        styr_tr("KI høj", "CI high")};
    for (int i = 0; i < 9; i++)
        worksheet_write_string(w2, 2, (lxw_col_t)i, h2[i], bold);
    lxw_row_t row = 3;
    for (size_t j = 0; j < r->lps.n; j++)
        for (int hh = 0; hh < STYR_NSTRATA_SAMPLE; hh++) {
            if (!r->population[hh]) continue;
            const styr_review_share *q = &x->est[j].by[hh];
            styr_stratum_text(st, sizeof st, hh);
            worksheet_write_string(w2, row, 0, styr_lp_name(&r->lps.v[j]), NULL);
            worksheet_write_string(w2, row, 1, st, NULL);
            worksheet_write_number(w2, row, 2, (double)r->population[hh], NULL);
            worksheet_write_number(w2, row, 3, (double)r->drawn[hh], NULL);
            worksheet_write_number(w2, row, 4, (double)q->m, NULL);
            worksheet_write_number(w2, row, 5, (double)q->k, NULL);
            xnum(w2, row, 6, q->p, one), xnum(w2, row, 7, q->lo, one), xnum(w2, row, 8, q->hi, one);
            row++;
        }
    worksheet_set_column(w2, 0, 1, 34, NULL);
    worksheet_set_column(w2, 2, 8, 13, NULL);
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR || rename(tmp, path) != 0) {
        remove(tmp);
        return styr_diag_sys(d, STYR_EIO, "%s: %s", path, lxw_strerror(e));
    }
    return STYR_OK;
}

styr_rc styr_review_write(const styr_review *r, const styr_codes *codes, styr_format fmt, int html, const char *path,
                          styr_diags *d)
{
    ctx x;
    prepare(&x, r, codes);
    styr_rc rc;
    if (fmt == STYR_FMT_XLSX) {
        rc = write_xlsx(&x, path, d);
    } else {
        styr_dest dst;
        if (!(rc = styr_dest_open(&dst, path, d))) {
            int ok = html                   ? write_html(&x, dst.f)
                     : fmt == STYR_FMT_CSV  ? write_csv(&x, dst.f)
                     : fmt == STYR_FMT_JSON ? write_json(&x, dst.f)
                                            : write_table(&x, dst.f);
            rc = styr_dest_close(&dst, ok, d);
        }
    }
    free(x.est);
    return rc;
}
