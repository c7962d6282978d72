#!/usr/bin/env bash
# Integration checks that need tools outside Maven; .ci/run calls this after `mvn -B verify`, and
# it can be rerun alone (it builds the jar if it is missing):
#   1. a representative SARIF validated by Microsoft's SARIF multitool (npm) with GitHub's and
#      SARIF's rule sets; the multitool exits 0 even on errors, so .ci/sarif-verdict.py (python3)
#      reads its output file and fails on any error-level result;
#   2. the pre-commit hook (.pre-commit-hooks.yaml) run with `pre-commit try-repo` against a
#      scratch git repository, once on a clean policy and once on a violation.
# Needs: Java 17+, Maven, git, node/npx, python3; pre-commit is installed from Debian when
# missing and we run as root (or have password-less sudo, as on GitHub's runners). Leaves target/ci/ behind; everything else goes in a temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
jar=$root/target/bucketscope.jar
[ -f "$jar" ] || mvn -B -q -DskipTests package
mkdir -p target/ci
work=$(mktemp -d "${TMPDIR:-/tmp}/bucketscope-ci.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "== SARIF: representative log, validated by sarif-multitool (Gh;Sarif)"
java -jar "$jar" lint examples/homelab fixtures/wildcard-action fixtures/redundant-grant fixtures/invalid-json \
  fixtures/unknown-action src/test/resources/lint-sample/GUIDE.md \
  --format sarif --output target/ci/representative.sarif --fail-on none
npx -y @microsoft/sarif-multitool@5.7.0 validate target/ci/representative.sarif \
  --rule-kind "'Gh;Sarif'" --level "'Error;Warning;Note'" \
  -o target/ci/multitool.sarif --log ForceOverwrite > target/ci/multitool.log
python3 .ci/sarif-verdict.py target/ci/multitool.sarif

echo "== pre-commit: try-repo against a scratch repository"
if ! command -v pre-commit >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq pre-commit >/dev/null
  else
    echo "pre-commit is missing; install it (apt-get install pre-commit) and rerun" >&2
    exit 1
  fi
fi
pre-commit --version
export PRE_COMMIT_HOME=$work/pre-commit-home
scratch=$work/repo
mkdir -p "$scratch/policies"
git -C "$scratch" init -q
git -C "$scratch" config user.email ci@example.invalid
git -C "$scratch" config user.name ci
cp examples/homelab/policies/litellm-storage.json "$scratch/policies/litellm.json"
printf '{"name": "not-a-policy"}\n' > "$scratch/package.json"
git -C "$scratch" add -A

try() { (cd "$scratch" && pre-commit try-repo "$root" bucketscope --files "$@" > "$work/out" 2>&1); }

if ! try policies/litellm.json package.json; then
  cat "$work/out"; echo "FAIL: the hook failed on a clean policy" >&2; exit 1
fi
if grep -q '\[[a-z-]*\]' "$work/out"; then
  cat "$work/out"; echo "FAIL: the hook printed findings on a clean policy" >&2; exit 1
fi
grep -q 'bucketscope (S3 IAM policies)\.*Passed' "$work/out" || { cat "$work/out"; echo "FAIL: no 'Passed'" >&2; exit 1; }
echo "clean policy: exit 0, Passed, no findings"

cp fixtures/wildcard-action/bad-s3-star.json "$scratch/policies/admin.json"
git -C "$scratch" add -A
set +e
try policies/admin.json
rc=$?
set -e
if [ "$rc" != 1 ]; then
  cat "$work/out"; echo "FAIL: expected exit 1 on a violation, got $rc" >&2; exit 1
fi
grep -q 'policies/admin.json:[0-9]*:[0-9]*: error \[wildcard-action\]' "$work/out" \
  || { cat "$work/out"; echo "FAIL: the finding is not printed" >&2; exit 1; }
echo "violation: exit 1, finding printed:"
grep 'policies/admin.json' "$work/out" | sed 's/^/  /'
echo "== integration checks passed"
