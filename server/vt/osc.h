/* osc.h - the control strings (OSC, DCS, ESC k name ST) to screen operations
 * (internal to vt/): parser callbacks that dispatch.c puts in its parser_ops; their
 * ctx is a struct screen. */
#ifndef TMX_VT_OSC_H
#define TMX_VT_OSC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "parser.h"

void osc_handle(void *ctx, const uint8_t *str, size_t len, bool bel);
void osc_dcs_dispatch(void *ctx, const struct parser_seq *seq, uint8_t final,
                      const uint8_t *str, size_t len);
void osc_window_name_dispatch(void *ctx, const uint8_t *str, size_t len);

#endif
