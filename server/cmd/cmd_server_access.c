/* cmd_server_access.c - server-access: which other users may connect to the server
 * (-a adds, -d removes and detaches their clients), read-only (-r) or not (-w); -l lists
 * them. The owner and root always may. */
#include "cmd_impl.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "server_client.h"
#include "server_state.h"
#include "xmalloc.h"

static struct server_acl *acl_find(struct server *srv, uid_t uid)
{
    for (size_t i = 0; i < srv->nacl; i++) {
        if (srv->acl[i].uid == uid)
            return &srv->acl[i];
    }
    return NULL;
}

/* Add uid (writable), keeping the list sorted by uid. */
static struct server_acl *acl_add(struct server *srv, uid_t uid)
{
    size_t at = 0;
    while (at < srv->nacl && srv->acl[at].uid < uid)
        at++;
    srv->acl = xreallocarray(srv->acl, srv->nacl + 1, sizeof *srv->acl);
    memmove(srv->acl + at + 1, srv->acl + at, (srv->nacl - at) * sizeof *srv->acl);
    srv->nacl++;
    srv->acl[at] = (struct server_acl){.uid = uid, .readonly = false};
    return &srv->acl[at];
}

static void acl_print(struct cmd_ctx *ctx, uid_t uid, bool readonly)
{
    struct passwd *pw = getpwuid(uid);
    cmd_print(ctx, "%s (%s)", pw != NULL ? pw->pw_name : "unknown", readonly ? "R" : "W");
}

static int cmd_server_access_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *srv = ctx->server;
    if (args->flags['l'] != NULL) {
        uid_t owner = getuid();
        bool owner_shown = owner == 0;
        for (size_t i = 0; i < srv->nacl; i++) {
            if (!owner_shown && owner < srv->acl[i].uid) {
                acl_print(ctx, owner, false);
                owner_shown = true;
            }
            acl_print(ctx, srv->acl[i].uid, srv->acl[i].readonly);
        }
        if (!owner_shown)
            acl_print(ctx, owner, false);
        return 0;
    }
    if (args->argc == 0) {
        cmd_error(ctx, "missing user argument");
        return -1;
    }
    struct format_ctx f = {.server = srv};
    char *name = format_expand(&f, args->argv[0]);
    struct passwd *pw = *name != '\0' ? getpwnam(name) : NULL;
    if (pw == NULL) {
        cmd_error(ctx, "unknown user: %s", name);
        free(name);
        return -1;
    }
    free(name);
    uid_t uid = pw->pw_uid;
    if (uid == 0 || uid == getuid()) {
        cmd_error(ctx, "%s owns the server, can't change access", pw->pw_name);
        return -1;
    }
    if (args->flags['a'] != NULL && args->flags['d'] != NULL) {
        cmd_error(ctx, "-a and -d cannot be used together");
        return -1;
    }
    if (args->flags['w'] != NULL && args->flags['r'] != NULL) {
        cmd_error(ctx, "-r and -w cannot be used together");
        return -1;
    }
    struct server_acl *acl = acl_find(srv, uid);
    struct client *c, *next;
    if (args->flags['d'] != NULL) {
        if (acl == NULL) {
            cmd_error(ctx, "user %s not found", pw->pw_name);
            return -1;
        }
        memmove(acl, acl + 1, (size_t)(srv->acl + srv->nacl - (acl + 1)) * sizeof *acl);
        srv->nacl--;
        TAILQ_FOREACH_SAFE(c, &srv->clients, entry, next) {
            if (c->uid == uid && !c->exiting)
                server_client_exit(c, 0, "access not allowed");
        }
        return 0;
    }
    if (args->flags['a'] != NULL) {
        if (acl != NULL) {
            cmd_error(ctx, "user %s is already added", pw->pw_name);
            return -1;
        }
        acl = acl_add(srv, uid);
    } else if ((args->flags['r'] != NULL || args->flags['w'] != NULL) && acl == NULL)
        acl = acl_add(srv, uid); /* -r or -w add the user too */
    if (acl != NULL && (args->flags['r'] != NULL || args->flags['w'] != NULL)) {
        acl->readonly = args->flags['r'] != NULL;
        TAILQ_FOREACH(c, &srv->clients, entry) {
            if (c->uid == uid)
                c->readonly = acl->readonly;
        }
    }
    return 0;
}

const struct cmd_entry cmd_server_access_entry = {
    .name = "server-access",
    .spec = "adlrt:w",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-adlrw] [-t target-pane] [user]",
    .exec = cmd_server_access_exec,
};
