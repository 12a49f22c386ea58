/* report_profile: the temperature page (see report_profile.h). */
#include "report_profile.h"

#include <string.h>

#include "../core/msg.h"
#include "figtext.h"
#include "report.h"
#include "svg.h"

#define T(da, en) styr_tr(da, en)

static void esc(FILE *f, const char *s) { styr_html_text(f, s); }

const styr_figdef *styr_rp_statement_def(const styr_statement *s) { return s->def; }

/* A value as the reader sees it; nothing when the statement says not how to write it. */
static void value_cell(FILE *f, const styr_figdef *def, styr_figval v)
{
    char t[64];
    fprintf(f, "<td class=\"n\">");
    if (def) esc(f, styr_fig_text(t, sizeof t, def, v));
    fprintf(f, "</td>");
}

static int has_example(const styr_pexample *e) { return e->k >= 0 && e->navn && *e->navn; }

/* "Odense (12,3 pct.)": a good example's name and value (change: its change). */
static void example(FILE *f, const styr_pexample *e, const styr_figdef *def, int change)
{
    char t[64];
    esc(f, e->navn);
    if (!def) return;
    fprintf(f, " (");
    esc(f, change ? styr_change_text(t, sizeof t, def, e->v) : styr_fig_text(t, sizeof t, def, e->v));
    fprintf(f, ")");
}

/* The list of statements of one kind in theme nr (tema 0: those with no theme
 * of 1-7): a table of sentence, own value, cluster value. Returns how many. */
static int statements(FILE *f, const styr_report *r, int nr, int kind, const char *title, const char *cls)
{
    const styr_profile *p = r->profile;
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        const styr_statement *s = &p->s[i];
        int in = nr ? s->tema == nr : s->tema < 1 || s->tema > STYR_NTEMAER;
        if (!in || s->strength != kind) continue;
        if (!n++) {
            fprintf(f, "<h4>%s</h4><table class=\"profil %s\"><colgroup><col><col class=\"v\"><col class=\"v\"></colgroup>"
                       "<thead><tr><th></th><th class=\"n\">",
                    title, cls);
            esc(f, r->kommunenavn && *r->kommunenavn ? r->kommunenavn : T("Jer", "You"));
            fprintf(f, "</th><th class=\"n\">%s</th></tr></thead><tbody>", T("Klyngen", "Cluster"));
        }
        const styr_figdef *def = styr_rp_statement_def(s);
        fprintf(f, "<tr data-figur=\"");
        esc(f, s->fig ? s->fig : "");
        fprintf(f, "\" data-ydelse=\"%d\"><td>", s->g);
        esc(f, s->text);
        if (s->kilde && *s->kilde) {
            fprintf(f, " <span class=\"note kilde\">(%s ", T("kilde:", "source:"));
            esc(f, s->kilde);
            fprintf(f, ")</span>");
        }
        fprintf(f, "</td>");
        value_cell(f, def, s->own);
        value_cell(f, def, s->cluster);
        fprintf(f, "</tr>");
    }
    if (n) fprintf(f, "</tbody></table>\n");
    return n;
}

/* "De gode eksempler": for each challenge of theme nr with an example, the
 * cluster's best and the most improved, in the challenges' order. */
static void examples(FILE *f, const styr_report *r, int nr)
{
    const styr_profile *p = r->profile;
    int n = 0;
    for (int i = 0; i < p->n; i++) {
        const styr_statement *s = &p->s[i];
        int in = nr ? s->tema == nr : s->tema < 1 || s->tema > STYR_NTEMAER;
        if (!in || s->strength != -1 || (!has_example(&s->best) && !has_example(&s->improved))) continue;
        if (!n++)
            fprintf(f, "<h4>%s</h4><ul class=\"eksempler\">", T("De gode eksempler", "The good examples"));
        const styr_figdef *def = styr_rp_statement_def(s);
        char ph[96] = "";
        fprintf(f, "<li data-figur=\"");
        esc(f, s->fig ? s->fig : "");
        fprintf(f, "\" data-ydelse=\"%d\"><b>", s->g);
        if (s->fig && !strcmp(s->fig, "udvikling")) esc(f, T("Udviklingen", "The development"));
        else if (def) esc(f, T(def->da, def->en));
        if (r->codes && s->g >= 0 && s->g < r->codes->dict.nyd) {
            fprintf(f, " ");
            esc(f, styr_group_phrase(r->codes, s->g, ph, sizeof ph));
        } else if (!s->g) {
            fprintf(f, " ");
            esc(f, T("på offentlig forsørgelse", "on public support"));
        }
        fprintf(f, ":</b> ");
        if (has_example(&s->best)) {
            fprintf(f, "<span class=\"bedst\">%s ", T("Bedst i klyngen:", "Best in the cluster:"));
            example(f, &s->best, def, 0);
            fprintf(f, ".</span> ");
        }
        if (has_example(&s->improved)) {
            fprintf(f, "<span class=\"forbedret\">%s ", T("Forbedret mest:", "Improved most:"));
            example(f, &s->improved, def, 1);
            fprintf(f, ".</span>");
        }
        fprintf(f, "</li>");
    }
    if (n) fprintf(f, "</ul>\n");
}

static void theme(FILE *f, const styr_report *r, const styr_ptheme *t, int nr)
{
    fprintf(f, "<div class=\"tema\" id=\"tema-%d\" data-nr=\"%d\"><h3>%s %d: <span class=\"navn\">", nr, nr, T("Tema", "Theme"), nr);
    esc(f, t && *t->navn ? t->navn : "");
    fprintf(f, "</span></h3>\n");
    if (t && *t->empty) {
        fprintf(f, "<p class=\"tom\">");
        esc(f, t->empty);
        fprintf(f, "</p>\n");
    }
    if (t && t->nfakta > 0) { /* goals, budget, effects: no cluster to compare with */
        fprintf(f, "<h4>%s</h4><ul class=\"fakta\">", T("Sådan står det til", "Where you stand"));
        for (int i = 0; i < t->nfakta && i < STYR_PROFILE_FACTS; i++) {
            fprintf(f, "<li>");
            esc(f, t->fakta[i]);
            fprintf(f, "</li>");
        }
        fprintf(f, "</ul>\n");
    }
    statements(f, r, nr, 1, T("Hvor er jeres styrker?", "Where are your strengths?"), "styrker");
    int nch = statements(f, r, nr, -1, T("Hvor er I udfordret, og hvad er vores anbefalinger?",
                                         "Where are you challenged, and what do we recommend?"), "udfordringer");
    if (t && t->nrec > 0) {
        if (!nch) fprintf(f, "<h4>%s</h4>", T("Vores anbefalinger", "Our recommendations"));
        fprintf(f, "<ul class=\"anbefalinger\">");
        for (int i = 0; i < t->nrec && i < STYR_PROFILE_RECS; i++) {
            if (!t->recs[i]) continue;
            fprintf(f, "<li>");
            esc(f, t->recs[i]);
            fprintf(f, "</li>");
        }
        fprintf(f, "</ul>\n");
    }
    statements(f, r, nr, 0, T("Forskelle at drøfte", "Differences to discuss"), "forskelle");
    examples(f, r, nr);
    fprintf(f, "</div>\n");
}

void styr_rp_profile_section(FILE *f, const styr_report *r)
{
    const styr_profile *p = r->profile;
    if (!p) return;
    fprintf(f, "<section id=\"profil\"><h2>%s</h2>\n<p class=\"note\">%s</p>\n",
            T("Profil: tema for tema", "Profile: theme by theme"),
            T("De syv temaer fra KL's politiske partnerskab om beskæftigelse. Ved hvert udsagn står kommunens tal og "
              "klyngens. Styrker og udfordringer bygger kun på tal, hvor det er klart, hvad der er bedst; forskelle "
              "er tal uden en sådan retning, der er værd at drøfte.",
              "The seven themes of KL's political partnership on employment. Beside each statement the "
              "municipality's figure and the cluster's. Strengths and challenges rest only on figures where it is "
              "clear what is better; differences are figures without such a direction, worth discussing."));
    for (int t = 0; t < STYR_NTEMAER; t++) {
        const styr_ptheme *th = &p->tema[t];
        theme(f, r, th, th->nr ? th->nr : t + 1);
    }
    int loose = 0; /* statements outside the seven themes (an engine that gives none) */
    for (int i = 0; i < p->n; i++) loose += p->s[i].tema < 1 || p->s[i].tema > STYR_NTEMAER;
    if (loose) {
        fprintf(f, "<div class=\"tema\" id=\"tema-0\"><h3>%s</h3>\n", T("Uden tema", "Without a theme"));
        statements(f, r, 0, 1, T("Styrker", "Strengths"), "styrker");
        statements(f, r, 0, -1, T("Udfordringer", "Challenges"), "udfordringer");
        statements(f, r, 0, 0, T("Forskelle at drøfte", "Differences to discuss"), "forskelle");
        examples(f, r, 0);
        fprintf(f, "</div>\n");
    }
    fprintf(f, "<p class=\"note\">%s %s</p>\n", styr_discretion_note(), styr_none_note());
    styr_rp_source_note(f, r, r->src_keys);
    fprintf(f, "</section>\n");
}
