/* sgr.h - SGR parameters to pen changes (internal to vt/). */
#ifndef TMX_VT_SGR_H
#define TMX_VT_SGR_H

#include "cell.h"
#include "parser.h"

/* Apply the parameters of one SGR sequence to pen. Malformed extended colours stop
 * processing of the rest of the sequence; unknown parameters are skipped. */
void sgr_apply(struct grid_pen *pen, const struct parser_seq *seq);

#endif
