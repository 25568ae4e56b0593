/* client_limits.c - what the server takes from one client (see client_limits.h). */
#include "client_limits.h"

#include <stdio.h>

#include "grid.h"

int client_limits_side(uint32_t reported, int min, int fallback)
{
    if (min < 0 || reported < (uint32_t)min)
        return fallback;
    return reported > CLIENT_SIZE_MAX ? CLIENT_SIZE_MAX : (int)reported;
}

bool client_limits_size(uint32_t cols, uint32_t rows, int *out_cols, int *out_rows)
{
    if (cols < 1 || rows < 2)
        return false;
    *out_cols = client_limits_side(cols, 1, 1);
    *out_rows = client_limits_side(rows, 2, 2);
    return true;
}

uint64_t client_limits_frame_bytes(int cols, int rows)
{
    if (cols < 1)
        cols = 1;
    if (rows < 1)
        rows = 1;
    /* Canvas and front buffer: a cell each; per row the renderer keeps two hashes and a
     * flag (render.c). Saturates rather than wraps. */
    uint64_t cells = (uint64_t)cols * (uint64_t)rows, bytes;
    if (__builtin_mul_overflow(cells, 2 * sizeof(struct grid_cell), &bytes) ||
        __builtin_add_overflow(bytes, (uint64_t)rows * (2 * sizeof(uint64_t) + 1), &bytes))
        return UINT64_MAX;
    return bytes;
}

bool client_limits_frame_fits(int cols, int rows)
{
    return client_limits_frame_bytes(cols, rows) <= CLIENT_FRAME_BYTES_MAX;
}

void client_limits_frame_error(int cols, int rows, char *buf, size_t size)
{
    uint64_t need = client_limits_frame_bytes(cols, rows);
    snprintf(buf, size,
             "terminal too large: %dx%d would take %llu MiB of frames, tmx draws at most "
             "%u MiB per client (about %u cells, e.g. 1000x%u): make the window smaller or "
             "the font larger, or check the size the terminal reports (stty size)",
             cols, rows, (unsigned long long)((need + (1u << 20) - 1) >> 20),
             CLIENT_FRAME_BYTES_MAX >> 20,
             (unsigned)(CLIENT_FRAME_BYTES_MAX / (2 * sizeof(struct grid_cell))),
             (unsigned)(CLIENT_FRAME_BYTES_MAX / (2 * sizeof(struct grid_cell)) / 1000));
}

bool client_limits_env_fits(size_t n, size_t bytes, size_t len)
{
    return n < CLIENT_ENV_MAX && len <= CLIENT_ENV_BYTES_MAX && bytes <= CLIENT_ENV_BYTES_MAX - len;
}
