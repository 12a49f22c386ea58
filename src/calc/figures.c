/* figures: from counts to the spec's figures, with discretion. */
#include "figures.h"

#include "sdc.h"

#include <string.h>


const styr_figdef styr_figdefs[STYR_NFIG] = {
    [FIG_FULDTIDSPERSONER] = {"fuldtidspersoner", "Fuldtidspersoner", "Full-time recipients", "Fuldtidspers.",
                              "Full-time", 1, STYR_U_FTE, -1},
    [FIG_PERSONER] = {"personer", "Personer", "Persons", "Personer", "Persons", 0, STYR_U_COUNT, -1},
    [FIG_AKTIVERINGSGRAD] = {"aktiveringsgrad", "Aktiveringsgrad", "Activation rate", "Akt.grad", "Activation", 1,
                             STYR_U_PCT, +1},
    [FIG_ANDEL] = {"andel_befolkning", "Andel af befolkningen 16-66 år", "Share of the population aged 16-66",
                   "Andel", "Share", 1, STYR_U_PCT, -1},
    [FIG_U_FULDTIDSPERSONER] = {"unge_fuldtidspersoner", "Unge under 30: fuldtidspersoner",
                                "Young (under 30): full-time recipients", "Unge fuldtid", "Young FT", 1, STYR_U_FTE, -1},
    [FIG_U_PERSONER] = {"unge_personer", "Unge under 30: personer", "Young (under 30): persons", "Unge pers.",
                        "Young pers.", 0, STYR_U_COUNT, -1},
    [FIG_U_AKTIVERINGSGRAD] = {"unge_aktiveringsgrad", "Unge under 30: aktiveringsgrad",
                               "Young (under 30): activation rate", "Unge akt.", "Young act.", 1, STYR_U_PCT, +1},
    [FIG_U_ANDEL] = {"unge_andel_befolkning", "Unge under 30: andel af befolkningen 16-29 år",
                     "Young (under 30): share of the population aged 16-29", "Unge andel", "Young share", 1,
                     STYR_U_PCT, -1},
    [FIG_STARTET] = {"forloeb_startet", "Forløb startet", "Spells started", "Startet", "Started", 0, STYR_U_COUNT, 0},
    [FIG_AFSLUTTET] = {"forloeb_afsluttet", "Forløb afsluttet", "Spells ended", "Afsluttet", "Ended", 0, STYR_U_COUNT,
                       0},
    [FIG_VARIGHED] = {"varighed", "Varighed (uger, afsluttede forløb)", "Duration (weeks, ended spells)", "Varighed",
                      "Duration", 1, STYR_U_WEEKS, -1},
    [FIG_LANGVARIGE] = {"langvarige", "Langvarige (over 52 uger)", "Long-term (over 52 weeks)", "Langvarige",
                        "Long-term", 1, STYR_U_PCT, -1},
    [FIG_JOB_4U] = {"i_job_4uger", "I job 4 uger efter", "In work 4 weeks after", "Job 4 u.", "Job 4 w.", 1,
                    STYR_U_PCT, +1},
    [FIG_JOB_3MDR] = {"i_job_3mdr", "I job efter 3 mdr.", "In work after 3 months", "Job 3 mdr.", "Job 3 m.", 1,
                      STYR_U_PCT, +1},
    [FIG_JOB_6MDR] = {"i_job_6mdr", "I job efter 6 mdr.", "In work after 6 months", "Job 6 mdr.", "Job 6 m.", 1,
                      STYR_U_PCT, +1},
    [FIG_JOB_12MDR] = {"i_job_12mdr", "I job efter 12 mdr.", "In work after 12 months", "Job 12 mdr.", "Job 12 m.", 1,
                       STYR_U_PCT, +1},
    [FIG_SELV_4U] = {"selvforsoerget_4uger", "Selvforsørget 4 uger efter", "Self-supporting 4 weeks after",
                     "Selvf. 4 u.", "Self 4 w.", 1, STYR_U_PCT, +1},
    [FIG_SELV_3MDR] = {"selvforsoerget_3mdr", "Selvforsørget efter 3 mdr.", "Self-supporting after 3 months",
                       "Selvf. 3 mdr.", "Self 3 m.", 1, STYR_U_PCT, +1},
    [FIG_SELV_6MDR] = {"selvforsoerget_6mdr", "Selvforsørget efter 6 mdr.", "Self-supporting after 6 months",
                       "Selvf. 6 mdr.", "Self 6 m.", 1, STYR_U_PCT, +1},
    [FIG_SELV_12MDR] = {"selvforsoerget_12mdr", "Selvforsørget efter 12 mdr.", "Self-supporting after 12 months",
                        "Selvf. 12 mdr.", "Self 12 m.", 1, STYR_U_PCT, +1},
    [FIG_IKKE_MAALBARE_3MDR] = {"ikke_maalbare_3mdr", "Afsluttede forløb, endnu ikke målbare efter 3 mdr.",
                                "Ended spells not yet measurable after 3 months", "Ej målbare", "Not yet", 0,
                                STYR_U_COUNT, 0},
    [FIG_UDD_4U] = {"i_uddannelse_4uger", "I uddannelse 4 uger efter", "In education 4 weeks after", "Udd. 4 u.",
                    "Educ. 4 w.", 1, STYR_U_PCT, +1},
    [FIG_UDD_3MDR] = {"i_uddannelse_3mdr", "I uddannelse efter 3 mdr.", "In education after 3 months", "Udd. 3 mdr.",
                      "Educ. 3 m.", 1, STYR_U_PCT, +1},
    [FIG_UDD_6MDR] = {"i_uddannelse_6mdr", "I uddannelse efter 6 mdr.", "In education after 6 months", "Udd. 6 mdr.",
                      "Educ. 6 m.", 1, STYR_U_PCT, +1},
    [FIG_UDD_12MDR] = {"i_uddannelse_12mdr", "I uddannelse efter 12 mdr.", "In education after 12 months",
                       "Udd. 12 mdr.", "Educ. 12 m.", 1, STYR_U_PCT, +1},
    [FIG_JOBUDD_4U] = {"i_job_uddannelse_4uger", "I job eller uddannelse 4 uger efter",
                       "In work or education 4 weeks after", "Job/udd. 4 u.", "Job/educ. 4 w.", 1, STYR_U_PCT, +1},
    [FIG_JOBUDD_3MDR] = {"i_job_uddannelse_3mdr", "I job eller uddannelse efter 3 mdr.",
                         "In work or education after 3 months", "Job/udd. 3 mdr.", "Job/educ. 3 m.", 1, STYR_U_PCT,
                         +1},
    [FIG_JOBUDD_6MDR] = {"i_job_uddannelse_6mdr", "I job eller uddannelse efter 6 mdr.",
                         "In work or education after 6 months", "Job/udd. 6 mdr.", "Job/educ. 6 m.", 1, STYR_U_PCT,
                         +1},
    [FIG_JOBUDD_12MDR] = {"i_job_uddannelse_12mdr", "I job eller uddannelse efter 12 mdr.",
                          "In work or education after 12 months", "Job/udd. 12 mdr.", "Job/educ. 12 m.", 1,
                          STYR_U_PCT, +1},
};

void styr_cell_add(styr_cell *a, const styr_cell *b)
{
    a->weeks += b->weeks;
    a->active += b->active;
    a->persons += b->persons;
    a->y_weeks += b->y_weeks;
    a->y_active += b->y_active;
    a->y_persons += b->y_persons;
    a->started += b->started;
    a->started_p += b->started_p;
    a->ended += b->ended;
    a->ended_p += b->ended_p;
    a->ended_len += b->ended_len;
    a->inprog += b->inprog;
    a->inprog_long += b->inprog_long;
    for (int h = 0; h < STYR_NHORIZONS; h++) {
        for (int k = 0; k < STYR_NSTATUS; k++) a->status[h][k] += b->status[h][k];
        a->status_p[h] += b->status_p[h];
    }
    a->gross += b->gross;
    for (int r = 0; r <= STYR_MAXREG; r++) a->net[r] += b->net[r];
    for (int k = 0; k < STYR_MAXSTEPS; k++) {
        a->net_step[k] += b->net_step[k];
        a->weeks_step[k] += b->weeks_step[k];
    }
    a->weeks_norate += b->weeks_norate;
}

int styr_fig_by_key(const char *key)
{
    for (int f = 0; f < STYR_NFIG; f++)
        if (!strcmp(styr_figdefs[f].key, key)) return f;
    return -1;
}

/* A value numerator/denominator, hidden when its family is. */
static styr_figval val(double num, double den, unsigned hide, int fam, double scale)
{
    if (hide >> fam & 1u) return (styr_figval){0, STYR_FV_SUPPRESSED};
    if (den <= 0) return (styr_figval){0, STYR_FV_NONE};
    return (styr_figval){scale * num / den, STYR_FV_OK};
}

static unsigned small(uint32_t persons, int fam) { return persons > 0 && persons < STYR_DISCRETION ? 1u << fam : 0; }

void styr_figures_na(styr_figval v[STYR_NFIG], uint32_t mask)
{
    for (int f = 0; f < STYR_NFIG; f++)
        if (mask >> f & 1u) v[f] = (styr_figval){0, STYR_FV_NA};
}

int styr_figures_mask(const char *list, uint32_t *mask)
{
    *mask = 0;
    const char *s = list;
    while (s && *s) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        while (n && s[n - 1] == ' ') n--;
        while (n && *s == ' ') s++, n--;
        int prefix = n && s[n - 1] == '*', hit = 0;
        if (prefix) n--;
        for (int f = 0; f < STYR_NFIG && n; f++)
            if (prefix ? !strncmp(styr_figdefs[f].key, s, n) : strlen(styr_figdefs[f].key) == n && !strncmp(styr_figdefs[f].key, s, n))
                *mask |= 1u << f, hit = 1;
        if (n && !hit) return -1;
        s = e ? e + 1 : NULL;
    }
    return 0;
}

unsigned styr_primary_hide(const styr_cell *c)
{
    unsigned h = small(c->persons, SDC_LEVEL) | small(c->y_persons, SDC_YOUNG) | small(c->started_p, SDC_STARTED) |
                 small(c->ended_p, SDC_ENDED) | small(c->inprog, SDC_LONG);
    for (int k = 0; k < STYR_NHORIZONS; k++) h |= small(c->status_p[k], SDC_H4 + k);
    return h;
}

void styr_figures_of(const styr_cell *c, int pweeks, double pop, double ypop, unsigned hide,
                     styr_figval out[STYR_NFIG])
{
    out[FIG_FULDTIDSPERSONER] = val(c->weeks, pweeks, hide, SDC_LEVEL, 1);
    out[FIG_PERSONER] = val(c->persons, 1, hide, SDC_LEVEL, 1);
    out[FIG_AKTIVERINGSGRAD] = val(c->active, c->weeks, hide, SDC_LEVEL, 100);
    out[FIG_ANDEL] = val((double)c->weeks / pweeks, pop, hide, SDC_LEVEL, 100);
    out[FIG_U_FULDTIDSPERSONER] = val(c->y_weeks, pweeks, hide, SDC_YOUNG, 1);
    out[FIG_U_PERSONER] = val(c->y_persons, 1, hide, SDC_YOUNG, 1);
    out[FIG_U_AKTIVERINGSGRAD] = val(c->y_active, c->y_weeks, hide, SDC_YOUNG, 100);
    out[FIG_U_ANDEL] = val((double)c->y_weeks / pweeks, ypop, hide, SDC_YOUNG, 100);
    out[FIG_STARTET] = val(c->started, 1, hide, SDC_STARTED, 1);
    out[FIG_AFSLUTTET] = val(c->ended, 1, hide, SDC_ENDED, 1);
    out[FIG_VARIGHED] = val((double)c->ended_len, c->ended, hide, SDC_ENDED, 1);
    out[FIG_LANGVARIGE] = val(c->inprog_long, c->inprog, hide, SDC_LONG, 100);
    for (int h = 0; h < STYR_NHORIZONS; h++) {
        const uint32_t *s = c->status[h];
        double measurable = styr_status_measurable(s);
        out[FIG_JOB_4U + h] = val(s[STYR_ST_JOB], measurable, hide, SDC_H4 + h, 100);
        /* selvforsørget keeps the spec's meaning, no public support: education (SU) counts */
        out[FIG_SELV_4U + h] =
            val((double)s[STYR_ST_JOB] + s[STYR_ST_SELV] + s[STYR_ST_UDD], measurable, hide, SDC_H4 + h, 100);
        out[FIG_UDD_4U + h] = val(s[STYR_ST_UDD], measurable, hide, SDC_H4 + h, 100);
        out[FIG_JOBUDD_4U + h] = val((double)s[STYR_ST_JOB] + s[STYR_ST_UDD], measurable, hide, SDC_H4 + h, 100);
    }
    /* ended minus not yet measurable is the measurable endings behind status 13 weeks after */
    out[FIG_IKKE_MAALBARE_3MDR] = val(c->status[1][STYR_ST_NOTYET], 1, hide | (hide >> SDC_H13 & 1u) << SDC_ENDED, SDC_ENDED, 1);
}
