#!/usr/bin/env bash
# tmpfs: the disk-full case of issue 11 on a real small file system. Needs
# root (mount); otherwise it says so and passes (the LD_PRELOAD shim of
# durable.sh covers the same steps everywhere).
#
#   bash tests/fault/tmpfs.sh STYR [RUNS]
#
# A 12 MB tmpfs holds a workspace with a filled figure cache; a filler file
# leaves a different amount of free space in each of RUNS runs (default 33),
# from almost nothing to all of it; then a second import runs. Whatever it
# exits with, the workspace must afterwards open with the figures of the last
# committed generation, and (with the filler gone) the next import must work
# and leave one panel file.
set -u
STYR=$(realpath "$1")
RUNS=${2:-33}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/styr-tmpfs-XXXXXX")
MNT=$WORK/mnt
mkdir -p "$MNT"
if [[ $(id -u) != 0 ]] || ! mount -t tmpfs -o size=12m tmpfs "$MNT" 2> /dev/null; then
    echo "tmpfs: cannot mount a tmpfs here (not root?): skipped"
    rm -rf "$WORK"
    exit 0
fi
trap 'umount "$MNT"; rm -rf "$WORK"' EXIT
cd "$WORK" || exit 1
export STYR_PROGRESS=0
fails=0 broke=0 refused=0 ok=0

awk 'BEGIN { print "person;uge;kommune;ydelse;tilbud"
  split("101 147 461 751 851", k, " ")
  for (p = 1; p <= 5000; p++) for (w = 1; w <= 30; w++)
    printf "P%d;2023-W%02d;%s;kontanthjaelp;%s\n", p, w, k[p % 5 + 1], (w % 2 ? "" : "praktik") }' > A.csv
awk 'BEGIN { print "person;uge;kommune;ydelse;tilbud"
  split("101 147 461 751 851", k, " ")
  for (p = 1; p <= 6000; p++) for (w = 31; w <= 52; w++)
    printf "P%d;2023-W%02d;%s;dagpenge;%s\n", p, w, k[p % 5 + 1], (w % 2 ? "" : "praktik") }' > B.csv

# snap DIR NAME: what a reader sees (info without the path line and the
# timestamps; figures on stdout: on a full disk the cache store warns on stderr)
snap() {
    "$STYR" info -w "$1" 2>&1 | sed -E -e '/^(Arbejdsområde|Workspace):/d' \
        -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z/TIME/' -e 's/-w [^ ]*ws/-w WS/' > "$2.info"
    "$STYR" figures -w "$1" --format csv --periode 2023 > "$2.fig" 2> /dev/null || echo "exit $?" >> "$2.fig"
}
"$STYR" init basews --kommune 101 > /dev/null
"$STYR" import -w basews A.csv > /dev/null
"$STYR" figures -w basews --format csv --periode 2023K1,2023K2,2023K3 > /dev/null # the cache
snap basews before
cp -a basews b2ws && "$STYR" import -w b2ws B.csv > /dev/null && snap b2ws after && rm -rf b2ws
echo "workspace $(du -sk basews | cut -f1) kB, of which the cache $(du -k basews/katalog.sqlite | cut -f1) kB catalog"

for ((r = 0; r < RUNS; r++)); do
    rm -rf "$MNT"/*
    cp -a basews "$MNT/ws" || { echo "FAIL the workspace does not fit"; exit 1; }
    free=$(df -k --output=avail "$MNT" | tail -1)
    leave=$((free * r / (RUNS - 1)))
    [[ $r == $((RUNS - 1)) ]] && leave=$free
    fallocate -l $(((free - leave) * 1024)) "$MNT/filler" 2> /dev/null || head -c $(((free - leave) * 1024)) /dev/zero > "$MNT/filler" 2> /dev/null
    rc=0
    "$STYR" import -w "$MNT/ws" B.csv > out 2> err || rc=$?
    snap "$MNT/ws" now
    if cmp -s now.info after.info && cmp -s now.fig after.fig; then got=after
    elif cmp -s now.info before.info && cmp -s now.fig before.fig; then got=before
    else got=broken; fi
    if [[ $got == broken || ($rc == 0 && $got != after) || ($rc != 0 && $got != before) ]]; then
        broke=$((broke + 1)); fails=$((fails + 1))
        echo "FAIL $leave kB free: exit $rc, workspace $got: $(head -2 err | tr '\n' ' ') / $(head -2 now.info | tr '\n' ' ')"
        continue
    fi
    if [[ $rc != 0 ]]; then
        refused=$((refused + 1))
        grep -Eq 'ikke plads på disken|skrive- eller læsefejl|kan ikke åbnes eller oprettes' err ||
            { fails=$((fails + 1)); echo "FAIL $leave kB free: the message does not say why: $(cat err)"; }
    else ok=$((ok + 1)); fi
    rm -f "$MNT/filler"
    nrc=0
    "$STYR" import -w "$MNT/ws" B.csv > out 2>&1 || nrc=$?
    want=0; [[ $got == after ]] && want=2
    [[ $nrc == "$want" ]] || { fails=$((fails + 1)); echo "FAIL $leave kB free: the next import exits $nrc: $(cat out)"; }
    left=$(ls -A "$MNT/ws" | grep -v -x -e katalog.sqlite -e .lock -e pseudonymnoegle -e 'panel-[0-9]*\.styr' | tr '\n' ' ')
    [[ -z $left && $(ls "$MNT/ws" | grep -c '^panel-') == 1 ]] ||
        { fails=$((fails + 1)); echo "FAIL $leave kB free: left behind: $(ls -A "$MNT/ws" | tr '\n' ' ')"; }
done
echo "tmpfs: $RUNS imports on a full disk: $ok committed, $refused refused with the workspace unchanged, $broke broke it"
((fails == 0))
