/* hooks.c - hook commands (see hooks.h). */
#include "hooks.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "cmd.h"
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

void hooks_run(struct server *s, const char *name, struct session *sess, struct pane *pane)
{
    const char *command = hooks_get(s, name);
    if (command == NULL)
        return;
    if (pane == NULL && sess != NULL && sess->current != NULL)
        pane = sess->current->active;
    /* The command line is copied: the hook may replace itself while it runs. */
    char *copy = xstrdup(command);
    struct cmd_ctx ctx = {.server = s, .out = evbuffer_new(), .err = evbuffer_new(),
                          .target_pane = pane};
    if (cmd_execute_string(&ctx, copy) != 0) {
        size_t n = evbuffer_get_length(ctx.err);
        log_debug("hook %s: %.*s", name, (int)n, (const char *)evbuffer_pullup(ctx.err, -1));
    }
    evbuffer_free(ctx.out);
    evbuffer_free(ctx.err);
    free(copy);
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
