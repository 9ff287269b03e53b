#!/usr/bin/env python3
"""Prints a JMH JSON result file (benchmarks/run-jmh.sh output) as one line per benchmark and parameter set:
time per subnet-path update, the same as M updates/s, and gc.alloc.rate.norm (bytes per update).

    python3 benchmarks/jmh-summary.py benchmarks/results/jmh-<timestamp>.json
"""
import json
import math
import sys


def main(path):
    with open(path) as f:
        runs = json.load(f)
    if not runs:
        print("no results in", path)
        return
    first = runs[0]
    print(f"{path}: JDK {first.get('jdkVersion')} ({first.get('vmName')}), JMH {first.get('jmhVersion')}, "
          f"{first.get('warmupIterations')}x{first.get('warmupTime')} warmup, "
          f"{first.get('measurementIterations')}x{first.get('measurementTime')} measurement, forks {first.get('forks')}")
    header = f"{'benchmark':<36} {'kernel':<7} {'paths':>5} {'subnets':>7} {'ns/update':>16} {'M upd/s':>8} {'alloc B/update':>15}"
    print(header)
    print('-' * len(header))
    for run in runs:
        name = run['benchmark'].replace('dtaosim.benchmarks.', '')
        params = run.get('params', {})
        primary = run['primaryMetric']
        score, error = primary['score'], primary.get('scoreError', float('nan'))
        unit = primary['scoreUnit']
        if unit != 'ns/op':
            print(f"{name}: unexpected unit {unit}")
            continue
        alloc = run.get('secondaryMetrics', {}).get('gc.alloc.rate.norm', {}).get('score', float('nan'))
        err = f"± {error:.2f}" if not math.isnan(error) else ""
        print(f"{name:<36} {params.get('kernel', ''):<7} {params.get('paths', ''):>5} {params.get('subnets', ''):>7} "
              f"{score:>8.3f} {err:<7} {1e3 / score:>8.0f} {alloc:>15.2g}  {params.get('era', '')}")


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
