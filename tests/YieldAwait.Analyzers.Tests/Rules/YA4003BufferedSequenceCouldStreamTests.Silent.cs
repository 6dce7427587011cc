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
    }
}
