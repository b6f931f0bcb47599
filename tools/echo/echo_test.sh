#!/usr/bin/env bash
# End-to-end test of echo_server and echo_client over loopback: the IPv4
# examples, the dual-stack examples over ::1 and 127.0.0.1, a refused
# connection and bad flags. Usage: echo_test.sh SERVER CLIENT
set -u
server=$1
client=$2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
failures=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# wait_for PID SECONDS: waits for the background job PID, killing it after
# SECONDS, and returns its exit status (143 if it had to be killed). Plain
# bash (3.2 too): no GNU timeout or `tail --pid`, which macOS lacks.
wait_for() {
  local pid=$1 secs=$2 watchdog rc
  (
    trap 'kill "$s" 2>/dev/null; exit 0' TERM
    sleep "$secs" & s=$!
    wait "$s" && kill "$pid" 2>/dev/null
  ) >/dev/null 2>&1 &
  watchdog=$!
  wait "$pid"; rc=$?
  kill "$watchdog" 2>/dev/null; wait "$watchdog" 2>/dev/null
  return $rc
}

# with_timeout SECONDS COMMAND [ARG...]: runs COMMAND, killing it after
# SECONDS; returns its exit status.
with_timeout() {
  local secs=$1; shift
  "$@" &
  wait_for $! "$secs"
}

# run_pair NAME SERVER_FLAGS CLIENT_HOST [CLIENT_FLAGS...]: start the server
# on port 0, read the port from its "Listening on" line, run the client and
# check both sides.
run_pair() {
  local name=$1 server_flags=$2 host=$3; shift 3
  local fifo="$tmp/$name.fifo" line port out rc
  rm -f "$fifo"; mkfifo "$fifo"
  # shellcheck disable=SC2086
  "$server" $server_flags --port=0 >"$fifo" 2>"$tmp/$name.err" &
  local pid=$!
  exec 3<"$fifo"
  if ! read -r -t 20 line <&3; then
    fail "$name: server printed nothing: $(cat "$tmp/$name.err")"
    kill "$pid" 2>/dev/null; exec 3<&-; return
  fi
  case $line in
    "Listening on "*) ;;
    *) fail "$name: unexpected first line '$line'"; kill "$pid" 2>/dev/null; exec 3<&-; return ;;
  esac
  port=${line##*:}
  out=$(with_timeout 20 "$client" --host="$host" --port="$port" "$@" 2>&1); rc=$?
  local expect="Received 'Hello, world'"
  for a in "$@"; do case $a in --message=*) expect="Received '${a#--message=}'";; esac; done
  [ $rc -eq 0 ] || fail "$name: client exit $rc: $out"
  [ "$out" = "$expect" ] || fail "$name: client said '$out', expected '$expect'"
  if read -r -t 20 line <&3; then
    case $line in "Connected by "*) ;; *) fail "$name: server said '$line'";; esac
  else
    fail "$name: server did not report the connection"
  fi
  exec 3<&-
  wait_for "$pid" 20; rc=$?
  [ $rc -eq 0 ] || fail "$name: server exit $rc: $(cat "$tmp/$name.err")"
  echo "ok: $name ($line)"
}

run_pair ipv4 "--host=127.0.0.1" 127.0.0.1
run_pair ipv4-message "--host=127.0.0.1" 127.0.0.1 --message="xsock echo $$"
run_pair dual-stack-v4 "--dual-stack --host=127.0.0.1" 127.0.0.1 --dual-stack
if [ -e /proc/net/if_inet6 ] && grep -q "^00000000000000000000000000000001" /proc/net/if_inet6; then
  run_pair dual-stack-v6 "--dual-stack --host=::1" ::1 --dual-stack
else
  echo "skip: dual-stack-v6 (no ::1 on this machine)"
fi

# A refused connection: a port that was listening a moment ago (the server is
# stopped before the client runs).
rm -f "$tmp/refused.fifo"; mkfifo "$tmp/refused.fifo"
"$server" --host=127.0.0.1 --port=0 >"$tmp/refused.fifo" 2>/dev/null &
sp=$!
exec 4<"$tmp/refused.fifo"
if read -r -t 20 line <&4; then
  port=${line##*:}
  kill "$sp"; wait "$sp" 2>/dev/null
  out=$(with_timeout 20 "$client" --host=127.0.0.1 --port="$port" 2>&1); rc=$?
  [ $rc -eq 1 ] || fail "refused: client exit $rc (want 1): $out"
  case $out in *"could not open socket"*) ;; *) fail "refused: output '$out'";; esac
  case $out in *"connection refused"*) echo "ok: refused";; *) fail "refused: no refusal in '$out'";; esac
else
  fail "refused: server printed nothing"; kill "$sp" 2>/dev/null
fi
exec 4<&-

out=$("$client" --bogus 2>&1); rc=$?
[ $rc -eq 2 ] || fail "bad flag: exit $rc (want 2)"
case $out in *"--bogus"*) ;; *) fail "bad flag: message does not name the flag: '$out'";; esac
out=$("$server" --port=70000 2>&1); rc=$?
[ $rc -eq 2 ] || fail "bad port: exit $rc (want 2)"

if [ $failures -ne 0 ]; then echo "$failures failure(s)"; exit 1; fi
echo "all echo checks passed"
