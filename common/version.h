/* version.h - tmx's own version and the tmux version it behaves as. Run as "tmux", -V
 * prints "tmux TMX_TMUX_VERSION" exactly (libtmux, tmuxinator, tpm and powerline parse
 * it); run as tmx, "tmx TMX_VERSION (tmux TMX_TMUX_VERSION)" (docs/manual.md). */
#ifndef TMX_VERSION_H
#define TMX_VERSION_H

#define TMX_VERSION "0.1"
#define TMX_TMUX_VERSION "3.3a"

#endif
