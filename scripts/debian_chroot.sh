#!/usr/bin/env bash
# make test-debian13 / test-debian12: `make demo` and `make test` of the current commit on a fresh
# Debian 13 (trixie: QGIS 3.40, Python 3.13, numpy 2) or Debian 12 (bookworm: QGIS 3.22, Python
# 3.11, numpy 1.24), from any Debian machine, in a chroot. Usage: scripts/debian_chroot.sh 12|13
#
# - build/debianNN/base: `debootstrap --variant=minbase SUITE` plus `make`, built once and kept
#   (the only thing a new user installs by hand before `make`).
# - Every run starts from that base as it is: an overlay (build/debianNN/upper) takes the run's
#   changes and is emptied first, so `make deps` installs QGIS & co. itself, as on a new machine.
#   Only the downloads are cached (build/debianNN/cache: apt's .debs, pip's wheels).
# - The code is `git archive HEAD`: what is committed is tested, not the work tree.
# - Mounts (/proc, /sys, /dev, /dev/pts, the overlay) are undone on every exit (trap), also on
#   failure or Ctrl-C; processes still running inside the chroot are ended first.
# Options (environment), for working on a failure there: DEBIAN_MIRROR (default: this machine's
# apt mirror), DEBIAN_KEEP=1 (reuse the previous run's installed system and .venv instead of a
# fresh one), DEBIAN_SOURCE=worktree (the work tree's files, uncommitted changes included),
# DEBIAN_TARGETS (default "demo test"), DEBIAN_RUN='shell command' (instead of make targets,
# in the source folder), DEBIAN_REV (a commit or tree to test instead of HEAD, e.g. main or the
# tree of a trial merge from `git merge-tree --write-tree main BRANCH`).
# Logs and timings: build/debianNN/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RELEASE=${1:-13}
case "$RELEASE" in
  12) SUITE=bookworm ;;
  13) SUITE=trixie ;;
  *) echo "usage: $0 12|13" >&2; exit 2 ;;
esac
if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env=DEBIAN_MIRROR,DEBIAN_KEEP,DEBIAN_SOURCE,DEBIAN_TARGETS,DEBIAN_RUN,DEBIAN_REV "$0" "$@"
fi

DIR=$ROOT/build/debian$RELEASE
BASE=$DIR/base
UPPER=$DIR/upper
WORK=$DIR/work
CHROOT=$DIR/root
CACHE=$DIR/cache
LOGS=$DIR/logs
TARGETS=${DEBIAN_TARGETS:-demo test}
mkdir -p "$DIR" "$LOGS" "$CACHE/apt" "$CACHE/pip"

log() { echo "debian$RELEASE: $*"; }

# The Debian mirror this machine's apt uses (deb822 .sources or one-line .list), else deb.debian.org.
host_mirror() {
  local uri
  uri=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '
    /^URIs:/ { for (i = 2; i <= NF; i++) if ($i ~ /\/debian\/?$/) { print $i; exit } }')
  if [ -z "$uri" ]; then
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | awk '
      $1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\/.*\/debian\/?$/) { print $i; exit } }')
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

# Mount points below build/debianNN, deepest first (so they can be unmounted in that order).
mounts_below() {
  awk -v d="$DIR/" 'index($2 "/", d) == 1 { print $2 }' /proc/self/mounts | sort -r
}

cleanup() {
  local pid link
  for link in /proc/[0-9]*/root; do  # processes rooted in the chroot (ours: we started them)
    pid=${link#/proc/}; pid=${pid%/root}
    case "$(readlink "$link" 2>/dev/null)" in "$CHROOT"|"$CHROOT"/*) kill "$pid" 2>/dev/null && sleep 1 ;; esac
  done
  local m
  for m in $(mounts_below); do
    umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
  done
  if [ -n "$(mounts_below)" ]; then log "mounts left below $DIR:"; mounts_below; fi
}
exec 9> "$DIR/.lock"  # one run at a time: the next would unmount this one's chroot
flock -n 9 || { log "another run is using ${DIR#$ROOT/}"; exit 1; }
trap cleanup EXIT
trap 'exit 130' INT TERM
cleanup  # a previous run killed hard may have left mounts

# --- the base system, once ----------------------------------------------------------------------
if [ ! -f "$BASE/.sozialraum-base" ]; then
  command -v debootstrap >/dev/null || {
    log "installing debootstrap"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
  }
  MIRROR=${DEBIAN_MIRROR:-$(host_mirror)}
  log "building the $SUITE base from $MIRROR (once; about a minute)"
  rm -rf --one-file-system "$BASE.part"
  start=$(date +%s)
  debootstrap --variant=minbase --include=make "$SUITE" "$BASE.part" "$MIRROR" > "$LOGS/debootstrap.log" 2>&1 \
    || { tail -20 "$LOGS/debootstrap.log"; log "debootstrap failed (log: ${LOGS#$ROOT/}/debootstrap.log)"; exit 1; }
  rm -rf "$BASE.part/var/cache/apt/archives/"*.deb
  touch "$BASE.part/.sozialraum-base"
  rm -rf --one-file-system "$BASE"
  mv "$BASE.part" "$BASE"
  echo "$(( $(date +%s) - start ))" > "$LOGS/base.seconds"
  log "base built in $(cat "$LOGS/base.seconds") s"
fi

# --- a fresh system over the base ---------------------------------------------------------------
if [ "${DEBIAN_KEEP:-0}" != 1 ]; then
  rm -rf --one-file-system "$UPPER" "$WORK"
fi
mkdir -p "$UPPER" "$WORK" "$CHROOT"
mount -t overlay overlay -o "lowerdir=$BASE,upperdir=$UPPER,workdir=$WORK" "$CHROOT"
for d in proc sys dev dev/pts; do
  mkdir -p "$CHROOT/$d"
  mount --bind "/$d" "$CHROOT/$d"
done
mount -t tmpfs -o mode=1777 shm "$CHROOT/dev/shm"
mkdir -p "$CHROOT/var/cache/apt/archives" "$CHROOT/root/.cache/pip"
mount --bind "$CACHE/apt" "$CHROOT/var/cache/apt/archives"
mount --bind "$CACHE/pip" "$CHROOT/root/.cache/pip"
rm -f "$CHROOT/etc/resolv.conf"
cp /etc/resolv.conf "$CHROOT/etc/resolv.conf"
# This machine's CA bundle (it may hold a proxy's CA) for pip; a second copy outside
# /etc/ssl/certs, because installing ca-certificates in the chroot rewrites the first.
mkdir -p "$CHROOT/etc/ssl/certs"
cp /etc/ssl/certs/ca-certificates.crt "$CHROOT/etc/ssl/certs/ca-certificates.crt"
cp /etc/ssl/certs/ca-certificates.crt "$CHROOT/etc/ssl/host-ca-certificates.crt"

SRC=/root/sozialraum
if [ "${DEBIAN_KEEP:-0}" != 1 ]; then rm -rf "$CHROOT$SRC"; fi
mkdir -p "$CHROOT$SRC"
if [ "${DEBIAN_SOURCE:-}" = worktree ]; then
  git ls-files -z --cached --others --exclude-standard | tar --null -T - -c 2>/dev/null | tar -x -C "$CHROOT$SRC"
  log "the work tree at $(git rev-parse --short HEAD) with its uncommitted changes"
else
  rev=${DEBIAN_REV:-HEAD}
  git archive --format=tar "$rev" | tar -x -C "$CHROOT$SRC"
  what="a tree"; [ "$(git cat-file -t "$rev")" = tree ] || what=$(git log -1 --format=%s "$rev")
  log "$rev = $(git rev-parse --short "$rev") ($what)"
  [ -n "${DEBIAN_REV:-}" ] || [ -z "$(git status --porcelain --untracked-files=no)" ] \
    || log "note: uncommitted changes are not tested"
fi

# --- make demo, make test, as a new user would run them ------------------------------------------
in_chroot() {
  chroot "$CHROOT" /usr/bin/env -i HOME=/root LANG=C.UTF-8 TERM=dumb \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    PIP_CERT=/etc/ssl/host-ca-certificates.crt /bin/bash -c "$1" 9>&-  # the lock stays here
}
log "Debian $(cat "$CHROOT/etc/debian_version")"
status=0
if [ -n "${DEBIAN_RUN:-}" ]; then
  set +e
  in_chroot "cd $SRC && $DEBIAN_RUN"
  status=$?
  set -e
  TARGETS=""
fi
for target in $TARGETS; do
  log "make $target (log: ${LOGS#$ROOT/}/make-$target.log)"
  start=$(date +%s)
  set +e
  in_chroot "cd $SRC && make $target" 2>&1 | tee "$LOGS/make-$target.log"
  rc=${PIPESTATUS[0]}
  set -e
  seconds=$(( $(date +%s) - start ))
  echo "$seconds" > "$LOGS/make-$target.seconds"
  log "make $target: exit $rc in $seconds s"
  [ "$rc" -eq 0 ] || status=$rc
done
in_chroot "dpkg-query -W -f='\${Package} \${Version}\n' qgis python3 python3-numpy python3-pandas \
  python3-scipy python3-pytest 2>/dev/null; cd $SRC && .venv/bin/python -m pip list 2>/dev/null \
  | grep -iE '^(pytest-qgis|hypothesis|scikit-learn|ruff) '" > "$LOGS/versions.txt" || true
log "versions: $(tr '\n' ';' < "$LOGS/versions.txt")"
log "pytest summaries:"
[ -z "$TARGETS" ] || grep -hE "^(=+ )?[0-9]+ (passed|failed)" "$LOGS"/make-test.log 2>/dev/null | sed 's/^/  /' || true
exit "$status"
