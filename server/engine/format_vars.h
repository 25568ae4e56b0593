/* format_vars.h - the variables a format can name (#{session_name}...) and the context
 * they are read from. format.h (the expansion, which every user includes) includes this
 * header for struct format_ctx. */
#ifndef TMX_FORMAT_VARS_H
#define TMX_FORMAT_VARS_H

#include <stdbool.h>

struct format_out;
struct server;
struct session;
struct window;
struct pane;
struct client;
struct paste_buffer;

/* Bytes of a buffer #{buffer_sample} shows. */
#define FORMAT_BUFFER_SAMPLE 50

/* Any member may be NULL: variables needing it expand to "". A window or pane given
 * without its session finds it through window->session. */
struct format_ctx {
    struct server *server;
    struct session *session;
    struct window *window;
    struct pane *pane;
    struct client *client;
    const struct paste_buffer *buffer; /* buffer_* variables (list-buffers) */
};

/* Every variable name format_expand knows (sorted, NULL-terminated), for docs and
 * tests. Option names (#{status}, #{history-limit}) expand too and are not listed. */
const char *const *format_variable_names(void);
/* Append the value of variable or option name to o (nothing when the context lacks what
 * it needs); false if name is neither. */
bool format_variable(const struct format_ctx *ctx, const char *name, struct format_out *o);

#endif
