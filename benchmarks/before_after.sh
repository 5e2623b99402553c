#!/bin/sh
# Issue 13's "before and after, side by side on one machine": benchmarks/check_speed.py and
# benchmarks/batch_scale.py for an old commit and for the new one, each from its own temporary
# git worktree, alternating old/new for ROUNDS rounds so that a change of load hits both sides;
# the load average is printed before every run. Run it on an otherwise idle machine.
#
#   sh benchmarks/before_after.sh [OLD [NEW]]      # defaults: 633fd7f main
#   ROUNDS=3 PYTHON=/path/to/python sh benchmarks/before_after.sh
#   CHECK_ARGS="--runs 20 --process-runs 3" BATCH_ARGS="--articles 20 --levels 1,4 --skip-seeds" \
#       ROUNDS=1 sh benchmarks/before_after.sh     # a quick try of the script itself
#
# OLD defaults to 633fd7f, the last commit before the restructure into stage folders (6ee38d1).
# Both sides run under one Python (default: this checkout's .venv, which has every dependency
# of both); each side's own code is imported, since each runs from its own worktree. Both
# sides use NEW's check_speed.py (it reads either layout; the old one timed wall time only);
# batch_scale.py is unchanged since OLD. Output: one block per run, then the worktrees go.
set -eu
OLD=${1:-633fd7f}
NEW=${2:-main}
ROUNDS=${ROUNDS:-2}
CHECK_ARGS=${CHECK_ARGS:-}
BATCH_ARGS=${BATCH_ARGS:---skip-seeds}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/before-after.XXXXXX")
cleanup() {
    git -C "$ROOT" worktree remove --force "$TMP/old" 2>/dev/null || true
    git -C "$ROOT" worktree remove --force "$TMP/new" 2>/dev/null || true
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
git -C "$ROOT" worktree add --detach -q "$TMP/old" "$OLD"
git -C "$ROOT" worktree add --detach -q "$TMP/new" "$NEW"
cp "$TMP/new/benchmarks/check_speed.py" "$TMP/old/benchmarks/check_speed.py"

echo "old: $(git -C "$TMP/old" log -1 --format='%h %s' | cut -c1-90)"
echo "new: $(git -C "$TMP/new" log -1 --format='%h %s' | cut -c1-90)"
echo "python: $("$PYTHON" --version), $(nproc) cores, $(date -u '+%Y-%m-%d %H:%M UTC')"
round=1
while [ "$round" -le "$ROUNDS" ]; do
    for side in old new; do
        for bench in check_speed batch_scale; do
            echo
            echo "== round $round, $side, $bench; load average $(cut -d' ' -f1-3 /proc/loadavg)"
            case $bench in
                check_speed) (cd "$TMP/$side" && "$PYTHON" benchmarks/check_speed.py $CHECK_ARGS) ;;
                batch_scale) (cd "$TMP/$side" && "$PYTHON" benchmarks/batch_scale.py $BATCH_ARGS) ;;
            esac
        done
    done
    round=$((round + 1))
done
echo
echo "done $(date -u '+%H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
