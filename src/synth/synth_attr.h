/* synth_attr: the target-group attributes of a synthetic person (issue 14).
 *
 * Origin and year of arrival per person, visitation and the unit (team) per
 * week, drawn from a random stream of their own so that the benefit
 * histories of a seed are the same with and without them. The shares follow
 * the published picture in broad strokes: among kontanthjælp recipients
 * about a quarter jobparate and three quarters aktivitetsparate (more of the
 * high-risk residents aktivitetsparate), among the young on
 * uddannelseshjælp uddannelsesparate, åbenlyst uddannelsesparate and
 * aktivitetsparate, dagpenge recipients jobparate; a third of the
 * aktivitetsparate are moved to jobparat (or uddannelsesparat) during a
 * spell. Non-Western origin rises with the municipality's level of public
 * support; the immigrants of the simulation (who arrive on
 * integrationsydelse) are refugees or family-reunified with their year of
 * arrival. Teams: Ungeteam, Team Job (Nord and Syd in the large
 * municipalities), Team Ressource, Integrationsteam, Sygedagpengeteam,
 * Fleksjobteam. */
#ifndef STYR_SYNTH_ATTR_H
#define STYR_SYNTH_ATTR_H

#include <stdint.h>

#include "rng.h"

enum { SYNTH_NTEAMS = 8 };
extern const char *const styr_synth_teams[SYNTH_NTEAMS]; /* [0] = "" (none) */

typedef struct styr_sattr {
    styr_rng rng;
    int yd;            /* the group of the spell the visitation belongs to, -1 none */
    int vis, change;   /* the visitation now; the week it changes (INT32_MAX never) */
    int end;           /* the last week given so far */
    int big;           /* the municipality has two job teams */
    int nord;          /* this person belongs to Team Job Nord (else Syd) */
} styr_sattr;

/* Draw a person's origin and year of arrival. lvl: the municipality's level
 * of public support over the national one; immigrant: arrives in year
 * arrival (as a refugee or family-reunified). */
void styr_sattr_person(styr_sattr *a, uint64_t seed, uint64_t resident, double lvl, int big, int immigrant,
                       int arrival, int from_year, int *opr, int *indrejst);

/* The visitation and team of weeks [start, start + len) of group yd (index)
 * with key (the ydelse key), at the given age and risk; cont: the group
 * continues the spell of a->yd (the new kontanthjælp after one it replaced).
 * The weeks that share them are *seg (<= len) from start. */
void styr_sattr_week(styr_sattr *a, int yd, const char *key, int cont, int start, int len, int age, double risk,
                     int *vis, int *team, int *seg);

#endif
