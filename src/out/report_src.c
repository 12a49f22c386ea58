/* report_src: where the report's values come from when published figures
 * stand in for the panel, and what a report without a panel cannot show. */
#include <stdio.h>
#include <string.h>

#include "../core/msg.h"
#include "svg.h"
#include "report.h"

#define T styr_tr

void styr_rp_marker(FILE *f, int src)
{
    if (src > 0) fprintf(f, "<sup class=\"kilde\">[%d]</sup>", src);
}

char *styr_rp_source_text(char *buf, size_t cap, const styr_report *r, unsigned mask)
{
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < r->nkilder && n < cap; i++) {
        if (!(mask >> i & 1u)) continue;
        int w = snprintf(buf + n, cap - n, "%s[%d] %s", n ? "; " : T("Kilde: ", "Source: "), i + 1, r->kilder[i]);
        if (w < 0) break;
        n += (size_t)w;
    }
    if (n && n + 1 < cap) strcat(buf, ".");
    return buf;
}

void styr_rp_source_note(FILE *f, const styr_report *r, unsigned mask)
{
    char t[2048];
    if (!*styr_rp_source_text(t, sizeof t, r, mask)) return;
    fprintf(f, "<p class=\"note kilde\">");
    styr_html_text(f, t);
    fprintf(f, "</p>\n");
}

void styr_rp_needs_panel(FILE *f, const char *id, const char *title, const char *why_da, const char *why_en)
{
    fprintf(f, "<section id=\"%s\"><h2>", id);
    styr_html_text(f, title);
    fprintf(f, "</h2><p class=\"persondata\">");
    styr_html_text(f, T(why_da, why_en));
    fprintf(f, "</p></section>\n");
}
