/* client_limits.h - what the server takes from one client, and where it stops. Every
 * number a client sends is input: the terminal size it reports is clamped, the memory
 * its frames would take is bounded (a client over it fails alone, with a message), and
 * what it may send is bounded in total: its environment here, its command by the
 * protocol's payload limit (PROTO_MAX_PAYLOAD), messages in flight by one payload, its
 * stdin by the command that asked for it. Pure functions, unit-tested. */
#ifndef TMX_CLIENT_LIMITS_H
#define TMX_CLIENT_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest terminal size taken, each way (as tmux); larger reports are clamped. */
#define CLIENT_SIZE_MAX 9999

/* What one client's frames may take: the canvas it is composed in and the renderer's
 * copy of what its terminal shows (both allocated at its first frame, when it is
 * attached, never for a client that only runs a command). About 700,000 cells: more
 * than a 4K screen in a 3-pixel font; a terminal reporting 9999x9999 (100 million cells,
 * 4.8 GB of frames) is told it is too large instead of taking the server down. */
#define CLIENT_FRAME_BYTES_MAX (32u << 20)

/* Environment kept per client: variables, and bytes in all. */
#define CLIENT_ENV_MAX 4096
#define CLIENT_ENV_BYTES_MAX (1u << 20)

/* One side of a reported size: 'fallback' when it is below 'min' (a terminal that
 * cannot say its size reports 0), else clamped to CLIENT_SIZE_MAX. */
int client_limits_side(uint32_t reported, int min, int fallback);
/* A reported resize: false when it says nothing (no width, or fewer than 2 rows), else
 * each side clamped to CLIENT_SIZE_MAX. */
bool client_limits_size(uint32_t cols, uint32_t rows, int *out_cols, int *out_rows);

/* Bytes the frames of a client of cols x rows take (canvas, front buffer, per-row
 * arrays), and whether that is within CLIENT_FRAME_BYTES_MAX. Sizes below 1 count as 1;
 * saturates at UINT64_MAX instead of wrapping. */
uint64_t client_limits_frame_bytes(int cols, int rows);
bool client_limits_frame_fits(int cols, int rows);
/* Why a client of cols x rows cannot be drawn, and what to do, for the user (no
 * "tmx: " in front). */
void client_limits_frame_error(int cols, int rows, char *buf, size_t size);

/* Whether one more environment variable of len bytes (with its NUL) may be kept after
 * n variables of 'bytes' bytes. */
bool client_limits_env_fits(size_t n, size_t bytes, size_t len);
/* Why the environment is refused, for the user. */
#define CLIENT_ENV_ERROR                                                                    \
    "tmx: the environment is too large (more than 4096 variables or 1 MiB): unset some " \
    "variables and try again"

#endif
