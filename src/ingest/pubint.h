/* pubint: what the parts of the published-table import share (private to
 * src/ingest/pub*.c).
 *
 * A file is first read into a pub_table: column labels and rows of cells,
 * whatever its shape (pub_read.c: jobindsats API v2 / v3 JSON, JSON objects,
 * CSV). The table is then interpreted as jobindsats (pub_jobindsats.c) or
 * Statistikbanken / labour force (pub_statbank.c) into rows for the catalog
 * (ws/public.h), each with the file and line it came from. Areas and values
 * are read by pub_area.c. */
#ifndef STYR_PUBINT_H
#define STYR_PUBINT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/diag.h"
#include "../ws/codes.h"
#include "../ws/public.h"
#include "pubimport.h"

/* What a file holds. */
typedef enum pub_shape {
    PUB_NONE = 0,
    PUB_V2,       /* jobindsats API v2 JSON: [{"Variables":[...],"Data":[[...]]}] */
    PUB_V3,       /* jobindsats API v3 JSON: {"columns":[...],"rows":[[...]]} */
    PUB_OBJECTS,  /* JSON list of objects keyed by the labels */
    PUB_CSV,      /* jobindsats CSV: labels as header, a period and an area column */
    PUB_WIDE,     /* jobindsats CSV with the periods as columns (the website's pivot) */
    PUB_STATBANK, /* Statistikbanken CSV: variable names, INDHOLD last */
    PUB_LABOUR    /* kommune;aar;antal */
} pub_shape;

enum { PUB_CELL_STR = 0, PUB_CELL_NUM = 1, PUB_CELL_NULL = 2 };

typedef struct pub_cell {
    char *s;    /* text (owned), also for numbers (as JSON wrote them) */
    double num; /* when kind == PUB_CELL_NUM */
    int kind;
} pub_cell;

typedef struct pub_table {
    pub_shape shape;
    size_t ncols, nrows, caprows;
    char **labels;   /* [ncols] */
    char **names;    /* [ncols] API v2 variable names ("_kon", "memba02_4b"), or NULL */
    pub_cell *cells; /* [nrows * ncols] */
    uint64_t *line;  /* [nrows]: the CSV line, or the row number in Data/rows/the list (1-based) */
    char form[48];   /* what was read, for the user */
    int dec_comma;   /* a CSV whose decimal mark is the comma: a '.' only groups thousands */
} pub_table;

/* Read path as whatever shape it is; shape PUB_NONE when it is not a
 * published table (nothing added to d then unless the file is unreadable).
 * With d == NULL only the shape is decided (recognition). */
styr_rc pub_read(const char *path, pub_table *t, styr_diags *d);
void pub_table_free(pub_table *t);

/* The rows read from all files, with strings owned here. */
typedef struct pub_out_row {
    styr_pub_row r;
    const char *file; /* the file name diagnostics use */
    uint64_t line;
    size_t fidx; /* index of the file in the import */
} pub_out_row;

typedef struct pub_out {
    pub_out_row *v;
    size_t n, cap;
    char **strs; /* every string the rows point to */
    size_t ns, caps;
} pub_out;

const char *pub_strdup(pub_out *o, const char *s);
pub_out_row *pub_push(pub_out *o);
void pub_out_free(pub_out *o);

/* A FOLK1A row that can give the population table (kommune;aar;alder;antal):
 * a municipality, the first quarter, one age, every other variable a total. */
typedef struct pub_pop {
    int kommune, aar, alder;
    int sex; /* 0 the total (I alt), 1 men, 2 women */
    double antal;
    size_t fidx;
    uint64_t line;
} pub_pop;

typedef struct pub_pops {
    pub_pop *v;
    size_t n, cap;
} pub_pops;

/* Per-file context the interpreters get. */
typedef struct pub_ctx {
    const styr_codes *codes;
    const char *file; /* for diagnostics */
    size_t fidx;
    const char *tabel; /* lower case table id */
    const char *maal;  /* --maal, for a wide table without a measure column, or NULL */
    pub_out *out;
    pub_pops *pop; /* FOLK1A rows for the population table */
    styr_diags *d;
} pub_ctx;

styr_rc pub_jobindsats(pub_ctx *c, const pub_table *t);
styr_rc pub_statbank(pub_ctx *c, const pub_table *t);

/* A value as published: a number (JSON number, or text with a decimal comma
 * and thousands separators, "9,08", "1.234", "-3,5"), or a marker: ".." is
 * suppressed by the source (discretion); "-", "." and "" (and JSON null) are
 * no data. Returns 0 and fills *v / *state, -1 for anything else. */
int pub_value(const pub_cell *cell, double *v, int *state);
/* The same for a cell of table t: in a file with a decimal comma, a '.' must
 * group thousands (1.234.567,5), so "12.34" is an error, not 12,34. */
int pub_value_in(const pub_table *t, const pub_cell *cell, double *v, int *state);

/* Area kinds pub_area returns. */
enum { PUB_AREA_BAD = -3, PUB_AREA_CHRISTIANSOE = -4 };

/* A jobindsats area name to a municipality code, STYR_PUB_COUNTRY ("Hele
 * landet"), STYR_PUB_OTHER_AREA ("RAR …", "Region …", "Landsdel …"),
 * PUB_AREA_CHRISTIANSOE, or PUB_AREA_BAD. */
int pub_area(const styr_codes *c, const char *name);

/* Report an unknown area at (file, line, col, colname) with the nearest
 * municipality names as a suggestion. */
void pub_area_error(const styr_codes *c, styr_diags *d, const char *file, uint64_t line, uint32_t col,
                    const char *colname, const char *name);

/* Whether s is a jobindsats period code (2024M03, 2024Q1, 2021QMAT02,
 * 2025Y01): 1 yes, 0 no, -1 a QMAT above 04 (refused). */
int pub_period_code(const char *s);

/* Case-insensitive comparison of UTF-8 labels (ASCII letters and æøå/ÆØÅ). */
int pub_label_is(const char *label, const char *want);

/* Add a diagnostic for a cell: line, column index (1-based) and label. */
void pub_cell_error(pub_ctx *c, styr_msg what, styr_msg expected, uint64_t line, size_t col, const char *label,
                    const char *value);

#endif
