/* cpr: a Danish CPR number read once, then replaced by a keyed pseudonym.
 *
 * A CPR number is DDMMYY-SSSS or DDMMYYSSSS (sources.md §3). The first six
 * digits are the birth date; the seventh digit with YY gives the century
 * (0-3: 1900s; 4 and 9: 2000s when YY is 00-36, else 1900s; 5-8: 2000s when
 * YY is 00-57, else 1800s); the last digit is odd for men and even for women.
 * The modulus-11 check is not made (numbers issued since 2007 need not pass it).
 *
 * What this module promises: the number itself never leaves it except as the
 * ten digits the caller hands to styr_cpr_pseudonym, which returns
 * "YR" + the first 16 hex digits of HMAC-SHA256(workspace secret, ten digits).
 * Nothing here prints, logs or keeps the number; callers wipe their copies
 * with styr_cpr_wipe. */
#ifndef STYR_CPR_H
#define STYR_CPR_H

#include <stddef.h>
#include <stdint.h>

#define STYR_CPR_KEYLEN 32
#define STYR_PSEUDONYM_LEN 18 /* "YR" + 16 hex digits */

/* Read a CPR number (surrounding blanks allowed). On success the ten digits go
 * to digits (not NUL-terminated), the birth date (YYYYMMDD) to *birth and the
 * sex (1 man, 2 woman) to *sex, and 0 is returned; -1 when it is not a CPR
 * number with a valid date (nothing is written to digits then). */
int styr_cpr_parse(const char *s, size_t n, char digits[10], uint32_t *birth, uint8_t *sex);

/* The pseudonym of ten digits under key: out receives STYR_PSEUDONYM_LEN
 * characters and a NUL. */
void styr_cpr_pseudonym(const unsigned char key[STYR_CPR_KEYLEN], const char digits[10],
                        char out[STYR_PSEUDONYM_LEN + 1]);

/* Overwrite n bytes so the compiler cannot drop it (OPENSSL_cleanse). */
void styr_cpr_wipe(void *p, size_t n);

#endif
