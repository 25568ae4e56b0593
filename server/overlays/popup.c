/* popup.c - display-popup's box with a program in it (see popup.h). */
#include "popup.h"

#include <stdlib.h>
#include <string.h>

#include "box_lines.h"
#include "client_state.h"
#include "envset.h"
#include "job_pty.h"
#include "keys.h"
#include "options.h"
#include "overlay.h"
#include "pane_draw.h"
#include "pane_input.h"
#include "redraw.h"
#include "render.h"
#include "server_client.h"
#include "server_state.h"
#include "session.h"
#include "vt.h"
#include "vt_modes.h"
#include "vt_ops.h"
#include "xmalloc.h"

/* Popups sit over the status line, under menus (menu.c, 120). */
#define OVERLAY_LAYER_POPUP 115

struct popup {
    struct server *server;
    struct client *c;          /* the client showing it (it goes before the client) */
    struct popup_spec spec;
    char *title;
    struct job_pty *job;       /* NULL once the program exited */
    int status;                /* its exit status once it exited, else -1 */
    struct vt *vt;
};

static const struct overlay_ops popup_ops;

/* The program's area: the box less its border. */
static void inner_area(const struct popup *pp, int *x, int *y, int *cols, int *rows)
{
    int b = pp->spec.border ? 1 : 0;
    *x = pp->spec.x + b;
    *y = pp->spec.y + b;
    *cols = pp->spec.cols - 2 * b;
    *rows = pp->spec.rows - 2 * b;
}

static void popup_reply(void *arg, const char *buf, size_t len)
{
    struct popup *pp = arg;
    if (pp->job != NULL)
        job_pty_write(pp->job, buf, len);
}

static const struct vt_ops popup_vt_ops = {
    .reply = popup_reply,
};

static void popup_output(void *arg, const char *buf, size_t len)
{
    struct popup *pp = arg;
    vt_feed(pp->vt, buf, len);
    client_redraw(pp->c, REDRAW_STATUS);
}

/* The program exited and its output was read: close (-E, -EE on success) or stay. */
static void popup_exited(void *arg, int status)
{
    struct popup *pp = arg;
    pp->job = NULL; /* job_pty frees it after this returns */
    pp->status = status;
    if (pp->spec.close == POPUP_CLOSE_EXIT ||
        (pp->spec.close == POPUP_CLOSE_EXIT_ZERO && status == 0))
        overlay_close(pp->c, &popup_ops);
}

static const struct job_pty_ops popup_job_ops = {
    .output = popup_output,
    .exited = popup_exited,
};

bool popup_open(struct client *c, const struct popup_spec *spec, struct job_pty_spawn *spawn,
                char *err, size_t errsize)
{
    struct popup *pp = xcalloc(1, sizeof *pp);
    pp->server = c->server;
    pp->c = c;
    pp->spec = *spec;
    pp->status = -1;
    pp->title = spec->title != NULL ? xstrdup(spec->title) : NULL;
    pp->spec.title = pp->title;
    int x, y, cols, rows;
    inner_area(pp, &x, &y, &cols, &rows);
    spawn->cols = cols;
    spawn->rows = rows;
    pp->vt = vt_create(cols, rows, 0);
    vt_set_ops(pp->vt, &popup_vt_ops, pp);
    pp->job = job_pty_start(c->server, spawn, &popup_job_ops, pp, err, errsize);
    if (pp->job == NULL) {
        vt_free(pp->vt);
        free(pp->title);
        free(pp);
        return false;
    }
    overlay_open(c, &popup_ops, pp);
    return true;
}

void popup_close(struct client *c)
{
    overlay_close(c, &popup_ops);
}

static void popup_draw(struct client *c, void *data, struct canvas *cv, int rows_below)
{
    struct popup *pp = data;
    (void)c;
    (void)rows_below;
    const struct popup_spec *sp = &pp->spec;
    if (sp->x + sp->cols > cv->cols || sp->y + sp->rows > cv->rows)
        return;
    int x, y, cols, rows;
    inner_area(pp, &x, &y, &cols, &rows);
    if (sp->border) {
        const struct box_lines *l = box_lines_named(sp->lines);
        const struct grid_pen *bp = &sp->border_style;
        int right = sp->x + sp->cols - 1, bottom = sp->y + sp->rows - 1;
        canvas_put_cell(cv, sp->x, sp->y, l->tl, 1, bp);
        canvas_put_cell(cv, right, sp->y, l->tr, 1, bp);
        canvas_put_cell(cv, sp->x, bottom, l->bl, 1, bp);
        canvas_put_cell(cv, right, bottom, l->br, 1, bp);
        for (int i = sp->x + 1; i < right; i++) {
            canvas_put_cell(cv, i, sp->y, l->h, 1, bp);
            canvas_put_cell(cv, i, bottom, l->h, 1, bp);
        }
        for (int j = sp->y + 1; j < bottom; j++) {
            canvas_put_cell(cv, sp->x, j, l->v, 1, bp);
            canvas_put_cell(cv, right, j, l->v, 1, bp);
        }
        if (pp->title != NULL && *pp->title != '\0')
            canvas_put_text(cv, sp->x + 2, sp->y, right, pp->title, bp);
    }
    pane_draw_vt(pp->vt, cv, x, y, cols, rows);
    /* The popup's style colours what the program left in default colours. */
    for (int j = 0; j < rows; j++) {
        for (int i = 0; i < cols; i++) {
            struct grid_cell *cell = canvas_cell(cv, x + i, y + j);
            if (cell->fg == COLOUR_DEFAULT)
                cell->fg = sp->style.fg;
            if (cell->bg == COLOUR_DEFAULT)
                cell->bg = sp->style.bg;
        }
    }
    int cx, cy;
    vt_cursor(pp->vt, &cx, &cy);
    cv->cursor_visible = pp->job != NULL && (vt_modes(pp->vt) & VT_MODE_CURSOR_VISIBLE) != 0;
    cv->cx = x + cx;
    cv->cy = y + cy;
    cv->cursor_style = vt_cursor_style(pp->vt);
}

/* Keys go to the program; Escape and C-c close the popup when nothing is running or
 * it was not opened to close with its program. */
static bool popup_key(struct client *c, void *data, key_code key)
{
    struct popup *pp = data;
    if ((pp->spec.close == POPUP_CLOSE_NEVER || pp->job == NULL) &&
        (key == KEYC_ESCAPE || key == ('c' | KEYC_CTRL))) {
        overlay_close(c, &popup_ops);
        return true;
    }
    if (pp->job == NULL)
        return true;
    uint32_t modes = vt_modes(pp->vt);
    int flags = pane_input_key_flags(pp->vt, pp->server);
    if ((key == KEYC_PASTE_START || key == KEYC_PASTE_END) && !(modes & VT_MODE_BRACKETED_PASTE))
        return true;
    char buf[KEY_ENCODE_MAX];
    struct key_event ev;
    key_event_from_key(key, &ev);
    size_t n = key_encode_event(&ev, flags, buf);
    if (n > 0)
        job_pty_write(pp->job, buf, n);
    return true;
}

/* The client's terminal changed size: the box stays inside it, smaller if it must. */
static void popup_resize(struct client *c, void *data)
{
    struct popup *pp = data;
    struct popup_spec *sp = &pp->spec;
    if (sp->cols > c->cols)
        sp->cols = c->cols;
    if (sp->rows > c->rows)
        sp->rows = c->rows;
    if (sp->x + sp->cols > c->cols)
        sp->x = c->cols - sp->cols;
    if (sp->y + sp->rows > c->rows)
        sp->y = c->rows - sp->rows;
    int x, y, cols, rows;
    inner_area(pp, &x, &y, &cols, &rows);
    if (cols < 1 || rows < 1)
        return;
    if (cols != vt_cols(pp->vt) || rows != vt_rows(pp->vt)) {
        vt_resize(pp->vt, cols, rows);
        if (pp->job != NULL)
            job_pty_resize(pp->job, cols, rows);
    }
}

static void popup_free(void *data)
{
    struct popup *pp = data;
    if (pp->job != NULL)
        job_pty_free(pp->job);
    if (pp->spec.waiting_client != 0)
        server_client_exit_id(pp->server, pp->spec.waiting_client, 0);
    if (pp->spec.closed != NULL)
        pp->spec.closed(pp->status, pp->spec.closed_arg);
    vt_free(pp->vt);
    free(pp->title);
    free(pp);
}

static const struct overlay_ops popup_ops = {
    .name = "popup",
    .layer = OVERLAY_LAYER_POPUP,
    .draw = popup_draw,
    .key = popup_key,
    .resize = popup_resize,
    .free = popup_free,
};

char **popup_environment(struct client *c, struct session *sess, const char *const *extra,
                         int nextra)
{
    size_t n = 0, size = c->nenv + (size_t)(nextra > 0 ? nextra : 0) + 5;
    char **env = xcalloc(size, sizeof *env);
    for (size_t i = 0; i < c->nenv; i++) {
        if (!envset_describes_outside(c->env[i]))
            env[n++] = xstrdup(c->env[i]);
    }
    struct server *srv = c->server;
    const char *term = options_get_string(srv->options, "default-terminal");
    env[n++] = xasprintf("TERM=%s", *term != '\0' ? term : srv->default_terminal);
    if (sess != NULL) {
        env[n++] = xasprintf("TMX=%s,%ld,%u", srv->socket_path, (long)srv->pid, sess->id);
        env[n++] = xasprintf("TMUX=%s,%ld,%u", srv->socket_path, (long)srv->pid, sess->id);
    }
    for (int i = 0; i < nextra; i++)
        env[n++] = xstrdup(extra[i]);
    env[n] = NULL;
    return env;
}

void popup_environment_free(char **env)
{
    for (char **e = env; *e != NULL; e++)
        free(*e);
    free(env);
}
