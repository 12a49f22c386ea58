/* cpr: CPR numbers to birth date, sex and a keyed pseudonym. */
#include "cpr.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <string.h>

#include "../core/week.h"

void styr_cpr_wipe(void *p, size_t n)
{
    if (p && n) OPENSSL_cleanse(p, n);
}

int styr_cpr_parse(const char *s, size_t n, char digits[10], uint32_t *birth, uint8_t *sex)
{
    while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
    char d[10];
    size_t k = 0;
    if (n == 11 && s[6] != '-') return -1;
    if (n != 10 && n != 11) return -1;
    for (size_t i = 0; i < n; i++) {
        if (n == 11 && i == 6) continue;
        if (s[i] < '0' || s[i] > '9') { styr_cpr_wipe(d, sizeof d); return -1; }
        d[k++] = s[i];
    }
    int dd = (d[0] - '0') * 10 + (d[1] - '0'), mm = (d[2] - '0') * 10 + (d[3] - '0');
    int yy = (d[4] - '0') * 10 + (d[5] - '0'), c7 = d[6] - '0';
    int year;
    if (c7 <= 3) year = 1900 + yy;
    else if (c7 == 4 || c7 == 9) year = yy <= 36 ? 2000 + yy : 1900 + yy;
    else year = yy <= 57 ? 2000 + yy : 1800 + yy;
    if (!styr_date_valid(year, mm, dd)) { styr_cpr_wipe(d, sizeof d); return -1; }
    *birth = (uint32_t)(year * 10000 + mm * 100 + dd);
    *sex = (d[9] - '0') % 2 ? 1 : 2;
    memcpy(digits, d, 10);
    styr_cpr_wipe(d, sizeof d);
    return 0;
}

void styr_cpr_pseudonym(const unsigned char key[STYR_CPR_KEYLEN], const char digits[10],
                        char out[STYR_PSEUDONYM_LEN + 1])
{
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    HMAC(EVP_sha256(), key, STYR_CPR_KEYLEN, (const unsigned char *)digits, 10, mac, &len);
    static const char hex[] = "0123456789abcdef";
    out[0] = 'Y';
    out[1] = 'R';
    for (int i = 0; i < 8; i++) {
        out[2 + 2 * i] = hex[mac[i] >> 4];
        out[3 + 2 * i] = hex[mac[i] & 15];
    }
    out[STYR_PSEUDONYM_LEN] = 0;
    styr_cpr_wipe(mac, sizeof mac);
}
