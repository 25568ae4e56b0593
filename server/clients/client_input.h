/* client_input.h - keys typed in an attached client: split into keys, then the prefix
 * and key tables, the status-line prompt, or the active pane. */
#ifndef TMX_CLIENT_INPUT_H
#define TMX_CLIENT_INPUT_H

#include <stddef.h>

struct client;

void client_input(struct client *c, const char *buf, size_t len);

#endif
