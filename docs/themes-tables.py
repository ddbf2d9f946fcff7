#!/usr/bin/env python3
"""Prints the Markdown tables of docs/themes.md from the outputs of docs/themes-figures.sh (standard library only)."""
import json, os, re, sys
d = sys.argv[1] if len(sys.argv) > 1 else "/tmp/entente-figures"

def cv(name):
    t = open(os.path.join(d, name + ".train.txt")).read()
    m = re.search(r"^learned\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+\S+\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)", t, re.M)
    lam = re.search(r"penalty ([\d.]+)", t).group(1)
    return float(m.group(3)), float(m.group(6)), lam

def dev(name):
    j = json.load(open(os.path.join(d, name + ".dev.json")))["themes"]
    s, doc = j["sentence"], j["document"]
    return s, doc, j["perTheme"]

def ci(x):
    return "%.3f [%.2f–%.2f]" % (x["f1"], x["f1Ci95"][0], x["f1Ci95"][1])

rows = [("enc-all-minilm-l6-v2-q", "all-minilm-l6-v2-q"), ("enc-all-minilm-l6-v2", "all-minilm-l6-v2 (fp32)"),
        ("enc-bge-small-en-v1.5-q", "bge-small-en-v1.5-q"), ("enc-e5-small-v2-q", "e5-small-v2-q")]
print("| encoder | train CV sentence / document F1 | dev sentence F1 | dev document F1 | dev sentence P / R |")
print("|---|---|---|---|---|")
for f, label in rows:
    if os.path.exists(os.path.join(d, f + ".dev.json")):
        c = cv(f); s, doc, _ = dev(f)
        print("| %s | %.3f / %.3f | %s | %s | %.3f / %.3f |" % (label, c[0], c[1], ci(s), ci(doc), s["precision"], s["recall"]))
print()
rows = [("feat-embedding", "embedding"), ("feat-embedding-lexicon", "embedding, lexicon"),
        ("feat-no-embedding", "lexicon, neighbours, document, shape (no encoder)"),
        ("enc-e5-small-v2-q", "all five groups (packaged)")]
print("| feature groups (e5-small-v2-q) | train CV sentence / document F1 | dev sentence F1 | dev document F1 |")
print("|---|---|---|---|")
for f, label in rows:
    if os.path.exists(os.path.join(d, f + ".dev.json")):
        c = cv(f); s, doc, _ = dev(f)
        print("| %s | %.3f / %.3f | %s | %s |" % (label, c[0], c[1], ci(s), ci(doc)))
print()
print("| share of train documents | documents | train CV sentence F1 | dev sentence F1 | dev document F1 |")
print("|---|---|---|---|---|")
for f, label in [("curve-0.25", "25 %"), ("curve-0.5", "50 %"), ("enc-e5-small-v2-q", "100 %")]:
    if os.path.exists(os.path.join(d, f + ".dev.json")):
        c = cv(f); s, doc, _ = dev(f)
        docs = re.search(r"^(\d+) documents?", open(os.path.join(d, f + ".train.txt")).read(), re.M).group(1)
        print("| %s | %s | %.3f | %s | %s |" % (label, docs, c[0], ci(s), ci(doc)))
print()
if os.path.exists(os.path.join(d, "enc-e5-small-v2-q.dev.json")):
    _, _, per = dev("enc-e5-small-v2-q")
    lex = json.load(open(os.path.join(d, "lexicon.dev.json")))["themes"]["perTheme"]
    print("| theme (dev, sentence level) | lexicon 2.0.0 F1 [95 % CI] | learned F1 [95 % CI] | learned P / R |")
    print("|---|---|---|---|")
    for t in sorted(per):
        print("| %s | %s | %s | %.2f / %.2f |" % (t, ci(lex[t]["sentence"]), ci(per[t]["sentence"]),
                                                per[t]["sentence"]["precision"], per[t]["sentence"]["recall"]))
