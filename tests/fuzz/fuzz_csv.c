/* Fuzz target: any bytes as an import file, through the CSV reader, header
 * recognition, row validation, the batch and its build (sort, duplicates,
 * merge). Nothing is written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/batch.h"
#include "ingest/csv.h"
#include "ingest/rows.h"
#include "ingest/yr.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_batch b;
    styr_batch_init(&b);
    styr_csv c;
    styr_csv_init(&c, "fuzz.csv", data, size);
    styr_reader r;
    styr_reader_init(&r, &b, styr_ws_codes(ws), &d, "fuzz.csv", size % 2 ? 461 : 0);
    r.fidx = (uint8_t)styr_batch_file(&b, "fuzz.csv", 1);
    static const unsigned char key[32] = {1, 2, 3}; /* Ydelsesrefusion files: the pseudonym key */
    r.yr_key = key;
    if (styr_csv_header(&c, &d) == 1 && !styr_reader_header(&r, c.f, c.nf, c.line)) {
        b.line_step[r.fidx] = r.kind == STYR_T_DREAM || r.kind == STYR_T_YR ? 0 : 1;
        int got;
        while ((got = styr_csv_next(&c, &d)) != 0)
            if (got > 0 && styr_reader_row(&r, c.f, c.nf, c.line)) break;
        if (!b.oom) styr_yr_resolve(&b, styr_ws_codes(ws), &d);
        const styr_panel *p;
        if (!styr_ws_panel(ws, &p, &d)) {
            styr_newpanel np;
            styr_batch_check_pop(&b, &d);
            if (!styr_batch_build(&b, styr_panel_cols(p), &np, &d)) styr_newpanel_free(&np);
        }
    }
    styr_reader_free(&r);
    styr_csv_free(&c);
    styr_batch_free(&b);
    styr_diags_free(&d);
    return 0;
}
