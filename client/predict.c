/* predict.c - predictive local echo for tmx -H (option remote-predict): a printable key
 * typed where the server says a program echoes it (MSG_PREDICT: the active pane is on its
 * main screen, its pty echoes or it echoes itself, no mode, prompt or prefix) is shown at
 * once, underlined, at the cursor of the terminal as the server's frames left it (a vt
 * fed with those frames). The server's echo overwrites it (confirmed); a prediction the
 * frames did not confirm in time is withdrawn: the cell is drawn again as the frames
 * left it. Predictions never move the terminal's cursor (save/restore around them), so
 * the server's frames land where the server thinks. */
#include "predict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock_ms.h"
#include "tty.h"
#include "vt.h"
#include "xmalloc.h"

void predict_init(struct predict *p, int cols, int rows)
{
    memset(p, 0, sizeof *p);
    p->vt = vt_create(cols, rows, 0);
    p->withdraw_ms = 1000;
}

void predict_free(struct predict *p)
{
    if (p->vt != NULL)
        vt_free(p->vt);
    p->vt = NULL;
}

void predict_resize(struct predict *p, int cols, int rows)
{
    if (p->vt != NULL)
        vt_resize(p->vt, cols, rows);
    p->n = 0; /* the frames after a resize repaint everything */
}

void predict_allow(struct predict *p, bool allowed)
{
    p->allowed = allowed;
}

/* Draw cell (x, y) as the server's frames left it (plain: its colours are not known to
 * be anything but the defaults where a prompt's input goes). */
static void withdraw(struct predict *p, int x, int y, int fd)
{
    const struct grid_cell *gc = vt_cell(p->vt, x, y);
    char ch = gc != NULL && gc->ch >= 0x20 && gc->ch < 0x7f ? (char)gc->ch : ' ';
    char buf[64];
    int n = snprintf(buf, sizeof buf, "\0337\033[%d;%dH\033[0m%c\0338", y + 1, x + 1, ch);
    fd_write_all(fd, buf, (size_t)n);
}

void predict_output(struct predict *p, const void *buf, size_t len, int fd)
{
    vt_feed(p->vt, buf, len);
    long long now = clock_monotonic_ms();
    int keep = 0;
    for (int i = 0; i < p->n; i++) {
        const struct grid_cell *gc = vt_cell(p->vt, p->cells[i].x, p->cells[i].y);
        if (gc != NULL && gc->ch == (uint32_t)(unsigned char)p->cells[i].ch) {
            p->confirmed++;
            continue; /* the server drew it: confirmed */
        }
        if (now - p->cells[i].when > p->withdraw_ms) {
            withdraw(p, p->cells[i].x, p->cells[i].y, fd);
            p->withdrawn++;
            continue;
        }
        p->cells[keep++] = p->cells[i];
    }
    p->n = keep;
}

void predict_tick(struct predict *p, int fd)
{
    long long now = clock_monotonic_ms();
    int keep = 0;
    for (int i = 0; i < p->n; i++) {
        if (now - p->cells[i].when > p->withdraw_ms) {
            withdraw(p, p->cells[i].x, p->cells[i].y, fd);
            p->withdrawn++;
        } else
            p->cells[keep++] = p->cells[i];
    }
    p->n = keep;
}

void predict_keys(struct predict *p, const char *buf, size_t len, int fd)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)buf[i];
        if (c < 0x20 || c == 0x7f || c >= 0x80) {
            /* A control key (the prefix, Enter, an escape sequence...): what comes next
             * is not known to echo until the server says so again. */
            p->allowed = false;
            continue;
        }
        if (!p->allowed || p->n == PREDICT_MAX)
            continue;
        int x, y;
        if (p->n > 0) {
            x = p->cells[p->n - 1].x + 1;
            y = p->cells[p->n - 1].y;
        } else
            vt_cursor(p->vt, &x, &y);
        if (x >= vt_cols(p->vt) - 1)
            continue; /* no prediction across a wrap */
        const struct grid_cell *gc = vt_cell(p->vt, x, y);
        if (gc != NULL && gc->ch != 0 && gc->ch != ' ')
            continue; /* insert in the middle of a line: not predicted */
        char out[64];
        int n = snprintf(out, sizeof out, "\0337\033[%d;%dH\033[0;4m%c\0338", y + 1, x + 1,
                         (char)c);
        fd_write_all(fd, out, (size_t)n);
        p->cells[p->n].x = x;
        p->cells[p->n].y = y;
        p->cells[p->n].ch = (char)c;
        p->cells[p->n].when = clock_monotonic_ms();
        p->n++;
        p->shown++;
    }
}

bool predict_pending(const struct predict *p)
{
    return p->n > 0;
}

void predict_withdraw_all(struct predict *p, int fd)
{
    for (int i = 0; i < p->n; i++) {
        withdraw(p, p->cells[i].x, p->cells[i].y, fd);
        p->withdrawn++;
    }
    p->n = 0;
    p->allowed = false;
}
