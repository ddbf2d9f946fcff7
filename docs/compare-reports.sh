#!/usr/bin/env bash
# Reports byte-identical before and after a change: builds the CLI at a git revision (in a temporary
# worktree) and at the working tree, runs both over the seed, the dev set and the train set with each
# classifier, and compares every report (ID.json, ID.md, corpus.json, corpus-themes.csv).
#
# usage: docs/compare-reports.sh BASE_REV [SET...]    (SET: seeds dev train; default all three)
#   e.g. docs/compare-reports.sh 4e82c9a
# Needs ../shared beside the repository for dev and train. Exit 0 when every report is identical.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
base="${1:?usage: $0 BASE_REV [SET...]}"; shift
sets=("${@:-seeds dev train}"); sets=(${sets[@]})
work="$(mktemp -d)"; trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

build() { # DIR -> builds modules/cli/target there
  (cd "$1" && mvn -q -B -o -Dstyle.color=never -Dmaven.test.skip=true package -pl modules/cli -am) 2>&1 | sed $'s/\x1b\\[0m//g' >&2
}
git -C "$root" worktree add --detach -q "$work/base" "$base"
echo "building $base and the working tree..." >&2
build "$work/base"; build "$root"

status=0
for set in "${sets[@]}"; do
  case $set in seeds) src="$root/seeds";; dev|train) src="$root/../shared/corpus/$set";; *) echo "unknown set $set" >&2; exit 2;; esac
  for cls in lexicon hybrid; do
    for side in base head; do
      dir=$([ $side = base ] && echo "$work/base" || echo "$root")
      java -Xmx2g -XX:+UseSerialGC -cp "$dir/modules/cli/target/entente-cli.jar:$dir/modules/cli/target/lib/*" io.entente.cli.Main \
        analyze "$src" --out "$work/$set-$cls-$side" --classifier "$cls" --threads 2 > "$work/$set-$cls-$side.log" 2>&1 || true
    done
    n=$(find "$work/$set-$cls-base" -maxdepth 1 -type f \( -name '*.json' -o -name '*.md' -o -name '*.csv' \) | wc -l)
    if diff -r -q -x .entente -x entente.duckdb -x site "$work/$set-$cls-base" "$work/$set-$cls-head" >&2; then
      echo "$set $cls: identical ($n files)"
    else
      echo "$set $cls: DIFFERENT"; status=1
    fi
  done
done
exit $status
