/* Fuzz target: any bytes as a budget file, through the CSV reader and the
 * budget reader (header, amounts in both number forms, profiles, the
 * fuldtid/personer/varighed identity, duplicate keys), and any bytes as an
 * amount. Nothing is written. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/num.h"
#include "ingest/budgetcsv.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    styr_diags d;
    styr_diags_init(&d);
    styr_budget *rows = NULL;
    size_t n = 0;
    styr_budget_file info;
    styr_rc rc = styr_budget_read("fuzz.csv", data, size, styr_ws_codes(ws), &rows, &n, &info, &d);
    if (rc == STYR_OK) {
        for (size_t i = 0; i < n; i++)
            if (rows[i].grp < 1 || rows[i].aar < 1990 || rows[i].aar > 2099 || !(rows[i].fuldtid >= 0)) abort();
    } else if (rows || n) {
        abort();
    }
    free(rows);
    styr_diags_free(&d);
    double v;
    (void)styr_parse_amount((const char *)data, size, (int)(size & 1), &v);
    return 0;
}
