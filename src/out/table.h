/* table: plain-text tables for the terminal, aligned by display width
 * (UTF-8 aware), with a header row and right-aligned number columns. */
#ifndef STYR_TABLE_H
#define STYR_TABLE_H

#include <stdio.h>

typedef struct styr_table styr_table;

/* ncol columns; align is a string of 'l'/'r', one per column. */
styr_table *styr_table_new(int ncol, const char *align);
void styr_table_free(styr_table *t); /* NULL-safe */

/* Add a row of ncol strings (copied). */
void styr_table_row(styr_table *t, const char *const *cells);

/* Print with a rule under the first row. */
void styr_table_print(const styr_table *t, FILE *out);

/* Display width of a UTF-8 string (code points). */
int styr_utf8_width(const char *s);

#endif
