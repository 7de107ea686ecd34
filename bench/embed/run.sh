#!/usr/bin/env bash
# Embedding throughput of lightly-java next to the same pipeline in PyTorch
# (../shared/bench/torch_ref.py), on the same images, in one run. Prints a table.
#
#   bash bench/embed/run.sh [SMALL_COUNT [BIG_COUNT]]      (defaults 2000 and 200)
#
# Lightly's defaults throughout: resnet-18, num_ftrs 32, input 64, batch 16, one decoding worker
# per core. Needs: the packaged tools (built if missing), ImageMagick for the images, and for the
# PyTorch side Debian's python3-torch, python3-torchvision, python3-pil (/usr/bin/python3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
small=${1:-2000}
big=${2:-200}
dist=$root/cli/target/lightly-java
out=$root/bench/out
torch_ref=${TORCH_REF:-$root/../shared/bench/torch_ref.py}
cores=$(nproc)

[[ -x $dist/bin/lightly-embed ]] || (cd "$root" && mvn -q -B package -DskipTests)
bash "$here/make_images.sh" "$out/images" "$small" "$big" >&2

# The component benchmarks run java directly: give them the launcher's environment.
export DJL_OFFLINE=true OPT_OUT_TRACKING=true
jemalloc=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
if [[ -r $jemalloc ]]; then
    bench_env=(LD_PRELOAD=$jemalloc MALLOC_CONF=oversize_threshold:0,dirty_decay_ms:-1,muzzy_decay_ms:-1 GOMP_SPINCOUNT=10000)
else
    bench_env=(MALLOC_ARENA_MAX=1 MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=536870912 GOMP_SPINCOUNT=10000)
fi
components() {
    env "${bench_env[@]}" java -cp "$dist/lib/*" "$here/EmbedBench.java" "$@" 2>/dev/null \
        | sed -n 's/.*img_per_s=\([0-9.]*\).*/\1/p'
}

work=$out/runs
rm -rf "$work"
mkdir -p "$work"
declare -A r

only_onnx=$([[ ${BENCH_ONLY:-} == onnx ]] && echo 1 || true)
for set in small640 big4000; do
    [[ -n $only_onnx ]] && continue
    dir=$out/images/$set
    echo "measuring $set ..." >&2
    # lightly-java, end to end: the real launcher, the summary line of the embedding pass.
    ( cd "$work" && /usr/bin/time -f %M -o "$work/rss_java_$set" "$dist/bin/lightly-embed" \
        input_dir="$dir" pre_trained=False 2> "$work/java_$set.log" >/dev/null )
    r[java_e2e_$set]=$(sed -n 's/.*embedded [0-9]* images in .* s: \([0-9.]*\) img\/s.*/\1/p' "$work/java_$set.log")
    r[java_rss_$set]=$(( $(cat "$work/rss_java_$set") / 1024 ))
    r[java_decode_$set]=$(components decode "$dir" "$cores")
    if [[ -f $torch_ref ]] && /usr/bin/python3 -c 'import torch, torchvision, PIL' 2>/dev/null; then
        /usr/bin/time -f %M -o "$work/rss_torch_$set" /usr/bin/python3 "$torch_ref" "$dir" \
            --mode e2e --workers "$cores" > "$work/torch_$set.log" 2>&1
        r[torch_e2e_$set]=$(sed -n 's/.*img_per_s=\([0-9.]*\).*/\1/p' "$work/torch_$set.log")
        r[torch_rss_$set]=$(( $(cat "$work/rss_torch_$set") / 1024 ))
        r[torch_decode_$set]=$(/usr/bin/python3 "$torch_ref" "$dir" --mode decode --workers "$cores" \
            2>/dev/null | sed -n 's/.*img_per_s=\([0-9.]*\).*/\1/p')
    fi
done
[[ -n $only_onnx ]] || echo "measuring the forward pass ..." >&2
for b in 16 64; do
    [[ -n $only_onnx ]] && continue
    r[java_fwd_$b]=$(components forward 64 "$b" 20)
    if [[ -f $torch_ref ]] && /usr/bin/python3 -c 'import torch' 2>/dev/null; then
        # forward mode only lists the folder and runs len // batch batches: the small set is enough
        r[torch_fwd_$b]=$(/usr/bin/python3 "$torch_ref" "$out/images/big4000" --mode forward \
            --batch "$b" 2>/dev/null | sed -n 's/.*img_per_s=\([0-9.]*\).*/\1/p')
    fi
done

# The ONNX row: a DINOv2-shaped ViT-S/14 exported to ONNX (onnx_peer.py), through lightly-embed
# (ONNX Runtime) and, in PyTorch, the module it was exported from; same images, same
# preprocessing (shorter side 256 bicubic, centre crop 224), batch 16, all cores.
onnx_count=${ONNX_COUNT:-300}
if /usr/bin/python3 -c 'import torch, torchvision, onnx, PIL' 2>/dev/null; then
    echo "measuring the ONNX model ..." >&2
    onnx_dir=$out/onnx
    [[ -f $onnx_dir/vits14.onnx ]] || /usr/bin/python3 "$here/onnx_peer.py" export "$onnx_dir"
    subset=$out/images/onnx$onnx_count
    if [[ ! -d $subset ]]; then
        mkdir -p "$subset"
        ls "$out/images/small640" | head -n "$onnx_count" | while read -r f; do cp "$out/images/small640/$f" "$subset/"; done
    fi
    ( cd "$work" && "$dist/bin/lightly-embed" input_dir="$subset" checkpoint="$onnx_dir/vits14.onnx" \
        collate.input_size=224 embed.resize=shorter_side embed.resize_size=256 embed.interpolation=bicubic \
        hydra.run.dir=onnx 2> "$work/java_onnx.log" >/dev/null )
    r[java_onnx]=$(sed -n 's/.*embedded [0-9]* images in .* s: \([0-9.]*\) img\/s.*/\1/p' "$work/java_onnx.log")
    r[torch_onnx]=$(/usr/bin/python3 "$here/onnx_peer.py" run "$subset" "$onnx_dir" --workers "$cores" \
        --threads "$cores" 2>/dev/null | sed -n 's/.*img_per_s=\([0-9.]*\).*/\1/p')
    onnx_diff=$(/usr/bin/python3 - "$work/onnx/embeddings.csv" "$onnx_dir/torch.csv" <<'PY'
import csv, sys
ours = {r[0]: [float(v) for v in r[1:-1]] for r in list(csv.reader(open(sys.argv[1])))[1:]}
theirs = {r[0]: [float(v) for v in r[1:]] for r in csv.reader(open(sys.argv[2]))}
print(f"{max(abs(a - b) for k in theirs for a, b in zip(ours[k], theirs[k])):.1e}")
PY
)
fi

ratio() { [[ -n ${1:-} && -n ${2:-} ]] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }' || echo "-"; }
row() { printf '| %-50s | %12s | %12s | %8s |\n' "$1" "${2:--}" "${3:--}" "$(ratio "${2:-}" "${3:-}")"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a < b ? a : b) }'; }

echo
echo "Embedding throughput, images/s (resnet-18, input 64, batch 16, $cores cores; $(date -u +%F))"
echo
printf '| %-50s | %12s | %12s | %8s |\n' "measure" "lightly-java" "PyTorch" "ratio"
printf '|%s|%s|%s|%s|\n' "----------------------------------------------------" "--------------" "--------------" "----------"
for set in small640 big4000; do
    n=$(ls "$out/images/$set" | wc -l)
    label=$([[ $set == small640 ]] && echo "640x480" || echo "4000x3000")
    row "end to end, $n x $label JPEG" "${r[java_e2e_$set]:-}" "${r[torch_e2e_$set]:-}"
    row "decode + resize only, $label" "${r[java_decode_$set]:-}" "${r[torch_decode_$set]:-}"
    row "peak RSS MB, end to end, $label" "${r[java_rss_$set]:-}" "${r[torch_rss_$set]:-}"
done
row "forward only, batch 16" "${r[java_fwd_16]:-}" "${r[torch_fwd_16]:-}"
row "forward only, batch 64" "${r[java_fwd_64]:-}" "${r[torch_fwd_64]:-}"
row "end to end, ViT-S/14 ONNX at 224, $onnx_count x 640x480" "${r[java_onnx]:-}" "${r[torch_onnx]:-}"
for set in small640 big4000; do
    label=$([[ $set == small640 ]] && echo "640x480" || echo "4000x3000")
    j=$(ratio "${r[java_e2e_$set]:-}" "$(min "${r[java_decode_$set]:-0}" "${r[java_fwd_16]:-0}")")
    t=$(ratio "${r[torch_e2e_$set]:-}" "$(min "${r[torch_decode_$set]:-0}" "${r[torch_fwd_16]:-0}")")
    printf '| %-50s | %12s | %12s | %8s |\n' "end to end / min(decode, forward), $label" "$j" "$t" ""
done
echo
echo "PyTorch: $(/usr/bin/python3 -c 'import torch; print(torch.__version__)' 2>/dev/null || echo absent), fp32, PIL decode, DataLoader with $cores workers; its peak RSS is the largest single process."
[[ -n ${onnx_diff:-} ]] && echo "ONNX row: lightly-java runs the export with ONNX Runtime, PyTorch the module it came from; largest difference between their embeddings: $onnx_diff."
echo "lightly-java: malloc $( [[ -r $jemalloc ]] && echo jemalloc || echo glibc-tuned ); logs in $work"
