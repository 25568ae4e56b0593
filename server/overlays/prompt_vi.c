/* prompt_vi.c - vi keys for the status-line prompt (see prompt_vi.h). */
#include "prompt_vi.h"

#include <string.h>

enum prompt_vi_action prompt_vi_translate(bool *command, key_code key, key_code *out)
{
    *out = key;
    if (!*command) {
        switch (key) {
        case KEYC_ESCAPE:
            *command = true;
            return PROMPT_VI_IGNORE;
        case 'a' | KEYC_CTRL: case 'c' | KEYC_CTRL: case 'e' | KEYC_CTRL:
        case 'g' | KEYC_CTRL: case 'h' | KEYC_CTRL: case 'k' | KEYC_CTRL:
        case 'n' | KEYC_CTRL: case 'p' | KEYC_CTRL: case 't' | KEYC_CTRL:
        case 'u' | KEYC_CTRL: case 'w' | KEYC_CTRL: case 'y' | KEYC_CTRL:
        case 'j' | KEYC_CTRL: case 'm' | KEYC_CTRL:
        case KEYC_TAB: case KEYC_ENTER: case KEYC_BSPACE: case KEYC_DC: case KEYC_UP:
        case KEYC_DOWN: case KEYC_LEFT: case KEYC_RIGHT: case KEYC_HOME: case KEYC_END:
        case KEYC_LEFT | KEYC_CTRL: case KEYC_RIGHT | KEYC_CTRL:
            return PROMPT_VI_KEY;
        default:
            return PROMPT_VI_INSERT;
        }
    }

    /* Command mode: the keys that go back to inserting first. */
    switch (key) {
    case 'A': case 'I': case 'C': case 's': case 'a':
        *command = false;
        break; /* and act below */
    case 'S':
        *command = false;
        *out = 'u' | KEYC_CTRL;
        return PROMPT_VI_KEY;
    case 'i': case KEYC_ESCAPE:
        *command = false;
        return PROMPT_VI_IGNORE;
    default:
        break;
    }
    switch (key) {
    case 'A': case '$':
        *out = KEYC_END;
        return PROMPT_VI_KEY;
    case 'I': case '0': case '^':
        *out = KEYC_HOME;
        return PROMPT_VI_KEY;
    case 'C': case 'D':
        *out = 'k' | KEYC_CTRL;
        return PROMPT_VI_KEY;
    case KEYC_BSPACE: case 'X':
        *out = KEYC_BSPACE;
        return PROMPT_VI_KEY;
    case 'b': case 'B': case 'w': case 'W': case 'e': case 'E':
        return PROMPT_VI_WORD;
    case 'd':
        *out = 'u' | KEYC_CTRL;
        return PROMPT_VI_KEY;
    case 'p':
        *out = 'y' | KEYC_CTRL;
        return PROMPT_VI_KEY;
    case 'q':
        *out = 'c' | KEYC_CTRL;
        return PROMPT_VI_KEY;
    case 's': case KEYC_DC: case 'x':
        *out = KEYC_DC;
        return PROMPT_VI_KEY;
    case KEYC_DOWN: case 'j':
        *out = KEYC_DOWN;
        return PROMPT_VI_KEY;
    case KEYC_LEFT: case 'h':
        *out = KEYC_LEFT;
        return PROMPT_VI_KEY;
    case 'a': case KEYC_RIGHT: case 'l':
        *out = KEYC_RIGHT;
        return PROMPT_VI_KEY;
    case KEYC_UP: case 'k':
        *out = KEYC_UP;
        return PROMPT_VI_KEY;
    case 'h' | KEYC_CTRL: case 'c' | KEYC_CTRL: case 'j' | KEYC_CTRL: case 'm' | KEYC_CTRL:
    case KEYC_ENTER:
        return PROMPT_VI_KEY;
    default:
        return PROMPT_VI_IGNORE;
    }
}

/* The class of a byte for word motions: 0 space, 1 separator, 2 anything else (upper
 * case motions: 0 space, 2 anything else). */
static int word_class(unsigned char ch, bool big, const char *separators)
{
    if (ch == ' ')
        return 0;
    if (!big && ch < 0x80 && ch != '\0' && strchr(separators, ch) != NULL)
        return 1;
    return 2;
}

size_t prompt_vi_word(const char *text, size_t len, size_t at, key_code m,
                      const char *separators)
{
    bool big = m == 'W' || m == 'B' || m == 'E';
    const unsigned char *s = (const unsigned char *)text;
    if (at > len)
        at = len;
    if (m == 'w' || m == 'W') {
        /* The start of the next word. */
        if (at < len) {
            int k = word_class(s[at], big, separators);
            while (at < len && k != 0 && word_class(s[at], big, separators) == k)
                at++;
        }
        while (at < len && s[at] == ' ')
            at++;
        return at;
    }
    if (m == 'e' || m == 'E') {
        /* The last character of this word, or of the next one when already there. */
        if (at + 1 >= len)
            return at < len ? at : len;
        at++;
        while (at < len && s[at] == ' ')
            at++;
        if (at >= len)
            return len;
        int k = word_class(s[at], big, separators);
        while (at + 1 < len && word_class(s[at + 1], big, separators) == k)
            at++;
        return at;
    }
    /* b, B: the start of this word, or of the one before when already there. */
    while (at > 0 && s[at - 1] == ' ')
        at--;
    if (at == 0)
        return 0;
    int k = word_class(s[at - 1], big, separators);
    while (at > 0 && word_class(s[at - 1], big, separators) == k)
        at--;
    return at;
}
