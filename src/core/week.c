/* week: ISO week arithmetic on day numbers (Howard Hinnant's civil algorithms). */
#include "week.h"

#include <string.h>

/* Day number of Monday 1990-01-01, the first day of week index 0. */
#define EPOCH_MONDAY 7305

int32_t styr_days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int32_t)doe - 719468;
}

void styr_civil_from_days(int32_t z, int *y, int *m, int *d)
{
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)yoe + era * 400 + (*m <= 2);
}

int styr_date_valid(int y, int m, int d)
{
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1) return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= mdays[m - 1] + (m == 2 && leap);
}

/* Weekday of a day number, Monday = 0. 1970-01-01 was a Thursday (3). */
static int weekday(int32_t z) { return (int)(((z % 7) + 7 + 3) % 7); }

/* Monday of ISO week 1 of year y: the week that holds 4 January. */
static int32_t week1_monday(int y)
{
    int32_t jan4 = styr_days_from_civil(y, 1, 4);
    return jan4 - weekday(jan4);
}

/* Week index of W01 of each supported year (and of the year after the last),
 * computed once: parsing weeks is on the import's hot path. */
static int16_t first_week[STYR_YEAR_MAX - STYR_YEAR_MIN + 2];

__attribute__((constructor)) static void init_first_week(void)
{
    for (int y = STYR_YEAR_MIN; y <= STYR_YEAR_MAX + 1; y++)
        first_week[y - STYR_YEAR_MIN] = (int16_t)((week1_monday(y) - EPOCH_MONDAY) / 7);
}

int styr_iso_weeks_in_year(int y)
{
    if (y >= STYR_YEAR_MIN && y <= STYR_YEAR_MAX)
        return first_week[y + 1 - STYR_YEAR_MIN] - first_week[y - STYR_YEAR_MIN];
    return (int)((week1_monday(y + 1) - week1_monday(y)) / 7);
}

int styr_week_from_iso(int y, int w)
{
    if (y < STYR_YEAR_MIN || y > STYR_YEAR_MAX || w < 1 || w > styr_iso_weeks_in_year(y)) return -1;
    return first_week[y - STYR_YEAR_MIN] + w - 1;
}

int32_t styr_week_monday(int idx) { return EPOCH_MONDAY + 7 * idx; }
int32_t styr_week_thursday(int idx) { return EPOCH_MONDAY + 7 * idx + 3; }

int styr_week_of_day(int32_t z)
{
    int32_t d = z - EPOCH_MONDAY;
    return (int)((d >= 0 ? d : d - 6) / 7);
}

void styr_week_to_iso(int idx, int *y, int *w)
{
    int m, d;
    int32_t thu = styr_week_thursday(idx);
    styr_civil_from_days(thu, y, &m, &d);
    *w = (int)((thu - styr_days_from_civil(*y, 1, 1)) / 7) + 1;
}

uint32_t styr_week_thursday_ymd(int idx)
{
    int y, m, d;
    styr_civil_from_days(styr_week_thursday(idx), &y, &m, &d);
    return (uint32_t)(y * 10000 + m * 100 + d);
}

int styr_week_year(int idx) { return (int)(styr_week_thursday_ymd(idx) / 10000); }
int styr_week_month(int idx) { return (int)(styr_week_thursday_ymd(idx) / 100 % 100); }

static int digits(const char *s, size_t n, int *out)
{
    int v = 0;
    if (n == 0) return -1;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 0;
}

int styr_week_parse(const char *s, size_t n, int *idx)
{
    int y, w;
    if (n == 4) { /* DREAM YYWW */
        int yy;
        if (digits(s, 2, &yy) || digits(s + 2, 2, &w)) return -1;
        y = yy >= 91 ? 1900 + yy : 2000 + yy;
    } else {
        if (n < 6 || n > 8 || digits(s, 4, &y)) return -1;
        size_t p = 4;
        if (s[p] == '-') p++;
        if (p >= n || (s[p] != 'W' && s[p] != 'w')) return -1;
        p++;
        if (n - p < 1 || n - p > 2 || digits(s + p, n - p, &w)) return -1;
    }
    if (w < 1 || w > 53) return -1;
    if (y < STYR_YEAR_MIN || y > STYR_YEAR_MAX) return -2;
    int base = first_week[y - STYR_YEAR_MIN];
    if (w > first_week[y + 1 - STYR_YEAR_MIN] - base) return -1;
    *idx = base + w - 1;
    return 0;
}

void styr_week_format(int idx, char *buf)
{
    int y, w;
    styr_week_to_iso(idx, &y, &w);
    buf[0] = (char)('0' + y / 1000 % 10);
    buf[1] = (char)('0' + y / 100 % 10);
    buf[2] = (char)('0' + y / 10 % 10);
    buf[3] = (char)('0' + y % 10);
    buf[4] = '-';
    buf[5] = 'W';
    buf[6] = (char)('0' + w / 10);
    buf[7] = (char)('0' + w % 10);
    buf[8] = 0;
}

int styr_date_parse(const char *s, size_t n, uint32_t *ymd)
{
    int y, m, d;
    if (n == 4) {
        if (digits(s, 4, &y) || y < 1890 || y > STYR_YEAR_MAX) return -1;
        *ymd = (uint32_t)y * 10000;
        return 0;
    }
    if (n == 8) {
        if (digits(s, 4, &y) || digits(s + 4, 2, &m) || digits(s + 6, 2, &d)) return -1;
    } else if (n == 10 && (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
        if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d)) return -1;
    } else if (n == 10 && (s[2] == '-' || s[2] == '.' || s[2] == '/') && s[5] == s[2]) {
        if (digits(s, 2, &d) || digits(s + 3, 2, &m) || digits(s + 6, 4, &y)) return -1;
    } else {
        return -1;
    }
    if (y < 1890 || y > STYR_YEAR_MAX || !styr_date_valid(y, m, d)) return -1;
    *ymd = (uint32_t)(y * 10000 + m * 100 + d);
    return 0;
}
