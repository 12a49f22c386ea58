/* store: computed counts kept in the workspace catalog.
 *
 * A cube's cells for one period are stored as one row keyed by the panel's
 * checksum and the period name, so a report or the dashboard reads figures
 * without recomputing them. Rows for any other panel checksum are stale and
 * are deleted when new rows are stored (and whenever the panel changes). The
 * cells are kept as a blob in styr_cell layout, tagged with the layout's
 * version and size so a different build never misreads them. */
#ifndef STYR_STORE_H
#define STYR_STORE_H

#include "../ws/workspace.h"
#include "engine.h"

/* Fill the cells of the cube's periods that are stored for its panel
 * checksum (with money figures when money is set); found[p] is set to 1 for
 * each period found. The cube must be allocated with np/nk/ng set. */
styr_rc styr_store_load(styr_ws *ws, const styr_pset *ps, styr_cube *cube, int money, uint8_t *found,
                        styr_diags *d);

/* Store the periods p with which[p] set (all when which is NULL), and drop
 * rows of other panels. Needs a workspace opened for writing. */
styr_rc styr_store_save(styr_ws *ws, const styr_pset *ps, const styr_cube *cube, const uint8_t *which, int money,
                        styr_diags *d);

/* Stored periods for the current panel (for info). */
int styr_store_count(styr_ws *ws);

#endif
