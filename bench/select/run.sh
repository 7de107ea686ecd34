#!/usr/bin/env bash
# Selection on lightly-server: k-center greedy (CORESET) and near-duplicate groups, timed on
# random embeddings. Prints a table.
#
#   bash bench/select/run.sh            # 1M x 32 CORESET 10k, 100k x 32 duplicates, and both
#                                       # as server jobs on an uploaded 1M x 32 embedding
#   bash bench/select/run.sh quick      # the same at a tenth of the size
#
# Each case runs in a JVM of its own with a fixed -Xmx, so its peak RSS (VmHWM) is its own.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
lib=$root/server/target/lightly-server/lib
conf=$root/server/target/lightly-server/conf/logback.xml
work=$root/bench/out/select

scale=1
[[ ${1:-} == quick ]] && scale=10
big=$((1000000 / scale)); count=$((10000 / scale)); dup=$((100000 / scale))

[[ -d $lib ]] || (cd "$root" && mvn -q -B package -pl server -am -DskipTests)
rm -rf "$work"
mkdir -p "$work"

run() { # heap, arguments: prints the bench's lines
    local heap=$1; shift
    echo "running $* (-Xmx$heap) ..." >&2
    java -Xmx"$heap" -Dlogback.configurationFile="$conf" -Djava.io.tmpdir="$work" \
        -cp "$lib/*" "$here/SelectBench.java" "$@" 2> "$work/$1.log" | grep '^case=' \
        || echo "case=$1_FAILED seconds=- rss_mb=- (see $work/$1.log)"
}

lines=$(run 400m coreset "$big" 32 "$count"; run 200m duplicates "$dup" 32 0.05;
        run 3g server "$big" 32 "$count" 0.05)
echo "$lines" > "$work/results.txt"

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p"; }
echo
echo "Selection on $(nproc) cores ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(date -u +%F)"
echo
printf '| %-66s | %9s | %12s |\n' "case" "seconds" "peak RSS MB"
printf '|%s|%s|%s|\n' "--------------------------------------------------------------------" "-----------" "--------------"
while read -r line; do
    name=$(sed -n 's/^case=\([^ ]*\).*/\1/p' <<< "$line")
    rest=$(sed 's/^case=[^ ]* seconds=[^ ]* rss_mb=[^ ]* //' <<< "$line")
    printf '| %-66s | %9s | %12s |\n' "${name//_/ }: $rest" "$(field seconds <<< " $line")" \
        "$(field rss_mb <<< " $line")"
done <<< "$lines"
echo
echo "coreset / duplicates: the algorithm alone on rows in memory (-Xmx400m / -Xmx200m)."
echo "server: lightly-server in the bench's JVM (-Xmx3g, SQLite): the upload (samples, initial tag,"
echo "embeddings CSV checked and PCA-projected), then each job from POST to its tag, as the server"
echo "records it (createdAt to finishedAt); the RSS there is the JVM's peak so far, the upload's."
echo "Logs in $work."
