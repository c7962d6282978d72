#!/usr/bin/env python3
"""Ratio (b) for several bucketscope jars at once, the Jackson baseline in the same rounds.

    bench/compare.py [--rounds N] JAR...

Runs `lint` of the 10,000-policy repository with each jar (the launcher's flags, an AppCDS
archive of each jar's own, made beside it as JAR.jsa like the launcher's) and the parallel
Jackson tree parse, in N rounds (default 16), each round in a shuffled order. A jar's ratio is
the median over the rounds of its time divided by the baseline's time in the same round, so a
machine that drifts over the minutes moves both sides alike: this is how two commits are
compared here (check out each, `mvn -q -DskipTests package`, copy target/bucketscope.jar aside).
Needs a prior `bench/run.sh` (or --quick), which builds target/bench/bench.jar and the
repositories; every inventory is checked, as on a fresh machine.
"""
import argparse
import math
import os
import random
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402  (the benchmark's flags, paths and archive helper)


def jar_archive(jar, one):
    """JAR.jsa, made by one training run on the small repository when missing or older than the jar."""
    jsa = jar + ".jsa"
    if not os.path.exists(jsa) or os.path.getmtime(jsa) < os.path.getmtime(jar):
        if os.path.exists(jsa):
            os.remove(jsa)
        subprocess.run(["java"] + bench.LAUNCHER + bench.QUIET + ["-XX:ArchiveClassesAtExit=" + jsa, "-jar", jar, "--debug", "lint"]
                       + bench.TODAY + ["."], cwd=one, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       env=dict(os.environ, BUCKETSCOPE_CACHE="0"))
        if not os.path.exists(jsa):
            sys.exit("compare: could not make the CDS archive %s" % jsa)
    return bench.MAPPED + ["-XX:SharedArchiveFile=" + jsa] + bench.QUIET


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=16)
    ap.add_argument("jars", nargs="+")
    a = ap.parse_args()
    one = os.path.join(bench.B, "repos", "one")
    p10k = os.path.join(bench.B, "repos", "p10000")
    if not (os.path.exists(bench.CLASSES) and os.path.isdir(p10k) and os.path.isdir(one)):
        sys.exit("compare: run bench/run.sh first (it builds target/bench/bench.jar and the repositories)")
    jars = [os.path.abspath(j) for j in a.jars]
    base_tail = ["-cp", bench.CLASSES + os.pathsep + bench.JAR, "dev.bucketscope.bench.JacksonBaseline"]
    cds_base = bench.archive("baseline", base_tail + ["policies/loki-storage.json"], one)
    commands = [("baseline", ["java"] + bench.LAUNCHER + cds_base + base_tail + ["--parallel", "."])]
    for j in jars:
        commands.append((j, ["java"] + bench.LAUNCHER + jar_archive(j, one) + ["-jar", j, "lint"] + bench.TODAY + ["."]))
    env = dict(os.environ, BUCKETSCOPE_CACHE="0")

    def once(cmd):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=p10k, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(p.pid, 0)
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            sys.exit("compare: %s failed (exit %d)" % (" ".join(cmd), os.waitstatus_to_exitcode(status)))
        return time.perf_counter() - t0, usage.ru_utime + usage.ru_stime

    for _, cmd in commands:
        once(cmd)  # warm-up: the page cache and the archives
    wall = [[] for _ in commands]
    cpu = [[] for _ in commands]
    for r in range(a.rounds):
        order = list(range(len(commands)))
        random.Random(r).shuffle(order)
        for i in order:
            w, c = once(commands[i][1])
            wall[i].append(w)
            cpu[i].append(c)
    print("| run | wall median s | CPU median s | ratio (b): median of rounds | geometric mean | CPU ratio |")
    print("|---|---|---|---|---|---|")
    print("| Jackson baseline | %.3f | %.3f | | | |" % (statistics.median(wall[0]), statistics.median(cpu[0])))
    for i in range(1, len(commands)):
        rw = [wall[i][k] / wall[0][k] for k in range(a.rounds)]
        rc = [cpu[i][k] / cpu[0][k] for k in range(a.rounds)]
        print("| %s | %.3f | %.3f | **%.2f×** | %.2f× | %.2f× |" % (
            commands[i][0], statistics.median(wall[i]), statistics.median(cpu[i]), statistics.median(rw),
            math.exp(statistics.mean(math.log(x) for x in rw)), statistics.median(rc)))


if __name__ == "__main__":
    main()
