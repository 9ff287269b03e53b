#!/usr/bin/env bash
# Per-update cost of eras relative to the first, by interleaving short slices of BlockBenchmark's whole blocks
# in one JVM, each era on its own copy of the classes (dtaosim.benchmarks.EraRatios): each era's slice is
# divided by the first era's slice of the same round, so a machine that slows down for a while slows both sides
# of each ratio.
#
#   benchmarks/era-ratios.sh [--no-build] [--rounds N] [--slice-ms M] [--warmup-rounds N] [--paths P]
#                            [--subnets S] [--fees era|zero] [--noise held|peer] [--kernel vector|scalar] [ERA[@JAR] ...]
#
#   benchmarks/era-ratios.sh                                   # all seven eras, launch-2025-02 first (~2 min)
#   benchmarks/era-ratios.sh --fees zero launch-2025-02 capped-2025-12
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 benchmarks/era-ratios.sh
#   benchmarks/era-ratios.sh capped-2025-12 capped-2025-12@/tmp/other/benchmarks.jar   # A/B of two builds
#
# Defaults: 30 rounds of 300 ms after 5 warm-up rounds, 64 paths × 128 subnets, vector kernel, each era's own
# fees, noise traders cut to holders' alpha (BlockBenchmark's defaults). Prints per era the median and least
# ns/update, and the median and quartiles of the paired ratios to the first era.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"

build=1
case "${1:-}" in
  --no-build) build=0; shift ;;
  -h|--help) sed -n '2,17p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

jar="$here/target/benchmarks.jar"
if [ "$build" = 1 ] || [ ! -f "$jar" ]; then
  echo "era-ratios: building $jar" >&2
  "$root/mvnw" -q -B -f "$root/pom.xml" -pl benchmarks -am package -DskipTests
fi
echo "era-ratios: $("$java_cmd" -version 2>&1 | head -1); $(nproc) cores; load average$(uptime | sed 's/.*load average//')" >&2
exec "$java_cmd" --add-modules jdk.incubator.vector -cp "$jar" dtaosim.benchmarks.EraRatios "$@"
