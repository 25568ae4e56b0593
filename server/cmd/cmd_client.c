/* cmd_client.c - commands about the client and its keys: refresh-client, list-keys,
 * bind-key, unbind-key, command-prompt, confirm-before, display-message. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chooser.h"
#include "format.h"
#include "key_bindings.h"
#include "keys.h"
#include "options.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "xmalloc.h"

/* The client a client-only command acts on: the issuing one, attached. */
static struct client *attached_client(struct cmd_ctx *ctx, const char *what)
{
    if (ctx->client == NULL || !ctx->client->attached) {
        cmd_error(ctx, "%s needs an attached client (use it from a key binding or the : prompt)", what);
        return NULL;
    }
    return ctx->client;
}

int cmd_refresh_client(struct cmd_ctx *ctx, struct cmd_args *args)
{
    (void)args;
    struct client *c = attached_client(ctx, "refresh-client");
    if (c == NULL)
        return -1;
    render_invalidate(c->render);
    c->needs_redraw = true;
    server_client_redraw(c);
    return 0;
}

int cmd_list_keys(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct server *s = ctx->server;
    char prefix[32], name[32];
    int only = -1;
    if (args->flags['T'] != NULL) {
        only = key_table_find(args->flags['T']);
        if (only < 0) {
            cmd_error(ctx, "no key table named \"%s\" (tables: root, prefix, copy-mode, copy-mode-vi)",
                      args->flags['T']);
            return -1;
        }
    }
    key_code want = KEYC_NONE;
    if (args->argc > 0 && (want = key_from_name(args->argv[0])) == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    key_to_name((key_code)options_get_number(s->session_options, "prefix"), prefix, sizeof prefix);
    /* Table by table, in the order they were bound. */
    for (int t = 0; t < KEY_TABLE_COUNT; t++) {
        if (only >= 0 && t != only)
            continue;
        /* -N without -T: the keys a user presses outside modes, as tmux. */
        if (args->flags['N'] != NULL && only < 0 && t != KEY_TABLE_ROOT && t != KEY_TABLE_PREFIX)
            continue;
        for (size_t i = 0; i < s->nbindings; i++) {
            const struct key_binding *b = &s->bindings[i];
            if ((int)b->table != t || (want != KEYC_NONE && b->key != want))
                continue;
            key_to_name(b->key, name, sizeof name);
            if (args->flags['N'] != NULL) {
                const char *what = b->note != NULL ? b->note : b->command;
                if (t == KEY_TABLE_PREFIX) {
                    char *k = xasprintf("%s %s", prefix, name);
                    cmd_print(ctx, "%-10s %s", k, what);
                    free(k);
                } else
                    cmd_print(ctx, "%-10s %s", name, what);
            } else {
                cmd_print(ctx, "bind-key %s-T %-12s %-8s %s", b->repeat ? "-r " : "",
                          key_table_name(b->table), name, b->command);
            }
        }
    }
    return 0;
}

/* Join arguments back into one command line, quoting where needed. */
static char *join_command(int argc, char **argv)
{
    char *out = xstrdup("");
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        bool plain = *a != '\0' && strpbrk(a, " \t\"'\\;#$") == NULL;
        char *quoted;
        if (plain)
            quoted = xstrdup(a);
        else {
            size_t n = 2;
            for (const char *p = a; *p; p++)
                n += *p == '\'' ? 4 : 1;
            quoted = xmalloc(n + 1);
            char *w = quoted;
            *w++ = '\'';
            for (const char *p = a; *p; p++) {
                if (*p == '\'') {
                    memcpy(w, "'\\''", 4);
                    w += 4;
                } else
                    *w++ = *p;
            }
            *w++ = '\'';
            *w = '\0';
        }
        char *joined = xasprintf("%s%s%s", out, i > 0 ? " " : "", quoted);
        free(out);
        free(quoted);
        out = joined;
    }
    return out;
}

/* The table -T names (-n: root; neither: prefix). */
static int binding_table(struct cmd_ctx *ctx, struct cmd_args *args, enum key_table *t)
{
    const char *name = args->flags['T'];
    if (name == NULL) {
        *t = args->flags['n'] != NULL ? KEY_TABLE_ROOT : KEY_TABLE_PREFIX;
        return 0;
    }
    int found = key_table_find(name);
    if (found < 0) {
        cmd_error(ctx, "no key table named \"%s\" (tables: root, prefix, copy-mode, copy-mode-vi)",
                  name);
        return -1;
    }
    *t = (enum key_table)found;
    return 0;
}

int cmd_bind_key(struct cmd_ctx *ctx, struct cmd_args *args)
{
    enum key_table table;
    if (binding_table(ctx, args, &table) != 0)
        return -1;
    key_code key = key_from_name(args->argv[0]);
    if (key == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    if (args->argc < 2) {
        cmd_error(ctx, "bind-key: no command given for %s", args->argv[0]);
        return -1;
    }
    char *command = join_command(args->argc - 1, args->argv + 1);
    key_bindings_add(ctx->server, table, key, command, args->flags['N'], args->flags['r'] != NULL);
    free(command);
    return 0;
}

int cmd_unbind_key(struct cmd_ctx *ctx, struct cmd_args *args)
{
    enum key_table table;
    if (binding_table(ctx, args, &table) != 0)
        return -1;
    if (args->flags['a'] != NULL) {
        struct server *s = ctx->server;
        for (size_t i = s->nbindings; i > 0; i--) {
            if (s->bindings[i - 1].table == table)
                key_bindings_remove(s, table, s->bindings[i - 1].key);
        }
        return 0;
    }
    if (args->argc < 1) {
        cmd_error(ctx, "unbind-key: which key?");
        return -1;
    }
    key_code key = key_from_name(args->argv[0]);
    if (key == KEYC_NONE) {
        cmd_error(ctx, "unknown key: %s", args->argv[0]);
        return -1;
    }
    key_bindings_remove(ctx->server, table, key);
    return 0;
}

static char *expand_for_client(struct cmd_ctx *ctx, const char *template)
{
    struct format_ctx f = {.server = ctx->server, .session = ctx->client->session,
                           .client = ctx->client};
    format_defaults(&f);
    return format_expand(&f, template);
}

int cmd_command_prompt(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = attached_client(ctx, "command-prompt");
    if (c == NULL)
        return -1;
    const char *template = args->argc > 0 ? args->argv[0] : "%1";
    char *label = expand_for_client(ctx, args->flags['p'] != NULL ? args->flags['p'] : ":");
    char *initial = expand_for_client(ctx, args->flags['I'] != NULL ? args->flags['I'] : "");
    server_client_prompt(c, PROMPT_INPUT, label, initial, template);
    free(label);
    free(initial);
    return 0;
}

int cmd_confirm_before(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = attached_client(ctx, "confirm-before");
    if (c == NULL)
        return -1;
    char *label;
    if (args->flags['p'] != NULL)
        label = expand_for_client(ctx, args->flags['p']);
    else {
        char *first = xstrdup(args->argv[0]);
        first[strcspn(first, " ")] = '\0';
        label = xasprintf("Confirm '%s'? (y/n)", first);
        free(first);
    }
    server_client_prompt(c, PROMPT_CONFIRM, label, NULL, args->argv[0]);
    free(label);
    return 0;
}

int cmd_display_message(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct session *sess = NULL;
    struct window *w = NULL;
    struct pane *p = NULL;
    if (args->flags['t'] != NULL || (ctx->client == NULL || !ctx->client->attached)) {
        if (!TAILQ_EMPTY(&ctx->server->sessions) || args->flags['t'] != NULL) {
            p = cmd_find_pane(ctx, args->flags['t'], &w, &sess);
            if (p == NULL)
                return -1;
        }
    } else {
        sess = ctx->client->session;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .window = w, .pane = p,
                           .client = ctx->client};
    format_defaults(&f);
    const char *template = args->flags['F'] != NULL ? args->flags['F']
                           : args->argc > 0         ? args->argv[0]
                                                    : "[#S] #I:#W, current pane #P";
    char *text = format_expand(&f, template);
    if (args->flags['p'] != NULL || ctx->client == NULL || !ctx->client->attached)
        cmd_print(ctx, "%s", text);
    else
        server_client_message(ctx->client, "%s", text);
    free(text);
    return 0;
}

/* choose-tree [-s] [-w], choose-window: the interactive list (chooser.c). */
int cmd_choose_tree(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct client *c = attached_client(ctx, "choose-tree");
    if (c == NULL)
        return -1;
    chooser_open(c, args->flags['s'] != NULL);
    return 0;
}
