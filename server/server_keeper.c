/* server_keeper.c - adoption of the keeper's panes at start and the keeper's reports
 * (see server_keeper.h). Until a snapshot of the screens exists, an adopted pane is put
 * back where its tag says: its session (made if missing), its window index and name;
 * panes that shared a window come back as windows of their own. */
#include "server_keeper.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <event2/event.h>

#include "cmd_up.h"
#include "config.h"
#include "keeper_link.h"
#include "keeper_proto.h"
#include "keeper_ring.h"
#include "layout.h"
#include "log.h"
#include "options.h"
#include "pane.h"
#include "server_state.h"
#include "session.h"
#include "snapshot.h"
#include "vt_snapshot.h"
#include "window.h"
#include "xmalloc.h"

static void server_keeper_exited(void *arg, uint32_t id, pid_t pid, int status)
{
    struct server *s = arg;
    struct pane *p = session_find_pane(s, id);
    if (p != NULL && pane_child_exited(p, pid, status))
        log_debug("pane %%%u: child %ld exited, status %d", id, (long)pid, status);
}

/* The keeper died (killed by hand): the programs it started go on, their ptys are still
 * ours, but nobody will report their exits; each pane ends with its output. */
static void server_keeper_lost(void *arg)
{
    struct server *s = arg;
    log_debug("the keeper is gone: panes end at their pty's EOF");
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct pane *p;
            TAILQ_FOREACH(p, &wl->window->panes, entry)
                pane_keeper_lost(p);
        }
    }
}

/* FNV-1a: whether a pane's place changed since the keeper was told. */
static uint32_t server_keeper_hash(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h != 0 ? h : 1;
}

/* Tell the keeper where each pane is now (session, index, window name), for a server
 * that comes back with no snapshot of it. Only changes are sent. Run after each command
 * (server_keeper_tags_now) and shortly after a pane starts (server_keeper_tags_soon),
 * never on its own: an idle server sleeps. A window renamed automatically is not told
 * (the next server names it again). */
static void server_keeper_tag_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    (void)fd;
    (void)events;
    if (s->keeper == NULL)
        return;
    /* How long the keeper waits for a server once all its programs ended, and the
     * snapshot it leaves their statuses in (keeper_link sends only a change). */
    long grace = options_get_number(s->options, "keeper-exit-grace");
    char snap[4096];
    if (options_get_number(s->options, "snapshot-interval") == 0 ||
        !snapshot_path(s, snap, sizeof snap))
        snap[0] = '\0';
    keeper_link_keep(s->keeper, grace > 0 ? (uint32_t)grace : KEEPER_GRACE_FOREVER, snap);
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            if (TAILQ_FIRST(&w->links) != wl)
                continue; /* a window in several sessions: its first link names it */
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->fd < 0 || p->pid <= 0)
                    continue;
                char *tag = xasprintf("%s\t%d\t%d\t%s", sess->name, wl->index,
                                      window_pane_index(w, p), w->name != NULL ? w->name : "");
                uint32_t h = server_keeper_hash(tag);
                if (h != p->keeper_tag) {
                    keeper_link_tag(s->keeper, p->id, tag);
                    p->keeper_tag = h;
                }
                free(tag);
            }
        }
    }
}

void server_keeper_tags_now(struct server *s)
{
    if (s->keeper_timer == NULL)
        return;
    evtimer_del(s->keeper_timer); /* told now: nothing left for later */
    server_keeper_tag_cb(-1, 0, s);
}

void server_keeper_tags_soon(struct server *s)
{
    if (s->keeper_timer == NULL)
        return;
    struct timeval soon = {0, 20000};
    evtimer_add(s->keeper_timer, &soon);
}

/* The snapshot's view of a pane's output ring: each saved screen keeps the head it
 * stands for (snapshot.h). A read that ended inside a sequence (or a UTF-8 character)
 * left bytes that did nothing yet: the screen stands for the stream before them, so the
 * head is put back to where that sequence began and a replay feeds it whole, never its
 * middle (which would print as text). */
static bool server_keeper_ring(void *arg, const struct pane *p, uint64_t *head, uint64_t *size)
{
    (void)arg;
    if (p->ring == NULL)
        return false;
    size_t len;
    const unsigned char *win = keeper_ring_window(p->ring, head, &len);
    *size = p->ring->size;
    if (p->vt != NULL && len > 0) {
        size_t look = len < 65536 ? len : 65536;
        *head -= vt_snapshot_unfinished(p->vt, win + len - look, look);
    }
    return true;
}

static const struct snapshot_ring_ops server_keeper_ring_ops = {
    .ring = server_keeper_ring,
};

static const struct keeper_link_ops server_keeper_ops = {
    .exited = server_keeper_exited,
    .lost = server_keeper_lost,
};

/* An adopted pane's place, from its tag. */
struct adopt_place {
    struct keeper_adopted *a;
    char *tag;         /* the copy the fields point into */
    const char *sname; /* NULL: not a session name: a new unnamed session */
    int windex, pindex;
    const char *wname;
};

static void adopt_place_parse(struct adopt_place *pl, struct keeper_adopted *a)
{
    pl->a = a;
    pl->tag = xstrdup(a->tag);
    char *f[4] = {pl->tag, NULL, NULL, NULL};
    for (int i = 1; i < 4; i++) {
        f[i] = f[i - 1] != NULL ? strchr(f[i - 1], '\t') : NULL;
        if (f[i] != NULL)
            *f[i]++ = '\0';
    }
    pl->sname = session_valid_name(f[0]) ? f[0] : NULL;
    pl->windex = f[1] != NULL ? atoi(f[1]) : -1;
    pl->pindex = f[2] != NULL ? atoi(f[2]) : 0;
    pl->wname = f[3] != NULL && *f[3] != '\0' ? f[3] : "adopted";
}

/* By session, window index, pane index: the order they are put back in. */
static int adopt_place_cmp(const void *x, const void *y)
{
    const struct adopt_place *a = x, *b = y;
    int c = strcmp(a->sname != NULL ? a->sname : "", b->sname != NULL ? b->sname : "");
    if (c != 0)
        return c;
    if (a->windex != b->windex)
        return a->windex < b->windex ? -1 : 1;
    if (a->pindex != b->pindex)
        return a->pindex < b->pindex ? -1 : 1;
    return a->a->id < b->a->id ? -1 : a->a->id > b->a->id;
}

/* One adopted pane: below the previous one when they shared a window (the layout comes
 * back with a snapshot), else in a window of its own at the index its tag names. */
static struct pane *server_keeper_adopt(struct server *s, const struct adopt_place *pl,
                                        const struct adopt_place *prev, struct pane *prev_pane)
{
    struct keeper_adopted *a = pl->a;
    int cols = a->cols > 0 ? a->cols : 80, rows = a->rows > 0 ? a->rows : 24;
    struct session *sess = pl->sname != NULL ? session_find(s, pl->sname) : NULL;
    if (sess == NULL)
        sess = session_create(s, pl->sname, NULL, NULL, 0, cols, rows + 1);
    struct pane *p = NULL;
    struct window *w = NULL;
    if (prev != NULL && prev_pane != NULL && pl->sname != NULL && prev->sname != NULL &&
        strcmp(pl->sname, prev->sname) == 0 && pl->windex == prev->windex && pl->windex >= 0 &&
        prev_pane->window != NULL && prev_pane->cell != NULL) {
        w = prev_pane->window;
        struct layout_cell *leaf = layout_split(prev_pane->cell, LAYOUT_TOPBOTTOM, -1, false, NULL);
        if (leaf != NULL) {
            w->layout = layout_root(leaf);
            struct spawn_args sa = {.cols = leaf->sx, .rows = leaf->sy, .session = sess};
            p = pane_adopt(w, &sa, a, true);
            window_insert_pane(w, p, leaf, NULL, false);
        }
    }
    if (p == NULL) {
        int index = pl->windex;
        if (index < 0 || session_window_at(sess, index) != NULL)
            index = session_next_index(sess, (int)options_get_number(sess->options, "base-index"));
        w = window_create(sess, pl->wname);
        struct spawn_args sa = {.cols = cols, .rows = rows, .session = sess};
        p = pane_adopt(w, &sa, a, true);
        window_add_first_pane(w, p);
        session_link_window(sess, w, index);
    }
    if (a->exited) {
        /* It ended with no server to see it: kept on screen with its status. */
        char err[128];
        options_set(w->options, "remain-on-exit", "on", false, err, sizeof err);
        pane_child_exited(p, a->pid, a->status);
    }
    if (p->id >= s->next_pane_id)
        s->next_pane_id = p->id + 1;
    log_debug("adopted pane %%%u (pid %ld, %zu bytes kept%s) into %s", p->id, (long)a->pid,
              a->ring_len, a->exited ? ", ended" : "", sess->name);
    return p;
}

/* The keeper's panes, as the snapshot's restore asks for them by id. */
struct adopt_ctx {
    struct keeper_adopted *adopted;
    bool *taken;
    size_t n;
};

static bool server_keeper_pane_live(void *arg, uint32_t pane_id, struct snapshot_pane_live *live)
{
    struct adopt_ctx *ac = arg;
    for (size_t i = 0; i < ac->n; i++) {
        struct keeper_adopted *a = &ac->adopted[i];
        if (a->id != pane_id || ac->taken[i])
            continue;
        ac->taken[i] = true; /* adopted by the restore, or made dead by it */
        *live = (struct snapshot_pane_live){.fd = a->fd, .pid = a->pid, .ring = a->ring,
                                            .ring_len = a->ring_len, .head = a->ring_len,
                                            .exited = a->exited, .wait_status = a->status};
        if (a->shared != NULL) {
            /* The shared ring: its last bytes up to its head, in place (the restore
             * replays those after the head its saved screen stands for). */
            live->ring = keeper_ring_window(a->shared, &live->head, &live->ring_len);
        }
        return true;
    }
    return false;
}

/* The restore made the window and asks for the pane around a live program: its screen
 * and the ring are the restore's to fill, so the pane starts empty. */
static struct pane *server_keeper_restore_adopt(void *arg, struct window *w,
                                                const struct spawn_args *args,
                                                const struct snapshot_pane_live *live)
{
    struct adopt_ctx *ac = arg;
    for (size_t i = 0; i < ac->n; i++) {
        struct keeper_adopted *a = &ac->adopted[i];
        if (a->pid != live->pid || a->fd != live->fd || a->fd < 0)
            continue;
        return pane_adopt(w, args, a, false); /* takes its fd and ring */
    }
    return NULL;
}

static const struct snapshot_restore_ops server_keeper_restore_ops = {
    .pane_live = server_keeper_pane_live,
    .adopt = server_keeper_restore_adopt,
};

void server_keeper_start(struct server *s, int started)
{
    char *path = xasprintf("%s.keeper", s->socket_path);
    char err[512];
    struct keeper_adopted *adopted = NULL;
    size_t nadopted = 0;
    s->keeper = keeper_link_open(s->base, path, s->label, started, KEEPER_RING_DEFAULT,
                                 &server_keeper_ops, s, &adopted, &nadopted, err, sizeof err);
    size_t n = nadopted;
    free(path);
    if (s->keeper == NULL) {
        log_debug("no keeper (%s): panes are forked by the server", err);
        return;
    }
    /* The screens, layouts and history the dead server left in its snapshot come back
     * first, around the live programs; the panes it did not know (spawned after its last
     * write) are put back by their tags. */
    bool *taken = n > 0 ? xcalloc(n, sizeof *taken) : NULL;
    char snap[4096];
    if (n > 0 && snapshot_path(s, snap, sizeof snap) && access(snap, F_OK) == 0) {
        struct adopt_ctx ac = {adopted, taken, n};
        char *report = NULL;
        int r = snapshot_restore(s, snap, SNAPSHOT_ADOPT, &server_keeper_restore_ops, &ac, &report);
        cmd_up_restore(s); /* tmx up's services of the sessions it brought back */
        log_debug("snapshot %s: %d sessions restored%s%s", snap, r, report != NULL ? ": " : "",
                  report != NULL ? report : "");
        /* What it could not bring back (a damaged file, one of another version) is shown
         * to the first client that attaches, with the config's errors; the programs are
         * adopted all the same (by their tags when the file could not be read). */
        for (char *save = NULL, *line = report != NULL ? strtok_r(report, "\n", &save) : NULL;
             line != NULL; line = strtok_r(NULL, "\n", &save))
            config_add_cause(s, "snapshot %s: %s", snap, line);
        if (r < 0 && report == NULL)
            config_add_cause(s, "snapshot %s could not be read: the programs were adopted "
                             "without their screens", snap);
        free(report);
    }
    size_t left = 0;
    struct adopt_place *pl = n > 0 ? xcalloc(n, sizeof *pl) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (!taken[i])
            adopt_place_parse(&pl[left++], &adopted[i]);
    }
    free(taken);
    n = left;
    if (n > 1)
        qsort(pl, n, sizeof *pl, adopt_place_cmp);
    struct pane *prev = NULL;
    for (size_t i = 0; i < n; i++)
        prev = server_keeper_adopt(s, &pl[i], i > 0 ? &pl[i - 1] : NULL, prev);
    for (size_t i = 0; i < n; i++)
        free(pl[i].tag);
    free(pl);
    keeper_link_adopted_free(adopted, nadopted);
    snapshot_set_ring_ops(s, &server_keeper_ring_ops, s);
    s->keeper_timer = evtimer_new(s->base, server_keeper_tag_cb, s);
    server_keeper_tags_soon(s);
}

void server_keeper_stop(struct server *s)
{
    keeper_link_bye(s->keeper);
    keeper_link_free(s->keeper);
    s->keeper = NULL;
}
