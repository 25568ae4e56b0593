/* keyboard.c - what a program asked of the keyboard: modifyOtherKeys and the kitty
 * protocol's flag stacks (see keyboard.h). Every value is clamped: a hostile program
 * can neither grow a stack nor set a flag the protocol does not define. */
#include "keyboard.h"

#include <stdio.h>
#include <string.h>

void keyboard_reset(struct screen_keyboard *k)
{
    bool always = k->extended_always;
    memset(k, 0, sizeof *k);
    k->extended_always = always;
    if (always)
        k->modify_other_keys = 2;
}

void keyboard_modify_other_keys(struct screen_keyboard *k, int resource, int value,
                                bool has_value)
{
    if (k->extended_always)
        return;
    if (resource == 0 || (resource == 4 && (!has_value || value == 0)))
        k->modify_other_keys = 0;
    else if (resource == 4 && (value == 1 || value == 2))
        k->modify_other_keys = (uint8_t)value;
}

void keyboard_modify_other_keys_off(struct screen_keyboard *k, int resource)
{
    if (!k->extended_always && resource == 4)
        k->modify_other_keys = 0;
}

void keyboard_kitty_push(struct screen_keyboard *k, bool alt, int flags)
{
    int s = alt ? 1 : 0;
    if (k->depth[s] == KEYBOARD_STACK_MAX) {
        memmove(k->stack[s], k->stack[s] + 1, KEYBOARD_STACK_MAX - 1);
        k->depth[s]--;
    }
    k->stack[s][k->depth[s]++] = k->flags[s];
    k->flags[s] = (uint8_t)(flags & KEYBOARD_KITTY_ALL);
}

void keyboard_kitty_pop(struct screen_keyboard *k, bool alt, int n)
{
    int s = alt ? 1 : 0;
    if (n < 1)
        n = 1;
    if (n > k->depth[s]) {
        /* More than the stack holds: emptied, every flag off. */
        k->depth[s] = 0;
        k->flags[s] = 0;
        return;
    }
    k->depth[s] = (uint8_t)(k->depth[s] - n);
    k->flags[s] = k->stack[s][k->depth[s]];
}

void keyboard_kitty_set(struct screen_keyboard *k, bool alt, int flags, int mode)
{
    int s = alt ? 1 : 0;
    uint8_t f = (uint8_t)(flags & KEYBOARD_KITTY_ALL);
    if (mode == 1)
        k->flags[s] = f;
    else if (mode == 2)
        k->flags[s] |= f;
    else if (mode == 3)
        k->flags[s] &= (uint8_t)~f;
}

int keyboard_kitty_query(const struct screen_keyboard *k, bool alt, char *buf, int size)
{
    int n = snprintf(buf, (size_t)size, "\033[?%uu", (unsigned)k->flags[alt ? 1 : 0]);
    return n < size ? n : size - 1;
}
