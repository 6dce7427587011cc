using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA3003DeferredExecutionEscapesTryAnalyzer, YieldAwait.CodeFixes.Rules.YA3003DeferredExecutionEscapesTryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA3003DeferredExecutionEscapesTryTests
    {
        #region Bare queries and projections that can throw (issues 12 and 16)

        private const string Data = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Threading.Tasks;

            sealed class Order
            {
                public int Id { get; set; }
                public string Code { get; set; } = "";
            }

            class Context
            {
                public IQueryable<Order> Orders => Set<Order>();

                public IQueryable<T> Set<T>() => throw new NotSupportedException();
            }

            sealed class StoreException : Exception { }

            record Line(string Text, int Number);

            sealed class Code
            {
                public Code(string value)
                {
                    if (value.Length != 3) throw new ArgumentException("three letters", nameof(value));
                    Value = value;
                }

                public string Value { get; }
            }

            static class Codes
            {
                private static readonly Dictionary<string, int> Known = new();

                public static int Lookup(string code) =>
                    Known.TryGetValue(code, out var id) ? id : throw new KeyNotFoundException(code);

                public static Line ToLine(string text) => new Line(text, int.Parse(text.Substring(0, 2)));

                public static int Length(string text) => text.Length;
            }

            """;

        [Fact]
        public Task Reports_BareQueryReturnedFromTry() => Verify.VerifyAnalyzerAsync(Data + """
            class Orders
            {
                private readonly Context _db = new();

                public IQueryable<Order> All()
                {
                    try
                    {
                        return {|#0:_db.Orders|};
                    }
                    catch (StoreException)
                    {
                        return Enumerable.Empty<Order>().AsQueryable();
                    }
                }

                public IQueryable<Order> Set()
                {
                    try
                    {
                        return {|YA3003:_db.Set<Order>()|};
                    }
                    catch (Exception)
                    {
                        return Enumerable.Empty<Order>().AsQueryable();
                    }
                }

                public IEnumerable<Order> AsSequence()
                {
                    try
                    {
                        return {|YA3003:_db.Orders.AsEnumerable()|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Order>();
                    }
                }
            }
            """,
            Verify.Diagnostic("YA3003").WithLocation(0).WithArguments("IQueryable query"));

        [Fact]
        public Task Reports_ProjectionCallingAMethodThatThrowsWhatTheCatchCatches() => Verify.VerifyAnalyzerAsync(Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return {|YA3003:codes.Select(c => Codes.Lookup(c))|};
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public async Task<IEnumerable<Line>> LinesAsync(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return {|YA3003:lines.Select(Codes.ToLine)|};
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<Line>();
                    }
                }

                public IEnumerable<Code> Validated(string[] raw)
                {
                    try
                    {
                        Console.WriteLine(raw.Length);
                        return {|YA3003:raw.Select(r => new Code(r))|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Code>();
                    }
                }
            }
            """);

        private const string TreeNodes = """
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            sealed class Node
            {
                public Node()
                {
                    Kind = "folder";
                    Leaf = false;
                }

                public string Id { get; set; } = "";
                public string Text { get; set; } = "";
                public string Kind { get; init; }
                public bool Leaf { get; set; }
            }

            sealed class CheckedNode
            {
                public CheckedNode(string id)
                {
                    Id = id.Length > 0 ? id : throw new ArgumentException("empty", nameof(id));
                }

                public string Id { get; }
            }

            sealed class LoadedNode
            {
                private readonly string[] _lines = File.ReadAllLines("nodes.txt");

                public LoadedNode() { }

                public int Count => _lines.Length;
            }

            sealed record Database(string Server, string Name);

            static class Paths
            {
                public static string WithSeparator(string path) => WithSeparator(path, Path.DirectorySeparatorChar.ToString());

                public static string WithSeparator(string path, string separator) =>
                    !path.EndsWith(separator, StringComparison.Ordinal) ? path + separator : path;

                public static string Checked(string path) =>
                    File.Exists(path) ? path : throw new FileNotFoundException(path);
            }

            class Catalog
            {
                private readonly List<Database> _databases = new();

                private void Refresh() { }

            """;

        [Fact]
        public Task NoDiagnostic_ProjectionThatOnlyBuildsStringsAndPaths() => Verify.VerifyAnalyzerAsync(TreeNodes + """
                public IEnumerable<Node> Servers(string root)
                {
                    try
                    {
                        Refresh();
                        return _databases.Select(d => d.Server).Distinct().Select(server => new Node
                        {
                            Id = Paths.WithSeparator(string.Join(Path.DirectorySeparatorChar, root, server)),
                            Text = server.Trim().ToUpperInvariant(),
                        });
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Node>();
                    }
                }

                public IEnumerable<Node> Databases(string[] segments)
                {
                    try
                    {
                        Refresh();
                        if (segments.Length == 3)
                        {
                            return _databases.Where(d => d.Server == segments[1] && d.Name != segments[2]).Select(d => new Node
                            {
                                Id = Path.Combine(string.Join(Path.DirectorySeparatorChar, segments.Append(d.Name)), d.Name.Length.ToString()),
                                Text = d.Name,
                                Leaf = string.IsNullOrEmpty(d.Server),
                            });
                        }

                        if (segments.Length > 1 && segments[0] != "")
                        {
                            return _databases.Where(d => d.Server == segments[1]).Select(d => new Node { Text = d.Name });
                        }

                        return Array.Empty<Node>();
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Node>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_ProjectionWhoseHelperCanFail() => Verify.VerifyAnalyzerAsync(TreeNodes + """
                public IEnumerable<Node> Checked(string root)
                {
                    try
                    {
                        Refresh();
                        return {|YA3003:_databases.Select(d => new Node { Id = Paths.Checked(Path.Combine(root, d.Name)) })|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Node>();
                    }
                }

                public IEnumerable<Node> Unchecked(string[] segments)
                {
                    try
                    {
                        Refresh();
                        if (segments.Length == 2)
                        {
                            return {|YA3003:_databases.Where(d => d.Server == segments[2]).Select(d => new Node { Text = d.Name })|};
                        }

                        return {|YA3003:_databases.Where(d => d.Server == segments[0]).Select(d => new Node { Text = d.Name })|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Node>();
                    }
                }

                public IEnumerable<CheckedNode> Validated()
                {
                    try
                    {
                        Refresh();
                        return {|YA3003:_databases.Select(d => new CheckedNode(d.Name))|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<CheckedNode>();
                    }
                }

                public IEnumerable<int> Loaded()
                {
                    try
                    {
                        Refresh();
                        return {|YA3003:_databases.Select(d => new LoadedNode().Count)|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<int>();
                    }
                }

                public IEnumerable<Node> Formatted(string root)
                {
                    try
                    {
                        Refresh();
                        return {|YA3003:_databases.Select(d => new Node { Text = d.Name.Length.ToString("Z9"), Id = d.Name.Substring(3) })|};
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Node>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_BareQueryAndProjectionLookAlikes() => Verify.VerifyAnalyzerAsync(Data + """
            class Loader
            {
                private readonly Context _db = new();

                public List<Order> Materialised()
                {
                    try
                    {
                        return _db.Orders.ToList();
                    }
                    catch (StoreException)
                    {
                        return new List<Order>();
                    }
                }

                public IQueryable<Order> NoCatch()
                {
                    try
                    {
                        return _db.Orders;
                    }
                    finally
                    {
                        Console.WriteLine("done");
                    }
                }

                public async Task<IEnumerable<Line>> RecordsOnly(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select((l, i) => new Line(l, i)).Select(l => (l.Text, l.Number)).Select(t => new Line(t.Text, t.Number));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<Line>();
                    }
                }

                public async Task<IEnumerable<KeyValuePair<string, int>>> PairsOnly(string path)
                {
                    try
                    {
                        var lines = await File.ReadAllLinesAsync(path);
                        return lines.Select(l => new Tuple<string, int>(l, l.Length)).Select(t => new KeyValuePair<string, int>(t.Item1, t.Item2));
                    }
                    catch (Exception)
                    {
                        return Array.Empty<KeyValuePair<string, int>>();
                    }
                }

                public async Task<IEnumerable<int>> OtherException(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => Codes.Lookup(c));
                    }
                    catch (IOException)
                    {
                        return Array.Empty<int>();
                    }
                }

                public async Task<IEnumerable<int>> MembersOnly(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => c.Length).Where(n => n > 0);
                    }
                    catch (FormatException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_InHalfTypedQueries() => new Verify.Test
        {
            TestCode = Data + """
                class Loader
                {
                    private readonly Context _db = new();

                    public IQueryable<Order> All()
                    {
                        try
                        {
                            return _db.Missing;
                        }
                        catch (StoreException)
                        {
                            return _db.Orders.Select(o => Codes.Lookup(
                        }
                    }
                }
                """,
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        }.RunAsync(System.Threading.CancellationToken.None);

        [Fact]
        public Task Fix_MaterialisesAProjectionThatCanThrow() => VerifyFix.VerifyCodeFixAsync(Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return {|YA3003:codes.Select(c => Codes.Lookup(c))|};
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """, Data + """
            class Loader
            {
                public async Task<IEnumerable<int>> IdsAsync(string path)
                {
                    try
                    {
                        var codes = await File.ReadAllLinesAsync(path);
                        return codes.Select(c => Codes.Lookup(c)).ToList();
                    }
                    catch (KeyNotFoundException)
                    {
                        return Array.Empty<int>();
                    }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_FileSystemEnumerationUnderACatchForOpeningErrors() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;
            using System.Security;

            class Scanner
            {
                public IEnumerable<string> Entries(string path)
                {
                    try
                    {
                        return Directory.EnumerateFileSystemEntries(path, "*", new EnumerationOptions { RecurseSubdirectories = true });
                    }
                    catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or SecurityException)
                    {
                        return Enumerable.Empty<string>();
                    }
                }

                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        return File.ReadLines(path);
                    }
                    catch (FileNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                    catch (DirectoryNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        [Fact]
        public Task Reports_FileSystemEnumerationUnderACatchForLaterErrors() => Verify.VerifyAnalyzerAsync("""
            using System;
            using System.Collections.Generic;
            using System.IO;
            using System.Linq;

            class Scanner
            {
                public IEnumerable<string> Recursive(string path)
                {
                    try
                    {
                        return {|YA3003:Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)|};
                    }
                    catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException)
                    {
                        return Enumerable.Empty<string>();
                    }
                }

                public IEnumerable<string> Lines(string path)
                {
                    try
                    {
                        return {|YA3003:File.ReadLines(path)|};
                    }
                    catch (FileNotFoundException)
                    {
                        return Array.Empty<string>();
                    }
                    catch (IOException)
                    {
                        return Array.Empty<string>();
                    }
                }
            }
            """);

        #endregion
    }
}
