/* option_effects.c - what a changed option changes now: log files opened or closed,
 * history limits applied, the silence timer restarted, paste buffers trimmed, sizes
 * and status lines redrawn. */
#include "option_effects.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "alerts.h"
#include "format.h"
#include "history.h"
#include "model.h"
#include "options.h"
#include "pane.h"
#include "pane_pipe.h"
#include "paste.h"
#include "redraw.h"
#include "server_client.h"
#include "server_state.h"
#include "snapshot.h"
#include "status_clock.h"
#include "window.h"
#include "xmalloc.h"

void server_pane_apply_log(struct server *s, struct pane *p)
{
    const char *current = pane_log_path(p);
    /* A format, for this pane: ~/logs/#{session_name}-#{window_name}.log. */
    struct format_ctx f = {.server = s, .session = window_session(p->window),
                           .window = p->window, .pane = p};
    char *value = format_expand(&f, options_get_string(p->options, "log-file"));
    if (*value == '\0') {
        free(value);
        pane_log_close(p);
        return;
    }
    char *path;
    const char *home = getenv("HOME");
    if (strncmp(value, "~/", 2) == 0 && home != NULL)
        path = xasprintf("%s/%s", home, value + 2);
    else
        path = xstrdup(value);
    free(value);
    bool plain = options_get_number(p->options, "log-file-format") == 1;
    if (current == NULL || strcmp(current, path) != 0 || plain != pane_log_plain(p)) {
        char err[512];
        if (pane_log_open(p, path, plain, err, sizeof err) != 0)
            pane_message(p, err);
    }
    pane_log_set_max(p, (uint64_t)options_get_number(p->options, "log-file-max"));
    pane_log_set_time(p, options_get_string(p->options, "log-file-time"));
    free(path);
}

void server_option_changed(struct server *s, const char *name, struct session *sess,
                           struct window *w)
{
    if (strcmp(name, "buffer-limit") == 0)
        paste_trim(s); /* lowered: the oldest automatic buffers go now */
    if (strcmp(name, "history-bytes-total") == 0)
        history_pool_set_byte_limit(s->history_pool,
                                    (size_t)options_get_number(s->options, name));
    struct session *ss;
    TAILQ_FOREACH(ss, &s->sessions, entry) {
        if (sess != NULL && ss != sess)
            continue;
        struct winlink *wwl;
        TAILQ_FOREACH(wwl, &ss->windows, entry) {
            struct window *ww = wwl->window;
            if (w != NULL && ww != w)
                continue;
            if (strcmp(name, "log-file") == 0 || strcmp(name, "log-file-format") == 0 ||
                strcmp(name, "log-file-max") == 0 || strcmp(name, "log-file-time") == 0) {
                struct pane *p;
                TAILQ_FOREACH(p, &ww->panes, entry)
                    server_pane_apply_log(s, p);
            } else if (strcmp(name, "history-limit") == 0 || strcmp(name, "history-bytes") == 0) {
                struct pane *p;
                TAILQ_FOREACH(p, &ww->panes, entry)
                    pane_apply_history_options(p);
            } else if (strcmp(name, "alternate-screen") == 0 ||
                       strcmp(name, "scroll-on-clear") == 0 ||
                       strncmp(name, "pane-colours", 12) == 0 ||
                       strcmp(name, "window-style") == 0 ||
                       strcmp(name, "allow-passthrough") == 0 ||
                       strcmp(name, "allow-title-reports") == 0 ||
                       strcmp(name, "allow-set-title") == 0 ||
                       strcmp(name, "extended-keys") == 0) {
                struct pane *p;
                TAILQ_FOREACH(p, &ww->panes, entry)
                    pane_apply_screen_options(p);
            } else if (strcmp(name, "monitor-silence") == 0) {
                alerts_silence_restart(s, ww);
            } else if (strcmp(name, "pane-border-status") == 0) {
                window_relayout(ww); /* the rows the panes give their lines, attached or not */
            }
        }
        /* Anything may show in the status line or change a window's size; a user option
         * (@name) or a hook changes no size (a hook setting one must not undo
         * resize-window; tmuxp's attach hooks unset themselves with set-hook -u and must
         * all see the size from before the attach, as in tmux, which resizes later). */
        const struct option_def *def = options_find(name);
        if (name[0] != '@' && (def == NULL || !(def->flags & OPTION_F_HOOK)))
            server_client_update_sizes(s, ss);
        session_redraw(s, ss, REDRAW_STATUS);
    }
    server_clock_start(s);
    snapshot_interval_changed(s);
}
