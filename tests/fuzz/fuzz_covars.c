/* Fuzz target: any bytes as a frame-conditions file (styr compare
 * --rammevilkaar), through the CSV reader and the covariate reader; a file
 * that is accepted has a name per column and a value per known municipality.
 * Nothing is written. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "ingest/covcsv.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static styr_covars cv;
    styr_diags d;
    styr_diags_init(&d);
    styr_encoding enc;
    char sep;
    const styr_codes *c = styr_ws_codes(ws);
    styr_rc rc = styr_covars_read("fuzz.csv", data, size, c, &cv, &enc, &sep, &d);
    if (rc == STYR_OK) {
        if (cv.n < 1 || cv.n > STYR_MAXCOV) abort();
        int rows = 0;
        for (int k = 0; k < c->dict.nkom; k++)
            if (cv.has[k]) {
                rows++;
                for (int j = 0; j < cv.n; j++)
                    if (isnan(cv.val[k][j])) abort();
            }
        if (!rows) abort();
    } else if (cv.n || !d.n) {
        abort();
    }
    styr_diags_free(&d);
    return 0;
}
