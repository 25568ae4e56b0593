/* cmd_resurrect.c - resurrect: bring back the sessions of a server that died (a reboot,
 * kill -9) from the snapshot it left (snapshot.h): layouts, names, directories,
 * environment and scrollback, each pane's command behind a "press Enter to run" prompt
 * (resurrect-restart: at once). -f: another snapshot file. */
#include "cmd_impl.h"
#include "cmd_up.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server_state.h"
#include "snapshot.h"
#include "xmalloc.h"

static int cmd_resurrect_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    char path[4200];
    const char *file = args->flags['f'];
    char *given = NULL;
    if (file != NULL) {
        given = cmd_client_path(ctx, file);
        snprintf(path, sizeof path, "%s", given);
    } else if (!snapshot_last_path(s, path, sizeof path)) {
        cmd_error(ctx, "resurrect: no place for snapshots: set HOME or XDG_STATE_HOME");
        return -1;
    }
    free(given);
    if (file == NULL && access(path, F_OK) != 0) {
        cmd_error(ctx, "resurrect: nothing to resurrect: no snapshot left by a server that "
                       "died (%s)", path);
        return -1;
    }
    char *report = NULL;
    int n = snapshot_restore(s, path, SNAPSHOT_RESURRECT, NULL, NULL, &report);
    cmd_up_restore(s); /* tmx up's services of the sessions it brought back */
    if (n < 0) {
        cmd_error(ctx, "resurrect: %s: %s", path,
                  report != NULL ? report : "cannot be read");
        free(report);
        return -1;
    }
    /* What could not be restored: on stderr, one line each, the command still done. */
    for (char *line = report, *next; line != NULL && *line != '\0'; line = next) {
        next = strchr(line, '\n');
        if (next != NULL)
            *next++ = '\0';
        cmd_error(ctx, "resurrect: %s", line);
    }
    free(report);
    if (n == 0) {
        cmd_error(ctx, "resurrect: no session could be brought back from %s", path);
        return -1;
    }
    if (file == NULL)
        unlink(path); /* its sessions are live now, and in the server's own snapshot */
    cmd_print(ctx, "resurrected %d session%s", n, n == 1 ? "" : "s");
    return 0;
}

const struct cmd_entry cmd_resurrect_entry = {
    .name = "resurrect",
    .alias = NULL,
    .spec = "f:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-f snapshot-file]",
    .exec = cmd_resurrect_exec,
};
