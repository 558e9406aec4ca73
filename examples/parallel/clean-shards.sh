#!/usr/bin/env bash
# Clean a corpus of JSON Lines shards with GNU parallel: count each shard, merge the counts,
# clean each shard with the merged counts. On this machine by default; on several hosts with
# SSHLOGINFILE=hosts.txt (GNU parallel's --sshloginfile: one host a line, ":" for this one).
# Every host needs clean-article on PATH and the shard folder at the same path (a shared disk).
# MAX_BLOCKS=N raises the cap on distinct blocks a count or the merge holds (default 1,000,000).
#
#   examples/parallel/clean-shards.sh IN_DIR OUT_DIR [GROUP_FIELD]
#
# IN_DIR holds *.jsonl or *.jsonl.gz shards; OUT_DIR gets counts/, merged.counts.gz and one
# clean shard per input, compressed as the input was.
set -euo pipefail
in=${1:?usage: clean-shards.sh IN_DIR OUT_DIR [GROUP_FIELD]}
out=${2:?usage: clean-shards.sh IN_DIR OUT_DIR [GROUP_FIELD]}
group=${3:-domain}
jobs=${JOBS:-+0}
remote=()
if [ -n "${SSHLOGINFILE:-}" ]; then remote=(--sshloginfile "$SSHLOGINFILE" --workdir "$PWD"); fi
mkdir -p "$out/counts"
shopt -s nullglob
shards=("$in"/*.jsonl "$in"/*.jsonl.gz)
[ ${#shards[@]} -gt 0 ] || { echo "clean-shards.sh: no *.jsonl or *.jsonl.gz in $in" >&2; exit 2; }

# 1. count: one task per shard, one thread each (parallel runs the tasks side by side).
parallel --halt now,fail=1 -j "$jobs" "${remote[@]}" \
  clean-article learn --input-format jsonl --group-field "$group" --jobs 1 ${MAX_BLOCKS:+--max-blocks "$MAX_BLOCKS"} -q {} --counts-out "$out/counts/{/}.counts.gz" ::: "${shards[@]}"
# 2. merge: one process; adding counts up is associative and order-free. --prune keeps only
#    the blocks that reach the thresholds, which is all cleaning needs (and fast to load).
clean-article learn --merge "$out"/counts/*.counts.gz --counts-out "$out/merged.counts.gz" --prune ${MAX_BLOCKS:+--max-blocks "$MAX_BLOCKS"} -q
# 3. clean: one task per shard, with the merged counts; no second counting pass.
parallel --halt now,fail=1 -j "$jobs" "${remote[@]}" \
  clean-article --input-format jsonl --group-field "$group" --counts "$out/merged.counts.gz" --jobs 1 -q {} -o "$out/{/}" ::: "${shards[@]}"
