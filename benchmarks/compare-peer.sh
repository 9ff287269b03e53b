#!/usr/bin/env bash
# Runs the reference workload in the numpy peer and in Java back to back, times the whole processes, checks
# that every key the peer prints agrees to 1e-9 relative, and prints both speeds.
#
#   benchmarks/compare-peer.sh [--java-threads LIST] [workload options...]
#
#   benchmarks/compare-peer.sh                          # full reference workload (1000 × 128 × 7200; ~1 min)
#   benchmarks/compare-peer.sh --paths 100              # reduced: options go to both programs
#   benchmarks/compare-peer.sh --java-threads 1,2       # Java once with --threads 1, once with --threads 2
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/compare-peer.sh
#
# Workload options (--paths --subnets --blocks --seed --tempo --sigma ...) are passed unchanged to
# `./dtaosim reference --json` and to `dtao_numpy.py --json`. --threads N is Java-only and means
# --java-threads N. Without --java-threads Java uses its default (all cores).
# Environment: JAVA_HOME (the JDK; the launcher honours it), DTAOSIM_JAVA_OPTS (extra JVM options, see
# ./dtaosim), DTAO_PEER (the peer script; default ../shared/peers/dtao_numpy.py from the repository root),
# PYTHON (default python3). The peer runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (in its command
# only), so numpy picks its own kernels for this CPU.
# Exit status: 0 when all keys agree, 1 when some differ, 2 when a run failed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"
peer="$(realpath -m "${DTAO_PEER:-$root/../shared/peers/dtao_numpy.py}")"
python="${PYTHON:-python3}"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

threads_list=""
opts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --java-threads) threads_list="$2"; shift 2 ;;
    --java-threads=*) threads_list="${1#*=}"; shift ;;
    --threads) threads_list="$2"; shift 2 ;;
    --threads=*) threads_list="${1#*=}"; shift ;;
    --json) shift ;; # always on
    -h|--help) sed -n '2,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) opts+=("$1"); shift ;;
  esac
done
[ -f "$peer" ] || { echo "compare-peer: peer script not found: $peer (set DTAO_PEER)" >&2; exit 2; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Build the launcher's jar first (if stale), so no build lands inside a timed run.
echo "compare-peer: checking the launcher's build" >&2
./dtaosim --version >/dev/null 2>"$tmp/build.err" || { cat "$tmp/build.err" >&2; exit 2; }

now() { date +%s.%N; }
# run NAME CMD...: runs CMD with stdout/stderr to $tmp/NAME.{out,err}, writes the wall seconds to $tmp/NAME.wall
run() {
  local name="$1" t0 t1 rc=0
  shift
  echo "compare-peer: $name: $*" >&2
  t0="$(now)"
  "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || rc=$?
  t1="$(now)"
  if [ "$rc" != 0 ]; then
    echo "compare-peer: $name failed (exit $rc):" >&2
    cat "$tmp/$name.err" >&2
    exit 2
  fi
  echo "$t0 $t1" | awk '{ printf "%.6f\n", $2 - $1 }' >"$tmp/$name.wall"
  printf '%s\n' "$*" >"$tmp/$name.cmd"
}

load_before="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
run peer env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$peer" --json ${opts[@]+"${opts[@]}"}
java_runs=()
if [ -z "$threads_list" ]; then
  run java ./dtaosim reference --json ${opts[@]+"${opts[@]}"}
  java_runs+=(java)
else
  for t in ${threads_list//,/ }; do
    run "java-t$t" ./dtaosim reference --json ${opts[@]+"${opts[@]}"} --threads "$t"
    java_runs+=("java-t$t")
  done
fi
load_after="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"

"$python" - "$tmp" "$load_before" "$load_after" "$("$java_cmd" -version 2>&1 | head -1)" "$(nproc)" \
  "$(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//')" "${java_runs[@]}" <<'PY'
import argparse, json, math, os, platform, re, subprocess, sys

tmp, load_before, load_after, java_line, cores, cpu = sys.argv[1:7]
java_runs = sys.argv[7:]
TOL = 1e-9

def read(name, ext):
    with open(os.path.join(tmp, f"{name}.{ext}")) as f:
        return f.read()

def json_of(text):
    return json.loads(text[text.index('{'):])

peer_text = read('peer', 'out')
peer = json_of(peer_text)
m = re.search(r'P=(\d+) N=(\d+) B=(\d+): wall=([0-9.]+)s', peer_text)
if not m:
    sys.exit('compare-peer: cannot read the peer\'s size line')
P, N, B = (int(m.group(k)) for k in (1, 2, 3))
peer_inner = float(m.group(4))  # the peer's own timer, printed with 2 decimals
updates = P * N * B

def flat(v):
    return v if isinstance(v, list) else [v]

def rel(a, b):
    return abs(a - b) / max(abs(b), 1e-300) if a != b else 0.0

failed = False
print()
print(f"reference workload: P={P} paths x N={N} subnets x B={B} blocks = {updates:,} subnet-block-path updates")
print(f"machine: {cpu or '?'}; {cores} cores (nproc); load average {load_before} before, {load_after} after "
      f"(shared machine: timings are indicative)")
numpy_version = subprocess.run([sys.executable, '-c', 'import numpy; print(numpy.__version__)'],
                               capture_output=True, text=True).stdout.strip()
print(f"Java: {java_line}; Python {platform.python_version()}, numpy {numpy_version}")
print()

rows = []
peer_wall = float(read('peer', 'wall'))
for name in java_runs:
    java = json_of(read(name, 'out'))
    worst, worst_key, bad = 0.0, None, []
    for key, value in peer.items():
        if key not in java:
            bad.append(f"{key}: missing in Java")
            continue
        pv, jv = flat(value), flat(java[key])
        if len(pv) != len(jv):
            bad.append(f"{key}: {len(jv)} values in Java, {len(pv)} in the peer")
            continue
        for p, j in zip(pv, jv):
            r = rel(float(j), float(p))
            if not r <= TOL:
                bad.append(f"{key}: java {j!r} vs peer {p!r} (relative {r:.3g})")
            if r > worst or worst_key is None:
                worst, worst_key = max(worst, r), key
    status = 'OK' if not bad else 'MISMATCH'
    failed |= bool(bad)
    print(f"agreement {name} vs peer: {len(peer)} keys, max relative difference {worst:.3g} ({worst_key}); "
          f"tolerance {TOL:g}: {status}")
    for line in bad:
        print("   ", line)
    rows.append((name, java))

print()
print(f"{'run':<16} {'process wall s':>14} {'M upd/s':>9} {'in-process s':>13} {'M upd/s':>9} {'numpy/java':>11}")
print(f"{'numpy peer':<16} {peer_wall:>14.3f} {updates / peer_wall / 1e6:>9.1f} {peer_inner:>13.2f} "
      f"{updates / peer_inner / 1e6:>9.1f} {'':>11}")
for name, java in rows:
    wall = float(read(name, 'wall'))
    inner = float(java['wall_seconds'])
    label = f"java t={java.get('threads')}"
    print(f"{label:<16} {wall:>14.3f} {updates / wall / 1e6:>9.1f} {inner:>13.3f} {updates / inner / 1e6:>9.1f} "
          f"{peer_wall / wall:>10.1f}x")
print()
print("process wall: the whole command, start to exit (JVM or interpreter start, imports, run, output);")
print("in-process: the programs' own timers (Java wall_seconds; the peer's 'wall=' line, 2 decimals);")
print("numpy/java: process wall of the peer divided by that of Java (how many times faster Java is).")
print("java_version reported by the runs: " + ", ".join(f"{n} {j.get('java_version')}" for n, j in rows))
print()
print("commands (from the repository root):")
print("  peer:", read('peer', 'cmd').strip())
for name, _ in rows:
    print(f"  {name}:", read(name, 'cmd').strip())
sys.exit(1 if failed else 0)
PY
