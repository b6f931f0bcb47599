#!/usr/bin/env bash
# End-to-end test of the sniffer on 127.0.0.1: it captures a UDP datagram
# that udp_send sends itself, or, without the privilege raw sockets need,
# exits with status 3 naming it. The sniffer's "ready" line (read from a
# fifo) says the capture is in place before anything is sent; nothing waits
# by sleeping. Usage: sniffer_test.sh SNIFFER UDP_SEND
set -u
sniffer=$1
sender=$2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
failures=0
privileged=unknown

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# check_no_privilege NAME RC STDERR_FILE: the sniffer's answer without
# privilege.
check_no_privilege() {
  local name=$1 rc=$2 err=$3
  [ "$rc" -eq 3 ] || fail "$name: exit $rc, want 3: $(cat "$err")"
  grep -q "permission denied" "$err" || fail "$name: no 'permission denied' in: $(cat "$err")"
  grep -q "CAP_NET_RAW" "$err" || fail "$name: message does not name CAP_NET_RAW: $(cat "$err")"
}

# --- capture ------------------------------------------------------------------
before=$failures
# At most 32 bytes, so the summary shows all of it.
payload="xsniff-$$-$RANDOM$RANDOM"
fifo="$tmp/capture.fifo"
rm -f "$fifo"; mkfifo "$fifo"
"$sniffer" --host=127.0.0.1 --proto=udp --count=1 --timeout=10 \
    --contains="$payload" >"$fifo" 2>"$tmp/capture.err" &
pid=$!
exec 3<"$fifo"
if read -r -t 20 line <&3; then
  case $line in
    "ready: "*)
      privileged=yes
      # udp_send gives up by itself after 10 s.
      out=$("$sender" --host=127.0.0.1 --payload="$payload" 2>&1)
      rc=$?
      [ $rc -eq 0 ] || fail "capture: udp_send exit $rc: $out"
      if read -r -t 20 summary <&3; then
        echo "sniffer: $summary"
        case $summary in
          "IPv4 127.0.0.1:"*" -> 127.0.0.1:"*" UDP "*) ;;
          *) fail "capture: not a UDP packet 127.0.0.1 -> 127.0.0.1: '$summary'" ;;
        esac
        case $summary in
          *"\"$payload\""*) ;;
          *) fail "capture: the summary does not show the payload $payload: '$summary'" ;;
        esac
        # udp_send sends to its own port: both ports are that port.
        sport=${summary#IPv4 127.0.0.1:}; sport=${sport%% *}
        dport=${summary#* -> 127.0.0.1:}; dport=${dport%% *}
        [ "$sport" = "$dport" ] || fail "capture: ports $sport -> $dport differ"
        case $out in
          *":$sport -> "*) ;;
          *) fail "capture: udp_send used another port: '$out' vs '$summary'" ;;
        esac
      else
        fail "capture: no summary line; stderr: $(cat "$tmp/capture.err")"
      fi
      ;;
    *) fail "capture: unexpected first line '$line'" ;;
  esac
fi
exec 3<&-
# The sniffer stops by itself after --timeout.
wait "$pid"; rc=$?
if [ "$privileged" = yes ]; then
  [ $rc -eq 0 ] || fail "capture: sniffer exit $rc: $(cat "$tmp/capture.err")"
  [ $failures -eq $before ] && echo "ok: capture (privileged: a raw socket could be opened)"
else
  privileged=no
  check_no_privilege "capture" "$rc" "$tmp/capture.err"
  [ $failures -eq $before ] && echo "ok: no privilege for raw sockets here (exit 3, message checked:" \
       "$(cat "$tmp/capture.err")); the capture itself was not exercised"
fi

# --- timeout: nothing matches ------------------------------------------------------
if [ "$privileged" = yes ]; then
  before=$failures
  start=$SECONDS
  out=$("$sniffer" --host=127.0.0.1 --proto=udp --count=1 \
      --timeout=0.5 --contains="never-sent-$payload" 2>&1)
  rc=$?
  [ $rc -eq 1 ] || fail "timeout: exit $rc, want 1: $out"
  case $out in *"timed out"*"0 of 1 packet(s)"*) ;; *) fail "timeout: output '$out'";; esac
  [ $((SECONDS - start)) -lt 10 ] || fail "timeout: took $((SECONDS - start)) s"
  [ $failures -eq $before ] && echo "ok: timeout"
fi

# --- without privilege (forced) -------------------------------------------------
# A privileged run drops CAP_NET_RAW from its bounding set, so the sniffer
# (even as root) cannot open a raw socket.
if [ "$privileged" = yes ]; then
  if command -v setpriv >/dev/null 2>&1; then
    setpriv --bounding-set=-net_raw --inh-caps=-net_raw \
        "$sniffer" --host=127.0.0.1 --proto=udp --count=1 --timeout=1 \
        >"$tmp/nopriv.out" 2>"$tmp/nopriv.err"
    rc=$?
    if [ $rc -ne 3 ] && grep -q "^setpriv:" "$tmp/nopriv.err"; then
      echo "skip: forced no-privilege run (setpriv cannot drop CAP_NET_RAW here: $(cat "$tmp/nopriv.err"))"
    else
      before=$failures
      check_no_privilege "no-privilege" "$rc" "$tmp/nopriv.err"
      [ -s "$tmp/nopriv.out" ] && fail "no-privilege: printed '$(cat "$tmp/nopriv.out")'"
      [ $failures -eq $before ] && echo "ok: no-privilege (forced with setpriv)"
    fi
  else
    echo "skip: forced no-privilege run (no setpriv)"
  fi
fi

# --- usage ---------------------------------------------------------------------
usage() {
  local name=$1 want=$2; shift 2
  local out rc
  out=$("$sniffer" "$@" 2>&1); rc=$?
  [ $rc -eq 2 ] || fail "usage $name: exit $rc, want 2: $out"
  case $out in *"$want"*) echo "ok: usage $name";; *) fail "usage $name: '$out' does not mention '$want'";; esac
}
usage bad-proto "--proto" --proto=sctp
usage zero-count "--count" --count=0
usage bad-timeout "--timeout" --timeout=0
usage unknown-flag "--bogus" --bogus
usage all-needs-rcvall "SIO_RCVALL" --proto=all
usage bad-host "--host" --host=localhost
out=$("$sniffer" --help); rc=$?
[ $rc -eq 0 ] || fail "--help: exit $rc"
case $out in *"usage: sniffer"*) echo "ok: --help";; *) fail "--help: '$out'";; esac

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all sniffer checks passed"
