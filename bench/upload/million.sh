#!/usr/bin/env bash
# A dataset of a million samples on a lightly-server limited to a 512 MiB heap: upload with metadata
# (no thumbnails) and a 1M x 32 embeddings CSV (checked, reordered, PCA on arrival), the 2D view,
# a CORESET job, tag arithmetic, the web grid's first and last pages. Prints the time of each step
# and the server's peak RSS (VmHWM).
#
#   bash bench/upload/million.sh [COUNT] [HEAP]      (default 1000000 512m)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
n=${1:-1000000}
heap=${2:-512m}
dist=$root/cli/target/lightly-java
work=$root/bench/out/million

[[ -x $dist/bin/lightly-server ]] || (cd "$root" && mvn -q -B package -DskipTests)
rm -rf "$work"
mkdir -p "$work"
port=$(( 20000 + RANDOM % 20000 ))
LIGHTLY_HEAP=$heap JAVA_OPTS= "$dist/bin/lightly-server" serve --port "$port" \
    --data-dir "$work/server-data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/v1/versions/pip/minimum" > /dev/null 2>&1 && break
    sleep 0.2
done
token=$("$dist/bin/lightly-server" token create --user bench --data-dir "$work/server-data" 2>/dev/null)
api="http://127.0.0.1:$port/v1"

declare -a steps times
now() { date +%s.%N; }
step() { # NAME START: records the time since START
    steps+=("$1")
    times+=("$(awk -v a="$2" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')")
}
call() { # METHOD PATH [BODY]: the answer, failing on an HTTP error
    local sep='?'
    [[ $2 == *\?* ]] && sep='&'
    curl -fsS -X "$1" -H 'Content-Type: application/json' ${3:+--data "$3"} \
        "$api$2${sep}token=$token"
}
wait_job() {
    local status
    while true; do
        status=$(call GET "/jobs/$1")
        case $(jq -r .status <<< "$status") in
            FINISHED) jq -r .result.data <<< "$status"; return 0 ;;
            FAILED) echo "job $1 failed: $(jq -r .error <<< "$status")" >&2; return 1 ;;
        esac
        sleep 0.2
    done
}

echo "uploading $n samples with metadata and embeddings ..." >&2
t=$(now)
DJL_OFFLINE=true java -Xmx6g -cp "$dist/lib/*" "$here/UploadBench.java" "http://127.0.0.1:$port" \
    "$token" "$work/runs" metadata batch "$n" 2> "$work/upload.log" | tail -1
step "upload stage (client JVM, samples, tag, CSV, PCA)" "$t"
sample_rate=$(sed -n 's/.*uploaded [0-9]* samples in .* s: \([0-9.]*\) samples\/s.*/\1/p' "$work/upload.log")
ingest=$(grep -o 'checked in [0-9.]* s, stored in creation order in [0-9.]* s, PCA in [0-9.]* s' \
    "$work/server.log" | tail -1 || true)
rm -rf "$work/runs"

ds=$(call GET /datasets | jq -r '.[0].id')
emb=$(call GET "/datasets/$ds/embeddings" | jq -r '.[0].id')
initial=$(call GET "/datasets/$ds/tags" | jq -r '.[] | select(.name == "initial-tag") | .id')

t=$(now)
call GET "/datasets/$ds/embeddings/$emb/2d" | jq '.[0].coordinatesDimension1 | length' > /dev/null
step "2D view (GET .../2d, 2 x $n coordinates)" "$t"

t=$(now)
job=$(call POST "/datasets/$ds/embeddings/$emb/sampling" \
    '{"newTagName":"coreset-1000","method":"CORESET","config":{"stoppingCondition":{"nSamples":1000,"minDistance":-1}}}' \
    | jq -r .jobId)
coreset=$(wait_job "$job")
step "CORESET job, 1000 of $n" "$t"

t=$(now)
call POST "/datasets/$ds/tags/arithmetics" \
    "{\"tagId1\":\"$initial\",\"tagId2\":\"$coreset\",\"operation\":\"DIFFERENCE\",\"newTagName\":\"rest\"}" \
    > "$work/rest.json"
rest=$(jq -r .id "$work/rest.json")
call POST "/datasets/$ds/tags/arithmetics/bitmask" \
    "{\"tagId1\":\"$rest\",\"tagId2\":\"$coreset\",\"operation\":\"UNION\"}" > /dev/null
step "tag arithmetic (DIFFERENCE as a new tag, UNION)" "$t"

grid=/lightly-java/datasets/$ds/samples
last=$(( n - 100 ))
t=$(now); call GET "$grid?offset=0&limit=100" > /dev/null; step "web grid, first page" "$t"
t=$(now); call GET "$grid?offset=$last&limit=100" > /dev/null; step "web grid, last page" "$t"
t=$(now); call GET "$grid?offset=$last&limit=100&sort=sharpness&order=desc" > /dev/null
step "web grid, last page by sharpness" "$t"
t=$(now); call GET "$grid?offset=$(( n - 1100 ))&limit=100&tagId=$rest" > /dev/null
step "web grid, last page of tag 'rest'" "$t"

rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$server/status")
echo
echo "$n samples, lightly-server at -Xmx$heap ($(nproc) cores, SQLite, one machine; $(date -u +%F))"
echo
printf '| %-52s | %9s |\n' "step" "seconds"
printf '|%s|%s|\n' "------------------------------------------------------" "-----------"
for i in "${!steps[@]}"; do
    printf '| %-52s | %9s |\n' "${steps[$i]}" "${times[$i]}"
done
echo
echo "sample stage: ${sample_rate:-?} samples/s; server, embeddings CSV: ${ingest:-not logged}"
echo "lightly-server peak RSS (VmHWM): $rss MB. Logs in $work."
if grep -q OutOfMemoryError "$work/server.log"; then
    echo "lightly-server ran out of heap; see $work/server.log" >&2
    exit 1
fi
