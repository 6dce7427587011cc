# Sourced by .ci/run: the checks of the packed package as users meet it. Each function is one CI step and uses
# .ci/run's helpers (fail, ya_diagnostics, expected_counts, $work, $repo_root).
#   presets:   the sample's code in a project that references the .nupkg, built once per YieldAwaitAnalysisMode;
#              the SARIF log (the README's ErrorLog recipe) must show each rule at the preset's severity
#   format:    `dotnet format analyzers --severity info` over every fixable rule, through the package's fixes
#   oldest:    the same project built by Microsoft.Net.Compilers.Toolset 4.14.0: the rules report, nothing fails to load

oldest_compiler_version=4.14.0

# The .nupkg step c packed, or a fresh one when this step runs alone. Prints its version.
package_version() {
    local nupkg
    nupkg="$(ls "$work"/packages/YieldAwait.Analyzers.*.nupkg 2>/dev/null | head -1 || true)"
    if [[ -z "$nupkg" ]]; then
        local version="0.0.0-ci.$(date -u +%Y%m%d%H%M%S).$$"
        dotnet pack "$package_project" -c Release -o "$work/packages" -p:PackageVersion="$version" >"$work/pack-for-checks.log" 2>&1 \
            || { cat "$work/pack-for-checks.log" >&2; fail "dotnet pack failed"; }
        nupkg="$work/packages/YieldAwait.Analyzers.$version.nupkg"
    fi
    basename "$nupkg" .nupkg | sed 's/^YieldAwait\.Analyzers\.//'
}

# A project at $1 with the sample's sources that gets the analyzers from the package (not from src/); extra
# PackageReference lines in $2. Same private package folder and sources as step c's consumer.
make_package_consumer() {
    local dir=$1 extra=${2:-} version
    version="$(package_version)"
    mkdir -p "$dir"
    cp "$repo_root"/samples/LogIngestion/*.cs "$dir/"
    cp -r "$repo_root/samples/LogIngestion/logs" "$dir/"
    cat >"$dir/nuget.config" <<NUGET
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="$work/nuget-packages" />
  </config>
  <packageSources>
    <clear />
    <add key="local" value="$work/packages" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>
</configuration>
NUGET
    cat >"$dir/Consumer.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <RootNamespace>LogIngestion</RootNamespace>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="YieldAwait.Analyzers" Version="$version" />
    $extra
  </ItemGroup>
</Project>
PROJECT
    # The consumer sits in $work, outside the repository, so no Directory.Build.props of ours applies.
    (cd "$dir" && dotnet restore) >"$dir.restore.log" 2>&1 || { cat "$dir.restore.log" >&2; fail "restore of $dir failed"; }
}

# "YAnnnn level" lines from a SARIF 2.1 log, sorted and unique.
sarif_levels() {
    jq -r '.runs[].results[] | select(.ruleId | startswith("YA")) | "\(.ruleId) \(.level // "warning")"' "$1" | sort -u
}

# Builds the consumer with one preset and checks the severities its SARIF log shows.
#   $1 the mode; $2 the level every rule of samples/expected-diagnostics.txt must have, or "-" for none; then
#   "YAnnnn level" or "YAnnnn absent" lines, which take precedence over $2 for their rule.
check_preset() {
    local mode=$1 every=$2 dir="$work/preset-consumer" sarif="$work/preset-$1.sarif"
    shift 2
    rm -f "$sarif"
    # The README's recipe: the error log's path and format version, with the comma escaped for the command line.
    dotnet build "$dir" --no-restore --no-incremental -clp:NoSummary -p:YieldAwaitAnalysisMode="$mode" \
        -p:ErrorLog="$sarif%2Cversion=2.1" >"$work/preset-$mode.log" 2>&1 \
        || { cat "$work/preset-$mode.log" >&2; fail "$mode: the consumer does not build"; return 1; }
    local levels
    levels="$(sarif_levels "$sarif")"
    printf '%-15s %s\n' "$mode:" "$(tr '\n' ' ' <<<"$levels")"
    local id expectation status=0
    for id in $(expected_counts | awk '{ print $1 }'); do
        local wanted=$every
        for expectation in "$@"; do
            [[ $expectation == "$id "* ]] && wanted=${expectation#* }
        done
        case $wanted in
            -) ;;
            absent) if grep -q "^$id " <<<"$levels"; then fail "$mode: $id should be silent" || status=1; fi ;;
            *) grep -qx "$id $wanted" <<<"$levels" || fail "$mode: expected $id at level $wanted" || status=1 ;;
        esac
    done
    return $status
}

step_presets() {
    local dir="$work/preset-consumer"
    make_package_consumer "$dir"
    # The user's own settings beat every preset, both ways: YA5002 raised to warning, YA3006 turned off.
    cat >"$dir/.editorconfig" <<'EDITORCONFIG'
root = true
[*.cs]
dotnet_diagnostic.YA5002.severity = warning
dotnet_diagnostic.YA3006.severity = none
EDITORCONFIG
    local status=0 user=("YA5002 warning" "YA3006 absent")
    check_preset Default - "YA1001 warning" "YA1002 note" "YA4002 note" "YA5001 absent" "${user[@]}" || status=1
    check_preset None absent "${user[@]}" || status=1
    check_preset Recommended - "YA1001 warning" "YA1002 note" "YA2002 note" "YA4002 warning" "YA5001 note" "${user[@]}" || status=1
    # 'all': MSBuild compares the property without regard to case.
    check_preset all warning "${user[@]}" || status=1
    check_preset AllSuggestions note "${user[@]}" || status=1

    # A misspelt preset is said, not ignored (the check is a target of its own: no need to compile).
    dotnet msbuild "$dir" -nologo -t:_YieldAwaitCheckAnalysisMode -p:YieldAwaitAnalysisMode=Everything >"$work/preset-bad.log" 2>&1 || true
    if grep -q "YieldAwaitAnalysisMode 'Everything' is not a preset" "$work/preset-bad.log"; then
        echo "Unknown mode: $(grep -m1 -o "warning YAMODE: .*is not a preset" "$work/preset-bad.log")"
    else
        cat "$work/preset-bad.log"; fail "no warning for an unknown YieldAwaitAnalysisMode" || status=1
    fi
    return $status
}
