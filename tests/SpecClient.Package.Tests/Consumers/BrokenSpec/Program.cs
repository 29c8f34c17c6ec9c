using System;

// Uses nothing generated: the only error the build can report is the one about pets.yaml.
internal static class Program
{
    private static void Main() => Console.WriteLine("unreachable: pets.yaml is malformed");
}
