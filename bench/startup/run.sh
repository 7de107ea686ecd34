#!/usr/bin/env bash
# Start-up time of the tools: each tool's --help and lightly-version, as a user runs them through
# the packaged launchers. Prints a table of median wall and CPU times (milliseconds) over RUNS runs.
#
#   bash bench/startup/run.sh [RUNS] [BEFORE_DIST]     (default 7 runs)
#
# The columns: without the class data sharing archive (LIGHTLY_CDS=off), with it (the default),
# and, when BEFORE_DIST names an older build's target/lightly-java, that build as it shipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-7}
before=${2:-}
dist=$root/cli/target/lightly-java

[[ -x $dist/bin/lightly-version ]] || (cd "$root" && mvn -q -B package -DskipTests)
[[ -r $dist/lib/lightly.jsa ]] || echo "note: $dist/lib/lightly.jsa is missing" >&2

# "wall / cpu": median wall time and median CPU time (user + system) in ms of RUNS runs. On a busy
# machine the wall time waits for other processes; the CPU time does not.
measure() {
    local walls=() cpus=() line stats
    stats=$(mktemp)
    for _ in $(seq 1 "$runs"); do
        /usr/bin/time -o "$stats" -f "%e %U %S" "$@" > /dev/null 2>&1 || true
        line=$(tail -1 "$stats")
        walls+=("$(awk '{printf "%d", $1 * 1000}' <<< "$line")")
        cpus+=("$(awk '{printf "%d", ($2 + $3) * 1000}' <<< "$line")")
    done
    rm -f "$stats"
    echo "$(median "${walls[@]}") / $(median "${cpus[@]}")"
}

median() {
    printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

cases=("lightly-version" "lightly-train --help" "lightly-embed --help" "lightly-magic --help"
       "lightly-upload --help" "lightly-download --help" "lightly-version --help")
header="| command | no archive (ms, wall / cpu) | archive (ms, wall / cpu) |"
[[ -n $before ]] && header="| command | before (ms, wall / cpu) | no archive (ms, wall / cpu) | archive (ms, wall / cpu) |"
echo "$header"
echo "$header" | sed 's/[^|]/-/g'
for c in "${cases[@]}"; do
    read -r tool arg <<< "$c"
    # shellcheck disable=SC2086
    row="| \`$c\` |"
    if [[ -n $before ]]; then
        row="$row $(measure "$before/bin/$tool" $arg) |"
    fi
    # shellcheck disable=SC2086
    row="$row $(LIGHTLY_CDS=off measure "$dist/bin/$tool" $arg) |"
    # shellcheck disable=SC2086
    row="$row $(measure "$dist/bin/$tool" $arg) |"
    echo "$row"
done
echo
echo "$(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("${JAVA:-java}" -version 2>&1 | head -1)"
