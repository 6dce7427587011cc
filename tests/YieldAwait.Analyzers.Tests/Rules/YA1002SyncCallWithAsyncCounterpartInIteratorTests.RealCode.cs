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
        #region Review of real-code look-alikes

        [Fact]
        public Task NoDiagnostic_InMemoryAndConsoleReadersHeldInLocals() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;

            class Lines
            {
                public IEnumerable<string> FromText(string text)
                {
                    using TextReader reader = new StringReader(text);
                    string? line;
                    while ((line = reader.ReadLine()) != null) yield return line;
                }

                public IEnumerable<string> FromConsole()
                {
                    var input = Console.In;
                    string? line;
                    while ((line = input.ReadLine()) != null) yield return line;
                }

                public IEnumerable<string> Existing(IEnumerable<string> paths)
                {
                    foreach (var path in paths)
                    {
                        if (File.Exists(path)) yield return path;
                    }
                }

                public IEnumerable<int> Bytes(byte[] data)
                {
                    using Stream stream = new MemoryStream(data);
                    var buffer = new byte[16];
                    int read;
                    while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) yield return read;
                }
            }
            """);

        [Fact]
        public Task Reports_ReaderLocalThatIsAssignedAFileReaderLater() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Lines
            {
                public IEnumerable<string> Read(string text, string? path)
                {
                    TextReader reader = new StringReader(text);
                    if (path != null) reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_DisposeInFinally() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Files
            {
                public IEnumerable<char> Chars(string path)
                {
                    var reader = File.OpenText(path);
                    try
                    {
                        int c;
                        while ((c = reader.Peek()) >= 0)
                        {
                            reader.Read();
                            yield return (char)c;
                        }
                    }
                    finally
                    {
                        reader.Dispose();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ReadLineOnAFileReader() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.IO;

            class Files
            {
                public IEnumerable<string> Lines(string path)
                {
                    using var reader = new StreamReader(path);
                    string? line;
                    while ((line = {|YA1002:reader.ReadLine()|}) != null) yield return line;
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_CallsWithoutAMatchingAsyncTwin() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Text.Json;
            using System.Threading;
            using System.Threading.Tasks;

            class Jobs
            {
                public IEnumerable<int> Run(IEnumerable<string> names, string json)
                {
                    var items = JsonSerializer.Deserialize<int[]>(json)!;
                    Parallel.ForEach(names, name => Console.WriteLine(name));
                    Thread.Sleep(10);
                    Directory.CreateDirectory("out");
                    File.Delete("out/tmp");
                    foreach (var item in items) yield return item;
                }
            }
            """);

        #endregion
    }
}
