#!/usr/bin/python3
"""capture.py SEED COUNT - random output (text, styles in 16, 256 and RGB colours, wide
and combining characters, tabs, cursor moves, erases, inserts and deletes, scroll
regions, long lines that wrap, the alternate screen) printed by a window of tmux 3.3a and
of tmx, each 40x10 with 30 lines of history; then capture-pane with random flags (-e -J
-N -C -a -q, -S and -E): prints every case whose capture or exit status differs, and the
count. A difference is the emulator's or capture-pane's; one where tmx follows xterm on
purpose is listed in docs/tmux-compat.md."""
import os
import random
import subprocess
import sys
import time

from tmuxdiff import B, ENV, TMP

SOCK = 'capt'


def run(w, *a):
    r = subprocess.run([B[w], '-L', SOCK, '-f', '/dev/null', *a], env=ENV, capture_output=True,
                       timeout=5, stdin=subprocess.DEVNULL)
    return r.returncode, r.stdout.decode('utf-8', 'replace'), r.stderr.decode('utf-8', 'replace').strip()


WORDS = ['alpha', 'beta', 'x', 'gamma-delta', 'ok', '  ', 'end.', '0123456789', 'tab\there']
WIDE = ['日本', '語', '😀', 'e\u0301', 'a\u0308\u0323', '한글', '✓', '→']


def sgr(r):
    parts = []
    for _ in range(r.randint(1, 3)):
        k = r.randrange(6)
        if k == 0:
            parts.append(str(r.choice([0, 1, 2, 3, 4, 5, 7, 8, 9, 21, 22, 23, 24, 25, 27, 28, 29, 53])))
        elif k == 1:
            parts.append(str(r.choice(list(range(30, 38)) + [39] + list(range(90, 98)))))
        elif k == 2:
            parts.append(str(r.choice(list(range(40, 48)) + [49] + list(range(100, 108)))))
        elif k == 3:
            parts.append('%d;5;%d' % (r.choice([38, 48]), r.randrange(256)))
        elif k == 4:
            parts.append('%d;2;%d;%d;%d' % (r.choice([38, 48]), r.randrange(256), r.randrange(256),
                                            r.randrange(256)))
        else:
            parts.append(r.choice(['4:3', '4:0', '58;5;%d' % r.randrange(256), '59']))
    return '\033[' + ';'.join(parts) + 'm'


def piece(r):
    k = r.randrange(20)
    if k < 6:
        return r.choice(WORDS) + ' '
    if k == 6:
        return r.choice(WIDE)
    if k == 7:
        return r.choice(['\r\n', '\n', '\r', '\t', '\b'])
    if k in (8, 9):
        return sgr(r)
    if k == 10:
        return 'L' * r.randint(30, 120)
    if k == 11:
        return '\033[%d;%dH' % (r.randint(1, 11), r.randint(1, 42))
    if k == 12:
        return '\033[%d%s' % (r.randint(0, 5), r.choice('ABCDEFG'))
    if k == 13:
        return '\033[%dK' % r.randrange(3)
    if k == 14:
        return '\033[%dJ' % r.randrange(3)
    if k == 15:
        return '\033[%d%s' % (r.randint(0, 4), r.choice('@PXLMST'))
    if k == 16:
        a = r.randint(1, 9)
        return '\033[%d;%dr' % (a, r.randint(a, 10))
    if k == 17:
        return r.choice(['\033[?1049h', '\033[?1049l', '\033[?7l', '\033[?7h', '\0337', '\0338'])
    if k == 18:
        return '\n' * r.randint(1, 15)
    return 'y' * r.randint(1, 40) + '\r\n'


def flags(r):
    f = []
    for flag in ('-e', '-J', '-N', '-C', '-q'):
        if r.random() < 0.3:
            f.append(flag)
    if r.random() < 0.15:
        f.append('-a')
    if r.random() < 0.5:
        f += ['-S', r.choice(['-', '0', '-5', '-30', '-100', '3', '12'])]
    if r.random() < 0.4:
        f += ['-E', r.choice(['-', '0', '-3', '5', '9', '40'])]
    return f


def settled(w, target):
    """Wait until the pane's cursor and history stop changing (the output parsed)."""
    last = None
    for _ in range(100):
        now = run(w, 'display', '-p', '-t', target, '#{cursor_x},#{cursor_y},#{history_size},'
                  '#{alternate_on}')[1]
        if now == last:
            return
        last = now
        time.sleep(0.05)


def main():
    seed, count = int(sys.argv[1]), int(sys.argv[2])
    r = random.Random(seed)
    for w in B:
        run(w, 'kill-server')
        run(w, 'new', '-d', '-s', 'c', '-x', '40', '-y', '10', 'sleep 100000')
        run(w, 'set', '-g', 'history-limit', '30')
    diffs = 0
    for i in range(count):
        data = ''.join(piece(r) for _ in range(r.randint(3, 40))) + 'END%d' % i
        path = os.path.join(TMP, 'case%d' % i)
        with open(path, 'w') as f:
            f.write(data)
        for w in B:
            run(w, 'new-window', '-d', '-t', 'c:%d' % (i + 1), "cat '%s'; exec sleep 100000" % path)
        for w in B:
            settled(w, 'c:%d' % (i + 1))
        shown = False
        for _ in range(3):
            f = flags(r)
            out = {w: run(w, 'capture-pane', '-p', '-t', 'c:%d' % (i + 1), *f) for w in B}
            a, b = out['tmux'], out['tmx']
            if a[:2] != b[:2]:
                diffs += 1
                if not shown:
                    print('%d: %r' % (i, data))
                    shown = True
                print('  capture-pane %s\n  tmux %s %r %r\n  tmx  %s %r %r' %
                      (' '.join(f), a[0], a[1], a[2][:60], b[0], b[1], b[2][:60]))
        for w in B:
            run(w, 'kill-window', '-t', 'c:%d' % (i + 1))
    for w in B:
        run(w, 'kill-server')
    print('differences:', diffs, 'of', count * 3)


if __name__ == '__main__':
    main()
