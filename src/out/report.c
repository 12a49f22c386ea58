/* report: the follow-up report as self-contained HTML. */
#include "report.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "figtext.h"
#include "report_maal.h"
#include "report_profile.h"
#include "report_progression.h"
#include "report_flows.h"
#include "svg.h"

#define T(da, en) styr_tr(da, en)

const char styr_report_css[] =
    "@page{size:A4;margin:14mm}"
    "body{font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;color:#1b1b1b;max-width:1040px;margin:0 auto;"
    "padding:16px;line-height:1.4;font-size:14px}"
    "h1{font-size:26px;margin:0 0 4px;color:#123a5c}h2{font-size:20px;color:#123a5c;border-bottom:2px solid #123a5c;"
    "padding-bottom:3px;margin-top:28px}h3{font-size:15px;margin:16px 0 6px}"
    ".meta{color:#555;font-size:13px}.lead{font-size:16px;background:#eef3f8;padding:10px 14px;border-left:4px solid #123a5c}"
    "table{border-collapse:collapse;margin:6px 0 12px;font-size:13px}th,td{padding:4px 8px;border-bottom:1px solid #ddd}"
    "th{background:#f1f1f1;text-align:left}td.n,th.n{text-align:right;white-space:nowrap}"
    ".cols{display:flex;gap:24px;flex-wrap:wrap}.cols>div{flex:1 1 420px}.cols.months>div{flex:0 1 auto}"
    ".charts{display:flex;flex-wrap:wrap;gap:8px 40px}.charts figure{margin:0;flex:0 1 480px;break-inside:avoid}"
    ".synth{background:#fff3cd;border:2px solid #b8860b;color:#5c4400;padding:8px 12px;margin:8px 0;font-weight:bold}"
    ".synth span{display:block;font-weight:normal}"
    "figcaption{font-weight:bold;font-size:13px;margin:4px 0}svg.chart{width:480px;max-width:100%;height:auto}"
    "svg text{font-family:inherit;font-size:12px;fill:#333}svg .grid{stroke:#e3e3e3}svg .grid.zero{stroke:#777}"
    "svg .level{stroke:#333;stroke-dasharray:6 4;stroke-width:1.5}svg .levellabel{font-weight:bold}"
    "svg .unit{fill:#555}svg .bar{fill:#8fb3dd}svg .bar.own{fill:#c0392b}"
    "svg .name.own,svg .val.own{font-weight:bold;fill:#c0392b}"
    "svg .series1{stroke:#123a5c;stroke-width:2.5;fill:none}svg .series2{stroke:#8a8a8a;stroke-width:2;"
    "stroke-dasharray:6 4;fill:none}svg .pt1{fill:#123a5c}svg .pt2{fill:#8a8a8a}"
    ".better{color:#1e7b34;font-weight:bold}.worse{color:#b03a2e;font-weight:bold}"
    ".status{padding:1px 8px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap}"
    ".naaet{background:#1e7b34}.paa_vej{background:#2f6db5}.ikke_naaet{background:#b03a2e}.ukendt{background:#777}.ingen_data{background:#fff;color:#555;border:1px solid #999}"
    ".wide{overflow-x:auto}table.keys{font-size:12px}table.keys td,table.keys th{padding:3px 5px}"
    "nav.bar{background:#123a5c;color:#fff;padding:8px 12px;margin:-16px -16px 16px;font-size:14px}"
    "nav.bar form{display:inline}nav.bar a{color:#fff;margin-left:12px}nav.bar select,nav.bar input{font-size:14px}"
    "@media print{nav.bar{display:none}}"
    "tr.total td{font-weight:bold;border-top:2px solid #999}.warn{color:#b03a2e;font-weight:bold}.note{color:#555;font-size:12px}"
    "section{break-before:page}section.first{break-before:auto}"
    "#profil h3{font-size:16px;color:#123a5c;margin:18px 0 4px}#profil h4{font-size:14px;margin:10px 0 4px}"
    "table.profil{width:100%;table-layout:fixed;margin:2px 0 6px}table.profil col.v{width:104px}"
    "table.profil td{vertical-align:top}table.profil thead th{font-size:12px}"
    "ul.anbefalinger,ul.eksempler{margin:4px 0 8px;padding-left:20px}ul.anbefalinger li,ul.eksempler li{margin:2px 0}"
    "p.tom{color:#555;font-style:italic;margin:4px 0}span.kilde{white-space:normal}"
    "@media print{body{max-width:none;padding:0;font-size:11pt}.charts figure{flex:0 1 480px}h2{break-after:avoid}"
    "table,figure{break-inside:avoid}table.profil{break-inside:auto}table.profil tr,#profil li{break-inside:avoid}"
    "#profil h3,#profil h4{break-after:avoid}table.keys{font-size:9pt}table.keys td,table.keys th{padding:2px 3px}"
    ".wide{overflow:visible}.note{font-size:9pt}th.n{white-space:normal}th,td{padding:3px 5px}}";

static void esc(FILE *f, const char *s) { styr_html_text(f, s); }

static void cell(FILE *f, const styr_figdef *def, styr_figval v)
{
    char t[64];
    fprintf(f, "<td class=\"n\">%s</td>", styr_fig_text(t, sizeof t, def, v));
}

/* A value with the marker of its published source ([n], nothing for the panel's). */
static void mcell(FILE *f, const styr_figdef *def, styr_figval v, int src)
{
    char t[64];
    fprintf(f, "<td class=\"n\">%s", styr_fig_text(t, sizeof t, def, v));
    styr_rp_marker(f, src);
    fprintf(f, "</td>");
}

static const char *mark_class(int m) { return m == STYR_MARK_NA ? "" : m > 0 ? "better" : m < 0 ? "worse" : ""; }
static const char *mark_sign(int m) { return m == STYR_MARK_NA ? "" : m > 0 ? "+" : m < 0 ? "&minus;" : "="; }

void styr_synthetic_banner(FILE *f, unsigned flags)
{
    if (!flags) return;
    fprintf(f, "<div class=\"synth\" role=\"note\" id=\"syntetisk\">");
    if (flags & (STYR_SYNTH_PANEL | STYR_SYNTH_POP)) esc(f, styr_msg_text(M_SYN_PANEL));
    if (flags & (STYR_SYNTH_POP | STYR_ILLUSTR_POP)) {
        fprintf(f, "<span>");
        esc(f, styr_msg_text(M_SYN_POP));
        fprintf(f, "</span>");
    }
    if (flags & STYR_ILLUSTR_CLUSTERS) {
        fprintf(f, "<span>");
        esc(f, styr_msg_text(M_SYN_CLUSTERS));
        fprintf(f, "</span>");
    }
    fprintf(f, "</div>\n");
}

char *styr_synthetic_text(char *buf, size_t cap, unsigned flags)
{
    snprintf(buf, cap, "%s%s%s%s%s", flags & (STYR_SYNTH_PANEL | STYR_SYNTH_POP) ? styr_msg_text(M_SYN_PANEL) : "",
             flags & (STYR_SYNTH_PANEL | STYR_SYNTH_POP) ? " " : "",
             flags & (STYR_SYNTH_POP | STYR_ILLUSTR_POP) ? styr_msg_text(M_SYN_POP) : "",
             flags & (STYR_SYNTH_POP | STYR_ILLUSTR_POP) ? " " : "",
             flags & STYR_ILLUSTR_CLUSTERS ? styr_msg_text(M_SYN_CLUSTERS) : "");
    return buf;
}

void styr_web_nav_klynge(FILE *f, const styr_codes *codes, int kommune, const char *periode, const int *visible,
                         int nvisible, int forventet)
{
    fprintf(f, "<nav class=\"bar\" id=\"valg\"><form id=\"vaelg\" method=\"get\" action=\"/vis\"><label>%s <select name=\"kommune\" "
               "id=\"kommune\">",
            T("Kommune", "Municipality"));
    for (int k = 0; k < codes->dict.nkom; k++) {
        int show = !visible || codes->dict.kom[k] == kommune;
        for (int i = 0; visible && i < nvisible && !show; i++) show = visible[i] == codes->dict.kom[k];
        if (!show) continue;
        fprintf(f, "<option value=\"%d\"%s>", codes->dict.kom[k], codes->dict.kom[k] == kommune ? " selected" : "");
        styr_html_text(f, codes->kom_name[k]);
        fprintf(f, "</option>");
    }
    fprintf(f, "</select></label> <label>%s <input name=\"periode\" id=\"periode\" size=\"10\" value=\"", T("Periode", "Period"));
    styr_html_text(f, periode);
    fprintf(f, "\"></label>");
    if (forventet) fprintf(f, "<input type=\"hidden\" name=\"klynge\" value=\"forventet\">");
    fprintf(f, "<input type=\"hidden\" name=\"token\" id=\"token\"> <button>%s</button></form>", T("Vis", "Show"));
    fprintf(f, " <a class=\"nav\" href=\"/kommune/%d?periode=", kommune);
    styr_html_text(f, periode);
    if (forventet) fprintf(f, "&amp;klynge=forventet");
    fprintf(f, "\">%s</a> <a class=\"nav\" href=\"/kommune/%d/klynge?figur=andel_befolkning&amp;periode=", T("Oversigt", "Overview"),
            kommune);
    styr_html_text(f, periode);
    if (forventet) fprintf(f, "&amp;klynge=forventet");
    fprintf(f, "\">%s</a> <a class=\"nav\" href=\"/kommune/%d/profil?periode=", T("Klyngefigur", "Cluster chart"), kommune);
    styr_html_text(f, periode);
    if (forventet) fprintf(f, "&amp;klynge=forventet");
    fprintf(f, "\">%s</a></nav>\n", T("Profil", "Profile"));
}

void styr_web_nav(FILE *f, const styr_codes *codes, int kommune, const char *periode, const int *visible, int nvisible)
{
    styr_web_nav_klynge(f, codes, kommune, periode, visible, nvisible, 0);
}


/* STAR's benchmark place and its development (only when Y30R21 rows exist). */
static void y30_line(FILE *f, const styr_report *r)
{
    if (!r->y30 || !r->y30->n) return;
    const styr_rp_y30 *y = r->y30;
    fprintf(f, "<p class=\"bench\" id=\"benchmark\">%s ",
            T("STAR's benchmark, forventet mod faktisk (jobindsats Y30R21, alle ydelser):",
              "STAR's benchmark, expected against actual (jobindsats Y30R21, all benefits):"));
    for (int i = 0; i < y->n; i++) {
        if (i) fprintf(f, ", ");
        if (!y->place[i]) fprintf(f, T("ingen placering (%s)", "no rank (%s)"), y->periode[i]);
        else if (!i) fprintf(f, T("placering %d af %d (%s)", "rank %d of %d (%s)"), y->place[i], y->of[i], y->periode[i]);
        else fprintf(f, "%d (%s)", y->place[i], y->periode[i]);
    }
    fprintf(f, ".");
    if (y->has_diff[0]) {
        char b[32];
        styr_fmt_num(b, sizeof b, y->diff[0] < 0 ? -y->diff[0] : y->diff[0], 1);
        if (y->diff[0] < 0)
            fprintf(f, T(" Andelen på offentlig forsørgelse var %s procentpoint under den forventede.",
                         " The share on public support was %s percentage points below the expected."), b);
        else if (y->diff[0] > 0)
            fprintf(f, T(" Andelen på offentlig forsørgelse var %s procentpoint over den forventede.",
                         " The share on public support was %s percentage points above the expected."), b);
        else
            fprintf(f, "%s", T(" Andelen på offentlig forsørgelse var som forventet.",
                               " The share on public support was as expected."));
    }
    fprintf(f, " %s</p>\n", T("1 = bedst: færrest på offentlig forsørgelse i forhold til det forventede ud fra "
                               "kommunens rammevilkår.",
                               "1 = best: the fewest on public support against what the municipality's frame "
                               "conditions lead one to expect."));
}

static void head(FILE *f, const styr_report *r)
{
    fprintf(f, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta charset=\"utf-8\">\n", T("da", "en"));
    if (!r->dashboard)
        fprintf(f, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                   "img-src data:; base-uri 'none'; form-action 'none'\">\n");
    else
        fprintf(f, "<script src=\"/static/app.js\" defer></script>\n");
    fprintf(f, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    fprintf(f, T("Opfølgning på beskæftigelsesindsatsen i %s Kommune %s", "Follow-up on the employment effort in %s %s"),
            r->kommunenavn, r->periode);
    fprintf(f, "</title>\n<style>%s</style></head><body>\n", styr_report_css);
    if (r->dashboard) styr_web_nav_klynge(f, r->codes, r->kommune, r->periode, r->visible, r->nvisible, r->grouping != NULL);
    fprintf(f, "<header id=\"forside\"><h1>");
    fprintf(f, T("Opfølgning på beskæftigelsesindsatsen i %s Kommune", "Follow-up on the employment effort in %s"),
            r->kommunenavn);
    fprintf(f, "</h1>");
    styr_synthetic_banner(f, r->synthetic);
    char pw[64], qw[64];
    fprintf(f, "<p class=\"meta\">");
    if (r->grouping) {
        fprintf(f, T("Periode: %s. Sammenlignet med ", "Period: %s. Compared with "),
                r->per ? styr_period_words(pw, sizeof pw, r->per) : r->periode);
        esc(f, r->grouping);
        fprintf(f, T(". Udvikling fra %s. Dannet %s.", ". Development from %s. Made %s."),
                r->prev_per ? styr_period_words(qw, sizeof qw, r->prev_per) : r->prev ? r->prev : "-", r->generated);
    } else
        fprintf(f, T("Periode: %s. Sammenlignet med %s (%d, %d kommuner). Udvikling fra %s. Dannet %s.",
                     "Period: %s. Compared with %s (%d, %d municipalities). Development from %s. Made %s."),
                r->per ? styr_period_words(pw, sizeof pw, r->per) : r->periode, r->klynge, r->klynge_aar, r->nmembers,
                r->prev_per ? styr_period_words(qw, sizeof qw, r->prev_per) : r->prev ? r->prev : "-", r->generated);
    fprintf(f, "</p></header>\n<section class=\"first\" id=\"sammenfatning\"><p class=\"lead\">");
    esc(f, r->lead);
    fprintf(f, "</p>\n");
    styr_rp_source_note(f, r, r->src_lead);
    y30_line(f, r);
}

/* The summary section ends here; the profile follows as its own section, the
 * temperature page (report_profile.c). */
static void profile(FILE *f, const styr_report *r)
{
    fprintf(f, "</section>\n");
    styr_rp_profile_section(f, r);
}

/* Two tables of key figures, so that each fits an A4 page at 12 px: the level
 * (full-time recipients, share with rank, activation) and the flow (duration,
 * long-term, in work after 3 months), each beside the cluster. */
static void keytable(FILE *f, const styr_report *r)
{
    static const int figs[RP_NKEY] = {FIG_FULDTIDSPERSONER, FIG_ANDEL, FIG_AKTIVERINGSGRAD, FIG_VARIGHED, FIG_LANGVARIGE,
                                      FIG_JOB_3MDR};
    static const int from[2] = {RP_ANDEL, RP_VARIGHED}, to[2] = {RP_VARIGHED, RP_NKEY};
    fprintf(f, "<section id=\"noegletal\"><h2>%s</h2>\n", T("Nøgletal mod klyngen", "Key figures against the cluster"));
    for (int t = 0; t < 2; t++) {
        fprintf(f, "<div class=\"wide\"><table class=\"keys\"><thead><tr><th>%s</th>", T("Ydelse", "Benefit group"));
        if (!t) fprintf(f, "<th class=\"n\">%s</th>", T("Fuldtidspersoner", "Full-time recipients"));
        for (int c = from[t]; c < to[t]; c++) {
            const styr_figdef *d = &styr_figdefs[figs[c]];
            fprintf(f, "<th class=\"n\">%s</th><th class=\"n\">%s</th>", T(d->short_da, d->short_en), T("Klyngen", "Cluster"));
            if (c == RP_ANDEL) fprintf(f, "<th class=\"n\">%s</th>", T("Placering", "Rank"));
        }
        fprintf(f, "</tr></thead><tbody>\n");
        for (int i = 0; i < r->nkeys; i++) {
            const styr_rp_keyrow *k = &r->keys[i];
            fprintf(f, "<tr><td>");
            esc(f, k->navn);
            fprintf(f, "</td>");
            if (!t) mcell(f, &styr_figdefs[FIG_FULDTIDSPERSONER], k->own[RP_FTE], k->src[RP_FTE]);
            for (int c = from[t]; c < to[t]; c++) {
                mcell(f, &styr_figdefs[figs[c]], k->own[c], k->src[c]);
                mcell(f, &styr_figdefs[figs[c]], k->cl[c], k->clsrc[c]);
                if (c == RP_ANDEL) {
                    if (k->rank) fprintf(f, "<td class=\"n\">%d %s %d</td>", k->rank, T("af", "of"), k->nranked);
                    else fprintf(f, "<td class=\"n\">-</td>");
                }
            }
            fprintf(f, "</tr>\n");
        }
        fprintf(f, "</tbody></table></div>\n");
    }
    fprintf(f, "<p class=\"note\">%s</p>\n",
            T("Andel = fuldtidspersoner i pct. af befolkningen 16-66 år; placering 1 = lavest andel i klyngen. Klyngen er "
              "regnet som ét område (summen af tællere over summen af nævnere).",
              "Share = full-time recipients in pct. of the population aged 16-66; rank 1 = the lowest share in the "
              "cluster. The cluster is computed as one area (sum of numerators over sum of denominators)."));
    if (r->public_only)
        fprintf(f, "<p class=\"note persondata\">%s</p>\n",
                T("Aktiveringsgrad, varighed, langvarige og i job efter 3 mdr. kræver personpanel: jobindsats.dk's "
                  "a02-tabeller har kun personer, fuldtidspersoner og deres andel af befolkningen.",
                  "Activation rate, duration, long-term and in work after 3 months need a person panel: jobindsats.dk's "
                  "a02 tables carry only persons, full-time recipients and their share of the population."));
    styr_rp_source_note(f, r, r->src_keys);
    fprintf(f, "</section>\n");
}

static void charts(FILE *f, const styr_report *r)
{
    fprintf(f, "<section id=\"klynge\"><h2>%s</h2><p class=\"note\">%s</p><div class=\"charts\">\n",
            T("Kommunen i klyngen", "The municipality in its cluster"),
            T("Hver søjle er en kommune i klyngen; kommunen selv er rød, klyngens niveau den stiplede lodrette linje "
              "(„Klyngen ..“: skjult af diskretion).",
              "Each bar is a municipality of the cluster; the municipality itself is red, the cluster's level the "
              "dashed vertical line (“Cluster ..”: hidden by discretion)."));
    for (int i = 0; i < r->nsc; i++) {
        const styr_rp_scatter *s = &r->sc[i];
        fprintf(f, "<figure><figcaption>");
        esc(f, s->title);
        fprintf(f, "</figcaption>");
        styr_svg_scatter(f, s->id, s->title, s->def, s->labels, s->v, s->n, s->own, s->level, T("Klyngen", "Cluster"));
        fprintf(f, "</figure>\n");
    }
    fprintf(f, "</div>");
    if (r->public_only)
        fprintf(f, "<p class=\"note persondata\">%s</p>\n",
                T("Figurerne for aktiveringsgrad, varighed, langvarige, i job efter 3 mdr. og nettoudgift kræver "
                  "personpanel og er udeladt.",
                  "The charts of activation rate, duration, long-term, in work after 3 months and net cost need a "
                  "person panel and are left out."));
    styr_rp_source_note(f, r, r->src_charts);
    fprintf(f, "</section>\n<section id=\"udvikling\"><h2>%s</h2><div class=\"charts\">\n",
            T("Udviklingen over årene", "Development over the years"));
    for (int i = 0; i < r->nln; i++) {
        const styr_rp_lines *l = &r->ln[i];
        const char *xl[STYR_RP_MAXYEARS];
        for (int j = 0; j < l->n; j++) xl[j] = l->xl[j];
        fprintf(f, "<figure><figcaption>");
        esc(f, l->title);
        fprintf(f, "</figcaption>");
        char own[80];
        snprintf(own, sizeof own, "%s", r->kommunenavn);
        styr_svg_lines(f, l->id, l->title, l->def, xl, l->own, l->cl, l->n, own, T("Klyngen", "Cluster"));
        fprintf(f, "</figure>\n");
    }
    fprintf(f, "</div>");
    styr_rp_source_note(f, r, r->src_lines);
    fprintf(f, "</section>\n");
}

/* A value of the development tables: ".." hidden, "–" no data, never mixed. */
static void dcell(FILE *f, const styr_figdef *def, styr_figval v, int change)
{
    char t[64];
    if (v.state == STYR_FV_NONE) fprintf(f, "<td class=\"n\">\xe2\x80\x93</td>");
    else if (change) fprintf(f, "<td class=\"n\">%s</td>", styr_change_text(t, sizeof t, def, v));
    else fprintf(f, "<td class=\"n\">%s</td>", styr_fig_text(t, sizeof t, def, v));
}

static void development(FILE *f, const styr_report *r)
{
    const styr_dev *dv = r->dev;
    if (!dv) return;
    fprintf(f, "<section id=\"udvikling-maaned\"><h2>%s</h2>\n", styr_msg_text(M_DEV_TITLE));
    if (!dv->n || !dv->ngroups) {
        fprintf(f, "<p>%s</p></section>\n", styr_msg_text(M_DEV_NONE));
        return;
    }
    const styr_figdef *def = &styr_figdefs[dv->fig];
    char a[64], b[64];
    /* the year to date first: what a committee asks */
    fprintf(f, "<h3>%s: %s</h3><table id=\"aatd\"><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th></tr></thead><tbody>\n",
            styr_msg_text(M_DEV_YTD), T(def->da, def->en), T("Ydelse", "Group"), styr_period_words(a, sizeof a, &dv->ytd),
            styr_period_words(b, sizeof b, &dv->ytd_prev), styr_msg_text(M_DEV_CHANGE));
    for (int i = 0; i < dv->ngroups; i++) {
        const styr_dev_group *x = &dv->grp[i];
        fprintf(f, "<tr><td>");
        esc(f, styr_group_name(r->codes, x->g));
        fprintf(f, "</td>");
        dcell(f, def, x->ytd, 0);
        dcell(f, def, x->ytd_prev, 0);
        dcell(f, def, styr_dev_change(dv, x->ytd, x->ytd_prev), 1);
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</tbody></table><div class=\"charts\">\n");
    const char *xl[STYR_DEV_MONTHS];
    char lab[STYR_DEV_MONTHS][24];
    for (int j = 0; j < dv->n; j++) {
        const styr_period *m = &dv->month[j];
        lab[j][0] = 0;
        if (m->sub % 3 == 1) snprintf(lab[j], sizeof lab[j], "%s%s%d", styr_month_short(m->sub), m->sub == 1 || j < 3 ? "\n" : "",
                                      m->year);
        if (m->sub % 3 == 1 && !(m->sub == 1 || j < 3)) snprintf(lab[j], sizeof lab[j], "%s", styr_month_short(m->sub));
        xl[j] = lab[j];
    }
    for (int i = 0; i < dv->ngroups; i++) {
        const styr_dev_group *x = &dv->grp[i];
        char id[96], title[256];
        snprintf(id, sizeof id, "maaned-%s", styr_group_key(r->codes, x->g));
        snprintf(title, sizeof title, "%s: %s, %s-%s", styr_group_name(r->codes, x->g), T(def->da, def->en),
                 styr_period_words(a, sizeof a, &dv->month[0]), styr_period_words(b, sizeof b, &dv->month[dv->n - 1]));
        fprintf(f, "<figure><figcaption>");
        esc(f, title);
        fprintf(f, "</figcaption>");
        styr_svg_lines(f, id, title, def, xl, x->now, x->prev, dv->n, styr_msg_text(M_DEV_MONTH),
                       styr_msg_text(M_DEV_SAME));
        fprintf(f, "</figure>\n");
    }
    /* one table per group (side by side on a screen, one after another on A4) */
    fprintf(f, "</div><div class=\"cols months\">\n");
    for (int i = 0; i < dv->ngroups; i++) {
        const styr_dev_group *x = &dv->grp[i];
        fprintf(f, "<div><h3>");
        esc(f, styr_group_name(r->codes, x->g));
        fprintf(f, "</h3><table class=\"maaneder\" data-ydelse=\"%s\"><thead><tr><th>%s</th><th class=\"n\">%s</th>"
                   "<th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>\n",
                styr_group_key(r->codes, x->g), styr_msg_text(M_DEV_MONTH), T(def->short_da, def->short_en),
                T("Året før", "Year before"), styr_msg_text(M_DEV_CHANGE));
        for (int j = dv->n - 1; j >= 0; j--) {
            fprintf(f, "<tr><td>%s</td>", styr_period_words(a, sizeof a, &dv->month[j]));
            dcell(f, def, x->now[j], 0);
            dcell(f, def, x->prev[j], 0);
            dcell(f, def, styr_dev_change(dv, x->now[j], x->prev[j]), 1);
            fprintf(f, "</tr>\n");
        }
        fprintf(f, "</tbody></table></div>\n");
    }
    fprintf(f, "</div><p class=\"note\">%s</p>\n", styr_msg_text(M_DEV_NOTE));
    if (r->dev_ytd_pub)
        fprintf(f, "<p class=\"note\">%s</p>\n",
                T("År til dato er af de offentliggjorte måneder: deres gennemsnit vægtet med ugerne (fuldtidspersoner "
                  "er et gennemsnit over ugerne; jobindsats.dk udgiver måneder og år, ikke år til dato).",
                  "The year to date is from the published months: their average weighted by their weeks (full-time "
                  "recipients are an average over the weeks; jobindsats.dk publishes months and years, not years to "
                  "date)."));
    styr_rp_source_note(f, r, r->src_dev);
    fprintf(f, "</section>\n");

}

/* Whether a scorecard has no value at all (every row no data). */
static int card_empty(const styr_scorecard *sc)
{
    for (int j = 0; j < STYR_NSCORE; j++)
        if (sc->s[j].own.state != STYR_FV_NONE || sc->s[j].cluster.state != STYR_FV_NONE) return 0;
    return 1;
}

static void scorecards(FILE *f, const styr_report *r)
{
    if (!r->ncards) return;
    fprintf(f, "<section id=\"scorecards\"><h2>%s</h2><div class=\"cols\">\n", T("Scorecards", "Scorecards"));
    for (int i = 0; i < r->ncards; i++) {
        const styr_scorecard *sc = &r->cards[i];
        fprintf(f, "<div><h3>");
        esc(f, styr_group_name(r->codes, sc->g));
        if (card_empty(sc)) {
            fprintf(f, "</h3><p class=\"persondata\">%s</p></div>\n",
                    r->public_only ? T("Scorecardet kræver personpanel: der er ingen tal for ydelsen.",
                                       "The scorecard needs a person panel: there are no figures for the group.")
                                   : T("Der er ingen tal for ydelsen i perioden.", "There are no figures for the group in the period."));
            continue;
        }
        fprintf(f, "</h3><table><thead><tr><th></th><th class=\"n\">%s</th><th class=\"n\">%s</th><th></th>"
                   "<th class=\"n\">%s</th><th class=\"n\">%s</th><th></th></tr></thead><tbody>",
                T("Kommunen", "Municipality"), T("Klyngen", "Cluster"), T("Udvikling", "Change"), T("Klyngen", "Cluster"));
        for (int j = 0; j < STYR_NSCORE; j++) {
            const styr_score *s = &sc->s[j];
            char a[64], b[64];
            static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_FTE, 0};
            const styr_figdef *dd = s->dev_pct ? &pct : s->def;
            fprintf(f, "<tr><td>%s</td>", T(s->da, s->en));
            if (r->public_only && s->own.state == STYR_FV_NONE && s->cluster.state == STYR_FV_NONE) {
                fprintf(f, "<td colspan=\"6\" class=\"persondata\">%s</td></tr>", T("kræver personpanel", "needs a person panel"));
                continue;
            }
            cell(f, s->def, s->own);
            cell(f, s->def, s->cluster);
            fprintf(f, "<td class=\"%s\">%s</td>", mark_class(s->mark), mark_sign(s->mark));
            fprintf(f, "<td class=\"n\">%s</td><td class=\"n\">%s</td>", styr_change_text(a, sizeof a, dd, s->dev_own),
                    styr_change_text(b, sizeof b, dd, s->dev_cluster));
            fprintf(f, "<td class=\"%s\">%s</td></tr>", mark_class(s->dev_mark), mark_sign(s->dev_mark));
        }
        fprintf(f, "</tbody></table></div>\n");
    }
    fprintf(f, "</div><p class=\"note\">%s</p>\n",
            T("Flere i job: andel af befolkningen 16-66 år, udvikling i pct.; hurtigere i job: varighed af afsluttede "
              "forløb, udvikling i uger; fastholdt i job: i job efter 3 mdr., udvikling i procentpoint. + bedre end "
              "klyngen, &minus; dårligere.",
              "More in work: share of the population 16-66, change in pct.; faster into work: duration of ended spells, "
              "change in weeks; kept in work: in work after 3 months, change in percentage points. + better than the "
              "cluster, &minus; worse."));
    if (r->public_only)
        fprintf(f, "<p class=\"note persondata\">%s</p>\n",
                T("Hurtigere i job og fastholdt i job kræver personpanel (forløb og job efter forløbet findes ikke i de "
                  "offentlige tal); flere i job er regnet af de offentlige tal.",
                  "Faster into work and kept in work need a person panel (spells and work after a spell are not in the "
                  "published figures); more in work is from the published figures."));
    styr_rp_source_note(f, r, r->src_cards);
    fprintf(f, "</section>\n");
}

static void goals(FILE *f, const styr_report *r)
{
    fprintf(f, "<section id=\"maal\"><h2>%s</h2>\n", T("Resultatmål", "Result goals"));
    if (!r->ngoals) {
        fprintf(f, "<p>%s</p></section>\n", T("Der er ikke sat resultatmål i arbejdsområdet (styr goals add).",
                                              "No result goals are set in the workspace (styr goals add)."));
        return;
    }
    fprintf(f, "<table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th>%s</th></tr></thead><tbody>\n",
            T("Enhed", "Unit"), T("Resultatmål", "Goal"), T("Målsætning", "Target"), T("Seneste", "Latest"),
            T("Prognose", "Forecast"), T("Målværdi", "Target value"), T("Status", "Status"));
    for (size_t i = 0; i < r->ngoals; i++) {
        const styr_goal *g = &r->goals[i];
        const styr_goal_eval *e = &r->gev[i];
        int fi = styr_fig_by_key(g->figur);
        if (fi < 0) continue;
        const styr_figdef *d = &styr_figdefs[fi];
        char tg[96];
        fprintf(f, "<tr><td>");
        esc(f, g->enhed[0] ? g->enhed : T("Hele jobcentret", "Whole job centre"));
        fprintf(f, "</td><td>");
        esc(f, styr_group_name(r->codes, g->grp));
        if (g->tilbud > 0) {
            fprintf(f, ", ");
            esc(f, styr_offer_name(r->codes, g->tilbud));
        }
        fprintf(f, ": ");
        esc(f, T(d->da, d->en));
        fprintf(f, " %d", g->aar);
        if (g->tekst[0]) {
            fprintf(f, "<br><span class=\"note\">");
            esc(f, g->tekst);
            fprintf(f, "</span>");
        }
        fprintf(f, "</td><td>");
        esc(f, styr_goal_target_text(tg, sizeof tg, g, d->decimals));
        fprintf(f, "</td>");
        cell(f, d, e->latest);
        cell(f, d, e->forecast);
        cell(f, d, e->target);
        fprintf(f, "<td><span class=\"status %s\">%s</span></td></tr>\n", styr_goal_status_key(e->status),
                styr_goal_status_text(e->status));
    }
    fprintf(f, "</tbody></table><p class=\"note\">%s</p>\n",
            T("Seneste = år til dato (januar til seneste hele måned). Prognosen følger den lineære tendens i månederne; "
              "mens året løber, er status efter prognosen.",
              "Latest = year to date (January to the last whole month). The forecast follows the linear trend of the "
              "months; while the year runs, the status is by the forecast."));
    if (r->src_goals)
        fprintf(f, "<p class=\"note\">%s</p>\n",
                T("Hvor offentlige tal står i stedet for panelet, er år til dato gennemsnittet af de offentliggjorte "
                  "måneder vægtet med deres uger (fuldtidspersoner og andele er gennemsnit over ugerne).",
                  "Where published figures stand in for the panel, the year to date is the average of the published "
                  "months weighted by their weeks (full-time recipients and shares are averages over the weeks)."));
    styr_rp_source_note(f, r, r->src_goals);
    fprintf(f, "</section>\n");
}

static void budget(FILE *f, const styr_report *r)
{
    const styr_fu_report *b = r->budget;
    if (!b) return;
    char t[6][64];
    fprintf(f, "<section id=\"budget\"><h2>%s</h2><p>", T("Budgetopfølgning", "Budget follow-up"));
    styr_period bm;
    char ms[16];
    snprintf(ms, sizeof ms, "%04dM%02d", b->aar, b->month);
    if (styr_period_parse(ms, &bm)) snprintf(t[1], sizeof t[1], "%d", b->month);
    else styr_period_words(t[1], sizeof t[1], &bm);
    fprintf(f, T("Budget %d, opfølgning til og med %s; advarsel ved afvigelse over %s pct.",
                 "Budget %d, follow-up to the end of %s; warning at a departure over %s pct."),
            b->aar, t[1], styr_fmt_num(t[0], sizeof t[0], b->threshold * 100, 1));
    fprintf(f, "</p><table><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th>%s</th></tr></thead><tbody>\n",
            T("Ydelse", "Group"), T("Budget året", "Budget year"), T("Budget til dato", "Budget to date"),
            T("Faktisk til dato", "Actual to date"), T("Prognose", "Forecast"), T("Afvigelse", "Departure"),
            T("Hovedårsag", "Main driver"));
    for (size_t i = 0; i < b->n; i++) {
        const styr_fu_row *x = &b->rows[i];
        fprintf(f, "<tr><td>");
        esc(f, x->navn);
        fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>", styr_fmt_kr(t[0], sizeof t[0], x->f.b_total),
                styr_fmt_kr(t[1], sizeof t[1], x->f.b_ytd));
        if (x->suppressed) {
            fprintf(f, "<td class=\"n\">..</td><td class=\"n\">..</td><td class=\"n\">..</td><td></td></tr>\n");
            continue;
        }
        /* no budget to depart from (0 kr.): no departure, not "nan" */
        if (isfinite(x->f.diff_pct)) snprintf(t[5], sizeof t[5], "%s%s pct.", x->f.diff_pct > 0 ? "+" : "",
                                              styr_fmt_num(t[4], sizeof t[4], x->f.diff_pct, 1));
        else snprintf(t[5], sizeof t[5], "\xe2\x80\x93");
        fprintf(f, "<td class=\"n\">%s</td><td class=\"n\">%s</td><td class=\"n%s\">%s</td><td%s>%s</td></tr>\n",
                styr_fmt_kr(t[2], sizeof t[2], x->f.a_total), styr_fmt_kr(t[3], sizeof t[3], x->f.f_total),
                x->f.warn ? " warn" : "", t[5], x->f.warn ? " class=\"warn\"" : "",
                x->f.main_driver >= 0 ? styr_driver_name(x->f.main_driver, x->f.drv[x->f.main_driver]) : "-");
    }
    fprintf(f, "</tbody></table></section>\n");
}

static void money(FILE *f, const styr_report *r)
{
    const styr_rp_money *m = &r->money;
    if (r->public_only) {
        styr_rp_needs_panel(f, "oekonomi", T("Økonomi: forsørgelse efter refusion", "Money: benefits after refusion"),
                            "Økonomien efter refusion (brutto, refusion, netto og refusionstrappen) kræver personpanel "
                            "(DREAM, en lang CSV eller statens Ydelsesrefusion-filer): de offentlige tal har ingen udgifter.",
                            "Money after refusion (gross, refusion, net and the staircase) needs a person panel (DREAM, a "
                            "long CSV or the state's Ydelsesrefusion files): the published figures carry no costs.");
        return;
    }
    if (!m->present) return;
    char t[64], u[64];
    fprintf(f, "<section id=\"oekonomi\"><h2>%s</h2><table><thead><tr><th></th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th></tr></thead><tbody>\n",
            T("Økonomi: forsørgelse efter refusion", "Money: benefits after refusion"), r->kommunenavn,
            T("Klyngen", "Cluster"));
    for (int i = 0; i < 4; i++) {
        fprintf(f, "<tr><td>%s</td>", T(m->def[i]->da, m->def[i]->en));
        cell(f, m->def[i], m->own[i]);
        cell(f, m->def[i], m->cl[i]);
        fprintf(f, "</tr>\n");
    }
    fprintf(f, "</tbody></table><p>");
    styr_potential_text(u, sizeof u, STYR_U_KR, m->pot_best);
    if (m->pot_per) { /* a potential over a quarter or a month is that period's, not a year's */
        size_t l = strlen(u);
        if (m->pot_best.state == STYR_FV_OK) snprintf(u + l, sizeof u - l, " %s", m->pot_per);
    }
    styr_potential_text(t, sizeof t, STYR_U_KR, m->pot_level);
    if (m->pot_per && m->pot_level.state == STYR_FV_OK) {
        size_t l = strlen(t);
        snprintf(t + l, sizeof t - l, " %s", m->pot_per);
    }
    fprintf(f, T("Hvis kommunen havde samme nettoudgift pr. 18-64-årig som klyngen, kunne den frigøre %s; som den "
                 "bedste i klyngen %s%s",
                 "With the cluster's net cost per inhabitant aged 18-64 the municipality could free %s; with the "
                 "best in the cluster's, %s%s"),
            t, u, styr_sentence_end(u));
    fprintf(f, "</p>");
    if (m->nsteps) {
        fprintf(f, "<h3>%s</h3><table><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead><tbody>",
                T("Nettoudgift på refusionstrappen", "Net cost on the refusion staircase"), T("Trin", "Step"),
                T("Nettoudgift", "Net cost"), T("Personuger", "Person-weeks"));
        for (int i = 0; i < m->nsteps; i++) {
            static const styr_figdef kr = {"", "", "", "", "", 0, STYR_U_KR, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
            fprintf(f, "<tr><td>");
            esc(f, m->step_label[i]);
            fprintf(f, "</td>");
            cell(f, &kr, m->step_net[i]);
            cell(f, &cnt, m->step_weeks[i]);
            fprintf(f, "</tr>");
        }
        static const styr_figdef kr = {"", "", "", "", "", 0, STYR_U_KR, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
        fprintf(f, "<tr class=\"outside\"><td>");
        esc(f, styr_msg_text(M_TRAPPE_OUT));
        fprintf(f, "</td>");
        cell(f, &kr, m->out_net);
        cell(f, &cnt, m->out_weeks);
        fprintf(f, "</tr><tr class=\"total\"><td>");
        esc(f, styr_msg_text(M_TOTAL));
        fprintf(f, "</td>");
        cell(f, &kr, m->tot_net);
        cell(f, &cnt, m->tot_weeks);
        fprintf(f, "</tr></tbody></table><p class=\"note\">");
        esc(f, styr_msg_text(M_TRAPPE_OUT_NOTE));
        fprintf(f, "</p>");
    }
    fprintf(f, "<p class=\"note\">%s</p></section>\n",
            T("Nettoudgiften er kommunens udgift efter refusion efter de regler, der gjaldt i hver uge (spec/refusion.md).",
              "The net cost is the municipality's cost after refusion under the rules in force each week (spec/refusion.md)."));
}

/* "1,2 [-0,3; 2,7]" or "-" */
static void est_cell(FILE *f, const styr_effect *e)
{
    char a[32], b[32], c[32];
    if (!e->shown) {
        fputs("<td class=\"n\">-</td>", f);
        return;
    }
    fprintf(f, "<td class=\"n\">%s [%s; %s]</td>", styr_fmt_num(a, sizeof a, e->effect, 1),
            styr_fmt_num(b, sizeof b, e->lo, 1), styr_fmt_num(c, sizeof c, e->hi, 1));
}

/* The estimate's checks (issue 15 §4): matched share, placebo, the largest
 * imbalance left, and the estimate under coarser spell-week bands. */
static void effect_checks(FILE *f, const styr_report *r)
{
    fprintf(f, "<h3>%s</h3><p>%s</p><table class=\"effektdiag\"><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr>"
               "</thead><tbody>\n",
            T("Bilag: skønnets kontrol", "Appendix: checks of the estimate"),
            T("Placebo: den matchede forskel i andelen i job 13 uger før forløbet begyndte (tilbuddet kan ikke have "
              "virket dér, så den bør være 0). Skævhed: største standardiserede forskel mellem de behandlede og deres "
              "kontroller i alder, forløbsuge og uger på offentlig forsørgelse året før (over 0,1 er en skævhed). "
              "Grove bånd: skønnet 13 uger efter start, når forløbsugerne grupperes groft (1-4, 5-8, 9-13, 14-26, "
              "27-52, 53+) - at sammenligne med skønnet ovenfor.",
              "Placebo: the matched difference in the share in work 13 weeks before the spell began (the offer cannot "
              "have worked there, so it should be 0). Imbalance: the largest standardised difference between the treated "
              "and their controls in age, spell week and weeks on public support the year before (above 0.1 is an "
              "imbalance). Coarse bands: the estimate 13 weeks after the start with spell weeks grouped coarsely (1-4, 5-8, "
              "9-13, 14-26, 27-52, 53+) - to compare with the estimate above."),
            T("Ydelse", "Group"), T("Tilbud", "Offer"), T("Matchet", "Matched"), T("Placebo", "Placebo"),
            T("Skævhed", "Imbalance"), T("Grove bånd", "Coarse bands"));
    for (int i = 0; i < r->neff; i++) {
        const styr_rp_effect *x = &r->eff[i];
        const styr_effect *e = &x->dg.out[1];
        if (x->hidden || !e->treated_all) continue;
        char a[48];
        fprintf(f, "<tr><td>");
        esc(f, x->group);
        fprintf(f, "</td><td>");
        esc(f, x->offer);
        fprintf(f, "</td><td class=\"n\">%s</td>", styr_fmt_pct(a, sizeof a, 100.0 * e->matched_all / e->treated_all, 1));
        est_cell(f, &x->dg.out[STYR_EH_PLACEBO]);
        double worst = NAN;
        for (int b = 0; b < STYR_NBAL; b++) {
            double d = e->bal_sd[b] > 0 ? fabs(e->bal_t[b] - e->bal_c[b]) / e->bal_sd[b] : NAN;
            if (!isnan(d) && (isnan(worst) || d > worst)) worst = d;
        }
        if (isnan(worst)) fputs("<td class=\"n\">-</td>", f);
        else fprintf(f, "<td class=\"n\">%s</td>", styr_fmt_num(a, sizeof a, worst, 2));
        est_cell(f, &x->dg.bands[STYR_EB_COARSE]);
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
}

static void effects(FILE *f, const styr_report *r)
{
    if (!r->eff) return;
    static const styr_figdef pct = {"", "", "", "", "", 1, STYR_U_PCT, 0}, cnt = {"", "", "", "", "", 0, STYR_U_COUNT, 0};
    char pw[64];
    fprintf(f, "<section id=\"effekt\"><h2>%s</h2><p>", T("Effekt af tilbud", "Effect of offers"));
    fprintf(f, T("Rå tal for kommunen og klyngen i %s: tilbud startet, og andelen i job 3 måneder efter "
                 "tilbuddets afslutning. Skønnet over effekten (hele landet, tilbud startet i %s) sammenligner dem, "
                 "der starter forløbets første tilbud, med forløb uden tilbud endnu i samme forløbsuge, alder, køn og "
                 "klynge og, hvor panelet har dem, visitation og oprindelse (dynamisk eksakt matchning): forskellen i "
                 "andelen i job 13 uger efter start i procentpoint.",
                 "Raw figures for the municipality and its cluster in %s: offers started, and the share in work 3 "
                 "months after the offer's end. The estimate of the effect (the whole country, offers started in %s) "
                 "compares those who start their spell's first offer with spells without an offer yet in the same "
                 "spell week, age, sex and cluster and, where the panel carries them, visitation and origin (dynamic "
                 "exact matching): the difference in the share in work 13 weeks after the start in percentage points."),
            r->per ? styr_period_words(pw, sizeof pw, r->per) : r->periode, r->eff_window);
    fprintf(f, "</p><table><thead><tr><th>%s</th><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr>"
               "</thead><tbody>\n",
            T("Ydelse", "Group"), T("Tilbud", "Offer"), T("Startet", "Started"), T("I job 3 mdr.", "In work 3 m."),
            T("Klyngen", "Cluster"), T("Effekt (skøn)", "Effect (estimate)"), T("95 pct. KI", "95 pct. CI"),
            T("Rå forskel", "Raw difference"));
    for (int i = 0; i < r->neff; i++) {
        const styr_rp_effect *x = &r->eff[i];
        char a[48], b[48];
        fprintf(f, "<tr><td>");
        esc(f, x->group);
        fprintf(f, "</td><td>");
        esc(f, x->offer);
        fprintf(f, "</td>");
        cell(f, &cnt, x->started);
        cell(f, &pct, x->job3);
        cell(f, &pct, x->cl_job3);
        if (x->hidden || !x->e.shown) {
            fprintf(f, "<td class=\"n\">%s</td><td class=\"n\"></td><td class=\"n\"></td></tr>\n", x->hidden ? ".." : "-");
            continue;
        }
        fprintf(f, "<td class=\"n\">%s</td>", styr_fmt_num(a, sizeof a, x->e.effect, 1));
        fprintf(f, "<td class=\"n\">%s; ", styr_fmt_num(a, sizeof a, x->e.lo, 1));
        fprintf(f, "%s</td>", styr_fmt_num(b, sizeof b, x->e.hi, 1));
        fprintf(f, "<td class=\"n\">%s</td></tr>\n", styr_fmt_num(a, sizeof a, x->e.raw, 1));
    }
    fprintf(f, "</tbody></table><p class=\"note\">%s</p>\n",
            T("Skønnet bygger på antagelsen, at hvem der starter et tilbud i en given forløbsuge, inden for samme "
              "alder, køn, klynge (og visitation og oprindelse, hvor panelet har dem) ikke afhænger af andet, der "
              "påvirker udfaldet. Effekten er forskellen mellem at starte tilbuddet nu og ikke at starte det nu (men "
              "måske senere). Den rå forskel blander tilbuddets effekt med, hvem der fik det. Interval: 95 pct., "
              "standardfejl klynget på person. - = færre end 30 matchede behandlede.",
              "The estimate assumes that, within the same age, sex, cluster (and visitation and origin where the panel "
              "carries them), who starts an offer in a given spell "
              "week does not depend on anything else that affects the outcome. The effect is the difference between "
              "starting the offer now and not starting it now (but perhaps later). The raw difference mixes the offer's "
              "effect with who got it. Interval: 95 pct., standard error clustered by person. - = fewer than 30 "
              "matched treated."));
    effect_checks(f, r);
    fputs("</section>\n", f);
}

static void appendix(FILE *f, const styr_report *r)
{
    static const struct { const char *term_da, *term_en, *da, *en; } defs[] = {
        {"Fuldtidspersoner", "Full-time recipients",
         "Antal personuger med ydelsen i perioden divideret med periodens antal uger.",
         "Person-weeks on the benefit in the period divided by the period's weeks."},
        {"Andel af befolkningen", "Share of the population",
         "Fuldtidspersoner i pct. af befolkningen 16-66 år i kommunen i periodens år.",
         "Full-time recipients in pct. of the municipality's population aged 16-66 in the period's year."},
        {"Aktiveringsgrad", "Activation rate", "Andel af personugerne med et aktivt tilbud.",
         "Share of the person-weeks with an active offer."},
        {"Forløb", "Spell",
         "Sammenhængende uger med samme ydelse; huller på 1-3 uger bygges over, 4 uger afslutter forløbet. Forløbet hører "
         "til kommunen i dets sidste uge.",
         "Consecutive weeks on the same benefit; gaps of 1-3 weeks are bridged, 4 end the spell. A spell belongs to the "
         "municipality of its last week."},
        {"Varighed", "Duration", "Gennemsnitlig længde i uger af de forløb, der sluttede i perioden.",
         "Mean length in weeks of the spells that ended in the period."},
        {"Langvarige", "Long-term",
         "Andel af forløbene i gang i periodens sidste uge, der har varet mere end 52 uger.",
         "Share of the spells in progress in the period's last week that have lasted more than 52 weeks."},
        {"I job efter 3 mdr.", "In work after 3 months",
         "Andel af de afsluttede forløb, hvor personen 13 uger efter har løntimer og ingen offentlig forsørgelse; "
         "forløb, der endnu ikke kan måles, tæller ikke med.",
         "Share of ended spells where the person has paid hours and no public support 13 weeks later; spells not yet "
         "measurable are left out."},
        {"Klyngens niveau", "Cluster level",
         "Nøgletallet for klyngen som ét område: summen af tællere over summen af nævnere, ikke et gennemsnit af "
         "kommunernes tal.",
         "The figure for the cluster as one area: the sum of numerators over the sum of denominators, not a mean of the "
         "municipalities' figures."},
        {"Potentiale", "Potential",
         "(Kommunens værdi - klyngens niveau) x kommunens befolkning, når det er positivt: hvad kommunen kunne frigøre "
         "ved at gøre det lige så godt som klyngen.",
         "(The municipality's value - the cluster's level) x its population, when positive: what doing as well as the "
         "cluster would free."},
        {"Diskretion", "Discretion",
         "Tal, der hviler på færre end 5 personer, vises som \"..\", og det samme gør tal, der ellers ville kunne "
         "regnes ud af de viste (fx landet minus de andre kommuner): sekundær diskretion.",
         "Figures resting on fewer than 5 persons are shown as \"..\", and so are figures that could otherwise be "
         "worked out from those shown (e.g. the country minus the other municipalities): secondary suppression."},
    };
    fprintf(f, "<section id=\"bilag\"><h2>%s</h2><table><tbody>\n", T("Bilag: definitioner", "Appendix: definitions"));
    for (size_t i = 0; i < sizeof defs / sizeof *defs; i++) {
        fprintf(f, "<tr><th>%s</th><td>", T(defs[i].term_da, defs[i].term_en));
        esc(f, T(defs[i].da, defs[i].en));
        fprintf(f, "</td></tr>\n");
    }
    fprintf(f, "</tbody></table><p class=\"note\">%s ", T("Kilde:", "Source:"));
    esc(f, r->source);
    fprintf(f, "</p></section>\n");
}

int styr_report_html(FILE *f, const styr_report *r)
{
    head(f, r);
    profile(f, r);
    keytable(f, r);
    charts(f, r);
    development(f, r);
    scorecards(f, r);
    styr_rp_maal_section(f, r);
    goals(f, r);
    budget(f, r);
    money(f, r);
    effects(f, r);
    styr_rp_progression(f, r);
    styr_report_flows(f, r);
    if (r->public_only)
        styr_rp_needs_panel(f, "persondata", T("Det, der kræver persondata", "What needs person data"),
                            "Rapporten bygger kun på offentlige tal (jobindsats.dk, Statistikbanken). Effekten af tilbud, "
                            "budgetopfølgningens forbrug pr. tilbud, stikprøven til sagsgennemgang og økonomien efter "
                            "refusion kræver personhenførbare data og er derfor ikke med; indlæs DREAM, en lang CSV eller "
                            "statens Ydelsesrefusion-filer med styr import.",
                            "The report rests on published figures only (jobindsats.dk, Statistikbanken). The effect of "
                            "offers, the budget follow-up's spending by offer, the case review sample and money after "
                            "refusion need person-level data and are therefore left out; import DREAM, a long CSV or the "
                            "state's Ydelsesrefusion files with styr import.");
    appendix(f, r);
    fprintf(f, "</body></html>\n");
    return ferror(f) ? -1 : 0;
}
