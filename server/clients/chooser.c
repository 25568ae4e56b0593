/* chooser.c - choose-tree, choose-window and choose-buffer (see chooser.h), pane modes
 * on the pane-mode interface (pane_mode.h). Items name sessions and windows by id,
 * buffers by name, and are checked again when used: they may have gone meanwhile.
 * choose-tree also lists the sessions of each host in the remote-hosts option: one job
 * a host (`tmx -H HOST ls`), its rows filled in when it answers; Enter on one makes the
 * client `tmx -H HOST attach` to it (detach-client -E). */
#include "chooser.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>

#include "client_message.h"
#include "client_state.h"
#include "key_bindings.h"
#include "keys.h"
#include "message_log.h"
#include "options.h"
#include "cmd.h"
#include "format.h"
#include "job.h"
#include "notify.h"
#include "pane.h"
#include "pane_line.h"
#include "pane_mode.h"
#include "paste.h"
#include "redraw.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "style.h"
#include "vt.h"
#include "window.h"
#include "xmalloc.h"

/* What a chooser lists. */
enum chooser_kind { CHOOSER_TREE, CHOOSER_BUFFERS, CHOOSER_CLIENTS, CHOOSER_CUSTOMIZE };

struct chooser_item {
    uint32_t client_id;    /* choose-client: the client */
    char *command;         /* customize-mode: run for Enter (with %% the new value), or NULL */
    char *unset;           /* customize-mode: run for d (unset the option, unbind the key) */
    uint32_t session_id;
    uint32_t window_id;    /* 0 with is_session */
    bool is_session;
    char *buffer_name;     /* choose-buffer: the buffer, else NULL */
    size_t size;           /* choose-buffer: its size (-O size) */
    char *host;            /* choose-tree: a remote-hosts host's row, else NULL */
    char *remote_session;  /* ...one of its sessions (NULL: listing, or why not) */
    char *text;
    key_code key;          /* its shortcut key (-K), KEYC_NONE for none */
};

/* One host's `tmx -H HOST ls` while the chooser waits for it. */
struct chooser_remote {
    struct chooser *ch;
    struct pane *pane;
    char *host;
};

struct chooser {
    struct chooser_item *items;
    size_t n, selected, top;
    bool buffers;          /* choose-buffer */
    enum chooser_kind kind;
    char *template;        /* choose-client: run with %% the chosen client */
    char *format, *filter; /* choose-client -F, -f */
    bool reverse, sort_name; /* -r, -O name */
    int sort_buffers;      /* choose-buffer -O: 0 time (newest first), 1 name, 2 size */
    bool no_preview;       /* -N: the list takes the whole pane */
    bool zoomed;           /* -Z zoomed the window: unzoomed when the mode leaves */
    uint32_t pane_id;      /* the pane it is in: where choose-buffer's Enter pastes */
    uint32_t owner_id;     /* the client it was opened for: it leaves with it */
    struct chooser_remote **remotes; /* hosts still listing */
    size_t nremotes;
    struct server *server;
    char *key_format;      /* -K, or tmux's default */
};

/* tmux's default -K: lines 0 to 9 are their digit, 10 to 35 M-a to M-z. */
#define CHOOSER_KEY_FORMAT                                                                   \
    "#{?#{e|<:#{line},10},#{line},#{?#{e|<:#{line},36},M-#{a:#{e|+:97,#{e|-:#{line},10}}},}}"

/* Each item's shortcut key: the key format expanded for it with #{line} its row in the
 * list (a session and window of choose-tree, a buffer, a client). */
static void assign_keys(struct chooser *ch, struct server *srv)
{
    for (size_t i = 0; i < ch->n; i++) {
        struct chooser_item *it = &ch->items[i];
        it->key = KEYC_NONE;
        if (ch->key_format == NULL || *ch->key_format == '\0')
            continue;
        char line[32];
        snprintf(line, sizeof line, "%zu", i);
        const char *vars[] = {"line", line, NULL};
        struct format_ctx f = {.server = srv, .vars = vars};
        if (ch->kind == CHOOSER_CLIENTS) {
            struct client *o;
            TAILQ_FOREACH(o, &srv->clients, entry) {
                if (o->id == it->client_id)
                    break;
            }
            f.client = o;
            f.session = o != NULL ? o->session : NULL;
        } else if (ch->buffers) {
            f.buffer = paste_find(srv, it->buffer_name);
        } else if (ch->kind == CHOOSER_TREE) {
            /* A remote host's row has only #{line}. */
            f.session = it->host == NULL ? session_find_id(srv, it->session_id) : NULL;
            struct winlink *wl = NULL;
            if (f.session != NULL && !it->is_session) {
                TAILQ_FOREACH(wl, &f.session->windows, entry) {
                    if (wl->window->id == it->window_id)
                        break;
                }
            }
            f.wl = wl;
            f.window = wl != NULL ? wl->window : NULL;
            f.pane = f.window != NULL ? f.window->active : NULL;
        } else
            continue;
        char *name = format_expand(&f, ch->key_format);
        if (*name != '\0')
            it->key = key_from_name(name);
        free(name);
    }
}

/* A row of the list: "(KEY) " padded to the widest key of the list, then its text. */
static char *item_row(const struct chooser *ch, const struct chooser_item *it)
{
    size_t width = 0;
    char name[64];
    for (size_t i = 0; i < ch->n; i++) {
        if (ch->items[i].key == KEYC_NONE)
            continue;
        size_t len = strlen(key_to_name(ch->items[i].key, name, sizeof name)) + 3;
        if (len > width)
            width = len;
    }
    if (width == 0)
        return xstrdup(it->text);
    char key[80] = "";
    if (it->key != KEYC_NONE)
        snprintf(key, sizeof key, "(%s)", key_to_name(it->key, name, sizeof name));
    return xasprintf("%-*s%s", (int)width, key, it->text);
}

/* tree-mode and buffer-mode, as tmux names them (#{pane_mode}). */
static const struct pane_mode tree_mode, buffer_mode, client_mode, options_mode;

/* The pane's chooser when it is the mode shown, else NULL. */
static struct chooser *chooser_of(struct pane *p)
{
    return p->mode == &tree_mode || p->mode == &buffer_mode || p->mode == &client_mode ||
                   p->mode == &options_mode
               ? p->mode_data
               : NULL;
}

/* Clients showing the pane draw it again. */
static void redraw(struct pane *p)
{
    if (p->window != NULL)
        window_redraw(p->window, REDRAW_STATUS);
}

/* Put the chooser on pane p (a fresh one if it is in that mode already). */
static void enter(struct pane *p, const struct pane_mode *mode, struct chooser *ch)
{
    pane_mode_remove(p, mode);
    ch->pane_id = p->id;
    pane_mode_push(p, mode, ch);
    redraw(p);
}

/* Leave the chooser (the pane shows what was under it again). */
static void leave(struct pane *p)
{
    if (chooser_of(p) == NULL)
        return;
    pane_mode_pop(p);
    redraw(p);
}

static void add_item(struct chooser *ch, struct session *s, struct window *w, char *text)
{
    ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
    ch->items[ch->n++] = (struct chooser_item){.session_id = s->id,
                                               .window_id = w != NULL ? w->id : 0,
                                               .is_session = w == NULL,
                                               .text = text};
}

void chooser_open(struct client *c, bool sessions_only)
{
    struct pane *p = c->session != NULL && c->session->current != NULL
                         ? c->session->current->window->active
                         : NULL;
    if (p == NULL)
        return;
    struct chooser_opts opts = {0};
    chooser_open_tree(c, p, &opts, sessions_only, NULL, NULL);
}

/* s in single quotes for sh ('\'' for a quote). */
static char *sh_quote(const char *s)
{
    size_t n = 3;
    for (const char *c = s; *c != '\0'; c++)
        n += *c == '\'' ? 4 : 1;
    char *out = xmalloc(n), *o = out;
    *o++ = '\'';
    for (const char *c = s; *c != '\0'; c++) {
        if (*c == '\'') {
            memcpy(o, "'\\''", 4);
            o += 4;
        } else
            *o++ = *c;
    }
    *o++ = '\'';
    *o = '\0';
    return out;
}

/* This tmx, -L/-S as this server was started, -H host: the start of a command line. */
static char *remote_prefix(struct server *srv, const char *host)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        snprintf(exe, sizeof exe, "tmx");
    else
        exe[n] = '\0';
    const char *label = srv->label != NULL ? srv->label : "default";
    char *qe = sh_quote(exe), *ql = sh_quote(label), *qh = sh_quote(host);
    char *line = xasprintf("%s %s %s -H %s", qe, *label == '/' ? "-S" : "-L", ql, qh);
    free(qe);
    free(ql);
    free(qh);
    return line;
}

static void insert_items(struct chooser *ch, size_t at, const struct chooser_item *items,
                         size_t count)
{
    ch->items = xreallocarray(ch->items, ch->n + count, sizeof *ch->items);
    memmove(ch->items + at + count, ch->items + at, (ch->n - at) * sizeof *ch->items);
    memcpy(ch->items + at, items, count * sizeof *items);
    ch->n += count;
    if (ch->selected >= at && ch->n > count)
        ch->selected += count; /* the same row stays selected */
}

static void remote_forget(struct chooser *ch, struct chooser_remote *rq)
{
    for (size_t i = 0; i < ch->nremotes; i++) {
        if (ch->remotes[i] == rq) {
            ch->remotes[i] = ch->remotes[--ch->nremotes];
            break;
        }
    }
    free(rq->host);
    free(rq);
}

/* A host answered: its "listing" row becomes a row per session, or says why not. */
static void remote_listed(void *arg, const char *output, size_t len, int status)
{
    struct chooser_remote *rq = arg;
    struct chooser *ch = rq->ch;
    size_t at = 0;
    while (at < ch->n && !(ch->items[at].host != NULL && strcmp(ch->items[at].host, rq->host) == 0 &&
                           ch->items[at].remote_session == NULL))
        at++;
    if (at == ch->n) {
        remote_forget(ch, rq);
        return;
    }
    struct chooser_item *rows = NULL;
    size_t nrows = 0;
    char why[160] = "";
    for (size_t off = 0; off < len;) {
        const char *line = output + off, *nl = memchr(line, '\n', len - off);
        size_t ll = nl != NULL ? (size_t)(nl - line) : len - off;
        off += ll + 1;
        int windows = 0, attached = 0, used = 0;
        char *copy = xstrndup(line, ll);
        if (copy[0] == '=' && sscanf(copy + 1, "%d %d %n", &windows, &attached, &used) == 2 &&
            used > 0 && copy[1 + used] != '\0') {
            const char *name = copy + 1 + used;
            rows = xreallocarray(rows, nrows + 1, sizeof *rows);
            rows[nrows++] = (struct chooser_item){
                .host = xstrdup(rq->host), .remote_session = xstrdup(name),
                .text = xasprintf("(%s) %s: %d windows%s", rq->host, name, windows,
                                  attached > 0 ? " (attached)" : "")};
        } else if (why[0] == '\0' && ll > 0) {
            snprintf(why, sizeof why, "%s", copy);
            for (char *c = why; *c != '\0'; c++) {
                if ((unsigned char)*c < 32)
                    *c = ' ';
            }
        }
        free(copy);
    }
    struct chooser_item *old = &ch->items[at];
    free(old->text);
    if (nrows == 0)
        old->text = xasprintf("(%s) %s", rq->host,
                              why[0] != '\0' ? why : status == 0 ? "no sessions" : "no answer");
    else {
        /* The listing row becomes the first session's; the others go after it. */
        free(old->host);
        *old = rows[0];
        insert_items(ch, at + 1, rows + 1, nrows - 1);
    }
    free(rows);
    assign_keys(ch, ch->server); /* the rows below moved */
    struct pane *p = rq->pane;
    remote_forget(ch, rq);
    redraw(p);
}

/* A "listing" row and a job for each host of remote-hosts. */
static void remote_list(struct chooser *ch, struct pane *p)
{
    struct server *srv = p->server;
    const char *host;
    for (long i = options_array_next(srv->options, "remote-hosts", -1, &host); i >= 0;
         i = options_array_next(srv->options, "remote-hosts", i, &host)) {
        if (*host == '\0' || *host == '-')
            continue;
        char *prefix = remote_prefix(srv, host);
        char *command = xasprintf("exec %s ls -F '=#{session_windows} #{session_attached} "
                                  "#{session_name}' </dev/null", prefix);
        free(prefix);
        struct chooser_remote *rq = xcalloc(1, sizeof *rq);
        rq->ch = ch;
        rq->pane = p;
        rq->host = xstrdup(host);
        ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
        ch->items[ch->n++] = (struct chooser_item){
            .host = xstrdup(host), .text = xasprintf("(%s) listing sessions...", host)};
        char err[256];
        if (job_run(srv, command, NULL, remote_listed, rq, err, sizeof err) == NULL) {
            free(ch->items[ch->n - 1].text);
            ch->items[ch->n - 1].text = xasprintf("(%s) %s", host, err);
            free(rq->host);
            free(rq);
        } else {
            ch->remotes = xreallocarray(ch->remotes, ch->nremotes + 1, sizeof *ch->remotes);
            ch->remotes[ch->nremotes++] = rq;
        }
        free(command);
    }
}

/* Enter on a remote session: this client becomes `tmx -H HOST attach -t =NAME`. */
static void choose_remote(struct client *c, const struct chooser_item *it)
{
    char *prefix = remote_prefix(c->server, it->host);
    char *target = xasprintf("=%s", it->remote_session);
    char *qt = sh_quote(target);
    char *line = xasprintf("exec %s attach -t %s", prefix, qt);
    char *argv[] = {"detach-client", "-E", line, NULL};
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_argv(&ctx, 3, argv);
    client_command_done(c, &ctx, false);
    free(line);
    free(qt);
    free(target);
    free(prefix);
}

/* Whether window w of s passes choose-tree's -f (a format true for it). */
static bool tree_filter(struct server *srv, const char *filter, struct session *s,
                        struct window *w)
{
    if (filter == NULL)
        return true;
    struct format_ctx f = {.server = srv, .session = s, .window = w,
                           .pane = w != NULL ? w->active : NULL};
    char *keep = format_expand(&f, filter);
    bool yes = *keep != '\0' && strcmp(keep, "0") != 0;
    free(keep);
    return yes;
}

void chooser_open_tree(struct client *c, struct pane *p, const struct chooser_opts *opts,
                       bool sessions_only, bool (*match)(struct window *w, const void *arg),
                       const void *arg)
{
    struct server *srv = p->server;
    struct session *cur = c != NULL ? c->session : NULL;
    struct chooser *ch = xcalloc(1, sizeof *ch);
    ch->owner_id = c != NULL ? c->id : 0;
    bool filtered = match != NULL || opts->filter != NULL;
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry) {
        /* Filtered: only the windows that pass, under their sessions. */
        int shown = 0;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            struct window *w = wl->window;
            if ((match == NULL || match(w, arg)) && tree_filter(srv, opts->filter, s, w))
                shown++;
        }
        if (filtered && shown == 0)
            continue;
        int attached = 0;
        struct client *o;
        TAILQ_FOREACH(o, &srv->clients, entry)
            attached += o->attached && o->session == s;
        add_item(ch, s, NULL,
                 xasprintf("(%c) %s: %d windows%s", s == cur ? '*' : ' ', s->name,
                           session_count_windows(s), attached > 0 ? " (attached)" : ""));
        if (s == cur && sessions_only)
            ch->selected = ch->n - 1;
        if (sessions_only)
            continue;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            struct window *w = wl->window;
            if (filtered &&
                !((match == NULL || match(w, arg)) && tree_filter(srv, opts->filter, s, w)))
                continue;
            add_item(ch, s, w,
                     xasprintf("    %d: %s%s", wl->index, w->name,
                               wl == s->current ? "*" : wl == s->last ? "-" : ""));
            if (s == cur && wl == s->current)
                ch->selected = ch->n - 1;
        }
    }
    /* Other hosts' sessions (remote-hosts), not when filtered (no windows to match). */
    ch->server = srv;
    if (!filtered)
        remote_list(ch, p);
    if (ch->n == 0 && !filtered) {
        free(ch);
        return; /* nothing to choose from: the mode does not start */
    }
    /* Filtered to nothing (find-window), it shows empty, as tmux's does. */
    if (opts->reverse && ch->n > 0) {
        for (size_t i = 0; i < ch->n / 2; i++) {
            struct chooser_item t = ch->items[i];
            ch->items[i] = ch->items[ch->n - 1 - i];
            ch->items[ch->n - 1 - i] = t;
        }
        ch->selected = ch->n - 1 - ch->selected;
    }
    ch->template = opts->template != NULL ? xstrdup(opts->template) : NULL;
    ch->key_format = xstrdup(opts->key_format != NULL ? opts->key_format : CHOOSER_KEY_FORMAT);
    assign_keys(ch, srv);
    enter(p, &tree_mode, ch);
    if (opts->zoom && p->window != NULL && !p->window->zoomed) {
        window_set_active(p->window, p);
        window_zoom(p->window, true);
        ch->zoomed = true;
    }
}

static void free_items(struct chooser *ch)
{
    for (size_t i = 0; i < ch->n; i++) {
        free(ch->items[i].text);
        free(ch->items[i].buffer_name);
        free(ch->items[i].command);
        free(ch->items[i].unset);
        free(ch->items[i].host);
        free(ch->items[i].remote_session);
    }
    free(ch->items);
    ch->items = NULL;
    ch->n = 0;
}

/* choose-buffer -O name and -O size: by name, or the largest first then by name. */
static int buffer_name_cmp(const void *a, const void *b)
{
    return strcmp(((const struct chooser_item *)a)->buffer_name,
                  ((const struct chooser_item *)b)->buffer_name);
}

static int buffer_size_cmp(const void *a, const void *b)
{
    const struct chooser_item *x = a, *y = b;
    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return strcmp(x->buffer_name, y->buffer_name);
}

/* One item per paste buffer, newest first as list-buffers shows them (or -O name,
 * size), those the -f format is true for, each "name: " and -F's text (default the
 * size and sample); -r reverses. */
static void list_buffers(struct chooser *ch, struct server *s)
{
    struct paste_buffer *pb;
    TAILQ_FOREACH(pb, &s->paste_buffers, entry) {
        struct format_ctx f = {.server = s, .buffer = pb};
        if (ch->filter != NULL) {
            char *keep = format_expand(&f, ch->filter);
            bool yes = *keep != '\0' && strcmp(keep, "0") != 0;
            free(keep);
            if (!yes)
                continue;
        }
        char *text;
        if (ch->format != NULL) {
            char *item = format_expand(&f, ch->format);
            text = xasprintf("%s: %s", pb->name, item);
            free(item);
        } else
            text = format_expand(&f, "#{buffer_name}: #{buffer_size} bytes: #{buffer_sample}");
        ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
        ch->items[ch->n++] = (struct chooser_item){
            .buffer_name = xstrdup(pb->name), .size = pb->size, .text = text};
    }
    if (ch->n > 0 && ch->sort_buffers == 1)
        qsort(ch->items, ch->n, sizeof *ch->items, buffer_name_cmp);
    else if (ch->n > 0 && ch->sort_buffers == 2)
        qsort(ch->items, ch->n, sizeof *ch->items, buffer_size_cmp);
    if (ch->reverse) {
        for (size_t i = 0; i < ch->n / 2; i++) {
            struct chooser_item t = ch->items[i];
            ch->items[i] = ch->items[ch->n - 1 - i];
            ch->items[ch->n - 1 - i] = t;
        }
    }
    if (ch->selected >= ch->n)
        ch->selected = ch->n > 0 ? ch->n - 1 : 0;
    assign_keys(ch, s);
}

void chooser_open_buffers(struct client *c, struct pane *p, const struct chooser_opts *opts)
{
    struct chooser *ch = xcalloc(1, sizeof *ch);
    ch->owner_id = c->id;
    ch->buffers = true;
    ch->template = opts->template != NULL ? xstrdup(opts->template) : NULL;
    ch->format = opts->format != NULL ? xstrdup(opts->format) : NULL;
    ch->filter = opts->filter != NULL ? xstrdup(opts->filter) : NULL;
    ch->reverse = opts->reverse;
    ch->no_preview = opts->no_preview;
    if (opts->sort != NULL && strcmp(opts->sort, "name") == 0)
        ch->sort_buffers = 1;
    else if (opts->sort != NULL && strcmp(opts->sort, "size") == 0)
        ch->sort_buffers = 2;
    ch->key_format = xstrdup(opts->key_format != NULL ? opts->key_format : CHOOSER_KEY_FORMAT);
    list_buffers(ch, c->server);
    enter(p, &buffer_mode, ch);
    if (opts->zoom && p->window != NULL && !p->window->zoomed) {
        window_set_active(p->window, p);
        window_zoom(p->window, true);
        ch->zoomed = true;
    }
}

static void chooser_free(struct pane *p, void *data);

static int item_cmp(const void *a, const void *b)
{
    return strcmp(((const struct chooser_item *)a)->text, ((const struct chooser_item *)b)->text);
}

/* One item per attached client: its name, session and size, or (-F) a format of it;
 * -f keeps those its format is true for; -O name sorts by name, -r reverses. */
static void list_clients(struct chooser *ch, struct server *s)
{
    struct client *o;
    TAILQ_FOREACH(o, &s->clients, entry) {
        if (!o->attached || o->exiting || o->session == NULL)
            continue;
        struct format_ctx f = {.server = s, .session = o->session, .client = o};
        format_defaults(&f);
        if (ch->filter != NULL) {
            char *keep = format_expand(&f, ch->filter);
            bool yes = *keep != '\0' && strcmp(keep, "0") != 0;
            free(keep);
            if (!yes)
                continue;
        }
        char name[64];
        message_log_client_name(o, name, sizeof name);
        char *text;
        if (ch->format != NULL) {
            char *item = format_expand(&f, ch->format);
            text = xasprintf("%s: %s", name, item);
            free(item);
        } else
            text = xasprintf("%s: session %s [%dx%d %s]%s", name, o->session->name, o->cols,
                             o->rows, o->term != NULL ? o->term : "", o->readonly ? " (ro)" : "");
        ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
        ch->items[ch->n++] = (struct chooser_item){.client_id = o->id, .text = text};
    }
    if (ch->sort_name)
        qsort(ch->items, ch->n, sizeof *ch->items, item_cmp);
    if (ch->reverse) {
        for (size_t i = 0; i < ch->n / 2; i++) {
            struct chooser_item t = ch->items[i];
            ch->items[i] = ch->items[ch->n - 1 - i];
            ch->items[ch->n - 1 - i] = t;
        }
    }
    if (ch->selected >= ch->n)
        ch->selected = ch->n > 0 ? ch->n - 1 : 0;
    assign_keys(ch, s);
}

void chooser_open_clients(struct client *c, struct pane *p, const struct chooser_opts *opts)
{
    struct chooser *ch = xcalloc(1, sizeof *ch);
    ch->owner_id = c != NULL ? c->id : 0;
    ch->kind = CHOOSER_CLIENTS;
    ch->template = xstrdup(opts->template != NULL ? opts->template : "detach-client -t '%%'");
    ch->format = opts->format != NULL ? xstrdup(opts->format) : NULL;
    ch->filter = opts->filter != NULL ? xstrdup(opts->filter) : NULL;
    ch->reverse = opts->reverse;
    ch->sort_name = opts->sort != NULL && strcmp(opts->sort, "name") == 0;
    ch->key_format = xstrdup(opts->key_format != NULL ? opts->key_format : CHOOSER_KEY_FORMAT);
    list_clients(ch, p->server);
    if (ch->n == 0) {
        /* Nothing to choose: the mode does not start, as in tmux. */
        chooser_free(p, ch);
        return;
    }
    enter(p, &client_mode, ch);
    if (opts->zoom && p->window != NULL && !p->window->zoomed) {
        window_set_active(p->window, p);
        window_zoom(p->window, true);
        ch->zoomed = true;
    }
}

static void add_custom(struct chooser *ch, char *text, char *command, char *unset)
{
    ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
    ch->items[ch->n++] =
        (struct chooser_item){.text = text, .command = command, .unset = unset, .key = KEYC_NONE};
}

/* customize-mode's tree: the options of each scope (server, global session, global
 * window) with their values, then the key bindings of each table. */
static void list_custom(struct chooser *ch, struct server *s)
{
    static const struct {
        enum option_scope scope;
        const char *title, *flag;
    } scopes[] = {{OPTION_SERVER, "Server Options", "-s"},
                  {OPTION_SESSION, "Session Options", "-g"},
                  {OPTION_WINDOW, "Window & Pane Options", "-gw"}};
    for (size_t i = 0; i < sizeof scopes / sizeof scopes[0]; i++) {
        const struct options *set = scopes[i].scope == OPTION_SERVER    ? s->options
                                    : scopes[i].scope == OPTION_SESSION ? s->session_options
                                                                        : s->window_options;
        add_custom(ch, xasprintf("- %s", scopes[i].title), NULL, NULL);
        for (const struct option_def *d = option_table; d->name != NULL; d++) {
            if (d->scope != scopes[i].scope)
                continue;
            char buf[1024];
            add_custom(ch,
                       xasprintf("    %s %s", d->name, options_to_string(set, d->name, buf, sizeof buf)),
                       xasprintf("set-option %s %s '%%%%'", scopes[i].flag, d->name),
                       xasprintf("set-option -u %s %s", scopes[i].flag, d->name));
        }
    }
    for (const char *table = key_table_next(s, NULL); table != NULL;
         table = key_table_next(s, table)) {
        add_custom(ch, xasprintf("- Key Table: %s", table), NULL, NULL);
        for (size_t i = 0; i < s->nbindings; i++) {
            const struct key_binding *b = &s->bindings[i];
            if (strcmp(b->table, table) != 0)
                continue;
            char key[64];
            key_to_name(b->key, key, sizeof key);
            add_custom(ch, xasprintf("    %s %s", key, b->command),
                       xasprintf("bind-key -T %s %s %%%%", table, key),
                       xasprintf("unbind-key -T %s %s", table, key));
        }
    }
    if (ch->selected >= ch->n)
        ch->selected = ch->n > 0 ? ch->n - 1 : 0;
}

void chooser_open_customize(struct client *c, struct pane *p, bool zoom)
{
    struct chooser *ch = xcalloc(1, sizeof *ch);
    ch->owner_id = c != NULL ? c->id : 0;
    ch->kind = CHOOSER_CUSTOMIZE;
    list_custom(ch, p->server);
    enter(p, &options_mode, ch);
    if (zoom && p->window != NULL && !p->window->zoomed) {
        window_set_active(p->window, p);
        window_zoom(p->window, true);
        ch->zoomed = true;
    }
}

static void chooser_free(struct pane *p, void *data)
{
    struct chooser *ch = data;
    if (ch->zoomed && p->window != NULL && p->window->zoomed)
        window_zoom(p->window, false);
    /* Hosts still listing: their answers go nowhere (the commands run out). */
    while (ch->nremotes > 0) {
        struct chooser_remote *rq = ch->remotes[0];
        job_forget_owner(ch->server, rq);
        remote_forget(ch, rq);
    }
    free(ch->remotes);
    free_items(ch);
    free(ch->template);
    free(ch->format);
    free(ch->filter);
    free(ch->key_format);
    free(ch);
}

/* Switch the client to the chosen session and window, if they still exist. */
static void choose(struct client *c, const struct chooser_item *it)
{
    struct session *s = session_find_id(c->server, it->session_id);
    if (s == NULL)
        return;
    if (!it->is_session) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry) {
            if (wl->window->id == it->window_id) {
                session_select_window(s, wl);
                break;
            }
        }
    }
    if (s != c->session) {
        struct session *old = c->session;
        c->last_session_id = old->id;
        c->has_last_session = true;
        server_client_attach(c, s);
        server_client_update_sizes(c->server, old);
        notify_emit(c->server, &(struct notify){.type = NOTIFY_CLIENT_DETACHED, .session = old});
    }
    session_redraw(c->server, s, REDRAW_STATUS);
}

/* Run one command for the client (errors on its status line). */
static void run_argv(struct client *c, int argc, char **argv)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_argv(&ctx, argc, argv);
    client_command_done(c, &ctx, false);
}

static void run_line(struct client *c, const char *line);
static char *replace_all(const char *template, const char *what);

/* choose-buffer keys: Enter pastes the buffer, d deletes it; true if handled. */
static bool buffer_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    if (key != KEYC_ENTER && key != 'd')
        return false;
    if (ch->n == 0)
        return false;
    char *name = xstrdup(ch->items[ch->selected].buffer_name);
    if (key == KEYC_ENTER && ch->template != NULL) {
        /* choose-buffer TEMPLATE: run it with %% the chosen buffer's name. */
        char *line = replace_all(ch->template, name);
        leave(p);
        run_line(c, line);
        free(line);
    } else if (key == KEYC_ENTER) {
        char pane[32];
        snprintf(pane, sizeof pane, "%%%u", ch->pane_id);
        leave(p);
        char *argv[] = {"paste-buffer", "-p", "-b", name, "-t", pane, NULL};
        run_argv(c, 6, argv);
    } else {
        struct paste_buffer *pb = paste_find(c->server, name);
        if (pb != NULL)
            paste_delete(c->server, pb);
        free_items(ch);
        list_buffers(ch, c->server);
        if (ch->n == 0)
            leave(p);
        redraw(p);
    }
    free(name);
    return true;
}

/* Run a command line for the client (errors on its status line). */
static void run_line(struct client *c, const char *line)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_string(&ctx, line);
    client_command_done(c, &ctx, false);
}

/* A template with every %% replaced by what. Caller frees. */
static char *replace_all(const char *template, const char *what)
{
    size_t n = strlen(template) + 1;
    for (const char *t = strstr(template, "%%"); t != NULL; t = strstr(t + 2, "%%"))
        n += strlen(what);
    char *out = xmalloc(n), *w = out;
    for (const char *t = template; *t != '\0';) {
        if (t[0] == '%' && t[1] == '%') {
            w = stpcpy(w, what);
            t += 2;
        } else
            *w++ = *t++;
    }
    *w = '\0';
    return out;
}

/* choose-client keys: Enter runs the template for the client, d detaches it; true if
 * handled. */
static bool client_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    if ((key != KEYC_ENTER && key != 'd') || ch->n == 0)
        return key == KEYC_ENTER || key == 'd';
    struct client *o;
    TAILQ_FOREACH(o, &c->server->clients, entry) {
        if (o->id == ch->items[ch->selected].client_id)
            break;
    }
    if (o == NULL || !o->attached)
        return true;
    char name[64];
    message_log_client_name(o, name, sizeof name);
    char *line = key == KEYC_ENTER ? replace_all(ch->template, name)
                                   : xasprintf("detach-client -t '%s'", name);
    leave(p);
    run_line(c, line);
    free(line);
    return true;
}

/* customize-mode keys: Enter asks for a new value (a prompt running set-option or
 * bind-key), d unsets or unbinds; true if handled. */
static bool custom_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    if ((key != KEYC_ENTER && key != 'd') || ch->n == 0)
        return key == KEYC_ENTER || key == 'd';
    const struct chooser_item *it = &ch->items[ch->selected];
    if (it->command == NULL)
        return true;
    if (key == 'd') {
        run_line(c, it->unset);
        free_items(ch);
        list_custom(ch, c->server);
        redraw(p);
        return true;
    }
    /* The prompt is command-prompt's: the chooser reaches it through the command, as a
     * key binding would (overlays sit above the clients layer). */
    char *template = cmd_escape_arg(it->command);
    char *line = xasprintf("command-prompt -p '(value)' %s", template);
    free(template);
    leave(p);
    run_line(c, line);
    free(line);
    return true;
}

/* A key in the chooser (one no key table binds). */
static void chooser_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    /* Half the height less one: the list's own height. */
    size_t page = p->rows + 1 > 4 ? (size_t)((p->rows + 1) / 2 - 1) : 1;
    /* A shortcut key chooses its item, as Enter on it (tmux). */
    for (size_t i = 0; key != KEYC_NONE && i < ch->n; i++) {
        if (ch->items[i].key == key) {
            ch->selected = i;
            key = KEYC_ENTER;
            break;
        }
    }
    if (ch->buffers && buffer_key(c, p, key))
        return;
    if (ch->kind == CHOOSER_CLIENTS && client_key(c, p, key))
        return;
    if (ch->kind == CHOOSER_CUSTOMIZE && custom_key(c, p, key))
        return;
    if (ch->n == 0) {
        /* An empty list (filtered to nothing): only leaving it does something. */
        if (key == 'q' || key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL) ||
            key == ('g' | KEYC_CTRL))
            leave(p);
        return;
    }
    if (key == KEYC_ENTER) {
        struct chooser_item it = ch->items[ch->selected];
        it.text = NULL;
        if (it.host != NULL) {
            if (it.remote_session == NULL)
                return; /* still listing, or why not: nothing to attach to */
            it.host = xstrdup(it.host);
            it.remote_session = xstrdup(it.remote_session);
            leave(p);
            choose_remote(c, &it);
            free(it.host);
            free(it.remote_session);
            return;
        }
        if (ch->template != NULL) {
            /* choose-tree TEMPLATE: run it with %% the chosen session or window. */
            struct session *s = session_find_id(c->server, it.session_id);
            struct winlink *wl = NULL;
            if (s != NULL && !it.is_session) {
                TAILQ_FOREACH(wl, &s->windows, entry) {
                    if (wl->window->id == it.window_id)
                        break;
                }
            }
            /* tmux's targets: "=session:" and "=session:index.". */
            char target[256];
            if (wl != NULL)
                snprintf(target, sizeof target, "=%s:%d.", s->name, wl->index);
            else
                snprintf(target, sizeof target, "=%s:", s != NULL ? s->name : "");
            char *line = replace_all(ch->template, target);
            leave(p);
            run_line(c, line);
            free(line);
            return;
        }
        leave(p);
        choose(c, &it);
        return;
    }
    if (key == 'q' || key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL) || key == ('g' | KEYC_CTRL)) {
        leave(p);
        return;
    }
    if ((key == KEYC_DOWN || key == 'j' || key == ('n' | KEYC_CTRL)) && ch->selected + 1 < ch->n)
        ch->selected++;
    else if ((key == KEYC_UP || key == 'k' || key == ('p' | KEYC_CTRL)) && ch->selected > 0)
        ch->selected--;
    else if (key == KEYC_NPAGE)
        ch->selected = ch->selected + page < ch->n ? ch->selected + page : ch->n - 1;
    else if (key == KEYC_PPAGE)
        ch->selected = ch->selected > page ? ch->selected - page : 0;
    else if (key == KEYC_HOME || key == 'g')
        ch->selected = 0;
    else if (key == KEYC_END || key == 'G')
        ch->selected = ch->n - 1;
    redraw(p);
}

/* A row of the chooser: text, then the pen's blanks to the edge of the n columns from x0. */
static void draw_text(struct canvas *cv, int x0, int y, int n, const char *text,
                      const struct grid_pen *pen)
{
    int x = canvas_put_text(cv, x0, y, x0 + n, text, pen);
    for (; x < x0 + n; x++)
        canvas_put_cell(cv, x, y, ' ', 1, pen);
}

/* A rule under the list with a title: "-- title ----". */
static void draw_rule(struct canvas *cv, int x0, int y, int n, const char *title)
{
    const struct grid_pen rule = {.fg = COLOUR_PALETTE | 2};
    char line[256];
    snprintf(line, sizeof line, "%s", title);
    for (size_t len = strlen(line); len < sizeof line - 1 && (int)len < n; len++)
        line[len] = '-', line[len + 1] = '\0';
    draw_text(cv, x0, y, n, line, &rule);
}

/* choose-buffer's preview: the selected buffer's first lines under a rule. */
static void draw_buffer_preview(struct pane *p, struct canvas *cv, int x0, int y0, int n,
                                int list_rows, int rows)
{
    struct chooser *ch = p->mode_data;
    const struct grid_pen normal = {0};
    struct paste_buffer *pb =
        ch->n > 0 ? paste_find(p->server, ch->items[ch->selected].buffer_name) : NULL;
    char title[256];
    snprintf(title, sizeof title, "-- %s ", pb != NULL ? pb->name : "(deleted)");
    draw_rule(cv, x0, y0 + list_rows, n, title);
    size_t at = 0;
    for (int y = list_rows + 1; y < rows; y++) {
        char line[512] = "";
        if (pb != NULL && at < pb->size) {
            size_t end = at;
            while (end < pb->size && pb->data[end] != '\n')
                end++;
            size_t len = end - at < sizeof line - 1 ? end - at : sizeof line - 1;
            memcpy(line, pb->data + at, len);
            line[len] = '\0';
            /* A NUL would end the text early: show it as the control character it is. */
            for (size_t i = 0; i < len; i++)
                if (line[i] == '\0')
                    line[i] = '\1';
            at = end + 1;
        }
        draw_text(cv, x0, y0 + y, n, line, &normal);
    }
}

/* The list in the top half of the pane, the preview of the selected item below it. */
static void chooser_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                         int height)
{
    struct chooser *ch = p->mode_data;
    int n, rows;
    if (!pane_line_area(p, cv, x0, y0, width, height, &n, &rows))
        return;
    const struct grid_pen normal = {0};
    /* The chosen row in mode-style, as tmux's modes draw it (yellow, by default). */
    struct grid_pen selected = {0};
    char err[128];
    style_apply(&selected,
                options_get_string(p->window != NULL ? p->window->options
                                                     : p->server->window_options,
                                   "mode-style"),
                err, sizeof err);
    int list_rows = rows / 2 > 1 && !ch->no_preview ? rows / 2 : rows;
    if ((size_t)list_rows > ch->n && !ch->no_preview)
        list_rows = (int)ch->n;
    if (ch->selected < ch->top)
        ch->top = ch->selected;
    if (ch->selected >= ch->top + (size_t)list_rows)
        ch->top = ch->selected - (size_t)list_rows + 1;
    for (int y = 0; y < list_rows; y++) {
        size_t i = ch->top + (size_t)y;
        char *row = i < ch->n ? item_row(ch, &ch->items[i]) : xstrdup("");
        draw_text(cv, x0, y0 + y, n, row, i == ch->selected ? &selected : &normal);
        free(row);
    }
    if (list_rows >= rows)
        return;
    if (ch->buffers) {
        draw_buffer_preview(p, cv, x0, y0, n, list_rows, rows);
        return;
    }
    if (ch->kind == CHOOSER_CUSTOMIZE) {
        const struct chooser_item *it = ch->n > 0 ? &ch->items[ch->selected] : NULL;
        draw_rule(cv, x0, y0 + list_rows, n, "-- customize ");
        for (int y = list_rows + 1; y < rows; y++)
            draw_text(cv, x0, y0 + y, n,
                      y == list_rows + 1 && it != NULL && it->command != NULL
                          ? "Enter: set a new value, d: unset"
                          : "",
                      &normal);
        return;
    }
    if (ch->kind == CHOOSER_CLIENTS) {
        draw_rule(cv, x0, y0 + list_rows, n, "-- clients ");
        for (int y = list_rows + 1; y < rows; y++)
            draw_text(cv, x0, y0 + y, n, "", &normal);
        return;
    }
    if (ch->n == 0) {
        for (int y = list_rows; y < rows; y++)
            draw_text(cv, x0, y0 + y, n, "", &normal);
        return;
    }
    /* The preview: the selected window's (or session's current window's) pane. */
    const struct chooser_item *it = &ch->items[ch->selected];
    if (it->host != NULL) {
        /* Another host's: nothing of it here to show. */
        char title[512];
        snprintf(title, sizeof title, "-- %s on %s (Enter: tmx -H %s attach) ",
                 it->remote_session != NULL ? it->remote_session : "?", it->host, it->host);
        draw_rule(cv, x0, y0 + list_rows, n, title);
        for (int y = list_rows + 1; y < rows; y++)
            draw_text(cv, x0, y0 + y, n, "", &normal);
        return;
    }
    struct session *s = session_find_id(p->server, it->session_id);
    struct winlink *wl = NULL;
    if (s != NULL) {
        wl = s->current;
        struct winlink *xl;
        TAILQ_FOREACH(xl, &s->windows, entry) {
            if (!it->is_session && xl->window->id == it->window_id) {
                wl = xl;
                break;
            }
        }
    }
    struct window *w = wl != NULL ? wl->window : NULL;
    char title[256];
    snprintf(title, sizeof title, "-- %s:%d %s ", s != NULL ? s->name : "?",
             wl != NULL ? wl->index : 0, w != NULL ? w->name : "");
    draw_rule(cv, x0, y0 + list_rows, n, title);
    struct pane *pp = w != NULL ? w->active : NULL;
    for (int y = list_rows + 1; y < rows; y++) {
        int py = y - list_rows - 1;
        for (int x = 0; x < n; x++) {
            const struct grid_cell *src =
                pp != NULL && py < vt_rows(pp->vt) ? vt_cell(pp->vt, x, py) : NULL;
            struct grid_cell *dst = canvas_cell(cv, x0 + x, y0 + y);
            if (src != NULL && x < vt_cols(pp->vt))
                *dst = *src;
            else
                *dst = (struct grid_cell){.wl = GRID_WL(1, 0)};
        }
        if (pp != NULL)
            canvas_import_links(cv, canvas_cell(cv, x0, y0 + y), n, vt_links(pp->vt));
        if (pp != NULL)
            canvas_import_combs(cv, canvas_cell(cv, x0, y0 + y), n, vt_grid(pp->vt));
        /* Never leave half a wide character at the edge. */
        struct grid_cell *last = canvas_cell(cv, x0 + n - 1, y0 + y);
        if (grid_cell_width(last) == 2)
            *last = (struct grid_cell){.wl = GRID_WL(1, 0)};
    }
}

/* It was opened for that client alone: it goes with it. */
static bool chooser_client_gone(void *data, uint32_t client_id)
{
    const struct chooser *ch = data;
    return ch->owner_id == client_id;
}

static const struct pane_mode tree_mode = {
    .name = "tree-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode buffer_mode = {
    .name = "buffer-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode client_mode = {
    .name = "client-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode options_mode = {
    .name = "options-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .client_gone = chooser_client_gone,
};
