/* select: the --kommune and --ydelse lists of the figure commands.
 *
 *   --kommune  municipality codes, 'alle' (every municipality) and 'land' (the
 *              whole country, index codes->dict.nkom)
 *   --ydelse   ydelse codes, 'alle' (every group, then all public support) and
 *              'i_alt' (all public support, index 0)
 * The caller frees *out. Returns 0, or -1 for an unknown item or an empty list. */
#ifndef STYR_SELECT_H
#define STYR_SELECT_H

#include "../calc/query.h"
#include "../ws/codes.h"

int styr_select_kommuner(const styr_codes *c, const char *list, int **out, int *n);
int styr_select_ydelser(const styr_codes *c, const char *list, int **out, int *n);

/* The selection of a figures command (figures, money) from its --kommune,
 * --ydelse and --periode lists (NULL: the default), into q->kom/grp/per. The
 * defaults: every municipality and the country (as a table: the own
 * municipality, else the country), every group and all public support, the
 * panel's last whole year. Also checks that --intern (q->intern) has an own
 * municipality. Returns STYR_EXIT_OK, or an exit code after a message naming
 * cmd; the caller frees q->kom, q->grp and q->per with styr_select_free. */
int styr_select_query(styr_ws *ws, const styr_panel *p, const char *cmd, const char *kl, const char *yl,
                      const char *pl, int table, styr_query *q);
void styr_select_free(styr_query *q);

#endif
