# In one command list, new-session, and new-window and split-window without -d, make
# what they create current for the commands after them; -d and select-window do not.
$TMUX_BIN new -d -s a -n x cat \; new -d -s b -n y cat \; display -p 'after new b: #S' \; \
    neww -t a -n z cat \; display -p 'after neww -t a: #S:#W' \; \
    neww -d -t b -n w cat \; display -p 'after neww -d -t b: #S:#W' \; \
    splitw -t a:x cat \; display -p 'after splitw -t a:x: #S:#W.#P' \; \
    selectw -t b:y \; display -p 'after selectw b:y: #S:#W'
