/* svg: scatter and line charts as inline SVG. */
#include "svg.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "figtext.h"

#define W 640
#define H 300
#define ML 64   /* margins: left (axis labels), right, top, bottom (names) */
#define MR 16
#define MT 28
#define MB 84

void styr_html_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': fputs("&amp;", f); break;
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

double styr_nice_step(double lo, double hi, int *decimals)
{
    double range = hi - lo;
    if (!(range > 0)) range = fabs(hi) > 0 ? fabs(hi) : 1;
    double raw = range / 5, mag = pow(10, floor(log10(raw))), step = mag;
    static const double mult[] = {1, 2, 2.5, 5, 10};
    for (size_t i = 0; i < sizeof mult / sizeof *mult; i++)
        if (mult[i] * mag >= raw) {
            step = mult[i] * mag;
            break;
        }
    int dec = 0;
    while (dec < 6 && fabs(step * pow(10, dec) - round(step * pow(10, dec))) > 1e-9) dec++;
    *decimals = dec;
    return step;
}

typedef struct axis { double lo, hi, step; int dec; } axis;

/* An axis over the OK values (and extra), from 0 when all are positive and near it. */
static axis make_axis(const styr_figval *v, int n, const styr_figval *v2, int n2, double extra, int has_extra)
{
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < n; i++)
        if (v[i].state == STYR_FV_OK) lo = fmin(lo, v[i].v), hi = fmax(hi, v[i].v);
    for (int i = 0; i < n2; i++)
        if (v2[i].state == STYR_FV_OK) lo = fmin(lo, v2[i].v), hi = fmax(hi, v2[i].v);
    if (has_extra) lo = fmin(lo, extra), hi = fmax(hi, extra);
    if (!isfinite(lo)) lo = 0, hi = 1;
    if (lo >= 0 && lo < 0.5 * hi) lo = 0;   /* KL's charts start at 0 when that shows the spread */
    axis a;
    a.step = styr_nice_step(lo, hi, &a.dec);
    a.lo = floor(lo / a.step) * a.step;
    a.hi = ceil(hi / a.step) * a.step;
    if (a.hi <= a.lo) a.hi = a.lo + a.step;
    return a;
}

static double ypos(const axis *a, double v) { return MT + (H - MT - MB) * (a->hi - v) / (a->hi - a->lo); }

static void open_svg(FILE *f, const char *id, const char *title)
{
    fprintf(f, "<svg class=\"chart\" data-chart=\"");
    styr_html_text(f, id);
    fprintf(f, "\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", W, H, W, H);
    styr_html_text(f, title);
    fprintf(f, "\"><title>");
    styr_html_text(f, title);
    fprintf(f, "</title>\n");
}

static void y_axis(FILE *f, const axis *a, const styr_figdef *def)
{
    int ticks = (int)lround((a->hi - a->lo) / a->step);
    for (int i = 0; i <= ticks && i <= 20; i++) {
        double v = a->lo + i * a->step, y = ypos(a, v);
        char t[48];
        if (def->unit == STYR_U_KR) styr_fmt_int(t, sizeof t, (long long)llround(v));
        else styr_fmt_num(t, sizeof t, v, a->dec);
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", ML, W - MR, y, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>\n", ML - 6, y + 4, t);
    }
}

void styr_svg_scatter(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *labels,
                      const styr_figval *v, int n, int own, styr_figval level, const char *level_label)
{
    open_svg(f, id, title);
    axis a = make_axis(v, n, NULL, 0, level.v, level.state == STYR_FV_OK);
    y_axis(f, &a, def);
    double step = n > 0 ? (double)(W - ML - MR) / n : 0;
    char t[64];
    if (level.state == STYR_FV_OK) {
        double y = ypos(&a, level.v);
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"level\"/>", ML, W - MR, y, y);
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"levellabel\" text-anchor=\"end\">", W - MR, y - 5);
        styr_html_text(f, level_label);
        fprintf(f, " %s</text>\n", styr_fig_text(t, sizeof t, def, level));
    }
    for (int i = 0; i < n; i++) {
        double x = ML + step * (i + 0.5);
        int me = i == own;
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"name%s\" text-anchor=\"end\" transform=\"rotate(-40 %.1f %d)\">",
                x, H - MB + 14, me ? " own" : "", x, H - MB + 14);
        styr_html_text(f, labels[i]);
        fprintf(f, "</text>");
        if (v[i].state != STYR_FV_OK) {
            fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n", x, H - MB - 4,
                    v[i].state == STYR_FV_SUPPRESSED ? ".." : "-");
            continue;
        }
        double y = ypos(&a, v[i].v);
        fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%d\" class=\"dot%s\"><title>", x, y, me ? 7 : 5, me ? " own" : "");
        styr_html_text(f, labels[i]);
        fprintf(f, ": %s</title></circle>", styr_fig_text(t, sizeof t, def, v[i]));
        if (me) fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" class=\"ownlabel\" text-anchor=\"middle\">%s</text>", x, y - 11, t);
        fputc('\n', f);
    }
    fprintf(f, "</svg>\n");
}

void styr_svg_lines(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *xl,
                    const styr_figval *a, const styr_figval *b, int n, const char *la, const char *lb)
{
    open_svg(f, id, title);
    axis ax = make_axis(a, n, b, n, 0, 0);
    y_axis(f, &ax, def);
    double step = n > 1 ? (double)(W - ML - MR - 40) / (n - 1) : 0;
    char t[64];
    for (int i = 0; i < n; i++)
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", ML + 20 + step * i,
                H - MB + 18, xl[i]);
    for (int s = 0; s < 2; s++) {
        const styr_figval *v = s ? b : a;
        fprintf(f, "\n<polyline class=\"%s\" points=\"", s ? "series2" : "series1");
        for (int i = 0; i < n; i++)
            if (v[i].state == STYR_FV_OK) fprintf(f, "%.1f,%.1f ", ML + 20 + step * i, ypos(&ax, v[i].v));
        fprintf(f, "\"/>");
        for (int i = 0; i < n; i++) {
            if (v[i].state != STYR_FV_OK) continue;
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" class=\"%s\"><title>", ML + 20 + step * i,
                    ypos(&ax, v[i].v), s ? "pt2" : "pt1");
            styr_html_text(f, s ? lb : la);
            fprintf(f, " %s: %s</title></circle>", xl[i], styr_fig_text(t, sizeof t, def, v[i]));
        }
    }
    /* legend */
    fprintf(f, "\n<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"series1\"/>", ML, ML + 24, H - 20, H - 20);
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">", ML + 30, H - 16);
    styr_html_text(f, la);
    fprintf(f, "</text><line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"series2\"/>", ML + 260, ML + 284, H - 20, H - 20);
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">", ML + 290, H - 16);
    styr_html_text(f, lb);
    fprintf(f, "</text>\n</svg>\n");
}
