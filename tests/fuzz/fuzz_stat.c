/* Fuzz target: any bytes as a SAS, Stata or SPSS file, through ReadStat
 * (stat.c), header recognition, row validation and the batch build, as an
 * import reads it. The first byte chooses the format (the file's extension);
 * the rest is the file, written to a temporary directory because ReadStat
 * reads from a path. Seeds: tests/fuzz/seed_stat.c writes small valid files
 * of each format (run.sh makes them). Nothing is written to the workspace. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/batch.h"
#include "ingest/rows.h"
#include "ingest/stat.h"
#include "ws/workspace.h"

#include "fuzz_ws.h"

static int on_header(void *p, const styr_field *f, size_t nf, uint64_t line)
{
    styr_reader *r = p;
    if (styr_reader_header(r, f, nf, line)) return -1;
    r->b->line_step[r->fidx] = r->kind == STYR_T_DREAM ? 0 : 1;
    return 0;
}

static int on_row(void *p, const styr_field *f, size_t nf, uint64_t line)
{
    styr_reader *r = p;
    if (line > UINT32_MAX) return -1;
    return styr_reader_row(r, f, nf, line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const ext[] = {".sas7bdat", ".dta", ".sav", ".zsav", ".por", ".xpt"};
    static char dir[] = "/tmp/styr-fuzz-stat-XXXXXX";
    static int made;
    if (size < 1) return 0;
    if (!made && !mkdtemp(dir)) abort();
    made = 1;
    char path[96];
    snprintf(path, sizeof path, "%s/fuzz%s", dir, ext[data[0] % 6]);
    FILE *out = fopen(path, "wb");
    if (!out) abort();
    fwrite(data + 1, 1, size - 1, out);
    fclose(out);

    styr_diags d;
    styr_diags_init(&d);
    styr_batch b;
    styr_batch_init(&b);
    styr_reader r;
    styr_reader_init(&r, &b, styr_ws_codes(ws), &d, path, data[0] & 8 ? 461 : 0);
    r.fidx = (uint8_t)styr_batch_file(&b, path, 1);
    uint64_t rows = 0;
    if (!styr_stat_read(path, on_header, on_row, &r, NULL, NULL, &rows, &d)) {
        const styr_panel *p;
        if (!styr_ws_panel(ws, &p, &d)) {
            styr_newpanel np;
            styr_batch_check_pop(&b, &d);
            if (!styr_batch_build(&b, styr_panel_cols(p), &np, &d)) styr_newpanel_free(&np);
        }
    }
    unlink(path);
    styr_reader_free(&r);
    styr_batch_free(&b);
    styr_diags_free(&d);
    return 0;
}
