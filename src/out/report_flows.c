/* report_flows: the Sankey-like chart and the flows section (report_flows.h). */
#include "report_flows.h"

#include <math.h>
#include <string.h>

#include "../core/msg.h"
#include "../core/num.h"
#include "svg.h"

#define T(da, en) styr_tr(da, en)

#define FW 664        /* natural width (fits A4 unscaled); text 12 px like the other charts */
#define XL 246        /* left nodes: room for a group name on two lines */
#define XR (FW - 168) /* right nodes */
#define NW 10         /* node width */
#define HIDDEN_PX 6   /* a suppressed band: fixed, says nothing of its count */
#define GAP 26        /* between nodes: room for a label on two lines */
#define TOP 34        /* above the first node: the unit */
#define SCALE_H 300   /* the published counts share this height */

static const char *const palette[] = {"#2f6db5", "#1e7b34", "#b8860b", "#8e44ad", "#c0392b", "#16a085",
                                      "#7f8c8d", "#d35400", "#2c3e50", "#27ae60"};

static const char *cat_name(const styr_flows *fl, const styr_codes *codes, int c, int origin)
{
    if (c < fl->ng) return styr_group_name(codes, c);
    switch (c - fl->ng) {
    case STYR_FL_UDD: return T("I uddannelse", "In education");
    case STYR_FL_JOB: return T("I job", "In work");
    case STYR_FL_SELV: return T("Selvforsørget", "Self-supporting");
    case STYR_FL_MOVED: return origin ? T("Tilflyttet", "Moved in") : T("Fraflyttet", "Moved away");
    default: return origin ? T("Før panelet", "Before the panel") : T("Ikke målbar endnu", "Not yet measurable");
    }
}

static size_t idx(const styr_flows *fl, int a, int b) { return (size_t)a * (size_t)(fl->ncat + 1) + (size_t)b; }

/* The drawn thickness of entry (a, b): proportional when published, fixed when hidden. */
static double thick(const styr_flows *fl, int kind, int a, int b, double px)
{
    const styr_flow_table *t = &fl->t[kind][STYR_FL_KOM];
    size_t e = idx(fl, a, b);
    if (!t->cell[e].n) return 0;
    return fl->supp[kind][STYR_FL_KOM][e] ? HIDDEN_PX : t->cell[e].n * px;
}

/* A node's label: its name and count (".." when hidden), on two lines when
 * longer than maxc characters (broken at the last blank that fits). */
static void node_label(FILE *f, double x, double y, const char *anchor, const char *name, const styr_flow_table *t,
                       const uint8_t *s, size_t e, size_t maxc)
{
    char v[32], line[128];
    if (s[e]) snprintf(v, sizeof v, "..");
    else styr_fmt_int(v, sizeof v, t->cell[e].n);
    snprintf(line, sizeof line, "%s %s", name, v);
    size_t chars = 0;
    for (const char *p = line; *p; p++) chars += ((unsigned char)*p & 0xC0) != 0x80;
    const char *brk = NULL;
    if (chars > maxc)
        for (const char *p = line; *p && (size_t)(p - line) <= maxc + 2; p++)
            if (*p == ' ') brk = p;
    fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" class=\"flowlabel\">", x, brk ? y - 3 : y + 4, anchor);
    if (!brk) styr_html_text(f, line);
    else {
        char a[128];
        snprintf(a, sizeof a, "%.*s", (int)(brk - line), line);
        fprintf(f, "<tspan x=\"%.1f\">", x);
        styr_html_text(f, a);
        fprintf(f, "</tspan><tspan x=\"%.1f\" dy=\"14\">", x);
        styr_html_text(f, brk + 1);
        fputs("</tspan>", f);
    }
    fputs("</text>\n", f);
}

void styr_svg_flows(FILE *f, const char *id, const char *title, const styr_flows *fl, const styr_codes *codes, int kind)
{
    const styr_flow_table *t = &fl->t[kind][STYR_FL_KOM];
    const uint8_t *s = fl->supp[kind][STYR_FL_KOM];
    const int m = fl->ncat, origin = kind == STYR_FL_IN4;
    /* the published counts share SCALE_H pixels */
    double pub = 0;
    int nl = 0, nr = 0;
    for (int a = 0; a < m; a++)
        for (int b = 0; b < m; b++)
            if (t->cell[idx(fl, a, b)].n && !s[idx(fl, a, b)]) pub += t->cell[idx(fl, a, b)].n;
    double px = pub > 0 ? SCALE_H / pub : 0;
    double lh[64] = {0}, rh[64] = {0};
    for (int a = 0; a < m && a < 64; a++)
        for (int b = 0; b < m && b < 64; b++) {
            double th = thick(fl, kind, a, b, px);
            lh[a] += th, rh[b] += th;
        }
    for (int c = 0; c < m && c < 64; c++) nl += lh[c] > 0, nr += rh[c] > 0;
    double hl = 0, hr = 0;
    for (int c = 0; c < m && c < 64; c++) hl += lh[c], hr += rh[c];
    hl += GAP * (nl > 0 ? nl - 1 : 0), hr += GAP * (nr > 0 ? nr - 1 : 0);
    double H = TOP + fmax(fmax(hl, hr), 40) + 44;
    /* the bands are counts from zero: data-axis-min 0 and the unit named, like every chart */
    fprintf(f, "<svg class=\"chart flows\" role=\"img\" data-chart=\"%s\" data-axis-min=\"0\" viewBox=\"0 0 %d %.0f\" "
               "width=\"%d\" style=\"width:%dpx;max-width:100%%;height:auto\" xmlns=\"http://www.w3.org/2000/svg\"><title>",
            id, FW, H, FW, FW);
    styr_html_text(f, title);
    fprintf(f, "</title>\n<defs><pattern id=\"%s-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
               "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#fff\"/>"
               "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#777\" stroke-width=\"2\"/></pattern></defs>\n",
            id);
    fprintf(f, "<text x=\"%d\" y=\"14\" class=\"unit\">%s</text>\n", XL, T("Båndene: antal forløb", "Bands: number of spells"));
    if (!(pub > 0) && !nl) {
        fprintf(f, "<text x=\"%d\" y=\"30\" text-anchor=\"middle\">%s</text></svg>\n", FW / 2,
                T("Ingen forløb i perioden", "No spells in the period"));
        return;
    }
    /* node positions, top to bottom in category order */
    double ly[64], ry[64], y = TOP;
    for (int c = 0; c < m && c < 64; c++)
        if (lh[c] > 0) ly[c] = y, y += lh[c] + GAP;
    y = TOP;
    for (int c = 0; c < m && c < 64; c++)
        if (rh[c] > 0) ry[c] = y, y += rh[c] + GAP;
    /* bands: from each left node in the order of the right ones, into each right node in the order of the left */
    double lo[64], ro[64];
    for (int c = 0; c < 64; c++) lo[c] = c < m ? ly[c] : 0, ro[c] = c < m ? ry[c] : 0;
    const double x0 = XL + NW, x1 = XR, xm = (x0 + x1) / 2;
    for (int a = 0; a < m && a < 64; a++)
        for (int b = 0; b < m && b < 64; b++) {
            double th = thick(fl, kind, a, b, px);
            if (th <= 0) continue;
            size_t e = idx(fl, a, b);
            double ya = lo[a], yb = ro[b];
            lo[a] += th, ro[b] += th;
            const char *col = palette[(size_t)(origin ? a : b) % (sizeof palette / sizeof *palette)];
            fprintf(f, "<path class=\"band%s\" d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fL%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ\" ",
                    s[e] ? " masked" : "", x0, ya, xm, ya, xm, yb, x1, yb, x1, yb + th, xm, yb + th, xm, ya + th, x0, ya + th);
            if (s[e]) fprintf(f, "fill=\"url(#%s-hatch)\" stroke=\"#777\" stroke-width=\"0.5\"><title>..</title></path>\n", id);
            else {
                char v[32];
                styr_fmt_int(v, sizeof v, t->cell[e].n);
                fprintf(f, "fill=\"%s\" fill-opacity=\"0.45\"><title>", col);
                styr_html_text(f, cat_name(fl, codes, a, origin));
                fputs(" → ", f);
                styr_html_text(f, cat_name(fl, codes, b, 0));
                fprintf(f, ": %s</title></path>\n", v);
            }
        }
    /* nodes and their labels: the name and the count (".." when hidden) */
    for (int c = 0; c < m && c < 64; c++) {
        if (lh[c] > 0) {
            fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"#123a5c\"/>\n", XL, ly[c], NW, lh[c]);
            node_label(f, XL - 6, ly[c] + lh[c] / 2, "end", cat_name(fl, codes, c, origin), t, s, idx(fl, c, m), 33);
        }
        if (rh[c] > 0) {
            fprintf(f, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>\n", XR, ry[c], NW, rh[c],
                    origin ? "#123a5c" : palette[(size_t)c % (sizeof palette / sizeof *palette)]);
            node_label(f, XR + NW + 6, ry[c] + rh[c] / 2, "start", cat_name(fl, codes, c, 0), t, s, idx(fl, m, c), 21);
        }
    }
    /* the legend of a hidden band */
    fprintf(f, "<rect x=\"%d\" y=\"%.0f\" width=\"24\" height=\"10\" fill=\"url(#%s-hatch)\" stroke=\"#777\"/>"
               "<text x=\"%d\" y=\"%.0f\">%s</text>\n",
            XL, H - 22, id, XL + 30, H - 13, T(".. skjult: færre end 5 personer (tegnet lige tyndt)", ".. hidden: fewer than 5 persons (drawn equally thin)"));
    fputs("</svg>\n", f);
}

static void share_cell(FILE *f, const styr_flow_table *t, const uint8_t *s, size_t e, size_t tot)
{
    char v[32];
    if (s[e]) snprintf(v, sizeof v, "..");
    else if (!t->cell[tot].n) snprintf(v, sizeof v, "-");
    else styr_fmt_pct(v, sizeof v, 100.0 * t->cell[e].n / t->cell[tot].n, 1);
    fprintf(f, "<td class=\"n\">%s</td>", v);
}

void styr_report_flows(FILE *f, const styr_report *r)
{
    const styr_flows *fl = r->flows;
    if (!fl || !fl->ncat) return;
    const styr_codes *codes = r->codes;
    const int m = fl->ncat, k = STYR_FL_OUT13;
    const styr_flow_table *t = &fl->t[k][STYR_FL_KOM], *ct = &fl->t[k][STYR_FL_CLUSTER];
    const uint8_t *s = fl->supp[k][STYR_FL_KOM], *cs = fl->supp[k][STYR_FL_CLUSTER];
    fprintf(f, "<section id=\"stroemme\"><h2>%s</h2>\n", T("Strømme: hvor gik de hen?", "Flows: where did they go?"));
    char tot[32];
    size_t te = idx(fl, m, m);
    if (s[te]) snprintf(tot, sizeof tot, "..");
    else styr_fmt_int(tot, sizeof tot, t->cell[te].n);
    fprintf(f, T("<p>%s forløb på offentlig forsørgelse sluttede i %s i %s. Figuren viser, hvilken ydelse de sluttede "
                 "på (til venstre), og hvor personerne var 13 uger efter (til højre).</p>\n",
                 "<p>%s spells on public support ended in %s in %s. The chart shows the group they ended in (left) "
                 "and where the persons were 13 weeks after (right).</p>\n"),
            tot, r->kommunenavn, r->periode);
    fprintf(f, "<figure style=\"margin:0\"><figcaption>%s</figcaption>\n",
            T("Afgang fra offentlig forsørgelse: status 13 uger efter", "Outflow from public support: state 13 weeks after"));
    styr_svg_flows(f, "stroemme", T("Afgang fra offentlig forsørgelse: status 13 uger efter",
                                    "Outflow from public support: state 13 weeks after"), fl, codes, k);
    fprintf(f, "</figure>\n<table><thead><tr><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th>"
               "<th class=\"n\">%s</th></tr></thead><tbody>\n",
            T("Status 13 uger efter", "State 13 weeks after"), T("Antal", "Count"), T("Andel", "Share"),
            r->klynge ? T("Klyngen", "Cluster") : T("Klyngen", "Cluster"));
    for (int c = 1; c <= m; c++) {
        size_t e = idx(fl, m, c);
        if (c < m && c < fl->ng && !t->cell[e].n && !ct->cell[e].n) continue;
        char v[32];
        if (s[e]) snprintf(v, sizeof v, "..");
        else styr_fmt_int(v, sizeof v, t->cell[e].n);
        fprintf(f, "<tr%s><td>", c == m ? " class=\"total\"" : "");
        styr_html_text(f, c == m ? T("I alt", "Total") : cat_name(fl, codes, c, 0));
        fprintf(f, "</td><td class=\"n\">%s</td>", v);
        share_cell(f, t, s, e, te);
        if (r->klynge) share_cell(f, ct, cs, e, te);
        else fputs("<td class=\"n\">-</td>", f);
        fputs("</tr>\n", f);
    }
    fputs("</tbody></table>\n", f);
    /* tilgang: where the spells that started came from */
    const styr_flow_table *ti = &fl->t[STYR_FL_IN4][STYR_FL_KOM];
    size_t tie = idx(fl, m, m);
    char tin[32];
    if (fl->supp[STYR_FL_IN4][STYR_FL_KOM][tie]) snprintf(tin, sizeof tin, "..");
    else styr_fmt_int(tin, sizeof tin, ti->cell[tie].n);
    fprintf(f, T("<p>%s forløb begyndte i perioden. Hvor kom personerne fra (status 4 uger før, til venstre), og "
                 "hvilken ydelse begyndte de på (til højre)?</p>\n",
                 "<p>%s spells began in the period. Where did the persons come from (the state 4 weeks before, "
                 "left), and which group did they begin on (right)?</p>\n"),
            tin);
    fprintf(f, "<figure style=\"margin:0\"><figcaption>%s</figcaption>\n",
            T("Tilgang til offentlig forsørgelse: status 4 uger før", "Inflow to public support: state 4 weeks before"));
    styr_svg_flows(f, "stroemme-tilgang", T("Tilgang til offentlig forsørgelse: status 4 uger før",
                                            "Inflow to public support: state 4 weeks before"), fl, codes, STYR_FL_IN4);
    fputs("</figure>\n", f);
    /* moves: persons in and out, and the full-time effect */
    char in[32], out[32], net[32];
    const styr_flow_table *mi = &fl->mv[0], *mo = &fl->mv[1];
    if (fl->mv_supp[0][te]) snprintf(in, sizeof in, "..");
    else styr_fmt_int(in, sizeof in, styr_flow_at(mi, m, m)->persons);
    if (fl->mv_supp[1][te]) snprintf(out, sizeof out, "..");
    else styr_fmt_int(out, sizeof out, styr_flow_at(mo, m, m)->persons);
    if (fl->mv_fte_hidden[0] || fl->mv_fte_hidden[1] || fl->weeks <= 0) snprintf(net, sizeof net, "..");
    else {
        double v = ((double)fl->mv_weeks[0] - (double)fl->mv_weeks[1]) / fl->weeks;
        styr_fmt_num(net, sizeof net, v, 1);
        if (v > 0 && strcmp(net, "0,0") && strcmp(net, "0.0")) memmove(net + 1, net, strlen(net) + 1), net[0] = '+';
    }
    fprintf(f, T("<p>Flytninger i perioden: %s personer på offentlig forsørgelse flyttede til kommunen og %s fra den "
                 "(virkning på fuldtidspersoner, netto: %s)</p>\n",
                 "<p>Moves in the period: %s persons on public support moved into the municipality and %s out of it "
                 "(effect on full-time persons, net: %s)</p>\n"),
            in, out, net);
    fprintf(f, "<p class=\"note\">%s</p></section>\n",
            T("Forløb, der sluttede i perioden, i kommunen (kommunen i forløbets sidste uge). Status 13 uger efter: en "
              "anden ydelse, i uddannelse (SU), i job, selvforsørget, fraflyttet (ugens kommune er en anden) eller endnu "
              "ikke målbar. .. = diskretion: færre end 5 personer, eller skjult, så det ikke kan regnes tilbage; et "
              "skjult bånd er tegnet skraveret og lige tyndt, uanset tallet. Alle tal: styr flows.",
              "Spells that ended in the period, in the municipality (that of the spell's last week). State 13 weeks "
              "after: another group, in education (SU), in work, self-supporting, moved away (the week's municipality "
              "is another) or not yet measurable. .. = discretion: fewer than 5 persons, or hidden so it cannot be "
              "worked back; a hidden band is hatched and equally thin whatever its count. All figures: styr flows."));
}
