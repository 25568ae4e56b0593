/* cmd_display_menu.c - display-menu (menu): a menu of items over a client's screen
 * (menu.c, an overlay). Items are "name key command" triples; an empty name is a
 * separator line (one argument), a name starting with '-' a disabled item. */
#include "cmd_impl.h"

#include <stdlib.h>
#include <string.h>

#include "client_state.h"
#include "format.h"
#include "keys.h"
#include "menu.h"
#include "model.h"
#include "options.h"
#include "server_state.h"
#include "xmalloc.h"

static int cmd_display_menu_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    struct session *sess = ctx->target.session;
    struct client *c = cmd_overlay_client(ctx, args->flags['c'], sess);
    if (c == NULL)
        return -1;
    if (p == NULL && c->session != NULL && c->session->current != NULL) {
        p = c->session->current->window->active;
        sess = c->session;
    }
    struct format_ctx f = {.server = ctx->server, .session = sess, .client = c};
    if (p != NULL) {
        f.pane = p;
        f.window = p->window;
    }
    format_defaults(&f);

    struct menu_spec spec = {0};
    spec.items = xcalloc((size_t)args->argc, sizeof *spec.items);
    for (int i = 0; i < args->argc;) {
        const char *name = args->argv[i];
        struct menu_item *it = &spec.items[spec.nitems];
        if (*name == '\0') {
            spec.nitems++; /* a separator */
            i++;
            continue;
        }
        if (i + 2 >= args->argc) {
            cmd_error(ctx, "not enough arguments");
            menu_spec_free(&spec);
            return -1;
        }
        char *expanded = format_expand(&f, name);
        it->disabled = expanded[0] == '-';
        it->name = xstrdup(expanded + (it->disabled ? 1 : 0));
        free(expanded);
        const char *key = args->argv[i + 1];
        it->key = *key != '\0' ? key_from_name(key) : KEYC_NONE;
        if (it->key != KEYC_NONE) {
            char buf[64];
            it->key_name = xstrdup(key_to_name(it->key, buf, sizeof buf));
        }
        it->command = xstrdup(args->argv[i + 2]);
        spec.nitems++;
        i += 3;
    }
    if (args->flags['T'] != NULL)
        spec.title = format_expand(&f, args->flags['T']);
    if (spec.nitems == 0) {
        menu_spec_free(&spec);
        return 0;
    }
    int w, h;
    menu_size(&spec, &w, &h);
    if (w > c->cols || h > c->rows) {
        /* As tmux: a menu that cannot fit is not shown. */
        menu_spec_free(&spec);
        return 0;
    }
    spec.x = cmd_overlay_position(ctx, c, p, args->flags['x'], false, w, c->cols);
    spec.y = cmd_overlay_position(ctx, c, p, args->flags['y'], true, h, c->rows);
    if (p != NULL) {
        spec.pane_id = p->id;
        spec.has_pane = true;
    }
    /* From a shell, the command returns when the menu closes. */
    if (ctx->client != NULL && ctx->client != c && !ctx->from_key) {
        spec.waiting_client = ctx->client->id;
        ctx->wait = true;
    }
    menu_open(c, &spec);
    return 0;
}

const struct cmd_entry cmd_display_menu_entry = {
    .name = "display-menu",
    .alias = "menu",
    .spec = "Oc:t:T:x:y:",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-O] [-c target-client] [-t target-pane] [-T title] [-x position] "
             "[-y position] name key command ...",
    .exec = cmd_display_menu_exec,
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
};
