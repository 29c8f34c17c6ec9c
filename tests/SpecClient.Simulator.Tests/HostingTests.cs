using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading.Tasks;
using SpecClient.Simulator.Tests.Infrastructure;
using Xunit;

namespace SpecClient.Simulator.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task BaseAddressIsLoopbackOnAFreePortWithATrailingSlash()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Uri address = sim.Simulator.BaseAddress;

        Assert.Equal("http", address.Scheme);
        Assert.Equal("127.0.0.1", address.Host);
        Assert.True(address.Port > 0);
        Assert.Equal("/", address.AbsolutePath);
    }

    [Fact]
    public async Task ExplicitPortIsUsed()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
        }

        await using TestSimulator sim = await TestSimulator.StartAsync(o => o.Port = port);

        Assert.Equal(port, sim.Simulator.BaseAddress.Port);
    }

    [Fact]
    public async Task TwoSimulatorsRunSideBySideWithSeparateState()
    {
        await using TestSimulator first = await TestSimulator.StartAsync();
        await using TestSimulator second = await TestSimulator.StartAsync();
        HttpClient client = await first.BearerAsync();

        await TestSimulator.SendAsync(client, TestSimulator.Atlas(HttpMethod.Delete, TestSimulator.OrgInvite(SimulatorDemo.RecentOrgInvitationId)));

        Assert.NotEqual(first.Simulator.BaseAddress, second.Simulator.BaseAddress);
        Assert.Null(first.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
        Assert.NotNull(second.State.FindInvitation(SimulatorDemo.RecentOrgInvitationId));
    }

    [Fact]
    public async Task DisposeReleasesThePort()
    {
        TestSimulator sim = await TestSimulator.StartAsync();
        Uri address = sim.Simulator.BaseAddress;
        await sim.DisposeAsync();
        await sim.Simulator.DisposeAsync();

        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await Assert.ThrowsAsync<SocketException>(async () => await socket.ConnectAsync(IPAddress.Loopback, address.Port));
    }

    [Fact]
    public async Task UnknownPathOutsideTheApiAnswers404WithoutAChallenge()
    {
        await using TestSimulator sim = await TestSimulator.StartAsync();

        Reply reply = await TestSimulator.SendAsync(sim.Raw(), new HttpRequestMessage(HttpMethod.Get, "favicon.ico"));

        reply.AssertApiError(HttpStatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Null(reply.Header("WWW-Authenticate"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(70000)]
    public async Task InvalidPortIsRejected(int port)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AtlasSimulator.StartAsync(new SimulatorOptions { Port = port }));
    }

    [Fact]
    public async Task InvalidRateLimitIsRejected()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AtlasSimulator.StartAsync(new SimulatorOptions { RateLimit = new RateLimitOptions { Capacity = 0, RefillPerSecond = 1 } }));
    }
}
