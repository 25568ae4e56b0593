/* capture.h - the text of a pane for capture-pane: a range of its screen and history
 * lines as UTF-8, optionally with colours and attributes as SGR sequences (-e), wrapped
 * lines joined (-J) or trailing spaces kept (-N), or the normal screen saved under the
 * alternate screen (-a). Reads the vt only: it can be tested without a server. */
#ifndef TMX_CAPTURE_H
#define TMX_CAPTURE_H

#include <stdbool.h>

struct vt;
struct evbuffer;

struct capture_opts {
    /* Lines as capture-pane numbers them: 0 the first visible line, negative ones the
     * history (-1 the newest). Each clamped to what exists, then swapped if start > end. */
    int start, end;
    bool alternate;   /* -a: the normal screen kept while the alternate one is shown */
    bool escapes;     /* -e: SGR sequences for what changes in colours and attributes
                       * (as tmux writes them), OSC 8 around hyperlinks (closed at the end
                       * of each line) */
    bool join;        /* -J: join wrapped lines, keep the spaces a program wrote */
    bool keep_spaces; /* -N: the trailing spaces a program wrote are kept */
};

/* The history lines capture-pane can reach (0 with 'alternate': no history there). */
int capture_history_size(const struct vt *vt, bool alternate);
/* Append the lines, each ended by '\n' (a joined line ends once), to out. */
void capture_text(const struct vt *vt, const struct capture_opts *o, struct evbuffer *out);

#endif
