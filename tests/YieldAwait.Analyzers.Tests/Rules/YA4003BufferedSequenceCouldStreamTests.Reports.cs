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

        [Fact]
        public Task Reports_WhenADocumentationCommentNamesTheMethod() => VerifyAsync("""
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

                /// <summary>Prints what <see cref="LoadAsync"/> reads.</summary>
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
    }
}
