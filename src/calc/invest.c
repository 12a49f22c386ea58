/* invest: saved weeks priced by the refusion rules, payback. */
#include "invest.h"

#include <limits.h>
#include <string.h>

int styr_invest_compute(const styr_invest_in *in, const styr_rules *r, styr_invest *o)
{
    memset(o, 0, sizeof *o);
    if (in->start < 1 || in->saved < 0 || in->duration < in->start) return -1;
    o->nsteps = r->nsteps ? r->nsteps : 1;
    for (int k = 0; k < o->nsteps; k++) {
        o->step_lo[k] = r->nsteps ? r->step_lo[k] : 1;
        o->step_hi[k] = r->nsteps ? r->step_hi[k] : INT_MAX;
    }
    o->investment = in->persons * in->cost_per_person;
    o->last_saved = in->duration;
    o->first_saved = in->duration - in->saved + 1;
    if (o->first_saved < in->start) o->first_saved = in->start;
    o->payback_weeks = -1;
    double cum = 0;
    for (int w = o->first_saved; w <= o->last_saved; w++) {
        double s = styr_rules_share(r, in->regime, in->grp, 0, w, r->yd_trappe[in->grp] ? w : 0);
        int k = r->nsteps ? styr_rules_step(r, w) : 0;
        if (k < 0) k = o->nsteps - 1;
        o->weeks[k] += in->persons;
        o->gross[k] += in->persons * in->rate;
        o->net[k] += in->persons * in->rate * s;
        cum += in->rate * s;
        if (o->payback_weeks < 0 && in->cost_per_person > 0 && cum >= in->cost_per_person)
            o->payback_weeks = w - in->start + 1;
    }
    if (in->cost_per_person <= 0) o->payback_weeks = 0;
    for (int k = 0; k < o->nsteps; k++) {
        o->tot_weeks += o->weeks[k];
        o->tot_gross += o->gross[k];
        o->tot_net += o->net[k];
    }
    o->result = o->tot_net - o->investment;
    return 0;
}
