/* synth_attr: drawing origin, arrival, visitation and teams (synth_attr.h). */
#include "synth_attr.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

#include "../panel/panel.h"

const char *const styr_synth_teams[SYNTH_NTEAMS] = {"",           "Ungeteam",         "Team Job Nord",
                                                    "Team Job Syd", "Team Ressource", "Integrationsteam",
                                                    "Sygedagpengeteam", "Fleksjobteam"};
enum { T_NONE, T_UNGE, T_JOB_N, T_JOB_S, T_RES, T_INT, T_SYG, T_FLEKS };

void styr_sattr_person(styr_sattr *a, uint64_t seed, uint64_t resident, double lvl, int big, int immigrant,
                       int arrival, int from_year, int *opr, int *indrejst)
{
    styr_rng_seed(&a->rng, seed ^ 0x5a7e1d0f2c3b4a59ull, resident + 1);
    a->yd = -1;
    a->vis = 0;
    a->change = INT32_MAX;
    a->end = INT32_MIN / 2;
    a->big = big;
    a->nord = styr_rng_u01(&a->rng) < 0.5;
    *indrejst = 0;
    double u = styr_rng_u01(&a->rng);
    if (immigrant) {
        *opr = u < 0.85 ? STYR_OPR_IND_IKKEVEST : STYR_OPR_IND_VEST;
        *indrejst = arrival;
        return;
    }
    double f = lvl > 0 ? lvl : 1;
    double iv = fmin(0.20, 0.055 * pow(f, 1.3)), iw = 0.035, ev = fmin(0.08, 0.025 * pow(f, 1.3)), ew = 0.008;
    if (u < iv) {
        *opr = STYR_OPR_IND_IKKEVEST;
        /* half of them came as refugees or family-reunified, over the 25 years before */
        if (styr_rng_u01(&a->rng) < 0.5) *indrejst = styr_rng_int(&a->rng, from_year - 25, from_year - 1);
    } else if (u < iv + iw) *opr = STYR_OPR_IND_VEST;
    else if (u < iv + iw + ev) *opr = STYR_OPR_EFT_IKKEVEST;
    else if (u < iv + iw + ev + ew) *opr = STYR_OPR_EFT_VEST;
    else *opr = STYR_OPR_DANSK;
}

static int is(const char *key, const char *k) { return !strcmp(key, k); }

/* The visitation a spell of group key starts with. */
static int first_vis(styr_sattr *a, const char *key, int age, double risk)
{
    double u = styr_rng_u01(&a->rng);
    double hard = risk > 2 ? 0.35 : risk > 1 ? 1.0 : 1.6; /* the low-risk are more often ready */
    if (is(key, "dagpenge")) return STYR_VIS_JOBPARAT;
    if (is(key, "uddannelseshjaelp") || ((is(key, "kontanthjaelp_ny") || is(key, "kontanthjaelp")) && age < 30)) {
        double up = fmin(0.75, 0.40 * hard), ap = fmin(0.20, 0.15 * hard);
        return u < up ? STYR_VIS_UDDANNELSESPARAT : u < up + ap ? STYR_VIS_AABENLYST : STYR_VIS_AKTIVITETSPARAT;
    }
    if (is(key, "kontanthjaelp") || is(key, "kontanthjaelp_ny"))
        return u < fmin(0.6, 0.25 * hard) ? STYR_VIS_JOBPARAT : STYR_VIS_AKTIVITETSPARAT;
    if (is(key, "integration")) return u < fmin(0.8, 0.5 * hard) ? STYR_VIS_JOBPARAT : STYR_VIS_AKTIVITETSPARAT;
    return STYR_VIS_UOPLYST;
}

static int team_of(const styr_sattr *a, const char *key, int vis, int age)
{
    const int job = a->big && !a->nord ? T_JOB_S : T_JOB_N;
    if (is(key, "dagpenge")) return job;
    if (is(key, "integration")) return T_INT;
    if (is(key, "uddannelseshjaelp")) return T_UNGE;
    if (is(key, "kontanthjaelp") || is(key, "kontanthjaelp_ny"))
        return age < 30 ? T_UNGE : vis == STYR_VIS_JOBPARAT ? job : T_RES;
    if (is(key, "sygedagpenge") || is(key, "jobafklaring")) return T_SYG;
    if (is(key, "ressourceforloeb") || is(key, "revalidering")) return T_RES;
    if (is(key, "ledighedsydelse") || is(key, "fleksjob")) return T_FLEKS;
    return T_NONE;
}

void styr_sattr_week(styr_sattr *a, int yd, const char *key, int cont, int start, int len, int age, double risk,
                     int *vis, int *team, int *seg)
{
    /* a new spell (a change of group, or a gap of 4 weeks or more) is visited anew */
    if ((yd != a->yd && !cont) || start > a->end + 4) {
        a->vis = first_vis(a, key, age, risk);
        a->change = INT32_MAX;
        double u = styr_rng_u01(&a->rng);
        if ((a->vis == STYR_VIS_AKTIVITETSPARAT && u < 0.33) || (a->vis == STYR_VIS_JOBPARAT && !is(key, "dagpenge") && u < 0.12))
            a->change = start + 4 + (int)styr_rng_exp(&a->rng, 26);
    }
    a->yd = yd;
    if (start >= a->change) { /* re-visited */
        a->vis = a->vis == STYR_VIS_AKTIVITETSPARAT ? (age < 30 ? STYR_VIS_UDDANNELSESPARAT : STYR_VIS_JOBPARAT)
                                                    : STYR_VIS_AKTIVITETSPARAT;
        a->change = INT32_MAX;
    }
    *seg = a->change < start + len ? a->change - start : len;
    *vis = a->vis;
    *team = team_of(a, key, a->vis, age);
    a->end = start + *seg - 1;
}
