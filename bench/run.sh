#!/usr/bin/env bash
# Issue 10's benchmarks. Usage: bench/run.sh [-n RUNS] [1 2 3 4 5 6 ...]  (default: all, 3 runs)
# Builds the CLI jar if needed, copies it to a temp dir (others may rebuild the tree meanwhile),
# starts emulators on free loopback ports, generates the configurations with bench/gen.py, runs
# each measurement RUNS times and prints a table of medians. Needs python3, curl and /usr/bin/time
# (Debian: apt-get install -y time); hyperfine is used for benchmark 4 when installed.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
if [ "${1:-}" = "-n" ]; then runs="$2"; shift 2; fi
which=("$@"); [ ${#which[@]} -eq 0 ] && which=(1 2 3 4 5 6)
want() { local b; for b in "${which[@]}"; do [ "$b" = "$1" ] && return 0; done; return 1; }

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time is missing; install it with: apt-get install -y time" >&2; exit 1
fi
if [ ! -f "$root/cli/target/aepform.jar" ]; then
  echo "bench: building the CLI jar..." >&2
  (cd "$root" && ./mvnw -q -B -ntp install -Dmaven.test.skip=true -Dspotless.check.skip)
fi
work="$(mktemp -d "${TMPDIR:-/tmp}/aepform-bench.XXXXXX")"
cp "$root/cli/target/aepform.jar" "$work/aepform.jar"
cp "$root/aepform" "$work/aepform"
# runs as users do, through the launcher (its JVM options), next to its own class-data sharing
# archive, trained as cli/pom.xml trains it (an archive only serves the jar path it was made for)
ae="$work/aepform"
cp -r "$root/examples/parquet-ingestion" "$work/training"; rm -rf "$work/training/.aepform"
if ! { AEPFORM_JAVA_OPTS="-XX:DumpLoadedClassList=$work/aepform.classlist" "$ae" apply \
         --dir "$work/training" --env local --auto-approve --no-color \
       && java -XX:+UseParallelGC -Xshare:dump -XX:SharedClassListFile="$work/aepform.classlist" \
         -XX:SharedArchiveFile="$work/aepform.jsa" -cp "$work/aepform.jar"; } >"$work/training.log" 2>&1; then
  echo "bench: no CDS archive, see $work/training.log" >&2
fi
emu_pid=""
cleanup() { [ -n "$emu_pid" ] && kill "$emu_pid" 2>/dev/null && wait "$emu_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT INT TERM

free_port() { python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])'; }
# start_emulator ARGS...: a fresh in-memory emulator (a fresh sandbox for every apply)
start_emulator() {
  stop_emulator
  port="$(free_port)"
  "$ae" emulator --port "$port" "$@" >"$work/emulator.log" 2>&1 &
  emu_pid=$!
  for _ in $(seq 1 100); do
    grep -q listening "$work/emulator.log" 2>/dev/null && break; sleep 0.1
  done
  export AEP_CLIENT_ID=aepform-local AEP_CLIENT_SECRET=aepform-local-secret
  export AEP_ORG_ID=AEPFORMLOCAL@AdobeOrg AEP_IMS_URL="http://127.0.0.1:$port"
  warm_emulator
}
# AEP is not started cold for each apply: a token and a list call of each API before timing
# (a fresh emulator's first answers take ~0.4 s of its own JIT and class loading)
warm_emulator() {
  local base="http://127.0.0.1:$port" token
  token="$(curl -s -X POST "$base/ims/token/v3" -d grant_type=client_credentials \
    -d client_id="$AEP_CLIENT_ID" -d client_secret="$AEP_CLIENT_SECRET" -d scope=openid \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')"
  for path in flowservice/connections catalog/dataSets schemaregistry/tenant/schemas; do
    curl -s -o /dev/null -H "Authorization: Bearer $token" -H "x-api-key: $AEP_CLIENT_ID" \
      -H "x-gw-ims-org-id: $AEP_ORG_ID" -H "x-sandbox-name: warmup" \
      -H "Accept: application/vnd.adobe.xed-id+json" "$base/data/foundation/$path"
  done
}
stop_emulator() { if [ -n "$emu_pid" ]; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; emu_pid=""; fi; }
gen() { rm -rf "$2"; python3 "$root/bench/gen.py" pipelines "$root/examples/parquet-ingestion" "$2" "$1" "http://127.0.0.1:$port"; }
# timed FILE CMD...: runs CMD under /usr/bin/time -v, its output to FILE.out
timed() { local f="$1"; shift; /usr/bin/time -v "$@" >"$f.out" 2>"$f.time" || { tail -n 20 "$f.out" "$f.time" >&2; return 1; }; }
# stamped FILE CMD...: as timed, each output line prefixed with seconds since the start
stamped() {
  local f="$1"; shift
  /usr/bin/time -v "$@" 2>"$f.time" | python3 -u -c 'import sys,time
t=time.time()
for l in sys.stdin: sys.stdout.write(f"{time.time()-t:.3f} {l}")' >"$f.out"
}
# walk FILE: seconds from the first "Creating..." to the last "Creation complete"
walk() { awk '/Creating\.\.\./ && !s {s=$1} /Creation complete/ {e=$1} END{printf "%.2f", e-s}' "$1"; }
wall() { awk -F': ' '/Elapsed/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
row() { printf '| %-44s | %-26s | %-18s | %-7s |\n' "$@"; }
results=()

echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

if want 1 || want 6; then
  for par in 10 1 4 20; do
    if [ "$par" != 10 ] && ! want 1; then continue; fi
    ws=(); cs=(); rs=(); ks=()
    for i in $(seq 1 "$runs"); do
      start_emulator --latency-ms 50
      gen 100 "$work/apply"
      stamped "$work/b1" "$ae" apply --dir "$work/apply" --env bench --auto-approve --no-color --parallelism "$par"
      grep -q "700 added" "$work/b1.out" || { echo "bench 1: apply did not add 700" >&2; tail -n 20 "$work/b1.out" "$work/b1.time" >&2; exit 1; }
      ws+=("$(wall "$work/b1.time")"); cs+=("$(cpu "$work/b1.time")"); rs+=("$(rss_mb "$work/b1.time")"); ks+=("$(walk "$work/b1.out")")
      echo "  apply 700, parallelism $par, run $i: ${ws[-1]} s (walk ${ks[-1]} s), cpu ${cs[-1]} s, rss ${rs[-1]} MB" >&2
    done
    w="$(printf '%s\n' "${ws[@]}" | median)"
    ideal=$(awk -v p="$par" 'BEGIN{c=700*0.05/p; print (c>0.2?c:0.2)}')
    k="$(printf '%s\n' "${ks[@]}" | median)"
    results+=("$(row "1. apply 700, 50 ms, parallelism $par" "$w s" "ideal $ideal s" "$(awk -v w="$w" -v i="$ideal" 'BEGIN{printf "%.2f", w/i}')")")
    results+=("$(row "1. ... its walk (first create to last result)" "$k s" "ideal $ideal s" "$(awk -v w="$k" -v i="$ideal" 'BEGIN{printf "%.2f", w/i}')")")
    if [ "$par" = 10 ]; then
      c="$(printf '%s\n' "${cs[@]}" | median)"; r="$(printf '%s\n' "${rs[@]}" | median)"
      results+=("$(row "6. client CPU / peak RSS during 1 (par 10)" "$c s / $r MB" "(report)" "-")")
      if want 2; then
        ns=(); wsn=()
        for i in $(seq 1 "$runs"); do
          timed "$work/b2" "$ae" plan --dir "$work/apply" --env bench --no-color -v
          grep -q "No changes" "$work/b2.out" || { echo "bench 2: the plan is not a no-op" >&2; exit 1; }
          ns+=("$(grep -c '^> ' "$work/b2.time" || true)"); wsn+=("$(wall "$work/b2.time")")
          echo "  no-op plan 700, run $i: ${wsn[-1]} s, ${ns[-1]} calls" >&2
        done
        n="$(printf '%s\n' "${ns[@]}" | median)"; w="$(printf '%s\n' "${wsn[@]}" | median)"
        results+=("$(row "2. no-op plan with refresh of 700" "$n calls, $w s" "<= 15 calls" "$(awk -v n="$n" 'BEGIN{printf "%.2f", n/15}')")")
      fi
    fi
  done
  stop_emulator
fi

if want 2 && ! want 1 && ! want 6; then echo "bench 2 runs with bench 1 (it plans what 1 applied)" >&2; fi

if want 3; then
  start_emulator
  for n in 1000 10000 50000; do
    copies=$(( (n + 6) / 7 ))
    gen "$copies" "$work/plan$n"
    ws=(); rs=()
    for i in $(seq 1 "$runs"); do
      timed "$work/b3" env AEPFORM_JAVA_OPTS=-Xmx1g "$ae" plan --dir "$work/plan$n" --env bench --no-color --refresh=false
      ws+=("$(wall "$work/b3.time")"); rs+=("$(rss_mb "$work/b3.time")")
      echo "  plan $((copies * 7)) without refresh, run $i: ${ws[-1]} s, rss ${rs[-1]} MB" >&2
    done
    w="$(printf '%s\n' "${ws[@]}" | median)"; r="$(printf '%s\n' "${rs[@]}" | median)"
    target="(linear)"; ratio="-"
    [ "$n" = 10000 ] && target="< 2 s after JVM start" && ratio="$(awk -v w="$w" 'BEGIN{printf "%.2f", w/2}')"
    [ "$n" = 50000 ] && target="fits -Xmx1g"
    results+=("$(row "3. plan $((copies * 7)) without refresh (-Xmx1g)" "$w s, RSS $r MB" "$target" "$ratio")")
  done
  stop_emulator
fi

if want 4; then
  ex="$root/examples/parquet-ingestion"
  jv=(); v=(); val=()
  for i in $(seq 1 "$runs"); do
    timed "$work/b4j" java -version; jv+=("$(wall "$work/b4j.time")")
    timed "$work/b4v" "$ae" version; v+=("$(wall "$work/b4v.time")")
    timed "$work/b4l" "$ae" validate --dir "$ex" --env local; val+=("$(wall "$work/b4l.time")")
  done
  j="$(printf '%s\n' "${jv[@]}" | median)"; a="$(printf '%s\n' "${v[@]}" | median)"; b="$(printf '%s\n' "${val[@]}" | median)"
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 2 -r 10 --export-markdown "$work/hf.md" "java -version" "$ae version" "$ae validate --dir $ex --env local" >&2 || true
  fi
  results+=("$(row "4. java -version" "$j s" "(baseline)" "-")")
  results+=("$(row "4. aepform version" "$a s" "<= 2.5 x java -version" "$(awk -v a="$a" -v j="$j" 'BEGIN{printf "%.2f", a/(2.5*j)}')")")
  results+=("$(row "4. aepform validate (example)" "$b s" "<= 2.5 x java -version" "$(awk -v a="$b" -v j="$j" 'BEGIN{printf "%.2f", a/(2.5*j)}')")")
fi

if want 5; then
  ws=(); ts=()
  for i in $(seq 1 "$runs"); do
    start_emulator --latency-ms 50 --rate-limit 20
    gen 100 "$work/rate"
    timed "$work/b5" "$ae" apply --dir "$work/rate" --env bench --auto-approve --no-color
    grep -q "700 added" "$work/b5.out" || { echo "bench 5: apply did not add 700" >&2; exit 1; }
    ws+=("$(wall "$work/b5.time")")
    echo "  apply 700 at 20 req/s, run $i: ${ws[-1]} s" >&2
  done
  stop_emulator
  w="$(printf '%s\n' "${ws[@]}" | median)"
  # calls: 700 creates + the plan's list calls (about 6) + the token
  results+=("$(row "5. apply 700, 50 ms, rate limit 20/s" "$w s" "<= 1.3 x 707/20 = 46 s" "$(awk -v w="$w" 'BEGIN{printf "%.2f", w/(1.3*707/20)}')")")
fi

echo
row "benchmark" "median of $runs" "target" "ratio"
row "---" "---" "---" "---"
printf '%s\n' "${results[@]}"
