/* chooser.c - choose-tree, choose-buffer, choose-client and customize-mode (see
 * chooser.h), pane modes on the pane-mode interface (pane_mode.h), kept and drawn as
 * tmux 3.3a keeps and draws its mode trees: items in a tree (a session, its windows, a
 * window's panes when it has several) that expand and collapse, the lines shown with
 * their shortcut keys and tree lines, the list 2/3 or half of the pane high and a
 * preview of the chosen line boxed below it (chooser_draw.c draws them).
 *
 * The items are built again from the server each time the mode draws or takes a key
 * (tmux rebuilds them whenever the window is redrawn): they name sessions, windows,
 * panes by id, buffers and clients by name, and what was expanded, tagged and chosen is
 * found again by that. choose-tree also lists the sessions of each host in the
 * remote-hosts option: one job a host (`tmx -H HOST ls`), its rows filled in when it
 * answers; Enter on one makes the client `tmx -H HOST attach` to it (detach-client -E).
 *
 * Keys act on the chosen item or, for the capital ones (X, P, D, Z...) and :, on the
 * tagged items (copied out as picks first: the commands run for each may rebuild the
 * items). What needs a higher layer goes through a command (prompts, confirm-before,
 * display-menu, their answers coming back as send-keys -X) or a pointer the top
 * registered (the editor's popup). The mouse: clicks, tmux 3.3a's double click, the
 * right button's menu, clicks in the preview. */
#include "chooser.h"
#include "chooser_draw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <event2/buffer.h>
#include <event2/event.h>

#include "client_message.h"
#include "clock_ms.h"
#include "client_state.h"
#include "cmd.h"
#include "cmd_ctx.h"
#include "cmd_find.h"
#include "format.h"
#include "job.h"
#include "key_bindings.h"
#include "keys.h"
#include "message_log.h"
#include "options.h"
#include "pane.h"
#include "pane_mode.h"
#include "paste.h"
#include "redraw.h"
#include "server_state.h"
#include "session.h"
#include "sh_quote.h"
#include "window.h"
#include "xmalloc.h"

/* The formats of each line's text after its name, tmux 3.3a's defaults. */
#define TREE_FORMAT                                                                          \
    "#{?pane_format,"                                                                        \
    "#{?pane_marked,#[reverse],}"                                                            \
    "#{pane_current_command}#{?pane_active,*,}#{?pane_marked,M,}"                            \
    "#{?#{&&:#{pane_title},#{!=:#{pane_title},#{host_short}}},: \"#{pane_title}\",}"         \
    ","                                                                                      \
    "#{?window_format,"                                                                      \
    "#{?window_marked_flag,#[reverse],}"                                                     \
    "#{window_name}#{window_flags}"                                                          \
    "#{?#{&&:#{==:#{window_panes},1},#{&&:#{pane_title},#{!=:#{pane_title},#{host_short}}}}," \
    ": \"#{pane_title}\",}"                                                                  \
    ","                                                                                      \
    "#{session_windows} windows"                                                             \
    "#{?session_grouped, (group #{session_group}: #{session_group_list}),}"                  \
    "#{?session_attached, (attached),}"                                                      \
    "}"                                                                                      \
    "}"
#define BUFFER_FORMAT "#{t/p:buffer_created}: #{buffer_sample}"
/* What Enter in choose-tree runs without a template (%% the choice), tmux's. */
#define TREE_COMMAND "switch-client -Zt '%%'"
#define CLIENT_FORMAT "#{t/p:client_activity}: session #{session_name}"

/* tmux's default -K: lines 0 to 9 are their digit, 10 to 35 M-a to M-z. */
#define CHOOSER_KEY_FORMAT                                                                   \
    "#{?#{e|<:#{line},10},#{line},#{?#{e|<:#{line},36},M-#{a:#{e|+:97,#{e|-:#{line},10}}},}}"

/* The orders O cycles through, the first the default. */
static const char *const tree_sorts[] = {"index", "name", "time", NULL};
static const char *const buffer_sorts[] = {"time", "name", "size", NULL};
static const char *const client_sorts[] = {"name", "size", "creation", "activity", NULL};

/* A host's sessions, as its `tmx -H HOST ls` answered (or the row saying why not). */
struct chooser_remote_row {
    char *host;
    char *session; /* NULL: still listing, or why not */
    char *text;
};

/* One host's `tmx -H HOST ls` while the chooser waits for it. */
struct chooser_remote {
    struct chooser *ch;
    struct pane *pane;
    char *host;
};

/* tree-mode, buffer-mode, client-mode, options-mode, as tmux names them (#{pane_mode}). */
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

static void chooser_free(struct pane *p, void *data);

/* Put the chooser on pane p; true. When p is in that mode already (on top or below), that
 * one comes to the top as it was and ch is freed, as tmux keeps a pane's mode whatever
 * the new command's flags say; false. */
static bool enter(struct pane *p, const struct pane_mode *mode, struct chooser *ch)
{
    bool kept = pane_mode_raise(p, mode);
    if (kept)
        chooser_free(p, ch);
    else {
        ch->pane_id = p->id;
        pane_mode_push(p, mode, ch);
    }
    redraw(p);
    return !kept;
}

/* Leave the chooser (the pane shows what was under it again). */
static void leave(struct pane *p)
{
    if (chooser_of(p) == NULL)
        return;
    pane_mode_pop(p);
    redraw(p);
}

/* -Z: the pane zoomed while the chooser shows. */
static void zoom(struct chooser *ch, struct pane *p, bool on)
{
    if (on && p->window != NULL && !p->window->zoomed) {
        window_set_active(p->window, p);
        window_zoom(p->window, true);
        ch->zoomed = true;
    }
}

static void free_item(struct chooser_item *it)
{
    free(it->id);
    free(it->name);
    free(it->text);
    free(it->buffer_name);
    free(it->host);
    free(it->remote_session);
    free(it->command);
    free(it->unset);
}

static void free_items(struct chooser_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free_item(&items[i]);
    free(items);
}

/* Add an item under parent (-1: at the top); it takes id, name and text. Its expanded
 * and tagged states are the ones the item of the same id had in the last build (old),
 * else expanded as given. Returns its index. */
static long add_item(struct chooser *ch, const struct chooser_item *old, size_t nold,
                     long parent, char *id, char *name, char *text, bool expanded)
{
    ch->items = xreallocarray(ch->items, ch->n + 1, sizeof *ch->items);
    struct chooser_item *it = &ch->items[ch->n];
    *it = (struct chooser_item){.id = id, .parent = parent, .name = name, .text = text,
                                .expanded = expanded, .key = KEYC_NONE};
    if (parent >= 0) {
        it->depth = ch->items[parent].depth + 1;
        ch->items[parent].has_children = true;
    }
    for (size_t i = 0; i < nold; i++) {
        if (strcmp(old[i].id, id) != 0)
            continue;
        if (parent < 0 || ch->items[parent].expanded)
            it->tagged = old[i].tagged;
        it->expanded = old[i].expanded;
        break;
    }
    return (long)ch->n++;
}

/* Drop the items from 'from' on (a window none of whose panes passed the filter). */
static void drop_items(struct chooser *ch, size_t from)
{
    for (size_t i = from; i < ch->n; i++)
        free_item(&ch->items[i]);
    ch->n = from;
}

/* Whether a format is true: not empty and not "0". */
static bool format_true(const struct format_ctx *f, const char *format)
{
    char *value = format_expand(f, format);
    bool yes = *value != '\0' && strcmp(value, "0") != 0;
    free(value);
    return yes;
}

/* The orders (qsort_r's argument is the chooser): choose-tree's by index (sessions by
 * id), name or activity; r reverses. */
static int cmp_result(const struct chooser *sorting, int r)
{
    return sorting->reverse ? -r : r;
}

static int session_cmp(const void *a, const void *b, void *arg)
{
    const struct chooser *sorting = arg;
    const struct session *x = *(struct session *const *)a, *y = *(struct session *const *)b;
    int r = 0;
    if (sorting->sort == 0)
        r = x->id < y->id ? -1 : x->id > y->id;
    else if (sorting->sort == 2 && x->activity_tv.tv_sec != y->activity_tv.tv_sec)
        r = x->activity_tv.tv_sec > y->activity_tv.tv_sec ? -1 : 1;
    else if (sorting->sort == 2 && x->activity_tv.tv_usec != y->activity_tv.tv_usec)
        r = x->activity_tv.tv_usec > y->activity_tv.tv_usec ? -1 : 1;
    else
        r = strcmp(x->name, y->name);
    return cmp_result(sorting, r);
}

static int winlink_cmp(const void *a, const void *b, void *arg)
{
    const struct chooser *sorting = arg;
    const struct winlink *x = *(struct winlink *const *)a, *y = *(struct winlink *const *)b;
    int r = 0;
    if (sorting->sort == 2 && x->window->activity != y->window->activity)
        r = x->window->activity > y->window->activity ? -1 : 1;
    else if (sorting->sort == 2 && x->window->id != y->window->id)
        r = x->window->id > y->window->id ? -1 : 1; /* the same second: the newer first */
    else if (sorting->sort == 1 || sorting->sort == 2)
        r = strcmp(x->window->name, y->window->name);
    else
        r = x->index < y->index ? -1 : x->index > y->index;
    if (r != 0)
        return cmp_result(sorting, r);
    /* The same name: by index whatever the order, as tmux's sort keeps them. */
    return x->index < y->index ? -1 : x->index > y->index;
}

static int pane_cmp(const void *a, const void *b, void *arg)
{
    const struct chooser *sorting = arg;
    const struct pane *x = *(struct pane *const *)a, *y = *(struct pane *const *)b;
    int r = 0;
    if (sorting->sort == 2 && x->active_point != y->active_point)
        r = x->active_point < y->active_point ? -1 : 1;
    else /* tmux's "number order" of panes is their ids' (split -b puts a newer first) */
        r = x->id < y->id ? -1 : x->id > y->id;
    return cmp_result(sorting, r);
}

/* Whether window w passes find-window's match. */
static bool window_matched(const struct chooser *ch, const struct window *w)
{
    if (!ch->match || ch->no_matches)
        return true;
    for (size_t i = 0; i < ch->nmatched; i++) {
        if (ch->matched[i] == w->id)
            return true;
    }
    return false;
}

/* A window of session s and its panes (those the filter keeps; none kept: no window). */
static void build_window(struct chooser *ch, const struct chooser_item *old, size_t nold,
                         long parent, struct session *s, struct winlink *wl, const char *filter)
{
    struct server *srv = ch->server;
    struct window *w = wl->window;
    if (!window_matched(ch, w))
        return;
    const char *format = ch->format != NULL ? ch->format : TREE_FORMAT;
    struct format_ctx f = {.server = srv, .session = s, .wl = wl, .window = w};
    format_defaults(&f);
    size_t first = ch->n;
    long at = add_item(ch, old, nold, parent, xasprintf("$%u@%u", s->id, w->id),
                       xasprintf("%d", wl->index), format_expand(&f, format), ch->tree_type == 0);
    ch->items[at].kind = ITEM_WINDOW;
    ch->items[at].session_id = s->id;
    ch->items[at].window_id = w->id;
    ch->items[at].index = wl->index;
    size_t npanes = 0, kept = 0;
    struct pane *p;
    TAILQ_FOREACH(p, &w->panes, entry)
        npanes++;
    struct pane **panes = xcalloc(npanes + 1, sizeof *panes);
    TAILQ_FOREACH(p, &w->panes, entry) {
        struct format_ctx pf = {.server = srv, .session = s, .wl = wl, .window = w, .pane = p};
        format_defaults(&pf);
        if (filter == NULL || format_true(&pf, filter))
            panes[kept++] = p;
    }
    if (kept == 0) {
        free(panes);
        drop_items(ch, first);
        return;
    }
    qsort_r(panes, kept, sizeof *panes, pane_cmp, ch);
    for (size_t i = 0; i < kept && npanes > 1; i++) {
        p = panes[i];
        struct format_ctx pf = {.server = srv, .session = s, .wl = wl, .window = w, .pane = p};
        format_defaults(&pf);
        int index = cmd_find_pane_base_index(w) + window_pane_index(w, p);
        long pi = add_item(ch, old, nold, at, xasprintf("$%u%%%u", s->id, p->id),
                           xasprintf("%d", index), format_expand(&pf, format), true);
        ch->items[pi].kind = ITEM_PANE;
        ch->items[pi].session_id = s->id;
        ch->items[pi].window_id = w->id;
        ch->items[pi].pane_id = p->id;
        ch->items[pi].index = index;
    }
    free(panes);
}

/* choose-tree's items: the sessions (one of a group unless -G), their windows and the
 * windows' panes, those the filter keeps, in the order chosen; then the remote hosts'. */
static void build_tree(struct chooser *ch, const struct chooser_item *old, size_t nold,
                       const char *filter)
{
    struct server *srv = ch->server;
    size_t nsessions = 0;
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry)
        nsessions++;
    struct session **list = xcalloc(nsessions + 1, sizeof *list);
    nsessions = 0;
    TAILQ_FOREACH(s, &srv->sessions, entry)
        list[nsessions++] = s;
    qsort_r(list, nsessions, sizeof *list, session_cmp, ch);
    struct session *start = session_find_id(srv, ch->start_session);
    const struct session_group *current_group = start != NULL ? start->group : NULL;
    const char *format = ch->format != NULL ? ch->format : TREE_FORMAT;
    for (size_t i = 0; i < nsessions; i++) {
        s = list[i];
        if (ch->squash_groups && s->group != NULL &&
            ((s->group == current_group && s != start) ||
             (s->group != current_group && s != TAILQ_FIRST(&s->group->sessions))))
            continue;
        struct format_ctx f = {.server = srv, .session = s, .type = FORMAT_TYPE_SESSION};
        format_defaults(&f);
        size_t first = ch->n;
        long at = add_item(ch, old, nold, -1, xasprintf("$%u", s->id), xstrdup(s->name),
                           format_expand(&f, format), ch->tree_type != 1);
        ch->items[at].kind = ITEM_SESSION;
        ch->items[at].session_id = s->id;
        size_t nwl = 0;
        struct winlink *wl;
        TAILQ_FOREACH(wl, &s->windows, entry)
            nwl++;
        struct winlink **wls = xcalloc(nwl + 1, sizeof *wls);
        nwl = 0;
        TAILQ_FOREACH(wl, &s->windows, entry)
            wls[nwl++] = wl;
        qsort_r(wls, nwl, sizeof *wls, winlink_cmp, ch);
        for (size_t k = 0; k < nwl; k++)
            build_window(ch, old, nold, at, s, wls[k], filter);
        free(wls);
        if (ch->n == first + 1 && (filter != NULL || (ch->match && !ch->no_matches)))
            drop_items(ch, first); /* nothing of it passed */
    }
    free(list);
    for (size_t i = 0; i < ch->nremote_rows; i++) {
        const struct chooser_remote_row *r = &ch->remote_rows[i];
        long at = add_item(ch, old, nold, -1,
                           xasprintf("remote %s %s", r->host, r->session != NULL ? r->session : ""),
                           NULL, xstrdup(r->text), true);
        ch->items[at].kind = ITEM_REMOTE;
        ch->items[at].host = xstrdup(r->host);
        ch->items[at].remote_session = r->session != NULL ? xstrdup(r->session) : NULL;
    }
}

/* choose-buffer -O name and -O size: by name, or the largest first then by name. */
static int buffer_cmp(const void *a, const void *b, void *arg)
{
    const struct chooser *sorting = arg;
    const struct chooser_item *x = a, *y = b;
    int r = 0;
    if (sorting->sort == 2 && x->size != y->size)
        r = x->size > y->size ? -1 : 1;
    else if (sorting->sort != 0)
        r = strcmp(x->buffer_name, y->buffer_name);
    else
        r = x->index < y->index ? -1 : x->index > y->index; /* newest first */
    return cmp_result(sorting, r);
}

/* choose-buffer's items: a buffer each, those the filter keeps. */
static void build_buffers(struct chooser *ch, const struct chooser_item *old, size_t nold,
                          const char *filter)
{
    struct paste_buffer *pb;
    int order = 0;
    TAILQ_FOREACH(pb, &ch->server->paste_buffers, entry) {
        struct format_ctx f = {.server = ch->server, .buffer = pb};
        if (filter != NULL && !format_true(&f, filter))
            continue;
        long at = add_item(ch, old, nold, -1, xstrdup(pb->name), xstrdup(pb->name),
                           format_expand(&f, ch->format != NULL ? ch->format : BUFFER_FORMAT),
                           true);
        ch->items[at].kind = ITEM_BUFFER;
        ch->items[at].buffer_name = xstrdup(pb->name);
        ch->items[at].size = pb->size;
        ch->items[at].index = order++;
    }
    if (ch->n > 0)
        qsort_r(ch->items, ch->n, sizeof *ch->items, buffer_cmp, ch);
}

static bool client_listed(const struct client *o);

static int client_cmp(const void *a, const void *b, void *arg)
{
    const struct chooser *sorting = arg;
    const struct chooser_item *x = a, *y = b;
    return cmp_result(sorting, strcmp(x->name, y->name));
}

/* choose-client's items: an attached client each, those the filter keeps. */
static void build_clients(struct chooser *ch, const struct chooser_item *old, size_t nold,
                          const char *filter)
{
    struct client *o;
    TAILQ_FOREACH(o, &ch->server->clients, entry) {
        if (!client_listed(o))
            continue;
        struct format_ctx f = {.server = ch->server, .session = o->session, .client = o};
        format_defaults(&f);
        if (filter != NULL && !format_true(&f, filter))
            continue;
        char name[64];
        message_log_client_name(o, name, sizeof name);
        long at = add_item(ch, old, nold, -1, xstrdup(name), xstrdup(name),
                           format_expand(&f, ch->format != NULL ? ch->format : CLIENT_FORMAT),
                           true);
        ch->items[at].kind = ITEM_CLIENT;
        ch->items[at].client_id = o->id;
    }
    if (ch->n > 0)
        qsort_r(ch->items, ch->n, sizeof *ch->items, client_cmp, ch);
}

static void build_custom(struct chooser *ch);

/* The lines shown: the items whose parents are all expanded, in order. */
static void build_lines(struct chooser *ch)
{
    free(ch->lines);
    ch->lines = xcalloc(ch->n + 1, sizeof *ch->lines);
    ch->nlines = 0;
    /* Whether any item under each parent (the last slot: the top) has items itself. */
    bool *deep = xcalloc(ch->n + 1, sizeof *deep);
    for (size_t i = 0; i < ch->n; i++) {
        long parent = ch->items[i].parent;
        if (ch->items[i].has_children)
            deep[parent < 0 ? ch->n : (size_t)parent] = true;
    }
    for (size_t i = 0; i < ch->n; i++) {
        const struct chooser_item *it = &ch->items[i];
        bool shown = true;
        for (long up = it->parent; up >= 0; up = ch->items[up].parent)
            shown = shown && ch->items[up].expanded;
        if (!shown)
            continue;
        bool last = true;
        for (size_t k = i + 1; k < ch->n && ch->items[k].depth >= it->depth; k++) {
            if (ch->items[k].parent == it->parent) {
                last = false;
                break;
            }
        }
        ch->lines[ch->nlines++] = (struct chooser_line){
            .item = i, .depth = it->depth, .last = last,
            .flat = !deep[it->parent < 0 ? ch->n : (size_t)it->parent]};
    }
    free(deep);
}

/* Each line's shortcut key: the key format expanded for its item with #{line} the line's
 * number. */
static void assign_keys(struct chooser *ch)
{
    struct server *srv = ch->server;
    for (size_t l = 0; l < ch->nlines; l++) {
        struct chooser_item *it = &ch->items[ch->lines[l].item];
        it->key = KEYC_NONE;
        if (ch->key_format == NULL || *ch->key_format == '\0')
            continue;
        char line[32];
        snprintf(line, sizeof line, "%zu", l);
        const char *vars[] = {"line", line, NULL};
        struct format_ctx f = {.server = srv, .vars = vars};
        if (it->kind == ITEM_CLIENT) {
            struct client *o;
            TAILQ_FOREACH(o, &srv->clients, entry) {
                if (o->id == it->client_id)
                    break;
            }
            f.client = o;
            f.session = o != NULL ? o->session : NULL;
        } else if (it->kind == ITEM_BUFFER)
            f.buffer = paste_find(srv, it->buffer_name);
        else if (it->kind == ITEM_SESSION || it->kind == ITEM_WINDOW || it->kind == ITEM_PANE) {
            f.session = session_find_id(srv, it->session_id);
            struct winlink *wl = NULL;
            if (f.session != NULL && it->kind != ITEM_SESSION) {
                TAILQ_FOREACH(wl, &f.session->windows, entry) {
                    if (wl->window->id == it->window_id)
                        break;
                }
            }
            f.wl = wl;
            f.window = wl != NULL ? wl->window : NULL;
            f.pane = f.window != NULL ? f.window->active : NULL;
            if (it->kind == ITEM_PANE && f.window != NULL) {
                struct pane *p;
                TAILQ_FOREACH(p, &f.window->panes, entry) {
                    if (p->id == it->pane_id)
                        f.pane = p;
                }
            }
        }
        char *name = format_expand(&f, ch->key_format);
        if (*name != '\0')
            it->key = key_from_name(name);
        free(name);
    }
}

/* The line of the item with this id, or -1. */
static long find_line(const struct chooser *ch, const char *id)
{
    for (size_t l = 0; id != NULL && l < ch->nlines; l++) {
        if (strcmp(ch->items[ch->lines[l].item].id, id) == 0)
            return (long)l;
    }
    return -1;
}

/* Choose the line of the item with this id, the first line shown following it as tmux
 * does; false (the chosen line kept, if there is still one) when it does not show. */
static bool set_current(struct chooser *ch, const char *id)
{
    long l = find_line(ch, id);
    if (l >= 0)
        ch->current = (size_t)l;
    else if (ch->current < ch->nlines)
        return false;
    else
        ch->current = ch->nlines > 0 ? ch->nlines - 1 : 0;
    size_t h = ch->height > 0 ? (size_t)ch->height : 1;
    ch->offset = ch->current > h - 1 ? ch->current - h + 1 : 0;
    return l >= 0;
}

/* The list's height for a pane of sy rows: all of it without a preview; else 2/3 of it
 * (half when that is more than the lines); all of it when that leaves less than 10 rows
 * or the preview less than 2. */
static void set_height(struct chooser *ch, int sy)
{
    if (!ch->preview) {
        ch->height = sy;
        return;
    }
    ch->height = (sy / 3) * 2;
    if ((size_t)ch->height > ch->nlines)
        ch->height = sy / 2;
    if (ch->height < 10)
        ch->height = sy;
    if (sy - ch->height < 2)
        ch->height = sy;
}

/* The chosen line shows: the list scrolled to it when it went below the list. */
static void check_current(struct chooser *ch)
{
    if (ch->height > 0 && ch->current > (size_t)ch->height - 1)
        ch->offset = ch->current - (size_t)ch->height + 1;
}

/* The target is chosen: its pane, else its window, else its session (at first, and when
 * the chosen item went away or out of sight). */
static void choose_start(struct chooser *ch)
{
    char id[64];
    snprintf(id, sizeof id, "$%u%%%u", ch->start_session, ch->start_pane);
    if (set_current(ch, id))
        return;
    snprintf(id, sizeof id, "$%u@%u", ch->start_session, ch->start_window);
    if (set_current(ch, id))
        return;
    snprintf(id, sizeof id, "$%u", ch->start_session);
    set_current(ch, id);
}

/* The items of the chooser's kind, those filter keeps (NULL: all). */
static void build_items(struct chooser *ch, const struct chooser_item *old, size_t nold,
                        const char *filter)
{
    if (ch->kind == CHOOSER_TREE)
        build_tree(ch, old, nold, filter);
    else if (ch->kind == CHOOSER_BUFFERS)
        build_buffers(ch, old, nold, filter);
    else if (ch->kind == CHOOSER_CLIENTS)
        build_clients(ch, old, nold, filter);
    else
        build_custom(ch);
}

/* Build the items again from the server (what was expanded, tagged and chosen found
 * again by id), then the lines, the list's height for pane p and the keys. */
static void rebuild(struct chooser *ch, struct pane *p)
{
    char *chosen = ch->current < ch->nlines ? xstrdup(ch->items[ch->lines[ch->current].item].id)
                                            : NULL;
    struct chooser_item *old = ch->items;
    size_t nold = ch->n;
    ch->items = NULL;
    ch->n = 0;
    ch->no_matches = false;
    build_items(ch, old, nold, ch->filter);
    if (ch->n == 0 && (ch->filter != NULL || ch->match)) {
        /* A filter that leaves nothing: everything shows, the title says so. */
        ch->no_matches = true;
        build_items(ch, old, nold, NULL);
    }
    free_items(old, nold);
    build_lines(ch);
    /* The target at first; then the chosen item again, and when it has gone (or is
     * hidden) the first line, as tmux 3.3a's rebuild (a pane killed, an item X killed,
     * a buffer deleted from the last line). */
    if (!ch->built)
        choose_start(ch);
    else if (!set_current(ch, chosen))
        ch->current = ch->offset = 0;
    free(chosen);
    set_height(ch, p->rows);
    check_current(ch);
    assign_keys(ch);
    ch->built = true;
    ch->tree_type = 0; /* what appears later comes expanded */
}

/* The chosen line's item, NULL when there is none. */
static struct chooser_item *current_item(struct chooser *ch)
{
    return ch->current < ch->nlines ? &ch->items[ch->lines[ch->current].item] : NULL;
}

/* What a key over tagged items acts on, copied out of the items (commands run for each
 * may rebuild them): the kind, the ids, and a buffer's or client's name. */
struct chooser_pick {
    enum chooser_item_kind kind;
    uint32_t session_id, window_id, pane_id, client_id;
    char *name;
};

static struct chooser_pick pick_of(const struct chooser_item *it)
{
    const char *name = it->kind == ITEM_BUFFER ? it->buffer_name
                       : it->kind == ITEM_CLIENT ? it->name
                                                 : NULL;
    return (struct chooser_pick){.kind = it->kind, .session_id = it->session_id,
                                 .window_id = it->window_id, .pane_id = it->pane_id,
                                 .client_id = it->client_id,
                                 .name = name != NULL ? xstrdup(name) : NULL};
}

/* The tagged items among the lines shown, in their order; none tagged and current: the
 * chosen one (tmux's mode_tree_each_tagged). *n is how many. */
static struct chooser_pick *tagged_picks(const struct chooser *ch, bool current, size_t *n)
{
    struct chooser_pick *picks = xcalloc(ch->nlines + 1, sizeof *picks);
    *n = 0;
    for (size_t l = 0; l < ch->nlines; l++) {
        const struct chooser_item *it = &ch->items[ch->lines[l].item];
        if (it->tagged)
            picks[(*n)++] = pick_of(it);
    }
    if (*n == 0 && current && ch->current < ch->nlines)
        picks[(*n)++] = pick_of(&ch->items[ch->lines[ch->current].item]);
    return picks;
}

static void free_picks(struct chooser_pick *picks, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(picks[i].name);
    free(picks);
}

/* How many lines are tagged (X's and :'s prompts say it). */
static size_t count_tagged(const struct chooser *ch)
{
    size_t n = 0;
    for (size_t l = 0; l < ch->nlines; l++)
        n += ch->items[ch->lines[l].item].tagged;
    return n;
}

static void run_argv(struct client *c, int argc, char **argv);
static void run_line(struct client *c, const char *line);
static void run_line_at(struct client *c, const char *line, const struct cmd_find_state *at);
static void run_quietly(struct client *c, const char *line);

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


/* Up a line; from the first, wrap to the last when wrap. */
static void line_up(struct chooser *ch, bool wrap)
{
    if (ch->nlines == 0)
        return;
    if (ch->current == 0) {
        if (wrap) {
            ch->current = ch->nlines - 1;
            if (ch->nlines >= (size_t)ch->height)
                ch->offset = ch->nlines - (size_t)ch->height;
        }
    } else {
        ch->current--;
        if (ch->current < ch->offset)
            ch->offset--;
    }
}

/* Down a line; from the last, wrap to the first when wrap. False if it did not move. */
static bool line_down(struct chooser *ch, bool wrap)
{
    if (ch->nlines == 0)
        return false;
    if (ch->current == ch->nlines - 1) {
        if (!wrap)
            return false;
        ch->current = 0;
        ch->offset = 0;
    } else {
        ch->current++;
        if (ch->current > ch->offset + (size_t)ch->height - 1)
            ch->offset++;
    }
    return true;
}

/* Untag item i and everything under it. */
static void untag_below(struct chooser *ch, size_t i)
{
    for (size_t k = i + 1; k < ch->n && ch->items[k].depth > ch->items[i].depth; k++)
        ch->items[k].tagged = false;
}

/* The keys every chooser has (tmux's mode tree): moving, tagging, expanding and
 * collapsing, the order, the preview. True if the key was one of them. */
static bool tree_key(struct chooser *ch, struct pane *p, key_code key)
{
    struct chooser_item *it = current_item(ch);
    const struct chooser_line *line = it != NULL ? &ch->lines[ch->current] : NULL;
    switch (key) {
    case KEYC_UP:
    case 'k':
    case 'p' | KEYC_CTRL:
        line_up(ch, true);
        return true;
    case KEYC_DOWN:
    case 'j':
    case 'n' | KEYC_CTRL:
        line_down(ch, true);
        return true;
    case KEYC_PPAGE:
    case 'b' | KEYC_CTRL:
        for (int i = 0; i < ch->height && ch->current != 0; i++)
            line_up(ch, true);
        return true;
    case KEYC_NPAGE:
    case 'f' | KEYC_CTRL:
        for (int i = 0; i < ch->height && ch->current + 1 < ch->nlines; i++)
            line_down(ch, true);
        return true;
    case KEYC_HOME:
    case 'g':
        ch->current = ch->offset = 0;
        return true;
    case KEYC_END:
    case 'G':
        ch->current = ch->nlines > 0 ? ch->nlines - 1 : 0;
        ch->offset = ch->current > (size_t)ch->height - 1 ? ch->current - (size_t)ch->height + 1 : 0;
        return true;
    case 't':
        /* A parent and an item under it are never both tagged. */
        if (it == NULL)
            return true;
        if (!it->tagged) {
            for (long up = it->parent; up >= 0; up = ch->items[up].parent)
                ch->items[up].tagged = false;
            untag_below(ch, ch->lines[ch->current].item);
            it->tagged = true;
        } else
            it->tagged = false;
        if (!ch->from_menu)
            line_down(ch, false); /* as tmux 3.3a from the keyboard, not from its menu */
        return true;
    case 'T':
        for (size_t i = 0; i < ch->n; i++)
            ch->items[i].tagged = false;
        return true;
    case 't' | KEYC_CTRL:
        for (size_t i = 0; i < ch->n; i++)
            ch->items[i].tagged = ch->items[i].parent < 0;
        return true;
    case 'O':
        if (ch->sorts != NULL && ch->sorts[++ch->sort] == NULL)
            ch->sort = 0;
        rebuild(ch, p);
        return true;
    case 'r':
        ch->reverse = !ch->reverse;
        rebuild(ch, p);
        return true;
    case KEYC_LEFT:
    case 'h':
    case '-':
        if (it == NULL)
            return true;
        if (line->flat || !it->expanded)
            it = it->parent >= 0 ? &ch->items[it->parent] : NULL;
        if (it == NULL)
            line_up(ch, false);
        else {
            it->expanded = false;
            ch->current = (size_t)find_line(ch, it->id);
            rebuild(ch, p);
        }
        return true;
    case KEYC_RIGHT:
    case 'l':
    case '+':
        if (it == NULL)
            return true;
        if (line->flat || it->expanded)
            line_down(ch, false);
        else {
            it->expanded = true;
            rebuild(ch, p);
        }
        return true;
    case '-' | KEYC_META:
    case '+' | KEYC_META:
        for (size_t i = 0; i < ch->n; i++) {
            if (ch->items[i].parent < 0)
                ch->items[i].expanded = key == ('+' | KEYC_META);
        }
        rebuild(ch, p);
        return true;
    case 'v':
        ch->preview = !ch->preview;
        rebuild(ch, p);
        return true;
    default:
        return false;
    }
}

static void choose_remote(struct client *c, const struct chooser_item *it);

/* Paste buffer name into pane pane_id (or run choose-buffer's template for it). */
static void paste_one(struct client *c, const char *template, uint32_t pane_id,
                      const char *name)
{
    if (paste_find(c->server, name) == NULL)
        return;
    if (template != NULL) {
        /* choose-buffer TEMPLATE: run it with %% the chosen buffer's name. */
        char *line = cmd_template_replace(template, 1, name);
        run_line(c, line);
        free(line);
        return;
    }
    char pane[32];
    snprintf(pane, sizeof pane, "%%%u", pane_id);
    char *argv[] = {"paste-buffer", "-p", "-b", (char *)name, "-t", pane, NULL};
    run_argv(c, 6, argv);
}

/* d or D deletes buffer name; when it is the chosen one, the line below is chosen first,
 * or, from the last line, the first (tmux 3.3a: its rebuild does not find the item). */
static void buffer_delete(struct client *c, struct chooser *ch, const char *name)
{
    const struct chooser_item *it = current_item(ch);
    if (it != NULL && strcmp(it->buffer_name, name) == 0 && !line_down(ch, false))
        ch->current = ch->offset = 0;
    struct paste_buffer *pb = paste_find(c->server, name);
    if (pb != NULL)
        paste_delete(c->server, pb);
}

/* After d or D: the chooser leaves when no buffer is left, else shows what is. */
static void buffer_deleted(struct client *c, struct pane *p, struct chooser *ch)
{
    if (paste_top(c->server) == NULL)
        leave(p);
    else {
        rebuild(ch, p);
        redraw(p);
    }
}

/* e's edit under way: the buffer it started from (found again by name, and only while
 * it is still that buffer) and the chooser's pane to redraw. */
struct buffer_edit {
    struct server *server;
    char *name;
    const struct paste_buffer *pb;
    uint32_t pane_id;
};

/* The editor closed: the buffer takes its text (a buffer without a final newline does
 * not get the one an editor adds; nothing, or an editor that failed, changes nothing). */
static void buffer_edited(char *buf, size_t len, void *arg)
{
    struct buffer_edit *ed = arg;
    struct paste_buffer *pb = paste_find(ed->server, ed->name);
    if (buf != NULL && pb != NULL && pb == ed->pb) {
        if (pb->size > 0 && pb->data[pb->size - 1] != '\n' && buf[len - 1] == '\n')
            len--;
        if (len != 0) {
            paste_replace(pb, buf, len);
            buf = NULL;
        }
        struct pane *p = session_find_pane(ed->server, ed->pane_id);
        if (p != NULL && chooser_of(p) != NULL)
            redraw(p);
    }
    free(buf);
    free(ed->name);
    free(ed);
}

/* e: the chosen buffer in the editor, in a popup on client c (the popup's owner, the
 * overlays layer, is reached through what the top registered). */
static void buffer_edit(struct client *c, struct chooser *ch, const struct chooser_item *it)
{
    struct server *srv = c->server;
    struct paste_buffer *pb = paste_find(srv, it->buffer_name);
    if (pb == NULL || srv->edit_in_popup == NULL)
        return;
    struct buffer_edit *ed = xcalloc(1, sizeof *ed);
    *ed = (struct buffer_edit){.server = srv, .name = xstrdup(pb->name), .pb = pb,
                               .pane_id = ch->pane_id};
    if (!srv->edit_in_popup(c, pb->data, pb->size, buffer_edited, ed)) {
        free(ed->name);
        free(ed);
    }
}

/* choose-buffer keys: Enter and p paste the buffer, P the tagged ones (in the list's
 * order), then the chooser leaves; d deletes the buffer, D the tagged ones; e edits it;
 * true if handled. The chooser leaves when no buffer is left. */
static bool buffer_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    struct chooser_item *it = current_item(ch);
    if (key != KEYC_ENTER && key != 'p' && key != 'P' && key != 'd' && key != 'D' &&
        key != 'e')
        return false;
    if (it == NULL)
        return false;
    if (key == 'e') {
        buffer_edit(c, ch, it);
        return true;
    }
    /* What pasting needs outlives the chooser: the pastes run after it has left. */
    char *template = ch->template != NULL ? xstrdup(ch->template) : NULL;
    uint32_t pane_id = ch->pane_id;
    if (key == 'P') {
        size_t n;
        struct chooser_pick *picks = tagged_picks(ch, false, &n);
        leave(p);
        for (size_t i = 0; i < n; i++)
            paste_one(c, template, pane_id, picks[i].name);
        free_picks(picks, n);
        free(template);
        return true;
    }
    if (key == 'D') {
        size_t n;
        struct chooser_pick *picks = tagged_picks(ch, false, &n);
        for (size_t i = 0; i < n; i++)
            buffer_delete(c, ch, picks[i].name);
        free_picks(picks, n);
        buffer_deleted(c, p, ch);
        free(template);
        return true;
    }
    if (key == KEYC_ENTER || key == 'p') {
        char *name = xstrdup(it->buffer_name);
        leave(p);
        paste_one(c, template, pane_id, name);
        free(name);
        free(template);
        return true;
    }
    free(template);
    char *name = xstrdup(it->buffer_name);
    buffer_delete(c, ch, name);
    free(name);
    buffer_deleted(c, p, ch);
    return true;
}

/* Whether a client is one choose-client lists: attached, not leaving nor suspended. */
static bool client_listed(const struct client *o)
{
    return o->attached && !o->exiting && !o->suspended && o->session != NULL;
}

/* d, x or z (D, X, Z) on one client: detach it, detach it and hang up the shell it ran
 * from (detach-client -P), or suspend it. The chosen line goes to the next first when it
 * is that client's (tmux 3.3a's window_client_do_detach). */
static void client_act(struct client *c, struct chooser *ch, const struct chooser_pick *pick,
                       key_code key)
{
    const struct chooser_item *it = current_item(ch);
    if (it != NULL && it->kind == ITEM_CLIENT && it->client_id == pick->client_id)
        line_down(ch, false);
    struct client *o;
    TAILQ_FOREACH(o, &c->server->clients, entry) {
        if (o->id == pick->client_id)
            break;
    }
    if (o == NULL || !client_listed(o))
        return;
    char *qn = cmd_escape_arg(pick->name);
    char *line = key == 'z' || key == 'Z'   ? xasprintf("suspend-client -t %s", qn)
                 : key == 'x' || key == 'X' ? xasprintf("detach-client -P -t %s", qn)
                                            : xasprintf("detach-client -t %s", qn);
    run_quietly(c, line);
    free(line);
    free(qn);
}

/* choose-client keys: Enter runs the template for the client and leaves; d, x and z
 * detach, detach and hang up, or suspend the chosen client, D, X and Z the tagged ones;
 * the chooser stays until no client is left to list (tmux 3.3a). True if handled. */
static bool client_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    struct chooser_item *it = current_item(ch);
    if (key == KEYC_ENTER) {
        if (it == NULL)
            return true;
        char *line = cmd_template_replace(ch->template, 1, it->name);
        leave(p);
        run_line(c, line);
        free(line);
        return true;
    }
    if (key != 'd' && key != 'x' && key != 'z' && key != 'D' && key != 'X' && key != 'Z')
        return false;
    if (it == NULL)
        return true;
    size_t n = 1;
    struct chooser_pick *picks;
    if (key == 'd' || key == 'x' || key == 'z') {
        picks = xcalloc(1, sizeof *picks);
        picks[0] = pick_of(it);
    } else
        picks = tagged_picks(ch, false, &n);
    for (size_t i = 0; i < n && chooser_of(p) == ch; i++)
        client_act(c, ch, &picks[i], key);
    free_picks(picks, n);
    if (chooser_of(p) != ch)
        return true;
    bool any = false;
    struct client *o;
    TAILQ_FOREACH(o, &c->server->clients, entry)
        any = any || client_listed(o);
    if (!any)
        leave(p);
    else {
        rebuild(ch, p);
        redraw(p);
    }
    return true;
}

/* customize-mode keys: Enter asks for a new value (a prompt running set-option or
 * bind-key), d unsets or unbinds; true if handled. */
static bool custom_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    const struct chooser_item *it = current_item(ch);
    if ((key != KEYC_ENTER && key != 'd') || it == NULL)
        return key == KEYC_ENTER || key == 'd';
    if (it->command == NULL)
        return true;
    if (key == 'd') {
        run_line(c, it->unset);
        rebuild(ch, p);
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

/* x in choose-tree: asks whether to kill the chosen session, window or pane (the
 * prompt is confirm-before's, as tmux words it). */
static void tree_kill(struct client *c, const struct chooser_item *it)
{
    char *prompt = NULL, *command = NULL;
    if (it->kind == ITEM_SESSION) {
        struct session *s = session_find_id(c->server, it->session_id);
        if (s == NULL)
            return;
        prompt = xasprintf("Kill session %s?", s->name);
        command = xasprintf("kill-session -t '$%u'", it->session_id);
    } else if (it->kind == ITEM_WINDOW) {
        prompt = xasprintf("Kill window %d?", it->index);
        command = xasprintf("kill-window -t '@%u'", it->window_id);
    } else if (it->kind == ITEM_PANE) {
        prompt = xasprintf("Kill pane %d?", it->index);
        command = xasprintf("kill-pane -t '%%%u'", it->pane_id);
    } else
        return;
    char *qp = cmd_escape_arg(prompt), *qc = cmd_escape_arg(command);
    char *line = xasprintf("confirm-before -p %s %s", qp, qc);
    run_line(c, line);
    free(line);
    free(qc);
    free(qp);
    free(command);
    free(prompt);
}

/* The session, window link and pane an item of choose-tree names now (a window's active
 * pane, a session's current window), and tmux's target for it: "=session:",
 * "=session:index." or "=session:index.%pane". False when it has gone. */
static bool tree_target(struct server *srv, const struct chooser_pick *pick, char *target,
                        size_t size, struct cmd_find_state *at)
{
    struct session *s = session_find_id(srv, pick->session_id);
    if (s == NULL || (pick->kind != ITEM_SESSION && pick->kind != ITEM_WINDOW &&
                      pick->kind != ITEM_PANE))
        return false;
    struct winlink *wl = pick->kind == ITEM_SESSION ? s->current : NULL;
    if (pick->kind != ITEM_SESSION) {
        TAILQ_FOREACH(wl, &s->windows, entry) {
            if (wl->window->id == pick->window_id)
                break;
        }
    }
    if (wl == NULL)
        return false;
    struct pane *p = wl->window->active;
    if (pick->kind == ITEM_PANE) {
        p = NULL;
        struct pane *o;
        TAILQ_FOREACH(o, &wl->window->panes, entry) {
            if (o->id == pick->pane_id)
                p = o;
        }
        if (p == NULL)
            return false;
    }
    if (pick->kind == ITEM_PANE)
        snprintf(target, size, "=%s:%d.%%%u", s->name, wl->index, p->id);
    else if (pick->kind == ITEM_WINDOW)
        snprintf(target, size, "=%s:%d.", s->name, wl->index);
    else
        snprintf(target, size, "=%s:", s->name);
    *at = (struct cmd_find_state){.session = s, .wl = wl, .window = wl->window, .pane = p,
                                  .idx = -1};
    return true;
}

/* Enter in choose-tree: the template run for the chosen item (tmux's default switches
 * the client to it, a zoomed window staying zoomed). */
static void tree_enter(struct client *c, struct pane *p, struct chooser *ch)
{
    struct chooser_item it = *current_item(ch);
    it.id = it.name = it.text = it.buffer_name = it.command = it.unset = NULL;
    if (it.kind == ITEM_REMOTE) {
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
    /* The template (tmux's default: switch-client -Zt '%%') run with %% the chosen
     * session, window or pane. */
    struct chooser_pick pick = pick_of(&it);
    char target[256];
    struct cmd_find_state at;
    bool found = tree_target(c->server, &pick, target, sizeof target, &at);
    free(pick.name);
    if (!found) {
        leave(p); /* gone meanwhile: nothing to run */
        return;
    }
    char *line =
        cmd_template_replace(ch->template != NULL ? ch->template : TREE_COMMAND, 1, target);
    leave(p);
    run_line(c, line);
    free(line);
}

/* X's confirmation answered yes: kill the tagged sessions, windows and panes (the chosen
 * one when none is; tmux's prompt is only offered with some tagged). The chosen item
 * stays chosen; when it went, the first line is (rebuild). */
static void tree_kill_tagged(struct client *c, struct pane *p, struct chooser *ch)
{
    size_t n;
    struct chooser_pick *picks = tagged_picks(ch, true, &n);
    for (size_t i = 0; i < n; i++) {
        char *command = NULL;
        if (picks[i].kind == ITEM_SESSION)
            command = xasprintf("kill-session -t '$%u'", picks[i].session_id);
        else if (picks[i].kind == ITEM_WINDOW)
            command = xasprintf("kill-window -t '@%u'", picks[i].window_id);
        else if (picks[i].kind == ITEM_PANE)
            command = xasprintf("kill-pane -t '%%%u'", picks[i].pane_id);
        if (command != NULL)
            run_quietly(c, command); /* one gone already (a linked window twice): no matter */
        free(command);
    }
    free_picks(picks, n);
    if (chooser_of(p) == ch) { /* else the chooser's own pane went */
        rebuild(ch, p);
        redraw(p);
    }
}

/* :'s command answered: run once for each tagged item (the chosen one when none is),
 * with the item as the current target and %% its name, as tmux's "Run a command for each
 * tagged item"; the chooser stays, its tags too. */
static void tree_run_each(struct client *c, struct pane *p, struct chooser *ch,
                          const char *template)
{
    size_t n;
    struct chooser_pick *picks = tagged_picks(ch, true, &n);
    for (size_t i = 0; i < n; i++) {
        char target[256];
        struct cmd_find_state at;
        if (!tree_target(c->server, &picks[i], target, sizeof target, &at))
            continue;
        char *line = cmd_template_replace(template, 1, target);
        if (*line != '\0')
            run_line_at(c, line, &at);
        free(line);
    }
    free_picks(picks, n);
    if (chooser_of(p) == ch) {
        rebuild(ch, p);
        redraw(p);
    }
}

/* m: the pane of the chosen item (a window's active pane, a session's current one) is
 * marked (tmux's server_set_marked: no toggling, unlike select-pane -m); M: none is. */
static void tree_mark(struct client *c, struct chooser *ch, bool mark)
{
    struct server *srv = c->server;
    struct chooser_item *it = current_item(ch);
    if (mark && it != NULL) {
        struct chooser_pick pick = pick_of(it);
        char target[256];
        struct cmd_find_state at;
        if (tree_target(srv, &pick, target, sizeof target, &at)) {
            srv->marked_set = true;
            srv->marked_pane_id = at.pane->id;
        }
        free(pick.name);
    } else if (!mark)
        srv->marked_set = false;
    /* The marked pane's border and flags may show in any session. */
    struct session *s;
    TAILQ_FOREACH(s, &srv->sessions, entry)
        session_redraw(srv, s, REDRAW_FULL);
}

/* H: back to where the chooser was opened: its session and window expanded, the pane it
 * is in chosen (the window when the pane has no line of its own). */
static void tree_home(struct chooser *ch, struct pane *p)
{
    char id[64];
    snprintf(id, sizeof id, "$%u", ch->start_session);
    long at = find_line(ch, id);
    if (at >= 0)
        ch->items[ch->lines[at].item].expanded = true;
    rebuild(ch, p);
    snprintf(id, sizeof id, "$%u@%u", ch->start_session, ch->start_window);
    at = find_line(ch, id);
    if (at >= 0)
        ch->items[ch->lines[at].item].expanded = true;
    rebuild(ch, p);
    snprintf(id, sizeof id, "$%u%%%u", ch->start_session, ch->pane_id);
    if (!set_current(ch, id)) {
        snprintf(id, sizeof id, "$%u@%u", ch->start_session, ch->start_window);
        set_current(ch, id);
    }
}

/* Whether an item matches a search: a session's, window's or buffer's name (or a
 * buffer's text), a pane's command, a client's name or session. */
static bool item_matches(struct chooser *ch, const struct chooser_item *it, const char *ss)
{
    struct server *srv = ch->server;
    struct session *s = session_find_id(srv, it->session_id);
    switch (it->kind) {
    case ITEM_SESSION:
        return s != NULL && strstr(s->name, ss) != NULL;
    case ITEM_WINDOW:
    case ITEM_PANE: {
        struct winlink *wl = NULL;
        if (s != NULL) {
            TAILQ_FOREACH(wl, &s->windows, entry) {
                if (wl->window->id == it->window_id)
                    break;
            }
        }
        if (wl == NULL)
            return false;
        if (it->kind == ITEM_WINDOW)
            return strstr(wl->window->name, ss) != NULL;
        struct pane *p = session_find_pane(srv, it->pane_id);
        if (p == NULL)
            return false;
        struct format_ctx f = {.server = srv, .session = s, .wl = wl, .window = wl->window,
                               .pane = p};
        char *cmd = format_expand(&f, "#{pane_current_command}");
        bool yes = *cmd != '\0' && strstr(cmd, ss) != NULL;
        free(cmd);
        return yes;
    }
    case ITEM_BUFFER: {
        struct paste_buffer *pb = paste_find(srv, it->buffer_name);
        return strstr(it->buffer_name, ss) != NULL ||
               (pb != NULL && memmem(pb->data, pb->size, ss, strlen(ss)) != NULL);
    }
    case ITEM_CLIENT: {
        struct client *o;
        TAILQ_FOREACH(o, &srv->clients, entry) {
            if (o->id == it->client_id)
                break;
        }
        return strstr(it->name, ss) != NULL ||
               (o != NULL && o->session != NULL && strstr(o->session->name, ss) != NULL);
    }
    default:
        return it->text != NULL && strstr(it->text, ss) != NULL;
    }
}

/* Choose the next item (back: the one before) after the chosen one that matches the
 * search, in the tree's order, round from the end, its parents expanded. */
static void search_next(struct chooser *ch, struct pane *p, bool back)
{
    if (ch->search == NULL || ch->nlines == 0)
        return;
    size_t start = ch->lines[ch->current].item;
    for (size_t k = 1; k < ch->n; k++) {
        size_t i = back ? (start + ch->n - k) % ch->n : (start + k) % ch->n;
        if (!item_matches(ch, &ch->items[i], ch->search))
            continue;
        for (long up = ch->items[i].parent; up >= 0; up = ch->items[up].parent)
            ch->items[up].expanded = true;
        char *id = xstrdup(ch->items[i].id);
        rebuild(ch, p);
        set_current(ch, id);
        free(id);
        return;
    }
}

/* `send-keys -X what` on this chooser's pane, then tail: the pane named by window id and
 * index, as a %N in it would be taken for a prompt's answer. */
static char *send_keys_line(struct pane *p, const char *what, const char *tail)
{
    if (p->window == NULL)
        return xasprintf("send-keys -X %s%s", what, tail);
    return xasprintf("send-keys -t '@%u.%d' -X %s%s", p->window->id,
                     cmd_find_pane_base_index(p->window) + window_pane_index(p->window, p),
                     what, tail);
}

/* A prompt (command-prompt's, reached through the command as a key binding would:
 * overlays sit above the clients layer) whose answer comes back as send-keys -X what
 * ANSWER to this chooser's pane; initial is the text it starts with. */
static void answer_prompt(struct client *c, struct pane *p, const char *label,
                          const char *initial, const char *what)
{
    /* The prompt expands its initial text: a # stays one as ##. */
    char *escaped = xmalloc(strlen(initial) * 2 + 1), *w = escaped;
    for (const char *r = initial; *r != '\0'; r++) {
        if (*r == '#')
            *w++ = '#';
        *w++ = *r;
    }
    *w = '\0';
    char *run = send_keys_line(p, what, " '%%'");
    char *qi = cmd_escape_arg(escaped), *qr = cmd_escape_arg(run), *ql = cmd_escape_arg(label);
    char *line = xasprintf("command-prompt -p %s -I %s %s", ql, qi, qr);
    free(ql);
    run_line(c, line);
    free(line);
    free(qr);
    free(qi);
    free(run);
    free(escaped);
}

/* A yes-or-no question (confirm-before's, as x's) whose yes runs send-keys -X what on
 * this chooser's pane. */
static void confirm_prompt(struct client *c, struct pane *p, const char *label, const char *what)
{
    char *run = send_keys_line(p, what, "");
    char *qp = cmd_escape_arg(label), *qr = cmd_escape_arg(run);
    char *line = xasprintf("confirm-before -p %s %s", qp, qr);
    run_line(c, line);
    free(line);
    free(qr);
    free(qp);
    free(run);
}

static void chooser_key(struct client *c, struct pane *p, key_code key);

/* send-keys -X filter TEXT: the filter f's prompt answered (empty: none); -X search TEXT
 * and search-backward TEXT: /'s and ?'s. */
static int chooser_command(struct cmd_ctx *ctx, struct pane *p, int argc, char **argv,
                           long repeat)
{
    (void)repeat;
    struct chooser *ch = chooser_of(p);
    const char *text = argc > 1 ? argv[1] : "";
    if (ch != NULL && argc >= 1 && strcmp(argv[0], "filter") == 0) {
        free(ch->filter);
        ch->filter = *text != '\0' ? xstrdup(text) : NULL;
        rebuild(ch, p);
    } else if (ch != NULL && argc >= 1 &&
               (strcmp(argv[0], "search") == 0 || strcmp(argv[0], "search-backward") == 0)) {
        free(ch->search);
        ch->search = *text != '\0' ? xstrdup(text) : NULL;
        ch->search_back = strcmp(argv[0], "search-backward") == 0;
        rebuild(ch, p);
        search_next(ch, p, ch->search_back);
    } else if (ch != NULL && argc >= 3 && ctx->client != NULL &&
               strcmp(argv[0], "menu-key") == 0) {
        /* A menu entry: its key pressed on the line the menu was opened over. */
        char *end;
        unsigned long line = strtoul(argv[1], &end, 10);
        key_code key = key_from_name(argv[2]);
        rebuild(ch, p);
        if (*end == '\0' && line < ch->nlines && key != KEYC_NONE) {
            ch->current = line;
            check_current(ch);
            ch->from_menu = true;
            chooser_key(ctx->client, p, key);
            ch = chooser_of(p);
            if (ch != NULL)
                ch->from_menu = false;
        }
        return 0;
    } else if (ch != NULL && ch->kind == CHOOSER_TREE && argc >= 1 && ctx->client != NULL &&
               strcmp(argv[0], "kill-tagged") == 0) {
        tree_kill_tagged(ctx->client, p, ch);
        return 0;
    } else if (ch != NULL && ch->kind == CHOOSER_TREE && argc >= 2 && ctx->client != NULL &&
               strcmp(argv[0], "run-each") == 0) {
        if (*text != '\0')
            tree_run_each(ctx->client, p, ch, text);
        return 0;
    } else {
        cmd_error(ctx, "not in a mode");
        return -1;
    }
    redraw(p);
    return 0;
}

/* A key in the chooser (one no key table binds). */
static void chooser_key(struct client *c, struct pane *p, key_code key)
{
    struct chooser *ch = chooser_of(p);
    rebuild(ch, p);
    /* A shortcut key chooses its line, as Enter on it (tmux). */
    for (size_t l = 0; key != KEYC_NONE && l < ch->nlines; l++) {
        if (ch->items[ch->lines[l].item].key == key) {
            ch->current = l;
            key = KEYC_ENTER;
            break;
        }
    }
    if (key == 'q' || key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL) || key == ('g' | KEYC_CTRL)) {
        leave(p);
        return;
    }
    if (ch->kind == CHOOSER_BUFFERS && buffer_key(c, p, key))
        return;
    if (ch->kind == CHOOSER_CLIENTS && client_key(c, p, key))
        return;
    if (ch->kind == CHOOSER_CUSTOMIZE && custom_key(c, p, key))
        return;
    if (ch->kind == CHOOSER_TREE && key == KEYC_ENTER && current_item(ch) != NULL) {
        tree_enter(c, p, ch);
        return;
    }
    if (ch->kind == CHOOSER_TREE && key == 'x' && current_item(ch) != NULL) {
        tree_kill(c, current_item(ch));
        return;
    }
    if (ch->kind == CHOOSER_TREE && (key == 'X' || key == ':')) {
        /* X asks before killing the tagged items (nothing tagged: nothing to ask); :
         * asks for a command to run for each (or for the chosen one). Their answers come
         * back as send-keys -X kill-tagged and run-each. */
        size_t tagged = count_tagged(ch);
        char label[64];
        if (key == 'X' && tagged > 0) {
            snprintf(label, sizeof label, "Kill %zu tagged?", tagged);
            confirm_prompt(c, p, label, "kill-tagged");
        } else if (key == ':') {
            if (tagged > 0)
                snprintf(label, sizeof label, "(%zu tagged)", tagged);
            else
                snprintf(label, sizeof label, "(current)");
            answer_prompt(c, p, label, "", "run-each");
        }
        return;
    }
    if (ch->kind == CHOOSER_TREE && (key == 'm' || key == 'M')) {
        tree_mark(c, ch, key == 'm');
        rebuild(ch, p);
        redraw(p);
        return;
    }
    if (ch->kind == CHOOSER_TREE && key == 'H') {
        tree_home(ch, p);
        redraw(p);
        return;
    }
    if (key == 'f') {
        answer_prompt(c, p, "(filter)", ch->filter != NULL ? ch->filter : "", "filter");
        return;
    }
    if (key == '/' || key == ('s' | KEYC_CTRL) || key == '?') {
        answer_prompt(c, p, "(search)", "", key == '?' ? "search-backward" : "search");
        return;
    }
    if (key == 'n' || key == 'N') {
        search_next(ch, p, (key == 'N') != ch->search_back);
        redraw(p);
        return;
    }
    if (ch->kind == CHOOSER_TREE && (key == '<' || key == '>'))
        ch->preview_offset += key == '<' ? -1 : 1;
    else if (!tree_key(ch, p, key))
        return;
    redraw(p);
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

/* Add a remote row at 'at' (the rows after it move down). */
static void remote_row_insert(struct chooser *ch, size_t at, char *host, char *session,
                              char *text)
{
    ch->remote_rows =
        xreallocarray(ch->remote_rows, ch->nremote_rows + 1, sizeof *ch->remote_rows);
    memmove(ch->remote_rows + at + 1, ch->remote_rows + at,
            (ch->nremote_rows - at) * sizeof *ch->remote_rows);
    ch->remote_rows[at] = (struct chooser_remote_row){.host = host, .session = session,
                                                      .text = text};
    ch->nremote_rows++;
}

/* A host answered: its "listing" row becomes a row per session, or says why not. */
static void remote_listed(void *arg, const char *output, size_t len, int status)
{
    struct chooser_remote *rq = arg;
    struct chooser *ch = rq->ch;
    size_t at = 0;
    while (at < ch->nremote_rows && !(strcmp(ch->remote_rows[at].host, rq->host) == 0 &&
                                       ch->remote_rows[at].session == NULL))
        at++;
    if (at == ch->nremote_rows) {
        remote_forget(ch, rq);
        return;
    }
    struct chooser_remote_row *row = &ch->remote_rows[at];
    free(row->text);
    row->text = NULL;
    size_t added = 0;
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
            char *text = xasprintf("(%s) %s: %d windows%s", rq->host, name, windows,
                                   attached > 0 ? " (attached)" : "");
            if (added == 0) {
                /* The listing row becomes the first session's; the others go after it. */
                ch->remote_rows[at].session = xstrdup(name);
                ch->remote_rows[at].text = text;
            } else
                remote_row_insert(ch, at + added, xstrdup(rq->host), xstrdup(name), text);
            added++;
        } else if (why[0] == '\0' && ll > 0) {
            snprintf(why, sizeof why, "%s", copy);
            for (char *c = why; *c != '\0'; c++) {
                if ((unsigned char)*c < 32)
                    *c = ' ';
            }
        }
        free(copy);
    }
    if (added == 0)
        ch->remote_rows[at].text = xasprintf(
            "(%s) %s", rq->host, why[0] != '\0' ? why : status == 0 ? "no sessions" : "no answer");
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
        remote_row_insert(ch, ch->nremote_rows, xstrdup(host), NULL,
                          xasprintf("(%s) listing sessions...", host));
        char err[256];
        if (job_run(srv, command, NULL, remote_listed, rq, err, sizeof err) == NULL) {
            struct chooser_remote_row *row = &ch->remote_rows[ch->nremote_rows - 1];
            free(row->text);
            row->text = xasprintf("(%s) %s", host, err);
            free(rq->host);
            free(rq);
        } else {
            ch->remotes = xreallocarray(ch->remotes, ch->nremotes + 1, sizeof *ch->remotes);
            ch->remotes[ch->nremotes++] = rq;
        }
        free(command);
    }
}

/* A chooser of a kind for client c (NULL: none) with the flags every kind takes. */
static struct chooser *chooser_new(struct client *c, struct pane *p, enum chooser_kind kind,
                                   const struct chooser_opts *opts, const char *const *sorts)
{
    struct chooser *ch = xcalloc(1, sizeof *ch);
    ch->kind = kind;
    ch->server = p->server;
    ch->owner_id = c != NULL ? c->id : 0;
    ch->preview = !opts->no_preview;
    ch->sorts = sorts;
    for (int i = 0; sorts != NULL && opts->sort != NULL && sorts[i] != NULL; i++) {
        if (strcmp(sorts[i], opts->sort) == 0)
            ch->sort = i;
    }
    ch->reverse = opts->reverse;
    ch->template = opts->template != NULL ? xstrdup(opts->template) : NULL;
    ch->format = opts->format != NULL ? xstrdup(opts->format) : NULL;
    ch->filter = opts->filter != NULL ? xstrdup(opts->filter) : NULL;
    ch->key_format = xstrdup(opts->key_format != NULL ? opts->key_format : CHOOSER_KEY_FORMAT);
    ch->arrow_left = ch->arrow_right = -1;
    return ch;
}

void chooser_open(struct client *c, bool sessions_only)
{
    struct pane *p = c->session != NULL && c->session->current != NULL
                         ? c->session->current->window->active
                         : NULL;
    if (p == NULL)
        return;
    struct chooser_opts opts = {.tree_type = sessions_only ? 1 : 0};
    chooser_open_tree(c, p, &opts, NULL, NULL);
}

void chooser_open_tree(struct client *c, struct pane *p, const struct chooser_opts *opts,
                       bool (*match)(struct window *w, const void *arg), const void *arg)
{
    struct server *srv = p->server;
    struct chooser *ch = chooser_new(c, p, CHOOSER_TREE, opts, tree_sorts);
    ch->tree_type = opts->tree_type;
    ch->squash_groups = !opts->all_groups;
    /* The target chosen first: the pane, its window and session (the client's when the
     * window is its current one). */
    struct session *s = c != NULL && c->session != NULL && c->session->current != NULL &&
                                c->session->current->window == p->window
                            ? c->session
                            : NULL;
    if (s == NULL && p->window != NULL && !TAILQ_EMPTY(&p->window->links))
        s = TAILQ_FIRST(&p->window->links)->session;
    ch->start_session = s != NULL ? s->id : 0;
    ch->start_window = p->window != NULL ? p->window->id : 0;
    ch->start_pane = p->id;
    if (match != NULL) {
        /* find-window: the windows that match now. */
        ch->match = true;
        struct session *ms;
        TAILQ_FOREACH(ms, &srv->sessions, entry) {
            struct winlink *wl;
            TAILQ_FOREACH(wl, &ms->windows, entry) {
                if (match(wl->window, arg)) {
                    ch->matched = xreallocarray(ch->matched, ch->nmatched + 1, sizeof *ch->matched);
                    ch->matched[ch->nmatched++] = wl->window->id;
                }
            }
        }
    }
    if (!enter(p, &tree_mode, ch))
        return;
    /* Other hosts' sessions (remote-hosts), not when filtered (no windows to match). */
    if (match == NULL && opts->filter == NULL)
        remote_list(ch, p);
    rebuild(ch, p);
    zoom(ch, p, opts->zoom);
}

void chooser_open_buffers(struct client *c, struct pane *p, const struct chooser_opts *opts)
{
    struct chooser *ch = chooser_new(c, p, CHOOSER_BUFFERS, opts, buffer_sorts);
    if (!enter(p, &buffer_mode, ch))
        return;
    rebuild(ch, p);
    zoom(ch, p, opts->zoom);
}

void chooser_open_clients(struct client *c, struct pane *p, const struct chooser_opts *opts)
{
    struct chooser *ch = chooser_new(c, p, CHOOSER_CLIENTS, opts, client_sorts);
    free(ch->template);
    ch->template = xstrdup(opts->template != NULL ? opts->template : "detach-client -t '%%'");
    rebuild(ch, p);
    if (ch->nlines == 0 && ch->filter == NULL) {
        /* No client to choose: the mode does not start, as in tmux. */
        chooser_free(p, ch);
        return;
    }
    if (!enter(p, &client_mode, ch))
        return;
    zoom(ch, p, opts->zoom);
}

static void add_custom(struct chooser *ch, char *text, char *command, char *unset)
{
    long at = add_item(ch, NULL, 0, -1, xasprintf("%zu", ch->n), NULL, text, true);
    ch->items[at].kind = ITEM_CUSTOM;
    ch->items[at].command = command;
    ch->items[at].unset = unset;
}

/* customize-mode's tree: the options of each scope (server, global session, global
 * window) with their values, then the key bindings of each table. */
static void build_custom(struct chooser *ch)
{
    struct server *s = ch->server;
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
}


void chooser_open_customize(struct client *c, struct pane *p, bool zoom_pane)
{
    struct chooser_opts opts = {.key_format = ""};
    struct chooser *ch = chooser_new(c, p, CHOOSER_CUSTOMIZE, &opts, NULL);
    if (!enter(p, &options_mode, ch))
        return;
    rebuild(ch, p);
    zoom(ch, p, zoom_pane);
}

static void chooser_free(struct pane *p, void *data)
{
    struct chooser *ch = data;
    /* -Z's zoom undone, unless the window or the pane is going away (a window being
     * freed has no link left; a pane being freed has left the window's list). */
    bool in_window = false;
    if (p->window != NULL && !TAILQ_EMPTY(&p->window->links)) {
        struct pane *o;
        TAILQ_FOREACH(o, &p->window->panes, entry)
            in_window = in_window || o == p;
    }
    if (ch->zoomed && in_window && p->window->zoomed)
        window_zoom(p->window, false);
    /* Hosts still listing: their answers go nowhere (the commands run out). */
    while (ch->nremotes > 0) {
        struct chooser_remote *rq = ch->remotes[0];
        job_forget_owner(ch->server, rq);
        remote_forget(ch, rq);
    }
    free(ch->remotes);
    for (size_t i = 0; i < ch->nremote_rows; i++) {
        free(ch->remote_rows[i].host);
        free(ch->remote_rows[i].session);
        free(ch->remote_rows[i].text);
    }
    free(ch->remote_rows);
    free_items(ch->items, ch->n);
    free(ch->lines);
    free(ch->matched);
    free(ch->template);
    free(ch->format);
    free(ch->filter);
    free(ch->search);
    free(ch->key_format);
    if (ch->double_timer != NULL)
        event_free(ch->double_timer);
    free(ch);
}

/* Run one command for the client (errors on its status line). */
static void run_argv(struct client *c, int argc, char **argv)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_argv(&ctx, argc, argv);
    client_command_done(c, &ctx, false);
}

/* Run a command line for the client (errors on its status line). */
static void run_line(struct client *c, const char *line)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_string(&ctx, line);
    client_command_done(c, &ctx, false);
}

/* Run a command line for the client with at as the current target (a command without
 * -t acts on it), errors on its status line. */
static void run_line_at(struct client *c, const char *line, const struct cmd_find_state *at)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = true,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_find_set_current(&ctx, at->session, at->window, at->pane);
    cmd_execute_string(&ctx, line);
    client_command_done(c, &ctx, false);
}

/* Run a command line for the client now (not after the commands queued for it), its
 * errors dropped. */
static void run_quietly(struct client *c, const char *line)
{
    struct cmd_ctx ctx = {.server = c->server, .client = c, .from_key = false,
                          .out = evbuffer_new(), .err = evbuffer_new()};
    cmd_execute_string(&ctx, line);
    evbuffer_drain(ctx.err, evbuffer_get_length(ctx.err));
    client_command_done(c, &ctx, false);
}

/* The items as the server has them now, then drawn (chooser_draw.c). */
static void chooser_draw(struct pane *p, struct canvas *cv, int x0, int y0, int width,
                         int height)
{
    struct chooser *ch = p->mode_data;
    rebuild(ch, p);
    chooser_draw_mode(p, ch, cv, x0, y0, width, height);
}

/* tmux's KEYC_CLICK_TIMEOUT: a second press sooner is a double click. */
#define CHOOSER_CLICK_MS 300

/* A left click or a double click at row y of the list: the line there is chosen (tmux
 * counts the row just below the list as in it), and a double click presses Enter on it.
 * The right button chooses as the left (tmux shows its menu too, tmx does not). */
static void click_line(struct client *c, struct pane *p, struct chooser *ch, int y, bool twice)
{
    rebuild(ch, p);
    if (y < 0 || y > ch->height || ch->offset + (size_t)y >= ch->nlines)
        return;
    ch->current = ch->offset + (size_t)y;
    if (twice)
        chooser_key(c, p, KEYC_ENTER);
    else
        redraw(p);
}

/* One line of a chooser's menu: its name and the key it presses (NULL name: a line). */
struct menu_line {
    const char *name, *key;
};

/* The menus of tmux 3.3a's mode trees: over a line, the chooser's keys; below the list,
 * the preview's scrolling. */
static const struct menu_line tree_menu[] = {
    {"Select", "Enter"}, {"Expand", "Right"}, {"Mark", "m"}, {NULL, NULL},
    {"Tag", "t"}, {"Tag All", "C-t"}, {"Tag None", "T"}, {NULL, NULL},
    {"Kill", "x"}, {"Kill Tagged", "X"}, {NULL, NULL}, {"Cancel", "q"}, {NULL, "end"}};
static const struct menu_line buffer_menu[] = {
    {"Paste", "p"}, {"Paste Tagged", "P"}, {NULL, NULL},
    {"Tag", "t"}, {"Tag All", "C-t"}, {"Tag None", "T"}, {NULL, NULL},
    {"Delete", "d"}, {"Delete Tagged", "D"}, {NULL, NULL}, {"Cancel", "q"}, {NULL, "end"}};
static const struct menu_line client_menu[] = {
    {"Detach", "d"}, {"Detach Tagged", "D"}, {NULL, NULL},
    {"Tag", "t"}, {"Tag All", "C-t"}, {"Tag None", "T"}, {NULL, NULL},
    {"Cancel", "q"}, {NULL, "end"}};
static const struct menu_line custom_menu[] = {
    {"Select", "Enter"}, {"Expand", "Right"}, {NULL, NULL},
    {"Tag", "t"}, {"Tag All", "C-t"}, {"Tag None", "T"}, {NULL, NULL},
    {"Cancel", "q"}, {NULL, "end"}};
static const struct menu_line outside_menu[] = {
    {"Scroll Left", "<"}, {"Scroll Right", ">"}, {NULL, NULL}, {"Cancel", "q"},
    {NULL, "end"}};

/* The right button at (x, y) of the pane: tmux's menu of the mode (display-menu's, the
 * overlays above are reached through the command), titled with the name of the line
 * clicked (the chosen one's when there is none), or the preview's when outside; its
 * left edge half its width left of x, its top at y (tmux takes the pane's cell for
 * the terminal's). A chosen entry presses its key on that line (send-keys -X
 * menu-key LINE KEY to the chooser's pane). */
static void show_menu(struct client *c, struct pane *p, struct chooser *ch, int x, int y,
                      bool outside)
{
    if (ch->nlines == 0 || p->window == NULL)
        return;
    size_t line = ch->offset + (size_t)y > ch->nlines - 1 ? ch->current : ch->offset + (size_t)y;
    const struct chooser_item *it = &ch->items[ch->lines[line].item];
    const struct menu_line *lines = outside                      ? outside_menu
                                    : ch->kind == CHOOSER_TREE    ? tree_menu
                                    : ch->kind == CHOOSER_BUFFERS ? buffer_menu
                                    : ch->kind == CHOOSER_CLIENTS ? client_menu
                                                                  : custom_menu;
    const char *name = outside || it->name == NULL ? "" : it->name;
    /* Its title: the name, a # in it kept as itself (the title is a format). */
    struct evbuffer *title = evbuffer_new();
    if (!outside)
        evbuffer_add_printf(title, "#[align=centre]");
    for (const char *n = name; *n != '\0'; n++)
        evbuffer_add_printf(title, *n == '#' ? "##" : "%c", *n);
    int width = (int)strlen(name), count = 0;
    char pane[64];
    snprintf(pane, sizeof pane, "@%u.%d", p->window->id,
             cmd_find_pane_base_index(p->window) + window_pane_index(p->window, p));
    struct evbuffer *items = evbuffer_new();
    for (const struct menu_line *l = lines; l->key == NULL || strcmp(l->key, "end") != 0; l++) {
        count++;
        if (l->name == NULL) {
            evbuffer_add_printf(items, " ''");
            continue;
        }
        if ((int)(strlen(l->name) + 3 + strlen(l->key)) > width)
            width = (int)(strlen(l->name) + 3 + strlen(l->key));
        char *run = xasprintf("send-keys -t '%s' -X menu-key %zu %s", pane, line, l->key);
        char *qn = cmd_escape_arg(l->name), *qk = cmd_escape_arg(l->key), *qr = cmd_escape_arg(run);
        evbuffer_add_printf(items, " %s %s %s", qn, qk, qr);
        free(qr);
        free(qk);
        free(qn);
        free(run);
    }
    int half = (width + 4) / 2;
    x = x >= half ? x - half : 0;
    evbuffer_add(title, "", 1);
    evbuffer_add(items, "", 1);
    char *qt = cmd_escape_arg((const char *)evbuffer_pullup(title, -1));
    /* display-menu's -y is the row below the box: its top row is y. */
    char *command = xasprintf("display-menu -T %s -x %d -y %d%s", qt, x, y + count + 2,
                              (const char *)evbuffer_pullup(items, -1));
    run_line(c, command);
    free(command);
    free(qt);
    evbuffer_free(items);
    evbuffer_free(title);
}

/* A left click in choose-tree's preview of a session or a window: on or beyond the line
 * by a '<' or '>' it scrolls the preview; elsewhere it presses Enter on the chosen
 * item. (tmux 3.3a also moves to the window or pane clicked, but enters the item that
 * was chosen before: the session or window is what the client goes to.) */
static void preview_click(struct client *c, struct pane *p, struct chooser *ch, int x)
{
    const struct chooser_item *it = current_item(ch);
    if (ch->kind != CHOOSER_TREE || it == NULL ||
        (it->kind != ITEM_SESSION && it->kind != ITEM_WINDOW))
        return;
    if (ch->arrow_left >= 0 && x <= ch->arrow_left)
        chooser_key(c, p, '<');
    else if (ch->arrow_right >= 0 && x >= ch->arrow_right)
        chooser_key(c, p, '>');
    else
        chooser_key(c, p, KEYC_ENTER);
}

/* 300 ms passed after a second click without a third: it was a double click (tmux
 * 3.3a tells it so, a triple click being no double one). */
static void double_click_cb(evutil_socket_t fd, short what, void *arg)
{
    (void)fd;
    (void)what;
    struct chooser *ch = arg;
    ch->click_stage = 0;
    struct pane *p = session_find_pane(ch->server, ch->pane_id);
    struct client *c;
    TAILQ_FOREACH(c, &ch->server->clients, entry) {
        if (c->id == ch->double_client)
            break;
    }
    if (p != NULL && chooser_of(p) == ch && c != NULL && !c->exiting)
        click_line(c, p, ch, ch->double_y, true);
}

/* A mouse event over the chooser (mouse on), as tmux 3.3a's mode tree takes it: a left
 * click on a line chooses it, a double click chooses the line and presses Enter on it;
 * the wheel, a triple click, and clicks below the list do nothing. Presses of the same
 * button within 300 ms of each other are a click, a second click (a double click if no
 * third comes within 300 ms), a triple click, then a click again. */
static void chooser_mouse(struct client *c, struct pane *p, const struct mouse_event *m, int x,
                          int y)
{
    struct chooser *ch = chooser_of(p);
    int button = m->button & KEY_MOUSE_BUTTON_MASK;
    if (ch == NULL || m->release || (m->button & (KEY_MOUSE_MOTION | KEY_MOUSE_WHEEL)) != 0 ||
        button == 3)
        return;
    int64_t now = clock_monotonic_ms();
    bool soon = now - ch->click_ms < CHOOSER_CLICK_MS && m->button == ch->click_button &&
                ch->click_stage > 0;
    int stage = soon && ch->click_stage < 3 ? ch->click_stage + 1 : 1;
    ch->click_ms = now;
    ch->click_button = m->button;
    ch->click_stage = stage == 3 ? 0 : stage;
    if (ch->double_timer != NULL)
        evtimer_del(ch->double_timer);
    bool plain = (m->button & KEY_MOUSE_MODS) == 0; /* M-MouseDown3Pane is no mode's */
    if (stage == 2 && plain && (m->button & ~KEY_MOUSE_MODS) == 0) {
        if (ch->double_timer == NULL)
            ch->double_timer = evtimer_new(ch->server->base, double_click_cb, ch);
        ch->double_client = c->id;
        ch->double_y = y;
        struct timeval tv = {0, CHOOSER_CLICK_MS * 1000};
        evtimer_add(ch->double_timer, &tv);
        return;
    }
    int pressed = m->button & ~KEY_MOUSE_MODS;
    if (stage == 1 && plain && pressed == 0 && y > ch->height) {
        preview_click(c, p, ch, x);
        return;
    }
    if (stage == 1 && plain && (pressed == 0 || pressed == 2))
        click_line(c, p, ch, y, false);
    if (stage == 1 && plain && pressed == 2 && chooser_of(p) == ch)
        show_menu(c, p, ch, x, y, y > ch->height);
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
    .mouse = chooser_mouse,
    .command = chooser_command,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode buffer_mode = {
    .name = "buffer-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .mouse = chooser_mouse,
    .command = chooser_command,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode client_mode = {
    .name = "client-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .mouse = chooser_mouse,
    .command = chooser_command,
    .client_gone = chooser_client_gone,
};

static const struct pane_mode options_mode = {
    .name = "options-mode",
    .free = chooser_free,
    .draw = chooser_draw,
    .key = chooser_key,
    .mouse = chooser_mouse,
    .command = chooser_command,
    .client_gone = chooser_client_gone,
};
