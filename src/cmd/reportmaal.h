/* reportmaal: the figures of the report's target-group section
 * (out/report_maal.h), from the benchmark context's municipality, cluster,
 * period and year before. */
#ifndef STYR_REPORTMAAL_H
#define STYR_REPORTMAAL_H

#include "../out/report_maal.h"
#include "benchctx.h"

/* Fill out for x's municipality; present stays 0 without a panel. keep[i]
 * gets the counts and discretion pattern of target group i: the caller
 * stores what was computed (styr_cli_store on keep[i].res, after closing the
 * workspace) and frees them with styr_bdata_free. */
styr_rc styr_rp_maal_fill(const styr_bctx *x, int threads, styr_rp_maal *out, styr_bdata *keep, styr_diags *d);

#endif
