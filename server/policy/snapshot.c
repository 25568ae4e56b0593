/* snapshot.c - writing the snapshot file (snapshot.h). A timer compares what the server
 * holds with what it wrote last and appends only the differences: the STATE record when
 * the structure, options, environment or buffers changed; for each pane, the rows whose
 * cells changed and its screen state (SCREEN), and the history lines scrolled off since
 * (HISTORY; each line is written once). The timer runs only when something happened: a
 * command ran (server.c's server_command_done calls snapshot_touch) or a pane wrote,
 * exited or went (notifications). It writes snapshot-interval seconds after the last
 * write, looks once more an interval later (what a change set going, an automatic
 * rename, shows then) and then sleeps: an idle server does not wake. Nothing runs on the
 * output path but a flag (and the timer armed if it is not). Finding what changed costs
 * no hashing of unchanged rows (their line versions, cell.h) and no formatting of
 * unchanged options (options_changes). When the file has grown to 4 times its last whole
 * size (+4 MiB) it is written whole again (a temporary file, fsync, rename). Records
 * carry a checksum, so a write cut by a crash loses only itself. The loop only builds a
 * write's bytes; the system calls that may wait for the disk are the writer thread's
 * (snapshot_writer.h), one write at a time. */
#include "snapshot.h"

#include <errno.h>
#include <event2/event.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "envset.h"
#include "grid.h"
#include "layout.h"
#include "log.h"
#include "model.h"
#include "notify.h"
#include "options.h"
#include "paste.h"
#include "quiet.h"
#include "server_state.h"
#include "session.h"
#include "sh_quote.h"
#include "snapshot_file.h"
#include "snapshot_writer.h"
#include "vt.h"
#include "vt_snapshot.h"
#include "window.h"
#include "xmalloc.h"

#define COMPACT_MIN (4u << 20) /* appended bytes beyond 4 x the last whole size before
                                  the file is written whole again */

/* What was last written of one pane. */
struct snap_track {
    uint32_t id;
    bool seen;
    int cols, rows;
    uint64_t hist_next;  /* absolute number (dropped + index) of the next line to write */
    uint64_t hist_hash;  /* hash of line hist_next - 1, to notice a history rewritten */
    uint64_t state_hash;
    uint64_t *rows_ver;  /* line versions written: main rows then alternate rows */
    bool has_head;
    uint64_t head;       /* the pane's output ring's head the last SCREEN stands for */
};

/* The bytes an option set was written as, while its changes count stays. kind: 0-2 the
 * global server, session, window sets (compared with the defaults), 3 a session's, 4 a
 * window's, 5 a pane's; id the object's (never reused while the server runs). */
struct opt_cache {
    uint8_t kind;
    uint32_t id;
    const struct options *o;
    uint64_t changes;
    bool seen;
    struct sbuf bytes;
};

struct snapshot {
    struct event *timer;
    struct event *work;  /* the tick's work, run at a quiet moment (quiet.h) */
    bool waiting;        /* the timer fired and the work waits for that moment */
    bool dirty;          /* something happened since the last write */
    bool output;         /* a pane wrote since the last tick (ring urgency) */
    bool recheck;        /* the last write had changes: look once more an interval on */
    struct opt_cache *oc;
    size_t noc;
    struct options *defaults[3]; /* the table's defaults of the three global scopes */
    int fd;              /* the file, open for appending; -1: the next write is whole */
    uint64_t size, full_size;
    struct sbuf last_state;
    struct snap_track *tracks;
    size_t ntracks;
    bool stopped;
    bool restored;       /* snapshot_restore took the file: do not move it aside */
    struct snap_writer *writer; /* the thread that does the disk work (made at the
                                   first write the loop does not wait for) */
    time_t last_write;
    uint64_t usec, bytes;
    unsigned writes;
    const struct snapshot_ring_ops *ring_ops; /* the keeper's: each pane's output ring */
    void *ring_arg;
};

static struct snapshot *snap_get(struct server *s)
{
    if (s->snapshot == NULL) {
        s->snapshot = xcalloc(1, sizeof *s->snapshot);
        s->snapshot->fd = -1;
    }
    return s->snapshot;
}

/* $XDG_STATE_HOME/tmx, else ~/.local/state/tmx. */
static bool state_dir(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg != NULL && *xdg == '/')
        n = snprintf(buf, size, "%s/tmx", xdg);
    else if (home != NULL && *home == '/')
        n = snprintf(buf, size, "%s/.local/state/tmx", home);
    else
        return false;
    return n > 0 && (size_t)n < size;
}

/* The file's name from the socket's label: the -L name as it is when it is a plain
 * name, else (a -S path) a hash of it. */
bool snapshot_label_path(const char *label, const char *suffix, char *buf, size_t size)
{
    char dir[4096];
    if (!state_dir(dir, sizeof dir))
        return false;
    if (label == NULL)
        label = "default";
    bool plain = *label != '\0' && *label != '.' && strlen(label) < 128;
    for (const char *p = label; *p != '\0'; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            plain = false;
    }
    int n;
    if (plain)
        n = snprintf(buf, size, "%s/%s%s", dir, label, suffix);
    else {
        uint32_t h = sbuf_crc32(0, label, strlen(label));
        n = snprintf(buf, size, "%s/S-%08x%s", dir, h, suffix);
    }
    return n > 0 && (size_t)n < size;
}

static bool snap_file(const struct server *s, const char *suffix, char *buf, size_t size)
{
    return snapshot_label_path(s->label, suffix, buf, size);
}

bool snapshot_path(const struct server *s, char *buf, size_t size)
{
    return snap_file(s, ".snap", buf, size);
}

bool snapshot_last_path(const struct server *s, char *buf, size_t size)
{
    return snap_file(s, ".last.snap", buf, size);
}

void snap_record(struct sbuf *out, uint8_t type, const struct sbuf *payload)
{
    size_t start = out->len;
    sbuf_byte(out, type);
    sbuf_u32(out, (uint32_t)payload->len);
    sbuf_put(out, payload->p, payload->len);
    sbuf_u32(out, sbuf_crc32(0, out->p + start, out->len - start));
}

static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t hash_line(const struct grid_line *l)
{
    uint64_t h = 0xcbf29ce484222325ull;
    int head[3] = {l->used, l->wrapped, l->mark};
    h = hash_bytes(h, head, sizeof head);
    if (l->used > 0)
        h = hash_bytes(h, l->cells, (size_t)l->used * sizeof *l->cells);
    return h;
}

/* Options a set holds itself (defaults NULL), or (a global set) those that differ from
 * the table's defaults: key and value as show -v prints them; an array as its name with
 * "" (empties it) then each item. */
static void put_opts(struct sbuf *b, const struct options *o, const struct options *defaults)
{
    struct sbuf items = {0};
    size_t n = 0;
    char buf[8192], dbuf[8192];
    for (const struct option_def *d = option_table; d->name != NULL; d++) {
        if (defaults == NULL) {
            if (!options_is_set(o, d->name))
                continue;
        } else {
            const char *v = options_to_string(o, d->name, buf, sizeof buf);
            const char *dv = options_to_string(defaults, d->name, dbuf, sizeof dbuf);
            if (strcmp(v, dv) == 0)
                continue;
        }
        if ((d->flags & OPTION_F_ARRAY) != 0) {
            sbuf_str(&items, d->name);
            sbuf_str(&items, "");
            n++;
            const char *value;
            for (long i = options_array_next(o, d->name, -1, &value); i >= 0;
                 i = options_array_next(o, d->name, i, &value)) {
                char key[300];
                snprintf(key, sizeof key, "%s[%ld]", d->name, i);
                sbuf_str(&items, key);
                sbuf_str(&items, value);
                n++;
            }
        } else {
            sbuf_str(&items, d->name);
            sbuf_str(&items, options_to_string(o, d->name, buf, sizeof buf));
            n++;
        }
    }
    for (const char *u = options_user_next(o, NULL); u != NULL; u = options_user_next(o, u)) {
        sbuf_str(&items, u);
        sbuf_str(&items, options_get_user(o, u, false));
        n++;
    }
    sbuf_varint(b, n);
    sbuf_put(b, items.p, items.len);
    sbuf_free(&items);
}

/* put_opts through the cache: formatted again only when the set changed. */
static void put_opts_cached(struct snapshot *sn, struct sbuf *b, uint8_t kind, uint32_t id,
                            const struct options *o, const struct options *defaults)
{
    struct opt_cache *e = NULL;
    for (size_t i = 0; i < sn->noc; i++) {
        if (sn->oc[i].kind == kind && sn->oc[i].id == id) {
            e = &sn->oc[i];
            break;
        }
    }
    if (e == NULL) {
        sn->oc = xreallocarray(sn->oc, sn->noc + 1, sizeof *sn->oc);
        e = &sn->oc[sn->noc++];
        memset(e, 0, sizeof *e);
        e->kind = kind;
        e->id = id;
    } else if (e->o == o && e->changes == options_changes(o)) {
        e->seen = true;
        sbuf_put(b, e->bytes.p, e->bytes.len);
        return;
    }
    e->o = o;
    e->changes = options_changes(o);
    e->seen = true;
    e->bytes.len = 0;
    put_opts(&e->bytes, o, defaults);
    sbuf_put(b, e->bytes.p, e->bytes.len);
}

/* Entries of objects that went. */
static void opt_cache_sweep(struct snapshot *sn)
{
    for (size_t i = 0; i < sn->noc;) {
        if (!sn->oc[i].seen) {
            sbuf_free(&sn->oc[i].bytes);
            sn->oc[i] = sn->oc[--sn->noc];
        } else
            sn->oc[i++].seen = false;
    }
}

static void opt_cache_free(struct snapshot *sn)
{
    for (size_t i = 0; i < sn->noc; i++)
        sbuf_free(&sn->oc[i].bytes);
    free(sn->oc);
    sn->oc = NULL;
    sn->noc = 0;
    for (int i = 0; i < 3; i++) {
        if (sn->defaults[i] != NULL)
            options_free(sn->defaults[i]);
        sn->defaults[i] = NULL;
    }
}

static void put_envs(struct sbuf *b, const struct envset *e)
{
    sbuf_varint(b, e != NULL ? e->n : 0);
    for (size_t i = 0; e != NULL && i < e->n; i++) {
        const struct environ_entry *v = &e->entries[i];
        sbuf_byte(b, (uint8_t)((v->hidden ? 1 : 0) | (v->value == NULL ? 2 : 0)));
        sbuf_str(b, v->name);
        sbuf_str(b, v->value);
    }
}

/* The command to run again: the pane's own when its first process is in the foreground
 * (as it was given: a string for the shell, or words), else the foreground process's
 * command line, words quoted for sh when they need it. */
static void foreground_command(const struct pane *p, pid_t pgrp, char *buf, size_t size)
{
    buf[0] = '\0';
    if (p->argc == 1 && (pgrp <= 0 || pgrp == p->pid)) {
        snprintf(buf, size, "%s", p->argv[0]);
        return;
    }
    if (pgrp <= 0)
        return;
    char path[64], raw[4096];
    snprintf(path, sizeof path, "/proc/%ld/cmdline", (long)pgrp);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return;
    ssize_t n = read(fd, raw, sizeof raw - 1);
    close(fd);
    (void)p;
    if (n <= 0)
        return;
    raw[n] = '\0';
    size_t len = 0;
    for (char *w = raw; w < raw + n; w += strlen(w) + 1) {
        char *word = sh_quote_word(w);
        int m = snprintf(buf + len, size - len, "%s%s", len > 0 ? " " : "", word);
        free(word);
        if (m < 0 || (size_t)m >= size - len) {
            buf[len] = '\0';
            return;
        }
        len += (size_t)m;
    }
}

static void pane_cwd(const struct pane *p, pid_t pgrp, char *buf, size_t size)
{
    pid_t pids[2] = {pgrp, p->pid};
    for (int i = 0; i < 2; i++) {
        if (pids[i] <= 0)
            continue;
        char link[64];
        snprintf(link, sizeof link, "/proc/%ld/cwd", (long)pids[i]);
        ssize_t n = readlink(link, buf, size - 1);
        if (n > 0) {
            buf[n] = '\0';
            return;
        }
    }
    snprintf(buf, size, "%s", p->cwd != NULL ? p->cwd : "/");
}

static uint32_t layout_pane_id(const struct pane *p)
{
    return p->id;
}

/* Every window once (a window linked in several sessions or twice). */
static struct window **all_windows(struct server *s, size_t *count)
{
    struct window **v = NULL;
    size_t n = 0;
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            size_t i;
            for (i = 0; i < n && v[i] != wl->window; i++)
                ;
            if (i == n) {
                v = xreallocarray(v, n + 1, sizeof *v);
                v[n++] = wl->window;
            }
        }
    }
    *count = n;
    return v;
}

static void put_state(struct server *s, struct sbuf *b, struct window **wins, size_t nwins)
{
    struct snapshot *sn = s->snapshot;
    sbuf_svarint(b, (int64_t)time(NULL));
    enum option_scope scopes[3] = {OPTION_SERVER, OPTION_SESSION, OPTION_WINDOW};
    struct options *sets[3] = {s->options, s->session_options, s->window_options};
    for (int i = 0; i < 3; i++) {
        if (sn->defaults[i] == NULL) {
            sn->defaults[i] = options_create(NULL);
            options_set_defaults(sn->defaults[i], scopes[i]);
        }
        put_opts_cached(sn, b, (uint8_t)i, 0, sets[i], sn->defaults[i]);
    }
    put_envs(b, s->environ);
    size_t nb = 0;
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &s->paste_buffers, entry)
        nb++;
    sbuf_varint(b, nb);
    TAILQ_FOREACH_REVERSE(pb, &s->paste_buffers, paste_list, entry) { /* oldest first */
        sbuf_str(b, pb->name);
        sbuf_bytes(b, pb->data, pb->size);
        sbuf_svarint(b, (int64_t)pb->created);
        sbuf_byte(b, pb->automatic ? 1 : 0);
    }
    size_t ns = 0;
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry)
        ns++;
    sbuf_varint(b, ns);
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        sbuf_svarint(b, sess->id);
        sbuf_str(b, sess->name);
        sbuf_str(b, sess->cwd);
        sbuf_str(b, sess->group != NULL ? sess->group->name : "");
        sbuf_svarint(b, (int64_t)sess->created);
        sbuf_svarint(b, sess->cols > 0 ? sess->cols : 80);
        sbuf_svarint(b, sess->rows > 0 ? sess->rows : 24);
        sbuf_svarint(b, sess->current != NULL ? sess->current->index : -1);
        put_envs(b, sess->environ);
        put_opts_cached(sn, b, 3, sess->id, sess->options, NULL);
        size_t nl = 0;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry)
            nl++;
        sbuf_varint(b, nl);
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            sbuf_svarint(b, wl->index);
            sbuf_svarint(b, wl->window->id);
        }
    }
    sbuf_varint(b, nwins);
    for (size_t i = 0; i < nwins; i++) {
        struct window *w = wins[i];
        sbuf_svarint(b, w->id);
        sbuf_str(b, w->name);
        sbuf_svarint(b, w->cols > 0 ? w->cols : 1);
        sbuf_svarint(b, w->rows > 0 ? w->rows : 1);
        char layout[8192] = "";
        if (w->layout != NULL && layout_dump(w->layout, layout_pane_id, layout, sizeof layout) >=
                                     sizeof layout)
            layout[0] = '\0';
        sbuf_str(b, layout);
        sbuf_svarint(b, w->active != NULL ? w->active->id : 0);
        sbuf_byte(b, w->zoomed ? 1 : 0);
        put_opts_cached(sn, b, 4, w->id, w->options, NULL);
        size_t np = 0;
        struct pane *p;
        TAILQ_FOREACH(p, &w->panes, entry)
            np++;
        sbuf_varint(b, np);
        TAILQ_FOREACH(p, &w->panes, entry) {
            pid_t pgrp = p->fd >= 0 && !p->eof ? tcgetpgrp(p->fd) : -1;
            char cwd[4096], cmd[8192];
            pane_cwd(p, pgrp, cwd, sizeof cwd);
            foreground_command(p, pgrp, cmd, sizeof cmd);
            sbuf_svarint(b, p->id);
            sbuf_str(b, cwd);
            sbuf_str(b, cmd);
            sbuf_varint(b, (uint64_t)p->argc);
            for (int k = 0; k < p->argc; k++)
                sbuf_str(b, p->argv[k]);
            bool shell = p->argc == 0 && (pgrp <= 0 || pgrp == p->pid);
            sbuf_byte(b, (uint8_t)((p->dead ? 1 : 0) | (shell ? 2 : 0) | (p->argc == 0 ? 4 : 0)));
            sbuf_svarint(b, p->reaped ? p->wait_status : 0);
            sbuf_svarint(b, p->pid);
            put_opts_cached(sn, b, 5, p->id, p->options, NULL);
        }
    }
    /* Last, so that a reader from before it stops at the windows: each window's manual
     * size (window-size manual: the size it was made with, or resize-window's). */
    sbuf_varint(b, nwins);
    for (size_t i = 0; i < nwins; i++) {
        sbuf_svarint(b, wins[i]->id);
        sbuf_svarint(b, wins[i]->manual_cols > 0 ? wins[i]->manual_cols : wins[i]->cols);
        sbuf_svarint(b, wins[i]->manual_rows > 0 ? wins[i]->manual_rows : wins[i]->rows);
    }
}

static struct snap_track *track_get(struct snapshot *sn, uint32_t id)
{
    for (size_t i = 0; i < sn->ntracks; i++)
        if (sn->tracks[i].id == id)
            return &sn->tracks[i];
    sn->tracks = xreallocarray(sn->tracks, sn->ntracks + 1, sizeof *sn->tracks);
    struct snap_track *t = &sn->tracks[sn->ntracks++];
    memset(t, 0, sizeof *t);
    t->id = id;
    t->cols = -1;
    return t;
}

static void tracks_clear(struct snapshot *sn)
{
    for (size_t i = 0; i < sn->ntracks; i++)
        free(sn->tracks[i].rows_ver);
    free(sn->tracks);
    sn->tracks = NULL;
    sn->ntracks = 0;
}

/* The records pane p needs: its new history lines and changed rows (everything when
 * the track is new or the size changed). */
static void pane_records(struct snapshot *sn, struct snap_track *t, struct pane *p,
                         struct sbuf *out)
{
    uint64_t head = 0, ring_size = 0;
    bool has_head = sn->ring_ops != NULL && sn->ring_ops->ring != NULL &&
                    sn->ring_ops->ring(sn->ring_arg, p, &head, &ring_size);
    const struct grid *main = vt_main_grid(p->vt), *alt = vt_snapshot_alt_grid(p->vt);
    int cols = vt_cols(p->vt), rows = vt_rows(p->vt);
    struct session *ws = window_session(p->window);
    int limit = (int)options_get_number(ws != NULL ? ws->options : p->server->session_options,
                                        "history-limit");
    bool fresh = t->cols != cols || t->rows != rows;
    if (fresh) {
        free(t->rows_ver);
        t->rows_ver = xcalloc((size_t)rows * 2, sizeof *t->rows_ver);
        t->cols = cols;
        t->rows = rows;
        t->hist_next = 0;
        t->state_hash = 0;
    }
    struct sbuf pl = {0};
    /* History: a width change rewraps it, a line pulled back (resize-pane -T) or
     * cleared changes what the numbers mean: then all of it again. */
    uint64_t dropped = grid_history_dropped(main);
    int hsize = grid_history_size(main);
    uint64_t end = dropped + (uint64_t)hsize;
    bool reset = fresh || end < t->hist_next;
    if (!reset && t->hist_next > dropped && t->hist_next <= end) {
        const struct grid_line *l = grid_history_line(main, (int)(t->hist_next - 1 - dropped));
        reset = l == NULL || hash_line(l) != t->hist_hash;
    }
    uint64_t from = reset ? dropped : (t->hist_next > dropped ? t->hist_next : dropped);
    if (reset || from < end) {
        sbuf_svarint(&pl, p->id);
        sbuf_byte(&pl, reset ? 1 : 0);
        sbuf_svarint(&pl, limit);
        sbuf_varint(&pl, end - from);
        const struct grid_line *l = NULL;
        for (uint64_t i = from; i < end; i++) {
            l = grid_history_line(main, (int)(i - dropped));
            vt_snapshot_put_line(&pl, p->vt, l);
        }
        if (l != NULL)
            t->hist_hash = hash_line(l);
        t->hist_next = end;
        snap_record(out, SNAP_REC_HISTORY, &pl);
        pl.len = 0;
    }
    /* The screen: state and changed rows. */
    struct sbuf state = {0};
    vt_snapshot_put_state(&state, p->vt);
    uint64_t sh = hash_bytes(0xcbf29ce484222325ull, state.p, state.len);
    size_t changed = 0;
    struct sbuf rowsb = {0};
    for (int a = 0; a < 2; a++) {
        const struct grid *g = a == 0 ? main : alt;
        /* No alternate screen yet: its rows are blank, which a restore makes of rows
         * no record names. */
        for (int y = 0; g != NULL && y < rows; y++) {
            /* A row changed when it holds another version than the one written: a
             * line gets a new version at each change and keeps it when it only moves
             * (scrolled to another row: another version than that row's). */
            const struct grid_line *l = grid_line_const(g, y);
            uint64_t v = l->version;
            if (!fresh && t->rows_ver[a * rows + y] == v)
                continue;
            t->rows_ver[a * rows + y] = v;
            sbuf_byte(&rowsb, (uint8_t)a);
            sbuf_svarint(&rowsb, y);
            vt_snapshot_put_line(&rowsb, p->vt, l);
            changed++;
        }
    }
    if (fresh || changed > 0 || sh != t->state_hash || has_head != t->has_head ||
        head != t->head) {
        t->state_hash = sh;
        t->has_head = has_head;
        t->head = head;
        sbuf_svarint(&pl, p->id);
        sbuf_svarint(&pl, cols);
        sbuf_svarint(&pl, rows);
        sbuf_svarint(&pl, limit);
        sbuf_bytes(&pl, state.p, state.len);
        sbuf_varint(&pl, changed);
        sbuf_put(&pl, rowsb.p, rowsb.len);
        /* Which bytes of the pane's output ring this screen has seen: a restore replays
         * the ring from there. */
        sbuf_byte(&pl, has_head ? 1 : 0);
        if (has_head)
            sbuf_varint(&pl, head);
        snap_record(out, SNAP_REC_SCREEN, &pl);
    }
    sbuf_free(&rowsb);
    sbuf_free(&state);
    sbuf_free(&pl);
}

/* A pane whose output ring has taken more than half its size since its last SCREEN:
 * written before the ring wraps past what the snapshot has seen. */
static bool snap_urgent(struct snapshot *sn, const struct snap_track *t, struct pane *p)
{
    uint64_t head, size;
    if (sn->ring_ops == NULL || sn->ring_ops->ring == NULL || !t->has_head ||
        !sn->ring_ops->ring(sn->ring_arg, p, &head, &size))
        return false;
    return head - t->head > size / 2;
}

static bool snap_any_urgent(struct server *s)
{
    struct snapshot *sn = s->snapshot;
    if (sn->ring_ops == NULL)
        return false;
    for (size_t i = 0; i < sn->ntracks; i++) {
        struct pane *p = session_find_pane(s, sn->tracks[i].id);
        if (p != NULL && snap_urgent(sn, &sn->tracks[i], p))
            return true;
    }
    return false;
}

static void snap_arm(struct server *s);

/* A job's result, in the loop: the file it made becomes the one appended to; a failed
 * write makes the next one whole (what was counted as written was not). The file being
 * the server's own (not a path given to snapshot_write_now): 'own'. */
static int snap_job_finish(struct server *s, struct snap_job *job, bool own, char *err,
                           size_t errsize)
{
    struct snapshot *sn = s->snapshot;
    int rc = job->failed == SNAP_JOB_OK ? 0 : -1;
    if (rc != 0)
        snap_job_error(job, err, errsize);
    if (own && job->whole && rc == 0) {
        if (sn->fd >= 0)
            close(sn->fd);
        sn->fd = job->fd; /* appends go on in it */
        sn->size = sn->full_size = job->len;
    } else if (own && !job->whole) {
        if (rc == 0)
            sn->size += job->len;
        else {
            close(sn->fd);
            sn->fd = -1; /* whole next time */
        }
    }
    if (rc != 0 && own) {
        tracks_clear(sn);
        sn->last_state.len = 0;
        sn->dirty = true; /* written again, whole or in full records, at the next tick */
    }
    log_debug("snapshot: %s%s %s, %zu bytes, disk wall %llu us", job->whole ? "whole " : "",
              job->path, rc == 0 ? "written" : "not written", job->len,
              (unsigned long long)job->wall_us);
    return rc;
}

/* The writer thread finished a job (in the loop, from its eventfd). */
static void snap_job_done(void *arg, struct snap_job *job)
{
    struct server *s = arg;
    char err[512];
    if (snap_job_finish(s, job, true, err, sizeof err) != 0)
        log_debug("snapshot: %s", err);
    snap_job_free(job);
    snap_arm(s);
}

/* Wait for the job that is out, if any, and apply its result: what a write the loop
 * waits for (and the stop) needs first. */
static void snap_writer_settle(struct snapshot *sn)
{
    if (sn != NULL && sn->writer != NULL)
        snap_writer_wait(sn->writer);
}

/* How a write reaches the disk. */
enum snap_how {
    SNAP_IN_THREAD, /* handed to the writer thread (the ticks): the result comes back
                     * through snap_job_done, a failure is only logged */
    SNAP_NOW,       /* in the loop, now; appends with their writeback started */
    SNAP_DURABLE,   /* in the loop, now, fsynced (exit, upgrade) */
};

/* Build what changed (everything when 'full') and write it: appended, or (full) to
 * path through a temporary file, fsync and rename. */
static int snap_write(struct server *s, bool full, enum snap_how how, bool urgent,
                      const char *path_override, char *err, size_t errsize)
{
    struct snapshot *sn = snap_get(s);
    if (how != SNAP_IN_THREAD)
        snap_writer_settle(sn);
    struct timespec t0, t1, c0, c1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c0);
    char path[4200], dir[4200];
    if (path_override != NULL)
        snprintf(path, sizeof path, "%s", path_override);
    else if (!snapshot_path(s, path, sizeof path) || !state_dir(dir, sizeof dir)) {
        snprintf(err, errsize, "no directory for snapshots (set HOME or XDG_STATE_HOME)");
        return -1;
    }
    if (path_override != NULL) {
        snprintf(dir, sizeof dir, "%s", path);
        char *slash = strrchr(dir, '/');
        if (slash != NULL)
            *slash = '\0';
        else
            snprintf(dir, sizeof dir, ".");
    }
    if (sn->fd < 0 || path_override != NULL)
        full = true;
    if (full && path_override == NULL)
        tracks_clear(sn);
    struct sbuf out = {0}, pl = {0};
    if (full) {
        sbuf_put(&out, SNAP_MAGIC, 8);
        sbuf_u32(&out, SNAP_VERSION);
        sbuf_u32(&out, 0);
    }
    size_t nwins;
    struct window **wins = all_windows(s, &nwins);
    put_state(s, &pl, wins, nwins);
    opt_cache_sweep(sn);
    /* The time alone changing is no change. */
    struct sbuf_reader tr;
    sbuf_reader_init(&tr, pl.p, pl.len);
    sbuf_get_svarint(&tr);
    size_t body = tr.off;
    if (full || path_override != NULL || (!urgent && (sn->last_state.len != pl.len - body ||
        memcmp(sn->last_state.p, pl.p + body, pl.len - body) != 0))) {
        snap_record(&out, SNAP_REC_STATE, &pl);
        if (path_override == NULL) {
            sn->last_state.len = 0;
            sbuf_put(&sn->last_state, pl.p + body, pl.len - body);
        }
    }
    sbuf_free(&pl);
    struct snap_track *scratch = NULL;
    for (size_t i = 0; i < sn->ntracks; i++)
        sn->tracks[i].seen = false;
    for (size_t i = 0; i < nwins; i++) {
        struct pane *p;
        TAILQ_FOREACH(p, &wins[i]->panes, entry) {
            struct snap_track *t;
            if (path_override != NULL) {
                scratch = xcalloc(1, sizeof *scratch);
                scratch->cols = -1;
                t = scratch;
            } else
                t = track_get(sn, p->id);
            t->seen = true;
            if (urgent && !snap_urgent(sn, t, p))
                continue;
            pane_records(sn, t, p, &out);
            if (scratch != NULL) {
                free(scratch->rows_ver);
                free(scratch);
                scratch = NULL;
            }
        }
    }
    free(wins);
    /* Tracks of panes that went. */
    for (size_t i = 0; !urgent && i < sn->ntracks;) {
        if (!sn->tracks[i].seen) {
            free(sn->tracks[i].rows_ver);
            sn->tracks[i] = sn->tracks[--sn->ntracks];
        } else
            i++;
    }
    sn->bytes += out.len;
    size_t out_len = out.len;
    int rc = 0;
    const char *how_said = "nothing new";
    if (full || out.len > 0) {
        struct snap_job *job = xcalloc(1, sizeof *job);
        job->whole = full;
        job->bytes = out.p; /* the job's now */
        job->len = out.len;
        job->path = xstrdup(path);
        job->dir = xstrdup(dir);
        job->tmp = xasprintf("%s.tmp", path);
        job->make_dir = path_override == NULL;
        job->keep_fd = path_override == NULL;
        job->fd = full ? -1 : sn->fd;
        job->offset = sn->size;
        job->durable = how == SNAP_DURABLE;
        out = (struct sbuf){0};
        if (how == SNAP_IN_THREAD && sn->writer == NULL && s->base != NULL &&
            (sn->writer = snap_writer_create(s->base, snap_job_done, s)) == NULL)
            log_debug("snapshot: no writer thread (%s): written in the loop", strerror(errno));
        if (how == SNAP_IN_THREAD && sn->writer != NULL) {
            snap_writer_submit(sn->writer, job); /* the loop does not wait for the disk */
            how_said = "handed to the writer";
        } else {
            how_said = "written in the loop";
            snap_job_run(job);
            rc = snap_job_finish(s, job, path_override == NULL, err, errsize);
            snap_job_free(job);
        }
    }
    sbuf_free(&out);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &c1);
    uint64_t us = (uint64_t)((t1.tv_sec - t0.tv_sec) * 1000000 + (t1.tv_nsec - t0.tv_nsec) / 1000);
    uint64_t cpu = (uint64_t)((c1.tv_sec - c0.tv_sec) * 1000000 + (c1.tv_nsec - c0.tv_nsec) / 1000);
    sn->usec += cpu;
    sn->writes++;
    log_debug("snapshot: %s%s, %zu bytes %s, cpu %llu us, loop wall %llu us (cpu total %llu us, "
              "%u writes)", full ? "whole " : "", path, out_len,
              how_said,
              (unsigned long long)cpu, (unsigned long long)us, (unsigned long long)sn->usec,
              sn->writes);
    return rc;
}

/* Whether a tick is coming: the timer, or its work waiting for a quiet moment. */
static bool snap_ticking(struct snapshot *sn)
{
    return sn->waiting || evtimer_pending(sn->timer, NULL);
}

/* Arm the timer for 'secs' from now unless a tick is coming (a shorter wait stands). */
static void snap_arm_in(struct snapshot *sn, long secs)
{
    if (snap_ticking(sn))
        return;
    struct timeval tv = {.tv_sec = secs > 0 ? secs : 1, .tv_usec = 0};
    evtimer_add(sn->timer, &tv);
}

/* When the timer is next needed, if at all: a
 * change to write (when the interval since the last write is up; each second while a
 * pane with an output ring writes, so that one is written before its ring wraps); one
 * more look after a write that had changes; otherwise never (an idle server sleeps). */
static void snap_arm(struct server *s)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL || sn->stopped || sn->timer == NULL)
        return;
    long interval = options_get_number(s->options, "snapshot-interval");
    if (interval <= 0 || (!sn->dirty && !sn->recheck))
        return;
    long left = interval;
    if (sn->dirty) {
        left = (long)(sn->last_write + interval - time(NULL));
        if (sn->output && sn->ring_ops != NULL && left > 1)
            left = 1;
    }
    snap_arm_in(sn, left < 1 ? 1 : left);
}

/* The tick's time has come; its work (building the records: the server's state read,
 * a few milliseconds of CPU with many panes) waits until no keystroke waits for its
 * echo. The disk's part is the writer thread's. */
static void snap_timer_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    struct snapshot *sn = s->snapshot;
    (void)fd;
    (void)events;
    if (sn->stopped || s->terminating || s->exiting)
        return;
    sn->waiting = true;
    quiet_run(s, sn->work);
}

static void snap_work_cb(evutil_socket_t fd, short events, void *arg)
{
    struct server *s = arg;
    struct snapshot *sn = s->snapshot;
    (void)fd;
    (void)events;
    sn->waiting = false;
    if (sn->stopped || s->terminating || s->exiting)
        return;
    if (snap_writer_busy(sn->writer)) {
        /* The last write has not reached the disk yet (a slow disk): what changed since
         * goes in the next one, a second later. One job out at a time. */
        snap_arm_in(sn, 1);
        return;
    }
    long interval = options_get_number(s->options, "snapshot-interval");
    time_t now = time(NULL);
    char err[512];
    if (interval > 0 && now - sn->last_write >= interval && (sn->dirty || sn->recheck) &&
        !TAILQ_EMPTY(&s->sessions)) {
        /* After a write with changes, one more look an interval later; after a look
         * with none, sleep until something happens. */
        sn->recheck = sn->dirty;
        sn->dirty = false;
        sn->last_write = now;
        bool full = sn->fd < 0 || sn->size > 4 * sn->full_size + COMPACT_MIN;
        if (snap_write(s, full, SNAP_IN_THREAD, false, NULL, err, sizeof err) != 0)
            log_debug("snapshot: %s", err);
    } else if (interval > 0 && sn->fd >= 0 && snap_any_urgent(s)) {
        if (snap_write(s, false, SNAP_IN_THREAD, true, NULL, err, sizeof err) != 0)
            log_debug("snapshot: %s", err);
    } else if (TAILQ_EMPTY(&s->sessions)) {
        sn->dirty = sn->recheck = false;
    }
    sn->output = false;
    snap_arm(s);
}

void snapshot_touch(struct server *s)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL)
        return;
    sn->dirty = true;
    if (sn->timer != NULL && !snap_ticking(sn))
        snap_arm(s);
}

void snapshot_notify(struct server *s, const struct notify *n)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL)
        return;
    switch (n->type) {
    case NOTIFY_PANE_OUTPUT:
        sn->output = true;
        /* The hot path: a flag while the timer is pending. */
        if (!sn->dirty || (sn->timer != NULL && !snap_ticking(sn)))
            snapshot_touch(s);
        break;
    case NOTIFY_PANE_FINISHED:
    case NOTIFY_PANE_GONE:
    case NOTIFY_PANE_RENAMED:
    case NOTIFY_WINDOW_LAYOUT:
        snapshot_touch(s);
        break;
    default:
        break;
    }
}

/* snapshot-interval 0: this server keeps no snapshot, so the file that stands for it goes
 * (the one it appended to, or the one it restored: a server-upgrade's hand-over, a dead
 * server's). Left there, it would be this server's after a kill -9: the next server would
 * bring back what the file held then (windows killed since, dead; the live panes beside
 * them at other indexes) instead of placing the keeper's panes by their tags. A write
 * still out lands first; the next write, if the interval comes back, is whole. */
static void snap_drop_file(struct server *s)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL || options_get_number(s->options, "snapshot-interval") != 0)
        return;
    if (snap_writer_busy(sn->writer))
        snap_writer_settle(sn); /* a whole file it is making would be the one to go */
    if (sn->fd < 0 && !sn->restored)
        return;
    if (sn->fd >= 0) {
        close(sn->fd);
        sn->fd = -1;
    }
    sn->restored = false;
    char path[4200];
    if (snapshot_path(s, path, sizeof path) && unlink(path) != 0 && errno != ENOENT)
        log_debug("snapshot: cannot remove %s: %s", path, strerror(errno));
}

void snapshot_interval_changed(struct server *s)
{
    snap_drop_file(s);
    snapshot_touch(s);
}

int snapshot_write_now(struct server *s, const char *path, char *err, size_t errsize)
{
    return snap_write(s, true, SNAP_DURABLE, false, path, err, errsize);
}

int snapshot_write_changes(struct server *s, char *err, size_t errsize)
{
    struct snapshot *sn = snap_get(s);
    snap_writer_settle(sn); /* the file a write still out makes is the one appended to */
    bool full = sn->fd < 0;
    return snap_write(s, full, full ? SNAP_DURABLE : SNAP_NOW, false, NULL, err, errsize);
}

void snapshot_init(struct server *s)
{
    struct snapshot *sn = snap_get(s);
    char path[4200], last[4200];
    if (!sn->restored && snapshot_path(s, path, sizeof path) &&
        snapshot_last_path(s, last, sizeof last) && access(path, F_OK) == 0) {
        /* A server died leaving its sessions: keep them for resurrect. */
        if (rename(path, last) != 0)
            log_debug("snapshot: cannot move %s aside: %s", path, strerror(errno));
    }
    if (!sn->restored && snapshot_path(s, path, sizeof path)) {
        /* A whole file a dead server had not renamed yet: the older one stands. */
        char tmp[4300];
        snprintf(tmp, sizeof tmp, "%s.tmp", path);
        unlink(tmp);
    }
    snap_drop_file(s); /* a restored file, with snapshots off */
    sn->timer = evtimer_new(s->base, snap_timer_cb, s);
    sn->work = event_new(s->base, -1, 0, snap_work_cb, s);
    sn->dirty = true; /* what the config and a restore made: written once */
    snap_arm(s);
}

void snapshot_stop(struct server *s, bool keep)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL || sn->stopped)
        return;
    /* A write still out finishes first: its rename must not come after the file is
     * removed (kill-server) or written whole (SIGTERM, an upgrade). */
    snap_writer_settle(sn);
    if (keep && !TAILQ_EMPTY(&s->sessions)) {
        char err[512];
        if (snap_write(s, true, SNAP_DURABLE, false, NULL, err, sizeof err) != 0)
            log_debug("snapshot: %s", err);
    }
    sn->stopped = true;
    snap_writer_free(sn->writer); /* nothing more to write: the thread ends */
    sn->writer = NULL;
    if (sn->timer != NULL)
        evtimer_del(sn->timer);
    if (sn->work != NULL) {
        quiet_cancel(s, sn->work);
        event_del(sn->work);
    }
    sn->waiting = false;
    if (sn->fd >= 0) {
        close(sn->fd);
        sn->fd = -1;
    }
    char path[4200];
    if (!keep && snapshot_path(s, path, sizeof path))
        unlink(path);
}

void snapshot_free(struct server *s)
{
    struct snapshot *sn = s->snapshot;
    if (sn == NULL)
        return;
    sn->stopped = true;
    snap_writer_free(sn->writer); /* a write still out finishes (and sets fd) first */
    if (sn->fd >= 0)
        close(sn->fd);
    if (sn->timer != NULL)
        event_free(sn->timer);
    if (sn->work != NULL) {
        quiet_cancel(s, sn->work);
        event_free(sn->work);
    }
    tracks_clear(sn);
    opt_cache_free(sn);
    sbuf_free(&sn->last_state);
    free(sn);
    s->snapshot = NULL;
}

void snapshot_set_ring_ops(struct server *s, const struct snapshot_ring_ops *ops, void *arg)
{
    struct snapshot *sn = snap_get(s);
    sn->ring_ops = ops;
    sn->ring_arg = arg;
}

void snapshot_stats(const struct server *s, uint64_t *usec, uint64_t *bytes, unsigned *writes)
{
    const struct snapshot *sn = s->snapshot;
    *usec = sn != NULL ? sn->usec : 0;
    *bytes = sn != NULL ? sn->bytes : 0;
    *writes = sn != NULL ? sn->writes : 0;
}

/* (snapshot_restore.c) The file was taken by a restore: not moved aside at init. */
void snapshot_mark_restored(struct server *s);
void snapshot_mark_restored(struct server *s)
{
    snap_get(s)->restored = true;
}
