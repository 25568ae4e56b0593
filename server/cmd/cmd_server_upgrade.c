/* cmd_server_upgrade.c - server-upgrade [-b binary]: hand every pane to a new server
 * binary without stopping a program. The server tells its clients to attach again, lets
 * go of the keeper (which keeps every program and reads their ptys meanwhile) and
 * replaces itself (exec, the same pid) by BINARY, by default the file it was started
 * from (a package upgrade put the new one there); the new server adopts every pane. See
 * server_upgrade in server.c. */
#include "cmd_impl.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/file.h>
#include <string.h>
#include <unistd.h>

#include "proto.h"
#include "server_client.h"
#include "server_exit.h"
#include "server_state.h"
#include "xmalloc.h"

/* The path this server was started from ("/usr/bin/tmx (deleted)" once replaced). */
static char *server_binary_path(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return NULL;
    buf[n] = '\0';
    const char *gone = " (deleted)";
    size_t len = strlen(buf), glen = strlen(gone);
    if (len > glen && strcmp(buf + len - glen, gone) == 0)
        buf[len - glen] = '\0';
    return xstrdup(buf);
}

static int cmd_server_upgrade_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    if (s->keeper == NULL) {
        cmd_error(ctx, "no keeper holds the panes, so an upgrade would end them: restart the "
                  "server instead (kill-server)");
        return -1;
    }
    char *binary = args->flags['b'] != NULL ? xstrdup(args->flags['b']) : server_binary_path();
    if (binary == NULL || access(binary, X_OK) != 0) {
        cmd_error(ctx, "cannot run %s: give the new tmx with -b PATH",
                  binary != NULL ? binary : "this server's binary");
        free(binary);
        return -1;
    }
    /* No client may start a server while this one is gone: the lock of "connect or
     * start" (client.c) is held until the new server listens. */
    char *lockpath = xasprintf("%s.lock", s->socket_path);
    int lock = open(lockpath, O_WRONLY | O_CREAT, 0600);
    free(lockpath);
    if (lock < 0 || flock(lock, LOCK_EX | LOCK_NB) != 0) {
        cmd_error(ctx, "a client is starting a server just now: try again");
        if (lock >= 0)
            close(lock);
        free(binary);
        return -1;
    }
    if (s->upgrade_lock >= 0)
        close(s->upgrade_lock);
    s->upgrade_lock = lock;
    free(s->upgrade_binary);
    s->upgrade_binary = binary;
    /* Attached clients come back by themselves to the same session of the new server
     * (one redraw); a client of an older tmx shows the message. */
    struct client *c;
    TAILQ_FOREACH(c, &s->clients, entry) {
        if (c->attached && !c->control && !c->exiting && c->session != NULL)
            server_client_exit_how(c, 0, "[server upgraded: attach again]",
                                   PROTO_EXIT_REATTACH, c->session->name);
    }
    server_shutdown(s, "[server upgraded: attach again]");
    return 0;
}

const struct cmd_entry cmd_server_upgrade_entry = {
    .name = "server-upgrade",
    .spec = "b:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-b binary]",
    .exec = cmd_server_upgrade_exec,
};
