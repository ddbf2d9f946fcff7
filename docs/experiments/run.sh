#!/usr/bin/env bash
# Research harness behind docs/themes.md, "Tried and dropped (session 6)": 5-fold CV by document on
# ../shared/corpus/train only (seed 1, each fold's thresholds chosen on the other folds). Not part of
# the build; compiles against the CLI jar and fetches DJL's PyTorch engine (about 110 MB) for FT.
#   docs/experiments/run.sh exp e5-small-v2-q lr:300 lrknn:300:20:0.05 mlp:256:15:0.001:0.0001:2
#   docs/experiments/run.sh states e5-small-v2-q attn:10:0.001:0.0001:1
#   docs/experiments/run.sh ft 2 3 5e-5 1e-3      (layers fine-tuned, epochs, encoder lr, head lr)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
mode="$1"; shift
[ -f "$root/modules/cli/target/entente-cli.jar" ] || "$root/entente" --version >/dev/null
r=~/.m2/repository/ai/djl
for a in ai.djl.pytorch:pytorch-engine:0.36.0 ai.djl.pytorch:pytorch-jni:2.7.1-0.36.0 \
         ai.djl.pytorch:pytorch-native-cpu:2.7.1:jar:linux-x86_64; do
  mvn -q -B dependency:get -Dartifact=$a >/dev/null
done
cp="$root/modules/cli/target/entente-cli.jar:$root/modules/cli/target/lib/*:$r/pytorch/pytorch-engine/0.36.0/pytorch-engine-0.36.0.jar"
cp="$cp:$r/pytorch/pytorch-jni/2.7.1-0.36.0/pytorch-jni-2.7.1-0.36.0.jar:$r/pytorch/pytorch-native-cpu/2.7.1/pytorch-native-cpu-2.7.1-linux-x86_64.jar"
out="$(mktemp -d)"
mkdir -p /tmp/exp   # encoder caches and frozen states (vectors only)
javac -nowarn -d "$out" -cp "$cp" "$here/io/entente/semantic/Tok.java" "$here/Exp.java" "$here/FT.java"
cd "$root"
case "$mode" in
  exp)    exec java -Xmx8g ${EXP_OPTS:-} -cp "$out:$cp" Exp "$@" ;;
  states) exec java -Xmx12g -Dstates=true -cp "$out:$cp" Exp "$@" ;;
  ft)     exec java -Xmx6g -cp "$out:$cp" FT "$@" ;;
  *) echo "usage: run.sh exp|states|ft ARGS" >&2; exit 2 ;;
esac
