# Sourced by .ci/run: the checks of the packed package as users meet it. Each function is one CI step and uses
# .ci/run's helpers (fail, expected_counts, $work, $repo_root) and the two below.
#   presets:   the sample's code in a project that references the .nupkg, built once per YieldAwaitAnalysisMode;
#              the SARIF log (the README's ErrorLog recipe) must show each rule at the preset's severity
#   format:    `dotnet format analyzers --severity info` over every fixable rule, through the package's fixes
#   oldest:    the same project built by Microsoft.Net.Compilers.Toolset 4.14.0: the rules report, nothing fails to load

oldest_compiler_version=4.14.0
package_project=nuget/YieldAwait.Analyzers.Package.csproj

# The YA diagnostics in a build log, one per location: "path(line,col): warning YAnnnn" (MSBuild prints each twice).
ya_diagnostics() {
    grep -oE '^ *[^ ].*\([0-9]+,[0-9]+(,[0-9]+,[0-9]+)?\): (warning|error) YA[0-9]{4}' "$1" | sed -E 's/^ +//' | sort -u || true
}

# "YAnnnn count" lines, sorted, from the output of ya_diagnostics.
count_by_id() { awk '{ print $NF }' | sort | uniq -c | awk '{ print $2, $1 }' | sort; }

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

# The fixable rules, from the README's rule table (a Fix cell other than "—"); the catalog tests keep that column
# equal to the fix providers the package ships.
fixable_ids() {
    grep -E '^\| \[YA[0-9]{4}\]' "$repo_root/README.md" | awk -F'|' '$5 !~ /^ *— *$/ { print $2 }' | grep -oE 'YA[0-9]{4}' | sort -u
}

# `dotnet format analyzers` over every fixable rule at once, with the fixes from the packed package, on the sample's code.
# YieldAwaitAnalysisMode=All makes YA5001 (hidden by default) visible to dotnet format; --severity info is what a user
# needs for the rules that are suggestions by default. The result must compile and each fixable rule must fire less.
# Rules whose count dotnet format does not bring down on the sample yet. Their fixes do change the code (alone,
# `--diagnostics YA1002 YA2001` rewrites ArchivedErrorLog.cs, LogArchive.cs and RetrySchedule.cs), but the same number
# is reported afterwards: dotnet format takes the first action a fix offers, and for these that action keeps or moves
# the diagnostic (YA1002's "Add async counterpart" keeps the sync original), or the conversions of the same run leave
# it unoffered (YA5001). Open question for the fixes' owners; listed here so that CI still catches every other rule.
not_reduced_yet="YA1002 YA2001 YA5001"

step_format_every_fixable_rule() {
    local dir="$work/format-consumer" ids
    make_package_consumer "$dir"
    sed -i 's|<Nullable>enable</Nullable>|<Nullable>enable</Nullable>\n    <YieldAwaitAnalysisMode>All</YieldAwaitAnalysisMode>|' "$dir/Consumer.csproj"
    ids="$(fixable_ids | tr '\n' ' ')"
    echo "Fixable rules: $ids"

    dotnet build "$dir" --no-restore --no-incremental -clp:NoSummary >"$work/format-before.log" 2>&1 \
        || { cat "$work/format-before.log" >&2; fail "the consumer does not build before the fixes"; return 1; }
    ya_diagnostics "$work/format-before.log" | count_by_id >"$work/format-before-counts"

    run_format "$dir" "$ids" "$work/format-all.log" || return 1
    dotnet build "$dir" --no-restore --no-incremental -clp:NoSummary >"$work/format-after.log" 2>&1 \
        || { grep -E ': error ' "$work/format-after.log" | sort -u >&2; fail "the consumer does not compile after the fixes"; return 1; }
    ya_diagnostics "$work/format-after.log" | count_by_id >"$work/format-after-counts"

    local status=0
    echo "Rule    before after"
    local id before after
    for id in $ids; do
        before="$(awk -v id="$id" '$1 == id { print $2 }' "$work/format-before-counts")"
        after="$(awk -v id="$id" '$1 == id { print $2 }' "$work/format-after-counts")"
        printf '%s  %6s %5s\n' "$id" "${before:-0}" "${after:-0}"
        if [[ -z "$before" ]]; then
            fail "$id: the sample does not trip it, so its fix is not exercised" || status=1
        elif [[ "${after:-0}" -ge "$before" ]]; then
            if [[ " $not_reduced_yet " == *" $id "* ]]; then
                echo "NOTE: $id: still $after after dotnet format (known, see not_reduced_yet)"
            else
                fail "$id: dotnet format fixed none of its $before diagnostics" || status=1
            fi
        fi
    done
    return $status
}

# dotnet format analyzers for the IDs in $2 on the project folder $1, log in $3.
run_format() {
    local dir=$1 ids=$2 log=$3 status=0
    # shellcheck disable=SC2086 # one argument per ID
    dotnet format analyzers "$dir/Consumer.csproj" --no-restore --severity info --diagnostics $ids -v diag >"$log" 2>&1 || status=$?
    grep -E 'Unable to fix|using configuration from .*yieldawait' "$log" || true
    [[ $status -eq 0 ]] || { tail -40 "$log" >&2; fail "dotnet format exited with $status"; return 1; }
}

# The oldest compiler served here: the package's rules must load and report in it (the package is built against
# Roslyn 4.8; a newer API used by mistake shows as CS8032 or AD0001).
step_oldest_compiler() {
    local dir="$work/oldest-consumer"
    make_package_consumer "$dir" "<PackageReference Include=\"Microsoft.Net.Compilers.Toolset\" Version=\"$oldest_compiler_version\" PrivateAssets=\"all\" />"
    # The .NET 10 SDK points the build at its own compiler unless RoslynCompilerType says a package provides one
    # (toolset packages from 5.0 on set it themselves; 4.14 predates it).
    sed -i 's|<Nullable>enable</Nullable>|<Nullable>enable</Nullable>\n    <RoslynCompilerType>Custom</RoslynCompilerType>|' "$dir/Consumer.csproj"
    # The All preset prints every rule as a warning, so the counts can be compared with the sample's expected ones.
    dotnet build "$dir" --no-restore --no-incremental -clp:NoSummary -v n -p:YieldAwaitAnalysisMode=All >"$work/oldest.log" 2>&1 \
        || { tail -40 "$work/oldest.log" >&2; fail "the consumer does not build with Microsoft.Net.Compilers.Toolset $oldest_compiler_version"; return 1; }
    local csc
    csc="$(grep -oE '[^ "]*microsoft\.net\.compilers\.toolset/[^/ ]+/[^ "]*csc\.(dll|exe)' "$work/oldest.log" | head -1 || true)"
    echo "Compiler: ${csc:-?}"
    [[ $csc == *"microsoft.net.compilers.toolset/$oldest_compiler_version/"* ]] || { fail "the build did not use the $oldest_compiler_version compiler"; return 1; }

    local status=0
    if grep -E '(AD0001|CS8032).*YieldAwait' "$work/oldest.log"; then fail "an analyzer of the package failed to load or threw" || status=1; fi
    # -v n prefixes some lines with the node number ("1>"): drop it so each location counts once.
    sed -E 's/^ *[0-9]+>//' "$work/oldest.log" >"$work/oldest-clean.log"
    ya_diagnostics "$work/oldest-clean.log" | count_by_id >"$work/oldest-counts"
    local id count seen
    while read -r id count; do
        seen="$(awk -v id="$id" '$1 == id { print $2 }' "$work/oldest-counts")"
        echo "$id expected $count, seen ${seen:-0}"
        [[ "${seen:-0}" == "$count" ]] || fail "$id: $count expected with the oldest compiler, ${seen:-0} seen" || status=1
    done < <(expected_counts)
    return $status
}

# The IDE path: tests/YieldAwait.Analyzers.IdeTests opens a copy of the sample with MSBuildWorkspace (Roslyn 5.12),
# applies every offered fix and Fix All for each rule through the workspace, and compiles the result. Outside
# Analyzers.sln: it needs MSBuild at run time and takes minutes, where the unit tests take seconds each.
step_ide_path() {
    local log="$work/ide-tests.log" status=0
    dotnet test tests/YieldAwait.Analyzers.IdeTests --logger "console;verbosity=normal" 2>&1 | tee "$log" || status=$?
    [[ $status -eq 0 ]] || { fail "the IDE path tests failed (dotnet test exited with $status)"; return 1; }
    # The summary reads "Passed!  - Failed: 0, Passed: N" at the default verbosity, "     Passed: N" at normal.
    grep -qE '(^Passed! +- +Failed: +0, Passed: +[1-9])|(^ +Passed: +[1-9][0-9]*$)' "$log" || { fail "the IDE path tests ran no test"; return 1; }
}
