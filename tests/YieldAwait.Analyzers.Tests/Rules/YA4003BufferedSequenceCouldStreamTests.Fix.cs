using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4003BufferedSequenceCouldStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA4003BufferedSequenceCouldStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public partial class YA4003BufferedSequenceCouldStreamTests
    {
        #region Code fix

        private const string FixedUsings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static Task VerifyFixAsync(string source, string fixedSource) =>
            Verify.VerifyCodeFixAsync(Usings + source + Store, FixedUsings + fixedSource + Store);

        [Fact]
        public Task Fix_StreamsTheMethod_AndCallersAwaitForEach_WithTheirToken() => VerifyFixAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                // Every order, page by page.
                async Task<List<Order>> {|YA4003:LoadAsync|}(int pages)
                {
                    // One list for all pages.
                    var orders = new List<Order>();
                    for (var page = 0; page < pages; page++)
                    {
                        var order = await _store.NextAsync(page);
                        if (order is null)
                            return orders;
                        orders.Add(order); // keep it
                    }

                    // Done.
                    return orders;
                }

                async Task PrintAsync(CancellationToken stop)
                {
                    foreach (var order in await LoadAsync(3))
                    {
                        System.Console.WriteLine(order.Id);
                    }

                    // Second pass.
                    var again = await LoadAsync(pages: 1);
                    foreach (var order in again)
                        System.Console.WriteLine(order.Id);
                }
            }
            """, """
            class Orders
            {
                private readonly Store _store = new Store();

                // Every order, page by page.
                async IAsyncEnumerable<Order> LoadAsync(int pages, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    // One list for all pages.
                    for (var page = 0; page < pages; page++)
                    {
                        var order = await _store.NextAsync(page);
                        if (order is null)
                            yield break;
                        yield return order; // keep it
                    }

                    // Done.
                }

                async Task PrintAsync(CancellationToken stop)
                {
                    await foreach (var order in LoadAsync(3, stop))
                    {
                        System.Console.WriteLine(order.Id);
                    }

                    // Second pass.
                    await foreach (var order in LoadAsync(pages: 1, cancellationToken: stop))
                        System.Console.WriteLine(order.Id);
                }
            }
            """);

        [Fact]
        public Task Fix_DecoratesTheExistingToken_AndKeepsTokensCallersPass() => VerifyFixAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<Order[]> {|YA4003:LoadAsync|}(CancellationToken cancellationToken)
                {
                    List<Order> orders = [];
                    while (await _store.NextAsync(cancellationToken) is { } order)
                        orders.Add(order);
                    return orders.ToArray();
                }

                async Task PrintAsync(CancellationToken stop)
                {
                    foreach (var order in await LoadAsync(stop))
                        System.Console.WriteLine(order.Id);
                    foreach (var order in await LoadAsync(CancellationToken.None))
                        System.Console.WriteLine(order.Id);
                }

                async Task NoTokenAsync()
                {
                    foreach (var order in await LoadAsync(default))
                        System.Console.WriteLine(order.Id);
                }
            }
            """, """
            class Orders
            {
                private readonly Store _store = new Store();

                async IAsyncEnumerable<Order> LoadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
                {
                    while (await _store.NextAsync(cancellationToken) is { } order)
                        yield return order;
                }

                async Task PrintAsync(CancellationToken stop)
                {
                    await foreach (var order in LoadAsync(stop))
                        System.Console.WriteLine(order.Id);
                    await foreach (var order in LoadAsync(CancellationToken.None))
                        System.Console.WriteLine(order.Id);
                }

                async Task NoTokenAsync()
                {
                    await foreach (var order in LoadAsync(default))
                        System.Console.WriteLine(order.Id);
                }
            }
            """);

        [Fact]
        public Task Fix_GenericMethod_ValueTask_AndLambdaCaller() => VerifyFixAsync("""
            class Pages
            {
                static async ValueTask<IReadOnlyList<T>> {|YA4003:CollectAsync|}<T>(IAsyncEnumerable<T> source, System.Func<T, bool> keep)
                {
                    var kept = new List<T>();
                    await foreach (var item in source)
                    {
                        if (keep(item))
                            kept.Add(item);
                    }

                    return kept;
                }

                System.Func<IAsyncEnumerable<(int, int)>, CancellationToken, Task> Print = async (source, token) =>
                {
                    foreach (var (n, i) in await CollectAsync(source, p => p.Item1 > 0)) { }
                    foreach ((int, int) n in await CollectAsync<(int, int)>(source, p => p.Item2 > 0))
                        System.Console.WriteLine(n);
                };
            }
            """, """
            class Pages
            {
                static async IAsyncEnumerable<T> CollectAsync<T>(IAsyncEnumerable<T> source, System.Func<T, bool> keep, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var item in source)
                    {
                        if (keep(item))
                            yield return item;
                    }
                }

                System.Func<IAsyncEnumerable<(int, int)>, CancellationToken, Task> Print = async (source, token) =>
                {
                    await foreach (var (n, i) in CollectAsync(source, p => p.Item1 > 0, token)) { }
                    await foreach ((int, int) n in CollectAsync<(int, int)>(source, p => p.Item2 > 0, token))
                        System.Console.WriteLine(n);
                };
            }
            """);

        [Fact]
        public async Task Fix_ConvertsCallersInOtherDocumentsAndProjects()
        {
            var test = new Verify.Test();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(("/0/Orders.cs", Usings + """
                public class Orders
                {
                    private readonly Store _store = new Store();

                    public async Task<List<int>> {|YA4003:IdsAsync|}()
                    {
                        var ids = new List<int>();
                        while (await _store.ReadAsync())
                            ids.Add(_store.Current.Id);
                        return ids;
                    }

                    public static async Task Main()
                    {
                        foreach (var id in await new Orders().IdsAsync())
                            System.Console.WriteLine(id);
                    }
                }
                """ + Store.Replace("sealed class", "public sealed class")));
            test.TestState.Sources.Add(("/0/Report.cs", Usings + """
                class Report
                {
                    async Task PrintAsync(Orders orders, CancellationToken cancellationToken)
                    {
                        var ids = await orders.IdsAsync();
                        foreach (var id in ids)
                            System.Console.WriteLine(id);
                    }
                }
                """));
            test.TestState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.TestState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["App"].Sources.Add(("/App/Use.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    static async Task RunAsync(CancellationToken ct)
                    {
                        foreach (var id in await new Orders().IdsAsync())
                            System.Console.WriteLine(id);
                    }
                }
                """));
            test.FixedState.OutputKind = OutputKind.ConsoleApplication;
            test.FixedState.Sources.Add(("/0/Orders.cs", FixedUsings + """
                public class Orders
                {
                    private readonly Store _store = new Store();

                    public async IAsyncEnumerable<int> IdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                    {
                        while (await _store.ReadAsync())
                            yield return _store.Current.Id;
                    }

                    public static async Task Main()
                    {
                        await foreach (var id in new Orders().IdsAsync())
                            System.Console.WriteLine(id);
                    }
                }
                """ + Store.Replace("sealed class", "public sealed class")));
            test.FixedState.Sources.Add(("/0/Report.cs", Usings + """
                class Report
                {
                    async Task PrintAsync(Orders orders, CancellationToken cancellationToken)
                    {
                        await foreach (var id in orders.IdsAsync(cancellationToken))
                            System.Console.WriteLine(id);
                    }
                }
                """));
            test.FixedState.AdditionalProjects.Add("App", new ProjectState("App", LanguageNames.CSharp, "/App/", "cs"));
            test.FixedState.AdditionalProjects["App"].AdditionalProjectReferences.Add("TestProject");
            test.FixedState.AdditionalProjects["App"].Sources.Add(("/App/Use.cs", """
                using System.Threading;
                using System.Threading.Tasks;

                class Use
                {
                    static async Task RunAsync(CancellationToken ct)
                    {
                        await foreach (var id in new Orders().IdsAsync(ct))
                            System.Console.WriteLine(id);
                    }
                }
                """));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public async Task Fix_NotOffered_WhenACallerInAnotherProjectNeedsTheList()
        {
            var test = new Verify.Test();
            test.TestState.OutputKind = OutputKind.ConsoleApplication;
            test.TestState.Sources.Add(("/0/Orders.cs", Usings + """
                public class Orders
                {
                    private readonly Store _store = new Store();

                    public async Task<List<int>> {|YA4003:IdsAsync|}()
                    {
                        var ids = new List<int>();
                        while (await _store.ReadAsync())
                            ids.Add(_store.Current.Id);
                        return ids;
                    }

                    public static async Task Main()
                    {
                        foreach (var id in await new Orders().IdsAsync())
                            System.Console.WriteLine(id);
                    }
                }
                """ + Store.Replace("sealed class", "public sealed class")));
            test.TestState.AdditionalProjects.Add("Tests", new ProjectState("Tests", LanguageNames.CSharp, "/Tests/", "cs"));
            test.TestState.AdditionalProjects["Tests"].AdditionalProjectReferences.Add("TestProject");
            test.TestState.AdditionalProjects["Tests"].Sources.Add(("/Tests/OrdersTests.cs", """
                using System.Threading.Tasks;

                class OrdersTests
                {
                    async Task<int> CountAsync() => (await new Orders().IdsAsync()).Count;
                }
                """));
            test.FixedState.MarkupHandling = MarkupMode.Allow;
            test.FixedState.InheritanceMode = StateInheritanceMode.AutoInheritAll;
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_AddsTheUsingForIAsyncEnumerable() => Verify.VerifyCodeFixAsync("""
            using System.Threading.Tasks;

            class Names
            {
                async Task<System.Collections.Generic.List<string>> {|YA4003:NamesAsync|}(string[] keys)
                {
                    var names = new System.Collections.Generic.List<string>(keys.Length);
                    foreach (var key in keys)
                        names.Add(await Task.FromResult(key));
                    return names;
                }

                async Task PrintAsync()
                {
                    foreach (var name in await NamesAsync(new[] { "a" }))
                        System.Console.WriteLine(name);
                }
            }
            """, """
            using System.Collections.Generic;
            using System.Runtime.CompilerServices;
            using System.Threading;
            using System.Threading.Tasks;

            class Names
            {
                async IAsyncEnumerable<string> NamesAsync(string[] keys, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var key in keys)
                        yield return await Task.FromResult(key);
                }

                async Task PrintAsync()
                {
                    await foreach (var name in NamesAsync(new[] { "a" }))
                        System.Console.WriteLine(name);
                }
            }
            """);

        [Theory]
        [InlineData("true", "LoadAsync")]
        [InlineData("auto", "LoadAsync")]
        [InlineData("false", "Load")]
        public async Task Fix_FollowsTheAsyncSuffixOption(string option, string newName)
        {
            var test = new Verify.Test
            {
                TestCode = Usings + """
                    class Orders
                    {
                        private readonly Store _store = new Store();

                        /// <summary>Loads; see <see cref="Load"/>.</summary>
                        async Task<List<Order>> {|YA4003:Load|}()
                        {
                            var orders = new List<Order>();
                            while (await _store.ReadAsync())
                                orders.Add(_store.Current);
                            return orders;
                        }

                        async Task PrintAsync()
                        {
                            System.Console.WriteLine(nameof(Load));
                            var orders = await Load();
                            foreach (var order in orders)
                                System.Console.WriteLine(order.Id);
                        }
                    }
                    """ + Store,
                FixedCode = FixedUsings + $$"""
                    class Orders
                    {
                        private readonly Store _store = new Store();

                        /// <summary>Loads; see <see cref="{{newName}}"/>.</summary>
                        async IAsyncEnumerable<Order> {{newName}}([EnumeratorCancellation] CancellationToken cancellationToken = default)
                        {
                            while (await _store.ReadAsync())
                                yield return _store.Current;
                        }

                        async Task PrintAsync()
                        {
                            System.Console.WriteLine(nameof({{newName}}));
                            await foreach (var order in {{newName}}())
                                System.Console.WriteLine(order.Id);
                        }
                    }
                    """ + Store,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", $"root = true\n\n[*]\nyieldawait.async_suffix = {option}\n"));
            await test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Fix_KeepsConfigureAwait_OnTheStream() => VerifyFixAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                internal async Task<List<Order>> {|YA4003:LoadAsync|}(CancellationToken cancellationToken = default)
                {
                    var orders = new List<Order>();
                    while (await _store.NextAsync(cancellationToken).ConfigureAwait(false) is { } order)
                        orders.Add(order);
                    return orders;
                }

                internal async Task PrintAsync(CancellationToken cancellationToken)
                {
                    foreach (var order in await LoadAsync().ConfigureAwait(false))
                        System.Console.WriteLine(order.Id);
                    var again = await LoadAsync(cancellationToken).ConfigureAwait(continueOnCapturedContext: false);
                    foreach (var order in again)
                        System.Console.WriteLine(order.Id);
                }
            }
            """, """
            class Orders
            {
                private readonly Store _store = new Store();

                internal async IAsyncEnumerable<Order> LoadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (await _store.NextAsync(cancellationToken).ConfigureAwait(false) is { } order)
                        yield return order;
                }

                internal async Task PrintAsync(CancellationToken cancellationToken)
                {
                    await foreach (var order in LoadAsync(cancellationToken).ConfigureAwait(false))
                        System.Console.WriteLine(order.Id);
                    await foreach (var order in LoadAsync(cancellationToken).ConfigureAwait(continueOnCapturedContext: false))
                        System.Console.WriteLine(order.Id);
                }
            }
            """);

        [Fact]
        public Task Fix_NotOffered_WhenTheNewTokenWouldShadowAField()
        {
            const string source = """
                class Orders
                {
                    private readonly Store _store = new Store();
                    private readonly CancellationToken cancellationToken = CancellationToken.None;

                    async Task<List<Order>> {|YA4003:LoadAsync|}()
                    {
                        var orders = new List<Order>();
                        while (await _store.NextAsync(cancellationToken) is { } order)
                            orders.Add(order);
                        return orders;
                    }

                    async Task PrintAsync()
                    {
                        foreach (var order in await LoadAsync())
                            System.Console.WriteLine(order.Id);
                    }
                }
                """;
            return Verify.VerifyCodeFixAsync(Usings + source + Store, Usings + source + Store);
        }

        [Fact]
        public Task FixAll_StreamsEveryMethod_IncludingOneThatCallsAnother() => VerifyFixAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<Order>> {|YA4003:LoadAsync|}()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }

                async Task<List<int>> {|YA4003:IdsAsync|}()
                {
                    var ids = new List<int>();
                    foreach (var order in await LoadAsync())
                        ids.Add(order.Id);
                    return ids;
                }

                async Task PrintAsync(CancellationToken cancellationToken)
                {
                    foreach (var id in await IdsAsync())
                        System.Console.WriteLine(id);
                }
            }
            """, """
            class Orders
            {
                private readonly Store _store = new Store();

                async IAsyncEnumerable<Order> LoadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    while (await _store.ReadAsync())
                        yield return _store.Current;
                }

                async IAsyncEnumerable<int> IdsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    await foreach (var order in LoadAsync())
                        yield return order.Id;
                }

                async Task PrintAsync(CancellationToken cancellationToken)
                {
                    await foreach (var id in IdsAsync(cancellationToken))
                        System.Console.WriteLine(id);
                }
            }
            """);

        #endregion
    }
}
