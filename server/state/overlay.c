/* overlay.c - a client's stack of overlays (see overlay.h). */
#include "overlay.h"

#include <limits.h>
#include <stdlib.h>

#include "client_state.h"
#include "redraw.h"
#include "xmalloc.h"

static void changed(struct client *c)
{
    client_redraw(c, REDRAW_STATUS);
}

/* Take the overlay of these ops out of c's list; NULL if it is not open. */
static struct overlay *unlink_ops(struct client *c, const struct overlay_ops *ops)
{
    for (struct overlay **op = &c->overlays; *op != NULL; op = &(*op)->below) {
        struct overlay *o = *op;
        if (o->ops == ops) {
            *op = o->below;
            return o;
        }
    }
    return NULL;
}

void overlay_open(struct client *c, const struct overlay_ops *ops, void *data)
{
    struct overlay *old = unlink_ops(c, ops);
    if (old != NULL) {
        old->ops->free(old->data);
        free(old);
    }
    struct overlay *o = xmalloc(sizeof *o);
    *o = (struct overlay){.ops = ops, .data = data};
    struct overlay **op = &c->overlays;
    while (*op != NULL && (*op)->ops->layer > ops->layer)
        op = &(*op)->below;
    o->below = *op;
    *op = o;
    changed(c);
}

void overlay_close(struct client *c, const struct overlay_ops *ops)
{
    struct overlay *o = unlink_ops(c, ops);
    if (o == NULL)
        return;
    o->ops->free(o->data);
    free(o);
    changed(c);
}

void overlay_close_all(struct client *c)
{
    while (c->overlays != NULL)
        overlay_close(c, c->overlays->ops);
}

void *overlay_data(struct client *c, const struct overlay_ops *ops)
{
    for (struct overlay *o = c->overlays; o != NULL; o = o->below) {
        if (o->ops == ops)
            return o->data;
    }
    return NULL;
}

/* The highest overlay under layer 'under' (an overlay may close itself while handling
 * an event, so the walk goes by layer, not by pointer). */
static struct overlay *next_under(struct client *c, int under)
{
    struct overlay *o = c->overlays;
    while (o != NULL && o->ops->layer >= under)
        o = o->below;
    return o;
}

bool overlay_key(struct client *c, key_code key)
{
    for (struct overlay *o = next_under(c, INT_MAX); o != NULL;) {
        int layer = o->ops->layer;
        if (o->ops->key != NULL && o->ops->key(c, o->data, key))
            return true;
        o = next_under(c, layer);
    }
    return false;
}

bool overlay_mouse(struct client *c, const struct mouse_event *m)
{
    for (struct overlay *o = next_under(c, INT_MAX); o != NULL;) {
        int layer = o->ops->layer;
        if (o->ops->mouse == NULL || o->ops->mouse(c, o->data, m))
            return true;
        o = next_under(c, layer);
    }
    return false;
}

/* o's list bottom up: what is below o first. */
static void draw_from(struct client *c, struct overlay *o, struct canvas *cv, int rows,
                      bool above_status)
{
    if (o == NULL)
        return;
    draw_from(c, o->below, cv, rows, above_status);
    if ((o->ops->layer >= OVERLAY_LAYER_STATUS) == above_status)
        o->ops->draw(c, o->data, cv, rows);
}

void overlay_draw(struct client *c, struct canvas *cv, int rows, bool above_status)
{
    draw_from(c, c->overlays, cv, rows, above_status);
}

void overlay_resize(struct client *c)
{
    for (struct overlay *o = c->overlays; o != NULL; o = o->below) {
        if (o->ops->resize != NULL)
            o->ops->resize(c, o->data);
    }
}
