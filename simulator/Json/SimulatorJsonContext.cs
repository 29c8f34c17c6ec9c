using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpecClient.Simulator.Json;

/// <summary>Source-generated serialization for every type the simulator reads or writes.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters = new[] { typeof(UtcTimestampConverter) })]
[JsonSerializable(typeof(ApiErrorDto))]
[JsonSerializable(typeof(OrganizationInvitationDto))]
[JsonSerializable(typeof(List<OrganizationInvitationDto>))]
[JsonSerializable(typeof(GroupInvitationDto))]
[JsonSerializable(typeof(List<GroupInvitationDto>))]
[JsonSerializable(typeof(OrgInvitationRequestDto))]
[JsonSerializable(typeof(GroupInvitationRequestDto))]
[JsonSerializable(typeof(OAuthTokenResponseDto))]
[JsonSerializable(typeof(OAuthErrorDto))]
[JsonSerializable(typeof(SimulatorSeed))]
[JsonSerializable(typeof(OrganizationPageDto))]
[JsonSerializable(typeof(ProjectPageDto))]
[JsonSerializable(typeof(OrgUserDto))]
[JsonSerializable(typeof(GroupUserDto))]
[JsonSerializable(typeof(UserPageDto<OrgUserDto>))]
[JsonSerializable(typeof(UserPageDto<GroupUserDto>))]
[JsonSerializable(typeof(UserPageDto<CloudAppUserDto>))]
[JsonSerializable(typeof(OrgUserRequestDto))]
[JsonSerializable(typeof(GroupUserRequestDto))]
[JsonSerializable(typeof(GroupRoleRequestDto))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext
{
}
