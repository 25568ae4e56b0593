/* cmd_display_popup.c - display-popup (popup): a program in a box over a client's
 * screen (popup.c, an overlay), or -C: close the client's popup. */
#include "cmd_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "client_state.h"
#include "format.h"
#include "job_pty.h"
#include "model.h"
#include "options.h"
#include "popup.h"
#include "server_state.h"
#include "style.h"
#include "xmalloc.h"

/* -w/-h: cells, or a percentage of the terminal's side; the default is half of it. */
static int popup_side(struct cmd_ctx *ctx, const char *value, int room, int *side)
{
    if (value == NULL) {
        *side = room / 2;
        return 0;
    }
    char *end;
    long n = strtol(value, &end, 10);
    if (end == value || n < 0 || (*end != '\0' && strcmp(end, "%") != 0)) {
        cmd_error(ctx, "invalid size: %s", value);
        return -1;
    }
    if (*end == '%')
        n = n > 100 ? room : room * n / 100;
    *side = n > room ? room : (int)n;
    return 0;
}

/* The window option 'name' if tmx has it (tmux 3.3 popup-* options), else fallback. */
static const char *window_option(struct pane *p, const char *name, const char *fallback)
{
    const struct option_def *def = options_find(name);
    if (p == NULL || def == NULL)
        return fallback;
    if (def->type == OPTION_CHOICE) /* a choice is kept as its number */
        return def->choices[options_get_number(p->window->options, name)];
    return options_get_string(p->window->options, name);
}

static int cmd_display_popup_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct pane *p = ctx->target.pane;
    struct session *sess = ctx->target.session;
    struct client *c = cmd_overlay_client(ctx, args->flags['c'], sess);
    if (c == NULL)
        return -1;
    if (args->flags['C'] != NULL) {
        popup_close(c);
        return 0;
    }
    if (p == NULL && c->session != NULL && c->session->current != NULL) {
        p = c->session->current->window->active;
        sess = c->session;
    }
    struct popup_spec spec = {0};
    if (popup_side(ctx, args->flags['w'], c->cols, &spec.cols) != 0 ||
        popup_side(ctx, args->flags['h'], c->rows, &spec.rows) != 0)
        return -1;
    spec.lines = args->flags['b'] != NULL ? args->flags['b']
                                          : window_option(p, "popup-border-lines", "single");
    spec.border = args->flags['B'] == NULL && strcmp(spec.lines, "none") != 0;
    if (spec.cols < (spec.border ? 3 : 1) || spec.rows < (spec.border ? 3 : 1))
        return 0; /* as tmux: nothing to show */
    char err[256];
    const char *style = args->flags['s'] != NULL ? args->flags['s']
                                                 : window_option(p, "popup-style", "default");
    const char *border_style = args->flags['S'] != NULL
                                   ? args->flags['S']
                                   : window_option(p, "popup-border-style", "default");
    if (style_apply(&spec.style, style, err, sizeof err) != 0 ||
        style_apply(&spec.border_style, border_style, err, sizeof err) != 0) {
        cmd_error(ctx, "%s", err);
        return -1;
    }
    spec.close = args->count['E'] >= 2   ? POPUP_CLOSE_EXIT_ZERO
                 : args->count['E'] == 1 ? POPUP_CLOSE_EXIT
                                         : POPUP_CLOSE_NEVER;
    spec.x = cmd_overlay_position(ctx, c, p, args->flags['x'], false, spec.cols, c->cols);
    spec.y = cmd_overlay_position(ctx, c, p, args->flags['y'], true, spec.rows, c->rows);

    struct format_ctx f = {.server = ctx->server, .session = sess, .client = c};
    if (p != NULL) {
        f.pane = p;
        f.window = p->window;
    }
    format_defaults(&f);
    char *title = args->flags['T'] != NULL ? format_expand(&f, args->flags['T']) : NULL;
    spec.title = title;

    /* The command: the arguments joined, else default-command, else the shell. */
    char *command = NULL;
    for (int i = 0; i < args->argc; i++) {
        char *joined = command == NULL ? xstrdup(args->argv[i])
                                       : xasprintf("%s %s", command, args->argv[i]);
        free(command);
        command = joined;
    }
    if (command == NULL && sess != NULL)
        command = xstrdup(options_get_string(sess->options, "default-command"));
    const char *shell = sess != NULL ? options_get_string(sess->options, "default-shell") : "";
    if (*shell != '/' || access(shell, X_OK) != 0)
        shell = ctx->server->default_shell;
    char *cwd = args->flags['d'] != NULL ? format_expand(&f, args->flags['d'])
                                         : xstrdup(p != NULL && p->cwd != NULL ? p->cwd : "/");
    char **env = popup_environment(c, sess, args->env, args->nenv);
    struct job_pty_spawn spawn = {.command = command, .shell = shell, .cwd = cwd, .env = env};

    /* From a shell, the command returns when the popup closes. */
    if (ctx->client != NULL && ctx->client != c && !ctx->from_key)
        spec.waiting_client = ctx->client->id;
    bool opened = popup_open(c, &spec, &spawn, err, sizeof err);
    if (opened && spec.waiting_client != 0)
        ctx->wait = true;
    if (!opened)
        cmd_error(ctx, "%s", err);
    popup_environment_free(env);
    free(cwd);
    free(command);
    free(title);
    return opened ? 0 : -1;
}

const struct cmd_entry cmd_display_popup_entry = {
    .name = "display-popup",
    .alias = "popup",
    .spec = "BCEb:c:d:e:h:s:S:t:T:w:x:y:",
    .min_args = 0,
    .max_args = -1,
    .usage = "[-BCE] [-b border-lines] [-c target-client] [-d start-directory] "
             "[-e environment] [-h height] [-s style] [-S border-style] [-t target-pane]"
             "[-T title] [-w width] [-x position] [-y position] [shell-command]",
    .exec = cmd_display_popup_exec,
    .target = {'t', CMD_FIND_PANE, CMD_FIND_MAY_BE_MISSING},
};
