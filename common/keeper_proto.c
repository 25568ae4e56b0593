/* keeper_proto.c - the server <-> keeper packets (see keeper_proto.h): building, sending
 * with descriptors, receiving, and a decoder that trusts no length. */
#include "keeper_proto.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "xmalloc.h"

/* A cursor over a payload: every read checks what is left. */
struct cursor {
    const unsigned char *p;
    size_t left;
    bool bad;
};

static uint32_t get_u32(struct cursor *c)
{
    if (c->left < 4) {
        c->bad = true;
        return 0;
    }
    uint32_t v = (uint32_t)c->p[0] | (uint32_t)c->p[1] << 8 | (uint32_t)c->p[2] << 16 |
                 (uint32_t)c->p[3] << 24;
    c->p += 4;
    c->left -= 4;
    return v;
}

static uint16_t get_u16(struct cursor *c)
{
    if (c->left < 2) {
        c->bad = true;
        return 0;
    }
    uint16_t v = (uint16_t)(c->p[0] | c->p[1] << 8);
    c->p += 2;
    c->left -= 2;
    return v;
}

/* A NUL-terminated string inside what is left, or NULL (and bad). */
static const char *get_str(struct cursor *c)
{
    const unsigned char *nul = c->left > 0 ? memchr(c->p, '\0', c->left) : NULL;
    if (nul == NULL) {
        c->bad = true;
        return NULL;
    }
    const char *s = (const char *)c->p;
    size_t n = (size_t)(nul - c->p) + 1;
    c->p += n;
    c->left -= n;
    return s;
}

/* count strings into a NULL-terminated array (allocated only once the count is known
 * to fit: each string takes at least one byte). */
static char **get_strings(struct cursor *c, uint32_t count)
{
    if (count > c->left) {
        c->bad = true;
        return NULL;
    }
    char **v = xcalloc((size_t)count + 1, sizeof *v);
    for (uint32_t i = 0; i < count && !c->bad; i++)
        v[i] = (char *)get_str(c);
    return v;
}

int keeper_msg_decode(const void *packet, size_t len, struct keeper_msg *m)
{
    memset(m, 0, sizeof *m);
    struct cursor c = {packet, len, false};
    if (len < KEEPER_HEADER_SIZE || len > KEEPER_SPAWN_MAX)
        return -1;
    m->type = get_u32(&c);
    if (len > KEEPER_MSG_MAX && m->type != KMSG_SPAWN)
        return -1;
    if (get_u32(&c) != len - KEEPER_HEADER_SIZE)
        return -1;
    switch (m->type) {
    case KMSG_HELLO:
        m->version = get_u32(&c);
        m->ring_size = get_u32(&c);
        break;
    case KMSG_WELCOME:
        m->version = get_u32(&c);
        m->pid = (int32_t)get_u32(&c);
        m->npanes = get_u32(&c);
        break;
    case KMSG_REFUSED:
        m->text = get_str(&c);
        break;
    case KMSG_SPAWN:
        m->id = get_u32(&c);
        m->cols = get_u16(&c);
        m->rows = get_u16(&c);
        m->argc = get_u32(&c);
        m->envc = get_u32(&c);
        if (c.bad || m->argc == 0 || m->argc > KEEPER_ARGC_MAX || m->envc > KEEPER_ENVC_MAX)
            return -1;
        m->file = get_str(&c);
        m->argv = get_strings(&c, m->argc);
        m->env = get_strings(&c, m->envc);
        m->cwd = get_str(&c);
        m->text = get_str(&c);
        if (!c.bad && c.left == 4) {
            m->ring_size = get_u32(&c);
            m->has_ring_size = true;
        }
        break;
    case KMSG_SPAWNED:
        m->id = get_u32(&c);
        m->pid = (int32_t)get_u32(&c);
        m->error = (int32_t)get_u32(&c);
        break;
    case KMSG_EXIT:
        m->id = get_u32(&c);
        m->pid = (int32_t)get_u32(&c);
        m->status = (int32_t)get_u32(&c);
        break;
    case KMSG_FORGET:
        m->id = get_u32(&c);
        m->pid = (int32_t)get_u32(&c);
        break;
    case KMSG_TAG:
        m->id = get_u32(&c);
        m->text = get_str(&c);
        break;
    case KMSG_PANE:
        m->id = get_u32(&c);
        m->pid = (int32_t)get_u32(&c);
        m->flags = get_u32(&c);
        m->status = (int32_t)get_u32(&c);
        m->ring_bytes = get_u32(&c);
        m->dropped = get_u32(&c);
        m->cols = get_u16(&c);
        m->rows = get_u16(&c);
        m->text = get_str(&c);
        if (m->ring_bytes > KEEPER_RING_MAX)
            c.bad = true;
        break;
    case KMSG_RING:
        m->id = get_u32(&c);
        m->data = (const char *)c.p;
        m->size = c.left;
        c.left = 0;
        break;
    case KMSG_PART:
        m->data = (const char *)c.p;
        m->size = c.left;
        c.left = 0;
        break;
    case KMSG_KEEP:
        m->grace = get_u32(&c);
        m->text = get_str(&c);
        break;
    case KMSG_DONE:
    case KMSG_BYE:
    case KMSG_PROBE:
        break;
    default:
        return -1;
    }
    if (c.bad || c.left != 0) {
        keeper_msg_clear(m);
        return -1;
    }
    return 0;
}

void keeper_msg_clear(struct keeper_msg *m)
{
    free(m->argv);
    free(m->env);
    m->argv = m->env = NULL;
}

static void buf_room(struct keeper_buf *b, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->data = xrealloc(b->data, b->cap);
    }
}

void keeper_buf_start(struct keeper_buf *b, uint32_t type)
{
    b->len = 0;
    keeper_buf_u32(b, type);
    keeper_buf_u32(b, 0);
}

void keeper_buf_u16(struct keeper_buf *b, uint16_t v)
{
    buf_room(b, 2);
    b->data[b->len++] = (char)(v & 0xff);
    b->data[b->len++] = (char)(v >> 8);
}

void keeper_buf_u32(struct keeper_buf *b, uint32_t v)
{
    buf_room(b, 4);
    for (int i = 0; i < 4; i++)
        b->data[b->len++] = (char)((v >> (8 * i)) & 0xff);
}

void keeper_buf_str(struct keeper_buf *b, const char *s)
{
    keeper_buf_bytes(b, s != NULL ? s : "", strlen(s != NULL ? s : "") + 1);
}

void keeper_buf_bytes(struct keeper_buf *b, const void *p, size_t n)
{
    buf_room(b, n);
    if (n > 0)
        memcpy(b->data + b->len, p, n);
    b->len += n;
}

bool keeper_buf_finish(struct keeper_buf *b)
{
    uint32_t type = (uint32_t)(unsigned char)b->data[0];
    if (b->len > (type == KMSG_SPAWN ? KEEPER_SPAWN_MAX : KEEPER_MSG_MAX))
        return false;
    uint32_t n = (uint32_t)(b->len - KEEPER_HEADER_SIZE);
    for (int i = 0; i < 4; i++)
        b->data[4 + i] = (char)((n >> (8 * i)) & 0xff);
    return true;
}

void keeper_buf_free(struct keeper_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

int keeper_send(int fd, const struct keeper_buf *b, const int *fds, int nfds, int timeout_ms)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(2 * sizeof(int))];
    } ctl;
    struct iovec iov = {b->data, b->len};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1};
    if (nfds > 0) {
        memset(&ctl, 0, sizeof ctl);
        mh.msg_control = ctl.buf;
        mh.msg_controllen = CMSG_SPACE((size_t)nfds * sizeof(int));
        struct cmsghdr *cm = CMSG_FIRSTHDR(&mh);
        cm->cmsg_level = SOL_SOCKET;
        cm->cmsg_type = SCM_RIGHTS;
        cm->cmsg_len = CMSG_LEN((size_t)nfds * sizeof(int));
        memcpy(CMSG_DATA(cm), fds, (size_t)nfds * sizeof(int));
    }
    for (;;) {
        ssize_t n = sendmsg(fd, &mh, MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n == (ssize_t)b->len)
            return 0;
        if (n >= 0) {
            errno = EMSGSIZE;
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN)
            return -1;
        struct pollfd pfd = {fd, POLLOUT, 0};
        int r = poll(&pfd, 1, timeout_ms);
        if (r == 0) {
            errno = ETIMEDOUT;
            return -1;
        }
        if (r < 0 && errno != EINTR)
            return -1;
    }
}

int keeper_send_spawn(int fd, const struct keeper_buf *b, const int *fds, int nfds,
                      int timeout_ms)
{
    if (b->len <= KEEPER_MSG_MAX)
        return keeper_send(fd, b, fds, nfds, timeout_ms);
    /* The payload in parts: all but the last KEEPER_MSG_MAX - header bytes as KMSG_PART. */
    size_t chunk = KEEPER_MSG_MAX - KEEPER_HEADER_SIZE;
    const char *payload = b->data + KEEPER_HEADER_SIZE;
    size_t left = b->len - KEEPER_HEADER_SIZE;
    struct keeper_buf part = {0};
    int r = 0;
    while (r == 0 && left > chunk) {
        keeper_buf_start(&part, KMSG_PART);
        keeper_buf_bytes(&part, payload, chunk);
        keeper_buf_finish(&part);
        r = keeper_send(fd, &part, NULL, 0, timeout_ms);
        payload += chunk;
        left -= chunk;
    }
    if (r == 0) {
        keeper_buf_start(&part, KMSG_SPAWN);
        keeper_buf_bytes(&part, payload, left);
        keeper_buf_finish(&part);
        r = keeper_send(fd, &part, fds, nfds, timeout_ms);
    }
    keeper_buf_free(&part);
    return r;
}

ssize_t keeper_recv(int fd, void *buf, int *fds)
{
    union {
        struct cmsghdr align;
        char buf[CMSG_SPACE(8 * sizeof(int))];
    } ctl;
    struct iovec iov = {buf, KEEPER_MSG_MAX};
    struct msghdr mh = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
                        .msg_controllen = sizeof ctl.buf};
    fds[0] = fds[1] = -1;
    ssize_t n;
    do
        n = recvmsg(fd, &mh, MSG_DONTWAIT | MSG_CMSG_CLOEXEC);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return -1;
    int got = 0;
    for (struct cmsghdr *cm = CMSG_FIRSTHDR(&mh); cm != NULL; cm = CMSG_NXTHDR(&mh, cm)) {
        if (cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS)
            continue;
        size_t k = (cm->cmsg_len - CMSG_LEN(0)) / sizeof(int);
        for (size_t i = 0; i < k; i++) {
            int f;
            memcpy(&f, CMSG_DATA(cm) + i * sizeof(int), sizeof f);
            if (got < 2)
                fds[got++] = f;
            else
                close(f);
        }
    }
    if ((mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) != 0) {
        for (int i = 0; i < 2; i++) {
            if (fds[i] >= 0)
                close(fds[i]);
            fds[i] = -1;
        }
        errno = EMSGSIZE;
        return -1;
    }
    return n;
}
