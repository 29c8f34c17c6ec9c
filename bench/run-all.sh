#!/usr/bin/env bash
# Runs every SpecClient benchmark and prints its table: per-call overhead (hand-written vs SpecClient vs Refit),
# digest round trips (SpecClient's handler vs .NET's built-in digest), generator time and memory, a consumer's build
# time with and without specs, the same spec's client from SpecClient and from Kiota side by side (Kiota runs from the
# local tool manifest bench/.config/dotnet-tools.json), and the sample's startup under JIT and Native AOT.
# Usage: bash bench/run-all.sh [--quick]   (--quick: BenchmarkDotNet's short job; noisier, a few minutes in all)
set -euo pipefail
cd "$(dirname "$0")/.."
job=()
[ "${1:-}" = "--quick" ] && job=(--job short)

section() { printf '\n=== %s ===\n' "$1"; }

section "Per-call overhead (in-memory handler)"
dotnet run -c Release --project bench/SpecClient.PerCall.Benchmarks -- --filter '*' "${job[@]}" | grep -E '^\|'

section "Per-call time, hand-written against SpecClient in alternating rounds of one process"
dotnet run -c Release --project bench/SpecClient.PerCall.Benchmarks -- --paired | grep -E '^(Delete|Get):'

section "Digest round trips per call (100 sequential calls, embedded simulator)"
dotnet run -c Release --project bench/SpecClient.Benchmarks -- --filter '*Digest*' "${job[@]}" | grep -E '^\||round trip'

section "Generator: parse and emit"
dotnet run -c Release --project bench/SpecClient.Generator.Benchmarks -- --filter '*' "${job[@]}" | grep -E '^\|'

section "Generator: peak memory"
dotnet run -c Release --project bench/SpecClient.Generator.Benchmarks -- --peak-memory

section "Consumer build time (no compiler server, as this machine is set up)"
dotnet run -c Release --project bench/SpecClient.Generator.Benchmarks -- --consumer-build 3

section "Generator: full Atlas 2025-03-12 spec, cold and warm"
dotnet run -c Release --project bench/SpecClient.Generator.Benchmarks -- --generator-time

section "SpecClient against Kiota on the full Atlas 2025-03-12 spec (interleaved builds with an empty library)"
dotnet run -c Release --project bench/SpecClient.Generator.Benchmarks -- --compare-kiota 3

section "Compile cost in allocated bytes (steady on a shared machine): empty library, SpecClient, Kiota"
dotnet run -c Release --project bench/SpecClient.CompileCost -- --runs 2 bench/consumers/WithoutSpecs/WithoutSpecs.csproj \
  bench/consumers/WithFullAtlasSpec/WithFullAtlasSpec.csproj bench/consumers/WithKiotaAtlas/WithKiotaAtlas.csproj

section "Sample startup: process start to first completed call (median of 7)"
linker=clang
command -v clang >/dev/null 2>&1 || linker=clang-14
out="$(mktemp -d)"
dotnet build samples/InviteJanitor -c Release -nologo -v:q >/dev/null
dotnet publish samples/InviteJanitor -c Release -r linux-x64 -p:CppCompilerAndLinker="$linker" -o "$out" -nologo -v:q >/dev/null
measure() {
  for _ in 1 2 3 4 5 6 7; do INVITEJANITOR_REPORT_STARTUP=1 "$@" 2>&1 >/dev/null | sed -n 's/^first call completed \([0-9]*\) ms.*/\1/p'; done | sort -n | sed -n 4p
}
echo "| run | first call completed (ms) |"
echo "| --- | --- |"
echo "| JIT (dotnet InviteJanitor.dll) | $(measure dotnet samples/InviteJanitor/bin/Release/net10.0/InviteJanitor.dll) |"
echo "| Native AOT | $(measure "$out/InviteJanitor") |"
