/* num: numbers as Danish (and English) readers expect them, and as Danish
 * files write them.
 *
 * Output: "1.234.567", "15,2", "15,2 pct.", "57 mio. kr." in Danish;
 * "1,234,567", "15.2", "15.2 pct.", "DKK 57m" in English. Input: decimals with
 * a comma or a point, never with thousands separators. */
#ifndef STYR_NUM_H
#define STYR_NUM_H

#include <stddef.h>
#include <stdint.h>

/* Format an integer with thousands separators into buf (>= 32 bytes). */
char *styr_fmt_int(char *buf, size_t cap, long long v);

/* Format a number with a fixed number of decimals and thousands separators. */
/* v rounded to decimals places, half away from zero, as Danish statistics print. */
double styr_round(double v, int decimals);

char *styr_fmt_num(char *buf, size_t cap, double v, int decimals);

/* Format a percentage: "15,2 pct." (decimals as given). */
char *styr_fmt_pct(char *buf, size_t cap, double v, int decimals);

/* Format kroner in millions: "57 mio. kr." / "DKK 57m"; one decimal below 10
 * millions ("1,5 mio. kr."). */
char *styr_fmt_mio_kr(char *buf, size_t cap, double kr);

/* Kroner as a reader wants them: "54.260 kr." below a million, else in
 * millions as styr_fmt_mio_kr ("1,3 mio. kr."). */
char *styr_fmt_kr(char *buf, size_t cap, double kr);

/* Parse an unsigned decimal integer (no sign, no separators). 0 or -1. */
int styr_parse_uint(const char *s, size_t n, uint64_t *out);

/* Parse a decimal number with ',' or '.' as the decimal mark (optional sign).
 * *mark receives the mark seen (',' or '.') or 0 when there was none.
 * Returns 0 or -1. */
int styr_parse_decimal(const char *s, size_t n, double *out, char *mark);

/* Parse an amount as people type it in a spreadsheet: in a Danish file
 * (danish = 1) "1.234.567,5", "1234567,5" or "1 234 567"; in an English one
 * "1,234,567.5". A mark that cannot separate thousands is read as the decimal
 * mark ("12.5" in a Danish file). A trailing "%" is ignored. 0 or -1. */
int styr_parse_amount(const char *s, size_t n, int danish, double *out);

#endif
