#!/usr/bin/env bash
# Training quality: SimCLR on a public labelled set, scored by kNN, next to raw pixels, random
# weights and the same recipes in PyTorch, in one run. Prints a table.
#
#   bash bench/quality/run.sh [EPOCHS [TRAIN TEST]]      (defaults 30, 3000, 1000)
#   BENCH_ONLY=recipe bash bench/quality/run.sh         (raw pixels and the opt-in recipe rows only)
#
# Data: Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist), TRAIN and TEST
# images as class folders. Model: resnet-9 width 0.25 at 32 px, batch 64, on all cores. Score: kNN
# top-1 (k=5, cosine) of the test images' embeddings among the training images' (Knn.java). The
# PyTorch side needs Debian's python3-torch, python3-torchvision, python3-pil (/usr/bin/python3).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
epochs=${1:-30}
ntrain=${2:-3000}
ntest=${3:-1000}
dist=$root/cli/target/lightly-java
out=$root/bench/out/quality
data=$out/fmnist-$ntrain-$ntest
cores=$(nproc)

[[ -x $dist/bin/lightly-embed ]] || (cd "$root" && mvn -q -B package -DskipTests)
[[ -d /usr/share/datasets/fashion-mnist ]] || { echo "needs Debian's dataset-fashion-mnist" >&2; exit 2; }
[[ -d $data/train ]] || /usr/bin/python3 "$here/make_fmnist.py" "$data" "$ntrain" "$ntest"

# OpenBLAS's own threads would fight the DataLoader workers and torch's threads for the cores
export LIGHTLY_OFFLINE=1 LIGHTLY_PROGRESS=none OPENBLAS_NUM_THREADS=1
model="model.name=resnet-9 model.width=0.25 collate.input_size=32 loader.batch_size=64 pre_trained=False"
lightly=""
# the opt-in recipe (docs/models.md): SGD with momentum and a cosine schedule, temperature 0.2,
# crops down to 30% of the image, no blur (these images are 28 px), 512-d embeddings
recipe="optimizer.momentum=0.9 optimizer.scheduler=cosine optimizer.warmup_epochs=2 optimizer.lr=0.05
 optimizer.weight_decay=0.0005 criterion.temperature=0.2 collate.min_scale=0.3 collate.gaussian_blur=0
 model.num_ftrs=512"
knn() { java "$here/Knn.java" "$1" "$2" 5 | sed -n 's/.*knn_top1=\([0-9.]*\).*/\1/p'; }
work=$out/runs
rm -rf "$work"
mkdir -p "$work"
declare -A acc secs

# lightly-java: train (unless 0 epochs), then embed both splits with the last checkpoint
java_run() {
    local name=$1 n=$2; shift 2
    local dir=$work/$name ck=() start
    mkdir -p "$dir"
    start=$(date +%s)
    if (( n > 0 )); then
        (cd "$dir" && "$dist/bin/lightly-train" input_dir="$data/train" $model trainer.max_epochs="$n" \
            hydra.run.dir=train "$@" > train.log 2>&1)
        ck=("checkpoint=$dir/train/last.ckpt")
    fi
    secs[$name]=$(( $(date +%s) - start ))
    for split in train test; do
        (cd "$dir" && "$dist/bin/lightly-embed" input_dir="$data/$split" $model "${ck[@]}" \
            hydra.run.dir="embed_$split" "$@" > "embed_$split.log" 2>&1)
    done
    acc[$name]=$(knn "$dir/embed_train/embeddings.csv" "$dir/embed_test/embeddings.csv")
}

torch_run() {
    local name=$1; shift
    local dir=$work/$name
    /usr/bin/python3 "$here/torch_simclr.py" "$data/train" "$data/test" "$dir" --epochs "$epochs" \
        --workers "$cores" --threads "$cores" "$@" > "$work/$name.log" 2>&1
    secs[$name]=$(sed -n 's/.*torch_train_s=\([0-9]*\).*/\1/p' "$work/$name.log")
    acc[$name]=$(knn "$dir/train.csv" "$dir/test.csv")
}

only=${BENCH_ONLY:-all}
echo "raw pixels, random weights ..." >&2
acc[raw]=$(knn "$data/raw_train.csv" "$data/raw_test.csv")
if [[ $only != recipe ]]; then
    java_run random 0
    echo "lightly-java, Lightly's recipe ..." >&2
    java_run java_lightly "$epochs"
fi
echo "lightly-java, opt-in recipe ..." >&2
java_run java_recipe "$epochs" $recipe
if /usr/bin/python3 -c 'import torch, torchvision, PIL' 2>/dev/null; then
    if [[ $only != recipe ]]; then
        echo "PyTorch, Lightly's recipe ..." >&2
        torch_run torch_lightly
    fi
    echo "PyTorch, opt-in recipe ..." >&2
    torch_run torch_recipe --momentum 0.9 --scheduler cosine --warmup 2 --lr 0.05 --wd 0.0005 \
        --temperature 0.2 --min-scale 0.3 --blur 0 --ftrs 512
fi

row() { printf '| %-52s | %10s | %12s |\n' "$1" "${acc[$2]:--}" "${secs[$2]:--}"; }
echo
echo "kNN top-1 (k=5, cosine) on Fashion-MNIST, $ntrain train / $ntest test images; resnet-9 width 0.25,"
echo "32 px, batch 64, $epochs epochs, $cores cores ($(date -u +%F))"
echo
printf '| %-52s | %10s | %12s |\n' "embeddings" "kNN top-1" "training s"
printf '|%s|%s|%s|\n' "------------------------------------------------------" "------------" "--------------"
row "raw pixels (784 values)" raw
row "lightly-java, random weights" random
row "lightly-java, Lightly's recipe" java_lightly
row "lightly-java, opt-in recipe" java_recipe
row "PyTorch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)' 2>/dev/null), Lightly's recipe" torch_lightly
row "PyTorch, opt-in recipe" torch_recipe
echo
echo "Lightly's recipe: SGD lr 1.0, no momentum, weight decay 1e-5, temperature 0.5, Lightly's augmentations."
echo "Opt-in recipe: $(echo $recipe)"
echo "Logs and embeddings: $work"
