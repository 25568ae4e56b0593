/* snapshot_read.c - a snapshot file into an image (snapshot_file.h): records are
 * checked (length, checksum) and applied in order, so a file cut anywhere gives what
 * its whole records held; a record whose contents do not decode is left out and
 * named. Lines stay encoded (pointing into the file's bytes) but are checked here, so
 * memory is bounded by the file's size and restoring them cannot fail. */
#include "snapshot_file.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cell.h"
#include "vt_snapshot.h"
#include "xmalloc.h"

#define SNAP_FILE_MAX ((size_t)1 << 30) /* a file larger than this is refused */

void snap_report(struct snap_image *img, const char *fmt, ...)
{
    char line[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    size_t old = img->report != NULL ? strlen(img->report) : 0;
    if (old > 16384)
        return; /* enough said */
    size_t n = strlen(line);
    img->report = xrealloc(img->report, old + n + 2);
    memcpy(img->report + old, line, n);
    img->report[old + n] = '\n';
    img->report[old + n + 1] = '\0';
}

static void free_opts(struct snap_opts *o)
{
    for (size_t i = 0; i < o->n; i++) {
        free(o->v[i].key);
        free(o->v[i].value);
    }
    free(o->v);
    o->v = NULL;
    o->n = 0;
}

static void free_envs(struct snap_envs *e)
{
    for (size_t i = 0; i < e->n; i++) {
        free(e->v[i].name);
        free(e->v[i].value);
    }
    free(e->v);
    e->v = NULL;
    e->n = 0;
}

static void free_state(struct snap_image *img)
{
    free_opts(&img->server_opts);
    free_opts(&img->session_opts);
    free_opts(&img->window_opts);
    free_envs(&img->env);
    for (size_t i = 0; i < img->nbuffers; i++) {
        free(img->buffers[i].name);
        free(img->buffers[i].data);
    }
    free(img->buffers);
    for (size_t i = 0; i < img->nsessions; i++) {
        struct snap_session *ss = &img->sessions[i];
        free(ss->name);
        free(ss->cwd);
        free(ss->group);
        free_envs(&ss->env);
        free_opts(&ss->opts);
        free(ss->links);
    }
    free(img->sessions);
    for (size_t i = 0; i < img->nwindows; i++) {
        struct snap_window *sw = &img->windows[i];
        free(sw->name);
        free(sw->layout);
        free_opts(&sw->opts);
        for (size_t j = 0; j < sw->npanes; j++) {
            struct snap_pane *sp = &sw->panes[j];
            free(sp->cwd);
            free(sp->command);
            for (int k = 0; k < sp->argc; k++)
                free(sp->argv[k]);
            free(sp->argv);
            free_opts(&sp->opts);
        }
        free(sw->panes);
    }
    free(img->windows);
    img->buffers = NULL;
    img->sessions = NULL;
    img->windows = NULL;
    img->nbuffers = img->nsessions = img->nwindows = 0;
    img->has_state = false;
}

void snap_image_free(struct snap_image *img)
{
    free_state(img);
    for (size_t i = 0; i < img->npdata; i++) {
        free(img->pdata[i].main);
        free(img->pdata[i].alt);
        free(img->pdata[i].hist);
    }
    free(img->pdata);
    free(img->exits);
    free(img->data);
    free(img->report);
    memset(img, 0, sizeof *img);
}

struct snap_pdata *snap_image_pdata(const struct snap_image *img, uint32_t id)
{
    for (size_t i = 0; i < img->npdata; i++)
        if (img->pdata[i].id == id)
            return &img->pdata[i];
    return NULL;
}

static size_t get_count(struct sbuf_reader *r);

/* The keeper's record as it left (SNAP_REC_EXITS): each pane's exit status and the last
 * of its output; it replaces an earlier one. */
static bool read_exits(struct snap_image *img, struct sbuf_reader *r)
{
    size_t n = get_count(r);
    if (r->bad || n > SNAP_PANES_MAX)
        return false;
    struct snap_exit *e = n > 0 ? xcalloc(n, sizeof *e) : NULL;
    for (size_t i = 0; i < n && !r->bad; i++) {
        e[i].id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
        e[i].pid = sbuf_get_int(r, 0, INT32_MAX);
        e[i].status = (int)sbuf_get_int(r, INT32_MIN, INT32_MAX);
        e[i].head = sbuf_get_varint(r);
        e[i].bytes = sbuf_get_bytes(r, SNAP_RECORD_MAX, &e[i].len);
        if (!r->bad && e[i].len > e[i].head)
            r->bad = true; /* more bytes than the program ever wrote */
    }
    if (r->bad || !sbuf_reader_done(r)) {
        free(e);
        return false;
    }
    free(img->exits);
    img->exits = e;
    img->nexits = n;
    return true;
}

const struct snap_exit *snap_image_exit(const struct snap_image *img, uint32_t id)
{
    for (size_t i = 0; i < img->nexits; i++)
        if (img->exits[i].id == id)
            return &img->exits[i];
    return NULL;
}

/* A count of items in a list, bounded, each taking at least one byte. */
static size_t get_count(struct sbuf_reader *r)
{
    uint64_t n = sbuf_get_varint(r);
    if (n > SNAP_ITEMS_MAX || n > r->len - r->off) {
        r->bad = true;
        return 0;
    }
    return (size_t)n;
}

static void get_opts(struct sbuf_reader *r, struct snap_opts *o)
{
    size_t n = get_count(r);
    o->v = xcalloc(n + 1, sizeof *o->v);
    for (size_t i = 0; i < n && !r->bad; i++) {
        o->v[i].key = sbuf_get_str(r, 256);
        o->v[i].value = sbuf_get_str(r, SNAP_STRING_MAX);
        o->n = i + 1;
    }
}

static void get_envs(struct sbuf_reader *r, struct snap_envs *e)
{
    size_t n = get_count(r);
    e->v = xcalloc(n + 1, sizeof *e->v);
    for (size_t i = 0; i < n && !r->bad; i++) {
        uint8_t f = sbuf_get_byte(r);
        e->v[i].name = sbuf_get_str(r, 4096);
        char *value = sbuf_get_str(r, SNAP_STRING_MAX);
        e->v[i].hidden = (f & 1) != 0;
        if ((f & 2) != 0) {
            free(value);
            value = NULL;
        }
        e->v[i].value = value;
        e->n = i + 1;
        if (f > 3)
            r->bad = true;
    }
}

static void get_state(struct sbuf_reader *r, struct snap_image *img)
{
    img->saved = sbuf_get_int(r, 0, LONG_MAX);
    get_opts(r, &img->server_opts);
    get_opts(r, &img->session_opts);
    get_opts(r, &img->window_opts);
    get_envs(r, &img->env);
    size_t n = get_count(r);
    img->buffers = xcalloc(n + 1, sizeof *img->buffers);
    for (size_t i = 0; i < n && !r->bad; i++) {
        struct snap_buffer *b = &img->buffers[i];
        img->nbuffers = i + 1;
        b->name = sbuf_get_str(r, 4096);
        size_t len;
        const uint8_t *data = sbuf_get_bytes(r, 16u << 20, &len);
        if (data != NULL) {
            b->data = xmalloc(len + 1);
            memcpy(b->data, data, len);
            b->size = len;
        }
        b->created = (long)sbuf_get_int(r, 0, LONG_MAX);
        b->automatic = sbuf_get_byte(r) != 0;
    }
    n = get_count(r);
    img->sessions = xcalloc(n + 1, sizeof *img->sessions);
    for (size_t i = 0; i < n && !r->bad; i++) {
        struct snap_session *ss = &img->sessions[i];
        img->nsessions = i + 1;
        ss->id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
        ss->name = sbuf_get_str(r, 4096);
        ss->cwd = sbuf_get_str(r, 4096);
        ss->group = sbuf_get_str(r, 4096);
        ss->created = (long)sbuf_get_int(r, 0, LONG_MAX);
        ss->cols = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        ss->rows = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        ss->current = (int)sbuf_get_int(r, -1, INT32_MAX);
        get_envs(r, &ss->env);
        get_opts(r, &ss->opts);
        size_t nl = get_count(r);
        ss->links = xcalloc(nl + 1, sizeof *ss->links);
        for (size_t j = 0; j < nl && !r->bad; j++) {
            ss->links[j].index = (int)sbuf_get_int(r, 0, INT32_MAX);
            ss->links[j].window = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
            ss->nlinks = j + 1;
        }
    }
    n = get_count(r);
    img->windows = xcalloc(n + 1, sizeof *img->windows);
    for (size_t i = 0; i < n && !r->bad; i++) {
        struct snap_window *sw = &img->windows[i];
        img->nwindows = i + 1;
        sw->id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
        sw->name = sbuf_get_str(r, 4096);
        sw->cols = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        sw->rows = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        sw->layout = sbuf_get_str(r, SNAP_STRING_MAX);
        sw->active = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
        sw->zoomed = sbuf_get_byte(r) != 0;
        get_opts(r, &sw->opts);
        size_t np = get_count(r);
        sw->panes = xcalloc(np + 1, sizeof *sw->panes);
        for (size_t j = 0; j < np && !r->bad; j++) {
            struct snap_pane *sp = &sw->panes[j];
            sw->npanes = j + 1;
            sp->id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
            sp->cwd = sbuf_get_str(r, 4096);
            sp->command = sbuf_get_str(r, SNAP_STRING_MAX);
            size_t na = get_count(r);
            if (na > 4096)
                r->bad = true;
            sp->argv = xcalloc(na + 1, sizeof *sp->argv);
            for (size_t k = 0; k < na && !r->bad; k++) {
                sp->argv[k] = sbuf_get_str(r, SNAP_STRING_MAX);
                if (sp->argv[k] != NULL)
                    sp->argc = (int)k + 1;
            }
            uint8_t f = sbuf_get_byte(r);
            sp->dead = (f & 1) != 0;
            sp->shell = (f & 2) != 0;
            sp->status = (int)sbuf_get_int(r, INT32_MIN, INT32_MAX);
            sp->pid = (long)sbuf_get_int(r, 0, INT32_MAX);
            get_opts(r, &sp->opts);
        }
    }
    if (sbuf_reader_done(r))
        return; /* a snapshot from before the windows' manual sizes */
    /* In the windows' order (one pass: no search a hostile file could make long); an
     * item whose id is not its window's is left out. */
    n = get_count(r);
    for (size_t i = 0; i < n && !r->bad; i++) {
        uint32_t id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
        int cols = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        int rows = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
        if (!r->bad && i < img->nwindows && img->windows[i].id == id) {
            img->windows[i].manual_cols = cols;
            img->windows[i].manual_rows = rows;
        }
    }
}

static struct snap_pdata *pdata_get(struct snap_image *img, uint32_t id)
{
    struct snap_pdata *pd = snap_image_pdata(img, id);
    if (pd != NULL || img->npdata >= SNAP_PANES_MAX)
        return pd;
    img->pdata = xreallocarray(img->pdata, img->npdata + 1, sizeof *img->pdata);
    pd = &img->pdata[img->npdata++];
    memset(pd, 0, sizeof *pd);
    pd->id = id;
    return pd;
}

/* Check the next line of r and note where it is. */
static bool take_line(struct sbuf_reader *r, struct grid_line *scratch, struct snap_line *out)
{
    size_t start = r->off;
    if (!vt_snapshot_get_line(r, NULL, scratch))
        return false;
    out->p = r->p + start;
    out->len = (uint32_t)(r->off - start);
    return true;
}

static bool read_screen(struct snap_image *img, struct sbuf_reader *r, struct grid_line *scratch)
{
    uint32_t id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
    int cols = (int)sbuf_get_int(r, 1, VT_SNAPSHOT_MAX_COLS);
    int rows = (int)sbuf_get_int(r, 1, 10000);
    int limit = (int)sbuf_get_int(r, 0, INT32_MAX);
    size_t slen;
    const uint8_t *state = sbuf_get_bytes(r, 65536, &slen);
    if (r->bad)
        return false;
    struct snap_pdata *pd = pdata_get(img, id);
    if (pd == NULL)
        return false;
    if (!pd->has_screen || pd->cols != cols || pd->rows != rows) {
        free(pd->main);
        free(pd->alt);
        pd->main = xcalloc((size_t)rows, sizeof *pd->main);
        pd->alt = xcalloc((size_t)rows, sizeof *pd->alt);
        pd->cols = cols;
        pd->rows = rows;
    }
    pd->has_screen = true;
    pd->limit = limit > SNAP_HISTORY_MAX ? SNAP_HISTORY_MAX : limit;
    pd->state = state;
    pd->state_len = slen;
    size_t n = get_count(r);
    for (size_t i = 0; i < n && !r->bad; i++) {
        bool alt = sbuf_get_byte(r) != 0;
        int y = (int)sbuf_get_int(r, 0, rows - 1);
        struct snap_line line;
        if (r->bad || !take_line(r, scratch, &line))
            return false;
        (alt ? pd->alt : pd->main)[y] = line;
    }
    pd->has_head = false;
    if (!r->bad && r->off < r->len && sbuf_get_byte(r) == 1) {
        pd->head = sbuf_get_varint(r);
        pd->has_head = !r->bad;
    }
    return !r->bad;
}

static void hist_push(struct snap_pdata *pd, struct snap_line line, size_t limit)
{
    if (limit == 0)
        return;
    while (pd->hist_n >= limit) { /* the oldest goes */
        pd->hist_start = (pd->hist_start + 1) % pd->hist_cap;
        pd->hist_n--;
    }
    if (pd->hist_n == pd->hist_cap) {
        /* Grow, unrolling the ring. */
        size_t cap = pd->hist_cap < 64 ? 64 : pd->hist_cap * 2;
        if (cap > limit)
            cap = limit;
        struct snap_line *v = xcalloc(cap, sizeof *v);
        for (size_t i = 0; i < pd->hist_n; i++)
            v[i] = pd->hist[(pd->hist_start + i) % pd->hist_cap];
        free(pd->hist);
        pd->hist = v;
        pd->hist_cap = cap;
        pd->hist_start = 0;
    }
    pd->hist[(pd->hist_start + pd->hist_n++) % pd->hist_cap] = line;
}

static bool read_history(struct snap_image *img, struct sbuf_reader *r, struct grid_line *scratch)
{
    uint32_t id = (uint32_t)sbuf_get_int(r, 0, UINT32_MAX);
    bool reset = sbuf_get_byte(r) != 0;
    int limit = (int)sbuf_get_int(r, 0, INT32_MAX);
    size_t n = (size_t)sbuf_get_varint(r);
    if (r->bad || n > r->len - r->off)
        return false;
    struct snap_pdata *pd = pdata_get(img, id);
    if (pd == NULL)
        return false;
    if (reset) {
        pd->hist_n = pd->hist_start = 0;
        pd->hist_reset = true;
    }
    size_t cap = (size_t)(limit > SNAP_HISTORY_MAX ? SNAP_HISTORY_MAX : limit);
    pd->limit = (int)cap;
    for (size_t i = 0; i < n; i++) {
        struct snap_line line;
        if (!take_line(r, scratch, &line))
            return false;
        hist_push(pd, line, cap);
    }
    return true;
}

int snap_image_parse(struct snap_image *img, uint8_t *data, size_t size)
{
    memset(img, 0, sizeof *img);
    img->data = data;
    img->size = size;
    if (size < SNAP_HEADER_SIZE || memcmp(data, SNAP_MAGIC, 8) != 0) {
        snap_report(img, "not a tmx snapshot file (no TMXSNAP header)");
        return -1;
    }
    struct sbuf_reader h;
    sbuf_reader_init(&h, data + 8, 8);
    uint32_t version = sbuf_get_u32(&h);
    if (version != SNAP_VERSION) {
        snap_report(img, "snapshot format version %u: this tmx reads version %u only",
                    version, SNAP_VERSION);
        return -1;
    }
    struct grid_line scratch = {0};
    size_t off = SNAP_HEADER_SIZE;
    while (off < size) {
        if (size - off < 9) {
            snap_report(img, "the file ends inside a record at byte %zu: what came after "
                        "it was not saved", off);
            break;
        }
        uint8_t type = data[off];
        uint32_t len = (uint32_t)data[off + 1] | (uint32_t)data[off + 2] << 8 |
                       (uint32_t)data[off + 3] << 16 | (uint32_t)data[off + 4] << 24;
        if (len > SNAP_RECORD_MAX || len > size - off - 9) {
            snap_report(img, "the file ends inside a record at byte %zu (or its length is "
                        "wrong): what came after it was not saved", off);
            break;
        }
        const uint8_t *p = data + off + 5;
        const uint8_t *c = p + len;
        uint32_t crc = (uint32_t)c[0] | (uint32_t)c[1] << 8 | (uint32_t)c[2] << 16 |
                       (uint32_t)c[3] << 24;
#ifndef TMX_FUZZING
        if (sbuf_crc32(0, data + off, 5 + (size_t)len) != crc) {
            snap_report(img, "damaged record at byte %zu (checksum): it and what came after "
                        "it are left out", off);
            break;
        }
#else
        (void)crc;
#endif
        struct sbuf_reader r;
        sbuf_reader_init(&r, p, len);
        bool ok = true;
        switch (type) {
        case SNAP_REC_STATE:
            free_state(img);
            get_state(&r, img);
            ok = !r.bad;
            img->has_state = true; /* as far as it went */
            break;
        case SNAP_REC_SCREEN:
            ok = read_screen(img, &r, &scratch);
            break;
        case SNAP_REC_HISTORY:
            ok = read_history(img, &r, &scratch);
            break;
        case SNAP_REC_EXITS:
            ok = read_exits(img, &r);
            break;
        default:
            snap_report(img, "record of unknown type %u at byte %zu skipped", type, off);
            break;
        }
        if (!ok)
            snap_report(img, "record at byte %zu (type %u) does not decode: left out", off,
                        type);
        off += 9 + (size_t)len;
    }
    grid_line_release(&scratch);
    if (!img->has_state) {
        snap_report(img, "no sessions in the snapshot");
        return -1;
    }
    return 0;
}

int snap_image_read(struct snap_image *img, const char *path)
{
    memset(img, 0, sizeof *img);
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
        (size_t)st.st_size > SNAP_FILE_MAX) {
        int e = errno;
        if (fd >= 0)
            close(fd);
        snap_report(img, "cannot read %s: %s", path,
                    fd < 0 || e != 0 ? strerror(e) : "not a regular file of a sane size");
        return -1;
    }
    size_t size = (size_t)st.st_size, got = 0;
    uint8_t *data = xmalloc(size + 1);
    while (got < size) {
        ssize_t n = read(fd, data + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    return snap_image_parse(img, data, got);
}
