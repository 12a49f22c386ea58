/* report_progression: the progression section of the HTML report. */
#include "report_progression.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "progout.h"
#include "report.h"
#include "svg.h"

#define T(da, en) styr_tr(da, en)

styr_rc styr_rp_prog_fill(styr_ws *ws, const styr_panel *p, int kommune, styr_rp_prog *out, styr_diags *d)
{
    memset(out, 0, sizeof *out);
    if (!p) return STYR_OK;
    const styr_codes *codes = styr_ws_codes(ws);
    styr_rc rc = styr_prog_load(styr_ws_db(ws), styr_panel_cols(p), &out->prog, d);
    if (rc || out->prog.n == 0) return rc;
    styr_prog_opts o = {.kommune = kommune > 0 && kommune < 1000 ? codes->kom_idx[kommune] : -1, .tilbud = -1};
    if (kommune > 0 && o.kommune < 0) return STYR_OK;
    styr_prog_compute(&out->prog, styr_panel_cols(p), codes, styr_panel_week_max(p), &o, &out->res);
    out->codes = codes;
    out->present = out->res.persons >= STYR_PROG_MIN_PERSONS; /* fewer: every cell would be hidden */
    return STYR_OK;
}

void styr_rp_prog_free(styr_rp_prog *x)
{
    if (!x) return;
    styr_prog_result_free(&x->res);
    styr_prog_free(&x->prog);
    memset(x, 0, sizeof *x);
}

static void td(FILE *f, const char *s)
{
    fprintf(f, "<td class=\"n\">");
    styr_html_text(f, s);
    fprintf(f, "</td>");
}

static void tdl(FILE *f, const char *s)
{
    fprintf(f, "<td>");
    styr_html_text(f, s);
    fprintf(f, "</td>");
}

void styr_rp_progression(FILE *f, const struct styr_report *r)
{
    const styr_rp_prog *x = r->progression;
    if (!x || !x->present) return;
    const styr_prog_result *res = &x->res;
    char a[48], b[48], c[48];
    fprintf(f, "<section id=\"progression\"><h2>%s</h2><p>", T("Progression", "Progression"));
    fprintf(f, T("%s personer har %s vurderinger (én pr. indikator og dato). Ændringen mellem to på hinanden følgende vurderinger af samme "
                 "person, på en skala fra 0 til 100 (så skalaer på 1-5 og 1-10 kan sammenlignes), med 95 pct. "
                 "konfidensinterval, og andelen af ændringer, der er forbedringer; i alt og efter det tilbud, "
                 "personen havde flest uger i mellem vurderingerne.",
                 "%s persons have %s assessments (one per indicator and date). The change between two consecutive assessments of the "
                 "same person, on a scale from 0 to 100 (so scales of 1-5 and 1-10 compare), with a 95 pct. "
                 "confidence interval, and the share of changes that are improvements; in all and by the offer the "
                 "person had most weeks of between the assessments."),
            styr_fmt_int(a, sizeof a, res->persons), styr_fmt_int(b, sizeof b, res->assessments));
    fprintf(f, "</p><table><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>\n",
            T("Indikator", "Indicator"), T("Tilbud imellem", "Offer between"), T("Personer", "Persons"),
            T("Ændring (0-100)", "Change (0-100)"), T("95 pct. KI", "95 pct. CI"), T("Forbedret", "Improved"));
    for (size_t i = 0; i < res->nrows; i++) {
        const styr_prog_row *w = &res->rows[i];
        int s = w->suppressed;
        char lab[2 * STYR_PROG_NAMELEN + 4];
        snprintf(lab, sizeof lab, "%s: %s", x->prog.name[w->instrument], x->prog.name[w->indikator]);
        fprintf(f, w->tilbud < 0 ? "<tr class=\"total\">" : "<tr>");
        tdl(f, w->tilbud < 0 ? lab : "");
        tdl(f, styr_progout_tilbud(x->codes, w->tilbud));
        if (s) snprintf(a, sizeof a, "..");
        else styr_fmt_int(a, sizeof a, w->persons);
        td(f, a);
        td(f, styr_progout_val(a, sizeof a, w->mean_n, 1, s));
        if (s || w->lo_n.state != STYR_PV_OK) snprintf(c, sizeof c, "%s", s ? ".." : "-");
        else snprintf(c, sizeof c, "%s; %s", styr_fmt_num(a, sizeof a, w->lo_n.v, 1), styr_fmt_num(b, sizeof b, w->hi_n.v, 1));
        td(f, c);
        if (s) snprintf(a, sizeof a, "..");
        else styr_fmt_pct(a, sizeof a, 100 * w->improved.v, 1);
        td(f, a);
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</tbody></table>\n<h3>%s</h3><table><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>\n",
            T("Hvilke indikatorer forudsiger job eller uddannelse 12 måneder efter?",
              "Which indicators predict job or education 12 months after?"),
            T("Indikator", "Indicator"), T("Vurderinger", "Assessments"), T("I job/udd.", "In job/educ."),
            T("Odds-ratio pr. point", "Odds ratio per point"), T("95 pct. KI", "95 pct. CI"), "McFadden R²");
    for (size_t i = 0; i < res->nmodels; i++) {
        const styr_prog_model *m = &res->models[i];
        if (m->horizon != 52 || m->indikator < 0 || !m->persons) continue;
        char lab[2 * STYR_PROG_NAMELEN + 4];
        snprintf(lab, sizeof lab, "%s: %s", x->prog.name[m->instrument], x->prog.name[m->indikator]);
        fprintf(f, "<tr>");
        tdl(f, lab);
        if (!m->shown) {
            fprintf(f, "<td class=\"n\">..</td><td class=\"n\">..</td><td class=\"n\">..</td><td class=\"n\">..</td>"
                       "<td class=\"n\">..</td></tr>\n");
            continue;
        }
        td(f, styr_fmt_int(a, sizeof a, m->fit.n));
        td(f, styr_fmt_int(a, sizeof a, m->fit.events));
        if (!m->fitted) {
            fprintf(f, "<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td></tr>\n");
            continue;
        }
        double bb = m->fit.b[1], se = m->fit.se[1];
        td(f, styr_fmt_num(a, sizeof a, exp(bb), 2));
        snprintf(c, sizeof c, "%s; %s", styr_fmt_num(a, sizeof a, exp(bb - 1.959963984540054 * se), 2),
                 styr_fmt_num(b, sizeof b, exp(bb + 1.959963984540054 * se), 2));
        td(f, c);
        td(f, styr_fmt_num(a, sizeof a, m->fit.r2, 3));
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</tbody></table><p class=\"note\">%s</p></section>\n",
            T("I job eller uddannelse = status i ugen 52 uger efter vurderingen; vurderinger, hvis horisont ligger efter "
              "panelets sidste uge, kan endnu ikke måles. Logistisk regression pr. indikator (odds-ratio pr. skalapoint, "
              "standardfejl klyngerobuste pr. person). Intervallet for ændringen bygger på t-fordelingen, klyngerobust "
              "pr. person. \"..\": diskretion (1-4 personer; og en anden række, så en skjult række ikke kan regnes ud "
              "fra totalen). Mere i styr progression.",
              "In job or education = status in the week 52 weeks after the assessment; assessments whose horizon lies "
              "after the panel's last week cannot be measured yet. Logistic regression per indicator (odds ratio per "
              "scale point, standard errors clustered by person). The interval of the change rests on the t "
              "distribution, clustered by person. \"..\": discretion (1-4 persons; and another row, so a hidden row "
              "cannot be worked out from the total). More in styr progression."));
}
