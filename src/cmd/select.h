/* select: the --kommune and --ydelse lists of the figure commands.
 *
 *   --kommune  municipality codes, 'alle' (every municipality) and 'land' (the
 *              whole country, index codes->dict.nkom)
 *   --ydelse   ydelse codes, 'alle' (every group, then all public support) and
 *              'i_alt' (all public support, index 0)
 * The caller frees *out. Returns 0, or -1 for an unknown item or an empty list. */
#ifndef STYR_SELECT_H
#define STYR_SELECT_H

#include "../ws/codes.h"

int styr_select_kommuner(const styr_codes *c, const char *list, int **out, int *n);
int styr_select_ydelser(const styr_codes *c, const char *list, int **out, int *n);

#endif
