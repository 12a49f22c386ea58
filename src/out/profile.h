/* profile: a municipality's profile as KL's political partnership draws it
 * (seed 001, issue 16): seven themes, each with the strengths, the challenges
 * and the differences against the cluster, recommendations and good examples,
 * e.g. "I har færre på sygedagpenge end klyngen (2,0 pct. mod 2,2 pct. i
 * klyngen)."
 *
 * What a figure says is data (data/profil_retninger.csv): for every figure and
 * group whether higher is better, lower is better or neither, whether it
 * applies to the group at all, its theme and the reason. A level is stated
 * when it departs at least 5 pct. from the cluster's (relative) and the two
 * differ as shown; a development when the two changes differ by at least 3
 * percentage points. Only a figure with a direction makes a strength or a
 * challenge; one without is a difference to discuss ("forskelle"); one that
 * does not apply to the group says nothing. Every challenge names the
 * cluster's best municipality on the figure and the one that improved most
 * from the same period a year before (values as published: discretion
 * applies, and a member whose value is suppressed is never named).
 * Recommendations come from data/profil_anbefalinger.csv (or a table of
 * one's own), chosen by the challenges found; the themes' names from
 * data/profil_temaer.csv. No sentence is made from a suppressed value. */
#ifndef STYR_PROFILE_H
#define STYR_PROFILE_H

#include "../calc/bench.h"
#include "../calc/pubind.h"

#define STYR_NTEMAER 7
#define STYR_PROFILE_MAX 200
#define STYR_PROFILE_SHOW 6   /* statements of each kind a reader is shown per list (table output) */
#define STYR_PROFILE_RECS 4   /* recommendations per theme at most */
#define STYR_PROFILE_FACTS 4  /* facts per theme at most */

/* A municipality named as a good example: the cluster's best on a figure, or
 * the one that improved most. */
typedef struct styr_pexample {
    int k;                       /* municipality index, -1 none */
    int kommune;                 /* its code */
    const char *navn;            /* its name (codes) */
    styr_figval v;               /* its value (best), or its change (most improved), as published */
} styr_pexample;

typedef struct styr_statement {
    int strength;                /* +1 strength, -1 challenge, 0 a difference to discuss */
    int tema;                    /* 1 .. STYR_NTEMAER */
    double weight;               /* how strongly it departs (the order within its list) */
    int g;                       /* group (0 all public support) */
    const char *fig;             /* figure key ("udvikling" for the development of the share) */
    const styr_figdef *def;      /* how own and cluster are written (styr_fig_text) */
    styr_figval own, cluster;    /* the figures beside the sentence (for "udvikling": the changes, pct.) */
    const char *reason;          /* the direction data's reason (why a difference has no direction) */
    const char *kilde;           /* the published table feeding the figure, else NULL */
    styr_pexample best, improved;/* challenges: the cluster's best and the most improved (k -1: none) */
    char text[320];
} styr_statement;

typedef struct styr_ptheme {
    int nr;                      /* 1 .. 7 */
    char navn[96];               /* "Politisk lederskab", ... */
    int n;                       /* statements in the theme */
    const char *recs[STYR_PROFILE_RECS];  /* recommendations chosen (owned by the profile data) */
    int nrec;
    char empty[240];             /* when the theme has no figures: what would feed it; else "" */
    /* facts without a cluster to compare with, from the caller: the result goals (theme 1),
     * the budget follow-up (7), the estimated effects of offers (5) */
    char fakta[STYR_PROFILE_FACTS][320];
    int nfakta;
} styr_ptheme;

typedef struct styr_profile {
    int n;
    styr_statement s[STYR_PROFILE_MAX];  /* by theme; within it strengths, challenges, differences, strongest first */
    styr_ptheme tema[STYR_NTEMAER];
} styr_profile;

/* The directions, themes and recommendations (data/profil_*.csv, embedded;
 * recs_path: a recommendations table of one's own, same columns). */
typedef struct styr_profile_data styr_profile_data;
styr_rc styr_profile_data_load(const styr_codes *c, const char *recs_path, styr_profile_data **out, styr_diags *d);
void styr_profile_data_free(styr_profile_data *pd);

/* The direction of figure key fig for group g: +1 higher is better, -1 lower
 * is better, 0 neither; *applies 0 when the figure says nothing for the group;
 * *tema its theme; *reason the data's reason. STYR_PDIR_NONE when the data
 * has no row (the figure is then not used). */
#define STYR_PDIR_NONE (-9)
int styr_profile_direction(const styr_profile_data *pd, const char *fig, int g, int *applies, int *tema,
                           const char **reason);

/* The profile of municipality k against the area in[] (its cluster) in period
 * p, development and most improved from pprev (-1 none); pi: the published
 * indicators (NULL or empty: none). */
void styr_profile_make(const styr_profile_data *pd, const styr_bdata *b, const styr_pubind *pi, int p, int pprev,
                       int k, const uint8_t *in, styr_profile *out);

/* Add a fact to theme tema (1..7); a theme with a fact is no longer empty. */
void styr_profile_add_fact(styr_profile *pr, int tema, const char *text);

/* A most-improved example's change as written: "-0,4 pct.-point" for a share,
 * "-1,2 uger" for a duration, else "-3,1 pct." (styr_change's units). */
char *styr_profile_change_text(char *buf, size_t cap, const styr_figdef *def, styr_figval change);

/* "på sygedagpenge", "i fleksjob", "på offentlig forsørgelse" (or English). */
const char *styr_group_phrase(const styr_codes *c, int g, char *buf, size_t cap);

#endif
