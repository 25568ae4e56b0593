/* options.h - every option tmx has is declared once, in options_table.c (name, scope,
 * type, default, limits, help), tmux 3.3a's options first; values live in option sets
 * that inherit: a pane's set falls back to its window's, a window's to the global window
 * options, a session's to the global session options, and server options have one set.
 * Some options are arrays (status-format[0], command-alias[3], hooks); a set may also hold
 * user options (@name, free text). Everything else reads options by name. */
#ifndef TMX_OPTIONS_H
#define TMX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum option_scope { OPTION_SERVER, OPTION_SESSION, OPTION_WINDOW };
enum option_type { OPTION_FLAG, OPTION_NUMBER, OPTION_STRING, OPTION_KEY, OPTION_CHOICE,
                   OPTION_STYLE,  /* a string that must be a style (unless it holds #{) */
                   OPTION_SIZE,   /* bytes, a number with an optional K, M, G or T suffix */
                   OPTION_COLOUR, /* a colour (style.h's names), a number in grid.h's encoding */
                   OPTION_COMMAND /* a hook's command list (checked by the command layer) */ };

/* option_def.flags */
#define OPTION_F_PANE 0x1  /* a window option a pane may set for itself (set -p) */
#define OPTION_F_ARRAY 0x2 /* an array: name[N] */
#define OPTION_F_HOOK 0x4  /* a hook (set-hook, show-hooks; show -H) */
#define OPTION_F_WXH 0x8   /* a string WIDTHxHEIGHT */
#define OPTION_F_SHELL 0x10 /* a string naming an executable file by absolute path */
#define OPTION_F_TMX 0x20  /* tmx's own: tmux has no such option */
#define OPTION_F_NEWER 0x40 /* from tmux 3.4 or later: 3.3a has no such option */

struct option_def {
    const char *name;
    enum option_scope scope;
    enum option_type type;
    const char *default_value;   /* NULL for arrays */
    long min, max;               /* OPTION_NUMBER, OPTION_SIZE */
    const char *const *choices;  /* OPTION_CHOICE, NULL-terminated */
    const char *help;
    int flags;                   /* OPTION_F_* */
    const char *separator;       /* arrays: characters a whole value is split at */
    const char *const *default_array; /* arrays: the default items, NULL-terminated */
};

/* The table, NULL-name-terminated (options_table.c). */
extern const struct option_def option_table[];
const struct option_def *options_find(const char *name);
const char *options_scope_name(enum option_scope scope);

/* An argument naming an option as set-option and show-options take it: "name" or
 * "name[N]". The name goes to name (at most size bytes), the index to *idx (-1 without
 * one). Returns -1 if the argument is malformed. */
int options_parse_name(const char *arg, char *name, size_t size, long *idx);
/* The table option an exact name or an unambiguous prefix of one names; NULL (and
 * *ambiguous set when several match) if none. */
const struct option_def *options_match(const char *name, bool *ambiguous);

struct options;

/* A set of values; lookups of options it does not hold go to parent (may be NULL: then
 * the table's defaults). */
struct options *options_create(struct options *parent);
void options_free(struct options *o);
struct options *options_parent(const struct options *o);
/* A count that moves at each change of the set's own values (not its parents'): what a
 * reader that keeps a copy compares (the snapshot). */
uint64_t options_changes(const struct options *o);
/* A pane moved to another window inherits from the new window's set. */
void options_set_parent(struct options *o, struct options *parent);
/* Fill a global set with every default of one scope. */
void options_set_defaults(struct options *o, enum option_scope scope);

/* Values, looked up through the parents. Numbers, sizes (bytes), flags (0/1), keys
 * (key_code), choices (the index in choices) and colours (COLOUR_* of grid.h) are
 * numbers; strings and styles are strings. */
long options_get_number(const struct options *o, const char *name);
const char *options_get_string(const struct options *o, const char *name);
/* Is the option set in this very set (not inherited)? */
bool options_is_set(const struct options *o, const char *name);

/* Parse and set value (checked against the option's type, errors as tmux words them);
 * 'append' adds to a string (a style after a comma). A flag with value NULL toggles, so
 * does a choice of two. An array is emptied (unless append) and value split at its
 * separators into the first free items. Returns 0, or -1 with a message in err. */
int options_set(struct options *o, const char *name, const char *value, bool append,
                char *err, size_t errsize);
/* Set item idx of an array (value appended to it with 'append'). */
int options_set_item(struct options *o, const char *name, long idx, const char *value,
                     bool append, char *err, size_t errsize);
/* Forget the set's own value: it inherits again. */
void options_unset(struct options *o, const char *name);
/* Remove item idx of an array held by this set (nothing if it holds none). */
void options_unset_item(struct options *o, const char *name, long idx);
/* Back to the table's default, held by this set (what -u does to a global set). */
void options_reset(struct options *o, const char *name);

/* Arrays: the next item after index 'after' (-1: the first), looked up through the
 * parents as a whole (a set holding the array holds all of it). Returns the index and
 * the item's text in *value, or -1 when there is no more. */
long options_array_next(const struct options *o, const char *name, long after,
                        const char **value);
/* Item idx's text, or NULL. */
const char *options_array_get(const struct options *o, const char *name, long idx);

/* User options (@name): the value, from this set only or through the parents; NULL if
 * none. */
const char *options_get_user(const struct options *o, const char *name, bool inherit);
void options_set_user(struct options *o, const char *name, const char *value, bool append);
void options_unset_user(struct options *o, const char *name);
/* The user option of this set after 'after' in name order (NULL: the first), or NULL. */
const char *options_user_next(const struct options *o, const char *after);

/* The value as tmux's formats and show -v print it, unquoted, into buf: arrays item idx
 * (-1: every item, joined by spaces). Returns buf. */
const char *options_to_string(const struct options *o, const char *name, char *buf,
                              size_t size);
const char *options_item_to_string(const struct options *o, const char *name, long idx,
                                   char *buf, size_t size);
/* An option as a format names it ("name", "name[N]" or "@name"): its text as tmux's
 * formats give it (options_to_string's, but flags as 1 or 0 and a whole array as
 * nothing) into buf if o or its parents hold it; NULL if they do not. */
const char *options_lookup_text(const struct options *o, const char *key, char *buf,
                                size_t size);
/* s as show-options prints a string value: quoted and escaped so the line can be read
 * back as a command (tmux's rules: "" for spaces, #, ;, $..., '' for nothing, \\ and
 * C escapes inside). Caller frees. */
char *options_escape(const char *s);

#endif
