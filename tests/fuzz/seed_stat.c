/* Seeds for fuzz_stat: a long-format file (person, week, municipality,
 * benefit, offer, hours) and a DREAM-style wide file (PNR, kommune, y_YYWW) in
 * SAS7BDAT, Stata, SPSS .sav and SAS transport, each prefixed with
 * fuzz_stat's format byte (Debian's ReadStat 1.1.8 crashes writing .por, so
 * there is no .por seed; the fuzzer reaches that reader by the format byte).
 *
 *   seed_stat DIR */
#include <readstat.h>
#include <stdio.h>
#include <stdlib.h>

typedef readstat_error_t (*begin_fn)(readstat_writer_t *, void *, long);

static ssize_t write_bytes(const void *data, size_t len, void *ctx) { return (ssize_t)fwrite(data, 1, len, ctx); }

static int write_long(readstat_writer_t *w, FILE *f, begin_fn begin)
{
    readstat_variable_t *v[6];
    v[0] = readstat_add_variable(w, "person", READSTAT_TYPE_STRING, 8);
    v[1] = readstat_add_variable(w, "uge", READSTAT_TYPE_DOUBLE, 0);
    v[2] = readstat_add_variable(w, "kommune", READSTAT_TYPE_DOUBLE, 0);
    v[3] = readstat_add_variable(w, "ydelse", READSTAT_TYPE_STRING, 16);
    v[4] = readstat_add_variable(w, "tilbud", READSTAT_TYPE_STRING, 16);
    v[5] = readstat_add_variable(w, "timer", READSTAT_TYPE_DOUBLE, 0);
    static const struct { const char *p; double uge, kom; const char *y, *t; double timer; } rows[] = {
        {"A", 2401, 101, "kontanthjaelp", "", 0}, {"A", 2402, 101, "kontanthjaelp", "", 0},
        {"B", 2401, 461, "dagpenge", "praktik", 0}, {"B", 2403, 461, "", "", 37.5},
    };
    if (begin(w, f, 4) != READSTAT_OK) return -1;
    for (size_t i = 0; i < 4; i++) {
        readstat_begin_row(w);
        readstat_insert_string_value(w, v[0], rows[i].p);
        readstat_insert_double_value(w, v[1], rows[i].uge);
        readstat_insert_double_value(w, v[2], rows[i].kom);
        readstat_insert_string_value(w, v[3], rows[i].y);
        readstat_insert_string_value(w, v[4], rows[i].t);
        readstat_insert_double_value(w, v[5], rows[i].timer);
        readstat_end_row(w);
    }
    return readstat_end_writing(w) == READSTAT_OK ? 0 : -1;
}

static int write_dream(readstat_writer_t *w, FILE *f, begin_fn begin)
{
    readstat_variable_t *p = readstat_add_variable(w, "PNR", READSTAT_TYPE_STRING, 10);
    readstat_variable_t *k = readstat_add_variable(w, "kommune", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *y1 = readstat_add_variable(w, "y_2401", READSTAT_TYPE_DOUBLE, 0);
    readstat_variable_t *y2 = readstat_add_variable(w, "y_2402", READSTAT_TYPE_DOUBLE, 0);
    if (begin(w, f, 2) != READSTAT_OK) return -1;
    readstat_begin_row(w);
    readstat_insert_string_value(w, p, "R1");
    readstat_insert_double_value(w, k, 461);
    readstat_insert_double_value(w, y1, 890);
    readstat_insert_missing_value(w, y2);
    readstat_end_row(w);
    readstat_begin_row(w);
    readstat_insert_string_value(w, p, "R2");
    readstat_insert_double_value(w, k, 101);
    readstat_insert_double_value(w, y1, 111);
    readstat_insert_double_value(w, y2, 999);
    readstat_end_row(w);
    return readstat_end_writing(w) == READSTAT_OK ? 0 : -1;
}

int main(int argc, char **argv)
{
    if (argc != 2) return 2;
    /* the format byte: fuzz_stat's ext[] index (0 sas7bdat, 1 dta, 2 sav, 5 xpt) */
    static const struct { const char *name; unsigned char byte; begin_fn begin; } fmts[] = {
        {"sas7bdat", 0, readstat_begin_writing_sas7bdat}, {"dta", 1, readstat_begin_writing_dta},
        {"sav", 2, readstat_begin_writing_sav},           {"xpt", 5, readstat_begin_writing_xport},
    };
    int (*const kinds[])(readstat_writer_t *, FILE *, begin_fn) = {write_long, write_dream};
    for (size_t i = 0; i < sizeof fmts / sizeof *fmts; i++)
        for (size_t j = 0; j < 2; j++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s-%s", argv[1], j ? "dream" : "long", fmts[i].name);
            FILE *f = fopen(path, "wb");
            if (!f) return 1;
            fputc(fmts[i].byte, f);
            readstat_writer_t *w = readstat_writer_init();
            readstat_set_data_writer(w, write_bytes);
            if (kinds[j](w, f, fmts[i].begin)) fprintf(stderr, "seed_stat: %s not written\n", path);
            readstat_writer_free(w);
            fclose(f);
        }
    return 0;
}
