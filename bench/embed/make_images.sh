#!/usr/bin/env bash
# Makes the benchmark images (once; kept in bench/out/images): photo-like JPEGs (q90) cut and
# varied from fractal-plasma bases, deterministic.
#   small640: 2000 images, 640x480 (about 85 KB each)
#   big4000:   200 images, 4000x3000 (about 2.3 MB each)
# Needs Debian's ImageMagick 6 (/usr/bin/convert). Usage: make_images.sh OUT_DIR [SMALL BIG]
set -euo pipefail
out=${1:?output folder}
small=${2:-2000}
big=${3:-200}
IM=/usr/bin/convert
mkdir -p "$out/bases" "$out/small640" "$out/big4000"

for b in 0 1 2 3; do
    base="$out/bases/base_$b.jpg"
    [[ -f $base ]] || $IM -seed $((11 + b)) -size 4000x3000 plasma:fractal -blur 0x0.8 -quality 95 "$base"
done

# 640x480: 100 crops per ImageMagick call, resized from a 2000x1500 window, colours varied.
make_small() {
    local first=$1 base=$2 args=() k x y
    for ((k = first; k < first + 100 && k < small; k++)); do
        x=$(( (k * 137) % 1900 )); y=$(( (k * 71) % 1400 ))
        args+=( "(" +clone -crop 2000x1500+$x+$y +repage -resize '640x480!'
                -modulate 100,$((80 + k % 40)),$((90 + k % 20)) -quality 90
                -write "$out/small640/s_$(printf %05d $k).jpg" +delete ")" )
    done
    $IM "$base" "${args[@]}" null:
}
if (( $(find "$out/small640" -name '*.jpg' | wc -l) < small )); then
    for ((first = 0; first < small; first += 100)); do
        make_small $first "$out/bases/base_$(( first / 100 % 4 )).jpg" &
        if (( first / 100 % 2 == 1 )); then wait; fi
    done
    wait
fi

# 4000x3000: rolled and re-coloured copies of the bases.
if (( $(find "$out/big4000" -name '*.jpg' | wc -l) < big )); then
    for ((k = 0; k < big; k++)); do
        $IM "$out/bases/base_$(( k % 4 )).jpg" -roll +$(( k * 191 ))+$(( k * 97 )) \
            -modulate 100,$((80 + k % 40)),$((90 + k % 20)) -quality 90 \
            "$out/big4000/b_$(printf %04d $k).jpg" &
        if (( k % 2 == 1 )); then wait; fi
    done
    wait
fi
echo "images: $(ls "$out/small640" | wc -l) x 640x480, $(ls "$out/big4000" | wc -l) x 4000x3000"
