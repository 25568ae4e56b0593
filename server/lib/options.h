/* options.h - every option tmx has is declared once, in options_table.c (name, scope,
 * type, default, limits, help); values live in option sets that inherit: a window's set
 * falls back to the global window options, a session's to the global session options,
 * and server options have one set. Everything else reads options by name. */
#ifndef TMX_OPTIONS_H
#define TMX_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

enum option_scope { OPTION_SERVER, OPTION_SESSION, OPTION_WINDOW };
enum option_type { OPTION_FLAG, OPTION_NUMBER, OPTION_STRING, OPTION_KEY, OPTION_CHOICE,
                   OPTION_STYLE,
                   OPTION_SIZE, /* bytes, a number with an optional K, M, G or T suffix */
                   OPTION_COLOUR /* a colour (style.h's names), a number in grid.h's encoding */ };

struct option_def {
    const char *name;
    enum option_scope scope;
    enum option_type type;
    const char *default_value;
    long min, max;               /* OPTION_NUMBER, OPTION_SIZE */
    const char *const *choices;  /* OPTION_CHOICE, NULL-terminated */
    const char *help;
};

/* The table, NULL-name-terminated (options_table.c). */
extern const struct option_def option_table[];
const struct option_def *options_find(const char *name);
const char *options_scope_name(enum option_scope scope);

struct options;

/* A set of values; lookups of options it does not hold go to parent (may be NULL: then
 * the table's defaults). */
struct options *options_create(struct options *parent);
void options_free(struct options *o);
/* Fill a global set with every default of one scope. */
void options_set_defaults(struct options *o, enum option_scope scope);

/* Values, looked up through the parents. Numbers, sizes (bytes), flags (0/1), keys
 * (key_code), choices (the index in choices) and colours (COLOUR_* of grid.h) are
 * numbers; strings and styles are strings. */
long options_get_number(const struct options *o, const char *name);
const char *options_get_string(const struct options *o, const char *name);
/* Is the option set in this very set (not inherited)? */
bool options_is_set(const struct options *o, const char *name);

/* Parse and set value (checked against the option's type); 'append' adds to a string.
 * A flag with value NULL toggles. Returns 0, or -1 with a message in err. */
int options_set(struct options *o, const char *name, const char *value, bool append,
                char *err, size_t errsize);
void options_unset(struct options *o, const char *name);
/* The value as show-options prints it, into buf. Returns buf. */
const char *options_to_string(const struct options *o, const char *name, char *buf,
                              size_t size);

#endif
