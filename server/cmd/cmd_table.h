/* cmd_table.h - the command table of cmd/, for whoever registers it into the engine
 * (cmd_set_table in cmd.h): server_main, and the tests and fuzzers that run commands. */
#ifndef TMX_CMD_TABLE_H
#define TMX_CMD_TABLE_H

#include <stdbool.h>

#include "cmd.h"

/* Every command, NULL-terminated, in the order list-commands shows them. */
const struct cmd_entry *const *cmd_table_entries(void);
/* A command of tmx's own (not tmux's): list-commands lists it only by name. */
bool cmd_table_is_extension(const struct cmd_entry *e);

#endif
