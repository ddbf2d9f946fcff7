#!/usr/bin/env bash
# Runs the benchmark of an older commit and of the working tree back to back, on the same machine
# and corpus, so that "before" and "after" come from one run.
#
#   modules/bench/before-after.sh OLD_COMMIT [OUT_DIR] [-- extra Bench options for the "after" run]
#
# OLD_COMMIT is checked out into a temporary clone and built with `mvn -o package -DskipTests` (nothing
# is installed into ~/.m2, so the working tree's artifacts are untouched). The "before" run takes the
# configurations the old bench knows (entente-full, entente-entities); the "after" run takes all of
# them. Results: OUT_DIR/before/bench.{md,json}, OUT_DIR/after/bench.{md,json} (default OUT_DIR:
# bench-before-after). Run from the repository root with ../shared beside it; quiet machine.
set -euo pipefail
old=${1:?usage: before-after.sh OLD_COMMIT [OUT_DIR] [-- extra options]}
out=${2:-bench-before-after}
shift $(( $# >= 2 ? 2 : 1 ))
[ "${1:-}" = "--" ] && shift
root=$(pwd)
shared=$(cd "$root/../shared" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
out=$(cd "$out" && pwd)

git clone -q "$root" "$work/old"
git -C "$work/old" checkout -q "$old"
(cd "$work/old" && mvn -q -o package -DskipTests)
mvn -q -o install -DskipTests

common=(--docs 200 --threads 2 --sources "$shared/corpus/dev" --gold "$shared/corpus/dev" --warmup)
echo "== before: $(git -C "$work/old" rev-parse --short HEAD) $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
(cd "$work/old" && java -Xmx4g -cp 'modules/bench/target/entente-bench.jar:modules/bench/target/lib/*' \
    io.entente.bench.Bench "${common[@]}" --configs entente-full,entente-entities --out "$out/before")
echo "== after: $(git rev-parse --short HEAD)$(git diff --quiet || echo '+changes') $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx4g -cp 'modules/bench/target/entente-bench.jar:modules/bench/target/lib/*' \
    io.entente.bench.Bench "${common[@]}" "$@" --out "$out/after"
echo "== done $(date -u +%FT%TZ): $out/before/bench.md, $out/after/bench.md"
