#!/usr/bin/python3
"""visible_sgr.py - rewrite `capture-pane -p -e` lines (stdin) so that only what a user can
see is left: each run of cells that look the same gets one canonical SGR sequence.

A blank cell (a space) shows only its background unless it is underlined, reversed, struck
through or overlined; its foreground, bold, italic and the rest cannot be seen. A renderer
may leave them as an earlier frame drew them (tmx does: it compares blank cells by their
background), so two terminals showing the same picture can hold different invisible
attributes. Those are dropped here, and equivalent spellings of one state (`1;38;5;16` or
`1` then `38;5;16`) become one.
"""
import re
import sys

SGR = re.compile(r"\x1b\[([0-9;:]*)m")
# Attributes a blank cell shows (an underline, a reversed cell, a strike, an overline).
VISIBLE_ON_BLANK = {"4", "7", "9", "53"}
SET = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "53"}
UNSET = {"22": ("1", "2"), "23": ("3",), "24": ("4",), "25": ("5", "6"), "27": ("7",),
         "28": ("8",), "29": ("9",), "55": ("53",)}


def colour(params, i):
    """The extended colour at params[i] (38/48/58 ...) and how many params it took."""
    if i + 1 < len(params) and params[i + 1] == "5" and i + 2 < len(params):
        return "5;" + params[i + 2], 3
    if i + 1 < len(params) and params[i + 1] == "2" and i + 4 < len(params):
        return "2;" + ";".join(params[i + 2:i + 5]), 5
    return "", 1


def apply(state, text):
    """State after SGR parameters text; state is (attrs frozenset, fg, bg, ul)."""
    attrs, fg, bg, ul = set(state[0]), state[1], state[2], state[3]
    params = text.split(";") if text else ["0"]
    i = 0
    while i < len(params):
        p = params[i]
        base = p.split(":")[0]
        if p in ("", "0"):
            attrs, fg, bg, ul = set(), None, None, None
        elif base == "4" and ":" in p:
            attrs.discard("4")
            if p != "4:0":
                attrs.add("4")
                attrs.add("ul:" + p)
            attrs = {a for a in attrs if not a.startswith("ul:") or a == "ul:" + p}
        elif p in SET:
            attrs.add(p)
        elif p in UNSET:
            for a in UNSET[p]:
                attrs.discard(a)
            if p == "24":
                attrs = {a for a in attrs if not a.startswith("ul:")}
        elif p in ("38", "48", "58"):
            value, used = colour(params, i)
            if p == "38":
                fg = "38;" + value
            elif p == "48":
                bg = "48;" + value
            else:
                ul = "58;" + value
            i += used
            continue
        elif p == "39":
            fg = None
        elif p == "49":
            bg = None
        elif p == "59":
            ul = None
        elif p.isdigit() and (30 <= int(p) <= 37 or 90 <= int(p) <= 97):
            fg = p
        elif p.isdigit() and (40 <= int(p) <= 47 or 100 <= int(p) <= 107):
            bg = p
        else:
            attrs.add("?" + p)
        i += 1
    return (frozenset(attrs), fg, bg, ul)


def seen(state, ch):
    """The part of state a user sees on a cell holding ch."""
    attrs, fg, bg, ul = state
    if ch == " " and not (attrs & VISIBLE_ON_BLANK):
        return (frozenset(), None, bg, None)
    return state


def spell(state):
    """One SGR sequence for state, from a reset."""
    attrs, fg, bg, ul = state
    parts = ["0"] + sorted(a[3:] if a.startswith("ul:") else a for a in attrs
                           if not (a == "4" and any(b.startswith("ul:") for b in attrs)))
    parts += [x for x in (fg, bg, ul) if x is not None]
    return "\x1b[" + ";".join(parts) + "m"


def line(text):
    state = (frozenset(), None, None, None)
    shown = (frozenset(), None, None, None)
    out = []
    pos = 0
    for m in SGR.finditer(text + "\x1b[m"):
        for ch in text[pos:m.start()]:
            want = seen(state, ch)
            if want != shown:
                out.append(spell(want))
                shown = want
            out.append(ch)
        if m.start() < len(text):
            state = apply(state, m.group(1))
        pos = m.end()
    if shown != (frozenset(), None, None, None):
        out.append("\x1b[0m")
    return "".join(out)


for raw in sys.stdin:
    sys.stdout.write(line(raw.rstrip("\n")) + "\n")
