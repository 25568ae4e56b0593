# Nested %if; a false branch is not run (not even checked for unknown commands).
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/i.conf" <<'CONF'
%if 1
  %if 0
    nosuchcommand
  %else
    display -p inner-else
  %endif
  display -p outer
%endif
%if 0
  %if 1
    display -p never
  %endif
%endif
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/i.conf"
echo "rc=$?"
