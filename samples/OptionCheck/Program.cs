using System;
using System.Collections.Generic;

foreach (var name in Names.All())
{
    Console.WriteLine(name);
}

static class Names
{
    public static IEnumerable<string> All()
    {
        yield return "first";
        yield return "second";
    }
}
