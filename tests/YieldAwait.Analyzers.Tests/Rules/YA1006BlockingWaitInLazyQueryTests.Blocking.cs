using System.Threading.Tasks;
using Xunit;
using YieldAwait.Analyzers.Tests.Verifiers;
using Verify = YieldAwait.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer>;
using VerifyFix = YieldAwait.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<YieldAwait.Analyzers.Rules.YA1006BlockingWaitInLazyQueryAnalyzer, YieldAwait.CodeFixes.Rules.YA1006BlockingWaitInLazyQueryCodeFix>;

namespace YieldAwait.Analyzers.Tests.Rules
{
    /// <summary>Blocking through helpers, tasks proven complete (the shared completion proof) and stored results.</summary>
    public partial class YA1006BlockingWaitInLazyQueryTests
    {
        [Fact]
        public Task Reports_CallOfABlockingHelperInsideSelect_NamingIt() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class PageFetcher
            {
                private readonly HttpClient _http = new HttpClient();

                public IEnumerable<string> Bodies(IEnumerable<string> urls) =>
                    urls.Select(url => {|#0:Sync.Wait(_http.GetStringAsync(url))|});
            }
            """,
            Verify.Diagnostic("YA1006").WithLocation(0).WithArguments("Sync.Wait", "Select"));


        [Fact]
        public Task NoDiagnostic_HelperOnTasksProvenComplete() => Verify.VerifyAnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;

            static class Sync
            {
                public static T Wait<T>(Task<T> task) => task.GetAwaiter().GetResult();
            }

            class Downloads
            {
                static Task<string> Fetch(int id) => Task.Run(() => id.ToString());

                async Task<List<string>> All(IEnumerable<int> ids)
                {
                    var tasks = ids.Select(Fetch).ToList();
                    await Task.WhenAll(tasks);
                    return tasks.Select(t => Sync.Wait(t)).ToList();
                }

                IEnumerable<string> Finished(List<Task<string>> tasks) =>
                    tasks.Where(t => t.IsCompletedSuccessfully).Select(t => Sync.Wait(t));

                IEnumerable<int> Constant(IEnumerable<int> ids) => ids.Select(id => Sync.Wait(Task.FromResult(id)));
            }
            """);
    }
}
