/* format_vars.c - the variables a format names (#{session_name}, #{pane_dead_status}...):
 * one function each, in a table sorted by name, read from a format_ctx; and options by
 * name (#{status}), as show-options prints them. format.c expands templates with them. */
#include "format_vars.h"

#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "envset.h"
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
#include "style.h"
#include "utf8.h"
#include "vt.h"
#include "window.h"

/* What #{version} says: tmux's version, so that configs testing it
 * (#{>=:#{version},3.0}, if-shell on `tmux -V`) take the paths written for tmux 3.3a. */
#define FORMAT_VERSION "3.3a"

/* What a variable needs in the context; without it the variable is "". */
enum { NEED_NONE = 0, NEED_SERVER = 1, NEED_SESSION = 2, NEED_WINDOW = 4, NEED_PANE = 8,
       NEED_CLIENT = 16, NEED_BUFFER = 32, IS_TIME = 64 };

typedef void (*format_var_fn)(const struct format_ctx *ctx, struct format_out *o);

static const struct window *ctx_window(const struct format_ctx *ctx)
{
    if (ctx->window != NULL)
        return ctx->window;
    return ctx->pane != NULL ? ctx->pane->window : NULL;
}

/* The link of the context's window: the one given, else its link in the context's
 * session (that session's current one first), else (no session given) its first link;
 * NULL when the window is not in the given session. */
static const struct winlink *ctx_winlink(const struct format_ctx *ctx)
{
    const struct window *w = ctx_window(ctx);
    if (w == NULL)
        return NULL;
    if (ctx->wl != NULL && ctx->wl->window == w)
        return ctx->wl;
    if (ctx->session == NULL)
        return TAILQ_FIRST(&w->links);
    if (ctx->session->current != NULL && ctx->session->current->window == w)
        return ctx->session->current;
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        if (wl->session == ctx->session)
            return wl;
    }
    return NULL;
}

/* The session a pane or window belongs to, when the context names none. */
static const struct session *ctx_session(const struct format_ctx *ctx)
{
    if (ctx->session != NULL)
        return ctx->session;
    const struct winlink *wl = ctx_winlink(ctx);
    return wl != NULL ? wl->session : NULL;
}

static void v_alternate_on(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->pane->vt != NULL && (vt_modes(ctx->pane->vt) & VT_MODE_ALT_SCREEN) != 0);
}

/* The buffer of buffer_*: the context's (list-buffers, choose-buffer), else the newest,
 * as tmux gives every format (display -p '#{buffer_name}', list-windows -F...). */
static const struct paste_buffer *ctx_buffer(const struct format_ctx *ctx)
{
    if (ctx->buffer != NULL)
        return ctx->buffer;
    return ctx->server != NULL ? paste_top(ctx->server) : NULL;
}

static void v_buffer_created(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx_buffer(ctx)->created);
}

static void v_buffer_name(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx_buffer(ctx)->name);
}

/* The start of the buffer, control characters as octal escapes (paste_sample). */
static void v_buffer_sample(const struct format_ctx *ctx, struct format_out *o)
{
    char *sample = paste_sample(ctx_buffer(ctx), FORMAT_BUFFER_SAMPLE);
    format_out_str(o, sample);
    free(sample);
}

static void v_buffer_size(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%zu", ctx_buffer(ctx)->size);
}

/* When the client last attached or typed (choose-client's #{t/p:client_activity}). */
static void v_client_activity(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%lld", (long long)ctx->client->activity.tv_sec);
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

/* What its terminal answered to XTVERSION at attach ("tmux 3.3a"), or "". */
static void v_client_termtype(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->client->term_type != NULL ? ctx->client->term_type : "");
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
    else
        o->unset = true;
}

static void v_pane_dead_status(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->reaped && WIFEXITED(ctx->pane->wait_status))
        format_out_printf(o, "%d", WEXITSTATUS(ctx->pane->wait_status));
    else
        o->unset = true;
}

/* Restart policy: restarts so far, and whether restart-limit stopped them. */
static void v_pane_restarts(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%u", ctx->pane->restarts);
}

static void v_pane_crash_loop(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->pane->crash_loop ? "1" : "0");
}

static void v_pane_start_time(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->start_time != 0)
        format_out_printf(o, "%lld", (long long)ctx->pane->start_time);
}

static void v_pane_dead_time(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->reaped && ctx->pane->exit_time != 0) /* 0: restored, the time not kept */
        format_out_printf(o, "%lld", (long long)ctx->pane->exit_time);
    else
        o->unset = true;
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
    else
        o->unset = true;
}

/* The pane's position in its window, counted from pane-base-index. */
static void v_pane_index(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    long index = 0;
    if (w != NULL) {
        index = options_get_number(w->options, "pane-base-index");
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

/* One argument as tmux writes a command back: in double quotes when it holds
 * " #';${}%" (with " $ \ escaped), in single quotes when it holds a space or '"',
 * a lone special character after a backslash, '' when empty. */
static void escape_arg(const char *a, struct format_out *o)
{
    static const char dquoted[] = " #';${}%", squoted[] = " \"";
    if (*a == '\0') {
        format_out_str(o, "''");
        return;
    }
    char quote = a[strcspn(a, dquoted)] != '\0' ? '"' : a[strcspn(a, squoted)] != '\0' ? '\'' : 0;
    if (a[0] != ' ' && a[1] == '\0' && (quote != 0 || a[0] == '~')) {
        format_out_printf(o, "\\%c", a[0]);
        return;
    }
    if (quote != 0)
        format_out_add(o, &quote, 1);
    if (a[0] == '~')
        format_out_str(o, "\\");
    for (; *a != '\0'; a++) {
        unsigned char c = (unsigned char)*a;
        if (c == '\\' || (quote == '"' && (c == '"' || c == '$')))
            format_out_printf(o, "\\%c", c);
        else if (c == '\n')
            format_out_str(o, "\\n");
        else if (c == '\t')
            format_out_str(o, "\\t");
        else if (c < 0x20 || c == 0x7f)
            format_out_printf(o, "\\%03o", c);
        else
            format_out_add(o, a, 1);
    }
    if (quote != 0)
        format_out_add(o, &quote, 1);
}

/* The command the pane was started with, its arguments quoted as tmux shows them. */
static void v_pane_start_command(const struct format_ctx *ctx, struct format_out *o)
{
    for (int i = 0; i < ctx->pane->argc && ctx->pane->argv != NULL; i++) {
        if (i > 0)
            format_out_str(o, " ");
        escape_arg(ctx->pane->argv[i], o);
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

/* The config files loaded at start, comma-separated (as tmux: real paths). */
static void v_config_files(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->server->config_files != NULL ? ctx->server->config_files : "");
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

static void v_active_window_index(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    if (s->current != NULL)
        format_out_printf(o, "%d", s->current->index);
}

/* The highest index of the session's windows (tmux's "last window"). */
static void v_last_window_index(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct winlink *wl = TAILQ_LAST(&s->windows, winlink_list);
    if (wl != NULL)
        format_out_printf(o, "%d", wl->index);
}

static void v_next_session_id(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "$%u", ctx->server->next_session_id);
}

static void v_command(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->command != NULL)
        format_out_str(o, ctx->command);
}

static void v_uid(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_printf(o, "%ld", (long)getuid());
}

static void user_name(uid_t uid, struct format_out *o)
{
    struct passwd pw, *res = NULL;
    char buf[1024];
    if (getpwuid_r(uid, &pw, buf, sizeof buf, &res) == 0 && res != NULL)
        format_out_str(o, pw.pw_name);
}

static void v_user(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    user_name(getuid(), o);
}

static void v_client_uid(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%ld", (long)ctx->client->uid);
}

static void v_client_user(const struct format_ctx *ctx, struct format_out *o)
{
    user_name(ctx->client->uid, o);
}

/* The client's name: its terminal, else client-PID, as tmux names clients. */
static void v_client_name(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->client->tty_name != NULL)
        format_out_str(o, ctx->client->tty_name);
    else
        format_out_printf(o, "client-%ld", (long)ctx->client->pid);
}

static void v_client_prefix(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->client->prefix_active);
}

static void v_client_key_table(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->client->prefix_active ? "prefix" : "root");
}

static void v_client_readonly(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", ctx->client->readonly);
}

static void v_client_control_mode(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->client->control ? "1" : "0");
}

static void v_client_utf8(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_str(o, "1");
}

/* As tmux lists them: attached, focused, suspended when so, UTF-8, and readonly when so. */
static void v_client_flags(const struct format_ctx *ctx, struct format_out *o)
{
    const struct client *c = ctx->client;
    format_out_str(o, c->control ? "attached,focused,control-mode," : "attached,focused,");
    if (c->control_no_output)
        format_out_str(o, "no-output,");
    if (c->control_pause_after > 0)
        format_out_printf(o, "pause-after=%d,", c->control_pause_after);
    if (c->control_wait_exit)
        format_out_str(o, "wait-exit,");
    if (c->suspended)
        format_out_str(o, "suspended,");
    format_out_str(o, "UTF-8");
    if (c->readonly)
        format_out_str(o, ",read-only");
}

static void v_client_last_session(const struct format_ctx *ctx, struct format_out *o)
{
    const struct client *c = ctx->client;
    if (!c->has_last_session || ctx->server == NULL)
        return;
    const struct session *s;
    TAILQ_FOREACH(s, &ctx->server->sessions, entry) {
        if (s->id == c->last_session_id)
            format_out_str(o, s->name);
    }
}

static uint32_t pane_modes(const struct format_ctx *ctx)
{
    return ctx->pane->vt != NULL ? vt_modes(ctx->pane->vt) : 0;
}

static void mode_flag(const struct format_ctx *ctx, struct format_out *o, uint32_t bit)
{
    format_out_str(o, (pane_modes(ctx) & bit) != 0 ? "1" : "0");
}

static void v_cursor_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_CURSOR_VISIBLE);
}

static void v_insert_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_INSERT);
}

static void v_keypad_cursor_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_CURSOR_KEYS);
}

static void v_keypad_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_KEYPAD);
}

static void v_origin_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_ORIGIN);
}

static void v_wrap_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_WRAP);
}

/* tmux's mouse flags: any mode (mouse_any_flag), 1000 alone (standard), 1002
 * (button), 1003 (all), 1005 (utf8), 1006 (sgr). */
static void v_mouse_any_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_MOUSE);
}

static void v_mouse_standard_flag(const struct format_ctx *ctx, struct format_out *o)
{
    uint32_t m = pane_modes(ctx);
    format_out_str(o, (m & VT_MODE_MOUSE) && !(m & (VT_MODE_MOUSE_BUTTON | VT_MODE_MOUSE_ANY | VT_MODE_MOUSE_X10))
                          ? "1" : "0");
}

static void v_mouse_button_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_MOUSE_BUTTON);
}

static void v_mouse_all_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_MOUSE_ANY);
}

static void v_mouse_utf8_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_MOUSE_UTF8);
}

static void v_mouse_sgr_flag(const struct format_ctx *ctx, struct format_out *o)
{
    mode_flag(ctx, o, VT_MODE_MOUSE_SGR);
}

/* The character under the cursor (a space on a blank cell). */
static void v_cursor_character(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx->pane->vt == NULL)
        return;
    int x = 0, y = 0;
    vt_cursor(ctx->pane->vt, &x, &y);
    const struct grid_cell *gc = vt_cell(ctx->pane->vt, x, y);
    char buf[8];
    if (gc->ch == 0 || gc->ch < 0x20) {
        format_out_str(o, " ");
        return;
    }
    int n = utf8_encode(gc->ch, buf);
    format_out_add(o, buf, (size_t)(n > 0 ? n : 0));
}

/* Whether the pane touches each edge of its window. */
static void v_pane_at_top(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->pane->yoff == 0 ? "1" : "0");
}

static void v_pane_at_left(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->pane->xoff == 0 ? "1" : "0");
}

static void v_pane_at_bottom(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    format_out_str(o, w != NULL && ctx->pane->yoff + ctx->pane->rows >= w->rows ? "1" : "0");
}

static void v_pane_at_right(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    format_out_str(o, w != NULL && ctx->pane->xoff + ctx->pane->cols >= w->cols ? "1" : "0");
}

/* The pane's default colours: from window-style (window-active-style for the active
 * pane), "default" when they leave them. */
static void pane_colour(const struct format_ctx *ctx, struct format_out *o, bool fg)
{
    const struct window *w = ctx_window(ctx);
    struct grid_pen pen = {0};
    if (w != NULL && w->options != NULL) {
        char err[128];
        if (options_find("window-style") != NULL)
            style_apply(&pen, options_get_string(w->options, "window-style"), err, sizeof err);
        if (w->active == ctx->pane && options_find("window-active-style") != NULL)
            style_apply(&pen, options_get_string(w->options, "window-active-style"), err, sizeof err);
    }
    char buf[32];
    format_out_str(o, style_colour_name(fg ? pen.fg : pen.bg, buf, sizeof buf));
}

static void v_pane_fg(const struct format_ctx *ctx, struct format_out *o)
{
    pane_colour(ctx, o, true);
}

static void v_pane_bg(const struct format_ctx *ctx, struct format_out *o)
{
    pane_colour(ctx, o, false);
}

static void v_pane_format(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->type == FORMAT_TYPE_PANE ? "1" : "0");
}

static void v_window_format(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->type == FORMAT_TYPE_WINDOW ? "1" : "0");
}

static void v_session_format(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->type == FORMAT_TYPE_SESSION ? "1" : "0");
}

static void v_pane_input_off(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_str(o, "0");
}

static void v_pane_last(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    format_out_str(o, w != NULL && w->last_pane == ctx->pane ? "1" : "0");
}

/* The marked pane (select-pane -m) while it lives, or NULL. */
static const struct pane *marked_pane(const struct server *srv)
{
    if (srv == NULL || !srv->marked_set)
        return NULL;
    const struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        const struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            const struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry) {
                if (p->id == srv->marked_pane_id)
                    return p;
            }
        }
    }
    return NULL;
}

/* The server of a context: given, else the pane's, else the session's. */
static const struct server *ctx_server(const struct format_ctx *ctx)
{
    if (ctx->server != NULL)
        return ctx->server;
    if (ctx->pane != NULL)
        return ctx->pane->server;
    const struct session *s = ctx_session(ctx);
    return s != NULL ? s->server : NULL;
}

static void v_pane_marked(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, marked_pane(ctx_server(ctx)) == ctx->pane ? "1" : "0");
}

static void v_pane_marked_set(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, marked_pane(ctx_server(ctx)) != NULL ? "1" : "0");
}

static void v_session_marked(const struct format_ctx *ctx, struct format_out *o)
{
    const struct pane *m = marked_pane(ctx_server(ctx));
    format_out_str(o, m != NULL && session_find_window(ctx_session(ctx), m->window) != NULL ? "1" : "0");
}

static void v_window_marked_flag(const struct format_ctx *ctx, struct format_out *o)
{
    const struct pane *m = marked_pane(ctx_server(ctx));
    format_out_str(o, m != NULL && m->window == ctx_window(ctx) ? "1" : "0");
}

static void v_pane_start_path(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx->pane->cwd != NULL ? ctx->pane->cwd : "");
}

static void v_pane_synchronized(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    long on = w != NULL && w->options != NULL && options_find("synchronize-panes") != NULL
                  ? options_get_number(w->options, "synchronize-panes")
                  : 0;
    format_out_str(o, on ? "1" : "0");
}

/* The pane's tab stops, as columns separated by commas. */
static void v_pane_tabs(const struct format_ctx *ctx, struct format_out *o)
{
    bool first = true;
    for (int x = 0; x < ctx->pane->cols; x++) {
        bool stop = ctx->pane->vt != NULL ? vt_tab_stop(ctx->pane->vt, x) : x > 0 && x % 8 == 0;
        if (!stop)
            continue;
        format_out_printf(o, first ? "%d" : ",%d", x);
        first = false;
    }
}

/* The scroll region the program set (DECSTBM), the whole pane by default. */
static void v_scroll_region_upper(const struct format_ctx *ctx, struct format_out *o)
{
    int top = 0, bottom = ctx->pane->rows - 1;
    if (ctx->pane->vt != NULL)
        vt_scroll_region(ctx->pane->vt, &top, &bottom);
    format_out_printf(o, "%d", top);
}

static void v_scroll_region_lower(const struct format_ctx *ctx, struct format_out *o)
{
    int top = 0, bottom = ctx->pane->rows - 1;
    if (ctx->pane->vt != NULL)
        vt_scroll_region(ctx->pane->vt, &top, &bottom);
    format_out_printf(o, "%d", bottom);
}

static void v_session_grouped(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_str(o, ctx_session(ctx)->group != NULL ? "1" : "0");
}

/* The session group variables are unset (empty) for a session in no group, as tmux's. */
static void v_session_group(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session_group *g = ctx_session(ctx)->group;
    if (g != NULL)
        format_out_str(o, g->name);
    else
        o->unset = true;
}

static void v_session_group_size(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session_group *g = ctx_session(ctx)->group;
    if (g != NULL)
        format_out_printf(o, "%d", session_group_count(g));
    else
        o->unset = true;
}

static void v_session_group_list(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session_group *g = ctx_session(ctx)->group;
    const struct session *s;
    if (g == NULL) {
        o->unset = true;
        return;
    }
    TAILQ_FOREACH(s, &g->sessions, gentry)
        format_out_printf(o, s != TAILQ_FIRST(&g->sessions) ? ",%s" : "%s", s->name);
}

/* One client in a comma-separated list of clients (the n-th, from 0): its tty, else
 * client-PID. */
static void list_client(struct format_out *o, const struct client *c, int n)
{
    if (n > 0)
        format_out_str(o, ",");
    if (c->tty_name != NULL)
        format_out_str(o, c->tty_name);
    else
        format_out_printf(o, "client-%ld", (long)c->pid);
}

/* Clients attached to the group's sessions: how many, or (list) their names. */
static int group_attached(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session_group *g = ctx_session(ctx)->group;
    int n = 0;
    const struct client *c;
    if (g == NULL || ctx->server == NULL)
        return 0;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || c->session == NULL || c->session->group != g)
            continue;
        if (o != NULL)
            list_client(o, c, n);
        n++;
    }
    return n;
}

static void v_session_group_attached(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx_session(ctx)->group != NULL)
        format_out_printf(o, "%d", group_attached(ctx, NULL));
    else
        o->unset = true;
}

static void v_session_group_attached_list(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx_session(ctx)->group != NULL)
        group_attached(ctx, o);
    else
        o->unset = true;
}

static void v_session_group_many_attached(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx_session(ctx)->group != NULL)
        format_out_printf(o, "%d", group_attached(ctx, NULL) > 1);
    else
        o->unset = true;
}

/* The windows of the session most recent first: the current one, then those shown
 * before it. */
static void v_session_stack(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    bool first = true;
    if (s->current != NULL) {
        format_out_printf(o, "%d", s->current->index);
        first = false;
    }
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &s->lastw, sentry) {
        format_out_printf(o, first ? "%d" : ",%d", wl->index);
        first = false;
    }
}

static void v_session_alerts(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct winlink *wl;
    bool first = true;
    TAILQ_FOREACH(wl, &s->windows, entry) {
        if (wl->alerts == 0)
            continue;
        format_out_printf(o, first ? "%d" : ",%d", wl->index);
        first = false;
        if (wl->alerts & WINDOW_ALERT_ACTIVITY)
            format_out_str(o, "#");
        if (wl->alerts & WINDOW_ALERT_BELL)
            format_out_str(o, "!");
        if (wl->alerts & WINDOW_ALERT_SILENCE)
            format_out_str(o, "~");
    }
}

static void v_session_attached_list(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    const struct client *c;
    bool first = true;
    if (ctx->server == NULL)
        return;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || c->session != s)
            continue;
        if (!first)
            format_out_str(o, ",");
        first = false;
        if (c->tty_name != NULL)
            format_out_str(o, c->tty_name);
        else
            format_out_printf(o, "client-%ld", (long)c->pid);
    }
}

static int window_clients(const struct format_ctx *ctx, const struct window *w, struct format_out *o)
{
    int n = 0;
    const struct client *c;
    if (ctx->server == NULL)
        return 0;
    TAILQ_FOREACH(c, &ctx->server->clients, entry) {
        if (!c->attached || c->session == NULL || c->session->current == NULL ||
            c->session->current->window != w)
            continue;
        if (o != NULL)
            list_client(o, c, n);
        n++;
    }
    return n;
}

static void v_window_active_clients(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", window_clients(ctx, ctx_window(ctx), NULL));
}

static void v_window_active_clients_list(const struct format_ctx *ctx, struct format_out *o)
{
    window_clients(ctx, ctx_window(ctx), o);
}

/* The links of the window that are their session's current one: how many, or (list)
 * their sessions' names. */
static void window_active_sessions(const struct format_ctx *ctx, struct format_out *o, bool list)
{
    const struct window *w = ctx_window(ctx);
    const struct winlink *wl;
    int n = 0;
    TAILQ_FOREACH(wl, &w->links, wentry) {
        if (wl->session->current != wl)
            continue;
        if (list)
            format_out_printf(o, n > 0 ? ",%s" : "%s", wl->session->name);
        n++;
    }
    if (!list)
        format_out_printf(o, "%d", n);
}

static void v_window_active_sessions(const struct format_ctx *ctx, struct format_out *o)
{
    window_active_sessions(ctx, o, false);
}

static void v_window_active_sessions_list(const struct format_ctx *ctx, struct format_out *o)
{
    window_active_sessions(ctx, o, true);
}

/* As tmux: linked more often than once (in a grouped session, than once per session
 * of the group). */
static void v_window_linked(const struct format_ctx *ctx, struct format_out *o)
{
    const struct session *s = ctx_session(ctx);
    int expect = s != NULL && s->group != NULL ? session_group_count(s->group) : 1;
    format_out_str(o, window_link_count(ctx_window(ctx)) != expect ? "1" : "0");
}

static void v_window_linked_sessions(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", window_link_count(ctx_window(ctx)));
}

static void v_window_linked_sessions_list(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    const struct winlink *wl;
    TAILQ_FOREACH(wl, &w->links, wentry)
        format_out_printf(o, wl != TAILQ_FIRST(&w->links) ? ",%s" : "%s", wl->session->name);
}

static void v_window_start_flag(const struct format_ctx *ctx, struct format_out *o)
{
    const struct winlink *wl = ctx_winlink(ctx);
    format_out_str(o, wl != NULL && TAILQ_FIRST(&wl->session->windows) == wl ? "1" : "0");
}

static void v_window_end_flag(const struct format_ctx *ctx, struct format_out *o)
{
    const struct winlink *wl = ctx_winlink(ctx);
    format_out_str(o, wl != NULL && TAILQ_LAST(&wl->session->windows, winlink_list) == wl ? "1" : "0");
}

/* The window's place in its session's stack of windows shown before (1 the last),
 * 0 for the current one or one never left. */
static void v_window_stack_index(const struct format_ctx *ctx, struct format_out *o)
{
    const struct winlink *wl = ctx_winlink(ctx);
    int i = 0;
    if (wl != NULL && wl->stacked) {
        const struct winlink *x;
        TAILQ_FOREACH(x, &wl->session->lastw, sentry) {
            i++;
            if (x == wl)
                break;
        }
    }
    format_out_printf(o, "%d", i);
}

static void v_window_activity(const struct format_ctx *ctx, struct format_out *o)
{
    if (ctx_window(ctx)->activity != 0)
        format_out_printf(o, "%lld", (long long)ctx_window(ctx)->activity);
}

/* Pixels of a cell: tmx does not ask the terminals, so tmux's defaults. */
static void v_window_cell_width(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_str(o, "16");
}

static void v_window_cell_height(const struct format_ctx *ctx, struct format_out *o)
{
    (void)ctx;
    format_out_str(o, "32");
}

/* The cursor saved by the alternate screen: tmux's "none" (UINT_MAX) on the main one. */
static void v_alternate_saved_x(const struct format_ctx *ctx, struct format_out *o)
{
    if (!(pane_modes(ctx) & VT_MODE_ALT_SCREEN))
        format_out_str(o, "4294967295");
}

static void v_alternate_saved_y(const struct format_ctx *ctx, struct format_out *o)
{
    v_alternate_saved_x(ctx, o);
}

static void v_window_active(const struct format_ctx *ctx, struct format_out *o)
{
    const struct winlink *wl = ctx_winlink(ctx);
    format_out_printf(o, "%d", wl != NULL && wl->session->current == wl);
}

/* The alerts of the context's window link (none without one). */
static int ctx_alerts(const struct format_ctx *ctx)
{
    const struct winlink *wl = ctx_winlink(ctx);
    return wl != NULL ? wl->alerts : 0;
}

static void v_window_activity_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", (ctx_alerts(ctx) & WINDOW_ALERT_ACTIVITY) != 0);
}

static void v_window_bell_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", (ctx_alerts(ctx) & WINDOW_ALERT_BELL) != 0);
}

/* A window's panes under a restart policy: 'X' when one stays dead after its
 * restart-limit (a crash loop), else 'R' when one is dead with a restart pending, else
 * 0 (tmx's own marks: tmux has no restart policy). */
static char window_restart_mark(const struct window *w)
{
    char mark = 0;
    const struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (p->crash_loop)
            return 'X';
        if (p->dead && p->restart_timer != NULL)
            mark = 'R';
    }
    return mark;
}

static void v_window_crash_loop_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", window_restart_mark(ctx_window(ctx)) == 'X');
}

static void v_window_restarting_flag(const struct format_ctx *ctx, struct format_out *o)
{
    format_out_printf(o, "%d", window_restart_mark(ctx_window(ctx)) == 'R');
}

/* Restarts of the window's panes (their restart policy's), added up. */
static void v_window_restarts(const struct format_ctx *ctx, struct format_out *o)
{
    unsigned long n = 0;
    const struct pane *p;
    TAILQ_FOREACH(p, &ctx_window(ctx)->panes, entry)
        n += p->restarts;
    format_out_printf(o, "%lu", n);
}

/* As tmux: # activity, ! bell, ~ silence, * current, - last, M the marked pane, Z
 * zoomed; then tmx's restart marks (X a crash loop, R a restart pending); with escape,
 * the '#' doubled for the status line (window_flags; window_raw_flags has it once). */
static void window_flags(const struct format_ctx *ctx, struct format_out *o, bool escape)
{
    const struct winlink *wl = ctx_winlink(ctx);
    const struct session *s = wl != NULL ? wl->session : NULL;
    const struct window *w = ctx_window(ctx);
    int alerts = ctx_alerts(ctx);
    if (alerts & WINDOW_ALERT_ACTIVITY)
        format_out_str(o, escape ? "##" : "#");
    if (alerts & WINDOW_ALERT_BELL)
        format_out_str(o, "!");
    if (alerts & WINDOW_ALERT_SILENCE)
        format_out_str(o, "~");
    if (s != NULL && s->current == wl)
        format_out_str(o, "*");
    if (s != NULL && s->last == wl) /* both after move-window -r: session_renumber_all */
        format_out_str(o, "-");
    const struct pane *m = marked_pane(s != NULL ? s->server : NULL);
    if (m != NULL && m->window == w)
        format_out_str(o, "M");
    if (w->zoomed)
        format_out_str(o, "Z");
    char mark = window_restart_mark(w);
    if (mark != 0)
        format_out_printf(o, "%c", mark);
}

static void v_window_flags(const struct format_ctx *ctx, struct format_out *o)
{
    window_flags(ctx, o, true);
}

static void v_window_raw_flags(const struct format_ctx *ctx, struct format_out *o)
{
    window_flags(ctx, o, false);
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
    const struct winlink *wl = ctx_winlink(ctx);
    if (wl != NULL)
        format_out_printf(o, "%d", wl->index);
}

static void v_window_last_flag(const struct format_ctx *ctx, struct format_out *o)
{
    const struct winlink *wl = ctx_winlink(ctx);
    format_out_printf(o, "%d", wl != NULL && wl->session->last == wl);
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
    format_out_printf(o, "%d", (ctx_alerts(ctx) & WINDOW_ALERT_SILENCE) != 0);
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

/* The layout as it shows: the window's, or with a pane zoomed that pane alone over the
 * window's area (as tmux gives it). */
static void v_window_visible_layout(const struct format_ctx *ctx, struct format_out *o)
{
    const struct window *w = ctx_window(ctx);
    if (!w->zoomed || w->active == NULL || w->layout == NULL) {
        v_window_layout(ctx, o);
        return;
    }
    struct layout_cell *one = layout_create(w->active->cols, w->active->rows, w->active);
    char buf[256];
    size_t n = layout_dump(one, pane_id, buf, sizeof buf);
    layout_free(one);
    if (n < sizeof buf)
        format_out_str(o, buf);
}

/* Every variable, sorted by name (looked up with bsearch; a test checks the order). */
#define FORMAT_VARIABLES(X)                                                                \
    X(active_window_index, NEED_SESSION)                                                   \
    X(alternate_on, NEED_PANE)                                                             \
    X(alternate_saved_x, NEED_PANE)                                                        \
    X(alternate_saved_y, NEED_PANE)                                                        \
    X(buffer_created, NEED_BUFFER | IS_TIME)                                               \
    X(buffer_name, NEED_BUFFER)                                                            \
    X(buffer_sample, NEED_BUFFER)                                                          \
    X(buffer_size, NEED_BUFFER)                                                            \
    X(client_activity, NEED_CLIENT | IS_TIME)                                              \
    X(client_control_mode, NEED_CLIENT)                                                    \
    X(client_flags, NEED_CLIENT)                                                           \
    X(client_height, NEED_CLIENT)                                                          \
    X(client_key_table, NEED_CLIENT)                                                       \
    X(client_last_session, NEED_CLIENT)                                                    \
    X(client_name, NEED_CLIENT)                                                            \
    X(client_pid, NEED_CLIENT)                                                             \
    X(client_prefix, NEED_CLIENT)                                                          \
    X(client_readonly, NEED_CLIENT)                                                        \
    X(client_session, NEED_CLIENT)                                                         \
    X(client_termname, NEED_CLIENT)                                                        \
    X(client_termtype, NEED_CLIENT)                                                        \
    X(client_tty, NEED_CLIENT)                                                             \
    X(client_uid, NEED_CLIENT)                                                             \
    X(client_user, NEED_CLIENT)                                                            \
    X(client_utf8, NEED_CLIENT)                                                            \
    X(client_width, NEED_CLIENT)                                                           \
    X(command, NEED_NONE)                                                                  \
    X(config_files, NEED_SERVER)                                                           \
    X(cursor_character, NEED_PANE)                                                         \
    X(cursor_flag, NEED_PANE)                                                              \
    X(cursor_x, NEED_PANE)                                                                 \
    X(cursor_y, NEED_PANE)                                                                 \
    X(history_bytes, NEED_PANE)                                                            \
    X(history_limit, NEED_PANE)                                                            \
    X(history_size, NEED_PANE)                                                             \
    X(host, NEED_NONE)                                                                     \
    X(host_short, NEED_NONE)                                                               \
    X(insert_flag, NEED_PANE)                                                              \
    X(keypad_cursor_flag, NEED_PANE)                                                       \
    X(keypad_flag, NEED_PANE)                                                              \
    X(last_window_index, NEED_SESSION)                                                     \
    X(mouse_all_flag, NEED_PANE)                                                           \
    X(mouse_any_flag, NEED_PANE)                                                           \
    X(mouse_button_flag, NEED_PANE)                                                        \
    X(mouse_sgr_flag, NEED_PANE)                                                           \
    X(mouse_standard_flag, NEED_PANE)                                                      \
    X(mouse_utf8_flag, NEED_PANE)                                                          \
    X(next_session_id, NEED_SERVER)                                                        \
    X(origin_flag, NEED_PANE)                                                              \
    X(pane_active, NEED_PANE)                                                              \
    X(pane_at_bottom, NEED_PANE)                                                           \
    X(pane_at_left, NEED_PANE)                                                             \
    X(pane_at_right, NEED_PANE)                                                            \
    X(pane_at_top, NEED_PANE)                                                              \
    X(pane_bg, NEED_PANE)                                                                  \
    X(pane_bottom, NEED_PANE)                                                              \
    X(pane_crash_loop, NEED_PANE)                                                          \
    X(pane_current_command, NEED_PANE)                                                     \
    X(pane_current_path, NEED_PANE)                                                        \
    X(pane_dead, NEED_PANE)                                                                \
    X(pane_dead_signal, NEED_PANE)                                                         \
    X(pane_dead_status, NEED_PANE)                                                         \
    X(pane_dead_time, NEED_PANE | IS_TIME)                                                 \
    X(pane_fg, NEED_PANE)                                                                  \
    X(pane_format, NEED_NONE)                                                              \
    X(pane_height, NEED_PANE)                                                              \
    X(pane_id, NEED_PANE)                                                                  \
    X(pane_in_mode, NEED_PANE)                                                             \
    X(pane_index, NEED_PANE)                                                               \
    X(pane_input_off, NEED_PANE)                                                           \
    X(pane_last, NEED_PANE)                                                                \
    X(pane_left, NEED_PANE)                                                                \
    X(pane_log_dropped, NEED_PANE)                                                         \
    X(pane_marked, NEED_PANE)                                                              \
    X(pane_marked_set, NEED_NONE)                                                          \
    X(pane_mode, NEED_PANE)                                                                \
    X(pane_path, NEED_PANE)                                                                \
    X(pane_pid, NEED_PANE)                                                                 \
    X(pane_pipe, NEED_PANE)                                                                \
    X(pane_pipe_dropped, NEED_PANE)                                                        \
    X(pane_restarts, NEED_PANE)                                                            \
    X(pane_right, NEED_PANE)                                                               \
    X(pane_start_command, NEED_PANE)                                                       \
    X(pane_start_path, NEED_PANE)                                                          \
    X(pane_start_time, NEED_PANE | IS_TIME)                                                \
    X(pane_synchronized, NEED_PANE)                                                        \
    X(pane_tabs, NEED_PANE)                                                                \
    X(pane_title, NEED_PANE)                                                               \
    X(pane_top, NEED_PANE)                                                                 \
    X(pane_tty, NEED_PANE)                                                                 \
    X(pane_width, NEED_PANE)                                                               \
    X(pid, NEED_SERVER)                                                                    \
    X(scroll_region_lower, NEED_PANE)                                                      \
    X(scroll_region_upper, NEED_PANE)                                                      \
    X(session_activity, NEED_SESSION | IS_TIME)                                            \
    X(session_alerts, NEED_SESSION)                                                        \
    X(session_attached, NEED_SESSION)                                                      \
    X(session_attached_list, NEED_SESSION)                                                 \
    X(session_created, NEED_SESSION | IS_TIME)                                             \
    X(session_format, NEED_NONE)                                                           \
    X(session_group, NEED_SESSION)                                                         \
    X(session_group_attached, NEED_SESSION)                                                \
    X(session_group_attached_list, NEED_SESSION)                                           \
    X(session_group_list, NEED_SESSION)                                                    \
    X(session_group_many_attached, NEED_SESSION)                                           \
    X(session_group_size, NEED_SESSION)                                                    \
    X(session_grouped, NEED_SESSION)                                                       \
    X(session_id, NEED_SESSION)                                                            \
    X(session_many_attached, NEED_SESSION)                                                 \
    X(session_marked, NEED_SESSION)                                                        \
    X(session_name, NEED_SESSION)                                                          \
    X(session_path, NEED_SESSION)                                                          \
    X(session_stack, NEED_SESSION)                                                         \
    X(session_windows, NEED_SESSION)                                                       \
    X(socket_path, NEED_SERVER)                                                            \
    X(start_time, NEED_SERVER | IS_TIME)                                                   \
    X(uid, NEED_NONE)                                                                      \
    X(user, NEED_NONE)                                                                     \
    X(version, NEED_NONE)                                                                  \
    X(window_active, NEED_WINDOW)                                                          \
    X(window_active_clients, NEED_WINDOW)                                                  \
    X(window_active_clients_list, NEED_WINDOW)                                             \
    X(window_active_sessions, NEED_WINDOW)                                                 \
    X(window_active_sessions_list, NEED_WINDOW)                                            \
    X(window_activity, NEED_WINDOW | IS_TIME)                                              \
    X(window_activity_flag, NEED_WINDOW)                                                   \
    X(window_bell_flag, NEED_WINDOW)                                                       \
    X(window_cell_height, NEED_WINDOW)                                                     \
    X(window_cell_width, NEED_WINDOW)                                                      \
    X(window_crash_loop_flag, NEED_WINDOW)                                                 \
    X(window_end_flag, NEED_WINDOW)                                                        \
    X(window_flags, NEED_WINDOW)                                                           \
    X(window_format, NEED_NONE)                                                            \
    X(window_height, NEED_WINDOW)                                                          \
    X(window_id, NEED_WINDOW)                                                              \
    X(window_index, NEED_WINDOW)                                                           \
    X(window_last_flag, NEED_WINDOW)                                                       \
    X(window_layout, NEED_WINDOW)                                                          \
    X(window_linked, NEED_WINDOW)                                                          \
    X(window_linked_sessions, NEED_WINDOW)                                                 \
    X(window_linked_sessions_list, NEED_WINDOW)                                            \
    X(window_marked_flag, NEED_WINDOW)                                                     \
    X(window_name, NEED_WINDOW)                                                            \
    X(window_panes, NEED_WINDOW)                                                           \
    X(window_raw_flags, NEED_WINDOW)                                                       \
    X(window_restarting_flag, NEED_WINDOW)                                                 \
    X(window_restarts, NEED_WINDOW)                                                        \
    X(window_silence_flag, NEED_WINDOW)                                                    \
    X(window_stack_index, NEED_WINDOW)                                                     \
    X(window_start_flag, NEED_WINDOW)                                                      \
    X(window_visible_layout, NEED_WINDOW)                                                  \
    X(window_width, NEED_WINDOW)                                                           \
    X(window_zoomed_flag, NEED_WINDOW)                                                     \
    X(wrap_flag, NEED_PANE)

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
    if ((need & NEED_CLIENT) && (ctx->client == NULL || !ctx->client->attached ||
                                 ctx->client->session == NULL))
        return false;
    if ((need & NEED_BUFFER) && ctx_buffer(ctx) == NULL)
        return false;
    return true;
}

/* An option's value (unquoted; "name", "name[N]" or a user option "@name"), looked up as
 * tmux does: server options, the pane's (then its window's and the global window
 * options), the window's, the session's (then the global session options). */
static bool format_option(const struct format_ctx *ctx, const char *name, struct format_out *o)
{
    if (*name != '@' && options_find(name) == NULL && strchr(name, '[') == NULL)
        return false;
    const struct session *s = ctx_session(ctx);
    const struct window *w = ctx_window(ctx);
    const struct server *srv = ctx->server;
    const struct options *sets[] = {
        srv != NULL ? srv->options : NULL,
        ctx->pane != NULL ? ctx->pane->options : NULL,
        w != NULL ? w->options : NULL,
        srv != NULL ? srv->window_options : NULL,
        s != NULL ? s->options : NULL,
        srv != NULL ? srv->session_options : NULL,
    };
    char buf[8192];
    for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++) {
        const char *text = options_lookup_text(sets[i], name, buf, sizeof buf);
        if (text != NULL) {
            format_out_str(o, text);
            return true;
        }
    }
    return *name != '@' && strchr(name, '[') == NULL; /* an option, nothing to read it from */
}

bool format_option_value(const struct format_ctx *ctx, const char *name, struct format_out *o)
{
    return format_option(ctx, name, o);
}

static const struct format_var *format_var_find(const char *name)
{
    return bsearch(name, format_vars, sizeof format_vars / sizeof format_vars[0],
                   sizeof format_vars[0], format_var_cmp);
}

bool format_variable_time(const struct format_ctx *ctx, const char *name, long long *t)
{
    const struct format_var *v = format_var_find(name);
    if (v == NULL || !(v->need & IS_TIME) || !format_has(ctx, v->need))
        return false;
    struct format_out o = {0};
    v->fn(ctx, &o);
    char *text = format_out_take(&o), *end;
    *t = strtoll(text, &end, 10);
    bool ok = *text != '\0' && *end == '\0';
    free(text);
    return ok;
}

/* NAME's value in an environment (a removed variable has none), or NULL. */
static const char *env_find(const struct envset *env, const char *name)
{
    const struct environ_entry *e = env != NULL ? envset_find(env, name) : NULL;
    return e != NULL ? e->value : NULL;
}

bool format_variable(const struct format_ctx *ctx, const char *name, struct format_out *o)
{
    /* A command without a client of its own (a hook's) sees tmux's current client. */
    struct format_ctx with_client;
    if (ctx->client == NULL && ctx->server != NULL && ctx->server->cmd_client != NULL) {
        with_client = *ctx;
        with_client.client = ctx->server->cmd_client;
        ctx = &with_client;
    }
    for (const char *const *kv = ctx->vars; kv != NULL && kv[0] != NULL; kv += 2) {
        if (strcmp(kv[0], name) == 0) {
            format_out_str(o, kv[1]);
            return true;
        }
    }
    for (const char *const *kv = ctx->server != NULL ? ctx->server->cmd_formats : NULL;
         kv != NULL && kv[0] != NULL; kv += 2) {
        if (strcmp(kv[0], name) == 0) {
            format_out_str(o, kv[1]);
            return true;
        }
    }
    if (format_option(ctx, name, o))
        return true;
    const struct format_var *v = format_var_find(name);
    if (v != NULL) {
        if (format_has(ctx, v->need))
            v->fn(ctx, o);
        else
            o->unset = true; /* no client, pane... to read it from: unset, as tmux's */
        return true;
    }
    /* Variables of the pane's mode (copy mode's scroll_position...). */
    char *mv = ctx->pane != NULL && ctx->pane->mode != NULL && ctx->pane->mode->format != NULL
                   ? ctx->pane->mode->format(ctx->pane, name)
                   : NULL;
    if (mv != NULL) {
        format_out_str(o, mv);
        free(mv);
        return true;
    }
    /* The session's environment, then the server's (tmux's global environment). */
    const struct session *s = ctx_session(ctx);
    const char *value = s != NULL ? env_find(s->environ, name) : NULL;
    if (value == NULL && ctx->server != NULL && ctx->server->environ != NULL)
        value = env_find(ctx->server->environ, name);
    else if (value == NULL && *name != '\0' && strchr(name, '=') == NULL)
        value = getenv(name); /* no global environment (unit tests): the process's */
    if (value != NULL) {
        format_out_str(o, value);
        return true;
    }
    return false;
}
