/* window_names.c - how windows get their names from their programs: ESC k (with
 * allow-rename) names the window at once; automatic-rename follows the active pane's
 * foreground command, checked 20 ms after output starts rather than on every read, and
 * when the active pane enters or leaves a mode ("[tmux]"; "[dead]" after a dead one's).
 * A listener of NOTIFY_PANE_RENAMED and NOTIFY_PANE_OUTPUT. */
#include "window_names.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include <event2/event.h>

#include "format.h"
#include "hook_events.h"
#include "notify.h"
#include "options.h"
#include "pane.h"
#include "quiet.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "window.h"

/* automatic-rename-format other than the default: the name is that format, expanded for
 * the window's active pane. Returns whether the name changed. */
static bool window_names_by_format(struct window *w)
{
    const char *fmt = options_get_string(w->options, "automatic-rename-format");
    const struct option_def *d = options_find("automatic-rename-format");
    if (strcmp(fmt, d->default_value) == 0 || w->active == NULL ||
        !options_get_number(w->options, "automatic-rename"))
        return false;
    struct format_ctx f = {.server = w->server, .session = window_session(w), .window = w,
                           .pane = w->active};
    char *name = format_expand(&f, fmt);
    bool changed = strcmp(name, w->name) != 0;
    if (changed) {
        window_set_name(w, name);
        hook_events_window_renamed(w->server, w);
    }
    free(name);
    return changed;
}

/* The name tmux's default automatic-rename-format gives
 * ("#{?pane_in_mode,[tmux],#{pane_current_command}}#{?pane_dead,[dead],}"), without
 * expanding a format on every check: "[tmux]" while the active pane is in a mode, else its
 * foreground command (a dead pane's: its command's first word, as tmux); "[dead]" after
 * it when the program has exited. Returns whether the name changed. */
static bool window_names_default(struct window *w)
{
    struct pane *p = w->active;
    if (p == NULL || !options_get_number(w->options, "automatic-rename"))
        return false;
    char name[300], cmd[256];
    if (p->mode != NULL)
        snprintf(name, sizeof name, "[tmux]");
    else if (pane_current_command(p, cmd, sizeof cmd))
        snprintf(name, sizeof name, "%s", cmd);
    else if (p->dead) {
        const char *line = p->argc > 0 ? p->argv[0] : p->server->default_shell;
        if (strncmp(line, "exec ", 5) == 0)
            line += 5;
        size_t n = strcspn(line, " ;");
        snprintf(cmd, sizeof cmd, "%.*s", (int)n, line);
        const char *slash = strrchr(cmd, '/');
        snprintf(name, sizeof name, "%s", slash != NULL ? slash + 1 : cmd);
    } else
        return false;
    if (p->dead)
        strncat(name, "[dead]", sizeof name - strlen(name) - 1);
    if (strcmp(name, w->name) == 0)
        return false;
    window_set_name(w, name);
    hook_events_window_renamed(w->server, w);
    return true;
}

/* Name the window of p again, by automatic-rename-format or tmux's default. A dead
 * pane's window is named so only at its next change (a mode), as in tmux. */
static void window_names_check(struct pane *p)
{
    const char *fmt = options_get_string(p->window->options, "automatic-rename-format");
    bool changed = strcmp(fmt, options_find("automatic-rename-format")->default_value) != 0
                       ? window_names_by_format(p->window)
                       : window_names_default(p->window);
    if (changed)
        window_redraw(p->window, REDRAW_STATUS);
}

static void window_names_work_cb(evutil_socket_t fd, short events, void *arg)
{
    (void)fd;
    (void)events;
    window_names_check(arg);
}

/* The check's time has come; it runs when no keystroke waits for its echo (quiet.h):
 * its 4 system calls landed inside one echo in nine. */
static void window_names_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct pane *p = arg;
    (void)fd;
    (void)events;
    if (p->name_work == NULL)
        p->name_work = event_new(p->server->base, -1, 0, window_names_work_cb, p);
    quiet_run(p->server, p->name_work);
}

/* ESC k name ESC \: the program names its window; an empty name hands it back to
 * automatic-rename. */
static void window_names_set_by_program(struct server *s, struct pane *p)
{
    struct window *w = p->window;
    if (!options_get_number(w->options, "allow-rename"))
        return;
    char err[128];
    const char *name = vt_window_name(p->vt);
    if (*name == '\0')
        options_set(w->options, "automatic-rename", "on", false, err, sizeof err);
    else {
        window_set_name(w, name);
        hook_events_window_renamed(s, w);
        options_set(w->options, "automatic-rename", "off", false, err, sizeof err);
    }
    (void)s;
    window_redraw(w, REDRAW_STATUS);
}

/* Checking the foreground process costs a few syscalls (30 us): not on every read, but
 * 20 ms after output starts, so a window's name follows a new command. Soon: when a
 * program ends with output the new name (the shell's, a next command's) is drawn with
 * the frame that ends the output or just after it, rather than up to 100 ms later in a
 * frame of its own (muxbench's attached test waited 13-88 ms for that frame). */
static void window_names_follow_output(struct server *s, struct pane *p)
{
    if (!options_get_number(p->window->options, "automatic-rename"))
        return;
    if (p->name_timer == NULL)
        p->name_timer = evtimer_new(s->base, window_names_timer_cb, p);
    if (!evtimer_pending(p->name_timer, NULL)) {
        struct timeval tv = {.tv_sec = 0, .tv_usec = 20000};
        evtimer_add(p->name_timer, &tv);
    }
}

void window_names_notify(struct server *s, const struct notify *n)
{
    if (n->type == NOTIFY_PANE_RENAMED)
        window_names_set_by_program(s, n->pane);
    else if (n->type == NOTIFY_PANE_OUTPUT)
        window_names_follow_output(s, n->pane);
    else if (n->type == NOTIFY_PANE_MODE && n->pane->window != NULL &&
             n->pane == n->pane->window->active)
        window_names_check(n->pane); /* "[tmux]" while in a mode */
}
