/* key_bindings.h - the key tables, looked up by name: "root" (no prefix), "prefix"
 * (after C-b), "copy-mode" and "copy-mode-vi" (a pane in copy mode, by mode-keys), and
 * any table bind-key -T names; each binds keys to command lines run through the command
 * parser. */
#ifndef TMX_KEY_BINDINGS_H
#define TMX_KEY_BINDINGS_H

#include <stdbool.h>

#include "keys.h"

struct server;
struct cmd_list;

/* The tables tmx starts with. root always exists; another table exists while a key is
 * bound in it (bind-key -T NAME makes it, unbinding its last key removes it), as in
 * tmux. A pane mode names the table its keys are looked up in. */
#define KEY_TABLE_ROOT "root"
#define KEY_TABLE_PREFIX "prefix"
#define KEY_TABLE_COPY_MODE "copy-mode"
#define KEY_TABLE_COPY_MODE_VI "copy-mode-vi"

/* A key binding: a key of one key table and its command. */
struct key_binding {
    key_code key;
    char *table;      /* the table's name */
    char *command;    /* command line, run through the command parser */
    char *display;    /* the command as list-keys prints it (tmux's form) */
    char *note;       /* what it does, for list-keys / C-b ? */
    bool repeat;      /* bind -r: may be pressed again without the prefix (repeat-time) */
    /* The commands, parsed once (engine/cmd_queue.c, cmd_execute_binding: from bind-key's
     * list, or command the first time the key is pressed), as tmux keeps a binding's
     * list: a { } block's lines stay groups of their own. Owned by the binding, freed
     * through s->binding_list_free; NULL until then. */
    struct cmd_list *list;
};

/* Whether a table of that name exists. */
bool key_table_exists(const struct server *s, const char *name);
/* The tables in the order list-keys shows them: by name. The one after prev (NULL: the
 * first); NULL after the last. */
const char *key_table_next(const struct server *s, const char *prev);

/* The default tables (tmux 3.3a's), now. */
void key_bindings_init(struct server *s);
/* The default tables at the first use of any binding instead (the server: most
 * `tmx new -d` never need them; a config that binds a key makes them then). */
void key_bindings_init_later(struct server *s);
/* The deferred defaults made now, before reading s->bindings directly. */
void key_bindings_ready(const struct server *s);
void key_bindings_free(struct server *s);
/* Bind key in table (made if it is new), replacing any binding of the key there. */
void key_bindings_add(struct server *s, const char *table, key_code key, const char *command,
                      const char *note, bool repeat);
/* The same with the text list-keys shows (display; command is what runs). */
void key_bindings_add_full(struct server *s, const char *table, key_code key,
                           const char *command, const char *display, const char *note,
                           bool repeat);
void key_bindings_remove(struct server *s, const char *table, key_code key);
/* Remove every binding of a table. */
void key_bindings_remove_table(struct server *s, const char *table);
/* Give the binding of key in table its parsed commands (the binding takes the caller's
 * reference; any list it had is freed). Nothing if the key is not bound there. */
void key_bindings_set_list(struct server *s, const char *table, key_code key,
                           struct cmd_list *list);
/* The binding of key in table, or NULL. */
const struct key_binding *key_bindings_find(const struct server *s, const char *table,
                                            key_code key);

#endif
