/* outfile: where a report goes, and the cells of a Danish CSV.
 *
 * A destination is standard output or a file written atomically (a temporary
 * file, fsynced and renamed: a failed write leaves no half file). The CSV
 * helpers write what Danish Excel opens directly: ';' between fields, decimal
 * comma, text quoted only when it holds ';', '"' or a newline. */
#ifndef STYR_OUTFILE_H
#define STYR_OUTFILE_H

#include <stdio.h>

#include "../core/fsutil.h"

typedef struct styr_dest {
    FILE *f;
    styr_atomic a;
    int atomic;
} styr_dest;

/* For styr serve: in this thread, standard output as a destination is f
 * instead (NULL: standard output again), so a command's own writer answers
 * an API request. */
void styr_dest_capture(FILE *f);

/* Open path for writing (NULL or "-": standard output, or the capture). */
styr_rc styr_dest_open(styr_dest *x, const char *path, styr_diags *d);
/* Finish: ok = 0 means the writer failed (the file is discarded). */
styr_rc styr_dest_close(styr_dest *x, int ok, styr_diags *d);

void styr_csv_text(FILE *f, const char *s);
/* A number rounded half away from zero to decimals, with a decimal comma. */
void styr_csv_number(FILE *f, double v, int decimals);

#endif
