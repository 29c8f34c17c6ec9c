using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Convention, keyed on the schema of an operation's error responses: a string property named <c>errorCode</c>,
/// <c>code</c> or <c>error_code</c> is the error's code (MongoDB Atlas: <c>errorCode</c>), and one named
/// <c>detail</c> (RFC 9457), <c>message</c> or <c>error_description</c> (OAuth) is its detail; the first name found
/// wins. The generated record then implements the runtime's <c>IApiError</c>, naming those fields, so
/// <c>ApiException.ErrorCode</c> and <c>Detail</c> come from the fields the spec declares (read even from a body that
/// does not decode); an error schema with neither gets no such interface, and its exceptions carry no code.
/// </summary>
internal static class ErrorFieldsConvention
{
    private static readonly string[] CodeNames = ["errorCode", "code", "error_code"];

    private static readonly string[] DetailNames = ["detail", "message", "error_description"];

    /// <summary>Marks every model some operation uses as its error body with the fields it recognises.</summary>
    public static IEnumerable<ModelSpec> Mark(IEnumerable<ModelSpec> models, IEnumerable<OperationSpec> operations)
    {
        var errorTypes = new HashSet<string>(
            operations.Select(operation => operation.ErrorType?.Underlying.Name).Where(name => name is not null)!,
            StringComparer.Ordinal);
        foreach (ModelSpec model in models)
        {
            yield return errorTypes.Contains(model.Name) && Recognise(model) is ErrorFieldsSpec fields
                ? model with { ErrorFields = fields }
                : model;
        }
    }

    private static ErrorFieldsSpec? Recognise(ModelSpec model)
    {
        string? code = Find(model, CodeNames);
        string? detail = Find(model, DetailNames);
        return code is null && detail is null ? null : new ErrorFieldsSpec(code, detail);
    }

    private static string? Find(ModelSpec model, string[] names)
        => names
            .Select(name => model.Properties.FirstOrDefault(property => property.JsonName == name && property.Type.Underlying.Kind == TypeRefKind.Primitive && property.Type.Underlying.Primitive == PrimitiveKind.String))
            .FirstOrDefault(property => property is not null)?.JsonName;
}
