#!/usr/bin/python3
"""windows.py SEED STEPS - the same random window, pane and session commands (split, kill,
swap, join, break, layouts, resizes, moves, links, groups...) to tmux 3.3a and tmx; stops
at the first step whose exit status or list-windows/list-panes/ls differ and prints
the diff (and, with HIST=1 in the environment, every command before it). Window names are
left out (tmux's automatic-rename races). A session tmux leaves with no current window (a
tmux bug in session groups, after move-window -r in one) ends the run, reported as such;
with GROUPS_RENUMBER=0, move-window -r is not sent to a session of a group; with LAST=1,
each pane's #{pane_last} is compared too."""
import os, subprocess, random, sys
from tmuxdiff import B, ENV as env
seed=int(sys.argv[1]); N=int(sys.argv[2])
random.seed(seed)
def run(w,*a):
    r=subprocess.run([B[w],'-L','df%d'%seed,'-f','/dev/null',*a],env=env,capture_output=True,text=True,timeout=10)
    return r.returncode, r.stdout, r.stderr.strip()
for w in B: run(w,'kill-server')
STATE=['list-windows','-a','-F','#{session_name}:#{window_index} #{window_id} #{window_panes} #{window_layout} #{window_active} #{window_flags}']
PST=['list-panes','-a','-F','#{session_name}:#{window_index}.#{pane_index} #{pane_id} #{pane_width}x#{pane_height} #{pane_left},#{pane_top} #{pane_active}']
if os.environ.get('LAST')=='1': PST[-1]+=' #{pane_last}' # LAST=1: the last pane too
SST=['ls','-F','#{session_name} #{session_windows} #{session_group} #{session_attached}']
for w in B:
    run(w,'new','-d','-s','s0','-x','120','-y','40','cat')
    run(w,'set','-g','automatic-rename','off')
def pick(kind):
    rc,o,e=run('tmux',*({'p':['list-panes','-a','-F','#{session_name}:#{window_index}.#{pane_index}'],'w':['list-windows','-a','-F','#{session_name}:#{window_index}'],'s':['ls','-F','#{session_name}']}[kind]))
    l=o.split()
    return random.choice(l) if l else 's0'
def op():
    k=random.randrange(22)
    P=lambda: pick('p'); W=lambda: pick('w'); S=lambda: pick('s')
    if k==0: return ['new-window','-d','-t',S()+':','cat']
    if k==1: return ['split-window','-d','-t',P(),random.choice(['-h','-v']),*random.choice([[],['-l',str(random.randint(1,30))],['-l','%d%%'%random.randint(10,90)],['-b'],['-f']]),'cat']
    if k==2: return ['kill-pane','-t',P()]
    if k==3: return ['swap-pane','-d','-s',P(),'-t',P()]
    if k==4: return ['select-layout','-t',W(),random.choice(['even-horizontal','even-vertical','main-horizontal','main-vertical','tiled'])]
    if k==5: return ['resize-pane','-t',P(),random.choice(['-L','-R','-U','-D']),str(random.randint(1,15))]
    if k==6: return ['break-pane','-d','-s',P()]
    if k==7: return ['join-pane','-d',random.choice(['-h','-v']),'-s',P(),'-t',P()]
    if k==8: return ['move-window','-d','-s',W(),'-t',S()+':'+str(random.randint(0,6))]
    if k==9: return ['link-window','-d','-s',W(),'-t',S()+':'+str(random.randint(0,6))]
    if k==10: return ['unlink-window','-t',W()]
    if k==11: return ['rename-window','-t',W(),'n%d'%random.randint(0,9)]
    if k==12: return ['new-session','-d','-t',S()]
    if k==13: return ['kill-session','-t',S()] if random.random()<0.3 else ['select-window','-t',W()]
    if k==14: return ['new-session','-d','-s','s%d'%random.randint(1,4),'-x','100','-y','30','cat']
    if k==15: return ['resize-pane','-Z','-t',P()]
    if k==16: return ['rotate-window','-t',W(),*random.choice([[],['-D']])]
    if k==17: return ['swap-window','-d','-s',W(),'-t',W()]
    if k==18: return ['select-pane','-t',P(),*random.choice([[],['-L'],['-R'],['-U'],['-D'],['-l']])]
    if k==19: return ['resize-window','-t',W(),'-x',str(random.randint(20,150)),'-y',str(random.randint(5,50))]
    if k==20: return ['kill-window','-t',W()] if random.random()<0.5 else ['last-window','-t',S()]
    if k==21:
        s=S()
        # GROUPS_RENUMBER=0: not in a session group, where it leads to a tmux bug (below).
        if os.environ.get('GROUPS_RENUMBER')=='0' and run('tmux','display','-p','-t','='+s+':','#{session_grouped}')[1].strip()=='1':
            return ['last-window','-t',s]
        return ['move-window','-r','-t',s]
def lost_current():
    """Sessions tmux has left with windows but no current window (a tmux 3.3a bug in
    session groups: its server crashes on the next command that looks; not copied)."""
    rc,o,e=run('tmux','list-windows','-a','-F','#{session_name} #{window_active}')
    seen={}
    for l in o.split('\n'):
        if l: n,act=l.rsplit(' ',1); seen[n]=seen.get(n,False) or act=='1'
    return sorted(n for n,ok in seen.items() if not ok)
hist=[]
for i in range(N):
    a=op()
    hist.append(a)
    r={w:run(w,*a) for w in B}
    lost=lost_current()
    if lost:
        # Noted, not a difference: the run cannot go on (tmux dies on the next command
        # that looks there, even kill-session or select-window).
        if os.environ.get('HIST'):
            for h in hist: print('   ',' '.join(h))
        print('seed',seed,'step',i,'op',a,': tmux left session',' '.join(lost),'with no current window (tmux bug); stopped')
        break
    st={w:(run(w,*STATE)[1], run(w,*PST)[1], run(w,*SST)[1]) for w in B}
    if r['tmux'][0]!=r['tmx'][0] or st['tmux']!=st['tmx']:
        print('step',i,'op',a)
        if os.environ.get('HIST'):
            for h in hist: print('   ',' '.join(h))
        print(' rc/err tmux',r['tmux'][0],r['tmux'][2],'| tmx',r['tmx'][0],r['tmx'][2])
        import difflib
        for j in range(3):
            if st['tmux'][j]!=st['tmx'][j]:
                print('\n'.join(difflib.unified_diff(st['tmux'][j].split('\n'),st['tmx'][j].split('\n'),'tmux','tmx',lineterm='',n=0)))
        break
else: print('seed',seed,'no difference in',N)
for w in B: run(w,'kill-server')
