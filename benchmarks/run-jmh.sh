#!/usr/bin/env bash
# Runs the JMH benchmarks of dtaosim with the GC profiler and writes JSON results.
#
#   benchmarks/run-jmh.sh [--quick] [--no-build] [JMH options and benchmark regexps...]
#
#   benchmarks/run-jmh.sh                                   # everything, the benchmarks' own warmup/measurement
#   benchmarks/run-jmh.sh --quick                           # everything, 2×1 s warmup + 3×1 s measurement
#   benchmarks/run-jmh.sh --quick SwapStep -p paths=64      # one benchmark class, one paths value
#   benchmarks/run-jmh.sh BlockBenchmark -p kernel=vector -f 3
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/run-jmh.sh --quick
#
# Always passes -prof gc -rf json; results go to benchmarks/results/jmh-<UTC timestamp>.json (ignored by git),
# then a per-update summary is printed (benchmarks/jmh-summary.py). Options you pass win over --quick's
# (-wi -w -i -r -f are added only when absent). JAVA_HOME selects the JDK for the build and the run; the forked
# benchmark JVMs use the same JDK. Note that a -jvmArgsAppend you pass replaces the benchmarks' own, so
# include --add-modules jdk.incubator.vector in it.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

quick=0
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) break ;;
  esac
done

jar="$here/target/benchmarks.jar"
if [ "$build" = 1 ] || [ ! -f "$jar" ]; then
  echo "run-jmh: building $jar" >&2
  "$root/mvnw" -q -B -f "$root/pom.xml" -pl benchmarks -am package -DskipTests
fi

# --quick: short warmup and measurement, unless the caller set them
mode_args=()
if [ "$quick" = 1 ]; then
  has() { local o; for o in "${@:2}"; do [ "$o" = "$1" ] && return 0; done; return 1; }
  has -wi "$@" || mode_args+=(-wi 2)
  has -w "$@" || mode_args+=(-w 1s)
  has -i "$@" || mode_args+=(-i 3)
  has -r "$@" || mode_args+=(-r 1s)
  has -f "$@" || mode_args+=(-f 1)
fi

mkdir -p "$here/results"
out="$here/results/jmh-$(date -u +%Y%m%dT%H%M%SZ).json"
echo "run-jmh: $("$java_cmd" -version 2>&1 | head -1); $(nproc) cores; load average$(uptime | sed 's/.*load average//')" >&2
cmd=("$java_cmd" -jar "$jar" -prof gc -rf json -rff "$out" ${mode_args[@]+"${mode_args[@]}"} "$@")
echo "run-jmh: ${cmd[*]}" >&2
"${cmd[@]}"
echo "run-jmh: load average at the end$(uptime | sed 's/.*load average//')" >&2
echo "run-jmh: results in $out" >&2
if command -v python3 >/dev/null 2>&1; then
  python3 "$here/jmh-summary.py" "$out"
fi
