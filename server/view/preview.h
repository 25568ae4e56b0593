/* preview.h - what tmux 3.3a's choosers (choose-tree, choose-buffer, choose-client)
 * draw in their preview box below the list: lines of a box, text, a pane's screen
 * around its cursor, a window's panes or a session's windows side by side, each with
 * its label in a small box in its middle. Everything is clipped to an area: the
 * chooser's pane in the canvas. */
#ifndef TMX_PREVIEW_H
#define TMX_PREVIEW_H

struct canvas;
struct grid_pen;
struct pane;
struct session;
struct window;

/* The rectangle of cv the drawing stays in; coordinates below are relative to it. */
struct preview_area {
    struct canvas *cv;
    int x0, y0, cols, rows;
};

/* A box of lines w x h with its top-left corner at (x, y). */
void preview_box(const struct preview_area *a, int x, int y, int w, int h);
/* A horizontal line of w cells from (x, y); a vertical one of h cells. */
void preview_hline(const struct preview_area *a, int x, int y, int w);
void preview_vline(const struct preview_area *a, int x, int y, int h);
/* text from (x, y), at most max columns (control characters as '_'); returns the
 * column after it. */
int preview_text(const struct preview_area *a, int x, int y, const char *text,
                 const struct grid_pen *pen, int max);
/* Pane p's screen in w x h cells at (x, y): when its cursor shows, the part around the
 * cursor (a third of the way in from the top left) with the cursor's cell in reverse;
 * otherwise its top left. */
void preview_pane(const struct preview_area *a, int x, int y, int w, int h, struct pane *p);
/* Where the '<' and '>' columns of a preview of sides were drawn: the column of the line
 * beside each (a click there or beyond scrolls, as tmux's), -1 when there is none. */
struct preview_arrows {
    int left, right;
};

/* Session s's windows side by side in w x h at (x, y) (each its active pane, labelled
 * " INDEX:NAME ", or " INDEX " where that does not fit), as many as leave each 24
 * columns around the current one, with a '<' or '>' column where some are left out
 * (their places into *arrows); *offset moves them (and is kept where something shows). */
void preview_session(const struct preview_area *a, int x, int y, int w, int h,
                     struct session *s, int *offset, struct preview_arrows *arrows);
/* Window win's panes the same way, labelled " INDEX " (s: whose options colour them). */
void preview_window(const struct preview_area *a, int x, int y, int w, int h,
                    struct session *s, struct window *win, int *offset,
                    struct preview_arrows *arrows);

#endif
