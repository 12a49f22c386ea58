/* sheet: a filled-in spreadsheet as a grid of text cells, from XLSX or CSV.
 *
 * The case review sheet (styr sample) comes back as the XLSX styr wrote, or
 * as CSV saved from it (';' or ',' or tab, UTF-8 or Windows-1252: the CSV
 * reader in csv.h decides). An XLSX file is read with minizip (the ZIP
 * container) and expat (the XML): the first worksheet's cells, with shared
 * strings, inline strings, numbers and booleans as the text Excel shows
 * ("1", "2,5" stays "2.5" as stored). Every row keeps its row number in the
 * file (the Excel row, or the CSV line), so a diagnostic points at the cell.
 * Sizes read from the file are capped (STYR_SHEET_MAX_*): a ZIP bomb or a
 * sheet of a million columns is an error, not an allocation. */
#ifndef STYR_SHEET_H
#define STYR_SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "csv.h"

#define STYR_SHEET_MAX_ROWS 100000
#define STYR_SHEET_MAX_COLS 256
#define STYR_SHEET_MAX_XML  (64u << 20) /* uncompressed bytes of one XML part */

typedef struct styr_sheet_row {
    uint64_t line; /* 1-based row (XLSX) or line (CSV) in the file */
    size_t n;      /* cells (the last non-empty one's index + 1) */
    char **cell;   /* UTF-8, NULL for an empty cell */
} styr_sheet_row;

typedef struct styr_sheet {
    int xlsx;            /* 1: read from XLSX, 0: CSV */
    char sep;            /* CSV: the separator */
    styr_encoding enc;   /* CSV: the encoding */
    styr_sheet_row *row; /* non-empty rows in file order */
    size_t n;
} styr_sheet;

/* Read path (XLSX when it starts as a ZIP file, CSV otherwise) into *out,
 * which the caller frees with styr_sheet_free. STYR_EINPUT with a diagnostic
 * naming the file for a file that is neither. */
styr_rc styr_sheet_read(const char *path, styr_sheet *out, styr_diags *d);
void styr_sheet_free(styr_sheet *s); /* NULL-safe */

/* Cell c (0-based) of row r, or "" when empty or absent (lent). */
const char *styr_sheet_cell(const styr_sheet_row *r, size_t c);

/* The column letters of 0-based column c ("A", "Z", "AA"). */
void styr_sheet_colname(size_t c, char out[8]);

#endif
