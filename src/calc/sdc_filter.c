/* sdc_filter: the discretion pattern of filtered figures (sdc.h).
 *
 * Interim: until the joint patterns per filter dimension exist, every cell
 * of a filtered table is suppressed; safe, and says nothing. */
#include <string.h>

#include "sdc.h"

styr_rc styr_sdc_get_filtered(styr_ws *ws, int threads, const styr_filter *f, styr_sdc *out, int *built,
                              styr_diags *d)
{
    (void)f;
    styr_rc rc = styr_sdc_get(ws, threads, out, built, d);
    if (rc) return rc;
    size_t n = ((size_t)out->nspan * (size_t)out->nks * (size_t)out->ng + 7) / 8;
    for (int fam = 0; fam < SDC_NFAM; fam++) memset(out->bits[fam], 0xff, n);
    *built = 0;
    return STYR_OK;
}

styr_rc styr_sdc_save_filtered(styr_ws *ws, const styr_filter *f, const styr_sdc *s, styr_diags *d)
{
    (void)ws, (void)f, (void)s, (void)d;
    return STYR_OK;
}
