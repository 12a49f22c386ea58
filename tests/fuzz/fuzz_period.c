/* Fuzz target: week, period and date parsers on any text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/num.h"
#include "core/period.h"
#include "core/week.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char buf[64];
    size_t n = size < sizeof buf - 1 ? size : sizeof buf - 1;
    memcpy(buf, data, n);
    buf[n] = 0;
    int w;
    if (styr_week_parse(buf, n, &w) == 0) {
        char out[12];
        styr_week_format(w, out);
        int w2;
        if (styr_week_parse(out, strlen(out), &w2) || w2 != w) abort();
    }
    styr_period p;
    if (styr_period_parse(buf, &p) == 0 && (p.last < p.first || p.first < 0)) abort();
    uint32_t ymd;
    styr_date_parse(buf, n, &ymd);
    double v;
    char mark;
    styr_parse_decimal(buf, n, &v, &mark);
    return 0;
}
