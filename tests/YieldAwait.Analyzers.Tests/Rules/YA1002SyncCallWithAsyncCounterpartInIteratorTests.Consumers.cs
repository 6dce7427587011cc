using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorAnalyzer, YieldAwait.CodeFixes.Rules.YA1002SyncCallWithAsyncCounterpartInIteratorCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA1002SyncCallWithAsyncCounterpartInIteratorTests
    {
        #region Analyzer: only where a coroutine consumes the generator

        [Fact]
        public Task NoDiagnostic_WhenEveryCallerIsSync() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Journal
            {
                public IEnumerable<string> Entries(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public int Count(string path) => Entries(path).Count();

                public void Print(string path)
                {
                    foreach (var entry in Entries(path)) System.Console.WriteLine(entry);
                }

                public Task<List<string>> Snapshot(string path) => Task.Run(() => Entries(path).ToList());

                public async Task<int> Background(string path)
                {
                    await Task.Yield();
                    return await Task.Run(() => Entries(path).Count());
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenNothingInTheCompilationEnumeratesIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public class CsvSource
            {
                public IEnumerable<string[]> Rows(TextReader reader)
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line.Split(',');
                }

                public async Task<string> Describe()
                {
                    await Task.Yield();
                    return nameof(Rows);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_SyncHalfOfAPair_WhoseAsyncHalfExists() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.IO;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            public class Rows
            {
                public IEnumerable<int> Query(DbCommand command)
                {
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) yield return reader.GetInt32(0);
                }

                public async Task<IEnumerable<int>> QueryAsync(DbCommand command)
                {
                    await Task.Yield();
                    return new List<int>();
                }

                public IEnumerable<string> Read(TextReader reader)
                {
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public async IAsyncEnumerable<string> ReadAsync(TextReader reader, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    string? line;
                    while ((line = await reader.ReadLineAsync(cancellationToken)) != null) yield return line;
                }

                public async Task Mixed(DbCommand command, TextReader reader)
                {
                    foreach (var id in Query(command)) await Task.Delay(id);
                    foreach (var line in Read(reader)) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_PrivateIteratorBehindThePublicSyncHalfOfAPair() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.Threading.Tasks;

            public static class Mapper
            {
                public static IEnumerable<T> Query<T>(this DbConnection connection, string sql)
                {
                    if (sql is null) throw new System.ArgumentNullException(nameof(sql));
                    return QueryRows<T>(connection, sql);
                }

                public static Task<IEnumerable<T>> QueryAsync<T>(this DbConnection connection, string sql) =>
                    Task.FromResult<IEnumerable<T>>(new List<T>());

                private static IEnumerable<T> QueryRows<T>(DbConnection connection, string sql)
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = sql;
                    using var reader = command.ExecuteReader();
                    while (reader.Read()) yield return reader.GetFieldValue<T>(0);
                }
            }

            class Report
            {
                public async Task Print(DbConnection connection)
                {
                    foreach (var n in connection.Query<int>("select 1")) await Task.Delay(n);
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_ImplementationOfASyncInterfaceMember() => Verify.VerifyAnalyzerAsync("""
            using System.Collections;
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            public interface ILineSource
            {
                IEnumerable<string> Lines();
            }

            public sealed class FileLines : ILineSource, IEnumerable<string>
            {
                private readonly string _path;

                public FileLines(string path) => _path = path;

                public IEnumerable<string> Lines()
                {
                    foreach (var line in File.ReadAllLines(_path)) yield return line;
                }

                public IEnumerator<string> GetEnumerator()
                {
                    using var reader = new StreamReader(_path);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
            }

            class Printer
            {
                public async Task Print(FileLines file)
                {
                    foreach (var line in file.Lines()) await Task.Delay(line.Length);
                    foreach (var line in file) await Task.Delay(line.Length);
                }
            }
            """);

        [Fact]
        public Task Reports_LinqChainEnumeratedInAnAsyncMethod() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Export
            {
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public IEnumerable<string> Chunks(IEnumerable<string> paths)
                {
                    foreach (var text in paths.Select(File.ReadAllText)) yield return text;
                }

                public async Task<int> Upload(string path)
                {
                    var count = Lines(path).Where(l => l.Length > 0).Select(l => l.Trim()).Count();
                    await Task.Delay(count);
                    return count;
                }
            }
            """);

        [Fact]
        public Task Reports_IteratorReachedThroughSyncIteratorsAndLambdas() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            class Pipeline
            {
                private static IEnumerable<string> Raw(string path)
                {
                    foreach (var line in {|YA1002:File.ReadAllLines(path)|}) yield return line;
                }

                private static IEnumerable<string> Clean(string path)
                {
                    foreach (var line in Raw(path))
                    {
                        if (line.Length > 0) yield return line.Trim();
                    }
                }

                public static IEnumerable<string> Upper(string path) => Clean(path).Select(l => l.ToUpperInvariant());

                private static IEnumerable<int> Sizes(TextReader reader)
                {
                    yield return {|YA1002:reader.ReadToEnd()|}.Length;
                }

                public static async Task Run(string[] paths, TextReader reader)
                {
                    foreach (var line in paths.SelectMany(p => Upper(p))) await Task.Delay(line.Length);
                    Func<Task> later = async () =>
                    {
                        foreach (var size in Sizes(reader)) await Task.Delay(size);
                    };
                    await later();
                }
            }
            """);

        [Fact]
        public Task ReportsOnlyWhereTheAsyncMethodReadsIt_NotWhereItHandsItBack() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Data.Common;
            using System.Linq;
            using System.Threading.Tasks;

            static class Rows
            {
                private static IEnumerable<int> Stream(DbDataReader reader)
                {
                    while (reader.Read()) yield return reader.GetInt32(0);
                }

                private static IEnumerable<int> Mapped(DbDataReader reader)
                {
                    while ({|YA1002:reader.Read()|}) yield return reader.GetInt32(0) * 2;
                }

                public static async Task<IEnumerable<int>> Open(DbCommand command)
                {
                    var reader = await command.ExecuteReaderAsync();
                    var deferred = Stream(reader);
                    return deferred;
                }

                public static async Task<IEnumerable<int>> Load(DbCommand command, bool buffered)
                {
                    var reader = await command.ExecuteReaderAsync();
                    var results = Mapped(reader);
                    return buffered ? results.ToList() : results;
                }
            }
            """);

        [Fact]
        public Task Reports_AsyncIteratorConsumingAGenerator() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;
            using System.Threading.Tasks;

            class Relay
            {
                private IEnumerable<string> Lines(TextReader reader)
                {
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }

                public async IAsyncEnumerable<string> Forward(TextReader reader)
                {
                    foreach (var line in Lines(reader))
                    {
                        await Task.Yield();
                        yield return line;
                    }
                }
            }
            """);

        #endregion
    }
}
