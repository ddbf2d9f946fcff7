#!/usr/bin/env bash
# Rebuilds the figures of docs/themes.md: cross-validation on the training corpus for every encoder and
# feature set, the dev scores of models trained on train only, and the learning curve. Run from the
# repository root with ../shared beside it (about 25 minutes on 2 cores). Writes into ${OUT:-/tmp/entente-figures}.
set -euo pipefail
out=${OUT:-/tmp/entente-figures}
mkdir -p "$out"
# a frozen copy of the command-line jar, so that edits made while this runs do not rebuild it midway
./entente --version > /dev/null
rm -rf "$out/cli" && mkdir -p "$out/cli" && cp -r modules/cli/target/entente-cli.jar modules/cli/target/lib "$out/cli/"
entente() { java -Xmx1g -XX:+UseSerialGC -cp "$out/cli/entente-cli.jar:$out/cli/lib/*" io.entente.cli.Main "$@"; }
train=../shared/corpus/train
dev=../shared/corpus/dev
run() { # name, train options...
  local name=$1; shift
  entente train --gold "$train" --out "$out/$name.model.json" "$@" > "$out/$name.train.txt" 2>/dev/null
  entente evaluate "$dev" --classifier hybrid --semantic-model "$out/$name.model.json" --json --bootstrap 1000 \
    > "$out/$name.dev.json" 2>/dev/null
}
for enc in all-minilm-l6-v2-q all-minilm-l6-v2 bge-small-en-v1.5-q e5-small-v2-q; do
  run "enc-$enc" --encoder "$enc"
done
run feat-embedding --features embedding
run feat-embedding-lexicon --features embedding,lexicon
run feat-no-embedding --features lexicon,neighbours,document,shape
for f in 0.25 0.5; do
  run "curve-$f" --fraction "$f"
done
entente evaluate "$dev" > "$out/lexicon.dev.txt" 2>/dev/null
entente evaluate "$dev" --json > "$out/lexicon.dev.json" 2>/dev/null
entente evaluate "$train" > "$out/lexicon.train.txt" 2>/dev/null
entente train --gold "$train" --repeats 3 --out "$out/repeats.model.json" > "$out/repeats.train.txt" 2>/dev/null
echo "figures in $out"
