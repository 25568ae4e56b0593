/* test_render_helpers.h - the bytes the renderer writes, as a string, for the
 * test_render_*.c files (each includes it once). */
#ifndef TMX_TEST_RENDER_HELPERS_H
#define TMX_TEST_RENDER_HELPERS_H

#include <event2/buffer.h>

#include "render.h"

/* The bytes of the last frame or call, NUL-terminated. */
static char out_buf[65536];
static size_t out_len;

/* Move what out holds into out_buf (and free out). */
static inline const char *take(struct evbuffer *out)
{
    out_len = evbuffer_get_length(out);
    assert_true(out_len < sizeof out_buf);
    evbuffer_remove(out, out_buf, out_len);
    out_buf[out_len] = '\0';
    evbuffer_free(out);
    return out_buf;
}

/* The capabilities of terminfo entry term (the test fails if it has none). */
static inline const struct render_caps *term_caps(const char *term)
{
    char err[256] = "";
    const struct render_caps *caps = render_caps_get(term, false, err, sizeof err);
    if (caps == NULL)
        fail_msg("%s: %s", term, err);
    return caps;
}

static inline const char *frame(struct render_state *rs, const struct canvas *c)
{
    struct evbuffer *out = evbuffer_new();
    render_frame(rs, c, out);
    return take(out);
}

#endif
