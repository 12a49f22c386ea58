/* table: a small column-aligned text table. */
#include "table.h"

#include <stdlib.h>
#include <string.h>

#include "../core/mem.h"

struct styr_table {
    int ncol, nrow, cap;
    char align[32];
    char **cells;
};

int styr_utf8_width(const char *s)
{
    int w = 0;
    for (; *s; s++) w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

styr_table *styr_table_new(int ncol, const char *align)
{
    styr_table *t = styr_xcalloc(1, sizeof *t);
    t->ncol = ncol < 32 ? ncol : 32;
    for (int i = 0; i < t->ncol; i++) t->align[i] = align && align[i] ? align[i] : 'l';
    return t;
}

void styr_table_free(styr_table *t)
{
    if (!t) return;
    for (int i = 0; i < t->nrow * t->ncol; i++) free(t->cells[i]);
    free(t->cells);
    free(t);
}

void styr_table_row(styr_table *t, const char *const *cells)
{
    if (t->nrow == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        t->cells = styr_xrealloc(t->cells, (size_t)t->cap * (size_t)t->ncol * sizeof *t->cells);
    }
    for (int i = 0; i < t->ncol; i++) t->cells[t->nrow * t->ncol + i] = styr_xstrdup(cells[i] ? cells[i] : "");
    t->nrow++;
}

void styr_table_print(const styr_table *t, FILE *out)
{
    int w[32] = {0};
    for (int r = 0; r < t->nrow; r++)
        for (int c = 0; c < t->ncol; c++) {
            int x = styr_utf8_width(t->cells[r * t->ncol + c]);
            if (x > w[c]) w[c] = x;
        }
    for (int r = 0; r < t->nrow; r++) {
        for (int c = 0; c < t->ncol; c++) {
            const char *s = t->cells[r * t->ncol + c];
            int pad = w[c] - styr_utf8_width(s);
            if (c) fputs("  ", out);
            if (t->align[c] == 'r') fprintf(out, "%*s%s", pad, "", s);
            else if (c == t->ncol - 1) fputs(s, out);
            else fprintf(out, "%s%*s", s, pad, "");
        }
        fputc('\n', out);
        if (r == 0) {
            int total = 0;
            for (int c = 0; c < t->ncol; c++) total += w[c] + (c ? 2 : 0);
            for (int i = 0; i < total; i++) fputc('-', out);
            fputc('\n', out);
        }
    }
}
