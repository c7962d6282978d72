#!/bin/sh
# bucketscope benchmark: builds the jar (and the launcher's AppCDS archive), compiles the bench
# sources (src/bench/java: repository generator, Jackson baselines, rule timer) against it, then
# runs bench/bench.py, which generates the repositories under target/bench/repos (deterministic,
# seed 42), times whole processes (alternating A/B, medians) and prints Markdown tables.
#   bench/run.sh [--quick] [--runs N] [--big-runs N] [--json FILE]
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
./bucketscope --version >/dev/null          # builds target/bucketscope.jar and its archive when stale
rm -rf target/bench/classes && mkdir -p target/bench/classes
javac -nowarn -d target/bench/classes -cp target/bucketscope.jar $(find src/bench/java -name '*.java')
# A jar, not the class folder: CDS refuses to archive from a class path with a non-empty folder,
# and the baseline must run with its own archive like bucketscope does.
(cd target/bench/classes && jar cf ../bench.jar .)
exec python3 bench/bench.py "$@"
