using System;
using System.Linq;
using Xunit;

namespace YieldAwait.Analyzers.Tests.Robustness
{
    public class SourceMutatorTests
    {
        private const string Iterator = """
            using System.Collections.Generic;
            using System.Threading.Tasks;

            class Feed
            {
                public IEnumerable<string> Read(Task<string> page)
                {
                    var text = page.Result;
                    yield return text;
                }
            }
            """;

        [Fact]
        public void SameSeed_GivesTheSameMutant()
        {
            for (var seed = 0; seed < 50; seed++)
            {
                var first = SourceMutator.Mutate("feed", Iterator, seed);
                var second = SourceMutator.Mutate("feed", Iterator, seed);
                Assert.Equal(first.Text, second.Text);
                Assert.Equal(first.Mutations, second.Mutations);
                Assert.InRange(first.Mutations.Count, 1, 3);
            }
        }

        [Fact]
        public void DifferentSeeds_GiveDifferentMutants() =>
            Assert.True(Enumerable.Range(0, 50).Select(seed => SourceMutator.Mutate("feed", Iterator, seed).Text).Distinct().Count() > 40);

        [Theory]
        [MemberData(nameof(Kinds))]
        public void EachKind_ChangesTheText(MutationKind kind)
        {
            Assert.True(SourceMutator.IsApplicable(kind, Iterator));
            for (var seed = 0; seed < 20; seed++)
            {
                var (text, description) = SourceMutator.Apply(kind, Iterator, new Random(seed));
                Assert.NotEqual(Iterator, text);
                Assert.StartsWith(kind.ToString(), description, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void SeedCorpus_TakesCodeLiteralsWithoutMarkup()
        {
            Assert.True(SeedCorpus.LooksLikeCode("class C { void M() { } }"));
            Assert.False(SeedCorpus.LooksLikeCode("Convert to async iterator"));
            Assert.Equal("var x = t.Result; a[i] = 1;", SeedCorpus.RemoveMarkup("var x = {|YA1001:t.Result|}; a[i] = [|1|];"));
        }

        public static TheoryData<MutationKind> Kinds()
        {
            var data = new TheoryData<MutationKind>();
            foreach (var kind in Enum.GetValues<MutationKind>())
            {
                data.Add(kind);
            }

            return data;
        }
    }
}
