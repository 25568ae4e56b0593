/* format.h - expands tmux-compatible formats in templates (-F, the status line,
 * display-message, hooks) from a session/window/pane/client context. The syntax
 * (#{name}, #S..., #{?c,a,b}, #{==:a,b}, #{=N:name}, #{t:...}, #{s/a/b/:...},
 * #{e|+|:a,b}...) is described at the top of format.c; #[style] blocks are left for
 * style_split (style.h). */
#ifndef TMX_FORMAT_H
#define TMX_FORMAT_H

#include "format_vars.h"

/* Returns a new string (never NULL; at most 64 KiB); unknown variables expand to "",
 * malformed directives are copied as they are. ctx may be NULL (no variables). */
char *format_expand(const struct format_ctx *ctx, const char *template);
/* The same, with strftime's % sequences replaced first in each template, as
 * display-message and the status line do (%% for a '%'). */
char *format_expand_time(const struct format_ctx *ctx, const char *template);
/* Fill window and pane from session's current ones where not given, and set what
 * the format is about (session_format, window_format, pane_format) from what was. */
void format_defaults(struct format_ctx *ctx);

#endif
