/* key_bindings.h - the key tables: "prefix" (after C-b) and "root" bindings, each a
 * key and a command line run through the command parser. */
#ifndef TMX_KEY_BINDINGS_H
#define TMX_KEY_BINDINGS_H

#include <stdbool.h>

#include "keys.h"

struct server;
struct key_binding;

void key_bindings_init(struct server *s);
void key_bindings_free(struct server *s);
/* Bind (replacing any binding of the same key in the same table). */
void key_bindings_add(struct server *s, key_code key, bool root, const char *command,
                      const char *note, bool repeat);
void key_bindings_remove(struct server *s, key_code key, bool root);
const struct key_binding *key_bindings_find(const struct server *s, key_code key, bool root);

#endif
