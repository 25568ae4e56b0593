/* server_int.h - while the layers are being separated: struct server (server_state.h)
 * with the functions that were declared beside it. Goes once every file includes what
 * it uses. */
#ifndef TMX_SERVER_INT_H
#define TMX_SERVER_INT_H

#include <stdbool.h>
#include <stdint.h>
#include "queue.h"
#include <sys/types.h>
#include <time.h>

#include "key_bindings.h"
#include "keys.h"
#include "notify.h"
#include "paste.h"
#include "server_state.h"

/* While the layers are being separated: the functions that lived here, by their new
 * modules. */
#include "option_effects.h"
#include "pane_exit.h"
#include "redraw.h"
#include "server_exit.h"
#include "server_find.h"
#include "status_clock.h"
/* Mark every client showing this session as needing a redraw. */
void server_redraw_session(struct server *s, struct session *sess);
#endif
