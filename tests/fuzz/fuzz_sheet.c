/* Fuzz target: any bytes as a returned case review sheet (styr sample import),
 * written to a file and read as XLSX (minizip + expat: shared strings, cell
 * references, inline strings; the caps on rows, columns and XML size) or as
 * CSV. A sheet read must have rows in file order with cells within the caps. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest/sheet.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char path[64];
    if (!path[0]) snprintf(path, sizeof path, "/tmp/styr-fuzz-sheet-%d", (int)getpid());
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    fwrite(data, 1, size, f);
    fclose(f);
    styr_diags d;
    styr_diags_init(&d);
    styr_sheet s;
    if (styr_sheet_read(path, &s, &d) == STYR_OK) {
        for (size_t i = 0; i < s.n; i++) {
            if (i && s.row[i].line <= s.row[i - 1].line && s.xlsx == 0) abort();
            if (s.row[i].n > STYR_SHEET_MAX_COLS) abort();
            for (size_t j = 0; j < s.row[i].n; j++)
                (void)strlen(styr_sheet_cell(&s.row[i], j));
        }
        styr_sheet_free(&s);
    }
    styr_diags_free(&d);
    unlink(path);
    return 0;
}
