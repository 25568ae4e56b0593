/* cmd_select_layout.c - select-layout, next-layout, previous-layout: a preset or a
 * layout string for a window's panes. */
#include "cmd_impl.h"

#include <stdlib.h>

#include "layout.h"
#include "notify.h"
#include "options.h"
#include "redraw.h"
#include "window.h"
#include "xmalloc.h"

/* Show w's panes, in list order, in the leaves of root (as many as there are panes). */
static void use_layout(struct window *w, struct layout_cell *root)
{
    struct layout_cell *lc = layout_first_leaf(root);
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        lc->pane = p;
        p->cell = lc;
        lc = layout_next_leaf(lc);
    }
    layout_free(w->layout);
    w->layout = root;
    w->zoomed = false;
    layout_resize(root, w->cols, w->rows); /* the whole window (window_relayout) */
    window_relayout(w);
}

static int count_panes(const struct window *w)
{
    int n = 0;
    const struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry)
        n++;
    return n;
}

/* A size option of the main-* layouts: lines (columns), or N% of total; -1 if bad. */
static int size_option(const struct window *w, const char *name, int total)
{
    const char *v = options_get_string(w->options, name);
    char *end;
    long n = strtol(v, &end, 10);
    if (end == v || n < 0)
        return -1;
    if (*end == '%' && end[1] == '\0') /* of what the border leaves, as tmux */
        return n > 100 ? -1 : (int)((total - 1) * n / 100);
    return *end == '\0' && n <= total ? (int)n : -1;
}

/* The main pane's size in main-horizontal (height) or main-vertical (width), as tmux:
 * main-pane-height (or -width), 24 (80) when bad; other-pane-height (or -width), when
 * set, takes what it leaves to the other panes from the main pane. */
static int main_size_of(const struct window *w, bool vertical, int total)
{
    int size = size_option(w, vertical ? "main-pane-width" : "main-pane-height", total);
    if (size < 0)
        size = vertical ? 80 : 24;
    if (size + 1 >= total)
        return size;
    int other = size_option(w, vertical ? "other-pane-width" : "other-pane-height", total);
    if (other > 0 && other <= total && total - other >= size)
        size = total - other - 1;
    return size;
}

static void apply_preset(struct window *w, int preset)
{
    int rows = w->rows; /* the layout covers the whole window */
    int main_size = 0;
    if (preset == LAYOUT_MAIN_VERTICAL)
        main_size = main_size_of(w, true, w->cols);
    else if (preset == LAYOUT_MAIN_HORIZONTAL)
        main_size = main_size_of(w, false, rows);
    use_layout(w, layout_preset_build(preset, count_panes(w), w->cols, rows, main_size,
                                      window_status_edge(w)));
    w->preset = preset;
}

/* The next (step 1) or previous (-1) preset after the one last used. */
static int cycle(const struct window *w, int step)
{
    int from = w->preset;
    if (from < 0)
        from = step > 0 ? -1 : 0;
    return (from + step + LAYOUT_PRESET_COUNT) % LAYOUT_PRESET_COUNT;
}

static uint32_t layout_pane_id(const struct pane *p)
{
    return p->id;
}

/* The window's layout string now (for -o later). Caller frees. */
static char *dump_layout(const struct window *w)
{
    char buf[8192];
    size_t n = w->layout != NULL ? layout_dump(w->layout, layout_pane_id, buf, sizeof buf) : 0;
    return n > 0 && n < sizeof buf ? xstrdup(buf) : NULL;
}

static int select_layout(struct cmd_ctx *ctx, struct cmd_args *args, struct window *w,
                         char *old);

/* select-layout: the layout before the change is kept for -o (undo), as tmux does. */
static int cmd_select_layout_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct window *w = ctx->target.window;
    char *old = w->old_layout;
    w->old_layout = dump_layout(w);
    int rc = select_layout(ctx, args, w, old);
    if (rc != 0) {
        free(w->old_layout);
        w->old_layout = old;
    } else
        free(old);
    return rc;
}

static int select_layout(struct cmd_ctx *ctx, struct cmd_args *args, struct window *w,
                         char *old)
{
    struct session *sess = ctx->target.session;
    if (args->flags['E'] != NULL && args->flags['n'] == NULL && args->flags['p'] == NULL) {
        /* -E: the target pane and its neighbours spread out evenly. */
        window_zoom(w, false);
        if (layout_spread(ctx->target.pane != NULL ? ctx->target.pane->cell : w->active->cell))
            window_relayout(w);
        session_redraw(ctx->server, sess, REDRAW_STATUS);
        return 0;
    }
    if (args->flags['o'] != NULL && args->argc == 0 && args->flags['n'] == NULL &&
        args->flags['p'] == NULL) {
        /* -o: back to the layout before the last change, if there was one. */
        if (old == NULL)
            return 0;
        args->argc = 1;
        args->argv = &old;
    }
    if (args->flags['n'] != NULL)
        apply_preset(w, cycle(w, 1));
    else if (args->flags['p'] != NULL)
        apply_preset(w, cycle(w, -1));
    else if (args->argc == 0)
        apply_preset(w, w->preset >= 0 ? w->preset : LAYOUT_EVEN_HORIZONTAL);
    else {
        const char *name = args->argv[0];
        int preset = layout_preset_find(name);
        if (preset >= 0) {
            apply_preset(w, preset);
        } else {
            char err[256];
            struct layout_cell *root = layout_parse(name, err, sizeof err);
            if (root == NULL) {
                cmd_error(ctx, "select-layout: %s (presets: even-horizontal, even-vertical, "
                          "main-horizontal, main-vertical, tiled)", err);
                return -1;
            }
            int leaves = layout_count_leaves(root), panes = count_panes(w);
            if (leaves != panes) {
                layout_free(root);
                cmd_error(ctx, "select-layout: the layout has %d panes, window %d has %d",
                          leaves, ctx->target.wl != NULL ? ctx->target.wl->index : 0, panes);
                return -1;
            }
            use_layout(w, root);
        }
    }
    session_redraw(ctx->server, sess, REDRAW_STATUS);
    notify_emit(ctx->server, &(struct notify){.type = NOTIFY_WINDOW_LAYOUT, .pane = w->active});
    /* tmux 3.3a tells window-layout-changed twice here (the layout, then the command). */
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    window_notify(w, NOTIFY_WINDOW_LAYOUT_CHANGED);
    return 0;
}

static int cmd_next_layout_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    args->flags['n'] = "";
    args->flags['E'] = args->flags['o'] = NULL;
    return cmd_select_layout_exec(ctx, args);
}

static int cmd_previous_layout_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    args->flags['p'] = "";
    args->flags['E'] = args->flags['o'] = NULL;
    return cmd_select_layout_exec(ctx, args);
}

const struct cmd_entry cmd_next_layout_entry = {
    .name = "next-layout",
    .alias = "nextl",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_next_layout_exec,
};

const struct cmd_entry cmd_previous_layout_entry = {
    .name = "previous-layout",
    .alias = "prevl",
    .spec = "t:",
    .min_args = 0,
    .max_args = 0,
    .usage = "[-t target-window]",
    .target = {'t', CMD_FIND_WINDOW, 0},
    .exec = cmd_previous_layout_exec,
};

const struct cmd_entry cmd_select_layout_entry = {
    .name = "select-layout",
    .alias = "selectl",
    .spec = "Enopt:",
    .min_args = 0,
    .max_args = 1,
    .usage = "[-Enop] [-t target-pane] [layout-name]",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_select_layout_exec,
};
