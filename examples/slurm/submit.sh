#!/usr/bin/env bash
# Clean a corpus of JSON Lines shards on a Slurm cluster, in three steps that depend on each other:
#   1. count   a job array, one task per shard: clean-article learn … --counts-out (one core each)
#   2. merge   one job, after every count task succeeded: learn --merge of all counts
#   3. clean   a job array, one task per shard, after the merge: clean with --counts
# Nothing but clean-article (on PATH on every node) and a folder all nodes see are needed.
#
#   examples/slurm/submit.sh IN_DIR OUT_DIR [GROUP_FIELD]
#
# IN_DIR holds *.jsonl or *.jsonl.gz shards; OUT_DIR gets shards.txt (the list the arrays index),
# counts/, merged.counts.gz, logs/ and one clean shard per input, compressed as the input was.
# Prints the three job ids (count merge clean). Extra sbatch options: SBATCH_OPTS="--partition=x".
# MAX_BLOCKS=N raises the cap on distinct blocks a count or the merge holds (default 1,000,000;
# about 320 bytes of memory each); sbatch passes the environment on to the jobs.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
in=${1:?usage: submit.sh IN_DIR OUT_DIR [GROUP_FIELD]}
out=${2:?usage: submit.sh IN_DIR OUT_DIR [GROUP_FIELD]}
group=${3:-domain}
in=$(cd "$in" && pwd)
mkdir -p "$out/counts" "$out/logs"
out=$(cd "$out" && pwd)
ls "$in"/*.jsonl "$in"/*.jsonl.gz 2>/dev/null | sort > "$out/shards.txt" || true
n=$(wc -l < "$out/shards.txt")
[ "$n" -gt 0 ] || { echo "submit.sh: no *.jsonl or *.jsonl.gz in $in" >&2; exit 2; }
last=$((n - 1))
# shellcheck disable=SC2086
count=$(sbatch --parsable ${SBATCH_OPTS:-} --array=0-$last --output="$out/logs/count-%a.log" \
  "$here/count.sbatch" "$out/shards.txt" "$out" "$group")
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_OPTS:-} --dependency=afterok:$count --output="$out/logs/merge.log" \
  "$here/merge.sbatch" "$out")
# shellcheck disable=SC2086
clean=$(sbatch --parsable ${SBATCH_OPTS:-} --array=0-$last --dependency=afterok:$merge --output="$out/logs/clean-%a.log" \
  "$here/clean.sbatch" "$out/shards.txt" "$out" "$group")
echo "$count $merge $clean"
