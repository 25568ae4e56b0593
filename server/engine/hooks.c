/* hooks.c - hook commands (see hooks.h). */
#include "hooks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "client_state.h"
#include "cmd.h"
#include "cmd_queue.h"
#include "log.h"
#include "model.h"
#include "options.h"
#include "server_state.h"
#include "session.h"
#include "window.h"
#include "xmalloc.h"

/* The option set hook d is read from for this event: a session hook from the session's
 * options, a window or pane hook from the pane's (which inherit its window's, then the
 * global ones). */
static const struct options *hook_options(struct server *s, const struct option_def *d,
                                          struct session *sess, struct pane *pane)
{
    if (d->scope == OPTION_SESSION) {
        if (sess == NULL && pane != NULL)
            sess = window_session(pane->window);
        return sess != NULL ? sess->options : s->session_options;
    }
    if (pane != NULL)
        return pane->options;
    if (sess != NULL && sess->current != NULL)
        return sess->current->window->options;
    return s->window_options;
}

/* A hook's errors go to the log: nobody asked for its output. */
static void hooks_output(void *arg, struct cmd_ctx *ctx, int status)
{
    (void)arg;
    size_t n = evbuffer_get_length(ctx->err);
    if (status != 0 && n > 0)
        log_debug("hook: %.*s", (int)n, (const char *)evbuffer_pullup(ctx->err, -1));
}

/* The formats a hook's commands see (tmux's names). */
static void hook_formats(struct cmdq_state *st, const char *name, const struct hook_event *ev)
{
    char buf[64];
    cmdq_state_add_format(st, "hook", name);
    if (ev->client != NULL) {
        if (ev->client->tty_name != NULL) {
            cmdq_state_add_format(st, "hook_client", ev->client->tty_name);
        } else {
            snprintf(buf, sizeof buf, "client-%ld", (long)ev->client->pid);
            cmdq_state_add_format(st, "hook_client", buf);
        }
    }
    if (ev->session != NULL) {
        snprintf(buf, sizeof buf, "$%u", ev->session->id);
        cmdq_state_add_format(st, "hook_session", buf);
        cmdq_state_add_format(st, "hook_session_name", ev->session->name);
    }
    if (ev->window != NULL) {
        snprintf(buf, sizeof buf, "@%u", ev->window->id);
        cmdq_state_add_format(st, "hook_window", buf);
        cmdq_state_add_format(st, "hook_window_name", ev->window->name);
    }
    if (ev->pane != NULL) {
        snprintf(buf, sizeof buf, "%%%u", ev->pane->id);
        cmdq_state_add_format(st, "hook_pane", buf);
    }
}

/* Run hook name for ev; its commands see #{hook} and, if formats, ev's formats. */
static void hooks_insert(struct server *s, const char *name, const struct hook_event *ev,
                         bool formats)
{
    const struct option_def *d = options_find(name);
    if (d == NULL || !(d->flags & OPTION_F_HOOK))
        return;
    struct session *sess = ev->session;
    struct pane *pane = ev->pane;
    if (sess == NULL && ev->client != NULL)
        sess = ev->client->session;
    if (pane == NULL && ev->window != NULL)
        pane = ev->window->active;
    if (pane == NULL && sess != NULL && sess->current != NULL)
        pane = sess->current->window->active;
    const struct options *oo = ev->closed ? s->session_options : hook_options(s, d, sess, pane);
    /* Each item is a command list, parsed now (a hook may replace itself meanwhile). As
     * in tmux: after-* hooks right after their command; the others (notifications) on
     * the server's queue, which runs once the commands running now stop. */
    const char *item;
    for (long i = options_array_next(oo, name, -1, &item); i >= 0;
         i = options_array_next(oo, name, i, &item)) {
        char *error = NULL;
        struct cmd_parse_input pi = {.server = s};
        struct cmd_list *list = cmd_parse_string(item, &pi, &error);
        if (list == NULL) {
            log_debug("hook %s: %s", name, error);
            free(error);
            continue;
        }
        struct cmdq_state *st = cmdq_state_new(s, NULL, false, hooks_output, NULL);
        st->target_pane = pane != NULL ? pane->id : UINT32_MAX;
        st->no_hooks = true;
        if (formats)
            hook_formats(st, name, ev);
        else
            cmdq_state_add_format(st, "hook", name);
        if (strncmp(name, "after-", 6) == 0)
            cmdq_insert_hook(s, list, st);
        else
            cmdq_append(cmdq_get(s, NULL), list, st);
        cmdq_state_unref(st);
        cmd_list_free(list);
    }
}

void hooks_fire(struct server *s, const char *name, const struct hook_event *ev)
{
    hooks_insert(s, name, ev, true);
}

void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane)
{
    hooks_insert(s, name, &(struct hook_event){.session = sess, .pane = pane}, false);
}

void hooks_free(struct server *s)
{
    for (size_t i = 0; i < s->nhooks; i++) {
        free(s->hooks[i].name);
        free(s->hooks[i].command);
    }
    free(s->hooks);
    s->hooks = NULL;
    s->nhooks = 0;
}
