/* key_bindings.h - the key tables: "root" (no prefix), "prefix" (after C-b),
 * "copy-mode" and "copy-mode-vi" (a pane in copy mode, by mode-keys), each binding a
 * key to a command line run through the command parser. */
#ifndef TMX_KEY_BINDINGS_H
#define TMX_KEY_BINDINGS_H

#include <stdbool.h>

#include "keys.h"

struct server;

enum key_table {
    KEY_TABLE_ROOT,
    KEY_TABLE_PREFIX,
    KEY_TABLE_COPY_MODE,
    KEY_TABLE_COPY_MODE_VI,
    KEY_TABLE_COUNT
};

/* "root", "prefix", "copy-mode", "copy-mode-vi". */
const char *key_table_name(enum key_table t);
/* The table of that name; -1 if there is none. */
int key_table_find(const char *name);

/* A key binding: a key of one key table (key_bindings.h) and its command. */
struct key_binding {
    key_code key;
    enum key_table table;
    char *command;    /* command line, run through the command parser */
    char *note;       /* what it does, for list-keys / C-b ? */
    bool repeat;      /* bind -r: may be pressed again without the prefix (repeat-time) */
};

void key_bindings_init(struct server *s);
void key_bindings_free(struct server *s);
/* Bind (replacing any binding of the same key in the same table). */
void key_bindings_add(struct server *s, enum key_table t, key_code key, const char *command,
                      const char *note, bool repeat);
void key_bindings_remove(struct server *s, enum key_table t, key_code key);
const struct key_binding *key_bindings_find(const struct server *s, enum key_table t,
                                            key_code key);

#endif
