/* dispatch.h - maps parsed sequences (C0 controls, ESC, CSI; OSC, DCS and ESC k
 * through osc.h) to screen operations (internal to vt/). */
#ifndef TMX_VT_DISPATCH_H
#define TMX_VT_DISPATCH_H

#include "parser.h"

/* Parser callbacks; their ctx is a struct screen. */
extern const struct parser_ops dispatch_ops;

#endif
