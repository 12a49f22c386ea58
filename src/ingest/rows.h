/* rows: turning the rows of an input table into batch entries.
 *
 * Every input format, text or statistical, arrives here as a header and rows
 * of text fields. The header decides the kind of table:
 *   long        person;uge;kommune;ydelse;tilbud[;timer][;visitation][;enhed]
 *               in any order (spec §1; visitation and the unit per week)
 *   dream       a person column (person or pnr) and y_YYWW columns of DREAM
 *               branch codes, optionally kommune, foedt, koen, oprindelse
 *               and indrejst
 *   persons     person;foedt;koen[;oprindelse][;indrejst]
 *   population  kommune;aar;alder;antal
 *   ydelsesrefusion  the state's refusion calculation (sources.md §3, yr.h):
 *               Uge;CPR nummer;Ydelse;Finansiering Kommunenavn;... per
 *               person, week and benefit; the CPR number is replaced by a
 *               keyed pseudonym before anything is kept
 * Each field is validated; a bad value becomes a diagnostic with the file,
 * line, column, the value and what was expected, and the row is skipped.
 * Unknown codes are tallied (first 20 listed, all counted). */
#ifndef STYR_ROWS_H
#define STYR_ROWS_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../ws/codes.h"
#include "batch.h"
#include "csv.h"

typedef enum styr_table_kind {
    STYR_T_UNKNOWN = 0, STYR_T_LONG, STYR_T_DREAM, STYR_T_PERSONS, STYR_T_POPULATION, STYR_T_YR
} styr_table_kind;

const char *styr_table_kind_name(styr_table_kind k);

typedef struct styr_reader {
    styr_batch *b;
    const styr_codes *codes;
    styr_diags *d;
    const char *file;
    uint8_t fidx;
    styr_table_kind kind;
    size_t ncols;
    char (*colname)[40];        /* header names, for diagnostics */
    int c_person, c_uge, c_kommune, c_ydelse, c_tilbud, c_timer, c_foedt, c_koen, c_aar, c_alder, c_antal;
    int c_vis, c_enh, c_opr, c_indr;  /* optional: visitation, enhed (long); oprindelse, indrejst (persons, DREAM) */
    int *week_of_col;           /* dream: week index of each y_ column, -1 otherwise */
    int default_kommune;        /* dream: municipality index when there is no column, -1 none */
    char decimal;               /* decimal mark seen in timer: ',', '.' or 0 */
    uint64_t rows;              /* data rows read */
    uint64_t bad_rows;
    int yr_col[9];              /* ydelsesrefusion: the columns in the order of sources.md §3 */
    struct styr_yr_map *yr_map; /* ydelsesrefusion: the Ydelse texts (data/ydelsesrefusion.csv) */
    const unsigned char *yr_key; /* ydelsesrefusion: the workspace's pseudonym key (set by the caller) */
} styr_reader;

/* Prepare a reader for one file; default_kommune is a code or 0. */
void styr_reader_init(styr_reader *r, styr_batch *b, const styr_codes *codes, styr_diags *d,
                      const char *file, int default_kommune);
void styr_reader_free(styr_reader *r);

/* Read the header. Returns 0, or -1 after diagnosing a header that fits no
 * kind (or a DREAM file without a municipality). */
int styr_reader_header(styr_reader *r, const styr_field *f, size_t nf, uint64_t line);

/* Validate one data row and add it to the batch. Returns 0, or -1 when the
 * batch ran out of memory (the import must stop). */
int styr_reader_row(styr_reader *r, const styr_field *f, size_t nf, uint64_t line);

#endif
