/* keeper_ring.c - a pane's output ring in a sealed memfd, mapped twice (see
 * keeper_ring.h). */
#include "keeper_ring.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keeper_proto.h"
#include "xmalloc.h"

struct ring_header {
    uint64_t magic;
    uint32_t version;
    uint32_t reserved;
    uint64_t size;
    uint64_t head; /* bytes ever appended: __atomic, release on store */
};

static size_t ring_page(void)
{
    long page = sysconf(_SC_PAGESIZE);
    return page > 0 ? (size_t)page : 4096;
}

size_t keeper_ring_round(size_t n)
{
    if (n == 0)
        return 0;
    if (n < KEEPER_RING_MIN)
        n = KEEPER_RING_MIN;
    if (n > KEEPER_RING_MAX)
        n = KEEPER_RING_MAX;
    size_t page = ring_page();
    return (n + page - 1) / page * page;
}

/* The header page and the data twice, in one reserved span; r->fd, size, page set. */
static int ring_map(struct keeper_ring *r)
{
    size_t total = r->page + 2 * r->size;
    unsigned char *base = mmap(NULL, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return -1;
    if (mmap(base, r->page + r->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, r->fd,
             0) == MAP_FAILED ||
        mmap(base + r->page + r->size, r->size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED,
             r->fd, (off_t)r->page) == MAP_FAILED) {
        int e = errno;
        munmap(base, total);
        errno = e;
        return -1;
    }
    r->header = base;
    r->data = base + r->page;
    return 0;
}

struct keeper_ring *keeper_ring_create(size_t size)
{
    size = keeper_ring_round(size);
    if (size == 0) {
        errno = EINVAL;
        return NULL;
    }
    struct keeper_ring *r = xcalloc(1, sizeof *r);
    r->page = ring_page();
    r->size = size;
    r->fd = memfd_create("tmx-ring", MFD_CLOEXEC | MFD_ALLOW_SEALING);
    if (r->fd < 0 || ftruncate(r->fd, (off_t)(r->page + size)) != 0 ||
        fcntl(r->fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_SEAL) != 0 ||
        ring_map(r) != 0) {
        int e = errno;
        if (r->fd >= 0)
            close(r->fd);
        free(r);
        errno = e;
        return NULL;
    }
    struct ring_header *h = r->header;
    h->magic = KEEPER_RING_MAGIC;
    h->version = KEEPER_RING_VERSION;
    h->size = size;
    __atomic_store_n(&h->head, 0, __ATOMIC_RELEASE);
    return r;
}

struct keeper_ring *keeper_ring_map(int fd)
{
    struct keeper_ring *r = xcalloc(1, sizeof *r);
    r->fd = fd;
    r->page = ring_page();
    struct stat st;
    /* Sealed against shrinking (else a truncation would fault our reads), and the size
     * a whole number of pages holding a header and a bounded ring. */
    int seals = fcntl(fd, F_GET_SEALS);
    if (fd < 0 || fstat(fd, &st) != 0 || seals < 0 || (seals & F_SEAL_SHRINK) == 0 ||
        st.st_size <= (off_t)r->page || (size_t)st.st_size % r->page != 0 ||
        (size_t)st.st_size - r->page > KEEPER_RING_MAX)
        goto bad;
    r->size = (size_t)st.st_size - r->page;
    if (ring_map(r) != 0)
        goto bad;
    const struct ring_header *h = r->header;
    if (h->magic != KEEPER_RING_MAGIC || h->version != KEEPER_RING_VERSION || h->size != r->size) {
        munmap(r->header, r->page + 2 * r->size);
        goto bad;
    }
    /* The mapping keeps the memory; the reader passes the ring on to no one. */
    close(fd);
    r->fd = -1;
    return r;
bad:
    if (fd >= 0)
        close(fd);
    free(r);
    return NULL;
}

void keeper_ring_free(struct keeper_ring *r)
{
    if (r == NULL)
        return;
    munmap(r->header, r->page + 2 * r->size);
    if (r->fd >= 0)
        close(r->fd);
    free(r);
}

uint64_t keeper_ring_head(const struct keeper_ring *r)
{
    const struct ring_header *h = r->header;
    return __atomic_load_n(&h->head, __ATOMIC_ACQUIRE);
}

unsigned char *keeper_ring_tail(struct keeper_ring *r, size_t max, size_t *room)
{
    *room = max < r->size ? max : r->size;
    return r->data + keeper_ring_head(r) % r->size;
}

void keeper_ring_commit(struct keeper_ring *r, size_t n)
{
    struct ring_header *h = r->header;
    uint64_t head = __atomic_load_n(&h->head, __ATOMIC_RELAXED);
    __atomic_store_n(&h->head, head + n, __ATOMIC_RELEASE);
}

const unsigned char *keeper_ring_window(const struct keeper_ring *r, uint64_t *head, size_t *len)
{
    uint64_t h = keeper_ring_head(r);
    size_t n = h < r->size ? (size_t)h : r->size;
    *head = h;
    *len = n;
    return r->data + (h - n) % r->size;
}
