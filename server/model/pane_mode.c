/* pane_mode.c - a pane's stack of modes (see pane_mode.h). The top mode is kept in the
 * pane itself (p->mode, p->mode_data), read on every frame; the modes below it, rarely
 * more than one, in a short list. */
#include "pane_mode.h"

#include <stdlib.h>

#include "model.h"
#include "notify.h"
#include "server_state.h"
#include "xmalloc.h"

/* A mode waiting under the top one. */
struct pane_mode_entry {
    const struct pane_mode *mode;
    void *data;
    struct pane_mode_entry *next; /* the one below it */
};

/* The pane went into a mode or out of its last one: #{pane_in_mode} changed. */
static void mode_changed(struct pane *p)
{
    notify_emit(p->server, &(struct notify){.type = NOTIFY_PANE_MODE, .pane = p});
}

void pane_mode_push(struct pane *p, const struct pane_mode *m, void *data)
{
    bool entered = p->mode == NULL;
    if (p->mode != NULL) {
        struct pane_mode_entry *e = xmalloc(sizeof *e);
        *e = (struct pane_mode_entry){.mode = p->mode, .data = p->mode_data,
                                      .next = p->modes_below};
        p->modes_below = e;
    }
    p->mode = m;
    p->mode_data = data;
    if (entered)
        mode_changed(p);
}

/* Take the entry of mode m out of the list below the top; NULL if it is not there. */
static struct pane_mode_entry *unlink_below(struct pane *p, const struct pane_mode *m)
{
    for (struct pane_mode_entry **ep = &p->modes_below; *ep != NULL; ep = &(*ep)->next) {
        struct pane_mode_entry *e = *ep;
        if (e->mode == m) {
            *ep = e->next;
            return e;
        }
    }
    return NULL;
}

/* The mode below comes to the top (it may have missed a resize while it waited). */
static void resume_below(struct pane *p)
{
    struct pane_mode_entry *e = p->modes_below;
    if (e == NULL) {
        p->mode = NULL;
        p->mode_data = NULL;
        return;
    }
    p->modes_below = e->next;
    p->mode = e->mode;
    p->mode_data = e->data;
    free(e);
    pane_mode_resize(p);
}

bool pane_mode_raise(struct pane *p, const struct pane_mode *m)
{
    if (p->mode == m)
        return true;
    struct pane_mode_entry *e = unlink_below(p, m);
    if (e == NULL)
        return false;
    pane_mode_push(p, e->mode, e->data);
    free(e);
    pane_mode_resize(p);
    return true;
}

/* Take the top mode off; tell the listeners when it was the last unless the pane itself
 * is going. */
static void pop_top(struct pane *p, bool tell)
{
    if (p->mode == NULL)
        return;
    const struct pane_mode *m = p->mode;
    void *data = p->mode_data;
    resume_below(p);
    m->free(p, data);
    if (tell && p->mode == NULL)
        mode_changed(p);
}

void pane_mode_pop(struct pane *p)
{
    pop_top(p, true);
}

void pane_mode_remove(struct pane *p, const struct pane_mode *m)
{
    if (p->mode == m) {
        pane_mode_pop(p);
        return;
    }
    struct pane_mode_entry *e = unlink_below(p, m);
    if (e != NULL) {
        e->mode->free(p, e->data);
        free(e);
    }
}

void pane_mode_free_all(struct pane *p)
{
    while (p->mode != NULL)
        pop_top(p, false);
}

void *pane_mode_data(const struct pane *p, const struct pane_mode *m)
{
    if (p->mode == m)
        return p->mode_data;
    for (const struct pane_mode_entry *e = p->modes_below; e != NULL; e = e->next) {
        if (e->mode == m)
            return e->data;
    }
    return NULL;
}

unsigned pane_mode_depth(const struct pane *p)
{
    if (p->mode == NULL)
        return 0;
    unsigned n = 1;
    for (const struct pane_mode_entry *e = p->modes_below; e != NULL; e = e->next)
        n++;
    return n;
}

void pane_mode_resize(struct pane *p)
{
    if (p->mode != NULL && p->mode->resize != NULL)
        p->mode->resize(p, p->cols, p->rows);
}

/* Leave the modes of p that acted for client_id alone. True if any did. */
static bool pane_client_gone(struct pane *p, uint32_t client_id)
{
    bool any = false;
    for (;;) {
        const struct pane_mode *gone = NULL;
        if (p->mode != NULL && p->mode->client_gone != NULL &&
            p->mode->client_gone(p->mode_data, client_id))
            gone = p->mode;
        for (const struct pane_mode_entry *e = p->modes_below; gone == NULL && e != NULL;
             e = e->next) {
            if (e->mode->client_gone != NULL && e->mode->client_gone(e->data, client_id))
                gone = e->mode;
        }
        if (gone == NULL)
            return any;
        pane_mode_remove(p, gone);
        any = true;
    }
}

bool pane_mode_client_gone(struct server *s, uint32_t client_id)
{
    bool any = false;
    struct session *sess;
    TAILQ_FOREACH(sess, &s->sessions, entry) {
        struct winlink *wl;
        TAILQ_FOREACH(wl, &sess->windows, entry) {
            struct window *w = wl->window;
            struct pane *p;
            TAILQ_FOREACH(p, &w->panes, entry) {
                if (p->mode != NULL && pane_client_gone(p, client_id))
                    any = true;
            }
        }
    }
    return any;
}
