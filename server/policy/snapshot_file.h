/* snapshot_file.h - the snapshot file's records and the image a reader builds from them
 * (internal to the snapshot modules: snapshot.c writes, snapshot_read.c reads,
 * snapshot_restore.c turns an image into sessions). docs/protocol.md has the format. */
#ifndef TMX_SNAPSHOT_FILE_H
#define TMX_SNAPSHOT_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "sbuf.h"

#define SNAP_MAGIC "TMXSNAP"      /* 8 bytes with its NUL */
#define SNAP_VERSION 1
#define SNAP_HEADER_SIZE 16       /* magic, u32 version, u32 flags */
#define SNAP_RECORD_MAX (64u << 20)
#define SNAP_HISTORY_MAX 1000000  /* lines a pane may bring back */
#define SNAP_PANES_MAX 10000
#define SNAP_STRING_MAX 65536
#define SNAP_ITEMS_MAX 100000     /* options, variables, buffers, sessions... per list */

enum snap_record {
    SNAP_REC_STATE = 1,   /* everything but the panes' cells (replaces the last one) */
    SNAP_REC_SCREEN = 2,  /* a pane's screen state and the rows that changed */
    SNAP_REC_HISTORY = 3, /* history lines of a pane (appended, or from scratch) */
    SNAP_REC_EXITS = 4,   /* the keeper's, as it left: exit statuses and last output
                           * (KEEPER_SNAP_REC_EXITS; replaces an earlier one) */
};

/* A program that ended after its server died, as the keeper left it (SNAP_REC_EXITS). */
struct snap_exit {
    uint32_t id;
    long pid;
    int status;
    uint64_t head;       /* its output ring's byte count: bytes are the last len before it */
    const uint8_t *bytes; /* into the file's bytes */
    size_t len;
};

/* A line of the file, still encoded (vt_snapshot_put_line), checked when read. */
struct snap_line {
    const uint8_t *p;
    uint32_t len;
};

struct snap_opt {
    char *key;   /* name, name[N] or @name */
    char *value;
};

struct snap_opts {
    struct snap_opt *v;
    size_t n;
};

struct snap_env {
    char *name;
    char *value; /* NULL: removed */
    bool hidden;
};

struct snap_envs {
    struct snap_env *v;
    size_t n;
};

/* What the file holds of one pane's cells (SCREEN and HISTORY records). */
struct snap_pdata {
    uint32_t id;
    bool has_screen;
    int cols, rows, limit;
    const uint8_t *state;   /* vt_snapshot state, in the file's bytes */
    size_t state_len;
    struct snap_line *main, *alt; /* rows lines each (p NULL: blank) */
    struct snap_line *hist;       /* a ring of at most 'limit' lines */
    size_t hist_n, hist_start, hist_cap;
    bool hist_reset;              /* a HISTORY record started it from scratch */
    bool has_head;                /* the output ring's head the screen stands for */
    uint64_t head;
};

struct snap_pane {
    uint32_t id;
    char *cwd;
    char *command;   /* the foreground command line when saved ("" if not known) */
    int argc;        /* the command it was started with (respawn) */
    char **argv;
    bool dead, shell; /* shell: started as the default shell, the shell in the foreground */
    int status;
    long pid;
    struct snap_opts opts;
};

struct snap_window {
    uint32_t id;
    char *name;
    int cols, rows;
    int manual_cols, manual_rows; /* its window-size manual size; 0: not saved (older) */
    char *layout;
    uint32_t active;
    bool zoomed;
    struct snap_opts opts;
    struct snap_pane *panes;
    size_t npanes;
};

struct snap_link {
    int index;
    uint32_t window;
};

struct snap_session {
    uint32_t id;
    char *name;
    char *cwd;
    char *group;
    long created;
    int cols, rows;
    int current;
    struct snap_envs env;
    struct snap_opts opts;
    struct snap_link *links;
    size_t nlinks;
};

struct snap_buffer {
    char *name;
    uint8_t *data;
    size_t size;
    long created;
    bool automatic;
};

struct snap_image {
    uint8_t *data;          /* the file's bytes (lines point into it) */
    size_t size;
    bool has_state;
    long saved;             /* time of the last STATE */
    struct snap_opts server_opts, session_opts, window_opts;
    struct snap_envs env;
    struct snap_buffer *buffers;
    size_t nbuffers;
    struct snap_session *sessions;
    size_t nsessions;
    struct snap_window *windows;
    size_t nwindows;
    struct snap_pdata *pdata;
    size_t npdata;
    struct snap_exit *exits;
    size_t nexits;
    char *report;           /* what could not be read, lines; NULL if nothing */
};

/* Read a file into img (snapshot_read.c). -1 when nothing could be read (img->report
 * says why); 0 otherwise, img->report naming what was lost. Free with snap_image_free. */
int snap_image_read(struct snap_image *img, const char *path);
/* The same from bytes in memory (taken: freed with the image). The fuzzer's way in. */
int snap_image_parse(struct snap_image *img, uint8_t *data, size_t size);
void snap_image_free(struct snap_image *img);
struct snap_pdata *snap_image_pdata(const struct snap_image *img, uint32_t id);
/* The keeper's record of pane id's exit, or NULL. */
const struct snap_exit *snap_image_exit(const struct snap_image *img, uint32_t id);
/* Add a line to img->report. */
void snap_report(struct snap_image *img, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Make what img holds into s (snapshot_restore.c; snapshot.h's snapshot_restore
 * without the file; mode is an enum snapshot_mode): the number of sessions made; img->report gets what was not. */
struct server;
struct snapshot_restore_ops;
int snap_restore_image(struct server *s, struct snap_image *img, int mode,
                       const struct snapshot_restore_ops *ops, void *arg);

/* Frame a record: type, u32 length, payload, u32 CRC of all three (snapshot.c). */
void snap_record(struct sbuf *out, uint8_t type, const struct sbuf *payload);

#endif
