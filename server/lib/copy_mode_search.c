/* copy_mode_search.c - copy-mode search over history and screen: forward and back,
 * wrapping around, case-insensitive for an all lower-case needle (as tmux). Matches
 * are found within one line. */
#include "copy_mode_core.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "xmalloc.h"

/* The text searched for, as characters. */
struct needle {
    uint32_t *cp;
    int n;
    bool fold;   /* no upper-case letter: ignore case */
};

static uint32_t fold_ascii(uint32_t c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool needle_make(struct needle *nd, const char *text)
{
    size_t len = strlen(text);
    nd->cp = xcalloc(len + 1, sizeof *nd->cp);
    nd->n = 0;
    nd->fold = true;
    struct utf8_decoder d = {0};
    for (size_t i = 0; i < len; i++) {
        int reprocess = 0;
        int32_t cp = utf8_decode_byte(&d, (uint8_t)text[i], &reprocess);
        if (cp == UTF8_MORE)
            continue;
        if (cp == UTF8_INVALID) {
            cp = 0xfffd;
            if (reprocess)
                i--;
        }
        if (cp >= 'A' && cp <= 'Z')
            nd->fold = false;
        nd->cp[nd->n++] = (uint32_t)cp;
    }
    return nd->n > 0;
}

/* The characters of a line and the column each starts at. */
struct chars {
    uint32_t *cp;
    int *x;
    int n, size;
};

static void chars_of(struct chars *cs, const struct grid_line *l)
{
    if (l->used > cs->size) {
        cs->cp = xreallocarray(cs->cp, (size_t)l->used, sizeof *cs->cp);
        cs->x = xreallocarray(cs->x, (size_t)l->used, sizeof *cs->x);
        cs->size = l->used;
    }
    cs->n = 0;
    for (int x = 0; x < l->used; x++) {
        const struct grid_cell *c = &l->cells[x];
        if (grid_cell_width(c) == 0)
            continue;
        cs->cp[cs->n] = c->ch != 0 ? c->ch : ' ';
        cs->x[cs->n++] = x;
    }
}

static bool match_at(const struct chars *cs, int i, const struct needle *nd)
{
    if (i + nd->n > cs->n)
        return false;
    for (int j = 0; j < nd->n; j++) {
        uint32_t a = cs->cp[i + j], b = nd->cp[j];
        if (nd->fold ? fold_ascii(a) != b : a != b)
            return false;
    }
    return true;
}

/* The character index of the first match starting after column 'after' (forward) or
 * the last one starting before column 'before' (backward); -1 if none. */
static int find_in_line(const struct chars *cs, const struct needle *nd, bool up,
                        int after, int before)
{
    if (!up) {
        for (int i = 0; i < cs->n; i++) {
            if (cs->x[i] > after && match_at(cs, i, nd))
                return i;
        }
    } else {
        for (int i = cs->n - 1; i >= 0; i--) {
            if (cs->x[i] < before && match_at(cs, i, nd))
                return i;
        }
    }
    return -1;
}

static bool search_from(const struct grid *g, struct copy_state *cs, const char *text,
                        bool up)
{
    struct needle nd;
    if (!needle_make(&nd, text)) {
        free(nd.cp);
        return false;
    }
    struct grid_line l = {0};
    struct chars ch = {0};
    int64_t first = copy_first_line(g), last = copy_last_line(g);
    int64_t total = last - first + 1, y = cs->cy;
    int found = -1;
    /* emacs keys, forward: the cursor is at the end of the last match, a match may
     * start right there */
    int after = !up && !cs->vi ? cs->cx - 1 : cs->cx;
    /* Every line once, starting with the cursor's (after / before the cursor), then
     * the cursor's line again for what wrapping around reaches. */
    for (int64_t k = 0; k <= total && found < 0; k++) {
        copy_line_fetch(g, y, &l);
        chars_of(&ch, &l);
        if (k == 0)
            found = find_in_line(&ch, &nd, up, up ? -1 : after, up ? cs->cx : 0);
        else if (k == total)
            found = find_in_line(&ch, &nd, up, up ? cs->cx - 1 : -1,
                                 up ? grid_cols(g) + l.used : cs->cx + 1);
        else
            found = find_in_line(&ch, &nd, up, -1, l.used + 1);
        if (found >= 0 || (cs->no_wrap && y == (up ? first : last)))
            break;
        y = up ? (y == first ? last : y - 1) : (y == last ? first : y + 1);
    }
    int x = -1;
    if (found >= 0) {
        x = ch.x[found];
        if (!up && !cs->vi) { /* emacs keys, forward: as tmux, at the match's end */
            int i = found + nd.n - 1;
            x = ch.x[i] + grid_cell_width(&l.cells[ch.x[i]]);
            if (x > grid_cols(g) - 1)
                x = grid_cols(g) - 1;
        }
    }
    copy_line_free(&l);
    free(ch.cp);
    free(ch.x);
    free(nd.cp);
    if (found < 0)
        return false;
    cs->cy = y;
    cs->cx = x;
    copy_show_line(g, cs, y);
    return true;
}

bool copy_search(const struct grid *g, struct copy_state *cs, const char *text, bool up)
{
    if (cs->search != text) {
        free(cs->search);
        cs->search = xstrdup(text);
    }
    cs->search_up = up;
    return search_from(g, cs, cs->search, up);
}

bool copy_search_again(const struct grid *g, struct copy_state *cs, bool reverse)
{
    if (cs->search == NULL)
        return false;
    return search_from(g, cs, cs->search, reverse ? !cs->search_up : cs->search_up);
}

void copy_search_marks(const struct copy_state *cs, const struct grid_line *l,
                       uint8_t *marks, int width)
{
    if (cs->search == NULL)
        return;
    struct needle nd;
    struct chars ch = {0};
    if (needle_make(&nd, cs->search)) {
        chars_of(&ch, l);
        for (int i = 0; i < ch.n; i++) {
            if (!match_at(&ch, i, &nd))
                continue;
            int end = i + nd.n < ch.n ? ch.x[i + nd.n] : l->used;
            for (int x = ch.x[i]; x < end && x < width; x++)
                marks[x] = 1;
        }
    }
    free(ch.cp);
    free(ch.x);
    free(nd.cp);
}
