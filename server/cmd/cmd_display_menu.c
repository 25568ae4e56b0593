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
#include "style.h"
#include "xmalloc.h"

/* The option 'name' of the menu's window (the global window options without one), a
 * choice as its name. */
static const char *menu_option(const struct options *o, const char *name)
{
    const struct option_def *def = options_find(name);
    if (def->type == OPTION_CHOICE)
        return def->choices[options_get_number(o, name)];
    return options_get_string(o, name);
}

/* The menu's pens and border lines: the menu-* options of its window, then -s, -S, -H
 * (styles on top of them) and -b. menu-selected-style at its default (tmux 3.4's, the
 * same as mode-style's) gives way to mode-style, which tmux 3.3a's menus use. */
static int menu_looks(struct cmd_ctx *ctx, struct cmd_args *args, const struct options *o,
                      struct menu_spec *spec)
{
    const char *lines = args->flags['b'] != NULL ? args->flags['b']
                                                 : menu_option(o, "menu-border-lines");
    const char *const *choices = options_find("menu-border-lines")->choices;
    size_t i = 0;
    while (choices[i] != NULL && strcmp(choices[i], lines) != 0)
        i++;
    if (choices[i] == NULL) {
        cmd_error(ctx, "unknown border lines: %s", lines);
        return -1;
    }
    spec->lines = box_lines_named(choices[i]);
    const char *selected = menu_option(o, "menu-selected-style");
    if (strcmp(selected, options_find("menu-selected-style")->default_value) == 0)
        selected = menu_option(o, "mode-style");
    char err[256];
    if (style_apply(&spec->style, menu_option(o, "menu-style"), err, sizeof err) != 0 ||
        style_apply(&spec->style, args->flags['s'], err, sizeof err) != 0 ||
        style_apply(&spec->border_style, menu_option(o, "menu-border-style"), err,
                    sizeof err) != 0 ||
        style_apply(&spec->border_style, args->flags['S'], err, sizeof err) != 0 ||
        style_apply(&spec->selected_style, selected, err, sizeof err) != 0 ||
        style_apply(&spec->selected_style, args->flags['H'], err, sizeof err) != 0) {
        cmd_error(ctx, "%s", err);
        return -1;
    }
    return 0;
}

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
    if (menu_looks(ctx, args, p != NULL ? p->window->options : ctx->server->window_options,
                   &spec) != 0) {
        menu_spec_free(&spec);
        return -1;
    }
    if (args->flags['C'] != NULL) {
        /* -C starting-choice (tmux 3.4): the item selected first, counted from 0. */
        char *end;
        long n = strtol(args->flags['C'], &end, 10);
        spec.start = *end == '\0' && n >= 0 && n < spec.nitems ? (int)n : 0;
    }
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
    .spec = "MOb:c:C:H:s:S:t:T:x:y:",
    .min_args = 1,
    .max_args = -1,
    .usage = "[-MO] [-b border-lines] [-c target-client] [-C starting-choice] "
             "[-H selected-style] [-s style] [-S border-style] [-t target-pane] [-T title] "
             "[-x position] [-y position] name key command ...",
    .exec = cmd_display_menu_exec,
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
};
