/* snapshot_restore.c - an image of a snapshot file (snapshot_read.c) made into sessions,
 * windows and panes again (snapshot.h: snapshot_restore). Ids are kept when they are
 * free, so the keeper's pane ids and users' scripts still name the same panes. A pane's
 * program is the keeper's (adopted), gone (a dead pane showing its last screen), or run
 * again (resurrect: behind a "press Enter to run: CMD" prompt unless the window has
 * resurrect-restart on). Anything that cannot be made is said in the report and the
 * rest goes on. */
#include "snapshot.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "envset.h"
#include "environ.h"
#include "layout.h"
#include "model.h"
#include "option_effects.h"
#include "options.h"
#include "pane.h"
#include "paste.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "snapshot_file.h"
#include "vt.h"
#include "vt_snapshot.h"
#include "window.h"
#include "xmalloc.h"

void snapshot_mark_restored(struct server *s);

/* The prompt a resurrected command waits behind: $1 the command, $2 the shell to go on
 * with once it ends (empty: the pane ends with it). */
#define PROMPT_SCRIPT                                                                      \
    "printf '\\r\\n\\033[1mpress Enter to run:\\033[0m %s' \"$1\"; read -r _ || exit 0; " \
    "if [ -n \"$2\" ]; then /bin/sh -c \"$1\"; exec \"$2\"; else exec /bin/sh -c \"$1\"; fi"
#define RESTART_SCRIPT                                                                     \
    "if [ -n \"$2\" ]; then /bin/sh -c \"$1\"; exec \"$2\"; else exec /bin/sh -c \"$1\"; fi"

/* Modes of a program that is not there any more, undone before a new one starts: the
 * keyboard it asked for too (kitty flags of both screens, modifyOtherKeys) and a
 * hyperlink it left open. */
static const char reset_modes[] = "\033[<99u\033[?1049l\033[<99u\033[>4;0m\033]8;;\033\\"
                                  "\033[?1l\033>\033[?2004l\033[?1000l\033[?1002l"
                                  "\033[?1003l\033[?1006l\033[?1005l\033[?1015l\033[?9l"
                                  "\033[?1004l\033[?25h\033[0m";

static void apply_opts(struct snap_image *img, struct options *o, const struct snap_opts *opts,
                       const char *what)
{
    for (size_t i = 0; i < opts->n; i++) {
        const struct snap_opt *v = &opts->v[i];
        if (v->key == NULL || v->value == NULL)
            continue;
        char err[256] = "";
        int rc = 0;
        if (v->key[0] == '@') {
            options_set_user(o, v->key, v->value, false);
        } else {
            char name[256];
            long idx;
            if (options_parse_name(v->key, name, sizeof name, &idx) != 0 ||
                options_find(name) == NULL) {
                snprintf(err, sizeof err, "unknown option");
                rc = -1;
            } else if (idx >= 0)
                rc = options_set_item(o, name, idx, v->value, false, err, sizeof err);
            else
                rc = options_set(o, name, v->value, false, err, sizeof err);
        }
        if (rc != 0)
            snap_report(img, "%s option %s not restored: %s", what, v->key, err);
    }
}

static void apply_envs(struct envset *e, const struct snap_envs *envs)
{
    for (size_t i = 0; i < envs->n; i++) {
        if (envs->v[i].name != NULL && *envs->v[i].name != '\0')
            envset_set(e, envs->v[i].name, envs->v[i].value, envs->v[i].hidden);
    }
}

/* The saved cells into the pane's vt: history first (it goes through the top row),
 * then the rows of both screens, then the state (cursor, modes, title...). */
static void restore_cells(struct snap_image *img, struct pane *p, const struct snap_pdata *pd,
                          bool program_gone)
{
    if (pd == NULL || !pd->has_screen) {
        snap_report(img, "pane %%%u: no screen in the snapshot (it starts blank)", p->id);
        return;
    }
    if (vt_cols(p->vt) != pd->cols || vt_rows(p->vt) != pd->rows)
        vt_resize(p->vt, pd->cols, pd->rows);
    struct grid_line line = {0};
    for (size_t i = 0; i < pd->hist_n; i++) {
        const struct snap_line *sl = &pd->hist[(pd->hist_start + i) % pd->hist_cap];
        struct sbuf_reader r;
        sbuf_reader_init(&r, sl->p, sl->len);
        if (vt_snapshot_get_line(&r, p->vt, &line))
            vt_snapshot_push_history(p->vt, &line);
    }
    for (int a = 0; a < 2; a++) {
        const struct snap_line *rows = a == 0 ? pd->main : pd->alt;
        for (int y = 0; y < pd->rows; y++) {
            if (rows[y].p == NULL) {
                line.used = 0;
                line.wrapped = false;
            } else {
                struct sbuf_reader r;
                sbuf_reader_init(&r, rows[y].p, rows[y].len);
                if (!vt_snapshot_get_line(&r, p->vt, &line))
                    continue;
            }
            vt_snapshot_set_line(p->vt, a == 1, y, &line);
        }
    }
    grid_line_release(&line);
    struct sbuf_reader r;
    sbuf_reader_init(&r, pd->state, pd->state_len);
    if (!vt_snapshot_get_state(&r, p->vt))
        snap_report(img, "pane %%%u: its cursor, modes and title could not be restored", p->id);
    if (program_gone) {
        vt_feed(p->vt, reset_modes, sizeof reset_modes - 1);
        int x, y;
        vt_cursor(p->vt, &x, &y);
        if (x > 0)
            vt_feed(p->vt, "\r\n", 2);
    }
}

/* The ring's bytes the saved screen has not seen, into the vt: from the snapshot's
 * head on (all of the ring without one); a gap (the ring wrapped past it) is said. */
static void replay_ring(struct snap_image *img, struct pane *p, const struct snap_pdata *pd,
                        const struct snapshot_pane_live *live)
{
    const uint8_t *ring = live->ring;
    size_t len = live->ring_len;
    uint64_t start = live->head >= len ? live->head - len : 0;
    if (pd != NULL && pd->has_screen && pd->has_head) {
        if (pd->head > live->head) {
            snap_report(img, "pane %%%u: the snapshot is newer than its output ring: nothing "
                        "replayed", p->id);
            return;
        }
        if (pd->head < start)
            snap_report(img, "pane %%%u: %llu bytes the program wrote were lost (its ring "
                        "wrapped)", p->id, (unsigned long long)(start - pd->head));
        else {
            ring += pd->head - start;
            len -= (size_t)(pd->head - start);
        }
    }
    vt_feed(p->vt, ring, len);
}

struct restore {
    struct server *s;
    struct snap_image *img;
    enum snapshot_mode mode;
    const struct snapshot_restore_ops *ops;
    void *arg;
    struct window **made; /* per image window, once made */
    uint32_t max_pane, max_window, max_session;
};

static struct spawn_args pane_args(struct session *sess, const struct snap_pane *sp,
                                   const struct snap_pdata *pd, const struct window *w)
{
    session_child_environment(sess);
    bool sized = pd != NULL && pd->has_screen;
    return (struct spawn_args){
        .argc = sp->argc,
        .argv = sp->argv,
        .cwd = sp->cwd != NULL && *sp->cwd == '/' && access(sp->cwd, X_OK) == 0 ? sp->cwd
                                                                            : sess->cwd,
        .env = sess->env,
        .nenv = sess->nenv,
        .cols = sized ? pd->cols : w->cols,
        .rows = sized ? pd->rows : w->rows,
        .session = sess,
    };
}

/* Keep the command it was started with for respawn-pane (the prompt is not it). */
static void keep_argv(struct pane *p, const struct snap_pane *sp)
{
    for (int i = 0; i < p->argc; i++)
        free(p->argv[i]);
    free(p->argv);
    p->argc = sp->argc;
    p->argv = xcalloc((size_t)sp->argc + 1, sizeof *p->argv);
    for (int i = 0; i < sp->argc; i++)
        p->argv[i] = xstrdup(sp->argv[i]);
}

static struct pane *make_pane(struct restore *rs, struct window *w, struct session *sess,
                              const struct snap_pane *sp)
{
    struct server *s = rs->s;
    struct snap_pdata *pd = snap_image_pdata(rs->img, sp->id);
    struct spawn_args sa = pane_args(sess, sp, pd, w);
    uint32_t saved_next = s->next_pane_id;
    if (session_find_pane(s, sp->id) == NULL)
        s->next_pane_id = sp->id;
    struct pane *p = NULL;
    bool gone = true;
    struct snapshot_pane_live live = {.fd = -1};
    bool have_live = rs->ops != NULL && rs->ops->pane_live != NULL &&
                     rs->ops->pane_live(rs->arg, sp->id, &live);
    const struct snap_exit *ex = have_live ? NULL : snap_image_exit(rs->img, sp->id);
    if (ex != NULL) {
        /* Its program ended after the server died, and the keeper, left alone, wrote its
         * status and last output down as it went: the pane comes back dead with them. */
        have_live = true;
        live.pid = (pid_t)ex->pid;
        live.exited = true;
        live.wait_status = ex->status;
        live.ring = ex->bytes;
        live.ring_len = ex->len;
        live.head = ex->head;
    }
    char err[512] = "";
    if (have_live && live.fd >= 0 && !live.exited && rs->ops->adopt != NULL) {
        p = rs->ops->adopt(rs->arg, w, &sa, &live);
        gone = p == NULL;
        if (p == NULL)
            snap_report(rs->img, "pane %%%u: its program could not be adopted", sp->id);
    }
    if (p == NULL && rs->mode == SNAPSHOT_RESURRECT && !sp->dead && ex == NULL) {
        const char *cmd = sp->command != NULL ? sp->command : "";
        bool restart = options_get_number(w->options, "resurrect-restart") != 0;
        if (sp->shell || *cmd == '\0') {
            p = pane_spawn(w, &sa, err, sizeof err); /* a shell: just started again */
        } else {
            const char *shell = (sp->argc == 0) ? s->default_shell : "";
            const char *dshell = options_get_string(sess->options, "default-shell");
            if (sp->argc == 0 && dshell != NULL && *dshell == '/')
                shell = dshell;
            char *argv[] = {"/bin/sh", "-c", restart ? RESTART_SCRIPT : PROMPT_SCRIPT,
                            "tmx-resurrect", (char *)cmd, (char *)shell, NULL};
            struct spawn_args wa = sa;
            wa.argc = 6;
            wa.argv = argv;
            p = pane_spawn(w, &wa, err, sizeof err);
        }
        if (p == NULL)
            snap_report(rs->img, "pane %%%u: %s", sp->id, err);
        else
            keep_argv(p, sp);
    }
    if (p == NULL) {
        p = pane_create_empty(w, &sa);
        if (have_live && live.exited) {
            p->reaped = true;
            p->pid = live.pid; /* #{pane_pid} of the program that ended */
            p->wait_status = live.wait_status;
        } else if (sp->dead) {
            /* Dead when saved (remain-on-exit): its status as the server that saw the
             * exit showed it (#{pane_dead_status}, the "Pane is dead" line). */
            p->reaped = true;
            p->pid = (pid_t)sp->pid;
            p->wait_status = sp->status;
        }
    }
    if (s->next_pane_id != saved_next && p->id == sp->id) {
        if (sp->id + 1 > rs->max_pane)
            rs->max_pane = sp->id + 1;
        s->next_pane_id = saved_next > rs->max_pane ? saved_next : rs->max_pane;
    } else
        s->next_pane_id = saved_next > s->next_pane_id ? saved_next : s->next_pane_id;
    free(p->cwd);
    p->cwd = xstrdup(sa.cwd != NULL ? sa.cwd : "/");
    restore_cells(rs->img, p, pd, gone && rs->mode == SNAPSHOT_RESURRECT);
    if (have_live && live.ring != NULL && live.ring_len > 0)
        replay_ring(rs->img, p, pd, &live);
    return p;
}

/* The panes of an image window in the saved layout (a tiled one when it does not fit). */
static struct window *make_window(struct restore *rs, const struct snap_window *sw,
                                  struct session *sess)
{
    struct server *s = rs->s;
    uint32_t saved_next = s->next_window_id;
    bool keep_id = true;
    struct session *x;
    TAILQ_FOREACH(x, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &x->windows, entry)
            if (wl->window->id == sw->id)
                keep_id = false;
    }
    if (keep_id)
        s->next_window_id = sw->id;
    struct window *w = window_create(sess, sw->name);
    if (keep_id && sw->id + 1 > rs->max_window)
        rs->max_window = sw->id + 1;
    s->next_window_id = saved_next > rs->max_window ? saved_next : rs->max_window;
    if (!keep_id)
        s->next_window_id = saved_next > w->id + 1 ? saved_next : w->id + 1;
    window_set_name(w, sw->name != NULL ? sw->name : "");
    /* Its own size, not the session's: a window no client saw, or sized by hand
     * (window-size manual, resize-window), keeps it until a client shows it, as before. */
    if (sw->cols > 0 && sw->rows > 0) {
        w->cols = sw->cols;
        w->rows = sw->rows;
    }
    w->manual_cols = sw->manual_cols > 0 ? sw->manual_cols : w->cols;
    w->manual_rows = sw->manual_rows > 0 ? sw->manual_rows : w->rows;
    apply_opts(rs->img, w->options, &sw->opts, "window");
    struct pane *first = NULL;
    for (size_t i = 0; i < sw->npanes; i++) {
        struct pane *p = make_pane(rs, w, sess, &sw->panes[i]);
        apply_opts(rs->img, p->options, &sw->panes[i].opts, "pane");
        if (first == NULL) {
            window_add_first_pane(w, p);
            first = p;
        } else {
            TAILQ_INSERT_TAIL(&w->panes, p, entry);
            options_set_parent(p->options, w->options);
        }
        server_pane_apply_log(s, p);
    }
    if (first == NULL) {
        snap_report(rs->img, "window @%u (%s) had no panes: left out", sw->id,
                    sw->name != NULL ? sw->name : "");
        window_free(w);
        return NULL;
    }
    int n = (int)sw->npanes, rows = w->rows; /* the layout covers the whole window */
    char err[256] = "";
    struct layout_cell *root = sw->layout != NULL && *sw->layout != '\0'
                                   ? layout_parse(sw->layout, err, sizeof err)
                                   : NULL;
    if (root != NULL && layout_count_leaves(root) != n) {
        layout_free(root);
        root = NULL;
        snprintf(err, sizeof err, "it does not have %d panes", n);
    }
    if (root == NULL) {
        if (n > 1)
            snap_report(rs->img, "window @%u: layout not restored (%s): tiled instead", sw->id,
                        err);
        root = layout_preset_build(LAYOUT_TILED, n, w->cols, rows, 0, window_status_edge(w));
    }
    struct layout_cell *lc = layout_first_leaf(root);
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry) {
        lc->pane = p;
        p->cell = lc;
        lc = layout_next_leaf(lc);
    }
    layout_free(w->layout);
    w->layout = root;
    layout_resize(root, w->cols, rows);
    TAILQ_FOREACH(p, &w->panes, entry)
        if (p->id == sw->active)
            window_set_active(w, p);
    window_relayout(w);
    if (sw->zoomed && n > 1)
        window_zoom(w, true);
    return w;
}

static struct window *window_for(struct restore *rs, uint32_t id, struct session *sess)
{
    for (size_t i = 0; i < rs->img->nwindows; i++) {
        if (rs->img->windows[i].id != id)
            continue;
        if (rs->made[i] == NULL)
            rs->made[i] = make_window(rs, &rs->img->windows[i], sess);
        return rs->made[i];
    }
    snap_report(rs->img, "window @%u is not in the snapshot", id);
    return NULL;
}

static void restore_buffers(struct server *s, struct snap_image *img)
{
    for (size_t i = 0; i < img->nbuffers; i++) {
        struct snap_buffer *b = &img->buffers[i];
        if (b->name == NULL || b->data == NULL || paste_find(s, b->name) != NULL)
            continue;
        struct paste_buffer *pb = paste_set(s, b->name, (char *)b->data, b->size);
        b->data = NULL; /* taken */
        pb->automatic = b->automatic;
        pb->created = (time_t)b->created;
    }
}

int snapshot_restore(struct server *s, const char *path, enum snapshot_mode mode,
                     const struct snapshot_restore_ops *ops, void *arg, char **report)
{
    struct snap_image img;
    *report = NULL;
    if (snap_image_read(&img, path) != 0) {
        *report = img.report;
        img.report = NULL;
        snap_image_free(&img);
        return -1;
    }
    if (mode == SNAPSHOT_ADOPT)
        snapshot_mark_restored(s);
    int made = snap_restore_image(s, &img, mode, ops, arg);
    *report = img.report;
    img.report = NULL;
    snap_image_free(&img);
    return made;
}

int snap_restore_image(struct server *s, struct snap_image *img, int mode,
                       const struct snapshot_restore_ops *ops, void *arg)
{
    struct restore rs = {.s = s, .img = img, .mode = (enum snapshot_mode)mode, .ops = ops, .arg = arg};
    rs.made = xcalloc(img->nwindows + 1, sizeof *rs.made);
    bool fresh = TAILQ_EMPTY(&s->sessions);
    if (fresh) {
        /* Into a server of its own: the global options and environment as they were. */
        apply_opts(img, s->options, &img->server_opts, "server");
        apply_opts(img, s->session_options, &img->session_opts, "session");
        apply_opts(img, s->window_options, &img->window_opts, "window");
        if (s->environ == NULL)
            s->environ = envset_create();
        apply_envs(s->environ, &img->env);
    }
    restore_buffers(s, img);
    int made = 0;
    for (size_t i = 0; i < img->nsessions; i++) {
        const struct snap_session *ss = &img->sessions[i];
        if (ss->name == NULL || !session_valid_name(ss->name)) {
            snap_report(img, "a session without a valid name: left out");
            continue;
        }
        if (session_find(s, ss->name) != NULL) {
            snap_report(img, "session %s exists already: left as it is", ss->name);
            continue;
        }
        uint32_t saved_next = s->next_session_id;
        bool keep_id = session_find_id(s, ss->id) == NULL;
        if (keep_id)
            s->next_session_id = ss->id;
        struct session *sess = session_create(s, ss->name, ss->cwd, NULL, 0, ss->cols, ss->rows);
        if (keep_id && ss->id + 1 > rs.max_session)
            rs.max_session = ss->id + 1;
        s->next_session_id = saved_next > rs.max_session ? saved_next : rs.max_session;
        if (!keep_id)
            s->next_session_id = saved_next > sess->id + 1 ? saved_next : sess->id + 1;
        sess->created = (time_t)ss->created;
        apply_envs(sess->environ, &ss->env);
        apply_opts(img, sess->options, &ss->opts, "session");
        struct winlink *current = NULL;
        for (size_t j = 0; j < ss->nlinks; j++) {
            if (session_window_at(sess, ss->links[j].index) != NULL)
                continue;
            struct window *w = window_for(&rs, ss->links[j].window, sess);
            if (w == NULL)
                continue;
            struct winlink *wl = session_link_window(sess, w, ss->links[j].index);
            if (ss->links[j].index == ss->current)
                current = wl;
        }
        if (TAILQ_EMPTY(&sess->windows)) {
            snap_report(img, "session %s had no window that could be restored", ss->name);
            session_free(sess);
            continue;
        }
        if (current != NULL)
            session_select_window(sess, current);
        if (ss->group != NULL && *ss->group != '\0')
            session_group_add(sess, session_group_find(s, ss->group), ss->group);
        made++;
    }
    free(rs.made);
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry)
        session_redraw(s, sess, REDRAW_FULL);
    return made;
}

/* The resurrectable lines of the snapshot at path: its sessions, but those s (if any)
 * has live. */
static char *resurrectable(struct server *s, const char *path)
{
    if (access(path, F_OK) != 0)
        return NULL;
    struct snap_image img;
    if (snap_image_read(&img, path) != 0) {
        snap_image_free(&img);
        return NULL;
    }
    struct sbuf out = {0};
    char when[64] = "";
    time_t t = (time_t)img.saved;
    struct tm tm;
    if (localtime_r(&t, &tm) != NULL)
        strftime(when, sizeof when, "%a %b %e %H:%M:%S %Y", &tm);
    for (size_t i = 0; i < img.nsessions; i++) {
        const struct snap_session *ss = &img.sessions[i];
        if (ss->name == NULL || (s != NULL && session_find(s, ss->name) != NULL))
            continue;
        char line[4400];
        snprintf(line, sizeof line, "%s: %zu windows (saved %s) [resurrectable]\n", ss->name,
                 ss->nlinks, when);
        sbuf_put(&out, line, strlen(line));
    }
    snap_image_free(&img);
    if (out.len == 0)
        return NULL;
    sbuf_byte(&out, 0);
    return (char *)out.p;
}

char *snapshot_resurrectable(struct server *s)
{
    char path[4200];
    if (!snapshot_last_path(s, path, sizeof path))
        return NULL;
    return resurrectable(s, path);
}

char *snapshot_resurrectable_label(const char *label)
{
    char path[4200];
    const char *suffixes[] = {".snap", ".last.snap"};
    for (int i = 0; i < 2; i++) {
        if (!snapshot_label_path(label, suffixes[i], path, sizeof path))
            return NULL;
        char *text = resurrectable(NULL, path);
        if (text != NULL)
            return text;
    }
    return NULL;
}
