# Shared by scripts/run and scripts/test. Sourced, not executed.
set -euo pipefail

KURIER_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
KURIER_BUILD=${KURIER_BUILD:-$KURIER_ROOT/build}

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Reads package names from the given lists (comments and blank lines ignored).
packages_from() {
    sed -e 's/#.*//' -e 's/[[:space:]]//g' "$@" | grep -v '^$' | sort -u
}

# Installs the packages of the given lists that are not installed yet; quiet and quick when
# nothing is missing.
ensure_packages() {
    local missing=() pkg
    for pkg in $(packages_from "$@"); do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
            missing+=("$pkg")
        fi
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing ${missing[*]}"
    if [ -f "$KURIER_ROOT/scripts/debconf-test.txt" ]; then
        as_root debconf-set-selections < "$KURIER_ROOT/scripts/debconf-test.txt"
    fi
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
}

# Configures (first time, or when asked) and builds into $KURIER_BUILD.
build_kurier() {
    local werror=OFF
    [ "${CI:-}" = "true" ] && werror=ON
    if [ ! -f "$KURIER_BUILD/build.ninja" ] || [ "${KURIER_RECONFIGURE:-}" = 1 ] \
        || ! grep -q "KURIER_WERROR:BOOL=$werror" "$KURIER_BUILD/CMakeCache.txt" 2>/dev/null; then
        say "Configuring into $KURIER_BUILD"
        cmake -S "$KURIER_ROOT" -B "$KURIER_BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
            -DKURIER_WERROR=$werror >/dev/null
    fi
    say "Building"
    cmake --build "$KURIER_BUILD" -j "${KURIER_JOBS:-$(nproc)}"
}
