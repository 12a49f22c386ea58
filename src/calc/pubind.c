/* pubind: the published indicators of the municipal profile (pubind.h). */
#include "pubind.h"

#include <string.h>

static const styr_figdef defs[STYR_NPI] = {
    {"sanktionsrate", "Sanktioner i pct. af modtagerne af kontanthjælp", "Sanctions in pct. of social assistance recipients",
     "Sanktionsrate", "Sanction rate", 1, STYR_U_PCT, 0},
    {"andel_virksomheder", "Andel af virksomhederne, jobcentret samarbejder med (pct.)",
     "Share of companies the job centre cooperates with (pct.)", "Virksomheder", "Companies", 1, STYR_U_PCT, 0},
    {"ydelser_pr_indbygger", "Udgifter til forsørgelse pr. indbygger (kr.)", "Benefit costs per inhabitant (DKK)",
     "Forsørgelse pr. indb.", "Benefits per inh.", 0, STYR_U_KR, 0},
    {"aktiv_pr_fuldtidsperson", "Udgifter til den aktive indsats pr. fuldtidsperson (kr.)",
     "Active-effort spending per full-time recipient (DKK)", "Aktiv indsats pr. fuldtidsp.", "Active per FTE", 0,
     STYR_U_KR, 0},
};

const styr_figdef *styr_pubind_def(int i) { return i >= 0 && i < STYR_NPI ? &defs[i] : NULL; }

styr_rc styr_pubind_load(styr_ws *ws, int year, styr_pubind *out, styr_diags *d)
{
    (void)ws;
    (void)d;
    memset(out, 0, sizeof *out);
    out->year = year;
    return STYR_OK;
}

styr_figval styr_pubind_value(const styr_pubind *pi, int i, int prev, int k)
{
    if (!pi || i < 0 || i >= STYR_NPI || !pi->has[i] || k < 0 || k > STYR_MAX_KOMMUNER)
        return (styr_figval){0, STYR_FV_NONE};
    int st = pi->state[i][prev][k];
    if (st != STYR_FV_OK) return (styr_figval){0, st ? st : STYR_FV_NONE};
    double den = pi->den[i][prev][k];
    return den > 0 ? (styr_figval){pi->num[i][prev][k] / den, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
}

styr_figval styr_pubind_area(const styr_pubind *pi, int i, int prev, const uint8_t *in, int nk)
{
    if (!pi || i < 0 || i >= STYR_NPI || !pi->has[i]) return (styr_figval){0, STYR_FV_NONE};
    double num = 0, den = 0;
    for (int k = 0; k < nk && k < STYR_MAX_KOMMUNER; k++) {
        if (!in[k]) continue;
        if (pi->state[i][prev][k] == STYR_FV_SUPPRESSED) return (styr_figval){0, STYR_FV_SUPPRESSED};
        if (pi->state[i][prev][k] != STYR_FV_OK) continue;
        num += pi->num[i][prev][k];
        den += pi->den[i][prev][k];
    }
    return den > 0 ? (styr_figval){num / den, STYR_FV_OK} : (styr_figval){0, STYR_FV_NONE};
}
