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
    if (ev->client_only)
        return;
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

/* What an after-COMMAND hook's commands see of the command (tmux's names):
 * #{hook_arguments} (its flags and arguments as printed), #{hook_argument_N},
 * #{hook_flag_X} (a flag's last value, or 1) and #{hook_flag_X_N} (each value of X). */
static void hook_command_formats(struct cmdq_state *st, const struct cmd_parsed *cmd)
{
    char *printed = cmd_parsed_print(cmd);
    const char *rest = printed;
    size_t nlen = strlen(cmd->entry->name);
    if (strncmp(rest, cmd->entry->name, nlen) == 0)
        rest += nlen;
    if (*rest == ' ')
        rest++;
    cmdq_state_add_format(st, "hook_arguments", rest);
    free(printed);

    struct cmd_args args;
    char *cause = NULL;
    if (cmd_args_parse(cmd->entry, cmd->argc, cmd->argv, &args, &cause) != 0) {
        free(cause);
        return;
    }
    char name[64];
    for (int i = 0; i < args.argc; i++) {
        snprintf(name, sizeof name, "hook_argument_%d", i);
        cmdq_state_add_format(st, name, args.argv[i]);
    }
    const char *spec = cmd->entry->spec != NULL ? cmd->entry->spec : "";
    for (int ch = 1; ch < 128; ch++) {
        if (args.flags[ch] == NULL)
            continue;
        const char *pos = ch != ':' ? strchr(spec, ch) : NULL;
        bool valued = pos != NULL && pos[1] == ':';
        snprintf(name, sizeof name, "hook_flag_%c", ch);
        cmdq_state_add_format(st, name, valued ? args.flags[ch] : "1");
        if (!valued)
            continue;
        int n = 0;
        for (int i = 0; i < args.nvalues; i++) {
            if ((unsigned char)args.values[i].flag != ch)
                continue;
            snprintf(name, sizeof name, "hook_flag_%c_%d", ch, n++);
            cmdq_state_add_format(st, name, args.values[i].value);
        }
        if (n == 0) {
            snprintf(name, sizeof name, "hook_flag_%c_0", ch);
            cmdq_state_add_format(st, name, args.flags[ch]);
        }
    }
}

/* Run hook name for ev; its commands see #{hook} and, if formats, ev's formats (or, for
 * an after-COMMAND hook, cmd's). */
static void hooks_insert(struct server *s, const char *name, const struct hook_event *ev,
                         bool formats, const struct cmd_parsed *cmd)
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
        if (cmd != NULL)
            hook_command_formats(st, cmd);
        if (strncmp(name, "after-", 6) == 0 || strcmp(name, "command-error") == 0)
            cmdq_insert_hook(s, list, st);
        else
            cmdq_append(cmdq_get(s, NULL), list, st);
        cmdq_state_unref(st);
        cmd_list_free(list);
    }
}

void hooks_fire(struct server *s, const char *name, const struct hook_event *ev)
{
    hooks_insert(s, name, ev, true, NULL);
}

void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane)
{
    hooks_insert(s, name, &(struct hook_event){.session = sess, .pane = pane}, false, NULL);
}

void hooks_run_after(struct server *s, const char *name, struct session *sess, struct pane *pane,
                     const struct cmd_parsed *cmd)
{
    /* tmux 3.3a has the after-select-pane option but its select-pane runs no after hook
     * (compat hook-after-commands checks which do). */
    if (strcmp(name, "after-select-pane") == 0)
        return;
    hooks_insert(s, name, &(struct hook_event){.session = sess, .pane = pane}, false, cmd);
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
