/* snapshot_fuzz.c - libFuzzer target for the snapshot file's reader
 * (server/policy/snapshot_read.c) and restore (snapshot_restore.c): the input is a whole
 * file. It is parsed into an image (records, lines, states; the checksums are not
 * checked in the fuzz build, so the decoders behind them are reached), then restored
 * into an empty in-memory server (tests/fuzz/fake_server.c, made once) as a restarted
 * server does (SNAPSHOT_ADOPT: no program is started); what it made is freed after each
 * input. Checked: no crash, no leak, and a file that was refused (-1) made nothing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_gate.h"
#include "fake_server.h"
#include "log.h"
#include "paste.h"
#include "server_state.h"
#include "session.h"
#include "snapshot.h"
#include "snapshot_file.h"

static struct server *srv;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    log_open("/dev/null");
    cmd_gate_selftest();
    srv = fake_server_create(false);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size + 1);
    memcpy(copy, data, size);
    struct snap_image img;
    int rc = snap_image_parse(&img, copy, size);
    if (rc == 0)
        snap_restore_image(srv, &img, SNAPSHOT_ADOPT, NULL, NULL);
    else if (!TAILQ_EMPTY(&srv->sessions))
        abort();
    snap_image_free(&img);
    while (!TAILQ_EMPTY(&srv->sessions))
        session_free(TAILQ_FIRST(&srv->sessions));
    paste_free_all(srv);
    return 0;
}
