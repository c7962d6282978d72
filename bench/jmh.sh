#!/bin/sh
# JMH micro-benchmarks of the hot paths (src/bench/jmh): JSON parse, one request evaluated, the
# pattern algebra's inclusion and intersection, one policy through every policy rule. Fetches
# JMH 1.37 from Maven Central into target/bench/jmh-lib, compiles against the jar, runs JMH.
#   bench/jmh.sh                     # 2 forks, 3 warm-up and 5 measured iterations of 1 s
#   bench/jmh.sh -f 1 -wi 2 -i 3     # any JMH options; e.g. a name regex to run one benchmark
set -eu
root=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
cd "$root"
./bucketscope --version >/dev/null          # builds target/bucketscope.jar when stale
lib=target/bench/jmh-lib
if [ ! -f "$lib/jmh-core-1.37.jar" ]; then
  mkdir -p "$lib"
  for a in org.openjdk.jmh:jmh-core:1.37 org.openjdk.jmh:jmh-generator-annprocess:1.37 \
           net.sf.jopt-simple:jopt-simple:5.0.4 org.apache.commons:commons-math3:3.6.1; do
    mvn -B -q dependency:copy -Dartifact="$a" -DoutputDirectory="$lib" >/dev/null
  done
fi
cp=target/bucketscope.jar:$(ls "$lib"/*.jar | tr '\n' ':')
rm -rf target/bench/jmh-classes && mkdir -p target/bench/jmh-classes
javac -nowarn -d target/bench/jmh-classes -cp "$cp" -processorpath "$cp" $(find src/bench/jmh -name '*.java')
if [ "$#" -eq 0 ]; then set -- -f 2 -wi 3 -i 5 -w 1s -r 1s; fi
exec java -cp "target/bench/jmh-classes:$cp" org.openjdk.jmh.Main "$@"
