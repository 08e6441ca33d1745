#!/usr/bin/env bash
# Checks that statement extraction is byte-identical to a saved baseline on every article of
# the shared corpus: the statements, their speakers, cues, spans and the rules that fired
# (`extract_jsonl --explain`). Use it around a change meant not to change behaviour.
#
#   tools/extract_identical.sh --save DIR   dump the current extraction to DIR (the baseline)
#   tools/extract_identical.sh DIR          dump again and `diff -r` against DIR; exit 1 on any
#                                           difference
#
# CORPUS (default: ../shared/corpus next to the repository) holds one folder per set, each
# with its articles as `articles/*.txt`. CARGO_TARGET_DIR is honoured as cargo does.
set -euo pipefail

save=0
if [[ "${1:-}" == "--save" ]]; then
    save=1
    shift
fi
if [[ $# -ne 1 ]]; then
    echo "usage: $0 [--save] DIR" >&2
    exit 2
fi
baseline=$1
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
corpus=${CORPUS:-$repo/../shared/corpus}
corpus=$(cd "$corpus" && pwd)

cargo build --release --quiet --manifest-path "$repo/Cargo.toml" -p parallax-nlp --example extract_jsonl
target=${CARGO_TARGET_DIR:-$repo/target}
bin=$target/release/examples/extract_jsonl

if [[ $save -eq 1 ]]; then
    out=$baseline
    rm -rf "$out"
else
    out=$(mktemp -d)
    trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"

count=0
cd "$corpus"
while IFS= read -r article; do
    dest=$out/${article%.txt}.jsonl
    mkdir -p "$(dirname "$dest")"
    "$bin" --explain "$article" >"$dest"
    count=$((count + 1))
done < <(find . -path '*/articles/*.txt' | sed 's|^\./||' | sort)

if [[ $save -eq 1 ]]; then
    echo "saved the extraction of $count articles to $out"
    exit 0
fi
if diff -r "$baseline" "$out"; then
    echo "identical: $count articles"
else
    echo "DIFFERENT from $baseline (see above)" >&2
    exit 1
fi
