/* format.c - tmux-compatible format expansion (-F templates, the status line,
 * display-message, hooks).
 *
 * A template is text with directives:
 *   #{name}              a variable (the table below) or an option's value
 *   #S #W #I #P #T #H #h #D #F   shorthands; ## a '#', #, a ',', #} a '}'
 *   #{?cond,a,b}         a if cond is true (non-empty and not "0") else b; cond is a
 *                        variable name or, if it contains '#', a format. More pairs may
 *                        follow: #{?c1,a,c2,b,else}.
 *   #{==:a,b} #{!=:a,b} #{<:a,b} #{>:a,b} #{<=:a,b} #{>=:a,b}   string comparisons
 *   #{||:a,b} #{&&:a,b}  logic; #{m:pattern,string} fnmatch; all give "1" or "0"
 *   #{e|op|:a,b}         integer arithmetic (+ - * / %) or comparison (== != < > <= >=)
 *   #{MODS:name}         name's value (or, if it contains '#', the expansion of the
 *                        format) through modifiers applied left to right, separated by ';':
 *                        =N / =-N (first / last N columns), =/N/marker (marker added when
 *                        cut), t (a time as a date), t/f/strftime, b (basename), d
 *                        (dirname), l (the text itself, not a name), s/pat/rep/ (plain
 *                        text, every occurrence), n (length in bytes), w (width in
 *                        columns), q (quote shell characters), E (expand the value again)
 *   #[style]             passed through (the status line draws it; see style.h); a
 *                        "##[" stays "##[" so that style_split shows a literal "#[".
 * Nested directives expand inside arguments; commas and colons inside a nested #{...}
 * or #[...] do not split. Malformed input is copied literally (an unclosed "#{"); an
 * unknown variable or modifier gives "". Expansion stops at FORMAT_MAX_DEPTH levels of
 * nesting and the output at FORMAT_MAX_OUTPUT bytes. */
#include "format.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "layout.h"
#include "options.h"
#include "client_state.h"
#include "pane.h"
#include "paste.h"
#include "server_state.h"
#include "session.h"
#include "utf8.h"
#include "vt.h"
#include "xmalloc.h"

#define FORMAT_MAX_DEPTH 16
#define FORMAT_MAX_OUTPUT (64 * 1024)
#define FORMAT_VERSION "0.1"
#define FORMAT_MAX_STEPS 100000 /* #{...} expanded per format_expand call */

/* A growing output string, never longer than FORMAT_MAX_OUTPUT. */
struct out {
    char *s;
    size_t len, size;
};

static void out_add(struct out *o, const char *s, size_t n)
{
    size_t room = o->len < FORMAT_MAX_OUTPUT ? FORMAT_MAX_OUTPUT - o->len : 0;
    if (n > room)
        n = room;
    if (o->s == NULL || o->len + n + 1 > o->size) {
        o->size = (o->len + n + 1) * 2;
        o->s = xrealloc(o->s, o->size);
    }
    memcpy(o->s + o->len, s, n);
    o->len += n;
    o->s[o->len] = '\0';
}

static void out_str(struct out *o, const char *s)
{
    out_add(o, s, strlen(s));
}

static void out_printf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out_printf(struct out *o, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    out_str(o, buf);
}

/* Take the string out of o (never NULL). */
static char *out_take(struct out *o)
{
    if (o->s == NULL)
        out_add(o, "", 0);
    char *s = o->s;
    o->s = NULL;
    o->len = o->size = 0;
    return s;
}

/* ---- Variables ---------------------------------------------------------------- */

/* What a variable needs in the context; without it the variable is "". */
enum { NEED_NONE = 0, NEED_SERVER = 1, NEED_SESSION = 2, NEED_WINDOW = 4, NEED_PANE = 8,
       NEED_CLIENT = 16, NEED_BUFFER = 32 };

typedef void (*format_var_fn)(const struct format_ctx *ctx, struct out *o);

/* The session a pane or window belongs to, when the context names none. */
static const struct session *ctx_session(const struct format_ctx *ctx)
{
    if (ctx->session != NULL)
        return ctx->session;
    if (ctx->window != NULL)
        return ctx->window->session;
    if (ctx->pane != NULL && ctx->pane->window != NULL)
        return ctx->pane->window->session;
    return NULL;
}

static const struct window *ctx_window(const struct format_ctx *ctx)
{
    if (ctx->window != NULL)
        return ctx->window;
    return ctx->pane != NULL ? ctx->pane->window : NULL;
}

static void v_alternate_on(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->vt != NULL && (vt_modes(ctx->pane->vt) & VT_MODE_ALT_SCREEN) != 0);
}

static void v_buffer_created(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%lld", (long long)ctx->buffer->created);
}

static void v_buffer_name(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->buffer->name);
}

/* The start of the buffer, control characters as octal escapes (paste_sample). */
static void v_buffer_sample(const struct format_ctx *ctx, struct out *o)
{
    char *sample = paste_sample(ctx->buffer, FORMAT_BUFFER_SAMPLE);
    out_str(o, sample);
    free(sample);
}

static void v_buffer_size(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%zu", ctx->buffer->size);
}

static void v_client_height(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->client->rows);
}

static void v_client_pid(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%ld", (long)ctx->client->pid);
}

static void v_client_session(const struct format_ctx *ctx, struct out *o)
{
    if (ctx->client->session != NULL)
        out_str(o, ctx->client->session->name);
}

static void v_client_termname(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->client->term != NULL ? ctx->client->term : "");
}

/* The client's terminal, when it passed it to the server ("" for a relayed one). */
static void v_client_tty(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->client->tty_name != NULL ? ctx->client->tty_name : "");
}

static void v_client_width(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->client->cols);
}

static void v_cursor_x(const struct format_ctx *ctx, struct out *o)
{
    int x = 0, y = 0;
    if (ctx->pane->vt != NULL)
        vt_cursor(ctx->pane->vt, &x, &y);
    out_printf(o, "%d", x);
}

static void v_cursor_y(const struct format_ctx *ctx, struct out *o)
{
    int x = 0, y = 0;
    if (ctx->pane->vt != NULL)
        vt_cursor(ctx->pane->vt, &x, &y);
    out_printf(o, "%d", y);
}

static void v_history_limit(const struct format_ctx *ctx, struct out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct options *opts = s != NULL ? s->options : NULL;
    if (opts == NULL && ctx->server != NULL)
        opts = ctx->server->session_options;
    if (opts != NULL && options_find("history-limit") != NULL)
        out_printf(o, "%ld", options_get_number(opts, "history-limit"));
}

static void v_history_bytes(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%zu", ctx->pane->vt != NULL ? grid_history_bytes(vt_main_grid(ctx->pane->vt)) : 0);
}

static void v_history_size(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->vt != NULL ? grid_history_size(vt_main_grid(ctx->pane->vt)) : 0);
}

static void get_host(char *buf, size_t size)
{
    if (gethostname(buf, size) != 0)
        buf[0] = '\0';
    buf[size - 1] = '\0';
}

static void v_host(const struct format_ctx *ctx, struct out *o)
{
    char buf[256];
    (void)ctx;
    get_host(buf, sizeof buf);
    out_str(o, buf);
}

static void v_host_short(const struct format_ctx *ctx, struct out *o)
{
    char buf[256];
    (void)ctx;
    get_host(buf, sizeof buf);
    buf[strcspn(buf, ".")] = '\0';
    out_str(o, buf);
}

static void v_pane_active(const struct format_ctx *ctx, struct out *o)
{
    const struct window *w = ctx_window(ctx);
    out_printf(o, "%d", w != NULL && w->active == ctx->pane);
}

static void v_pane_current_command(const struct format_ctx *ctx, struct out *o)
{
    char buf[256] = "";
    if (!pane_current_command(ctx->pane, buf, sizeof buf))
        buf[0] = '\0';
    out_str(o, buf);
}

/* The working directory of the pane's foreground process (as tmux), else of its
 * child, else the directory it was started in. */
static void v_pane_current_path(const struct format_ctx *ctx, struct out *o)
{
    const struct pane *p = ctx->pane;
    pid_t pids[2] = {p->fd >= 0 ? tcgetpgrp(p->fd) : -1, p->pid};
    for (int i = 0; i < 2; i++) {
        if (pids[i] <= 0)
            continue;
        char link[64], path[4096];
        snprintf(link, sizeof link, "/proc/%ld/cwd", (long)pids[i]);
        ssize_t n = readlink(link, path, sizeof path - 1);
        if (n > 0) {
            out_add(o, path, (size_t)n);
            return;
        }
    }
    out_str(o, p->cwd != NULL ? p->cwd : "");
}

static void v_pane_dead(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->dead);
}

static void v_pane_dead_signal(const struct format_ctx *ctx, struct out *o)
{
    if (ctx->pane->reaped && WIFSIGNALED(ctx->pane->wait_status))
        out_printf(o, "%d", WTERMSIG(ctx->pane->wait_status));
}

static void v_pane_dead_status(const struct format_ctx *ctx, struct out *o)
{
    if (ctx->pane->reaped && WIFEXITED(ctx->pane->wait_status))
        out_printf(o, "%d", WEXITSTATUS(ctx->pane->wait_status));
}

static void v_pane_dead_time(const struct format_ctx *ctx, struct out *o)
{
    if (ctx->pane->reaped)
        out_printf(o, "%lld", (long long)ctx->pane->exit_time);
}

/* Where the pane is in its window: first and last column and row. */
static void v_pane_left(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->xoff);
}

static void v_pane_top(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->yoff);
}

static void v_pane_right(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->xoff + ctx->pane->cols - 1);
}

static void v_pane_bottom(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->yoff + ctx->pane->rows - 1);
}

static void v_pane_height(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->rows);
}

static void v_pane_id(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%%%u", ctx->pane->id);
}

static void v_pane_in_mode(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->pane->mode != NULL ? "1" : "0");
}

/* The pane's position in its window. */
static void v_pane_index(const struct format_ctx *ctx, struct out *o)
{
    const struct window *w = ctx_window(ctx);
    long index = 0;
    if (w != NULL) {
        const struct pane *q;
        TAILQ_FOREACH(q, &w->panes, entry) {
            if (q == ctx->pane)
                break;
            index++;
        }
    }
    out_printf(o, "%ld", index);
}

/* The directory the program announced with OSC 7, "" if none. */
static void v_pane_path(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->pane->vt != NULL ? vt_cwd(ctx->pane->vt) : "");
}

static void v_pane_pid(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%ld", (long)ctx->pane->pid);
}

static void v_pane_start_command(const struct format_ctx *ctx, struct out *o)
{
    for (int i = 0; i < ctx->pane->argc && ctx->pane->argv != NULL; i++) {
        if (i > 0)
            out_str(o, " ");
        out_str(o, ctx->pane->argv[i]);
    }
}

/* The title the program set; until it sets one, the host name, as tmux shows it. */
static void v_pane_title(const struct format_ctx *ctx, struct out *o)
{
    const char *title = ctx->pane->vt != NULL ? vt_title(ctx->pane->vt) : "";
    if (*title != '\0') {
        out_str(o, title);
        return;
    }
    char host[256];
    if (gethostname(host, sizeof host) == 0) {
        host[sizeof host - 1] = '\0';
        out_str(o, host);
    }
}

/* The pane's tty name (the slave of its pty master), "" once it is closed. */
static void v_pane_tty(const struct format_ctx *ctx, struct out *o)
{
    char buf[128];
    if (ctx->pane->fd >= 0 && ptsname_r(ctx->pane->fd, buf, sizeof buf) == 0)
        out_str(o, buf);
}

static void v_pane_width(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx->pane->cols);
}

static void v_pid(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%ld", (long)ctx->server->pid);
}

static int count_attached(const struct format_ctx *ctx, const struct session *s)
{
    int n = 0;
    const struct client *c;
    if (ctx->server == NULL)
        return 0;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (c->attached && c->session == s)
            n++;
    }
    return n;
}

static void v_session_activity(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%lld", (long long)ctx_session(ctx)->activity);
}

static void v_session_attached(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", count_attached(ctx, ctx_session(ctx)));
}

static void v_session_created(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%lld", (long long)ctx_session(ctx)->created);
}

static void v_session_id(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "$%u", ctx_session(ctx)->id);
}

static void v_session_many_attached(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", count_attached(ctx, ctx_session(ctx)) > 1);
}

static void v_session_name(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx_session(ctx)->name != NULL ? ctx_session(ctx)->name : "");
}

static void v_session_path(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx_session(ctx)->cwd != NULL ? ctx_session(ctx)->cwd : "");
}

static void v_session_windows(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", session_count_windows(ctx_session(ctx)));
}

static void v_socket_path(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx->server->socket_path != NULL ? ctx->server->socket_path : "");
}

static void v_start_time(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%lld", (long long)ctx->server->start_time);
}

static void v_version(const struct format_ctx *ctx, struct out *o)
{
    (void)ctx;
    out_str(o, FORMAT_VERSION);
}

static void v_window_active(const struct format_ctx *ctx, struct out *o)
{
    const struct session *s = ctx_session(ctx);
    out_printf(o, "%d", s != NULL && s->current == ctx_window(ctx));
}

static void v_window_activity_flag(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_ACTIVITY) != 0);
}

static void v_window_bell_flag(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_BELL) != 0);
}

/* As tmux: * current, - last, # activity, ! bell, ~ silence. */
static void v_window_flags(const struct format_ctx *ctx, struct out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct window *w = ctx_window(ctx);
    if (s != NULL && s->current == w)
        out_str(o, "*");
    else if (s != NULL && s->last == w)
        out_str(o, "-");
    if (w->alerts & WINDOW_ALERT_ACTIVITY)
        out_str(o, "#");
    if (w->alerts & WINDOW_ALERT_BELL)
        out_str(o, "!");
    if (w->alerts & WINDOW_ALERT_SILENCE)
        out_str(o, "~");
    if (w->zoomed)
        out_str(o, "Z");
}

static void v_window_height(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx_window(ctx)->rows);
}

static void v_window_id(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "@%u", ctx_window(ctx)->id);
}

static void v_window_index(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx_window(ctx)->index);
}

static void v_window_last_flag(const struct format_ctx *ctx, struct out *o)
{
    const struct session *s = ctx_session(ctx);
    out_printf(o, "%d", s != NULL && s->last == ctx_window(ctx));
}

static void v_window_name(const struct format_ctx *ctx, struct out *o)
{
    out_str(o, ctx_window(ctx)->name != NULL ? ctx_window(ctx)->name : "");
}

static void v_window_panes(const struct format_ctx *ctx, struct out *o)
{
    int n = 0;
    const struct pane *q;
    TAILQ_FOREACH(q, &ctx_window(ctx)->panes, entry)
        n++;
    out_printf(o, "%d", n);
}

static void v_window_silence_flag(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_SILENCE) != 0);
}

static void v_window_width(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx_window(ctx)->cols);
}

static void v_window_zoomed_flag(const struct format_ctx *ctx, struct out *o)
{
    out_printf(o, "%d", ctx_window(ctx)->zoomed);
}

static uint32_t pane_id(const struct pane *p)
{
    return p->id;
}

/* The layout string select-layout accepts back (layout.h). */
static void v_window_layout(const struct format_ctx *ctx, struct out *o)
{
    const struct window *w = ctx_window(ctx);
    if (w->layout == NULL)
        return;
    char buf[8192];
    size_t n = layout_dump(w->layout, pane_id, buf, sizeof buf);
    if (n < sizeof buf)
        out_str(o, buf);
}

/* Every variable, sorted by name (looked up with bsearch; a test checks the order). */
#define FORMAT_VARIABLES(X)                                                                \
    X(alternate_on, NEED_PANE)                                                             \
    X(buffer_created, NEED_BUFFER)                                                         \
    X(buffer_name, NEED_BUFFER)                                                            \
    X(buffer_sample, NEED_BUFFER)                                                          \
    X(buffer_size, NEED_BUFFER)                                                            \
    X(client_height, NEED_CLIENT)                                                          \
    X(client_pid, NEED_CLIENT)                                                             \
    X(client_session, NEED_CLIENT)                                                         \
    X(client_termname, NEED_CLIENT)                                                        \
    X(client_tty, NEED_CLIENT)                                                             \
    X(client_width, NEED_CLIENT)                                                           \
    X(cursor_x, NEED_PANE)                                                                 \
    X(cursor_y, NEED_PANE)                                                                 \
    X(history_bytes, NEED_PANE)                                                            \
    X(history_limit, NEED_PANE)                                                            \
    X(history_size, NEED_PANE)                                                             \
    X(host, NEED_NONE)                                                                     \
    X(host_short, NEED_NONE)                                                               \
    X(pane_active, NEED_PANE)                                                              \
    X(pane_bottom, NEED_PANE)                                                              \
    X(pane_current_command, NEED_PANE)                                                     \
    X(pane_current_path, NEED_PANE)                                                        \
    X(pane_dead, NEED_PANE)                                                                \
    X(pane_dead_signal, NEED_PANE)                                                         \
    X(pane_dead_status, NEED_PANE)                                                         \
    X(pane_dead_time, NEED_PANE)                                                           \
    X(pane_height, NEED_PANE)                                                              \
    X(pane_id, NEED_PANE)                                                                  \
    X(pane_in_mode, NEED_PANE)                                                             \
    X(pane_index, NEED_PANE)                                                               \
    X(pane_left, NEED_PANE)                                                                \
    X(pane_path, NEED_PANE)                                                                \
    X(pane_pid, NEED_PANE)                                                                 \
    X(pane_right, NEED_PANE)                                                               \
    X(pane_start_command, NEED_PANE)                                                       \
    X(pane_title, NEED_PANE)                                                               \
    X(pane_top, NEED_PANE)                                                                 \
    X(pane_tty, NEED_PANE)                                                                 \
    X(pane_width, NEED_PANE)                                                               \
    X(pid, NEED_SERVER)                                                                    \
    X(session_activity, NEED_SESSION)                                                      \
    X(session_attached, NEED_SESSION)                                                      \
    X(session_created, NEED_SESSION)                                                       \
    X(session_id, NEED_SESSION)                                                            \
    X(session_many_attached, NEED_SESSION)                                                 \
    X(session_name, NEED_SESSION)                                                          \
    X(session_path, NEED_SESSION)                                                          \
    X(session_windows, NEED_SESSION)                                                       \
    X(socket_path, NEED_SERVER)                                                            \
    X(start_time, NEED_SERVER)                                                             \
    X(version, NEED_NONE)                                                                  \
    X(window_active, NEED_WINDOW)                                                          \
    X(window_activity_flag, NEED_WINDOW)                                                   \
    X(window_bell_flag, NEED_WINDOW)                                                       \
    X(window_flags, NEED_WINDOW)                                                           \
    X(window_height, NEED_WINDOW)                                                          \
    X(window_id, NEED_WINDOW)                                                              \
    X(window_index, NEED_WINDOW)                                                           \
    X(window_last_flag, NEED_WINDOW)                                                       \
    X(window_layout, NEED_WINDOW)                                                          \
    X(window_name, NEED_WINDOW)                                                            \
    X(window_panes, NEED_WINDOW)                                                           \
    X(window_silence_flag, NEED_WINDOW)                                                    \
    X(window_width, NEED_WINDOW)                                                           \
    X(window_zoomed_flag, NEED_WINDOW)

struct format_var {
    const char *name;
    int need;
    format_var_fn fn;
};

#define FORMAT_VAR_ENTRY(n, need) {#n, need, v_##n},
static const struct format_var format_vars[] = {FORMAT_VARIABLES(FORMAT_VAR_ENTRY)};
#define FORMAT_VAR_NAME(n, need) #n,
static const char *const format_var_names[] = {FORMAT_VARIABLES(FORMAT_VAR_NAME) NULL};

const char *const *format_variable_names(void)
{
    return format_var_names;
}

static int format_var_cmp(const void *key, const void *elem)
{
    return strcmp(key, ((const struct format_var *)elem)->name);
}

/* Does the context hold what a variable needs? */
static bool format_has(const struct format_ctx *ctx, int need)
{
    if ((need & NEED_SERVER) && ctx->server == NULL)
        return false;
    if ((need & NEED_SESSION) && ctx_session(ctx) == NULL)
        return false;
    if ((need & NEED_WINDOW) && ctx_window(ctx) == NULL)
        return false;
    if ((need & NEED_PANE) && ctx->pane == NULL)
        return false;
    if ((need & NEED_CLIENT) && ctx->client == NULL)
        return false;
    if ((need & NEED_BUFFER) && ctx->buffer == NULL)
        return false;
    return true;
}

/* An option's value as show-options prints it, from the context's option sets. */
static bool format_option(const struct format_ctx *ctx, const char *name, struct out *o)
{
    const struct option_def *d = options_find(name);
    if (d == NULL)
        return false;
    const struct options *set = NULL;
    const struct session *s = ctx_session(ctx);
    const struct window *w = ctx_window(ctx);
    switch (d->scope) {
    case OPTION_SERVER:
        set = ctx->server != NULL ? ctx->server->options : NULL;
        break;
    case OPTION_SESSION:
        set = s != NULL && s->options != NULL ? s->options
              : ctx->server != NULL           ? ctx->server->session_options
                                              : NULL;
        break;
    case OPTION_WINDOW:
        set = w != NULL && w->options != NULL ? w->options
              : ctx->server != NULL           ? ctx->server->window_options
                                              : NULL;
        break;
    }
    if (set == NULL)
        return true; /* an option, but nothing to read it from: "" */
    if (d->type == OPTION_STRING || d->type == OPTION_STYLE) {
        out_str(o, options_get_string(set, name)); /* as it is, not quoted */
        return true;
    }
    char buf[1024];
    out_str(o, options_to_string(set, name, buf, sizeof buf));
    return true;
}

/* Append a variable's value; false (nothing appended) if name is no variable or option. */
static bool format_variable(const struct format_ctx *ctx, const char *name, struct out *o)
{
    const struct format_var *v =
        bsearch(name, format_vars, sizeof format_vars / sizeof format_vars[0],
                sizeof format_vars[0], format_var_cmp);
    if (v != NULL) {
        if (format_has(ctx, v->need))
            v->fn(ctx, o);
        return true;
    }
    return format_option(ctx, name, o);
}

/* ---- Expansion ---------------------------------------------------------------- */

/* One format_expand call: the context and the work done so far (so that formats
 * expanding themselves through E: stay cheap). */
struct fstate {
    const struct format_ctx *ctx;
    unsigned long steps;
};

static void expand(struct fstate *st, const char *fmt, int depth, struct out *o);

static char *expand_new(struct fstate *st, const char *fmt, int depth)
{
    struct out o = {0};
    expand(st, fmt, depth, &o);
    return out_take(&o);
}

/* The value of a name, or if it looks like a format (has a '#'), its expansion. */
static char *value_of(struct fstate *st, const char *s, int depth)
{
    if (strchr(s, '#') != NULL)
        return expand_new(st, s, depth);
    struct out o = {0};
    format_variable(st->ctx, s, &o);
    return out_take(&o);
}

static bool format_true(const char *s)
{
    return s[0] != '\0' && strcmp(s, "0") != 0;
}

/* The first character of s that is in ends and not inside a nested #{...} (nor, when
 * styles is set, inside #[...]), skipping escapes (##, #, #} #{); NULL if none. */
static const char *format_skip(const char *s, const char *ends, bool styles)
{
    int braces = 0, brackets = 0;
    for (; *s != '\0'; s++) {
        if (s[0] == '#' && s[1] == '{') {
            braces++;
            s++;
            continue;
        }
        if (s[0] == '#' && s[1] == '[' && styles && braces == 0) {
            brackets++;
            s++;
            continue;
        }
        if (s[0] == '#' && s[1] != '\0' && strchr("#,}", s[1]) != NULL) {
            s++;
            continue;
        }
        if (s[0] == '}' && braces > 0) {
            braces--;
            continue;
        }
        if (s[0] == ']' && brackets > 0 && braces == 0) {
            brackets--;
            continue;
        }
        if (braces == 0 && brackets == 0 && strchr(ends, s[0]) != NULL)
            return s;
    }
    return NULL;
}

/* Split s at top-level commas into at most max new strings; returns the count. */
static int split_args(const char *s, char **argv, int max)
{
    int n = 0;
    while (n < max) {
        const char *comma = format_skip(s, ",", true);
        if (comma == NULL || n == max - 1) {
            argv[n++] = xstrdup(s);
            break;
        }
        argv[n++] = xstrndup(s, (size_t)(comma - s));
        s = comma + 1;
    }
    return n;
}

static void free_args(char **argv, int n)
{
    for (int i = 0; i < n; i++)
        free(argv[i]);
}

/* One modifier of #{MODS:...}: its name ("=", "t", "==", "e"...) and arguments. */
struct format_mod {
    char name[3];
    char *argv[3];
    int argc;
};

#define FORMAT_MAX_MODS 8

static void free_mods(struct format_mod *mods, int n)
{
    for (int i = 0; i < n; i++)
        free_args(mods[i].argv, mods[i].argc);
}

/* Parse "MOD;MOD:" at the start of s. Returns the operand (after the ':') and the
 * modifiers, or NULL if s does not start with modifiers. */
static const char *parse_mods(const char *s, struct format_mod *mods, int *nmods)
{
    static const char *const binary[] = {"||", "&&", "==", "!=", "<=", ">=", "<", ">"};
    *nmods = 0;
    const char *p = s;
    for (;;) {
        if (*nmods == FORMAT_MAX_MODS)
            goto fail;
        struct format_mod *m = &mods[*nmods];
        memset(m, 0, sizeof *m);
        bool found = false;
        for (size_t i = 0; i < sizeof binary / sizeof binary[0]; i++) {
            size_t n = strlen(binary[i]);
            if (strncmp(p, binary[i], n) == 0 && p[n] == ':') {
                memcpy(m->name, binary[i], n);
                p += n;
                found = true;
                break;
            }
        }
        if (!found) {
            if (*p == '\0' || strchr("=tbdlsenwqmET", *p) == NULL)
                goto fail;
            m->name[0] = *p++;
            if (m->name[0] == '=' && (isdigit((unsigned char)*p) || *p == '-')) {
                size_t n = strcspn(p, ";:");
                m->argv[m->argc++] = xstrndup(p, n);
                p += n;
            } else if (*p != '\0' && *p != ';' && *p != ':' && ispunct((unsigned char)*p)) {
                /* Arguments between separators: s/pat/rep/, e|+|, =/5/..., t/f/%H#:%M.
                 * The last may end at the ':' or ';'; "#:" and "#;" stand for the
                 * characters themselves. */
                char sep = *p++;
                for (;;) {
                    struct out arg = {0};
                    while (*p != '\0' && *p != sep && *p != ':' && *p != ';') {
                        if (p[0] == '#' && (p[1] == ':' || p[1] == ';'))
                            p++;
                        out_add(&arg, p++, 1);
                    }
                    if (*p == '\0') {
                        free(arg.s);
                        goto fail_mod;
                    }
                    if (m->argc < 3)
                        m->argv[m->argc++] = out_take(&arg);
                    else
                        free(arg.s);
                    if (*p == sep)
                        p++;
                    if (*p == ';' || *p == ':')
                        break;
                }
            }
        }
        (*nmods)++;
        if (*p == ';') {
            p++;
            continue;
        }
        if (*p == ':')
            return p + 1;
        goto fail;
    fail_mod:
        free_args(m->argv, m->argc);
        goto fail;
    }
fail:
    free_mods(mods, *nmods);
    *nmods = 0;
    return NULL;
}

/* Decode the character at s[i] (len bytes in all); returns its length in bytes and
 * its width in *width (a broken sequence is one byte of width 1). */
static size_t char_at(const char *s, size_t len, size_t i, int *width)
{
    struct utf8_decoder d = {0};
    for (size_t j = i; j < len; j++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)s[j], &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            *width = 1;
            return reprocess && j > i ? j - i : j - i + 1;
        }
        *width = utf8_width((uint32_t)cp);
        return j - i + 1;
    }
    *width = 1;
    return len - i;
}

static int text_width(const char *s)
{
    size_t len = strlen(s);
    int w = 0, cw;
    for (size_t i = 0; i < len;) {
        i += char_at(s, len, i, &cw);
        w += cw;
    }
    return w;
}

/* The first (n > 0) or last (n < 0) |n| columns of s, with marker where text was cut. */
static char *trim_width(const char *s, long n, const char *marker)
{
    size_t len = strlen(s);
    long limit = n < 0 ? -n : n;
    size_t cut = len;
    int cw;
    if (n >= 0) {
        long w = 0;
        for (size_t i = 0; i < len;) {
            size_t cl = char_at(s, len, i, &cw);
            if (w + cw > limit) {
                cut = i;
                break;
            }
            w += cw;
            i += cl;
        }
        if (cut == len)
            return xstrdup(s);
        return xasprintf("%.*s%s", (int)cut, s, marker);
    }
    long total = text_width(s), w = 0;
    if (total <= limit)
        return xstrdup(s);
    for (size_t i = 0; i < len;) {
        size_t cl = char_at(s, len, i, &cw);
        if (cw > 0 && total - w <= limit) /* never start on a combining mark */
            return xasprintf("%s%s", marker, s + i);
        w += cw;
        i += cl;
    }
    return xstrdup(marker);
}

/* Plain-text substitution of every occurrence of pat by rep. */
static char *substitute(const char *s, const char *pat, const char *rep)
{
    size_t plen = strlen(pat);
    if (plen == 0)
        return xstrdup(s);
    struct out o = {0};
    const char *hit;
    while ((hit = strstr(s, pat)) != NULL) {
        out_add(&o, s, (size_t)(hit - s));
        out_str(&o, rep);
        s = hit + plen;
    }
    out_str(&o, s);
    return out_take(&o);
}

/* A time (seconds since the epoch, as text) as a date, like ctime ("Sun Nov 22
 * 10:14:03 2026") or with a strftime format; "" if value is not a number. */
static char *format_time(const char *value, const char *strftime_fmt)
{
    char *end;
    errno = 0;
    long long t = strtoll(value, &end, 10);
    if (*value == '\0' || *end != '\0' || errno != 0)
        return xstrdup("");
    time_t tt = (time_t)t;
    struct tm tm;
    if (localtime_r(&tt, &tm) == NULL)
        return xstrdup("");
    char buf[256];
    size_t n = strftime(buf, sizeof buf, strftime_fmt != NULL ? strftime_fmt : "%a %b %e %H:%M:%S %Y",
                        &tm);
    buf[n] = '\0';
    return xstrdup(buf);
}

/* Backslash before the characters a shell treats specially. */
static char *quote_shell(const char *s)
{
    struct out o = {0};
    for (; *s != '\0'; s++) {
        if (strchr("|&;<>()$`\\\"' \t*?[#=%~{}!", *s) != NULL)
            out_add(&o, "\\", 1);
        out_add(&o, s, 1);
    }
    return out_take(&o);
}

/* Apply a one-value modifier to value (freed); returns the new value. */
static char *apply_mod(struct fstate *st, const struct format_mod *m, char *value,
                       int depth)
{
    char *r = NULL;
    const char *path;
    switch (m->name[0]) {
    case 't':
        r = format_time(value, m->argc >= 2 && strcmp(m->argv[0], "f") == 0 ? m->argv[1] : NULL);
        break;
    case 'b':
    case 'd': {
        char *copy = xstrdup(value);
        path = m->name[0] == 'b' ? basename(copy) : dirname(copy);
        r = xstrdup(path);
        free(copy);
        break;
    }
    case 's':
        r = m->argc >= 2 ? substitute(value, m->argv[0], m->argv[1]) : xstrdup(value);
        break;
    case '=': {
        const char *num = m->argc >= 1 ? m->argv[0] : "";
        char *end;
        long n = strtol(num, &end, 10);
        if (*num == '\0' || *end != '\0')
            r = xstrdup(value);
        else if (n > FORMAT_MAX_OUTPUT || n < -FORMAT_MAX_OUTPUT)
            r = xstrdup(value); /* wider than any output */
        else
            r = trim_width(value, n, m->argc >= 2 ? m->argv[1] : "");
        break;
    }
    case 'n':
        r = xasprintf("%zu", strlen(value));
        break;
    case 'w':
        r = xasprintf("%d", text_width(value));
        break;
    case 'q':
        r = quote_shell(value);
        break;
    case 'E':
    case 'T':
        r = expand_new(st, value, depth + 1);
        break;
    default: /* 'l' is handled by the caller */
        r = xstrdup(value);
        break;
    }
    free(value);
    return r;
}

/* #{e|op|:a,b}: integers; "" for a bad number, an unknown op, or division by zero. */
static void arithmetic(const char *op, const char *a, const char *b, struct out *o)
{
    char *ea, *eb;
    errno = 0;
    long long x = strtoll(a, &ea, 10), y = strtoll(b, &eb, 10), r;
    if (*a == '\0' || *b == '\0' || *ea != '\0' || *eb != '\0' || errno != 0)
        return;
    if (strcmp(op, "+") == 0) {
        if (__builtin_add_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "-") == 0) {
        if (__builtin_sub_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "*") == 0) {
        if (__builtin_mul_overflow(x, y, &r))
            return;
    } else if (strcmp(op, "/") == 0 || strcmp(op, "%") == 0) {
        if (y == 0 || (x == LLONG_MIN && y == -1))
            return;
        r = op[0] == '/' ? x / y : x % y;
    } else if (strcmp(op, "==") == 0)
        r = x == y;
    else if (strcmp(op, "!=") == 0)
        r = x != y;
    else if (strcmp(op, "<") == 0)
        r = x < y;
    else if (strcmp(op, ">") == 0)
        r = x > y;
    else if (strcmp(op, "<=") == 0)
        r = x <= y;
    else if (strcmp(op, ">=") == 0)
        r = x >= y;
    else
        return;
    out_printf(o, "%lld", r);
}

/* A two-operand modifier (comparison, logic, m, e) on "a,b". */
static void binary_op(struct fstate *st, const struct format_mod *m,
                      const char *operand, int depth, struct out *o)
{
    char *argv[2];
    int argc = split_args(operand, argv, 2);
    if (argc != 2) {
        free_args(argv, argc);
        return;
    }
    char *a = expand_new(st, argv[0], depth + 1);
    char *b = expand_new(st, argv[1], depth + 1);
    const char *n = m->name;
    int cmp = strcmp(a, b), r = -1;
    if (strcmp(n, "==") == 0)
        r = cmp == 0;
    else if (strcmp(n, "!=") == 0)
        r = cmp != 0;
    else if (strcmp(n, "<") == 0)
        r = cmp < 0;
    else if (strcmp(n, ">") == 0)
        r = cmp > 0;
    else if (strcmp(n, "<=") == 0)
        r = cmp <= 0;
    else if (strcmp(n, ">=") == 0)
        r = cmp >= 0;
    else if (strcmp(n, "||") == 0)
        r = format_true(a) || format_true(b);
    else if (strcmp(n, "&&") == 0)
        r = format_true(a) && format_true(b);
    else if (strcmp(n, "m") == 0)
        r = fnmatch(a, b, 0) == 0;
    else if (strcmp(n, "e") == 0 && m->argc >= 1)
        arithmetic(m->argv[0], a, b, o);
    if (r >= 0)
        out_str(o, r ? "1" : "0");
    free(a);
    free(b);
    free_args(argv, argc);
}

/* #{?cond,a,cond2,b,...,else}. */
static void conditional(struct fstate *st, const char *body, int depth,
                        struct out *o)
{
    enum { MAX_ARGS = 33 };
    char *argv[MAX_ARGS];
    int argc = split_args(body, argv, MAX_ARGS);
    int i;
    if (argc < 2) {
        free_args(argv, argc);
        return;
    }
    for (i = 0; i + 1 < argc; i += 2) {
        char *cond = value_of(st, argv[i], depth + 1);
        bool yes = format_true(cond);
        free(cond);
        if (yes) {
            expand(st, argv[i + 1], depth + 1, o);
            break;
        }
    }
    if (i + 1 >= argc && i < argc)
        expand(st, argv[i], depth + 1, o); /* the else branch */
    free_args(argv, argc);
}

/* Expand the inside of one #{...}. */
static void replace(struct fstate *st, const char *body, int depth, struct out *o)
{
    if (++st->steps > FORMAT_MAX_STEPS)
        return;
    if (body[0] == '?') {
        conditional(st, body + 1, depth, o);
        return;
    }
    struct format_mod mods[FORMAT_MAX_MODS];
    int nmods;
    const char *operand = parse_mods(body, mods, &nmods);
    if (operand == NULL) {
        format_variable(st->ctx, body, o);
        return;
    }
    for (int i = 0; i < nmods; i++) {
        const char *n = mods[i].name;
        if (n[1] != '\0' || strchr("<>me", n[0]) != NULL) {
            binary_op(st, &mods[i], operand, depth, o);
            free_mods(mods, nmods);
            return;
        }
    }
    bool literal = false;
    for (int i = 0; i < nmods; i++)
        literal = literal || mods[i].name[0] == 'l';
    char *value = literal ? xstrdup(operand) : value_of(st, operand, depth + 1);
    for (int i = 0; i < nmods; i++)
        value = apply_mod(st, &mods[i], value, depth);
    out_str(o, value);
    free(value);
    free_mods(mods, nmods);
}

static const struct {
    char c;
    const char *name;
} format_shorthands[] = {
    {'D', "pane_id"},      {'F', "window_flags"}, {'H', "host"},       {'I', "window_index"},
    {'P', "pane_index"},   {'S', "session_name"}, {'T', "pane_title"}, {'W', "window_name"},
    {'h', "host_short"},
};

static void expand(struct fstate *st, const char *fmt, int depth, struct out *o)
{
    if (depth >= FORMAT_MAX_DEPTH)
        return;
    const char *p = fmt;
    while (*p != '\0' && o->len < FORMAT_MAX_OUTPUT) {
        if (p[0] != '#') {
            size_t n = strcspn(p, "#");
            out_add(o, p, n);
            p += n;
            continue;
        }
        char c = p[1];
        if (c == '#') {
            /* "##[" stays for style_split (a literal "#["); otherwise one '#'. */
            out_add(o, p, p[2] == '[' ? 2 : 1);
            p += 2;
        } else if (c == ',' || c == '}') {
            out_add(o, &p[1], 1);
            p += 2;
        } else if (c == '{') {
            const char *end = format_skip(p + 2, "}", false);
            if (end == NULL) {
                out_str(o, p); /* unclosed: copied as it is */
                return;
            }
            char *body = xstrndup(p + 2, (size_t)(end - p - 2));
            replace(st, body, depth, o);
            free(body);
            p = end + 1;
        } else if (c == '[') {
            /* A style: copied, with any #{...} inside expanded, shorthands not. */
            const char *end = format_skip(p + 2, "]", false);
            if (end == NULL) {
                out_str(o, p);
                return;
            }
            out_add(o, "#[", 2);
            for (const char *q = p + 2; q < end;) {
                const char *close;
                if (q[0] == '#' && q[1] == '{' && (close = format_skip(q + 2, "}", false)) != NULL &&
                    close < end) {
                    char *body = xstrndup(q + 2, (size_t)(close - q - 2));
                    replace(st, body, depth, o);
                    free(body);
                    q = close + 1;
                } else
                    out_add(o, q++, 1);
            }
            out_add(o, "]", 1);
            p = end + 1;
        } else {
            bool done = false;
            for (size_t i = 0; c != '\0' && i < sizeof format_shorthands / sizeof format_shorthands[0]; i++) {
                if (c == format_shorthands[i].c) {
                    format_variable(st->ctx, format_shorthands[i].name, o);
                    done = true;
                    break;
                }
            }
            out_add(o, p, done ? 0 : 1);
            p += done ? 2 : 1;
        }
    }
}

void format_defaults(struct format_ctx *ctx)
{
    if (ctx->session != NULL && ctx->window == NULL)
        ctx->window = ctx->session->current;
    if (ctx->window != NULL && ctx->pane == NULL)
        ctx->pane = ctx->window->active;
}

char *format_expand(const struct format_ctx *ctx, const char *template)
{
    static const struct format_ctx empty = {0};
    struct fstate st = {.ctx = ctx != NULL ? ctx : &empty};
    struct out o = {0};
    if (template != NULL)
        expand(&st, template, 0, &o);
    return out_take(&o);
}
