/* hooks.c - hook commands (see hooks.h). */
#include "hooks.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "cmd.h"
#include "cmd_queue.h"
#include "log.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

const char *const hook_names[] = {
    "alert-activity", "alert-bell",      "alert-silence", "client-attached", "client-detached",
    "pane-exited",    "session-created", "session-closed", "window-linked", NULL,
};

bool hooks_valid_name(const char *name)
{
    for (const char *const *n = hook_names; *n != NULL; n++) {
        if (strcmp(*n, name) == 0)
            return true;
    }
    return false;
}

void hooks_set(struct server *s, const char *name, const char *command)
{
    for (size_t i = 0; i < s->nhooks; i++) {
        if (strcmp(s->hooks[i].name, name) == 0) {
            free(s->hooks[i].command);
            if (command != NULL) {
                s->hooks[i].command = xstrdup(command);
                return;
            }
            free(s->hooks[i].name);
            memmove(&s->hooks[i], &s->hooks[i + 1], (s->nhooks - i - 1) * sizeof *s->hooks);
            s->nhooks--;
            return;
        }
    }
    if (command == NULL)
        return;
    s->hooks = xreallocarray(s->hooks, s->nhooks + 1, sizeof *s->hooks);
    s->hooks[s->nhooks].name = xstrdup(name);
    s->hooks[s->nhooks].command = xstrdup(command);
    s->nhooks++;
}

const char *hooks_get(const struct server *s, const char *name)
{
    for (size_t i = 0; i < s->nhooks; i++) {
        if (strcmp(s->hooks[i].name, name) == 0)
            return s->hooks[i].command;
    }
    return NULL;
}

/* A hook's errors go to the log: nobody asked for its output. */
static void hooks_output(void *arg, struct cmd_ctx *ctx, int status)
{
    (void)arg;
    size_t n = evbuffer_get_length(ctx->err);
    if (status != 0 && n > 0)
        log_debug("hook: %.*s", (int)n, (const char *)evbuffer_pullup(ctx->err, -1));
}

void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane)
{
    const char *command = hooks_get(s, name);
    if (command == NULL)
        return;
    if (pane == NULL && sess != NULL && sess->current != NULL)
        pane = sess->current->active;
    char *error = NULL;
    struct cmd_parse_input pi = {.server = s};
    struct cmd_list *list = cmd_parse_string(command, &pi, &error);
    if (list == NULL) {
        log_debug("hook %s: %s", name, error);
        free(error);
        return;
    }
    /* As in tmux: after-* hooks right after their command; the others (notifications)
     * on the server's queue, which runs once the commands running now stop. */
    struct cmdq_state *st = cmdq_state_new(s, NULL, false, hooks_output, NULL);
    st->target_pane = pane != NULL ? pane->id : UINT32_MAX;
    if (strncmp(name, "after-", 6) == 0)
        cmdq_insert_hook(s, list, st);
    else
        cmdq_append(cmdq_get(s, NULL), list, st);
    cmdq_state_unref(st);
    cmd_list_free(list);
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
