/* cmd_refresh_client.c - refresh-client: draw the client's screen again, whole or (-S)
 * its status line; -f sets its flags (read-only, and a control client's no-output,
 * pause-after=N, wait-exit); -A, -B and -C act on a control client (control.c: pane
 * output on/off/pause/continue, subscriptions, its size); the panning ones (-L -R -U -D
 * -c) and the clipboard query (-l) are checked and do nothing, the window always
 * fitting. */
#include "cmd_impl.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "client_frames.h"
#include "control.h"
#include "redraw.h"
#include "server_client.h"

/* -f: a comma-separated list of client flags, '!' turning one off; tmx acts on
 * read-only and takes the others as tmux does (it ignores what it does not know). */
static void set_flags(struct client *c, const char *flags)
{
    char buf[512];
    snprintf(buf, sizeof buf, "%s", flags);
    for (char *save = NULL, *t = strtok_r(buf, ",", &save); t != NULL;
         t = strtok_r(NULL, ",", &save)) {
        bool off = *t == '!';
        if (c->control && control_set_flag(c, t + off, off))
            continue;
        if (strcmp(t + off, "read-only") == 0)
            c->readonly = !off;
    }
}

static int cmd_refresh_client_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = cmd_find_client(ctx, args->flags['t'], false);
    if (c == NULL)
        return -1;
    if (args->flags['A'] != NULL || args->flags['B'] != NULL || args->flags['C'] != NULL) {
        if (c->control_state == NULL) {
            cmd_error(ctx, "not a control client");
            return -1;
        }
        if (args->flags['C'] != NULL && control_set_size(ctx, c, args->flags['C']) != 0)
            return -1;
        /* -A and -B may be given several times: each value in order, as tmux. */
        for (char f = 'A'; f <= 'B'; f++) {
            int seen = 0;
            for (int i = 0; i < args->nvalues; i++) {
                if (args->values[i].flag != f || args->values[i].value == NULL)
                    continue;
                seen++;
                if (f == 'A')
                    control_pane_action(ctx, c, args->values[i].value);
                else
                    control_subscribe(c, args->values[i].value);
            }
            if (seen == 0 && args->flags[(int)f] != NULL) {
                /* Beyond the values kept in order: at least the last. */
                if (f == 'A')
                    control_pane_action(ctx, c, args->flags[(int)f]);
                else
                    control_subscribe(c, args->flags[(int)f]);
            }
        }
        if (args->flags['f'] != NULL)
            set_flags(c, args->flags['f']);
        return 0;
    }
    if (args->flags['L'] != NULL || args->flags['R'] != NULL || args->flags['U'] != NULL ||
        args->flags['D'] != NULL) {
        if (args->argc > 0) {
            char *end;
            long v = strtol(args->argv[0], &end, 10);
            if (end == args->argv[0] || *end != '\0') {
                cmd_error(ctx, "adjustment invalid");
                return -1;
            }
            if (v < 1 || v > INT32_MAX) {
                cmd_error(ctx, "adjustment too %s", v < 1 ? "small" : "large");
                return -1;
            }
        }
        return 0;
    }
    if (args->flags['c'] != NULL || args->flags['l'] != NULL)
        return 0;
    if (args->flags['f'] != NULL) {
        set_flags(c, args->flags['f']);
        return 0;
    }
    client_redraw(c, args->flags['S'] != NULL ? REDRAW_STATUS : REDRAW_FULL);
    return 0;
}

const struct cmd_entry cmd_refresh_client_entry = {
    .name = "refresh-client",
    .alias = "refresh",
    .spec = "A:B:cC:Df:lLRSt:U",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-cDlLRSU] [-A pane:state] [-B name:what:format] [-C XxY] [-f flags] "
             "[-t target-client] [adjustment]",
    .exec = cmd_refresh_client_exec,
};
