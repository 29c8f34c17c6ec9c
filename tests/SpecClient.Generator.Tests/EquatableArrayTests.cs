using SpecClient.Generator.Model;
using Xunit;

namespace SpecClient.Generator.Tests;

public sealed class EquatableArrayTests
{
    [Fact]
    public void ArraysWithEqualElementsAreEqualWithEqualHashes()
    {
        EquatableArray<string> left = new[] { "a", "b" }.ToEquatableArray();
        EquatableArray<string> right = new[] { "a", "b" }.ToEquatableArray();

        Assert.True(left == right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
    }

    [Fact]
    public void OrderAndLengthMatter()
    {
        EquatableArray<string> ab = new[] { "a", "b" }.ToEquatableArray();

        Assert.NotEqual(ab, new[] { "b", "a" }.ToEquatableArray());
        Assert.NotEqual(ab, new[] { "a" }.ToEquatableArray());
    }

    [Fact]
    public void DefaultEqualsEmpty()
    {
        Assert.Equal(EquatableArray<int>.Empty, default);
        Assert.Empty(default(EquatableArray<int>));
    }

    [Fact]
    public void RecordsHoldingArraysCompareByContents()
    {
        var first = new ErrorCodeSpec("NotFound", "NOT_FOUND", new[] { 404 }.ToEquatableArray());
        var second = new ErrorCodeSpec("NotFound", "NOT_FOUND", new[] { 404 }.ToEquatableArray());

        Assert.Equal(first, second);
        Assert.NotEqual(first, second with { Statuses = new[] { 400 }.ToEquatableArray() });
    }
}
