using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA4003BufferedSequenceCouldStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA4003BufferedSequenceCouldStreamCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    public class YA4003BufferedSequenceCouldStreamTests
    {
        /// <summary>A repository that awaits one page at a time; the producers below buffer what it returns.</summary>
        private const string Store = """

            sealed class Order { public int Id; }

            sealed class Store
            {
                public Task<Order?> NextAsync(CancellationToken cancellationToken = default) => Task.FromResult<Order?>(null);
                public Task<Order?> NextAsync(int page) => Task.FromResult<Order?>(null);
                public Task<bool> ReadAsync() => Task.FromResult(false);
                public Order Current => new Order();
            }
            """;

        private const string Usings = """
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading;
            using System.Threading.Tasks;

            """;

        private static Task VerifyAsync(string source) => Verify.VerifyAnalyzerAsync(Usings + source + Store);

        #region Reported

        [Fact]
        public Task Reports_ListFilledInAwaitingWhileLoop_EnumeratedByCaller() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<Order>> {|YA4003:LoadAsync|}()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                    {
                        orders.Add(_store.Current);
                    }

                    return orders;
                }

                async Task PrintAsync()
                {
                    foreach (var order in await LoadAsync())
                    {
                        System.Console.WriteLine(order.Id);
                    }
                }
            }
            """);

        [Theory]
        [InlineData("Task<IEnumerable<Order>>", "return orders;")]
        [InlineData("Task<IReadOnlyList<Order>>", "return orders;")]
        [InlineData("Task<IReadOnlyCollection<Order>>", "return orders;")]
        [InlineData("Task<IList<Order>>", "return orders;")]
        [InlineData("Task<ICollection<Order>>", "return orders;")]
        [InlineData("Task<Order[]>", "return orders.ToArray();")]
        [InlineData("ValueTask<List<Order>>", "return orders;")]
        public Task Reports_EveryBufferedReturnShape(string returnType, string returnStatement) => VerifyAsync($$"""
            class Orders
            {
                private readonly Store _store = new Store();

                async {{returnType}} {|YA4003:LoadAsync|}(int pages)
                {
                    List<Order> orders = [];
                    for (var page = 0; page < pages; page++)
                    {
                        var order = await _store.NextAsync(page);
                        if (order is null)
                            break;
                        orders.Add(order);
                    }

                    {{returnStatement}}
                }

                async Task PrintAsync()
                {
                    var orders = await LoadAsync(3);
                    foreach (var order in orders)
                        System.Console.WriteLine(order.Id);
                }
            }
            """);

        [Fact]
        public Task Reports_AwaitForEachSource_AndEveryCallerEnumerates() => VerifyAsync("""
            class Orders
            {
                async Task<List<int>> {|YA4003:IdsAsync|}(IAsyncEnumerable<Order> source)
                {
                    var ids = new List<int>();
                    await foreach (var order in source)
                    {
                        ids.Add(order.Id);
                    }

                    return ids;
                }

                async Task<int> SumAsync(IAsyncEnumerable<Order> source)
                {
                    var sum = 0;
                    foreach (var id in await IdsAsync(source))
                        sum += id;
                    foreach (var id in await IdsAsync(source))
                        sum -= id;
                    return sum;
                }
            }
            """);

        [Fact]
        public Task Reports_AddsUnderUsingAndSwitch_AndAnExplicitlyTypedCaller() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                private async Task<IReadOnlyList<string>> {|YA4003:LabelsAsync|}(int[] pages, CancellationToken cancellationToken)
                {
                    var labels = new List<string>(pages.Length);
                    foreach (var page in pages)
                    {
                        using var scope = new System.IO.MemoryStream();
                        var order = await _store.NextAsync(page);
                        switch (order)
                        {
                            case null:
                                continue;
                            case { Id: > 100 }:
                                labels.Add("big " + order.Id);
                                break;
                            default:
                                labels.Add(order.Id.ToString());
                                break;
                        }
                    }

                    return labels;
                }

                internal async Task PrintAsync(CancellationToken cancellationToken)
                {
                    IReadOnlyList<string> labels = await LabelsAsync(new[] { 1, 2 }, cancellationToken);
                    foreach (string label in labels)
                        System.Console.WriteLine(label);
                }
            }
            """);

        #endregion

        #region Not reported

        [Theory]
        [InlineData("var n = (await LoadAsync()).Count;")]
        [InlineData("var first = (await LoadAsync())[0];")]
        [InlineData("var list = await LoadAsync(); list.Sort((a, b) => a.Id - b.Id); foreach (var o in list) { }")]
        [InlineData("var list = await LoadAsync(); foreach (var o in list) { } foreach (var o in list) { }")]
        [InlineData("var list = await LoadAsync(); System.Console.WriteLine(list.Count); foreach (var o in list) { }")]
        [InlineData("var list = await LoadAsync(); foreach (var o in list) { } System.Console.WriteLine(list.Count);")]
        [InlineData("var list = await LoadAsync(); System.Console.WriteLine(); foreach (var o in list) { }")]
        [InlineData("_cache = await LoadAsync();")]
        [InlineData("Use(await LoadAsync());")]
        [InlineData("await LoadAsync();")]
        [InlineData("_ = await LoadAsync();")]
        [InlineData("var ids = (await LoadAsync()).Select(o => o.Id);")]
        [InlineData("foreach (var o in (await LoadAsync()).Where(o => o.Id > 0)) { }")]
        [InlineData("var all = await Task.WhenAll(LoadAsync(), LoadAsync());")]
        [InlineData("var task = LoadAsync(); foreach (var o in await task) { }")]
        [InlineData("foreach (var o in LoadAsync().Result) { }")]
        [InlineData("System.Func<Task<List<Order>>> load = LoadAsync;")]
        [InlineData("foreach (var o in await LoadAsync().ConfigureAwait(false)) { } _ = await LoadAsync().ConfigureAwait(false);")]
        [InlineData("var t = LoadAsync().ConfigureAwait(false); foreach (var o in await t) { }")]
        [InlineData("await LoadAsync().ContinueWith(t => t.Result.Count);")]
        [InlineData("var list = await LoadAsync(); System.Action a = () => System.Console.WriteLine(list.Count); foreach (var o in list) { }")]
        [InlineData("var list = await LoadAsync(); foreach (var o in list) { if (list.Count > 1) break; }")]
        [InlineData("List<Order> list; list = await LoadAsync(); foreach (var o in list) { }")]
        [InlineData("var list = await LoadAsync(); { foreach (var o in list) { } }")]
        [InlineData("var list = await LoadAsync(); while (true) { foreach (var o in list) { } break; }")]
        [InlineData("var copy = (await LoadAsync()).ToArray();")]
        [InlineData("var any = (await LoadAsync()).Any();")]
        [InlineData("foreach (var o in await LoadAsync() ?? new List<Order>()) { }")]
        [InlineData("foreach (var o in (await LoadAsync()).AsReadOnly()) { }")]
        [InlineData("var a = await LoadAsync(); var b = await LoadAsync(); foreach (var o in a) { }")]
        [InlineData("var lazy = new System.Lazy<Task<List<Order>>>(LoadAsync);")]
        [InlineData("System.Func<Task> f = async () => await LoadAsync();")]
        [InlineData("System.Func<Task<List<Order>>> f = async () => await LoadAsync();")]
        [InlineData("var n = nameof(LoadAsync); var c = (await LoadAsync()).Count;")]
        public Task NoDiagnostic_WhenACallerUsesTheList(string use) => VerifyAsync($$"""
            class Orders
            {
                private readonly Store _store = new Store();
                private List<Order>? _cache;

                async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }

                void Use(List<Order> orders) { }

                async Task CallerAsync()
                {
                    foreach (var o in await LoadAsync()) { }
                    {{use}}
                }
            }
            """);

        [Theory]
        [InlineData("foreach (var name in await NamesAsync()) { using var command = _connection.CreateCommand(); command.CommandText = name; await command.ExecuteNonQueryAsync(); }")]
        [InlineData("var names = await NamesAsync(); foreach (var name in names) await _connection.ChangeDatabaseAsync(name);")]
        public Task NoDiagnostic_WhenTheCallersLoopUsesTheProducersConnection(string loop) => Verify.VerifyAnalyzerAsync(Usings + $$"""
            using System.Data.Common;

            class Names
            {
                private readonly DbConnection _connection;
                public Names(DbConnection connection) => _connection = connection;

                // As a stream, the reader below would still be open while the caller runs its own command on the same
                // connection (without MARS: "There is already an open DataReader").
                private async Task<List<string>> NamesAsync()
                {
                    var names = new List<string>();
                    using var command = _connection.CreateCommand();
                    command.CommandText = "select name from t";
                    using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                        names.Add(reader.GetString(0));
                    return names;
                }

                internal async Task TouchAllAsync()
                {
                    {{loop}}
                }
            }
            """);

        [Fact]
        public Task Reports_WhenTheCallersLoopUsesOtherMembers() => Verify.VerifyAnalyzerAsync(Usings + """
            using System.Data.Common;

            class Names
            {
                private readonly DbConnection _connection;
                private readonly List<string> _seen = new();
                public Names(DbConnection connection) => _connection = connection;

                private async Task<List<string>> {|YA4003:NamesAsync|}()
                {
                    var names = new List<string>();
                    using var command = _connection.CreateCommand();
                    using var reader = await command.ExecuteReaderAsync();
                    while (await reader.ReadAsync())
                        names.Add(reader.GetString(0));
                    return names;
                }

                internal async Task RememberAllAsync()
                {
                    foreach (var name in await NamesAsync())
                        _seen.Add(name);
                }
            }
            """);

        [Theory]
        [InlineData("async Task<List<Order>> Wrapper() => await LoadAsync();")]
        [InlineData("Task<List<Order>> Wrapper() => LoadAsync();")]
        [InlineData("async Task<int> Wrapper() => (await LoadAsync()).Count;")]
        [InlineData("async Task<IEnumerable<int>> Wrapper() { var list = await LoadAsync(); return list.Select(o => o.Id); }")]
        [InlineData("async Task<List<Order>> Wrapper() { var list = await LoadAsync(); foreach (var o in list) { } return list; }")]
        [InlineData("List<Order> Wrapper() => LoadAsync().GetAwaiter().GetResult();")]
        public Task NoDiagnostic_WhenAnotherMemberNeedsTheList(string member) => VerifyAsync($$"""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }

                async Task CallerAsync()
                {
                    foreach (var o in await LoadAsync()) { }
                }

                {{member}}
            }
            """);

        [Theory]
        [InlineData("orders.Sort((a, b) => a.Id - b.Id);")]
        [InlineData("if (orders.Count == 0) return orders;")]
        [InlineData("orders.Add(new Order());")]
        [InlineData("orders.AddRange(new[] { new Order() });")]
        [InlineData("orders.Insert(0, new Order());")]
        [InlineData("System.Console.WriteLine(orders);")]
        [InlineData("orders = orders.Distinct().ToList();")]
        [InlineData("_ = orders.Select(o => o.Id);")]
        public Task NoDiagnostic_WhenTheProducerUsesTheList(string statement) => VerifyAsync($$"""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    {{statement}}
                    return orders;
                }

                async Task CallerAsync()
                {
                    foreach (var o in await LoadAsync()) { }
                }
            }
            """);

        [Theory]
        [InlineData("var orders = new List<Order>(); orders.Add(await _store.NextAsync() ?? new Order()); return orders;")]
        [InlineData("var orders = new List<Order>(); foreach (var i in new[] { 1, 2 }) orders.Add(new Order { Id = i }); await Task.Yield(); return orders;")]
        [InlineData("var orders = new List<Order>(); try { while (await _store.ReadAsync()) orders.Add(_store.Current); } catch (System.IO.IOException) { } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) { lock (_store) { orders.Add(_store.Current); } } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) { System.Action add = () => orders.Add(_store.Current); add(); } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); return new List<Order>(orders);")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); if (orders.Count > 10) return new List<Order>(); return orders;")]
        [InlineData("var orders = new List<Order> { new Order() }; while (await _store.ReadAsync()) orders.Add(_store.Current); return orders;")]
        [InlineData("var orders = new List<Order>(await CountAsync()); while (await _store.ReadAsync()) orders.Add(_store.Current); return orders;")]
        [InlineData("var orders = _shared; while (await _store.ReadAsync()) orders.Add(_store.Current); return orders;")]
        [InlineData("var orders = new List<Order>(); var gate = new SemaphoreSlim(1); while (await _store.ReadAsync()) { await gate.WaitAsync(); try { orders.Add(_store.Current); } finally { gate.Release(); } } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); System.Console.WriteLine(\"loaded\"); return orders;")]
        [InlineData("var orders = new List<Order>(); await Parallel.ForEachAsync(new[] { 1, 2 }, async (i, ct) => orders.Add(await _store.NextAsync(i) ?? new Order())); return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); return orders.ToList();")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); orders.Reverse(); return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) { orders.Add(_store.Current); if (orders.Count >= 10) break; } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); return orders.Count > 0 ? orders : new List<Order>();")]
        [InlineData("List<Order> orders = null!; orders = new List<Order>(); while (await _store.ReadAsync()) orders.Add(_store.Current); return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) { var added = orders; added.Add(_store.Current); } return orders;")]
        [InlineData("var orders = new List<Order>(); while (await _store.ReadAsync()) Collect(orders, _store.Current); return orders;")]
        [InlineData("var orders = new List<Order>(); var other = new List<Order>(); while (await _store.ReadAsync()) { orders.Add(_store.Current); other.Add(_store.Current); } _shared = other; return orders;")]
        public Task NoDiagnostic_WhenTheBodyIsNotASimpleBuffer(string body) => VerifyAsync($$"""
            class Orders
            {
                private readonly Store _store = new Store();
                private List<Order> _shared = new List<Order>();

                Task<int> CountAsync() => Task.FromResult(1);

                static void Collect(List<Order> into, Order order) => into.Add(order);

                async Task<List<Order>> LoadAsync()
                {
                    {{body}}
                }

                async Task CallerAsync()
                {
                    foreach (var o in await LoadAsync()) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenNotAsync_OrNoCallers_OrRecursive() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                Task<List<Order>> NotAsync() => Task.FromResult(new List<Order>());

                async Task<List<Order>> UnusedAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }

                async Task<List<Order>> RecursiveAsync(int depth)
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    if (depth > 0)
                        foreach (var o in await RecursiveAsync(depth - 1)) { }
                    return orders;
                }

                async Task CallerAsync()
                {
                    foreach (var o in await NotAsync()) { }
                    foreach (var o in await RecursiveAsync(1)) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheSignatureIsFixedElsewhere() => VerifyAsync("""
            interface IOrderSource { Task<List<Order>> LoadAsync(); }

            abstract class Base { public abstract Task<List<Order>> LoadAsync(); }

            class Implicit : IOrderSource
            {
                private readonly Store _store = new Store();
                public async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }
            }

            class Overriding : Base
            {
                private readonly Store _store = new Store();
                public override async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }
            }

            class Virtual
            {
                private readonly Store _store = new Store();
                public virtual async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }
            }

            class Callers
            {
                async Task RunAsync(Implicit a, Overriding b, Virtual c)
                {
                    foreach (var o in await a.LoadAsync()) { }
                    foreach (var o in await b.LoadAsync()) { }
                    foreach (var o in await c.LoadAsync()) { }
                }
            }
            """);

        /// <summary>A public, an internal and a private producer, each with one enumerating caller, in a library.</summary>
        private const string ThreeAccessibilities = """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Tests")]

            public class Orders
            {
                private readonly Store _store = new Store();

                public async Task<List<int>> {|#0:PublicAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                internal async Task<List<int>> {|#1:InternalAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                private async Task<List<int>> {|#2:PrivateAsync|}()
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                async Task PrintAsync()
                {
                    foreach (var id in await PublicAsync()) System.Console.WriteLine(id);
                    foreach (var id in await InternalAsync()) System.Console.WriteLine(id);
                    foreach (var id in await PrivateAsync()) System.Console.WriteLine(id);
                }
            }
            """;

        /// <summary>Runs <see cref="ThreeAccessibilities"/> as a library, with an optional .editorconfig and public-API files.</summary>
        private static Task VerifyApiSurfaceAsync(string? editorConfig, bool tracksPublicApi, params int[] reported)
        {
            var test = new Verify.Test { TestCode = Usings + ThreeAccessibilities + Store };
            test.TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;
            if (editorConfig is not null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig + "\n"));
            }

            if (tracksPublicApi)
            {
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Shipped.txt", "#nullable enable\nOrders\nOrders.Orders() -> void\n"));
                test.TestState.AdditionalFiles.Add(("/0/PublicAPI.Unshipped.txt", ""));
            }

            foreach (var location in reported)
            {
                var name = location switch { 0 => "PublicAsync", 1 => "InternalAsync", _ => "PrivateAsync" };
                test.ExpectedDiagnostics.Add(Verify.Diagnostic("YA4003").WithLocation(location).WithArguments(name, "int"));
            }

            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task Reports_EveryAccessibility_ByDefault_EvenInALibraryThatShowsItsInternals() =>
            VerifyApiSurfaceAsync(null, tracksPublicApi: false, 0, 1, 2);

        [Fact]
        public Task NoDiagnostic_OnPublicMembers_WhenTheLibraryTracksItsPublicApi() =>
            VerifyApiSurfaceAsync(null, tracksPublicApi: true, 1, 2);

        [Theory]
        [InlineData("dotnet_code_quality.api_surface = private", false, new[] { 2 })]
        [InlineData("dotnet_code_quality.api_surface = internal, private", false, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = friend", false, new[] { 1 })]
        [InlineData("dotnet_code_quality.api_surface = all", true, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = public", true, new[] { 0 })]
        [InlineData("dotnet_code_quality.YA4003.api_surface = public", false, new[] { 0 })]
        [InlineData("dotnet_code_quality.api_surface = private\ndotnet_code_quality.YA4003.api_surface = public, internal", false, new[] { 0, 1 })]
        [InlineData("dotnet_code_quality.YA4001.api_surface = private", false, new[] { 0, 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface = everything", true, new[] { 1, 2 })]
        [InlineData("dotnet_code_quality.api_surface =", false, new[] { 0, 1, 2 })]
        public Task ApiSurfaceOption_ChoosesTheAccessibilities(string editorConfig, bool tracksPublicApi, int[] reported) =>
            VerifyApiSurfaceAsync(editorConfig, tracksPublicApi, reported);

        [Fact]
        public Task NoDiagnostic_WhenTheListIsOfAnotherElementTypeOrNotAList() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<IEnumerable<object>> ObjectsAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.Current);
                    return orders;
                }

                async Task<HashSet<int>> UniqueAsync()
                {
                    var ids = new HashSet<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                async Task<Dictionary<int, Order>> ByIdAsync()
                {
                    var byId = new Dictionary<int, Order>();
                    while (await _store.ReadAsync())
                        byId.Add(_store.Current.Id, _store.Current);
                    return byId;
                }

                async Task<List<List<Order>>> PagesAsync()
                {
                    var pages = new List<List<Order>>();
                    var page = new List<Order>();
                    while (await _store.ReadAsync())
                        page.Add(_store.Current);
                    pages.Add(page);
                    return pages;
                }

                async Task CallerAsync()
                {
                    foreach (var o in await ObjectsAsync()) { }
                    foreach (var o in await UniqueAsync()) { }
                    foreach (var o in await ByIdAsync()) { }
                    foreach (var o in await PagesAsync()) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheLoopDoesNotAwait() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<int>> IdsAsync(int[] source)
                {
                    await Task.Yield();
                    var ids = new List<int>();
                    foreach (var id in source)
                        ids.Add(id * 2);
                    return ids;
                }

                async Task<List<int>> LambdaAwaitsAsync(int[] source)
                {
                    var ids = new List<int>();
                    foreach (var id in source)
                    {
                        System.Func<Task> later = async () => await Task.Yield();
                        ids.Add(id);
                    }

                    await Task.Yield();
                    return ids;
                }

                async Task CallerAsync()
                {
                    foreach (var id in await IdsAsync(new[] { 1 })) { }
                    foreach (var id in await LambdaAwaitsAsync(new[] { 1 })) { }
                }
            }
            """);

        [Fact]
        public Task NoDiagnostic_WhenTheMethodTakesTwoTokens_OrParamsWithoutToken() => VerifyAsync("""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<int>> TwoTokensAsync(CancellationToken a, CancellationToken b)
                {
                    var ids = new List<int>();
                    while (await _store.ReadAsync())
                        ids.Add(_store.Current.Id);
                    return ids;
                }

                async Task<List<int>> ParamsAsync(params int[] pages)
                {
                    var ids = new List<int>();
                    foreach (var page in pages)
                        ids.Add((await _store.NextAsync(page))?.Id ?? 0);
                    return ids;
                }

                async Task CallerAsync()
                {
                    foreach (var id in await TwoTokensAsync(default, default)) { }
                    foreach (var id in await ParamsAsync(1, 2)) { }
                }
            }
            """);

        [Theory]
        [InlineData("foreach (var x in await LoadAsync(")]
        [InlineData("foreach (var x in await LoadAsync()) {")]
        [InlineData("var r = await LoadAsync(); foreach (var x in r")]
        [InlineData("var r = await Missing(); foreach (var x in r) { }")]
        [InlineData("foreach (var x in await {|YA4003:LoadAsync|}()) { }")]
        public Task HalfTypedCode_DoesNotCrash(string statement) => Verifiers.HalfTypedCode.AssertNoCrashAsync<YieldAwait.Analyzers.Rules.YA4003BufferedSequenceCouldStreamAnalyzer, YieldAwait.CodeFixes.Rules.YA4003BufferedSequenceCouldStreamCodeFix>(Usings + $$"""
            class Orders
            {
                private readonly Store _store = new Store();

                async Task<List<Order>> LoadAsync()
                {
                    var orders = new List<Order>();
                    while (await _store.ReadAsync())
                        orders.Add(_store.
                    return orders;
                }

                async Task CallerAsync()
                {
                    {{statement}}
                }
            }
            """ + Store);

        #endregion

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
