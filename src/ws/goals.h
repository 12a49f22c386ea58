/* goals: result goals (resultatmål) kept in the workspace (table maal,
 * created by the first goal).
 *
 * KL: "set concrete result goals and follow them up, per unit". A goal names
 * a municipality, optionally a unit (enhed: a team or section, a label the
 * follow-up groups by), a benefit group, a figure (figures.h key), a year and
 * a target of one kind:
 *   "<=2,0"   the figure at most 2,0 at year end     (STYR_GOAL_MAX)
 *   ">=40"    at least 40                            (STYR_GOAL_MIN)
 *   "klynge"  better than the cluster's level        (STYR_GOAL_CLUSTER)
 *   "-10%"    10 pct. below last year's value (a relative change; "+5%" up)
 *             (STYR_GOAL_CHANGE)
 * e.g. "fuldtidspersoner on dagpenge below the cluster's level at year end"
 * is figure andel_befolkning, group dagpenge, target klynge; "i job efter 3
 * mdr. after praktik at least 40 %" is figure i_job_3mdr, tilbud praktik,
 * target >=40 (the status after the offers of that kind ended, styr offers). */
#ifndef STYR_GOALS_H
#define STYR_GOALS_H

#include <stddef.h>

#include "workspace.h"

typedef enum styr_goal_kind { STYR_GOAL_MAX, STYR_GOAL_MIN, STYR_GOAL_CLUSTER, STYR_GOAL_CHANGE } styr_goal_kind;

typedef struct styr_goal {
    int id;
    int kommune;                 /* code */
    int aar;
    int grp;                     /* ydelse index, 0 = all public support */
    char enhed[64];              /* "" = the whole job centre */
    char figur[48];
    int tilbud;                  /* offer kind (tilbud index): the figure is the status after
                                    the offers of that kind in the group ended; 0 = the group's */
    styr_goal_kind kind;
    double value;                /* MAX/MIN: the level; CHANGE: percent */
    char tekst[200];             /* the goal in the committee's words, optional */
} styr_goal;

/* Parse a target ("<=2,0", ">=40", "klynge", "-10%"). 0 or -1. */
int styr_goal_parse_target(const char *s, styr_goal_kind *kind, double *value);

/* The target as text ("højst 2,0", "mindst 40,0", "bedre end klyngen", "-10,0 pct. fra året før"). */
char *styr_goal_target_text(char *buf, size_t cap, const styr_goal *g, int decimals);

/* Goals of a municipality (0: all), ordered by unit, year and id. *out is
 * malloc'ed; *n may be 0. */
styr_rc styr_goals_load(styr_ws *ws, int kommune, styr_goal **out, size_t *n, styr_diags *d);

/* Add a goal (workspace open for writing); *id receives its id. */
styr_rc styr_goal_add(styr_ws *ws, const styr_goal *g, int *id, styr_diags *d);

/* Remove goal id; *found is 0 when there was none. */
styr_rc styr_goal_remove(styr_ws *ws, int id, int *found, styr_diags *d);

#endif
