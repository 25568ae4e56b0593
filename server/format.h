/* format.h - expands tmux-compatible formats in templates (-F, the status line,
 * display-message, hooks) from a session/window/pane/client context. The syntax
 * (#{name}, #S..., #{?c,a,b}, #{==:a,b}, #{=N:name}, #{t:...}, #{s/a/b/:...},
 * #{e|+|:a,b}...) is described at the top of format.c; #[style] blocks are left for
 * style_split (style.h). */
#ifndef TMX_FORMAT_H
#define TMX_FORMAT_H

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

/* Returns a new string (never NULL; at most 64 KiB); unknown variables expand to "",
 * malformed directives are copied as they are. ctx may be NULL (no variables). */
char *format_expand(const struct format_ctx *ctx, const char *template);
/* Fill window and pane from session's current ones where not given. */
void format_defaults(struct format_ctx *ctx);
/* Every variable name format_expand knows (sorted, NULL-terminated), for docs and
 * tests. Option names (#{status}, #{history-limit}) expand too and are not listed. */
const char *const *format_variable_names(void);

#endif
