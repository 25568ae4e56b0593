#!/usr/bin/python3
"""formats.py SEED COUNT - random formats (variables, modifiers, conditionals,
comparisons, arithmetic, loops over sessions, windows and panes) given to `display -p`
of tmux 3.3a and of tmx, each on a server set up alike (two sessions, windows with
names, a split pane, user options, a paste buffer): prints every format whose output or
exit status differs, and the count. Variables whose values differ by nature (pids,
times, paths, the version) are not drawn."""
import random
import subprocess
import sys

from tmuxdiff import B, ENV

SOCK = 'fmts'


def run(w, *a):
    r = subprocess.run([B[w], '-L', SOCK, '-f', '/dev/null', *a], env=ENV, capture_output=True,
                       text=True, timeout=5, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout, r.stderr.strip()


SETUP = [
    ['new', '-d', '-s', 'main', '-n', 'editor', '-x', '80', '-y', '24', 'sleep 1000'],
    ['new-window', '-d', '-t', 'main:3', '-n', 'logs.d', 'sleep 1001'],
    ['split-window', '-d', '-h', '-t', 'main:3', 'sleep 1002'],
    ['new-window', '-d', '-t', 'main:5', '-n', 'A_b-c', 'sleep 1003'],
    ['new', '-d', '-s', 'other', '-n', 'web', '-x', '100', '-y', '30', 'sleep 1004'],
    ['set', '-g', '@num', '42'],
    ['set', '-g', '@word', 'Hello World'],
    ['set', '-g', '@empty', ''],
    ['set', '-g', '@path', '/usr/local/lib/x.so'],
    ['set', '-w', '-t', 'main:3', '@wopt', 'seven'],
    ['set-buffer', '-b', 'buf1', 'pasted text'],
    ['select-window', '-t', 'main:3'],
    ['select-window', '-t', 'main:0'],
]

VARS = ['session_name', 'window_index', 'window_name', 'pane_index', 'window_panes',
        'session_windows', 'pane_width', 'pane_height', 'window_width', 'window_height',
        'window_active', 'pane_active', 'window_flags', 'window_raw_flags', 'window_zoomed_flag',
        'window_last_flag', 'session_attached', 'pane_dead', 'pane_in_mode', 'pane_at_left',
        'pane_at_right', 'pane_at_top', 'pane_at_bottom', 'window_layout', 'window_visible_layout',
        'session_group', 'session_grouped', 'window_start_flag', 'window_end_flag',
        'history_limit', 'history_size', 'pane_mode', 'pane_synchronized', 'window_bell_flag',
        'window_activity_flag', 'session_many_attached', 'pane_id', 'window_id', 'session_id',
        'cursor_x', 'cursor_y', 'alternate_on', 'pane_left', 'pane_right', 'pane_top',
        'pane_bottom', 'scroll_region_upper', 'scroll_region_lower', 'buffer_name',
        'window_linked', 'session_format', 'window_format', 'pane_format', 'nosuch_var',
        '@num', '@word', '@empty', '@path', '@wopt', '@missing', 'status-left-length',
        'base-index', 'status', 'mode-keys', 'history-limit', 'status-position',
        'window-status-separator', 'automatic-rename', 'pane-border-status', 'wrap-search']
TEXT = ['abc', 'x', 'Hello', '42', '7', '0', '1', '', 'a b', 'foo.bar', '-3', '10', '3.5', 'ab_cd']
SHORT = ['#S', '#I', '#W', '#P', '#D', '#F', '##', '#,', '#}', '#{', '#[fg=red]', '#[default]']
TARGETS = [[], ['-t', 'main:3'], ['-t', 'main:3.1'], ['-t', 'other'], ['-t', 'main:5']]


def text(r):
    return r.choice(TEXT)


def var(r):
    return r.choice(VARS)


def inner(r, d):
    """Something that expands: a variable or a nested format."""
    if d > 2 or r.random() < 0.5:
        return var(r)
    return fmt(r, d + 1)


def arg(r, d):
    """An argument of a comparison, a conditional's branch: text or a format."""
    if r.random() < 0.4:
        return text(r)
    return fmt(r, d + 1) if d < 3 else '#{%s}' % var(r)


def fmt(r, d=0):
    k = r.randrange(24)
    v = var(r)
    if k == 0:
        return '#{%s}' % v
    if k == 1:
        return r.choice(SHORT)
    if k == 2:
        return '#{=%d:%s}' % (r.randint(-12, 12), v)
    if k == 3:
        return '#{=/%d/%s:%s}' % (r.randint(-6, 6), r.choice(['...', '>', '']), v)
    if k == 4:
        return '#{p%d:%s}' % (r.randint(-12, 12), v)
    if k == 5:
        return '#{?%s,%s,%s}' % (inner(r, d), arg(r, d), arg(r, d))
    if k == 6:
        return '#{%s:%s,%s}' % (r.choice(['==', '!=', '<', '>', '<=', '>=']), arg(r, d), arg(r, d))
    if k == 7:
        return '#{%s:%s,%s}' % (r.choice(['||', '&&']), arg(r, d), arg(r, d))
    if k == 8:
        a, b = r.choice([('a', 'X'), ('o', '0'), ('[a-z]', '_'), ('^.', 'Q'), ('(.)(.)', '\\2\\1'),
                         ('e', ''), ('l+', 'L')])
        return '#{s/%s/%s/%s:%s}' % (a, b, r.choice(['', 'i']), v)
    if k == 9:
        return '#{%s:%s}' % (r.choice(['b', 'd', 'q', 'n', 'w', 'E', 'l']), v)
    if k == 10:
        ops = ['+', '-', '*', '/', 'm', '==', '!=', '<', '>', '<=', '>=']
        fl = r.choice(['', '|f', '|f|2', '|f|0'])
        return '#{e|%s%s|:%s,%s}' % (r.choice(ops), fl, r.choice(['3', '7', '-2', '2.5', '0', v]),
                                     r.choice(['3', '7', '-2', '2.5', '0', v]))
    if k == 11:
        return '#{m:%s,%s}' % (r.choice(['*a*', 'e*', '?', '*', '[lm]*', 'E*']), arg(r, d))
    if k == 12:
        return '#{m/r%s:%s,%s}' % (r.choice(['', 'i']), r.choice(['^e', 'o.', '[0-9]+$', 'a|b']),
                                   arg(r, d))
    if k == 13:
        return '#{S:%s}' % r.choice(['#S ', '#{session_name}#{?session_active,*,} ',
                                     '[#{session_windows}]'])
    if k == 14:
        return '#{W:%s%s}' % (r.choice(['#I:#W ', '#{window_index}#{?window_active,*,}',
                                        '<#{window_panes}>']),
                              r.choice(['', ',#{window_index}! ']))
    if k == 15:
        return '#{P:%s%s}' % (r.choice(['#P ', '#{pane_index}/#{pane_width} ']),
                              r.choice(['', ',(#{pane_index}) ']))
    if k == 16:
        return '#{a:%d}' % r.choice([65, 97, 48, 0, 300, 32])
    if k == 17:
        return '#{%s;%s:%s}' % (r.choice(['=5', '=-4', 'p8']), r.choice(['s/o/0/', 'l', 'b', 'q']), v)
    if k == 18:
        return '#{N/%s:%s}' % (r.choice(['s', 'w']), r.choice(['main', 'other', 'editor', 'web', 'x', 'logs.d']))
    if k == 19:
        return text(r) + fmt(r, d + 1) if d < 3 else text(r)
    if k == 20:
        return '#{?%s,%s,%s}' % (r.choice(['1', '0', '', 'abc']), arg(r, d), arg(r, d))
    if k == 21:  # not #{!:...}: tmux 3.4's, which tmx has on purpose (fmt-newer-mods.sh)
        return '#{?%s,yes,no}' % inner(r, d)
    if k == 22:
        return '#{%s%s}' % (r.choice(['', '=3:', 'l:']), r.choice(['#{', '}', ',', 'a,b', '#,', '###']))
    return '#{T:%s}' % r.choice(['@word', '@num', 'window_name'])


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    for w in B:
        run(w, 'kill-server')
        for c in SETUP:
            run(w, *c)
    diffs = 0
    for i in range(count):
        f = fmt(r)
        if r.random() < 0.3:
            f = fmt(r) + r.choice([' ', '|', '']) + f
        t = r.choice(TARGETS)
        out = {w: run(w, 'display', '-p', *t, f) for w in B}
        a, b = out['tmux'], out['tmx']
        if a[0] != b[0] or a[1] != b[1]:
            diffs += 1
            print('%d: display -p %s %r\n  tmux %s %r %r\n  tmx  %s %r %r' %
                  (i, ' '.join(t), f, a[0], a[1], a[2][:80], b[0], b[1], b[2][:80]))
    for w in B:
        run(w, 'kill-server')
    print('differences:', diffs, 'of', count)


if __name__ == '__main__':
    main()
