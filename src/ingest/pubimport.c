/* pubimport: not yet written (issue 13, part 1); the interface is settled. */
#include "pubimport.h"

#include <stdlib.h>
#include <string.h>

int styr_pub_recognise(const char *path)
{
    (void)path;
    return 0;
}

styr_rc styr_pub_import(styr_ws *ws, const char *const *paths, size_t n, const styr_pubimport_opts *o,
                        styr_pubimport_result *res, styr_diags *d)
{
    (void)ws, (void)paths, (void)n, (void)o;
    memset(res, 0, sizeof *res);
    return styr_diag_sys(d, STYR_EUSAGE, "public tables cannot be imported yet");
}

void styr_pubimport_result_free(styr_pubimport_result *res)
{
    if (!res) return;
    free(res->files);
    memset(res, 0, sizeof *res);
}
