#!/usr/bin/env python3
"""bucketscope benchmark: whole-process timings (alternating A/B runs, medians), peak memory,
ratios against the Jackson baselines, and cost curves. Run through bench/run.sh, which builds
the jar, the archives and the bench classes first. Prints Markdown tables on stdout."""
import argparse, datetime, json, os, platform, re, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
T = os.path.join(ROOT, "target")
B = os.path.join(T, "bench")
JAR = os.path.join(T, "bucketscope.jar")
CLASSES = os.path.join(B, "bench.jar")  # made by bench/run.sh
QUIET = ["-Xlog:cds=off", "-Xlog:cds+dynamic=off"]
C1 = ["-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5"]  # the launcher's: C1, compiling sooner
SERIAL = ["-XX:+UseSerialGC"]


def thp_on_request():
    """Whether the kernel gives transparent huge pages on madvise (the launcher checks the same)."""
    try:
        return "[madvise]" in open("/sys/kernel/mm/transparent_hugepage/enabled").read()
    except OSError:
        return False


MEMORY = ["-Xmn32m", "-XX:MaxTenuringThreshold=0", "-XX:-UsePerfData"] + (["-XX:+UseTransparentHugePages"] if thp_on_request() else [])
LAUNCHER = C1 + SERIAL + MEMORY  # the launcher's JVM flags, besides its archive
# Archives mapped where they were made, not relocated (the launcher checks the JVM knows the option).
MAPPED = ["-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"]
TODAY = ["--today", "2026-06-01"]
NOCACHE = ["env", "BUCKETSCOPE_CACHE=0"]  # no remembered schema passes: a fresh machine, as in CI


def run_once(cmd, cwd):
    """Wall seconds, peak RSS (KiB) and CPU seconds (user + system) of one whole process, output discarded."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        raise SystemExit("failed (%d): %s" % (code, " ".join(cmd)))
    return wall, ru.ru_maxrss, ru.ru_utime + ru.ru_stime


def alternate(cmds, cwd, runs, warmup=2):
    """Runs the commands in turn (A B, B A, A B ...); per command the median wall, peak RSS and
    median CPU, and the medians of the per-round wall and CPU ratios of each command to the first.
    CPU time drifts less than wall time here (an A/A pair of 10 rounds: wall 1.04, CPU 1.02)."""
    for _ in range(warmup):
        for c in cmds:
            run_once(c, cwd)
    walls = [[] for _ in cmds]
    rss = [[] for _ in cmds]
    cpus = [[] for _ in cmds]
    for k in range(runs):
        # A B, then B A: whichever runs first after a pause pays for files the kernel dropped
        # from its cache meanwhile (DAMON reclaims here), which made the second look ~3% faster.
        order = list(range(len(cmds)))
        if k % 2:
            order.reverse()
        for i in order:
            w, m, c = run_once(cmds[i], cwd)
            walls[i].append(w)
            rss[i].append(m)
            cpus[i].append(c)
    out = []
    for i in range(len(cmds)):
        ratio = statistics.median(walls[i][k] / walls[0][k] for k in range(runs))
        cpu_ratio = statistics.median(cpus[i][k] / cpus[0][k] for k in range(runs))
        out.append({"median": statistics.median(walls[i]), "min": min(walls[i]), "max": max(walls[i]),
                    "rss_mib": max(rss[i]) / 1024, "ratio": ratio,
                    "cpu": statistics.median(cpus[i]), "cpu_ratio": cpu_ratio})
    return out


def gen(name, *args):
    d = os.path.join(B, "repos", name)
    marker = os.path.join(d, ".params")
    params = " ".join(args)
    if os.path.exists(marker) and open(marker).read() == params:
        return d
    shutil.rmtree(d, ignore_errors=True)
    subprocess.run(["java", "-cp", CLASSES + os.pathsep + JAR, "dev.bucketscope.bench.RepoGenerator", d] + list(args),
                   check=True, stdout=subprocess.DEVNULL)
    open(marker, "w").write(params)
    return d


def archive(name, cmd_tail, cwd):
    """A dynamic AppCDS archive from one training run of the given command (same JVM flags)."""
    jsa = os.path.join(B, name + ".jsa")
    # CDS checks each class-path jar's size and time, so an archive older than either jar is unusable.
    if not os.path.exists(jsa) or os.path.getmtime(jsa) < max(os.path.getmtime(JAR), os.path.getmtime(CLASSES)):
        if os.path.exists(jsa):
            os.remove(jsa)
        # Trained with the schema check on (no remembered pass), like the launcher's archive.
        subprocess.run(["java"] + LAUNCHER + QUIET + ["-XX:ArchiveClassesAtExit=" + jsa] + cmd_tail, cwd=cwd,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=dict(os.environ, BUCKETSCOPE_CACHE="0"))
        # A missing archive would silently make that side run without CDS and skew every ratio.
        if not os.path.exists(jsa):
            sys.exit("bench: could not make the CDS archive %s (java %s)" % (jsa, " ".join(cmd_tail)))
    return MAPPED + ["-XX:SharedArchiveFile=" + jsa] + QUIET


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15, help="timed runs per command (one-file rows)")
    ap.add_argument("--big-runs", type=int, default=5, help="timed runs per command (1,000+ files)")
    ap.add_argument("--quick", action="store_true", help="fewer runs and smaller curves")
    ap.add_argument("--json", help="also write the figures to this file")
    a = ap.parse_args()
    if a.quick:
        a.runs, a.big_runs = 5, 3
    figures = {}

    # Inventories that passed the schema check are remembered in a folder of the benchmark's own
    # (SchemaPasses); NOCACHE runs as on a fresh machine, where every inventory is checked.
    os.environ["BUCKETSCOPE_CACHE_DIR"] = os.path.join(B, "cache")
    bs = ["-jar", JAR, "lint"] + TODAY
    base = ["-cp", CLASSES + os.pathsep + JAR, "dev.bucketscope.bench.JacksonBaseline"]
    one = gen("one", "--policies", "20")
    p100 = gen("p100", "--policies", "100")
    p1k = gen("p1000", "--policies", "1000")
    p10k = gen("p10000", "--policies", "10000", "--components", "2000")
    one_file = "policies/loki-storage.json"

    # Trained through picocli (--debug before lint), like the launcher's archive.
    cds_bs = archive("bucketscope", ["-jar", JAR, "--debug", "lint"] + TODAY + ["."], one)
    cds_base = archive("baseline", base + [one_file], one)
    best = LAUNCHER + cds_bs
    print("# bucketscope benchmark\n")
    print("%s; %s; %d cores; load average %s; java: %s\n" % (
        datetime.date.today(), platform.platform(), os.cpu_count(), " ".join("%.1f" % x for x in os.getloadavg()),
        subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]))

    # Sizes: the launcher's flags (C1, serial GC, AppCDS, tenuring and huge pages), text output.
    print("## Lint time by repository size (the launcher's flags, text output; medians)\n")
    print("Every inventory is checked against the schema, as on a fresh machine, except in the row that says otherwise.\n")
    print("| run | files | wall median s (min-max) | peak RSS MiB | files/s |")
    print("|---|---|---|---|---|")
    rows = [("one policy + its inventory (commit hook)", one, [one_file], 1, a.runs, NOCACHE),
            ("the same, the inventory's schema pass remembered (a hook's usual run)", one, [one_file], 1, a.runs, []),
            ("100 policies + inventory of 100", p100, ["."], 100, a.runs, NOCACHE),
            ("1,000 policies + inventory of 1,000", p1k, ["."], 1000, a.big_runs, NOCACHE),
            ("10,000 policies + inventory of 2,000", p10k, ["."], 10000, a.big_runs, NOCACHE)]
    for label, d, args, n, runs, env in rows:
        r = alternate([env + ["java"] + best + bs + args], d, runs, warmup=1)[0]
        figures["size:" + label] = r
        print("| %s | %d | %.3f (%.3f-%.3f) | %.0f | %.0f |" % (label, n, r["median"], r["min"], r["max"], r["rss_mib"], n / r["median"]))

    # Ratio (a): pre-commit path against picocli + Jackson parsing the same file, same flags.
    print("\n## Targets (paired: A and B alternate; ratio = median of per-pair ratios)\n")
    print("| comparison | A median s | B median s | A/B | target |")
    print("|---|---|---|---|---|")
    r = alternate([["java"] + LAUNCHER + cds_base + base + [one_file], ["java"] + best + bs + [one_file]], one, a.runs)
    figures["ratio_a"] = r
    print("| (a) `lint` one policy + inventory, text, the inventory's schema pass remembered (A) vs picocli+Jackson parse of it (B), both with the launcher's flags and their own AppCDS archive | %.3f | %.3f | **%.2f** | <= 1.3; < parliament 0.337 s |"
          % (r[1]["median"], r[0]["median"], r[1]["ratio"]))
    r = alternate([["java"] + LAUNCHER + cds_base + base + [one_file], NOCACHE + ["java"] + best + bs + [one_file]], one, a.runs)
    figures["ratio_a_nocache"] = r
    print("| (a0) the same with the inventory checked against the schema (a new or edited inventory) | %.3f | %.3f | **%.2f** | |"
          % (r[1]["median"], r[0]["median"], r[1]["ratio"]))
    r = alternate([["java"] + LAUNCHER + cds_base + base + [one_file], [os.path.join(ROOT, "bucketscope"), "lint"] + TODAY + [one_file]], one, a.runs)
    figures["ratio_a_launcher"] = r
    print("| (a') the same through the `./bucketscope` launcher (A) | %.3f | %.3f | **%.2f** | |" % (r[1]["median"], r[0]["median"], r[1]["ratio"]))
    r = alternate([["java"] + LAUNCHER + cds_base + base + ["--parallel", "."], NOCACHE + ["java"] + best + bs + ["."]], p10k, a.big_runs, warmup=1)
    figures["ratio_b"] = r
    print("| (b) `lint` 10,000 policies + 2,000 components, the inventory checked as on a fresh machine (A) vs parallel Jackson tree parse of them (B), same flags | %.3f | %.3f | **%.2f** | <= 2; parliament 17.4 s / A = **%.1fx** (>= 8) |"
          % (r[1]["median"], r[0]["median"], r[1]["ratio"], 17.4 / r[1]["median"]))
    r = alternate([["java"] + LAUNCHER + cds_base + base + ["--parallel", "."], ["java"] + best + bs + ["."]], p10k, a.big_runs, warmup=1)
    figures["ratio_b_cached"] = r
    print("| (b') the same with the inventory's schema pass remembered | %.3f | %.3f | **%.2f** | |"
          % (r[1]["median"], r[0]["median"], r[1]["ratio"]))
    r = figures["ratio_b"]
    print("| (b, CPU) row (b) in user + system CPU seconds (A: %.2f cores busy on average, B: %.2f) | %.2f | %.2f | %.2f | (for reading (b)) |"
          % (r[1]["cpu"] / r[1]["median"], r[0]["cpu"] / r[0]["median"], r[1]["cpu"], r[0]["cpu"], r[1]["cpu_ratio"]))

    # Optimisations: JVM flags, one file and 10,000 files, each against plain `java -jar`.
    print("\n## JVM flags (paired against plain `java -jar`)\n")
    print("| flags | one file: median s | ratio | 10,000 files: median s | ratio |")
    print("|---|---|---|---|---|")
    variants = [("plain", []), ("C1 only", C1), ("serial GC only", SERIAL), ("AppCDS", cds_bs), ("C1 + serial GC", C1 + SERIAL),
                ("C1 + serial GC + AppCDS", C1 + SERIAL + cds_bs),
                ("the launcher's: C1 + serial GC + AppCDS + %s" % " ".join(m.replace("-XX:", "") for m in MEMORY), best)]
    r1 = alternate([NOCACHE + ["java"] + v + bs + [one_file] for _, v in variants], one, a.runs)
    r2 = alternate([NOCACHE + ["java"] + v + bs + ["."] for _, v in variants], p10k, a.big_runs, warmup=1)
    for i, (name, _) in enumerate(variants):
        figures["flags:" + name] = [r1[i], r2[i]]
        print("| %s | %.3f | %.2f | %.3f | %.2f |" % (name, r1[i]["median"], r1[i]["ratio"], r2[i]["median"], r2[i]["ratio"]))

    # Where the 10,000-policy run spends its time (one run, BUCKETSCOPE_TIMINGS).
    print("\n## Phases of the 10,000-policy run (one run, `BUCKETSCOPE_TIMINGS=1`, launcher flags, inventory checked)\n")
    print("| phase | ms | ends at ms |")
    print("|---|---|---|")
    env = dict(os.environ, BUCKETSCOPE_TIMINGS="1", BUCKETSCOPE_CACHE="0")  # as on a fresh machine
    err = subprocess.run(["java"] + best + bs + ["."], cwd=p10k, env=env, capture_output=True, text=True).stderr
    for line in err.splitlines():
        m = re.match(r"bucketscope: timing (.*?)\s+([\d.]+) ms \(at\s+([\d.]+) ms\)", line)
        if m:
            print("| %s | %s | %s |" % m.groups())
            figures.setdefault("phases", []).append(list(m.groups()))

    print("\n## Cost curves (median of %d runs; launcher flags)\n" % a.big_runs)
    print("| curve | size | wall median s | peak RSS MiB | per unit ms |")
    print("|---|---|---|---|---|")
    sizes = [100, 1000, 10000] if a.quick else [100, 1000, 10000, 100000]
    # One policy stops at 40,000 statements: 100,000 make a 19.6 MB file, over the 8 MiB file limit.
    for s in [x if x < 100000 else 40000 for x in sizes]:
        d = gen("stmts-one-%d" % s, "--policies", "1", "--statements", str(s), "--violations", "1", "--no-inventory")
        r = alternate([NOCACHE + ["java"] + best + bs + ["."]], d, a.big_runs, warmup=1)[0]
        figures["curve:one-policy:%d" % s] = r
        print("| statements in one policy | %d | %.3f | %.0f | %.4f |" % (s, r["median"], r["rss_mib"], 1000 * r["median"] / s))
    for s in sizes:
        d = gen("stmts-many-%d" % s, "--policies", str(max(1, s // 10)), "--statements", "10", "--no-inventory")
        r = alternate([NOCACHE + ["java"] + best + bs + ["."]], d, a.big_runs, warmup=1)[0]
        figures["curve:many-policies:%d" % s] = r
        print("| statements in policies of 10 | %d | %.3f | %.0f | %.4f |" % (s, r["median"], r["rss_mib"], 1000 * r["median"] / s))
    for c in [10, 100, 500, 1000, 2000]:
        d = gen("comps-%d" % c, "--policies", str(c))
        r = alternate([NOCACHE + ["java"] + best + bs + ["."]], d, a.big_runs, warmup=1)[0]
        figures["curve:components:%d" % c] = r
        print("| components (one policy each) | %d | %.3f | %.0f | %.3f |" % (c, r["median"], r["rss_mib"], 1000 * r["median"] / c))

    # Inventory rules in a warm JVM: 200 components with 5 buckets each.
    print("\n## Inventory rules, warm JVM (200 components x 5 buckets; median of 7 paired differences, ms)\n")
    d = gen("inv-200x5", "--policies", "200", "--buckets", "5")
    out = subprocess.run(["java", "-cp", CLASSES + os.pathsep + JAR, "dev.bucketscope.bench.RuleTimes", d,
                          "scope-drift", "overlapping-scopes", "cross-component-access"], capture_output=True, text=True, check=True).stdout
    print(out)
    d = gen("inv-2000", "--policies", "2000", "--components", "2000")
    out = subprocess.run(["java", "-cp", CLASSES + os.pathsep + JAR, "dev.bucketscope.bench.RuleTimes", d,
                          "scope-drift", "overlapping-scopes", "cross-component-access"], capture_output=True, text=True, check=True).stdout
    print("2,000 components:\n\n" + out)
    if a.json:
        json.dump(figures, open(a.json, "w"), indent=1)


if __name__ == "__main__":
    main()
