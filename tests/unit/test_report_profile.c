/* Tests of the report's temperature page (report_profile.c, issue 16 §6) on a
 * profile filled by hand: the seven themes in order with their names, each
 * statement under its heading with the own and the cluster's figure beside it
 * ("..": discretion, "-": no data), the good examples of a challenge (best
 * and most improved, with value and change) and nothing for a challenge
 * without, the theme's recommendations, and the empty text of a theme
 * without figures. */
#include "harness.h"

#include "core/msg.h"
#include "out/report.h"
#include "out/report_profile.h"

static const char *const names[STYR_NTEMAER] = {"Politisk lederskab", "Politiske principper for indsatsen",
                                                "Samarbejde med virksomheder", "Den sammenhængende indsats på tværs",
                                                "Effekter og resultater", "Økonomiske konsekvenser",
                                                "God ledelse og styring"};

static styr_statement *add(styr_profile *p, int strength, int tema, const char *fig, double own, double cl, const char *text)
{
    styr_statement *s = &p->s[p->n++];
    memset(s, 0, sizeof *s);
    s->strength = strength;
    s->tema = tema;
    s->fig = fig;
    s->def = &styr_figdefs[styr_fig_by_key(fig)];
    s->own = (styr_figval){own, STYR_FV_OK};
    s->cluster = (styr_figval){cl, STYR_FV_OK};
    s->best.k = s->improved.k = -1;
    snprintf(s->text, sizeof s->text, "%s", text);
    return s;
}

static void fill(styr_profile *p)
{
    memset(p, 0, sizeof *p);
    for (int t = 0; t < STYR_NTEMAER; t++) {
        p->tema[t].nr = t + 1;
        snprintf(p->tema[t].navn, sizeof p->tema[t].navn, "%s", names[t]);
    }
    snprintf(p->tema[0].empty, sizeof p->tema[0].empty, "Styr har ingen tal om det politiske lederskab.");
    add(p, 1, 4, "andel_befolkning", 14.24, 15.9, "I har færre på offentlig forsørgelse end klyngen.");
    styr_statement *c = add(p, -1, 4, "langvarige", 59.3, 53.3, "I har flere langvarige forløb end klyngen.");
    c->best = (styr_pexample){3, 621, "Kolding", {41.04, STYR_FV_OK}};
    c->improved = (styr_pexample){5, 630, "Vejle", {-6.2, STYR_FV_OK}};
    styr_statement *d = add(p, 0, 2, "aktiveringsgrad", 0, 30.1, "I aktiverer en anden andel end klyngen.");
    d->own.state = STYR_FV_SUPPRESSED;
    styr_statement *e = add(p, -1, 5, "varighed", 31.0, 0, "Forløbene varer længere end i klyngen.");
    e->cluster.state = STYR_FV_NONE;
    p->tema[3].recs[0] = "Lav en fælles plan for de langvarige forløb.";
    p->tema[3].nrec = 1;
}

static char *render(const styr_profile *p)
{
    styr_report r;
    memset(&r, 0, sizeof r);
    r.profile = p;
    r.kommunenavn = "Odense";
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    styr_rp_profile_section(f, &r);
    fclose(f);
    return buf;
}

/* The part of html from the first occurrence of from up to (not including) to. */
static char *part(const char *html, const char *from, const char *to)
{
    const char *a = strstr(html, from);
    assert_non_null(a);
    const char *b = to ? strstr(a, to) : NULL;
    size_t n = b ? (size_t)(b - a) : strlen(a);
    char *s = malloc(n + 1);
    memcpy(s, a, n);
    s[n] = 0;
    return s;
}

static void test_themes_in_order(void **state)
{
    (void)state;
    styr_lang_set(STYR_LANG_DA);
    static styr_profile p;
    fill(&p);
    char *h = render(&p);
    const char *at = h;
    for (int t = 0; t < STYR_NTEMAER; t++) {
        char want[160];
        snprintf(want, sizeof want, "<div class=\"tema\" id=\"tema-%d\" data-nr=\"%d\"><h3>Tema %d: <span class=\"navn\">%s</span></h3>",
                 t + 1, t + 1, t + 1, names[t]);
        const char *x = strstr(at, want);
        assert_non_null(x); /* each theme after the one before */
        at = x;
    }
    assert_null(strstr(h, "id=\"tema-0\"")); /* every statement has its theme */
    /* theme 1 has no figures: its text, and no headings */
    char *t1 = part(h, "id=\"tema-1\"", "id=\"tema-2\"");
    assert_non_null(strstr(t1, "<p class=\"tom\">Styr har ingen tal om det politiske lederskab.</p>"));
    assert_null(strstr(t1, "<h4>"));
    free(t1);
    free(h);
}

static void test_statements_and_figures(void **state)
{
    (void)state;
    styr_lang_set(STYR_LANG_DA);
    static styr_profile p;
    fill(&p);
    char *h = render(&p);
    char *t4 = part(h, "id=\"tema-4\"", "id=\"tema-5\"");
    /* the strength with 14,24 -> "14,2 pct." against 15,9 */
    assert_non_null(strstr(t4, "<h4>Hvor er jeres styrker?</h4><table class=\"profil styrker\">"));
    assert_non_null(strstr(t4, "<th class=\"n\">Odense</th><th class=\"n\">Klyngen</th>"));
    assert_non_null(strstr(t4, "<td>I har færre på offentlig forsørgelse end klyngen.</td>"
                               "<td class=\"n\">14,2 pct.</td><td class=\"n\">15,9 pct.</td>"));
    assert_non_null(strstr(t4, "<h4>Hvor er I udfordret, og hvad er vores anbefalinger?</h4>"));
    assert_non_null(strstr(t4, "<td>I har flere langvarige forløb end klyngen.</td>"
                               "<td class=\"n\">59,3 pct.</td><td class=\"n\">53,3 pct.</td>"));
    /* the recommendation after the challenges, the good examples last */
    const char *rec = strstr(t4, "<ul class=\"anbefalinger\"><li>Lav en fælles plan for de langvarige forløb.</li></ul>");
    const char *ex = strstr(t4, "<h4>De gode eksempler</h4>");
    assert_non_null(rec);
    assert_non_null(ex);
    assert_true(rec < ex);
    /* best: Kolding at 41,04 -> 41,0 pct.; most improved: Vejle, -6,2 percentage points */
    assert_non_null(strstr(t4, "<span class=\"bedst\">Bedst i klyngen: Kolding (41,0 pct.).</span> "
                               "<span class=\"forbedret\">Forbedret mest: Vejle (-6,2 pct.-point).</span>"));
    free(t4);
    /* the difference: own suppressed, cluster a value */
    char *t2 = part(h, "id=\"tema-2\"", "id=\"tema-3\"");
    assert_non_null(strstr(t2, "<h4>Forskelle at drøfte</h4>"));
    assert_non_null(strstr(t2, "<td class=\"n\">..</td><td class=\"n\">30,1 pct.</td>"));
    assert_null(strstr(t2, "styrker"));
    free(t2);
    /* a challenge with no example: no examples list; the cluster's missing value "-" */
    char *t5 = part(h, "id=\"tema-5\"", "id=\"tema-6\"");
    assert_non_null(strstr(t5, "<td class=\"n\">31,0 uger</td><td class=\"n\">-</td>"));
    assert_null(strstr(t5, "De gode eksempler"));
    assert_null(strstr(t5, "anbefalinger\">"));
    free(t5);
    free(h);
}

/* An engine that gives no themes (the statements' tema 0) still shows them, under "Uden tema". */
static void test_statements_without_theme(void **state)
{
    (void)state;
    styr_lang_set(STYR_LANG_DA);
    static styr_profile p;
    memset(&p, 0, sizeof p);
    add(&p, -1, 0, "langvarige", 59.3, 53.3, "I har flere langvarige forløb end klyngen.");
    char *h = render(&p);
    assert_non_null(strstr(h, "<div class=\"tema\" id=\"tema-7\" data-nr=\"7\"><h3>Tema 7: <span class=\"navn\"></span></h3>"));
    char *t0 = part(h, "id=\"tema-0\"", NULL);
    assert_non_null(strstr(t0, "<td class=\"n\">59,3 pct.</td><td class=\"n\">53,3 pct.</td>"));
    free(t0);
    free(h);
}

static void test_english(void **state)
{
    (void)state;
    styr_lang_set(STYR_LANG_EN);
    static styr_profile p;
    fill(&p);
    char *h = render(&p);
    assert_non_null(strstr(h, "<h3>Theme 4: "));
    assert_non_null(strstr(h, "Best in the cluster: Kolding (41.0 pct.)."));
    assert_non_null(strstr(h, "<h4>Where are you challenged, and what do we recommend?</h4>"));
    free(h);
    styr_lang_set(STYR_LANG_DA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_themes_in_order),
        cmocka_unit_test(test_statements_and_figures),
        cmocka_unit_test(test_statements_without_theme),
        cmocka_unit_test(test_english),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
