/* keeper_fuzz.c - libFuzzer target for the keeper's packets (common/keeper_proto.c), the
 * decoder both the keeper and the server run on what the other sends. The input is a
 * series of packets, each a 2-byte little-endian length then that many bytes (so one run
 * reaches many packets), every one decoded from an exact-size heap copy (ASan flags a read
 * past its end). What a decoded packet says is checked against the packet: every string
 * inside it and NUL-terminated, argv and env of the announced counts, NULL-terminated.
 * Consecutive KMSG_PART packets are put together with the KMSG_SPAWN that follows, as the
 * keeper does, bounded by KEEPER_SPAWN_MAX. The first 32 bytes are also the header of an
 * output ring (common/keeper_ring.c) the server maps from the keeper's memfd: the odd
 * first byte makes magic, version and size right, so head (any value) is reached; a
 * ring that maps must read back its whole window and take a write at its tail. Seeds:
 * corpus/keeper/. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include "keeper_proto.h"
#include "keeper_ring.h"

static void fail(const char *what)
{
    fprintf(stderr, "keeper_fuzz: %s\n", what);
    abort();
}

/* s must lie inside [base, base + len) and end there with a NUL. */
static void check_str(const char *s, const char *base, size_t len)
{
    if (s == NULL)
        return;
    if (s < base || s >= base + len)
        fail("a string outside its packet");
    if (memchr(s, '\0', (size_t)(base + len - s)) == NULL)
        fail("a string without its NUL");
}

static void check(const struct keeper_msg *m, const char *buf, size_t len)
{
    check_str(m->text, buf, len);
    check_str(m->file, buf, len);
    check_str(m->cwd, buf, len);
    if (m->type == KMSG_SPAWN) {
        if (m->argv == NULL || m->env == NULL || m->argc == 0)
            fail("a spawn without argv or env");
        for (uint32_t i = 0; i < m->argc; i++)
            check_str(m->argv[i], buf, len);
        for (uint32_t i = 0; i < m->envc; i++)
            check_str(m->env[i], buf, len);
        if (m->argv[m->argc] != NULL || m->env[m->envc] != NULL)
            fail("argv or env not NULL-terminated");
    }
    if (m->data != NULL && (m->data < buf || m->data + m->size > buf + len))
        fail("ring bytes outside the packet");
}

/* A ring file whose header page starts with the 32 bytes at data. */
static void fuzz_ring(const uint8_t *data)
{
    static int page;
    if (page == 0)
        page = (int)sysconf(_SC_PAGESIZE);
    int fd = memfd_create("fuzz-ring", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (fd < 0)
        return;
    uint8_t header[32];
    memcpy(header, data, sizeof header);
    if ((data[0] & 1) != 0) {
        uint64_t magic = KEEPER_RING_MAGIC, size = KEEPER_RING_MIN;
        uint32_t version = KEEPER_RING_VERSION;
        memcpy(header, &magic, 8);
        memcpy(header + 8, &version, 4);
        memcpy(header + 16, &size, 8);
    }
    if (ftruncate(fd, (off_t)page + KEEPER_RING_MIN) != 0 ||
        pwrite(fd, header, sizeof header, 0) != (ssize_t)sizeof header ||
        fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW) != 0) {
        close(fd);
        return;
    }
    struct keeper_ring *r = keeper_ring_map(fd);
    if (r == NULL)
        return;
    uint64_t head;
    size_t len;
    const unsigned char *w = keeper_ring_window(r, &head, &len);
    unsigned sum = 0;
    for (size_t i = 0; i < len; i++)
        sum += w[i];
    size_t room;
    unsigned char *to = keeper_ring_tail(r, 65536, &room);
    memset(to, (int)(sum & 0xff), room);
    keeper_ring_commit(r, room);
    keeper_ring_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size >= 32)
        fuzz_ring(data);
    struct keeper_buf parts = {0};
    while (size >= 2) {
        size_t n = (size_t)data[0] | (size_t)data[1] << 8;
        data += 2;
        size -= 2;
        if (n > size)
            n = size;
        char *buf = malloc(n > 0 ? n : 1);
        memcpy(buf, data, n);
        data += n;
        size -= n;
        struct keeper_msg m;
        if (keeper_msg_decode(buf, n, &m) == 0) {
            check(&m, buf, n);
            if (m.type == KMSG_PART && parts.len + m.size <= KEEPER_SPAWN_MAX) {
                if (parts.len == 0)
                    keeper_buf_start(&parts, KMSG_SPAWN);
                keeper_buf_bytes(&parts, m.data, m.size);
            } else
                parts.len = 0;
            keeper_msg_clear(&m);
        } else if (parts.len > 0 && n >= KEEPER_HEADER_SIZE && (unsigned char)buf[0] == KMSG_SPAWN) {
            keeper_buf_bytes(&parts, buf + KEEPER_HEADER_SIZE, n - KEEPER_HEADER_SIZE);
            if (keeper_buf_finish(&parts) && keeper_msg_decode(parts.data, parts.len, &m) == 0) {
                check(&m, parts.data, parts.len);
                keeper_msg_clear(&m);
            }
            parts.len = 0;
        }
        free(buf);
    }
    keeper_buf_free(&parts);
    return 0;
}
