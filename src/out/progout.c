/* progout: writing styr progression's tables. */
#include "progout.h"

#include <jansson.h>
#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "../core/week.h"
#include "outfile.h"
#include "table.h"

const char *styr_progout_tilbud(const styr_codes *codes, int t)
{
    if (t < 0) return styr_tr("i alt", "all");
    if (t == 0) return styr_tr("intet tilbud", "no offer");
    return styr_offer_name(codes, t);
}

static const char *tilbud_key(const styr_codes *codes, int t)
{
    if (t < 0) return "i_alt";
    if (t == 0) return "intet";
    return codes->dict.tb[t];
}

char *styr_progout_val(char *buf, size_t cap, styr_prog_value v, int decimals, int suppressed)
{
    if (suppressed) snprintf(buf, cap, "..");
    else if (v.state == STYR_PV_NA) snprintf(buf, cap, ".");
    else if (v.state != STYR_PV_OK || !isfinite(v.v)) snprintf(buf, cap, "-");
    else styr_fmt_num(buf, cap, v.v, decimals);
    return buf;
}

static char *interval(char *buf, size_t cap, styr_prog_value lo, styr_prog_value hi, int decimals, int suppressed)
{
    char a[32], b[32];
    if (suppressed || lo.state != STYR_PV_OK || hi.state != STYR_PV_OK)
        return styr_progout_val(buf, cap, lo, decimals, suppressed);
    snprintf(buf, cap, "%s %s %s", styr_fmt_num(a, sizeof a, lo.v, decimals), styr_tr("til", "to"),
             styr_fmt_num(b, sizeof b, hi.v, decimals));
    return buf;
}

/* a count of persons or assessments as published: 1-4 is discretion */
static char *count_text(char *buf, size_t cap, long long v)
{
    if (v > 0 && v < STYR_PROG_MIN_PERSONS) snprintf(buf, cap, "..");
    else styr_fmt_int(buf, cap, v);
    return buf;
}

static json_t *jcount(long long v)
{
    return v > 0 && v < STYR_PROG_MIN_PERSONS ? json_null() : json_integer((json_int_t)v);
}

static styr_prog_value pv(double v) { return (styr_prog_value){v, isfinite(v) ? STYR_PV_OK : STYR_PV_NODATA}; }

/* odds ratio and its interval of regressor j */
static void odds(const styr_prog_model *m, int j, double *or_, double *lo, double *hi)
{
    double b = m->fit.b[j], se = m->fit.se[j];
    *or_ = exp(b);
    *lo = exp(b - 1.959963984540054 * se);
    *hi = exp(b + 1.959963984540054 * se);
}

static const char *model_name(const styr_prog_model *m, const styr_prog *p)
{
    return m->indikator < 0 ? styr_tr("alle sammen", "all together") : p->name[m->indikator];
}

static void write_table(FILE *f, const styr_prog_result *r, const styr_progout *o)
{
    char a[32], b[32], w[16];
    styr_week_format(r->panel_last, w);
    fprintf(f, styr_tr("Progression, %s: %s personer, %s vurderinger; panelets sidste uge %s\n\n",
                       "Progression, %s: %s persons, %s assessments; the panel's last week %s\n\n"),
            o->kommunenavn ? o->kommunenavn : styr_tr("alle personer", "all persons"),
            count_text(a, sizeof a, r->persons), count_text(b, sizeof b, r->persons < STYR_PROG_MIN_PERSONS ? r->persons : r->assessments), w);
    if (o->maalgruppe) fprintf(f, "%s: %s\n\n", styr_tr("Målgruppe (i vurderingens uge)", "Target group (in the assessment's week)"), o->maalgruppe);
    if (!r->persons) {
        fprintf(f, "%s\n", styr_tr("Ingen vurderinger af personer, der tæller med her (-).",
                                   "No assessments of persons who count here (-)."));
        return;
    }
    fprintf(f, "%s\n", styr_tr("Ændring mellem to på hinanden følgende vurderinger af samme person",
                               "Change between two consecutive assessments of the same person"));
    styr_table *t = styr_table_new(10, "lllrrrlrlr");
    const char *h[10] = {"Instrument", styr_tr("Indikator", "Indicator"), styr_tr("Tilbud imellem", "Offer between"),
                         styr_tr("Personer", "Persons"), styr_tr("Ændringer", "Changes"),
                         styr_tr("Ændring (point)", "Change (points)"), styr_tr("95 pct. KI", "95 pct. CI"),
                         styr_tr("Ændring (0-100)", "Change (0-100)"), styr_tr("95 pct. KI", "95 pct. CI"),
                         styr_tr("Forbedret", "Improved")};
    styr_table_row(t, h);
    for (size_t i = 0; i < r->nrows; i++) {
        const styr_prog_row *x = &r->rows[i];
        char np[32], nc[32], m[32], ci[64], mn[32], cin[64], imp[32];
        int s = x->suppressed;
        if (s) snprintf(np, sizeof np, ".."), snprintf(nc, sizeof nc, "..");
        else styr_fmt_int(np, sizeof np, x->persons), styr_fmt_int(nc, sizeof nc, x->changes);
        styr_progout_val(m, sizeof m, x->mean, 2, s);
        interval(ci, sizeof ci, x->lo, x->hi, 2, s);
        styr_progout_val(mn, sizeof mn, x->mean_n, 1, s);
        interval(cin, sizeof cin, x->lo_n, x->hi_n, 1, s);
        if (s) snprintf(imp, sizeof imp, "..");
        else styr_fmt_pct(imp, sizeof imp, 100 * x->improved.v, 1);
        int first = i == 0 || r->rows[i - 1].instrument != x->instrument || r->rows[i - 1].indikator != x->indikator;
        const char *row[10] = {first ? o->prog->name[x->instrument] : "", first ? o->prog->name[x->indikator] : "",
                               styr_progout_tilbud(o->codes, x->tilbud), np, nc, m, ci, mn, cin, imp};
        styr_table_row(t, row);
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "%s\n\n",
            styr_tr("Intervallet bygger på t-fordelingen og er klyngerobust pr. person (en person kan bidrage med flere "
                    "ændringer). Tilbud imellem: det tilbud, personen havde flest uger i mellem de to vurderinger.\n"
                    "\"..\" diskretion (1-4 personer, og den mindste anden række, når kun én række er skjult); "
                    "\".\" ikke relevant (indikatorens skalaer er forskellige: se 0-100).",
                    "The interval rests on the t distribution and is clustered by person (a person can contribute "
                    "several changes). Offer between: the offer the person had most weeks of between the two "
                    "assessments.\n\"..\" discretion (1-4 persons, and the smallest other row when only one row is "
                    "hidden); \".\" not applicable (the indicator's scales differ: see 0-100)."));
    fprintf(f, "%s\n", styr_tr("Hvilke indikatorer forudsiger job eller uddannelse 6 og 12 måneder efter vurderingen "
                               "(logistisk regression)",
                               "Which indicators predict job or education 6 and 12 months after the assessment "
                               "(logistic regression)"));
    t = styr_table_new(12, "lllrrrrlrrrr");
    const char *h2[12] = {"Instrument", styr_tr("Indikator", "Indicator"), styr_tr("Horisont", "Horizon"), "n",
                          styr_tr("Personer", "Persons"), styr_tr("I job/udd.", "In job/educ."),
                          styr_tr("Odds-ratio pr. point", "Odds ratio per point"), styr_tr("95 pct. KI", "95 pct. CI"),
                          "Log-likelihood", "McFadden R²", "AIC", styr_tr("Ikke målbare endnu", "Not yet measurable")};
    styr_table_row(t, h2);
    for (size_t i = 0; i < r->nmodels; i++) {
        const styr_prog_model *m = &r->models[i];
        if (!m->persons && !m->pending) continue;
        char hz[32], n[32], np[32], ev[32], orr[32], ci[64], ll[32], r2[32], aic[32], pend[32];
        snprintf(hz, sizeof hz, styr_tr("%d mdr.", "%d months"), m->horizon == 26 ? 6 : 12);
        count_text(pend, sizeof pend, m->pending);
        int s = !m->shown && m->persons, fit = m->fitted;
        if (!m->persons) {
            snprintf(n, sizeof n, "0");
            snprintf(np, sizeof np, "0");
            snprintf(ev, sizeof ev, "-");
        } else if (s) {
            snprintf(n, sizeof n, "..");
            snprintf(np, sizeof np, "..");
            snprintf(ev, sizeof ev, "..");
        } else {
            styr_fmt_int(n, sizeof n, m->fit.n);
            styr_fmt_int(np, sizeof np, m->persons);
            styr_fmt_int(ev, sizeof ev, m->fit.events);
        }
        styr_progout_val(ll, sizeof ll, fit ? pv(m->fit.ll) : pv(NAN), 1, s);
        styr_progout_val(r2, sizeof r2, fit ? pv(m->fit.r2) : pv(NAN), 3, s);
        styr_progout_val(aic, sizeof aic, fit ? pv(m->fit.aic) : pv(NAN), 1, s);
        for (int j = 1; j <= m->nx; j++) {
            double oo = NAN, lo = NAN, hi = NAN;
            if (fit) odds(m, j, &oo, &lo, &hi);
            styr_progout_val(orr, sizeof orr, pv(oo), 2, s);
            interval(ci, sizeof ci, pv(lo), pv(hi), 2, s);
            const char *ind = m->indikator < 0 ? o->prog->name[m->x_name[j - 1]] : o->prog->name[m->indikator];
            char lab[STYR_PROG_NAMELEN + 40];
            if (m->indikator < 0) snprintf(lab, sizeof lab, "%s: %s", model_name(m, o->prog), ind);
            else snprintf(lab, sizeof lab, "%s", ind);
            const char *row[12] = {j == 1 ? o->prog->name[m->instrument] : "", lab, j == 1 ? hz : "",
                                   j == 1 ? n : "", j == 1 ? np : "", j == 1 ? ev : "", orr, ci,
                                   j == 1 ? ll : "", j == 1 ? r2 : "", j == 1 ? aic : "", j == 1 ? pend : ""};
            styr_table_row(t, row);
        }
    }
    styr_table_print(t, f);
    styr_table_free(t);
    fprintf(f, "%s\n",
            styr_tr("I job eller uddannelse = status i ugen 26 (52) uger efter vurderingens uge. Odds-ratio pr. "
                    "skalapoint (pr. point på 0-100, når indikatorens skalaer er forskellige); standardfejl fra den "
                    "inverse informationsmatrix, klyngerobuste pr. person, når personer har flere vurderinger. "
                    "\"-\": ingen estimation (ingen variation eller fuldstændig adskillelse). \"..\": færre end 5 "
                    "personer med eller uden job/uddannelse.",
                    "In job or education = status in the week 26 (52) weeks after the assessment's week. Odds ratio "
                    "per scale point (per point on 0-100 when the indicator's scales differ); standard errors from "
                    "the inverse information matrix, clustered by person when persons have several assessments. "
                    "\"-\": no estimate (no variation or complete separation). \"..\": fewer than 5 persons with or "
                    "without job/education."));
    if (o->gone) {
        char g[32];
        fprintf(f, styr_tr("%s gemte vurderinger gælder personer, der ikke længere er i panelet, og indgår ikke.\n",
                           "%s stored assessments are of persons no longer in the panel and are left out.\n"),
                styr_fmt_int(g, sizeof g, (long long)o->gone));
    }
}

static json_t *jnum(styr_prog_value v, int suppressed)
{
    if (suppressed || v.state != STYR_PV_OK || !isfinite(v.v)) return json_null();
    return json_real(round(v.v * 1e6) / 1e6);
}

static json_t *jreal(double v, int ok) { return ok && isfinite(v) ? json_real(round(v * 1e6) / 1e6) : json_null(); }

static int write_json(FILE *f, const styr_prog_result *r, const styr_progout *o)
{
    json_t *root = json_object(), *rows = json_array(), *models = json_array();
    char w[16];
    styr_week_format(r->panel_last, w);
    json_object_set_new(root, "kommune", o->kommune ? json_integer(o->kommune) : json_null());
    json_object_set_new(root, "kommunenavn", o->kommunenavn ? json_string(o->kommunenavn) : json_null());
    if (o->maalgruppe) json_object_set_new(root, "maalgruppe", json_string(o->maalgruppe));
    json_object_set_new(root, "personer", jcount(r->persons));
    json_object_set_new(root, "vurderinger", r->persons > 0 && r->persons < STYR_PROG_MIN_PERSONS ? json_null()
                                                                                       : json_integer(r->assessments));
    json_object_set_new(root, "panel_sidste_uge", json_string(w));
    for (size_t i = 0; i < r->nrows; i++) {
        const styr_prog_row *x = &r->rows[i];
        int s = x->suppressed;
        json_t *j = json_object();
        json_object_set_new(j, "instrument", json_string(o->prog->name[x->instrument]));
        json_object_set_new(j, "indikator", json_string(o->prog->name[x->indikator]));
        json_object_set_new(j, "tilbud", json_string(tilbud_key(o->codes, x->tilbud)));
        json_object_set_new(j, "personer", s ? json_null() : json_integer(x->persons));
        json_object_set_new(j, "aendringer", s ? json_null() : json_integer(x->changes));
        json_object_set_new(j, "gennemsnitlig_aendring", jnum(x->mean, s));
        json_object_set_new(j, "ki_lav", jnum(x->lo, s));
        json_object_set_new(j, "ki_hoej", jnum(x->hi, s));
        json_object_set_new(j, "gennemsnitlig_aendring_0_100", jnum(x->mean_n, s));
        json_object_set_new(j, "ki_lav_0_100", jnum(x->lo_n, s));
        json_object_set_new(j, "ki_hoej_0_100", jnum(x->hi_n, s));
        styr_prog_value pct = x->improved;
        pct.v *= 100;
        json_object_set_new(j, "andel_forbedret", jnum(pct, s));
        json_object_set_new(j, "diskretion", json_boolean(s));
        if (!s && x->mean.state == STYR_PV_NA) {
            json_t *na = json_array();
            json_array_append_new(na, json_string("gennemsnitlig_aendring"));
            json_array_append_new(na, json_string("ki_lav"));
            json_array_append_new(na, json_string("ki_hoej"));
            json_object_set_new(j, "ikke_relevant", na);
        }
        json_array_append_new(rows, j);
    }
    for (size_t i = 0; i < r->nmodels; i++) {
        const styr_prog_model *m = &r->models[i];
        if (!m->persons && !m->pending) continue;
        int s = !m->shown && m->persons, fit = m->fitted && !s;
        json_t *j = json_object(), *xs = json_array();
        json_object_set_new(j, "instrument", json_string(o->prog->name[m->instrument]));
        json_object_set_new(j, "indikator", m->indikator < 0 ? json_null() : json_string(o->prog->name[m->indikator]));
        json_object_set_new(j, "horisont_maaneder", json_integer(m->horizon == 26 ? 6 : 12));
        json_object_set_new(j, "horisont_uger", json_integer(m->horizon));
        json_object_set_new(j, "n", s ? json_null() : json_integer(m->fit.n));
        json_object_set_new(j, "personer", s ? json_null() : json_integer(m->persons));
        json_object_set_new(j, "i_job_eller_uddannelse", s || !m->persons ? json_null() : json_integer(m->fit.events));
        json_object_set_new(j, "ikke_maalbare_endnu", jcount(m->pending));
        json_object_set_new(j, "skala", json_string(m->normalised ? "0-100" : "skalapoint"));
        json_object_set_new(j, "klyngerobust", json_boolean(m->fit.clusters > 0));
        json_object_set_new(j, "estimeret", json_boolean(m->fitted));
        json_object_set_new(j, "konstant", jreal(m->fit.b[0], fit));
        for (int k = 1; k <= m->nx; k++) {
            json_t *x = json_object();
            double oo = NAN, lo = NAN, hi = NAN;
            if (fit) odds(m, k, &oo, &lo, &hi);
            json_object_set_new(x, "indikator", json_string(o->prog->name[m->x_name[k - 1]]));
            json_object_set_new(x, "koefficient", jreal(m->fit.b[k], fit));
            json_object_set_new(x, "standardfejl", jreal(m->fit.se[k], fit));
            json_object_set_new(x, "odds_ratio", jreal(oo, fit));
            json_object_set_new(x, "ki_lav", jreal(lo, fit));
            json_object_set_new(x, "ki_hoej", jreal(hi, fit));
            json_array_append_new(xs, x);
        }
        json_object_set_new(j, "regressorer", xs);
        json_object_set_new(j, "log_likelihood", jreal(m->fit.ll, fit));
        json_object_set_new(j, "log_likelihood_nulmodel", jreal(m->fit.ll0, fit));
        json_object_set_new(j, "mcfadden_r2", jreal(m->fit.r2, fit));
        json_object_set_new(j, "aic", jreal(m->fit.aic, fit));
        json_object_set_new(j, "diskretion", json_boolean(s));
        json_array_append_new(models, j);
    }
    json_object_set_new(root, "progression", rows);
    json_object_set_new(root, "forudsigelse", models);
    if (o->gone) json_object_set_new(root, "vurderinger_uden_person_i_panelet", json_integer((json_int_t)o->gone));
    return styr_json_write(f, root);
}

static void csv_val(FILE *f, styr_prog_value v, int decimals, int suppressed)
{
    if (suppressed) fputs("..", f);
    else if (v.state == STYR_PV_NA) fputs(".", f);
    else if (v.state != STYR_PV_OK || !isfinite(v.v)) fputs("-", f);
    else styr_csv_number(f, v.v, decimals);
}

static void write_csv(FILE *f, const styr_prog_result *r, const styr_progout *o)
{
    fputs("\xEF\xBB\xBFinstrument;indikator;tilbud;personer;aendringer;gennemsnitlig_aendring;ki_lav;ki_hoej;"
          "gennemsnitlig_aendring_0_100;ki_lav_0_100;ki_hoej_0_100;andel_forbedret\r\n",
          f);
    for (size_t i = 0; i < r->nrows; i++) {
        const styr_prog_row *x = &r->rows[i];
        int s = x->suppressed;
        styr_csv_text(f, o->prog->name[x->instrument]);
        fputc(';', f);
        styr_csv_text(f, o->prog->name[x->indikator]);
        fprintf(f, ";%s;", tilbud_key(o->codes, x->tilbud));
        if (s) fputs("..;..", f);
        else fprintf(f, "%u;%u", x->persons, x->changes);
        const styr_prog_value *v[] = {&x->mean, &x->lo, &x->hi, &x->mean_n, &x->lo_n, &x->hi_n};
        for (int k = 0; k < 6; k++) {
            fputc(';', f);
            csv_val(f, *v[k], 4, s);
        }
        fputc(';', f);
        styr_prog_value pct = x->improved;
        pct.v *= 100;
        csv_val(f, pct, 2, s);
        fputs("\r\n", f);
    }
    fputs("\r\ninstrument;indikator;regressor;horisont_maaneder;n;personer;i_job_eller_uddannelse;koefficient;"
          "standardfejl;odds_ratio;ki_lav;ki_hoej;log_likelihood;mcfadden_r2;aic;ikke_maalbare_endnu\r\n",
          f);
    for (size_t i = 0; i < r->nmodels; i++) {
        const styr_prog_model *m = &r->models[i];
        if (!m->persons && !m->pending) continue;
        int s = !m->shown && m->persons, fit = m->fitted;
        for (int k = 1; k <= m->nx; k++) {
            styr_csv_text(f, o->prog->name[m->instrument]);
            fputc(';', f);
            styr_csv_text(f, m->indikator < 0 ? "alle" : o->prog->name[m->indikator]);
            fputc(';', f);
            styr_csv_text(f, o->prog->name[m->x_name[k - 1]]);
            fprintf(f, ";%d;", m->horizon == 26 ? 6 : 12);
            if (s) fputs("..;..;..", f);
            else if (!m->persons) fputs("0;0;-", f);
            else fprintf(f, "%d;%u;%d", m->fit.n, m->persons, m->fit.events);
            double oo = NAN, lo = NAN, hi = NAN;
            if (fit) odds(m, k, &oo, &lo, &hi);
            double vals[] = {m->fit.b[k], m->fit.se[k], oo, lo, hi, m->fit.ll, m->fit.r2, m->fit.aic};
            int dec[] = {4, 4, 4, 4, 4, 2, 4, 2};
            for (int q = 0; q < 8; q++) {
                fputc(';', f);
                csv_val(f, fit ? pv(vals[q]) : pv(NAN), dec[q], s);
            }
            char pend[32];
            fprintf(f, ";%s\r\n", count_text(pend, sizeof pend, m->pending));
        }
    }
}

int styr_progout_write(FILE *f, styr_format fmt, const styr_prog_result *res, const styr_progout *o)
{
    if (fmt == STYR_FMT_JSON) return write_json(f, res, o);
    if (fmt == STYR_FMT_CSV) write_csv(f, res, o);
    else write_table(f, res, o);
    return ferror(f) ? -1 : 0;
}
