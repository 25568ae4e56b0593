/* format.h - expands #{variable} and #X shorthands in templates (-F, status line,
 * display-message) from a session/window/pane/client context. */
#ifndef TMX_FORMAT_H
#define TMX_FORMAT_H

struct server;
struct session;
struct window;
struct pane;
struct client;

struct format_ctx {
    struct server *server;
    struct session *session;
    struct window *window;
    struct pane *pane;
    struct client *client;
};

/* Returns a new string; unknown variables expand to "". */
char *format_expand(const struct format_ctx *ctx, const char *template);
/* Fill window and pane from session's current ones where not given. */
void format_defaults(struct format_ctx *ctx);

#endif
