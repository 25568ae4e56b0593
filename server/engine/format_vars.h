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
#define FORMAT_BUFFER_SAMPLE 200

/* What a format is about (session_format, window_format, pane_format): set by
 * format_defaults from what it was given, or by a loop. */
enum format_type { FORMAT_TYPE_UNSET, FORMAT_TYPE_SESSION, FORMAT_TYPE_WINDOW, FORMAT_TYPE_PANE };

/* Any member may be NULL: variables needing it expand to "". A window or pane given
 * without its session finds it through its first link. client_* variables need an
 * attached client. */
struct format_ctx {
    struct server *server;
    struct session *session;
    struct window *window;
    struct winlink *wl; /* the window's link, when it matters which (W: loops); NULL: its
                         * link in session, else its first one */
    struct pane *pane;
    struct client *client;
    const struct paste_buffer *buffer; /* buffer_* variables (list-buffers) */
    enum format_type type;
    const char *command; /* the command expanding it (#{command}), or NULL */
    /* Variables of one command's items (list-commands, show-messages): NAME, VALUE,
     * NAME, VALUE... then NULL; looked up before any other. May be NULL. */
    const char *const *vars;
};

/* Every variable name format_expand knows (sorted, NULL-terminated), for docs and
 * tests. Option names (#{status}, #{history-limit}) expand too and are not listed. */
const char *const *format_variable_names(void);
/* Append the value of name to o, looked up as tmux does: an option, then a variable
 * (nothing when the context lacks what it needs), then a variable of the session's
 * environment or the server's. False (nothing appended) if name is none of them. */
bool format_variable(const struct format_ctx *ctx, const char *name, struct format_out *o);
/* Only an option (flags as 1 or 0, as tmux's formats show them); false if name is not one. */
bool format_option_value(const struct format_ctx *ctx, const char *name, struct format_out *o);
/* The value of a time variable (session_created...) in *t; false if name is not one
 * or the context lacks it. */
bool format_variable_time(const struct format_ctx *ctx, const char *name, long long *t);

#endif
