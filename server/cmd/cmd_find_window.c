/* cmd_find_window.c - find-window: the tree (choose-tree) in the target pane, showing
 * only the windows whose name (-N), pane title (-T) or visible text (-C) matches; all
 * three without any of them. The match is a pattern ("*text*") or, with -r, a regular
 * expression; -i ignores case, -Z zooms the pane while the tree shows. */
#include "cmd_impl.h"

#include <fnmatch.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chooser.h"
#include "client_state.h"
#include "regex_bound.h"
#include "vt.h"
#include "xmalloc.h"

struct find_match {
    bool name, title, content; /* -N -T -C */
    bool use_regex;            /* -r */
    bool compiled;             /* a bad expression matches nothing, as in tmux */
    regex_t re;
    char *pattern;             /* *match* for fnmatch */
    int fnm_flags;             /* FNM_CASEFOLD with -i */
};

static bool text_matches(const struct find_match *m, const char *text)
{
    if (m->use_regex)
        return m->compiled && regexec(&m->re, text, 0, NULL, 0) == 0;
    return fnmatch(m->pattern, text, m->fnm_flags) == 0;
}

/* Whether window w matches (any of its panes, for the title and the text). */
static bool window_matches(struct window *w, const void *arg)
{
    const struct find_match *m = arg;
    if (m->name && text_matches(m, w->name))
        return true;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        if (m->title && text_matches(m, vt_title(p->vt)))
            return true;
        for (int y = 0; m->content && y < vt_rows(p->vt); y++) {
            char line[4096];
            vt_line_text(p->vt, y, line, sizeof line);
            if (text_matches(m, line))
                return true;
        }
    }
    return false;
}

static int cmd_find_window_exec(struct cmd_ctx *ctx, struct cmd_args *args)
{
    struct find_match m = {
        .name = args->flags['N'] != NULL,
        .title = args->flags['T'] != NULL,
        .content = args->flags['C'] != NULL,
        .use_regex = args->flags['r'] != NULL,
        .fnm_flags = args->flags['i'] != NULL ? FNM_CASEFOLD : 0,
    };
    if (!m.name && !m.title && !m.content)
        m.name = m.title = m.content = true;
    const char *match = args->argv[0];
    if (m.use_regex) {
        int flags = REG_EXTENDED | REG_NOSUB | (args->flags['i'] != NULL ? REG_ICASE : 0);
        m.compiled = regcomp_bounded(&m.re, match, flags) == 0;
    } else
        m.pattern = xasprintf("*%s*", match);
    struct chooser_opts opts = {.zoom = args->flags['Z'] != NULL};
    struct client *c = cmd_find_client(ctx, NULL, true);
    chooser_open_tree(c, ctx->target.pane, &opts, window_matches, &m);
    if (m.compiled)
        regfree(&m.re);
    free(m.pattern);
    return 0;
}

const struct cmd_entry cmd_find_window_entry = {
    .name = "find-window",
    .alias = "findw",
    .spec = "CiNrTt:Z",
    .min_args = 1,
    .max_args = 1,
    .usage = "[-CiNrTZ] [-t target-pane] match-string",
    .target = {'t', CMD_FIND_PANE, 0},
    .exec = cmd_find_window_exec,
};
