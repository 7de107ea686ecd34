#!/usr/bin/env bash
# Makes the example dataset in examples/farm/: three class folders of small synthetic photos,
# deterministic (fixed seeds). Needs Debian's ImageMagick 6 (/usr/bin/convert).
#   bash examples/generate.sh
set -euo pipefail
cd "$(dirname "$0")"
IM=/usr/bin/convert
out=farm
rm -rf "$out"
mkdir -p "$out/fields" "$out/skies" "$out/barns"

for i in $(seq 0 11); do
    n=$(printf '%02d' "$i")
    # fields: green and yellow plasma with a horizon
    $IM -seed $((100 + i)) -size 160x120 plasma:yellowgreen-darkgreen \
        \( -size 160x$((30 + i * 2)) gradient:lightskyblue-white \) -gravity north -composite \
        -quality 85 "$out/fields/field_$n.jpg"
    # skies: blue gradients with plasma clouds and a sun
    $IM -seed $((200 + i)) -size 160x120 gradient:"rgb($((20 + i * 8)),$((60 + i * 5)),200)"-white \
        \( -size 160x120 plasma:white-gray80 -alpha set -channel A -evaluate set 35% \) -composite \
        -fill "rgb(255,$((200 + i * 4)),80)" -draw "circle $((30 + i * 9)),40 $((40 + i * 9)),40" \
        -quality 85 "$out/skies/sky_$n.jpg"
    # barns: red rectangles with roofs on grass, in varying places
    x=$((15 + i * 7)); y=$((35 + (i % 4) * 6))
    $IM -seed $((300 + i)) -size 160x120 plasma:forestgreen-olivedrab \
        -fill "rgb($((150 + i * 6)),30,25)" -draw "rectangle $x,$y $((x + 60)),$((y + 50))" \
        -fill "rgb(70,40,30)" -draw "polygon $((x - 6)),$y $((x + 30)),$((y - 25)) $((x + 66)),$y" \
        -fill white -draw "rectangle $((x + 24)),$((y + 20)) $((x + 36)),$((y + 50))" \
        -quality 85 "$out/barns/barn_$n.jpg"
done
echo "wrote $(find "$out" -type f | wc -l) images to examples/$out"
