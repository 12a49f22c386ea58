/* Fuzz target: any bytes as a published table (jobindsats.dk JSON in its
 * three shapes, CSV, the wide CSV, Statistikbanken, the labour force) through
 * styr_pub_recognise and styr_pub_import with --check (nothing is written).
 * The first byte picks the file's name, so the table id comes from it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/pubimport.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"y01a02_fuzz.csv", "folk1a_fuzz.csv", "Y30R21_fuzz.json", "fuzz.csv"};
    char path[128];
    snprintf(path, sizeof path, "%s/%s", styr_ws_dir(ws), names[size ? data[0] & 3 : 0]);
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    if (size > 1) fwrite(data + 1, 1, size - 1, f);
    fclose(f);
    (void)styr_pub_recognise(path);
    styr_diags d;
    styr_diags_init(&d);
    styr_pubimport_opts o = {.check_only = 1, .maal = size > 2 && (data[1] & 1) ? "Antal personer" : NULL};
    styr_pubimport_result res;
    const char *p = path;
    styr_rc rc = styr_pub_import(ws, &p, 1, &o, &res, &d);
    if (rc == STYR_OK && (res.nfiles != 1 || res.files[0].rows != res.rows || res.committed)) abort();
    if (rc == STYR_EINPUT && !styr_diags_count(&d)) abort();
    styr_pubimport_result_free(&res);
    styr_diags_free(&d);
    unlink(path);
    return 0;
}
