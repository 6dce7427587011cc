namespace YieldAwait.Analyzers.Corpus
{
    /// <summary>One C# file of a corpus: a path (for messages) and its text.</summary>
    public sealed record SourceFile(string Path, string Text);
}
