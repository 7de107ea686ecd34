#!/usr/bin/env bash
# Upload throughput of lightly-upload / lightly-magic's upload stage against lightly-server, the
# batch protocol next to Lightly's per-sample calls, in one run. Prints a table.
#
#   bash bench/upload/run.sh [COUNTS]        (default "10000 100000")
#
# The server runs as its own process (the packaged lightly-server, SQLite in a fresh data folder
# under bench/out/upload), so its peak RSS is its own. Each case uploads COUNT synthetic samples
# whose metadata (~500 bytes of JSON), EXIF, WebP thumbnails (~3 KB) and 32-d embeddings were
# computed already, as lightly-magic's embedding pass leaves them: only the upload is measured.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
counts=${1:-"10000 100000"}
dist=$root/cli/target/lightly-java
work=$root/bench/out/upload

[[ -x $dist/bin/lightly-server ]] || (cd "$root" && mvn -q -B package -DskipTests)
rm -rf "$work"
mkdir -p "$work"
port=$(( 20000 + RANDOM % 20000 ))
"$dist/bin/lightly-server" serve --port "$port" --data-dir "$work/server-data" > "$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/v1/versions/pip/minimum" > /dev/null 2>&1 && break
    sleep 0.2
done
token=$("$dist/bin/lightly-server" token create --user bench --data-dir "$work/server-data" 2>/dev/null)

export DJL_OFFLINE=true
declare -A rate whole
for n in $counts; do
    for mode in metadata thumbnails; do
        for protocol in batch per-sample; do
            echo "uploading $n samples, $mode, $protocol ..." >&2
            log=$work/$n-$mode-$protocol.log
            line=$(java -Xmx2g -cp "$dist/lib/*" "$here/UploadBench.java" "http://127.0.0.1:$port" \
                "$token" "$work/runs" "$mode" "$protocol" "$n" 2> "$log" | tail -1)
            whole[$n,$mode,$protocol]=$(sed -n 's/.*samples_per_s=\([0-9.]*\).*/\1/p' <<< "$line")
            rate[$n,$mode,$protocol]=$(sed -n 's/.*uploaded [0-9]* samples in .* s: \([0-9.]*\) samples\/s.*/\1/p' "$log")
            rm -rf "$work/runs"
        done
    done
done
rss=$(awk '/VmHWM/ { printf "%d", $2 / 1024 }' "/proc/$server/status")

echo
echo "Upload throughput, samples/s ($(nproc) cores, SQLite, server and client on one machine; $(date -u +%F))"
echo
printf '| %-32s | %9s | %9s | %10s | %10s | %6s |\n' "case" "batch" "batch all" "per-sample" "p-s all" "ratio"
printf '|%s|%s|%s|%s|%s|%s|\n' "----------------------------------" "-----------" "-----------" "------------" "------------" "--------"
for n in $counts; do
    for mode in metadata thumbnails; do
        b=${rate[$n,$mode,batch]:-}; p=${rate[$n,$mode,per-sample]:-}
        r=$([[ -n $b && -n $p ]] && awk -v a="$b" -v c="$p" 'BEGIN { printf "%.1f", a / c }' || echo -)
        printf '| %-32s | %9s | %9s | %10s | %10s | %6s |\n' "$n samples, upload=$mode" "${b:--}" \
            "${whole[$n,$mode,batch]:--}" "${p:--}" "${whole[$n,$mode,per-sample]:--}" "$r"
    done
done
echo
echo "batch / per-sample: the sample stage (create samples, PUT thumbnails, tag), from the"
echo "upload's own log line; 'all': the whole upload stage of lightly-magic: dataset, sample"
echo "stage, embeddings CSV (checked, PUT, PCA on the server), from a cold client JVM."
echo
echo "lightly-server peak RSS: ${rss} MB (whole run). Logs in $work."
