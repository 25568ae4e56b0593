/* format_vars.c - the variables a format names (#{session_name}, #{pane_dead_status}...):
 * one function each, in a table sorted by name, read from a format_ctx; and options by
 * name (#{status}), as show-options prints them. format.c expands templates with them. */
#include "format_vars.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "format_out.h"
#include "layout.h"
#include "options.h"
#include "client_state.h"
#include "pane.h"
#include "pane_mode.h"
#include "pane_pipe.h"
#include "paste.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"

#define FORMAT_VERSION "0.1"

/* What a variable needs in the context; without it the variable is "". */
enum { NEED_NONE = 0, NEED_SERVER = 1, NEED_SESSION = 2, NEED_WINDOW = 4, NEED_PANE = 8,
       NEED_CLIENT = 16, NEED_BUFFER = 32 };

typedef void (*format_var_fn)(const struct format_ctx *ctx, struct format_out *o);

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

static void v_alternate_on(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->vt != NULL && (vt_modes(ctx->pane->vt) & VT_MODE_ALT_SCREEN) != 0);
}

static void v_buffer_created(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx->buffer->created);
}

static void v_buffer_name(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->buffer->name);
}

/* The start of the buffer, control characters as octal escapes (paste_sample). */
static void v_buffer_sample(const struct format_ctx *ctx, struct format_out *o)
{
    char *sample = paste_sample(ctx->buffer, FORMAT_BUFFER_SAMPLE);
    format_out_str(o, sample);
    free(sample);
}

static void v_buffer_size(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%zu", ctx->buffer->size);
}

static void v_client_height(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->client->rows);
}

static void v_client_pid(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%ld", (long)ctx->client->pid);
}

static void v_client_session(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->client->session != NULL)
        format_out_str(o, ctx->client->session->name);
}

static void v_client_termname(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->client->term != NULL ? ctx->client->term : "");
}

/* The client's terminal, when it passed it to the server ("" for a relayed one). */
static void v_client_tty(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->client->tty_name != NULL ? ctx->client->tty_name : "");
}

static void v_client_width(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->client->cols);
}

static void v_cursor_x(const struct format_ctx *ctx, struct format_out *o)
{
    int x = 0, y = 0;
    if (ctx->pane->vt != NULL)
        vt_cursor(ctx->pane->vt, &x, &y);
    format_out_printf(o, "%d", x);
}

static void v_cursor_y(const struct format_ctx *ctx, struct format_out *o)
{
    int x = 0, y = 0;
    if (ctx->pane->vt != NULL)
        vt_cursor(ctx->pane->vt, &x, &y);
    format_out_printf(o, "%d", y);
}

static void v_history_limit(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct options *opts = s != NULL ? s->options : NULL;
    if (opts == NULL && ctx->server != NULL)
        opts = ctx->server->session_options;
    if (opts != NULL && options_find("history-limit") != NULL)
        format_out_printf(o, "%ld", options_get_number(opts, "history-limit"));
}

static void v_history_bytes(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%zu", ctx->pane->vt != NULL ? grid_history_bytes(vt_main_grid(ctx->pane->vt)) : 0);
}

static void v_history_size(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->vt != NULL ? grid_history_size(vt_main_grid(ctx->pane->vt)) : 0);
}

static void get_host(char *buf, size_t size)
{
    if (gethostname(buf, size) != 0)
        buf[0] = '\0';
    buf[size - 1] = '\0';
}

static void v_host(const struct format_ctx *ctx, struct format_out *o)
{
    char buf[256];
    (void)ctx;
    get_host(buf, sizeof buf);
    format_out_str(o, buf);
}

static void v_host_short(const struct format_ctx *ctx, struct format_out *o)
{
    char buf[256];
    (void)ctx;
    get_host(buf, sizeof buf);
    buf[strcspn(buf, ".")] = '\0';
    format_out_str(o, buf);
}

static void v_pane_active(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    format_out_printf(o, "%d", w != NULL && w->active == ctx->pane);
}

static void v_pane_current_command(const struct format_ctx *ctx, struct format_out *o)
{
    char buf[256] = "";
    if (!pane_current_command(ctx->pane, buf, sizeof buf))
        buf[0] = '\0';
    format_out_str(o, buf);
}

/* The working directory of the pane's foreground process (as tmux), else of its
 * child, else the directory it was started in. */
static void v_pane_current_path(const struct format_ctx *ctx, struct format_out *o)
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
            format_out_add(o, path, (size_t)n);
            return;
        }
    }
    format_out_str(o, p->cwd != NULL ? p->cwd : "");
}

static void v_pane_dead(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->dead);
}

static void v_pane_dead_signal(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->reaped && WIFSIGNALED(ctx->pane->wait_status))
        format_out_printf(o, "%d", WTERMSIG(ctx->pane->wait_status));
}

static void v_pane_dead_status(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->reaped && WIFEXITED(ctx->pane->wait_status))
        format_out_printf(o, "%d", WEXITSTATUS(ctx->pane->wait_status));
}

static void v_pane_dead_time(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->reaped)
        format_out_printf(o, "%lld", (long long)ctx->pane->exit_time);
}

/* Where the pane is in its window: first and last column and row. */
static void v_pane_left(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->xoff);
}

static void v_pane_top(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->yoff);
}

static void v_pane_right(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->xoff + ctx->pane->cols - 1);
}

static void v_pane_bottom(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->yoff + ctx->pane->rows - 1);
}

static void v_pane_height(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->rows);
}

static void v_pane_id(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%%%u", ctx->pane->id);
}

/* How many modes the pane is in (1 in copy mode; more when modes are stacked, as tmux). */
static void v_pane_in_mode(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%u", pane_mode_depth(ctx->pane));
}

static void v_pane_mode(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->mode != NULL)
        format_out_str(o, ctx->pane->mode->name);
}

/* The pane's position in its window. */
static void v_pane_index(const struct format_ctx *ctx, struct format_out *o)
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
    format_out_printf(o, "%ld", index);
}

/* The directory the program announced with OSC 7, "" if none. */
static void v_pane_path(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->pane->vt != NULL ? vt_cwd(ctx->pane->vt) : "");
}

/* 1 while pipe-pane runs a command for the pane, as in tmux. */
static void v_pane_pipe(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, pane_pipe_is_open(ctx->pane) ? "1" : "0");
}

/* Bytes of output the pipe-pane command, or the log-file, did not get because it did
 * not keep up (pane_pipe.h). */
static void v_pane_pipe_dropped(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%llu", (unsigned long long)pane_pipe_dropped(ctx->pane));
}

static void v_pane_log_dropped(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%llu", (unsigned long long)pane_log_dropped(ctx->pane));
}

static void v_pane_pid(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%ld", (long)ctx->pane->pid);
}

static void v_pane_start_command(const struct format_ctx *ctx, struct format_out *o)
{
    for (int i = 0; i < ctx->pane->argc && ctx->pane->argv != NULL; i++) {
        if (i > 0)
            format_out_str(o, " ");
        format_out_str(o, ctx->pane->argv[i]);
    }
}

/* The title the program set; until it sets one, the host name, as tmux shows it. */
static void v_pane_title(const struct format_ctx *ctx, struct format_out *o)
{
    const char *title = ctx->pane->vt != NULL ? vt_title(ctx->pane->vt) : "";
    if (*title != '\0') {
        format_out_str(o, title);
        return;
    }
    char host[256];
    if (gethostname(host, sizeof host) == 0) {
        host[sizeof host - 1] = '\0';
        format_out_str(o, host);
    }
}

/* The pane's tty name (the slave of its pty master), "" once it is closed. */
static void v_pane_tty(const struct format_ctx *ctx, struct format_out *o)
{
    char buf[128];
    if (ctx->pane->fd >= 0 && ptsname_r(ctx->pane->fd, buf, sizeof buf) == 0)
        format_out_str(o, buf);
}

static void v_pane_width(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->cols);
}

static void v_pid(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%ld", (long)ctx->server->pid);
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

static void v_session_activity(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx_session(ctx)->activity);
}

static void v_session_attached(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", count_attached(ctx, ctx_session(ctx)));
}

static void v_session_created(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx_session(ctx)->created);
}

static void v_session_id(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "$%u", ctx_session(ctx)->id);
}

static void v_session_many_attached(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", count_attached(ctx, ctx_session(ctx)) > 1);
}

static void v_session_name(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx_session(ctx)->name != NULL ? ctx_session(ctx)->name : "");
}

static void v_session_path(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx_session(ctx)->cwd != NULL ? ctx_session(ctx)->cwd : "");
}

static void v_session_windows(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", session_count_windows(ctx_session(ctx)));
}

static void v_socket_path(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->server->socket_path != NULL ? ctx->server->socket_path : "");
}

static void v_start_time(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx->server->start_time);
}

static void v_version(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_str(o, FORMAT_VERSION);
}

static void v_window_active(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    format_out_printf(o, "%d", s != NULL && s->current == ctx_window(ctx));
}

static void v_window_activity_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_ACTIVITY) != 0);
}

static void v_window_bell_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_BELL) != 0);
}

/* As tmux: * current, - last, # activity, ! bell, ~ silence. */
static void v_window_flags(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct window *w = ctx_window(ctx);
    if (s != NULL && s->current == w)
        format_out_str(o, "*");
    else if (s != NULL && s->last == w)
        format_out_str(o, "-");
    if (w->alerts & WINDOW_ALERT_ACTIVITY)
        format_out_str(o, "#");
    if (w->alerts & WINDOW_ALERT_BELL)
        format_out_str(o, "!");
    if (w->alerts & WINDOW_ALERT_SILENCE)
        format_out_str(o, "~");
    if (w->zoomed)
        format_out_str(o, "Z");
}

static void v_window_height(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx_window(ctx)->rows);
}

static void v_window_id(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "@%u", ctx_window(ctx)->id);
}

static void v_window_index(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx_window(ctx)->index);
}

static void v_window_last_flag(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    format_out_printf(o, "%d", s != NULL && s->last == ctx_window(ctx));
}

static void v_window_name(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx_window(ctx)->name != NULL ? ctx_window(ctx)->name : "");
}

static void v_window_panes(const struct format_ctx *ctx, struct format_out *o)
{
    int n = 0;
    const struct pane *q;
    TAILQ_FOREACH(q, &ctx_window(ctx)->panes, entry)
        n++;
    format_out_printf(o, "%d", n);
}

static void v_window_silence_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", (ctx_window(ctx)->alerts & WINDOW_ALERT_SILENCE) != 0);
}

static void v_window_width(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx_window(ctx)->cols);
}

static void v_window_zoomed_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx_window(ctx)->zoomed);
}

static uint32_t pane_id(const struct pane *p)
{
    return p->id;
}

/* The layout string select-layout accepts back (layout.h). */
static void v_window_layout(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    if (w->layout == NULL)
        return;
    char buf[8192];
    size_t n = layout_dump(w->layout, pane_id, buf, sizeof buf);
    if (n < sizeof buf)
        format_out_str(o, buf);
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
    X(pane_log_dropped, NEED_PANE)                                                         \
    X(pane_mode, NEED_PANE)                                                                \
    X(pane_path, NEED_PANE)                                                                \
    X(pane_pid, NEED_PANE)                                                                 \
    X(pane_pipe, NEED_PANE)                                                                \
    X(pane_pipe_dropped, NEED_PANE)                                                        \
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
static bool format_option(const struct format_ctx *ctx, const char *name, struct format_out *o)
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
        format_out_str(o, options_get_string(set, name)); /* as it is, not quoted */
        return true;
    }
    char buf[1024];
    format_out_str(o, options_to_string(set, name, buf, sizeof buf));
    return true;
}

/* Append a variable's value; false (nothing appended) if name is no variable or option. */
bool format_variable(const struct format_ctx *ctx, const char *name, struct format_out *o)
{
    const struct format_var *v =
        bsearch(name, format_vars, sizeof format_vars / sizeof format_vars[0],
                sizeof format_vars[0], format_var_cmp);
    if (v != NULL) {
        if (format_has(ctx, v->need))
            v->fn(ctx, o);
        return true;
    }
    /* Variables of the pane's mode (copy mode's scroll_position...). */
    char buf[64];
    if (ctx->pane != NULL && ctx->pane->mode != NULL && ctx->pane->mode->format != NULL &&
        ctx->pane->mode->format(ctx->pane, name, buf, sizeof buf)) {
        format_out_str(o, buf);
        return true;
    }
    return format_option(ctx, name, o);
}
