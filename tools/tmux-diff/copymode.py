#!/usr/bin/python3
"""copymode.py SEED STEPS [vi|emacs] [--no-search] - a 60x20 pane that printed a fixed
text (words, punctuation, digits, tabs, wide characters, combining marks, long lines that
wrap) enters copy mode in tmux 3.3a and in tmx; the same random send -X commands go to
both (motions, selections, plain and regular-expression searches, an invalid one among
them) until the cursor, view, selection or search matches (formats), the text a
selection copies, or a status differ. --no-search leaves the search commands out."""
import os, random, shlex, subprocess, sys, time
from tmuxdiff import B, ENV as env, TMP
no_search='--no-search' in sys.argv
sys.argv=[a for a in sys.argv if a!='--no-search']
seed=int(sys.argv[1]); N=int(sys.argv[2]); keys=sys.argv[3] if len(sys.argv)>3 else 'vi'
TEXT=os.path.join(TMP,'text.txt')
_r=random.Random(7)
_words=['alpha','be','c','delta-echo','foxtrot_g','h.i','(jk)','lima','mike:november','o','papa/quebec','r','sierra','tango,uniform','v','whiskey','x-ray','yankee','zulu','  ','\t','\u00fcber','\u65e5\u672c\u8a9e','ok','foo','abc','aXc','x','xx','12','345','cd','e\u0301t','\u00dcber']
with open(TEXT,'w') as f:
    f.write('\n'.join(' '.join(_r.choice(_words) for _ in range(_r.randint(0,14 if _r.random()<0.8 else 40))) for _ in range(120))+'\n')
random.seed(seed)
# HIST=N: print the N commands before the difference too.
hist=[''] if os.environ.get('HIST') else None
def run(w,*a):
    r=subprocess.run([B[w],'-L','cm%d'%seed,'-f','/dev/null',*a],env=env,capture_output=True,text=True,timeout=10)
    return r.returncode, r.stdout, r.stderr.strip()
for w in B:
    run(w,'kill-server')
    run(w,'new','-d','-s','s','-x','60','-y','20','cat %s; exec cat' % TEXT)
    run(w,'set','-g','mode-keys',keys)
time.sleep(0.5)
for w in B: run(w,'copy-mode','-t','s')
CMDS=['cursor-up','cursor-down','cursor-left','cursor-right','next-word','previous-word','next-word-end','next-space','previous-space','next-space-end','start-of-line','end-of-line','back-to-indentation','history-top','history-bottom','top-line','middle-line','bottom-line','page-up','page-down','halfpage-up','halfpage-down','scroll-up','scroll-down','begin-selection','clear-selection','select-line','select-word','rectangle-toggle','other-end','next-paragraph','previous-paragraph','cursor-down-and-cancel','jump-again','jump-reverse']
ARGS=[('search-forward',['delta']),('search-backward',['lima']),('jump-forward',['e']),('jump-backward',['a']),('jump-to-forward',['o']),('goto-line',['5']),('search-forward-text',['ok'])]
# Regular expressions (search-forward and search-backward take them, as tmux 3.3a).
INVALID=['(','[a']
REGEX=['a.c','[0-9]+','^foo','o$','(ab|cd)','x*','A.C','a.C',*INVALID,'^','$','\u00fc.','e.t','^a','b.*r','[a-z]+ [0-9]','\u65e5.','lima|tango']
ARGS+=[(c,[r]) for c in ('search-forward','search-backward') for r in REGEX]+[('search-again',[]),('search-reverse',[])]*6
if no_search:
    ARGS=[a for a in ARGS if not a[0].startswith('search-')]
STATE="#{pane_in_mode} #{copy_cursor_x},#{copy_cursor_y} #{scroll_position} #{selection_present} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} #{rectangle_toggle} #{copy_cursor_word} #{search_present} [#{search_match}]"
for i in range(N):
    if random.random()<0.6: a=['send','-X','-t','s',random.choice(CMDS)]
    else:
        c,x=random.choice(ARGS); a=['send','-X','-t','s',c,*x]
    if random.random()<0.2: a[1:1]=['-N',str(random.randint(2,5))]
    r={w:run(w,*a) for w in B}
    if not no_search and ('goto-line' in a or 'other-end' in a or a[-1] in INVALID):
        # tmux 3.3a leaves the matches it marked where they were on the screen, over the
        # text goto-line or other-end brings, or the view brings after a search that does
        # not compile (a tmux bug): set-mark, compared nowhere, clears them.
        for w in B: run(w,'send','-X','-t','s','set-mark')
    if hist: hist.append(shlex.join(x for x in a[1:] if x not in ('-X','-t','s')))
    st={w:run(w,'display','-p','-t','s',STATE) for w in B}
    if st['tmux'][0]!=0 and 'server' in st['tmux'][2]:
        # An emacs search-forward whose match runs to the view's last cell leaves tmux
        # 3.3a's cursor below the view, and reading #{copy_cursor_word} there kills it.
        print('seed',seed,'step',i,a,'tmux died (tmux bug):',st['tmux'][2]); break
    st={w:st[w][1] for w in B}
    if st['tmux']!=st['tmx'] or r['tmux'][0]!=r['tmx'][0]:
        if hist: print('\n'.join(hist[-int(os.environ['HIST'])-1:-1]))
        print('seed',seed,'step',i,a); print(' tmux',r['tmux'][0],st['tmux'].strip()); print(' tmx ',r['tmx'][0],st['tmx'].strip()); break
    if st['tmux'].split()[3:4]==['1']:
        # What the selection copies: copy-selection-no-clear leaves it as it is.
        for w in B: run(w,'send','-X','-t','s','copy-selection-no-clear')
        buf={w:run(w,'show-buffer')[1] for w in B}
        if buf['tmux']!=buf['tmx']:
            if hist: print('\n'.join(hist[-int(os.environ['HIST'])-1:-1]))
            print('seed',seed,'step',i,a,'copied'); print(' tmux',repr(buf['tmux'])); print(' tmx ',repr(buf['tmx'])); break
    if st['tmux'].startswith('0'):
        for w in B: run(w,'copy-mode','-t','s')
else: print('seed',seed,'same for',N)
for w in B: run(w,'kill-server')
