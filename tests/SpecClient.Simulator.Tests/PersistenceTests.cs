using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("specclient-sim-").FullName;

    private string StatePath => Path.Combine(_directory, "state.json");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task StateFileIsWrittenAtStartAndReloadedAfterARestart()
    {
        string id;
        await using (TestSimulator first = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath))
        {
            Assert.True(File.Exists(StatePath));
            HttpClient client = await first.BearerAsync();
            Reply created = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"persisted@acme.example","roles":["ORG_MEMBER"]}"""));
            id = created.Json.GetProperty("id").GetString()!;
            await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));
        }

        // The state file wins over a seed: this seed has no invitations at all.
        var emptySeed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        emptySeed.Invitations.Clear();
        await using TestSimulator second = await TestSimulator.StartAsync(o =>
        {
            o.StateFilePath = StatePath;
            o.Seed = emptySeed;
        });
        HttpClient again = await second.BearerAsync();
        Reply reloaded = await TestSimulator.SendAsync(again, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(id)));
        Reply deleted = await TestSimulator.SendAsync(again, TestSimulator.Atlas(HttpMethod.Get, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        Assert.Equal(HttpStatusCode.OK, reloaded.Status);
        Assert.Equal("persisted@acme.example", reloaded.Json.GetProperty("username").GetString());
        Assert.Equal(HttpStatusCode.NotFound, deleted.Status);
        Assert.Equal(11, second.State.GetInvitations().Count);
    }

    [Fact]
    public async Task SeedIsUsedAndWrittenWhenNoStateFileExists()
    {
        var seed = SimulatorSeed.CreateDemo(TestSimulator.Start);
        seed.Invitations.RemoveAll(i => i.GroupId is not null);

        await using TestSimulator sim = await TestSimulator.StartAsync(o =>
        {
            o.StateFilePath = StatePath;
            o.Seed = seed;
        });

        Assert.Equal(7, SimulatorSeed.Load(StatePath).Invitations.Count);
        Assert.Equal(1, sim.State.StateFileWrites);
    }

    [Fact]
    public async Task EveryChangeRenamesACompleteTemporaryFileOverTheStateFile()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath);
        HttpClient client = await sim.BearerAsync();
        var observed = new List<(string Directory, bool TempHasChange, bool StateHasChange)>();
        sim.State.BeforeStateFileRename = temp => observed.Add((
            Path.GetDirectoryName(temp)!,
            File.ReadAllText(temp).Contains("renamed@acme.example", StringComparison.Ordinal),
            File.ReadAllText(StatePath).Contains("renamed@acme.example", StringComparison.Ordinal)));

        // A handle opened before the change keeps seeing the old file: the new state arrived by rename, not by rewriting in place.
        using var before = new FileStream(StatePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        Reply reply = await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), """{"username":"renamed@acme.example","roles":["ORG_MEMBER"]}"""));
        string oldContent = await new StreamReader(before).ReadToEndAsync();

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        (string directory, bool tempHasChange, bool stateHasChange) = Assert.Single(observed);
        Assert.Equal(_directory, directory);
        Assert.True(tempHasChange);
        Assert.False(stateHasChange);
        Assert.DoesNotContain("renamed@acme.example", oldContent, StringComparison.Ordinal);
        Assert.Contains("renamed@acme.example", await File.ReadAllTextAsync(StatePath), StringComparison.Ordinal);
        Assert.Equal(new[] { "state.json" }, Directory.GetFiles(_directory).Select(f => Path.GetFileName(f)).ToArray());
        Assert.Equal(2, sim.State.StateFileWrites);
    }

    [Fact]
    public async Task FiftyConcurrentCreatesAreAllKeptAndPersisted()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath);
        HttpClient client = await sim.BearerAsync();

        Reply[] replies = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => TestSimulator.SendAsync(
            client,
            TestSimulator.Atlas(HttpMethod.Post, TestSimulator.OrgInvites(), $$"""{"username":"parallel{{i}}@acme.example","roles":["ORG_MEMBER"]}"""))));

        Assert.All(replies, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Equal(50, replies.Select(r => r.Json.GetProperty("id").GetString()).Distinct().Count());
        string[] expected = Enumerable.Range(0, 50).Select(i => $"parallel{i}@acme.example").OrderBy(u => u, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, sim.State.GetInvitations().Select(i => i.Username).Where(u => u.StartsWith("parallel", StringComparison.Ordinal)).OrderBy(u => u, StringComparer.Ordinal).ToArray());
        Assert.Equal(expected, SimulatorSeed.Load(StatePath).Invitations.Select(i => i.Username).Where(u => u.StartsWith("parallel", StringComparison.Ordinal)).OrderBy(u => u, StringComparer.Ordinal).ToArray());
        Assert.Equal(51, sim.State.StateFileWrites);
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public async Task LeftoverTemporaryFilesFromACrashAreRemovedAtStart()
    {
        SimulatorSeed.CreateDemo(TestSimulator.Start).Save(StatePath);
        string leftover = Path.Combine(_directory, ".state.json.0123abcd.tmp");
        await File.WriteAllTextAsync(leftover, "{ torn");

        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.StateFilePath = StatePath);

        Assert.False(File.Exists(leftover));
        Assert.Equal(11, sim.State.GetInvitations().Count);
    }

    [Fact]
    public async Task CorruptStateFileFailsTheStart()
    {
        await File.WriteAllTextAsync(StatePath, "{ \"invitations\": [ ");

        await Assert.ThrowsAsync<InvalidDataException>(() => AtlasSimulator.StartAsync(new SimulatorOptions { StateFilePath = StatePath }));
    }

    [Fact]
    public async Task WithoutAStateFileNothingIsWritten()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();
        HttpClient client = await sim.BearerAsync();

        await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        Assert.Null(sim.State.StateFilePath);
        Assert.Equal(0, sim.State.StateFileWrites);
        Assert.Equal(1, sim.State.Version);
    }
}
