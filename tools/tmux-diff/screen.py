#!/usr/bin/python3
"""screen.py SEED STEPS - what an attached client shows: tmux 3.3a and tmx each attached
in a window of an outer tmux (80x24, TERM tmux-256color), the same random commands sent
to both (windows, splits, renames, zoom, and the options that style the status line and
the borders: formats, styles, justify, position, pane-border-status...), and after each
step the outer windows' screens (capture-pane -e: text, colours, attributes, and the
cursor) compared; stops at the first step where they differ and prints both screens.
The clock and the host name are kept out of the status line (status-right ""). HIST=1
prints each step's command; CHOOSE=0 opens no chooser; CHOOSERS=1 opens them often and
sends their keys (and no text with an e or f: choose-buffer's e would open the editor
in a popup, f a prompt); MESSAGES=0 and PANES=0 send keys instead of display-message and
display-panes, STATUS_OFF=0 never turns the status line off, COPY=0 sends j instead of entering
or moving in copy mode (their differences are known or another matter: README); REFRESH=1
has both draw everything again (refresh-client) after each command: what tmux leaves
stale until its next full redraw (a chooser's pane names after a split) is not compared."""
import os
import random
import re
import subprocess
import sys
import time

from tmuxdiff import B, ENV

OUTER = ['tmux', '-L', 'screendiff-outer', '-f', '/dev/null']


def outer(*a):
    return subprocess.run(OUTER + list(a), env=ENV, capture_output=True, text=True, timeout=10)


def run(w, *a):
    r = subprocess.run([B[w], '-L', 'screendiff-' + w, '-f', '/dev/null', *a], env=ENV,
                       capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr.strip()


STYLES = ['fg=red', 'bg=blue', 'fg=colour200,bold', 'bg=#336699,fg=white', 'reverse', 'default',
          'fg=yellow,bg=black,underscore', 'italics', 'dim']
FORMATS = ['#I:#W#F', '[#I] #W', '#{window_index}#{?window_active,*,-}#{window_panes}',
           '#{=3:window_name}', '#[fg=green]#I#[default] #W', '#{p6:window_name}|']
SETTINGS = [
    ('status-style', STYLES), ('status-left', ['[#S] ', '', '#{session_windows} ', '#[bg=red]L#[default]']),
    ('status-left-length', ['5', '10', '40']), ('status-justify', ['left', 'centre', 'right', 'absolute-centre']),
    ('status-position', ['top', 'bottom']), ('status', ['on', 'off', '2']),
    ('window-status-format', FORMATS), ('window-status-current-format', FORMATS),
    ('window-status-style', STYLES), ('window-status-current-style', STYLES),
    ('window-status-separator', [' ', '|', '', ' - ']),
    ('pane-border-style', STYLES), ('pane-active-border-style', STYLES),
    ('pane-border-status', ['off', 'top', 'bottom']), ('pane-border-format', [' #P ', '#{pane_index}:#{pane_width}', '']),
    ('pane-border-lines', ['single', 'double', 'heavy', 'simple', 'number']),
    ('message-style', STYLES), ('mode-style', STYLES),
]


CHOOSER_OPS = [['choose-tree'], ['choose-tree', '-s'], ['choose-tree', '-w'], ['choose-tree', '-Zw'],
               ['choose-tree', '-N'], ['choose-tree', '-O', 'name'], ['choose-tree', '-r'],
               ['choose-tree', '-O', 'time'], ['choose-buffer'], ['choose-buffer', '-O', 'name'],
               ['set-buffer', 'more text'], ['set-buffer', '-b', 'named', 'two\nlines']]
CHOOSER_KEYS = ['j', 'k', 'h', 'l', 'Left', 'Right', 'Up', 'Down', 't', 'T', 'C-t', 'O', 'r', 'v',
                '<', '>', 'g', 'G', 'M--', 'M-+', 'PPage', 'NPage', 'Enter', 'q', 'x', '0', '1',
                'm', 'M', 'H', 'X', ':', 'p', 'P', 'd', 'D']


def op(r):
    if os.environ.get('CHOOSERS') == '1' and r.random() < 0.4:
        if r.random() < 0.3:
            return r.choice(CHOOSER_OPS)
        return ['send-keys', r.choice(CHOOSER_KEYS)]
    k = r.randrange(18)
    if k in (12, 13) and os.environ.get('COPY') == '0':
        return ['send-keys', 'j']
    if k == 12:
        return ['copy-mode']
    if k == 13:
        return ['send-keys', '-X', r.choice(['cursor-up', 'page-up', 'begin-selection',
                                             'cursor-left', 'history-top', 'cancel',
                                             'select-line', 'cursor-right'])]
    if k == 14 and os.environ.get('MESSAGES') == '0':
        return ['send-keys', 'world']
    if k == 17 and os.environ.get('PANES') == '0':
        return ['send-keys', 'Enter']
    if k == 14:
        return ['display-message', r.choice(['hello #{window_index}', 'a longer message here',
                                             '#[fg=red]red'])]
    if k == 15:  # (CHOOSE=0: not drawn as tmux yet, see README)
        if os.environ.get('CHOOSE') == '0':
            return ['display-message', 'x']
        return r.choice([['choose-tree'], ['choose-tree', '-s'], ['choose-buffer']])
    if k == 16:
        return ['send-keys', r.choice(['q', 'j', 'k', 'Enter', 'Right', 'Left', 'x', 'Escape'])]
    if k == 17:
        return ['display-panes', '-b']
    if k < 4:
        name, values = r.choice(SETTINGS)
        if name == 'status' and os.environ.get('STATUS_OFF') == '0':
            values = ['on', '2']
        return ['set', '-g', name, r.choice(values)]
    if k == 4:
        return ['split-window', r.choice(['-h', '-v']), 'cat']
    if k == 5:
        return ['new-window', 'cat']
    if k == 6:
        return ['rename-window', r.choice(['editor', 'a', 'logs-and-more', 'x y'])]
    if k == 7:
        return ['select-window', '-t', ':%d' % r.randint(0, 3)]
    if k == 8:
        return ['resize-pane', '-Z']
    if k == 9:
        return ['select-pane', '-t', ':.%d' % r.randint(0, 2)]
    if k == 10:
        return ['kill-pane'] if r.random() < 0.5 else ['last-window']
    if os.environ.get('CHOOSERS') == '1':  # no e (choose-buffer's editor) nor f
        return ['send-keys', r.choice(['world', 'Enter', 'world', 'Enter'])]
    return ['send-keys', r.choice(['hello', 'world', 'Enter', 'abc def'])]


def cells(line, pen=None):
    """A captured line as what shows: each character with its colours and attributes
    (SGR applied in order); of a blank, only what shows on one (its background, reverse
    with its foreground, underline, strike-through and overline). pen carries the SGR
    state from the line before (capture-pane -e writes only what changes, across lines
    too) and is left as the line ends."""
    if pen is None:
        pen = {'fg': '', 'bg': '', 'attrs': set()}
    out, fg, bg, attrs = [], pen['fg'], pen['bg'], set(pen['attrs'])
    for m in re.finditer(r'\x1b\[([0-9;:]*)m|(.)', line):
        if m.group(2) is not None:
            ch = m.group(2)
            if ch == ' ':  # only what shows on a blank: reverse (its fg), underline, lines
                shown = {a for a in attrs if a in ('7', '9', '53') or a.startswith('4')}
                out.append((ch, fg if '7' in shown else '', bg, tuple(sorted(shown))))
            else:
                out.append((ch, fg, bg, tuple(sorted(attrs))))
            continue
        ps = (m.group(1) or '0').split(';')
        i = 0
        while i < len(ps):
            p = ps[i]
            if p in ('', '0'):
                fg, bg, attrs = '', '', set()
            elif p in ('38', '48') and i + 1 < len(ps):
                n = 3 if ps[i + 1] == '5' else 5
                val = ';'.join(ps[i:i + n])
                if p == '38':
                    fg = val
                else:
                    bg = val
                i += n - 1
            elif p.isdigit() and (30 <= int(p) <= 37 or 90 <= int(p) <= 97):
                fg = p
            elif p == '39':
                fg = ''
            elif p.isdigit() and (40 <= int(p) <= 47 or 100 <= int(p) <= 107):
                bg = p
            elif p == '49':
                bg = ''
            elif p.isdigit() and 20 <= int(p) <= 29:
                attrs.discard(str(int(p) - 20 if p != '22' else 1))
                if p == '22':
                    attrs.discard('2')
            else:
                attrs.add(p)
            i += 1
    pen.update(fg=fg, bg=bg, attrs=attrs)
    # Trailing blanks: the outer tmux's capture keeps a blank the inner one wrote and
    # trims one it only cleared, the same on screen.
    while out and out[-1][0] == ' ' and not out[-1][3]:
        out.pop()
    return out


def screen(w):
    """The outer window's screen as cells (cells()), and the cursor (where it is only when
    it shows)."""
    text = outer('capture-pane', '-p', '-e', '-t', 'o:' + w).stdout
    pen = {'fg': '', 'bg': '', 'attrs': set()}
    return (text, [cells(line, pen) for line in text.split('\n')],
            outer('display', '-p', '-t', 'o:' + w,
                  '#{?cursor_flag,#{cursor_x}#,#{cursor_y},hidden}').stdout)


def screens():
    return {w: screen(w) for w in B}


def settle():
    """Both inner servers drew what the last command changed: the outer screens stop
    changing."""
    last = None
    for _ in range(60):
        time.sleep(0.1)
        now = screens()
        if now == last:
            return now
        last = now
    return last


def main():
    seed, steps = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    outer('kill-server')
    for w in B:
        run(w, 'kill-server')
        run(w, 'new', '-d', '-s', 's', '-x', '80', '-y', '24', 'cat')
        run(w, 'set', '-g', 'status-right', '')
        run(w, 'set', '-g', 'automatic-rename', 'off')
        run(w, 'set', '-g', 'display-time', '0')  # messages stay until a key: no timing
        run(w, 'set', '-g', 'display-panes-time', '100000')
        run(w, 'set-buffer', 'a buffer')
        run(w, 'rename-window', 'w0')
    outer('new', '-d', '-s', 'o', '-n', 'tmux', '-x', '80', '-y', '24',
          "%s -L screendiff-tmux attach" % B['tmux'])
    outer('new-window', '-d', '-t', 'o', '-n', 'tmx', "%s -L screendiff-tmx attach" % B['tmx'])
    settle()
    for i in range(steps):
        c = op(r)
        rc = {w: run(w, *c)[0] for w in B}
        if os.environ.get('REFRESH') == '1':
            time.sleep(0.1)
            for w in B:
                run(w, 'refresh-client')
        s = settle()
        if os.environ.get('HIST') == '1':
            print('step %d: %s' % (i, ' '.join(c)))
        if rc['tmux'] != rc['tmx'] or s['tmux'][1:] != s['tmx'][1:]:
            print('step %d: %s (status tmux %s, tmx %s)' % (i, ' '.join(c), rc['tmux'], rc['tmx']))
            for w in B:
                print('--- %s (cursor %s)' % (w, s[w][2].strip()))
                print(s[w][0])
            break
        if any(p in s['tmux'][0] for p in ('Kill ', '(filter)', '(current)', ' tagged)')):
            # A chooser's prompt (x, X, f, :) is answered by a key the client types (send-keys
            # goes to the pane): Escape, as a user would. Left open, tmux freezes the
            # panes under it (TTY_FREEZE), which tmx does not copy (README).
            for w in B:
                outer('send-keys', '-t', 'o:' + w, 'Escape')
            settle()
    else:
        print('seed %d: %d steps, no difference' % (seed, steps))
    outer('kill-server')
    for w in B:
        run(w, 'kill-server')


if __name__ == '__main__':
    main()
