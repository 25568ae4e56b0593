#!/usr/bin/python3
"""screen.py SEED STEPS - what an attached client shows: tmux 3.3a and tmx each attached
in a window of an outer tmux (80x24, TERM tmux-256color), the same random commands sent
to both (windows, splits, renames, zoom, and the options that style the status line and
the borders: formats, styles, justify, position, pane-border-status...), and after each
step the outer windows' screens (capture-pane -e: text, colours, attributes, and the
cursor) compared; stops at the first step where they differ and prints both screens.
The clock and the host name are kept out of the status line (status-right "")."""
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


def op(r):
    k = r.randrange(12)
    if k < 4:
        name, values = r.choice(SETTINGS)
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
    return ['send-keys', r.choice(['hello', 'world', 'Enter', 'abc def'])]


def screen(w):
    """The outer window's screen, each line without the SGR after its last character (the
    style of trimmed blanks, which shows nothing), and the cursor."""
    text = outer('capture-pane', '-p', '-e', '-t', 'o:' + w).stdout
    lines = [re.sub(r'(\x1b\[[0-9;:]*m)+$', '', line) for line in text.split('\n')]
    return '\n'.join(lines) + outer('display', '-p', '-t', 'o:' + w, '#{cursor_x},#{cursor_y}').stdout


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
        run(w, 'rename-window', 'w0')
    outer('new', '-d', '-s', 'o', '-n', 'tmux', '-x', '80', '-y', '24',
          "%s -L screendiff-tmux attach" % B['tmux'])
    outer('new-window', '-d', '-t', 'o', '-n', 'tmx', "%s -L screendiff-tmx attach" % B['tmx'])
    settle()
    for i in range(steps):
        c = op(r)
        rc = {w: run(w, *c)[0] for w in B}
        s = settle()
        if rc['tmux'] != rc['tmx'] or s['tmux'] != s['tmx']:
            print('step %d: %s (status tmux %s, tmx %s)' % (i, ' '.join(c), rc['tmux'], rc['tmx']))
            for w in B:
                print('--- %s' % w)
                print(s[w])
            break
    else:
        print('seed %d: %d steps, no difference' % (seed, steps))
    outer('kill-server')
    for w in B:
        run(w, 'kill-server')


if __name__ == '__main__':
    main()
