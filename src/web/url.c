/* url: strict percent-decoding and path checks. */
#include "url.h"

#include <string.h>

static int hex(int x)
{
    return x >= '0' && x <= '9' ? x - '0' : x >= 'a' && x <= 'f' ? x - 'a' + 10 : x >= 'A' && x <= 'F' ? x - 'A' + 10 : -1;
}

size_t styr_url_unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r == '%') {
            int h = hex((unsigned char)r[1]), l = h >= 0 ? hex((unsigned char)r[2]) : -1;
            if (h < 0 || l < 0 || (h == 0 && l == 0)) {
                s[0] = 1, s[1] = 0;
                return 1;
            }
            *w++ = (char)(h * 16 + l);
            r += 2;
        } else {
            *w++ = *r == '+' ? ' ' : *r;
        }
    }
    *w = 0;
    return (size_t)(w - s);
}

int styr_url_bad_path(const char *url)
{
    size_t n = strlen(url);
    if (!n || n > STYR_URL_MAX || url[0] != '/' || strstr(url, "..") || strstr(url, "//") || strchr(url, '\\'))
        return 1;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f) return 1;
    return 0;
}
