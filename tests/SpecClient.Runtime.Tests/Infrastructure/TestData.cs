using System.Net.Http;

namespace SpecClient.Runtime.Tests.Infrastructure;

/// <summary>Ids and bodies shaped like the real service's (ATLAS.md).</summary>
internal static class TestData
{
    public const string OrgId = "5f1a2b3c4d5e6f7a8b9c0d1e";
    public const string GroupId = "6b7c8d9e0f1a2b3c4d5e6f70";
    public const string InvitationId = "65a1b2c3d4e5f60718293a4b";

    public const string AtlasMediaType = "application/vnd.atlas.2023-01-01+json";
    public const string AtlasSuccessContentType = "application/vnd.atlas.2023-01-01+json;charset=utf-8";

    public const string OrgInvitationJson = """
        {"id":"65a1b2c3d4e5f60718293a4b","orgId":"5f1a2b3c4d5e6f7a8b9c0d1e","orgName":"Acme","username":"jane@example.com","inviterUsername":"owner@example.com","createdAt":"2024-05-01T12:30:00Z","expiresAt":"2024-05-31T12:30:00Z","roles":["ORG_MEMBER"],"teamIds":["65a1b2c3d4e5f60718293a4c"],"links":[{"href":"https://cloud.mongodb.com/api/atlas/v2/orgs/5f1a2b3c4d5e6f7a8b9c0d1e/invites/65a1b2c3d4e5f60718293a4b","rel":"self"}]}
        """;

    public const string NotFoundJson = """
        {"detail":"Cannot find resource invitation 65a1b2c3d4e5f60718293a4b.","error":404,"errorCode":"RESOURCE_NOT_FOUND","parameters":["65a1b2c3d4e5f60718293a4b"],"reason":"Not Found"}
        """;

    /// <summary>An HttpClient over <paramref name="stub"/> that leaves the stub readable after disposal.</summary>
    public static HttpClient Http(StubHandler stub) => new(stub, disposeHandler: false);
}
