/* sh_quote.h - words quoted for a POSIX shell: the command lines tmx hands to sh (a
 * remote `tmx -H`, the choosers' detach-client -E, `tmx up`'s exports, the snapshot's
 * commands run again). Not the format modifier `q`, which escapes as tmux 3.3a does
 * (server/engine/format.c). */
#ifndef TMX_SH_QUOTE_H
#define TMX_SH_QUOTE_H

/* s in single quotes, each ' as '\'': sh reads it back as exactly s, whatever its
 * bytes (newlines, $, \, bytes that are not UTF-8), the empty string as ''. The
 * result is new (caller frees). */
char *sh_quote(const char *s);

/* s as it is when sh reads it unquoted as the same one word (letters, digits and
 * _@%+=:,./- only, not empty, and not NAME=... which sh would take as an assignment),
 * else sh_quote(s): for command lines a user reads. New (caller frees). */
char *sh_quote_word(const char *s);

#endif
