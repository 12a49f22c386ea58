/* svg: scatter and line charts as inline SVG. */
#include "svg.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "figtext.h"

/* Charts are drawn at their natural size (480 px wide, text 12 px) and never
 * scaled down on screen or on A4: two fit side by side on a wide screen, one on
 * a page. No text is rotated, so a reader (and the browser test) sees every
 * label in its own box. */
#define W 480
#define FONT_W 7.0   /* a generous mean advance of a 12 px character, to keep labels apart */

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

typedef struct axis { double lo, hi, step, scale; int dec; } axis;

/* A value axis over the OK values (and extra): it always includes 0, so bars
 * and lines are read from zero; amounts of a million or more are in mio. kr. */
static axis make_axis(const styr_figval *v, int n, const styr_figval *v2, int n2, double extra, int has_extra, styr_unit u)
{
    double lo = 0, hi = 0;
    for (int i = 0; i < n; i++)
        if (v[i].state == STYR_FV_OK) lo = fmin(lo, v[i].v), hi = fmax(hi, v[i].v);
    for (int i = 0; i < n2; i++)
        if (v2[i].state == STYR_FV_OK) lo = fmin(lo, v2[i].v), hi = fmax(hi, v2[i].v);
    if (has_extra) lo = fmin(lo, extra), hi = fmax(hi, extra);
    axis a;
    a.scale = u == STYR_U_KR && fmax(hi, -lo) >= 1e6 ? 1e6 : 1;
    lo /= a.scale, hi /= a.scale;
    if (hi <= lo) hi = lo + 1;
    a.step = styr_nice_step(lo, hi, &a.dec);
    a.lo = floor(lo / a.step + 1e-9) * a.step;
    a.hi = ceil(hi / a.step - 1e-9) * a.step;
    if (a.hi <= a.lo) a.hi = a.lo + a.step;
    return a;
}

static void tick_text(char *t, size_t cap, const axis *a, double v)
{
    if (fabs(v) < a->step * 1e-6) v = 0;
    styr_fmt_num(t, cap, v, a->dec);
}

static const char *axis_unit(const axis *a, const styr_figdef *def)
{
    return a->scale > 1 ? styr_tr("mio. kr.", "DKK million") : styr_unit_label(def->unit);
}

static void open_svg(FILE *f, const char *id, const char *title, int h, const axis *a)
{
    char lo[32];
    tick_text(lo, sizeof lo, a, a->lo);
    fprintf(f, "<svg class=\"chart\" data-chart=\"");
    styr_html_text(f, id);
    fprintf(f, "\" data-axis-min=\"%s\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"", lo, W,
            h, W, h);
    styr_html_text(f, title);
    fprintf(f, "\"><title>");
    styr_html_text(f, title);
    fprintf(f, "</title>\n");
}

/* Bytes of UTF-8 text as characters (for the width estimate). */
static int chars(const char *s)
{
    int n = 0;
    for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* ---- the cluster chart: one horizontal bar per municipality ------------------------------------ */

#define NAMEW 138   /* the names' column */
#define VALW 92     /* the values' column */
#define BT 40       /* above the bars: the cluster level's label */
#define ROWH 20

void styr_svg_scatter(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *labels,
                      const styr_figval *v, int n, int own, styr_figval level, const char *level_label)
{
    axis a = make_axis(v, n, NULL, 0, level.v, level.state == STYR_FV_OK, def->unit);
    int x0 = NAMEW, x1 = W - VALW - 8, bottom = BT + n * ROWH, h = bottom + 44;
    open_svg(f, id, title, h, &a);
#define XPOS(val) (x0 + (double)(x1 - x0) * ((val) / a.scale - a.lo) / (a.hi - a.lo))
    int ticks = (int)lround((a.hi - a.lo) / a.step);
    for (int i = 0; i <= ticks && i <= 20; i++) {
        double tv = a.lo + i * a.step, x = x0 + (double)(x1 - x0) * (tv - a.lo) / (a.hi - a.lo);
        char t[48];
        tick_text(t, sizeof t, &a, tv);
        fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"grid%s\"/>", x, x, BT - 4, bottom,
                fabs(tv) < a.step * 1e-6 ? " zero" : "");
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n", x, bottom + 16, t);
    }
    fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"unit\" text-anchor=\"middle\">", (x0 + x1) / 2.0, bottom + 36);
    styr_html_text(f, axis_unit(&a, def));
    fprintf(f, "</text>\n");
    char t[64];
    for (int i = 0; i < n; i++) {
        int me = i == own, yc = BT + i * ROWH + ROWH / 2;
        fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"name%s\" text-anchor=\"end\">", x0 - 6, yc + 4, me ? " own" : "");
        styr_html_text(f, labels[i] ? labels[i] : "");
        fprintf(f, "</text>");
        if (v[i].state == STYR_FV_OK) {
            double xa = XPOS(0.0), xb = XPOS(v[i].v);
            fprintf(f, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" class=\"bar%s\"><title>", fmin(xa, xb),
                    yc - 7, fabs(xb - xa), 14, me ? " own" : "");
            styr_html_text(f, labels[i] ? labels[i] : "");
            fprintf(f, ": %s</title></rect>", styr_fig_text(t, sizeof t, def, v[i]));
        } else {
            styr_fig_text(t, sizeof t, def, v[i]);
        }
        fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"val%s\" text-anchor=\"end\">%s</text>\n", W - 4, yc + 4,
                me ? " own" : "", v[i].state == STYR_FV_NONE ? "\xe2\x80\x93" : t);
    }
    if (level.state == STYR_FV_OK) {
        double x = XPOS(level.v);
        fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" class=\"level\"/>", x, x, BT - 12, bottom);
        /* the label above the bars, beside the line's top: never struck by it */
        int right = x > (x0 + x1) / 2.0;
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"levellabel\" text-anchor=\"%s\">", right ? x - 5 : x + 5, BT - 16,
                right ? "end" : "start");
        styr_html_text(f, level_label);
        fprintf(f, " %s</text>\n", styr_fig_text(t, sizeof t, def, level));
    }
    else if (level.state == STYR_FV_SUPPRESSED) { /* say that the level is hidden, not leave it out silently */
        fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"levellabel\" text-anchor=\"start\">", x0, BT - 16);
        styr_html_text(f, level_label);
        fprintf(f, " ..</text>\n");
    }
#undef XPOS
    fprintf(f, "</svg>\n");
}

/* ---- development: two lines over time --------------------------------------------------------- */

#define LH 300
#define ML 64
#define MR 16
#define MT 30
#define MB 74

void styr_svg_lines(FILE *f, const char *id, const char *title, const styr_figdef *def, const char *const *xl,
                    const styr_figval *a, const styr_figval *b, int n, const char *la, const char *lb)
{
    axis ax = make_axis(a, n, b, n, 0, 0, def->unit);
    open_svg(f, id, title, LH, &ax);
#define YPOS(val) (MT + (double)(LH - MT - MB) * (ax.hi - (val) / ax.scale) / (ax.hi - ax.lo))
    int ticks = (int)lround((ax.hi - ax.lo) / ax.step);
    for (int i = 0; i <= ticks && i <= 20; i++) {
        double tv = ax.lo + i * ax.step, y = MT + (double)(LH - MT - MB) * (ax.hi - tv) / (ax.hi - ax.lo);
        char t[48];
        tick_text(t, sizeof t, &ax, tv);
        fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" class=\"grid%s\"/>", ML, W - MR, y, y,
                fabs(tv) < ax.step * 1e-6 ? " zero" : "");
        fprintf(f, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>\n", ML - 6, y + 4, t);
    }
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"unit\" text-anchor=\"start\">", 4, MT - 14);
    styr_html_text(f, axis_unit(&ax, def));
    fprintf(f, "</text>\n");
    double step = n > 1 ? (double)(W - ML - MR - 24) / (n - 1) : 0, xs = ML + 12;
    char t[64];
    /* x labels: a label may have a second line after '\n' (the year under a month) */
    for (int i = 0; i < n; i++) {
        if (!xl[i] || !*xl[i]) continue;
        const char *nl = strchr(xl[i], '\n');
        fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">", xs + step * i, LH - MB + 18);
        fprintf(f, "%.*s</text>", nl ? (int)(nl - xl[i]) : (int)strlen(xl[i]), xl[i]);
        if (nl) fprintf(f, "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>", xs + step * i,
                        LH - MB + 34, nl + 1);
    }
    for (int s = 0; s < 2; s++) {
        const styr_figval *v = s ? b : a;
        fprintf(f, "\n<polyline class=\"%s\" points=\"", s ? "series2" : "series1");
        for (int i = 0; i < n; i++)
            if (v[i].state == STYR_FV_OK) fprintf(f, "%.1f,%.1f ", xs + step * i, YPOS(v[i].v));
        fprintf(f, "\"/>");
        for (int i = 0; i < n; i++) {
            if (v[i].state != STYR_FV_OK) continue;
            fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" class=\"%s\"><title>", xs + step * i, YPOS(v[i].v),
                    s ? "pt2" : "pt1");
            styr_html_text(f, s ? lb : la);
            fprintf(f, " ");
            for (const char *c = xl[i] ? xl[i] : ""; *c; c++) fputc(*c == '\n' ? ' ' : *c, f);
            fprintf(f, ": %s</title></circle>", styr_fig_text(t, sizeof t, def, v[i]));
        }
    }
#undef YPOS
    /* legend, each entry after the one before; a series with no value shown says why
     * (".." hidden by discretion, "–" no data) rather than being silently absent */
    const char *why[2] = {"", ""};
    for (int k = 0; k < 2; k++) {
        const styr_figval *v = k ? b : a;
        int ok = 0, hid = 0;
        for (int i = 0; i < n; i++) ok += v[i].state == STYR_FV_OK, hid += v[i].state == STYR_FV_SUPPRESSED;
        if (!ok) why[k] = hid ? ": .." : ": \xe2\x80\x93";
    }
    int x2 = ML + 30 + (int)((chars(la) + chars(why[0])) * FONT_W) + 28;
    fprintf(f, "\n<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"series1\"/>", ML, ML + 24, LH - 14, LH - 14);
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">", ML + 30, LH - 10);
    styr_html_text(f, la);
    fprintf(f, "%s</text><line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" class=\"series2\"/>", why[0], x2, x2 + 24, LH - 14, LH - 14);
    fprintf(f, "<text x=\"%d\" y=\"%d\" class=\"legend\">", x2 + 30, LH - 10);
    styr_html_text(f, lb);
    fprintf(f, "%s</text>\n</svg>\n", why[1]);
}
