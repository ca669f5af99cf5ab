# Shell helpers shared by the scripts in Scripts/ and by .ci/run (source it; it defines functions only).

section() { printf '\n==== %s ====\n' "$*"; }

# Run a command as root: directly if we are root, through sudo if it exists, otherwise try as is.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"
    elif command -v sudo >/dev/null 2>&1; then sudo "$@"
    else "$@"
    fi
}

# Install Debian packages: try without refreshing the package lists first; if that fails, update them and retry.
apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" \
        || { as_root apt-get update && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@"; }
}

# GNU time at /usr/bin/time, for peak memory (`-v`); the benchmarks install it when missing.
need_gnu_time() {
    if [ ! -x /usr/bin/time ]; then
        echo "installing /usr/bin/time (package: time)"
        apt_install time
    fi
}
