/* report_maal: the target-group section of the HTML report (report_maal.h). */
#include "report_maal.h"

#include "../core/msg.h"
#include "../core/num.h"
#include "figtext.h"
#include "report.h"
#include "svg.h"

#define T(da, en) styr_tr(da, en)

static void cell(FILE *f, const styr_figdef *def, styr_figval v)
{
    char b[64];
    fprintf(f, "<td class=\"n\">");
    styr_html_text(f, styr_fig_text(b, sizeof b, def, v));
    fprintf(f, "</td>");
}

/* A development: percent for full-time persons, percentage points otherwise. */
static void devcell(FILE *f, styr_figval v, int pct_points)
{
    char b[64];
    fprintf(f, "<td class=\"n\">");
    if (v.state != STYR_FV_OK) styr_html_text(f, styr_fig_text(b, sizeof b, &styr_figdefs[FIG_AKTIVERINGSGRAD], v));
    else {
        styr_fmt_num(b, sizeof b, v.v, 1);
        fprintf(f, "%s%s%s", v.v > 0 ? "+" : "", b, pct_points ? T(" pct.-point", " pp") : T(" pct.", "%"));
    }
    fprintf(f, "</td>");
}

void styr_rp_maal_section(FILE *f, const struct styr_report *r)
{
    const styr_rp_maal *x = r->maal;
    if (!x || !x->present) return;
    static const char *const da[STYR_RP_NMAAL] = {"Unge under 30", "Borgere langt fra arbejdsmarkedet (aktivitetsparate)",
                                                  "Flygtninge og familiesammenførte (indrejst inden for 10 år)"};
    static const char *const en[STYR_RP_NMAAL] = {"Young people under 30", "Citizens far from the labour market (activity-ready)",
                                                  "Refugees and family-reunified (arrived within 10 years)"};
    fprintf(f, "<section id=\"maalgrupper\"><h2>%s</h2><p>", T("Målgrupper", "Target groups"));
    styr_html_text(f, T("Partnerskabet \"Flere i arbejde\" arbejder med tre målgrupper. For hver er tallene alle "
                        "offentligt forsørgede i gruppens uger: de unge i ugerne før de fylder 30, de aktivitetsparate i "
                        "ugerne med den visitation, flygtninge og familiesammenførte i de første 10 kalenderår efter "
                        "indrejsen. Klyngens niveau er klyngens kommuner lagt sammen.",
                        "The partnership \"Flere i arbejde\" works with three target groups. For each, the figures are all "
                        "public support in the group's weeks: the young in the weeks before they turn 30, the "
                        "activity-ready in the weeks with that visitation, refugees and family-reunified in the first 10 "
                        "calendar years after arrival. The cluster's level is its municipalities added up."));
    /* two tables of four figures, so that the section fits an A4 page */
    int unknown = 0;
    for (int t = 0; t < 2; t++) {
        fprintf(f, "</p><table class=\"maal\"><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>"
                   "</thead><tbody>\n",
                T("Målgruppe", "Target group"),
                t ? T("I job 3 mdr. efter", "In job 3 months after") : T("Fuldtidspersoner", "Full-time persons"),
                T("Klyngen", "Cluster"),
                t ? T("Andel af befolkningen", "Share of the population") : T("Udvikling", "Change"),
                T("Klyngen", "Cluster"));
        for (int i = 0; i < STYR_RP_NMAAL; i++) {
            const styr_rp_maalrow *w = &x->row[i];
            fprintf(f, "<tr><td>");
            styr_html_text(f, T(da[i], en[i]));
            fprintf(f, "</td>");
            if (!w->known) {
                unknown = 1;
                fprintf(f, "<td class=\"n\" colspan=\"4\">%s</td></tr>\n",
                        T("- (panelet har ikke oplysningen)", "- (the panel does not carry it)"));
                continue;
            }
            if (!t) {
                cell(f, &styr_figdefs[FIG_FULDTIDSPERSONER], w->fte);
                cell(f, &styr_figdefs[FIG_FULDTIDSPERSONER], w->fte_cl);
                devcell(f, w->dev, 0);
                devcell(f, w->dev_cl, 0);
            } else {
                cell(f, &styr_figdefs[FIG_JOB_3MDR], w->job3);
                cell(f, &styr_figdefs[FIG_JOB_3MDR], w->job3_cl);
                cell(f, &styr_figdefs[FIG_ANDEL], w->andel);
                cell(f, &styr_figdefs[FIG_ANDEL], w->andel_cl);
            }
            fprintf(f, "</tr>\n");
        }
        fprintf(f, "</tbody></table>");
        if (!t) fprintf(f, "<p>");
    }
    fprintf(f, "<p class=\"note\">");
    styr_html_text(f, T("Udvikling: fuldtidspersoner mod samme periode året før, i pct. Andel af befolkningen: de unges af "
                        "befolkningen 16-29 år, de andres af befolkningen 16-66 år. .. = diskretion (en målgruppes tal "
                        "har sit eget diskretionsmønster, så de ikke kan regnes ud af de samlede tal); . = ikke relevant.",
                        "Change: full-time persons against the same period a year before, in percent. Share of the "
                        "population: the young's of the population aged 16-29, the others' of the population aged 16-66. "
                        ".. = discretion (a target group's figures have their own pattern, so they cannot be worked out "
                        "from the totals); . = not applicable."));
    if (unknown)
        styr_html_text(f, T(" - = panelet har ingen visitation (kolonnen visitation) eller intet indrejseår (kolonnen "
                            "indrejst i personfilen).",
                            " - = the panel has no visitation (the column visitation) or no year of arrival (the column "
                            "indrejst of the persons file)."));
    fprintf(f, "</p></section>\n");
}
