/* cmd_up_ctl.c - the commands for services tmx up started: restart, stop, logs and
 * down (cmd_up.h does the work). A service is named NAME or SESSION:NAME. */
#include "cmd_impl.h"
#include "cmd_up.h"

#include <stdlib.h>
#include <string.h>

#include <event2/buffer.h>

#include "capture.h"
#include "server_find.h"
#include "server_state.h"
#include "vt.h"

static int cmd_restart_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    long i;
    struct up_group *g = cmd_up_find(ctx, args->argv[0], &i);
    if (g == NULL)
        return -1;
    cmd_up_stop(ctx, g, i, true);
    return 0;
}

static int cmd_stop_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    long i;
    struct up_group *g = cmd_up_find(ctx, args->argv[0], &i);
    if (g == NULL)
        return -1;
    cmd_up_stop(ctx, g, i, false);
    return 0;
}

static int cmd_down_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct up_group *g = cmd_up_find_group(ctx, args->flags['t']);
    if (g == NULL)
        return -1;
    cmd_up_down(ctx, g);
    return 0;
}

/* What the service's window holds (history and screen, as capture-pane -J prints it,
 * without the blank lines at the end), the last -n lines of it; -f: then what it
 * prints, until it goes or the client does. */
static int cmd_logs_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    long i;
    struct up_group *g = cmd_up_find(ctx, args->argv[0], &i);
    if (g == NULL)
        return -1;
    long lines = -1;
    if (args->flags['n'] != NULL) {
        char *end;
        lines = strtol(args->flags['n'], &end, 10);
        if (*args->flags['n'] == '\0' || *end != '\0' || lines < 0 || lines > 100000000) {
            cmd_error(ctx, "logs: -n wants a number of lines: %s", args->flags['n']);
            return -1;
        }
    }
    unsigned id;
    if (!cmd_up_pane(g, i, &id)) {
        cmd_error(ctx, "logs: %s has no window: it has not started (it waits for the "
                  "services it starts after), or its window was closed (tmx restart %s)",
                  args->argv[0], args->argv[0]);
        return -1;
    }
    struct pane *p = server_find_pane(ctx->server, id);
    struct capture_opts o = {.start = -capture_history_size(p->vt, false),
                             .end = p->rows - 1, .join = true};
    struct evbuffer *text = evbuffer_new();
    capture_text(p->vt, &o, text);
    size_t len = evbuffer_get_length(text);
    const char *t = (const char *)evbuffer_pullup(text, -1);
    while (len > 0 && t[len - 1] == '\n' && (len == 1 || t[len - 2] == '\n'))
        len--; /* the empty lines below the last one written */
    size_t from = 0;
    if (lines == 0)
        from = len;
    else if (lines > 0) {
        /* Back from the end to the newline before the last 'lines' lines. */
        from = len;
        long n = 0;
        while (from > 0) {
            if (t[from - 1] == '\n' && from < len && ++n == lines)
                break;
            from--;
        }
    }
    if (len > from)
        evbuffer_add(ctx->out, t + from, len - from);
    evbuffer_free(text);
    if (args->flags['f'] != NULL)
        cmd_up_follow(ctx, g, i);
    return 0;
}

const struct cmd_entry cmd_restart_entry = {
    .name = "restart",
    .spec = "",
    .min_args = 1,
    .max_args = 1,
    .usage = "service",
    .exec = cmd_restart_exec,
};

const struct cmd_entry cmd_stop_entry = {
    .name = "stop",
    .spec = "",
    .min_args = 1,
    .max_args = 1,
    .usage = "service",
    .exec = cmd_stop_exec,
};

const struct cmd_entry cmd_down_entry = {
    .name = "down",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t session-name]",
    .exec = cmd_down_exec,
};

const struct cmd_entry cmd_logs_entry = {
    .name = "logs",
    .spec = "fn:",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-f] [-n lines] service",
    .exec = cmd_logs_exec,
};
