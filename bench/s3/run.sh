#!/usr/bin/env bash
# Reading S3 directly (input_dir=s3://...) next to `aws s3 sync` of the same prefix, in one run,
# against a local S3 server (S3Proxy, filesystem store). Prints a table.
#
#   bash bench/s3/run.sh [SMALL_COUNT [BIG_COUNT [DELAYS_MS]]]     (defaults 2000, 100, "0 30")
#
# DELAYS_MS: round trips added by a TCP proxy in front of the server (0: loopback), to see how
# each way of reading copes with the latency of a remote S3. Needs the packaged tools (built if
# missing), ImageMagick for the images (bench/embed/make_images.sh, kept in bench/out/images),
# Debian's awscli (/usr/bin/aws) and S3Proxy from Maven's local repository (a cli test dependency).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
small=${1:-2000}
big=${2:-100}
delays=${3:-"0 30"}
dist=$root/cli/target/lightly-java
out=$root/bench/out
work=$out/s3
cores=$(nproc)

if ! unzip -l "$dist"/lib/lightly-cli-*.jar 2>/dev/null | grep -q org/lightlyjava/s3/S3Source; then
    (cd "$root" && mvn -q -B package -DskipTests)
fi
bash "$root/bench/embed/make_images.sh" "$out/images" "$small" "$big" >&2
images=$out/images

rm -rf "$work"
mkdir -p "$work/s3data"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

# S3Proxy, standalone, from the cli module's test classpath (no download).
(cd "$root" && mvn -q -B -o dependency:build-classpath -pl cli -Dmdep.includeScope=test \
    -Dmdep.outputFile="$work/classpath.txt") >&2
cat > "$work/logback.xml" <<'XML'
<configuration><appender name="E" class="ch.qos.logback.core.ConsoleAppender"><target>System.err</target>
<encoder><pattern>%d %-5level %logger - %msg%n</pattern></encoder></appender>
<root level="WARN"><appender-ref ref="E"/></root></configuration>
XML
port=$(( 20000 + RANDOM % 20000 ))
cat > "$work/s3proxy.conf" <<CONF
s3proxy.endpoint=http://127.0.0.1:$port
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=AKIDLIGHTLYBENCH
s3proxy.credential=lightly-bench-secret
jclouds.provider=filesystem
jclouds.filesystem.basedir=$work/s3data
CONF
java -Xmx2g -Dlogback.configurationFile="$work/logback.xml" -cp "$(cat "$work/classpath.txt")" \
    org.gaul.s3proxy.Main --properties "$work/s3proxy.conf" > "$work/s3proxy.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 100); do
    curl -s -o /dev/null "http://127.0.0.1:$port/" && break
    sleep 0.2
done

export AWS_ACCESS_KEY_ID=AKIDLIGHTLYBENCH AWS_SECRET_ACCESS_KEY=lightly-bench-secret
export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
# Debian's awscli 2 (another aws may come first on PATH); AWS_CA_BUNDLE of some sandboxes breaks it.
aws() { env -u AWS_CA_BUNDLE /usr/bin/aws "$@"; }
now() { date +%s.%N; }
bench() {  # [java -D options...] MODE ARGS...: the result line of S3Bench
    local opts=()
    while [[ $1 == -D* ]]; do opts+=("$1"); shift; done
    java -Xmx4g "${opts[@]}" -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
        -cp "$dist/lib/*" "$here/S3Bench.java" "$@" 2>> "$work/bench.log" | tail -1
}
kv() { sed -n "s/.*[ ]$2=\([^ ]*\).*/\1/p" <<< "$1"; }
rate() { awk -v n="$1" -v a="$2" -v b="$3" 'BEGIN { printf "%.1f", n / (b - a) }'; }

echo "uploading with aws s3 sync ..." >&2
aws s3 mb s3://bench --endpoint-url "http://127.0.0.1:$port" > /dev/null
t0=$(now)
aws s3 sync "$images/small640" s3://bench/small640 --endpoint-url "http://127.0.0.1:$port" --only-show-errors
t1=$(now)
aws s3 sync "$images/big4000" s3://bench/big4000 --endpoint-url "http://127.0.0.1:$port" --only-show-errors
n_small=$(ls "$images/small640" | wc -l)
n_big=$(ls "$images/big4000" | wc -l)
mb_small=$(du -sm "$images/small640" | cut -f1)
upload_rate=$(rate "$n_small" "$t0" "$t1")

declare -A r
r[local_decode]=$(kv "$(bench decode "$images/small640" "" "$cores")" img_per_s)
proxy_port=$(( port + 1 ))
for d in $delays; do
    endpoint=http://127.0.0.1:$port
    if (( d > 0 )); then
        proxy_port=$(( proxy_port + 1 ))
        java -cp "$dist/lib/*" "$here/S3Bench.java" proxy "$proxy_port" "$port" "$d" > "$work/proxy_$d.log" 2>&1 &
        pids+=($!)
        sleep 3
        endpoint=http://127.0.0.1:$proxy_port
    fi
    echo "measuring with +$d ms round trip ..." >&2
    r[list_$d]=$(kv "$(bench list s3://bench/small640/ "$endpoint")" objects_per_s)
    line=$(bench stream s3://bench/small640/ "$endpoint" "$cores")
    r[stream_$d]="$(kv "$line" objects_per_s) ($(kv "$line" mb_per_s))"
    line=$(bench -Dlightly.s3.readahead=0 stream s3://bench/small640/ "$endpoint" "$cores")
    r[stream0_$d]="$(kv "$line" objects_per_s) ($(kv "$line" mb_per_s))"
    rm -rf "$work/synced"
    t0=$(now)
    aws s3 sync s3://bench/small640 "$work/synced" --endpoint-url "$endpoint" --only-show-errors
    t1=$(now)
    r[sync_$d]="$(rate "$n_small" "$t0" "$t1") ($(rate "$mb_small" "$t0" "$t1"))"
    r[decode_$d]=$(kv "$(bench decode s3://bench/small640/ "$endpoint" "$cores")" img_per_s)
    r[decode16_$d]=$(kv "$(bench -Dlightly.s3.readahead=0 decode s3://bench/small640/ "$endpoint" 16)" img_per_s)
    if (( n_big > 0 )); then
        line=$(bench decode s3://bench/big4000/ "$endpoint" "$cores")
        r[big_$d]="$(kv "$line" img_per_s) ($(kv "$line" live_heap_mb) MB)"
        line=$(bench -Dlightly.s3.readahead=0 decode s3://bench/big4000/ "$endpoint" 16)
        r[big16_$d]="$(kv "$line" img_per_s) ($(kv "$line" live_heap_mb) MB)"
    fi
done

row() {
    local label=$1 key=$2 cells=""
    for d in $delays; do cells+=$(printf ' %22s |' "${r[${key}_$d]:-${r[$key]:--}}"); done
    printf '| %-66s |%s\n' "$label" "$cells"
}
echo
echo "S3 input, $n_small x 640x480 JPEG ($mb_small MB) under one prefix; $cores cores; S3Proxy on loopback; $(date -u +%F)"
echo
header=$(printf '| %-66s |' "measure")
rule="|$(printf -- '-%.0s' $(seq 1 68))|"
for d in $delays; do header+=$(printf ' %22s |' "+$d ms round trip"); rule+="$(printf -- '-%.0s' $(seq 1 24))|"; done
echo "$header"
echo "$rule"
row "S3Source listing, objects/s" list
row "S3Source stream, $cores threads + read-ahead: objects/s (MB/s)" stream
row "S3Source stream, $cores threads, no read-ahead: objects/s (MB/s)" stream0
row "aws s3 sync to a folder: objects/s (MB/s)" sync
row "embed data side from S3, $cores decode threads + read-ahead, img/s" decode
row "embed data side from S3, 16 decode threads, no read-ahead, img/s" decode16
row "embed data side from the local folder, $cores threads, img/s" local_decode
if (( n_big > 0 )); then
    row "$n_big x 4000x3000: $cores threads + read-ahead, img/s (live heap)" big
    row "$n_big x 4000x3000: 16 threads, no read-ahead, img/s (live heap)" big16
fi
echo
echo "Upload of the 640x480 set with aws s3 sync: $upload_rate objects/s. aws s3 sync runs 10 requests at once"
echo "(its default); S3Source's read-ahead is $(( cores * 4 > 32 ? cores * 4 : 32 )) objects deep. Logs in $work."
