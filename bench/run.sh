#!/usr/bin/env bash
# Issue 10's and 20's benchmarks. Usage: bench/run.sh [-n RUNS] [1 2 3 4 5 6 ...]  (default: all, 3
# runs). Builds the CLI jar if needed, copies it to a temp dir (others may rebuild the tree
# meanwhile), starts emulators on free loopback ports, generates the configurations with
# bench/gen.py, runs each measurement RUNS times and prints a table of medians. Apply figures are
# ratios to the floor (bench/floor/Floor.java: the apply's own calls replayed by a minimal client)
# measured in the same run; the 10k plan is shown next to `terraform plan` of the same graph when
# terraform is installed. Needs python3, curl, javac and /usr/bin/time (Debian: apt-get install -y
# time); hyperfine is used for benchmark 4 when installed, PyYAML (python3-yaml) for Terraform's.
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
  (cd "$root" && ./mvnw -q -B -ntp package -Dmaven.test.skip=true -Dspotless.check.skip)
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
# start_emulator ARGS...: a fresh in-memory emulator (a fresh sandbox for every apply); a second
# try on another port when the first does not come up (a busy machine, a port taken meanwhile)
start_emulator() {
  launch_emulator "$@" || launch_emulator "$@" \
    || { echo "bench: the emulator did not start:" >&2; cat "$work/emulator.log" >&2; exit 1; }
  export AEP_CLIENT_ID=aepform-local AEP_CLIENT_SECRET=aepform-local-secret
  export AEP_ORG_ID=AEPFORMLOCAL@AdobeOrg AEP_IMS_URL="http://127.0.0.1:$port"
  warm_emulator
}
launch_emulator() {
  stop_emulator
  port="$(free_port)"
  "$ae" emulator --port "$port" "$@" >"$work/emulator.log" 2>&1 &
  emu_pid=$!
  for _ in $(seq 1 300); do
    grep -q listening "$work/emulator.log" 2>/dev/null && return 0
    kill -0 "$emu_pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
# AEP is not started cold for each apply: a token and a list call of each API before timing
# (a fresh emulator's first answers take ~0.4 s of its own JIT and class loading)
warm_emulator() {
  local base="http://127.0.0.1:$port" token
  token="$(curl -sS --retry 3 --retry-connrefused -X POST "$base/ims/token/v3" \
    -d grant_type=client_credentials -d client_id="$AEP_CLIENT_ID" \
    -d client_secret="$AEP_CLIENT_SECRET" -d scope=openid \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')" \
    || { echo "bench: no token from the emulator on port $port:" >&2; cat "$work/emulator.log" >&2; exit 1; }
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
first_create() { awk '/Creating\.\.\./{print $1; exit}' "$1"; }
walk() { awk '/Creating\.\.\./ && !s {s=$1} /Creation complete/ {e=$1} END{printf "%.2f", e-s}' "$1"; }
wall() { awk -F': ' '/Elapsed/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$1"; }
cpu() { awk -F': ' '/User time/{u=$2} /System time/{s=$2} END{print u+s}' "$1"; }
rss_mb() { awk -F': ' '/Maximum resident/{printf "%.0f", $2/1024}' "$1"; }
median() { sort -g | awk '{a[NR]=$1} END{ if (NR%2) print a[(NR+1)/2]; else printf "%.2f\n", (a[NR/2]+a[NR/2+1])/2 }'; }
row() { printf '| %-46s | %-26s | %-22s | %-7s |\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", a/b}'; }
results=()

# The floor (issue 20): the apply's own calls, recorded once from the -v trace of an apply of the
# same configuration at parallelism 1 against an emulator without latency (so each answer follows
# its request and the ids each create returned are known), then replayed by bench/floor/Floor.java
# against a fresh emulator, N in flight. Its JVM runs with the launcher's options.
record_calls() {
  [ -f "$work/replay.txt" ] && return 0
  javac -d "$work/floor" "$root/bench/floor/Floor.java"
  start_emulator
  gen 100 "$work/record"
  if ! "$ae" apply --dir "$work/record" --env bench --auto-approve --no-color --parallelism 1 -v \
       >"$work/record.out" 2>"$work/record.trace"; then
    echo "bench: the recording apply failed" >&2; tail -n 20 "$work/record.out" "$work/record.trace" >&2; exit 1
  fi
  python3 "$root/bench/gen.py" replay "$work/record.trace" "$work/replay.txt"
  stop_emulator
}
# floor N [RATE]: seconds the floor took, token request to last answer, against the running
# emulator, N in flight (and paced at RATE calls a second)
floor() {
  java -XX:TieredStopAtLevel=1 -XX:+UseParallelGC -cp "$work/floor" Floor "$work/replay.txt" \
    "http://127.0.0.1:$port" "$@" >"$work/floor.out" 2>&1 || { cat "$work/floor.out" >&2; return 1; }
  awk '/^floor:/{print $2}' "$work/floor.out"
}

started="$(date +%s)"
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" >&2

if want 1 || want 6; then
  record_calls
  for par in 10 1 4 20; do
    if [ "$par" != 10 ] && ! want 1; then continue; fi
    ws=(); cs=(); rs=(); ks=(); fs=()
    for i in $(seq 1 "$runs"); do
      start_emulator --latency-ms 50
      fs+=("$(floor "$par")")
      start_emulator --latency-ms 50
      gen 100 "$work/apply"
      stamped "$work/b1" "$ae" apply --dir "$work/apply" --env bench --auto-approve --no-color --parallelism "$par"
      grep -q "700 added" "$work/b1.out" || { echo "bench 1: apply did not add 700" >&2; tail -n 20 "$work/b1.out" "$work/b1.time" >&2; exit 1; }
      ws+=("$(wall "$work/b1.time")"); cs+=("$(cpu "$work/b1.time")"); rs+=("$(rss_mb "$work/b1.time")"); ks+=("$(walk "$work/b1.out")")
      echo "  apply 700, parallelism $par, run $i: ${ws[-1]} s (first create at $(first_create "$work/b1.out") s, walk ${ks[-1]} s), cpu ${cs[-1]} s, rss ${rs[-1]} MB; floor ${fs[-1]} s ($(ratio "${ws[-1]}" "${fs[-1]}") x)" >&2
    done
    w="$(printf '%s\n' "${ws[@]}" | median)"; k="$(printf '%s\n' "${ks[@]}" | median)"
    f="$(printf '%s\n' "${fs[@]}" | median)"
    results+=("$(row "1. apply 700, 50 ms, parallelism $par" "$w s" "floor $f s" "$(ratio "$w" "$f")")")
    results+=("$(row "1. ... its walk (first create to last result)" "$k s" "floor $f s" "$(ratio "$k" "$f")")")
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

# terraform_plan DIR: `terraform plan` of the configuration gen.py terraform wrote to DIR, offline
# (terraform_data is built in; no update check, no CLI configuration), RUNS times
terraform_plan() {
  local d="$1" tw=() tr=()
  export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_CLI_CONFIG_FILE="$work/terraformrc"
  : >"$work/terraformrc"
  (cd "$d" && terraform init -input=false -no-color >"$work/tf-init.log" 2>&1) \
    || { echo "bench 3: terraform init failed, see below" >&2; cat "$work/tf-init.log" >&2; return 1; }
  for i in $(seq 1 "$runs"); do
    (cd "$d" && timed "$work/b3t" terraform plan -input=false -refresh=false -no-color)
    grep -q "Plan: $2 to add" "$work/b3t.out" || { echo "bench 3: terraform did not plan $2" >&2; tail -n 5 "$work/b3t.out" >&2; return 1; }
    tw+=("$(wall "$work/b3t.time")"); tr+=("$(rss_mb "$work/b3t.time")")
    echo "  terraform plan $2 terraform_data, run $i: ${tw[-1]} s, rss ${tr[-1]} MB" >&2
  done
  echo "$(printf '%s\n' "${tw[@]}" | median) $(printf '%s\n' "${tr[@]}" | median)"
}

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
    rm -rf "$work/plan$n"
    if [ "$n" = 10000 ]; then
      if ! command -v terraform >/dev/null; then
        echo "bench 3: terraform is not installed; skipping the side-by-side with terraform plan" >&2
      elif python3 "$root/bench/gen.py" terraform "$root/examples/parquet-ingestion" "$work/tf$n" "$copies" \
           && t="$(terraform_plan "$work/tf$n" $((copies * 7)))"; then
        results+=("$(row "3. terraform plan, same graph ($((copies * 7)) terraform_data)" "${t% *} s, RSS ${t#* } MB" "(aepform's 10k above)" "$(ratio "${t% *}" "$w") x")")
      else
        echo "bench 3: skipping the side-by-side with terraform plan (above)" >&2
      fi
      rm -rf "$work/tf$n"
    fi
  done
  stop_emulator
fi

# startup CMD...: median seconds of CMD (output discarded) over max(RUNS, 10) runs after 2 warm-up
# runs, with hyperfine when installed, else timed with date +%s%N (/usr/bin/time's 10 ms steps are
# too coarse for 0.04 s); prints "MEDIAN MIN-MAX"
startup() {
  local n=$(( runs > 10 ? runs : 10 ))
  if command -v hyperfine >/dev/null; then
    hyperfine -N -w 2 -r "$n" --export-json "$work/hf.json" "$*" >/dev/null 2>&1
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print("%.3f %.3f-%.3f" % (r["median"], r["min"], r["max"]))' "$work/hf.json"
  else
    local ts=() t0 i
    for i in $(seq 1 $((n + 2))); do
      t0=$(date +%s%N); "$@" >/dev/null 2>&1; [ "$i" -gt 2 ] && ts+=("$(( $(date +%s%N) - t0 ))")
    done
    printf '%s\n' "${ts[@]}" | sort -n | awk '{a[NR]=$1/1e9} END{printf "%.3f %.3f-%.3f\n", (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2), a[1], a[NR]}'
  fi
}

if want 4; then
  ex="$root/examples/parquet-ingestion"
  j="$(startup java -version)"
  echo "  java -version: median $j" >&2
  results+=("$(row "4. java -version" "${j%% *} s (${j#* })" "(baseline)" "-")")
  for cmd in "version" "--help" "validate --dir $ex --env local"; do
    # shellcheck disable=SC2086 # cmd is a list of arguments
    a="$(startup "$ae" $cmd)"
    echo "  aepform $cmd: median $a" >&2
    results+=("$(row "4. aepform ${cmd%% --dir*}" "${a%% *} s (${a#* })" "<= 2.5 x java -version" "$(ratio "${a%% *}" "$(awk -v j="${j%% *}" 'BEGIN{print 2.5*j}')")")")
  done
fi

if want 5; then
  record_calls
  ws=(); fs=()
  for i in $(seq 1 "$runs"); do
    start_emulator --latency-ms 50 --rate-limit 20
    # the floor: 10 in flight, paced at 98% of the 20 calls a second the emulator allows (at 20 exactly,
    # jitter let ~30 calls over the limit; each 429 is waited out for its Retry-After, as the apply must)
    fs+=("$(floor 10 19.6)")
    start_emulator --latency-ms 50 --rate-limit 20
    gen 100 "$work/rate"
    timed "$work/b5" "$ae" apply --dir "$work/rate" --env bench --auto-approve --no-color
    grep -q "700 added" "$work/b5.out" || { echo "bench 5: apply did not add 700" >&2; exit 1; }
    ws+=("$(wall "$work/b5.time")")
    echo "  apply 700 at 20 req/s, run $i: ${ws[-1]} s; floor ${fs[-1]} s ($(ratio "${ws[-1]}" "${fs[-1]}") x)" >&2
  done
  stop_emulator
  w="$(printf '%s\n' "${ws[@]}" | median)"; f="$(printf '%s\n' "${fs[@]}" | median)"
  results+=("$(row "5. apply 700, 50 ms, rate limit 20/s" "$w s" "floor $f s" "$(ratio "$w" "$f")")")
fi

echo
echo "bench: $(( $(date +%s) - started )) s in all" >&2
row "benchmark" "median of $runs" "target or floor" "ratio"
row "---" "---" "---" "---"
printf '%s\n' "${results[@]}"
