#!/usr/bin/env bash
# lightly-java launcher. One script under many names: lightly-train, lightly-embed, lightly-magic,
# lightly-upload, lightly-download, lightly-version, lightly-server. The name picks the tool.
#
# Environment:
#   JAVA_HOME / JAVA      the Java runtime (17 or newer)
#   JAVA_OPTS             extra JVM options (an -Xmx, MaxHeapSize or MaxRAM* there replaces LIGHTLY_HEAP)
#   LIGHTLY_HEAP          the Java heap limit, e.g. 2g; default 512m for lightly-server, a quarter of
#                         the machine's memory for the other tools (PyTorch's memory is outside it)
#   LIGHTLY_MALLOC        jemalloc (default when libjemalloc2 is installed) | glibc | system
#   LIGHTLY_JEMALLOC      path of libjemalloc.so.2, when it is somewhere unusual
#   LIGHTLY_CDS           on (default) | off: the class data sharing archive lib/lightly.jsa
set -euo pipefail

self="$(readlink -f "${BASH_SOURCE[0]}")"
home="$(cd "$(dirname "$self")/.." && pwd)"
tool="$(basename "$0")"
tool="${tool#lightly-}"

if [[ -n "${JAVA:-}" ]]; then
    java="$JAVA"
elif [[ -n "${JAVA_HOME:-}" ]]; then
    java="$JAVA_HOME/bin/java"
else
    java="java"
fi

# DJL must stay offline: no telemetry call to the EC2 metadata address, no native download.
export DJL_OFFLINE=true
export OPT_OUT_TRACKING=true

# DJL keeps every activation of a forward pass alive until its NDManager closes; glibc serves those
# big buffers with mmap/munmap and page-faults them afresh on every op. A jemalloc that never gives
# memory back makes the forward pass about 3x faster (see docs/architecture.md, "Speed").
find_jemalloc() {
    local candidate
    for candidate in "${LIGHTLY_JEMALLOC:-}" \
        /usr/lib/x86_64-linux-gnu/libjemalloc.so.2 /usr/lib/aarch64-linux-gnu/libjemalloc.so.2 \
        /usr/lib64/libjemalloc.so.2 /usr/lib/libjemalloc.so.2 /usr/local/lib/libjemalloc.so.2; do
        if [[ -n "$candidate" && -r "$candidate" ]]; then
            echo "$candidate"
            return 0
        fi
    done
    return 1
}

malloc="${LIGHTLY_MALLOC:-auto}"
if [[ "$malloc" == "auto" || "$malloc" == "jemalloc" ]]; then
    if jemalloc="$(find_jemalloc)"; then
        export LD_PRELOAD="$jemalloc${LD_PRELOAD:+:$LD_PRELOAD}"
        export MALLOC_CONF="${MALLOC_CONF:-oversize_threshold:0,dirty_decay_ms:-1,muzzy_decay_ms:-1}"
        malloc="jemalloc"
    elif [[ "$malloc" == "jemalloc" ]]; then
        echo "lightly: LIGHTLY_MALLOC=jemalloc but libjemalloc.so.2 was not found (apt-get install libjemalloc2)" >&2
        exit 3
    else
        malloc="glibc"
    fi
fi
if [[ "$malloc" == "glibc" ]]; then
    # Without jemalloc: keep freed memory in one arena instead of returning it to the kernel.
    export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-1}"
    export MALLOC_MMAP_MAX_="${MALLOC_MMAP_MAX_:-0}"
    export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-68719476736}"
    export MALLOC_TOP_PAD_="${MALLOC_TOP_PAD_:-536870912}"
fi
export LIGHTLY_MALLOC_IN_USE="$malloc"

# PyTorch's OpenMP threads spin for a long while after each op by default, taking the cores the
# decoding threads need; a short spin keeps back-to-back ops fast and lets decoders run in between
# (measured: +10% end to end on 640x480 JPEGs, +35% on 4000x3000; docs/architecture.md, "Speed").
export GOMP_SPINCOUNT="${GOMP_SPINCOUNT:-10000}"

# Heap limit: lightly-server holds a dataset of a million samples in 512 MiB (bench/upload); the other
# tools get the JVM's own default, a quarter of the memory, written out, since PyTorch's tensors live
# outside the heap and need the rest. An explicit limit in JAVA_OPTS wins.
if [[ "${JAVA_OPTS:-}" != *-Xmx* && "${JAVA_OPTS:-}" != *MaxHeapSize* && "${JAVA_OPTS:-}" != *MaxRAM* ]]; then
    if [[ -n "${LIGHTLY_HEAP:-}" ]]; then
        if [[ ! "$LIGHTLY_HEAP" =~ ^[0-9]+[kKmMgGtT]?$ ]]; then
            echo "lightly: LIGHTLY_HEAP=$LIGHTLY_HEAP is not a size such as 512m or 4g" >&2
            exit 3
        fi
        heap="-Xmx$LIGHTLY_HEAP"
    elif [[ "$tool" == "server" ]]; then
        heap="-Xmx512m"
    else
        heap="-XX:MaxRAMPercentage=25"
    fi
    JAVA_OPTS="$heap ${JAVA_OPTS:-}"
fi

main=org.lightlyjava.cli.Main
if [[ "$tool" == "server" ]]; then
    main=org.lightlyjava.server.ServerMain
else
    set -- "$tool" "$@"
fi

# Class data sharing (bench/startup): lib/lightly.jsa, written by the build (LIGHTLY_CDS_DUMP),
# holds the classes a start loads, already parsed and verified, so --help and lightly-version answer
# in well under a second. Another JVM, or a moved lib/ folder, ignores it quietly; LIGHTLY_CDS=off
# skips it.
cds=()
if [[ -n "${LIGHTLY_CDS_DUMP:-}" ]]; then
    rm -f "$LIGHTLY_CDS_DUMP"
    cds=(-XX:ArchiveClassesAtExit="$LIGHTLY_CDS_DUMP" -Xlog:cds=error)
    main=org.lightlyjava.cli.CdsTraining
elif [[ "${LIGHTLY_CDS:-on}" != "off" && -r "$home/lib/lightly.jsa" ]]; then
    cds=(-XX:SharedArchiveFile="$home/lib/lightly.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# --help and a plain lightly-version exit at once: the optimising compiler would only cost CPU.
quick=$([[ "$tool" == "version" ]] && echo 1 || echo 0)
for arg in "$@"; do
    case "$arg" in
        -h | --help | --help-all | --version) quick=1 ;;
        --check) quick=0 ;;
    esac
done
if [[ "$quick" == 1 ]]; then
    cds+=(-XX:TieredStopAtLevel=1)
fi

# shellcheck disable=SC2086
exec "$java" ${cds[@]+"${cds[@]}"} ${JAVA_OPTS:-} --enable-native-access=ALL-UNNAMED -Djava.awt.headless=true \
    -Dai.djl.offline=true -Dlightly.home="$home" \
    -cp "$home/lib/*" "$main" "$@"
