/* report: the committee's follow-up report ("Opfølgning på
 * beskæftigelsesindsatsen i X Kommune") as one self-contained HTML file, and
 * the same tables as an XLSX workbook.
 *
 * The report is a model (styr_report) that cmd/report.c fills from the
 * workspace, rendered here: key figures against the cluster, the profile in
 * words, the cluster scatter for each key figure, development lines,
 * scorecards, result goals, budget follow-up, money, and an appendix of
 * definitions. The HTML has inline CSS and SVG only, a Content-Security-
 * Policy that allows nothing from outside, no script, and page breaks for A4.
 * Every number comes formatted by figtext.h; suppressed values show "..". */
#ifndef STYR_REPORT_H
#define STYR_REPORT_H

#include <stdio.h>

#include "../ws/catalog.h"

#include "../calc/effect.h"
#include "effect_diag.h"
#include "../calc/develop.h"
#include "../calc/goaleval.h"
#include "../calc/scorecard.h"
#include "budgetout.h"
#include "profile.h"

enum { RP_FTE, RP_ANDEL, RP_AKT, RP_VARIGHED, RP_LANG, RP_JOB3, RP_NKEY };
#define STYR_RP_MAXYEARS 12

typedef struct styr_rp_keyrow {
    const char *navn;
    styr_figval own[RP_NKEY], cl[RP_NKEY];
    int rank, nranked;                         /* on the share of the population */
    unsigned char src[RP_NKEY], clsrc[RP_NKEY]; /* published: the value's source, [n] = kilder[n - 1]; 0 the panel */
} styr_rp_keyrow;

typedef struct styr_rp_scatter {
    char id[96], title[192];
    const styr_figdef *def;
    int n, own;
    const char *labels[STYR_MAX_KOMMUNER];
    styr_figval v[STYR_MAX_KOMMUNER];
    styr_figval level;
} styr_rp_scatter;

typedef struct styr_rp_lines {
    char id[96], title[192];
    const styr_figdef *def;
    int n;
    char xl[STYR_RP_MAXYEARS][8];
    styr_figval own[STYR_RP_MAXYEARS], cl[STYR_RP_MAXYEARS];
} styr_rp_lines;

typedef struct styr_rp_money {
    int present;
    const styr_figdef *def[4];                 /* brutto, refusion, netto, pr. 18-64 */
    styr_figval own[4], cl[4];
    styr_figval pot_level, pot_best;
    int nsteps;
    char step_label[8][48];
    styr_figval step_net[8], step_weeks[8];
    styr_figval out_net, out_weeks;            /* outside the staircase: the total less the steps */
    styr_figval tot_net, tot_weeks;            /* the total the rows sum to */
    const char *pot_per;                       /* what the potential is per ("pr. kvartal"), NULL for a year */
} styr_rp_money;

/* One offer kind in one group: raw figures for the municipality and its cluster in
 * the report's period, and the matched estimate (the whole country, its window). */
typedef struct styr_rp_effect {
    const char *group, *offer;
    styr_figval started, job3, cl_job3;
    styr_effect e;
    styr_effect_diag dg;                       /* placebo, balance, matched share, bands (effect_diag.h) */
    int hidden;                                /* the estimate rests on fewer than 5 */
} styr_rp_effect;

/* The municipality's place on STAR's benchmark list "forventet mod faktisk"
 * (jobindsats Y30R21, Ydelsesgrupper i alt) in each period imported, newest
 * first: the published place where the table has one, else styr's rank by the
 * difference in percentage points. n 0: the workspace has no Y30R21 rows, and
 * the report shows nothing of it. */
#define STYR_RP_Y30MAX 8
typedef struct styr_rp_y30 {
    int n;
    char periode[STYR_RP_Y30MAX][16];
    int place[STYR_RP_Y30MAX];                 /* 0: no place (no data, or suppressed) */
    int of[STYR_RP_Y30MAX];                    /* municipalities ranked */
    int has_diff[STYR_RP_Y30MAX];
    double diff[STYR_RP_Y30MAX];               /* actual - expected share, percentage points */
} styr_rp_y30;

typedef struct styr_report {
    int kommune;
    const char *kommunenavn, *periode, *prev, *klynge;
    int klynge_aar, nmembers;
    const char *generated, *source;
    char lead[512];                            /* the opening sentence */
    const styr_codes *codes;
    styr_rp_keyrow keys[24];
    int nkeys;
    styr_rp_scatter *sc;
    int nsc;
    styr_rp_lines *ln;
    int nln;
    styr_scorecard cards[8];
    int ncards;
    const styr_goal *goals;
    const styr_goal_eval *gev;
    size_t ngoals;
    const styr_fu_report *budget;              /* NULL: no budget for the year */
    styr_rp_money money;
    const styr_profile *profile;
    const styr_rp_effect *eff;                 /* NULL: no effect section (report --effekt) */
    int neff;
    const char *eff_window;
    const styr_period *per, *prev_per;         /* the report's period and the year before (in words in the prose) */
    unsigned synthetic;                        /* styr_catalog_synthetic: what is not real data */
    const styr_dev *dev;                       /* month by month for the scorecard groups (n 0: none) */
    const int *visible;                        /* the dashboard's municipality list (NULL: all) */
    int nvisible;
    int dashboard;                             /* styr serve: a navigation bar and the page's script,
                                                  the CSP from the HTTP header */
    const char *grouping;                      /* the comparison is not the fixed cluster: the
                                                  grouping in words (--klynge forventet); NULL */
    const styr_rp_y30 *y30;                    /* NULL or n 0: no benchmark place shown */
    /* published figures standing in for the panel (calc/query.h): their sources, numbered [1].. in the
     * order met, and per section the mask of those its values use (bit n - 1 for [n]) */
#define STYR_RP_MAXSRC 16
    const char *kilder[STYR_RP_MAXSRC];
    int nkilder;
    unsigned src_lead, src_keys, src_charts, src_lines, src_dev, src_cards, src_goals;
    int public_only;                           /* no person panel: the sections that need one say so */
    int dev_ytd_pub;                           /* the development's year to date from published months */
    const struct styr_rp_prog *progression;    /* report_progression.h; NULL: no progression section */
    const struct styr_rp_maal *maal;           /* report_maal.h; NULL: no target-group section */
    const struct styr_flows *flows;            /* calc/flows.h, all public support; NULL: no flows section */
} styr_report;

/* The source note of a section: "Kilde: [1] jobindsats y01a02, hentet ...; [2] ..." for the sources in
 * mask (nothing when 0), and the marker of one value ("[1]"; nothing for 0). In report_src.c. */
void styr_rp_source_note(FILE *f, const styr_report *r, unsigned mask);
void styr_rp_marker(FILE *f, int src);
/* A section's sentence that it needs a person panel (public_only), with the reason. */
void styr_rp_needs_panel(FILE *f, const char *id, const char *title, const char *why_da, const char *why_en);
/* The sources in mask as one line of text for a workbook ("" when 0). */
char *styr_rp_source_text(char *buf, size_t cap, const styr_report *r, unsigned mask);

/* The dashboard's navigation bar: choose municipality and period (a GET form
 * to /vis; /static/app.js submits it on change and carries the token). The
 * list offers the municipality codes visible[0..nvisible) (what the token may
 * see; NULL: every municipality) and always kommune itself. */
void styr_web_nav(FILE *f, const styr_codes *codes, int kommune, const char *periode, const int *visible, int nvisible);
/* The same, carrying klynge=forventet in its form and links when forventet is set
 * (the pages of --klynge forventet). */
void styr_web_nav_klynge(FILE *f, const styr_codes *codes, int kommune, const char *periode, const int *visible,
                         int nvisible, int forventet);

/* The banner that says a page or report is built on synthetic or illustrative
 * data (flags of styr_catalog_synthetic; nothing when 0). */
void styr_synthetic_banner(FILE *f, unsigned flags);

/* The same as one line of text (for a workbook's note); "" when flags is 0. */
char *styr_synthetic_text(char *buf, size_t cap, unsigned flags);

/* Write the HTML report to f. 0, or -1 when writing failed. */
int styr_report_html(FILE *f, const styr_report *r);

/* The report's style sheet (A4 print included); the dashboard's pages share it. */
extern const char styr_report_css[];

/* Write the tables to an XLSX workbook at path (atomically). */
styr_rc styr_report_xlsx(const char *path, const styr_report *r, styr_diags *d);

#endif
