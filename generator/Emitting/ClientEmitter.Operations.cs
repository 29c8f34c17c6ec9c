using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;

namespace SpecClient.Generator.Emitting;

/// <summary>The class's part of an operation: its two overloads and the private method that builds and sends the request.</summary>
internal static partial class ClientEmitter
{
    private static void EmitOperation(SourceWriter writer, ApiSpec spec, OperationSpec operation)
    {
        string paramsType = operation.ParamsClassName;
        string context = "s_json.";
        string returnType = ReturnType(operation);
        string core = operation.MethodName + "Core";
        List<ShorthandValue> values = ShorthandValues(operation);
        var arguments = values.ToDictionary(value => value.Property, value => value.Argument);

        // In the core, the shorthand's values are arguments; every other member is read from the parameters when given.
        string Access(string property) => arguments.TryGetValue(property, out string? argument) ? argument : "parameters?." + property;

        writer.Line("private static readonly global::SpecClient.Runtime.ApiOperation " + operation.DescriptorField + " = new(" + SourceWriter.Literal(operation.OperationId)
            + ", \"" + operation.HttpMethod.ToUpperInvariant() + "\", " + SourceWriter.Literal(operation.PathTemplate) + (spec.RootClient.ApiVersion is null ? string.Empty : ", " + SourceWriter.Literal(spec.RootClient.ApiVersion)) + ");");
        writer.Line();
        writer.DocXml("<inheritdoc/>");
        EmitObsolete(writer, operation);
        writer.Line("public " + returnType + " " + operation.MethodName + "(" + paramsType + " parameters, " + CancellationTokenType + " cancellationToken = default)");
        writer.Line("    => " + core + "(global::SpecClient.Runtime.ParameterGuard.Checked(parameters), " + string.Concat(values.Select(value => "parameters." + value.Property + ", ")) + "cancellationToken);");
        writer.Line();

        // The shorthand is the interface's too (fakes get it from there); here it skips the params record a call would
        // otherwise allocate, checking its values as the record's Validate() would.
        string shorthandCall = core + "(null, " + string.Concat(values.Select(value => value.Argument + ", ")) + "cancellationToken);";
        writer.DocXml("<inheritdoc/>");
        EmitObsolete(writer, operation);
        writer.Line("public " + returnType + " " + operation.MethodName + "(" + string.Concat(values.Select(value => value.Type + " " + value.Argument + ", ")) + CancellationTokenType + " cancellationToken = default)");
        if (ParamsEmitter.ChecksShorthandValues(operation))
        {
            writer.OpenBrace();
            writer.Line(paramsType + "." + ParamsEmitter.ValidateShorthandMethod + "(" + string.Join(", ", values.Select(value => value.Argument)) + ");");
            writer.Line("return " + shorthandCall);
            writer.CloseBrace();
        }
        else
        {
            writer.Line("    => " + shorthandCall);
        }

        writer.Line();
        writer.Line("private " + returnType + " " + core + "(" + paramsType + "? parameters, " + string.Concat(values.Select(value => value.Type + " " + value.Argument + ", ")) + CancellationTokenType + " cancellationToken)");
        writer.OpenBrace();
        writer.Line("var uri = _connection.CreateUriBuilder();");
        foreach (PathSegmentSpec segment in operation.PathSegments)
        {
            string value = segment.Literal is null ? Access(segment.ParameterPropertyName!) : string.Empty;
            writer.Line(segment.Literal is not null
                ? "uri.AppendLiteral(" + SourceWriter.Literal(segment.Literal) + ");"
                : segment.MetadataName is not null
                    ? "uri.AppendPathValue(" + value + ", s_json." + segment.MetadataName + ");"
                : segment.UrlSafe
                    ? "uri.AppendUrlSafeValue(" + value + ");"
                    : "uri.AppendPathValue(" + ValueExpression(value, segment.Format, nullable: false) + ");");
        }

        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Query))
        {
            EmitQueryParameter(writer, parameter, Access(parameter.PropertyName));
        }

        writer.Line("var request = _connection.CreateRequest(" + operation.DescriptorField + ", uri.ToStringAndClear(), " + SourceWriter.Literal(operation.AcceptMediaType) + ");");
        foreach (ParameterSpec parameter in operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            EmitHeaderParameter(writer, parameter, Access(parameter.PropertyName));
        }

        if (operation.Body is RequestBodySpec body)
        {
            EmitBody(writer, body, Access);
        }

        string error = operation.ErrorType is null ? "null" : context + operation.ErrorType.MetadataName;
        string result = operation.ResultType is null ? string.Empty : context + operation.ResultType.MetadataName + ", ";
        if (operation.ResultKind == ResultBodyKind.Json && operation.EnvelopePropertyName is string envelope)
        {
            // Only a caller who asked for the envelope gets the step that unwraps it.
            writer.Line("return " + Access(envelope) + " == true");
            writer.Line("    ? global::SpecClient.Runtime.EnvelopedResponse.SendAsync(_connection, request, " + result + error + ", cancellationToken)");
            writer.Line("    : _connection.SendAsync(request, " + result + error + ", cancellationToken);");
        }
        else
        {
            writer.Line(operation.ResultKind switch
            {
                ResultBodyKind.Text => "return _connection.SendForTextAsync(request, " + error + ", cancellationToken);",
                ResultBodyKind.Stream => "return _connection.SendForStreamAsync(request, " + error + ", cancellationToken);",
                ResultBodyKind.Events => "return _connection.SendForEvents(request, " + result + error + ", cancellationToken);",
                _ => "return _connection.SendAsync(request, " + result + error + ", cancellationToken);",
            });
        }

        writer.CloseBrace();
        if (operation.Paging is LinkedPagingSpec { NextPageMethodName: string nextPage } && operation.ResultType is TypeRefSpec page)
        {
            writer.Line();
            writer.DocXml("<inheritdoc/>");
            EmitObsolete(writer, operation);
            writer.Line("public " + returnType + " " + nextPage + "(string nextPage, " + CancellationTokenType + " cancellationToken = default)");
            writer.Line("    => _connection.SendAsync(_connection.CreateLinkedPageRequest(" + operation.DescriptorField + ", nextPage, " + SourceWriter.Literal(operation.AcceptMediaType) + "), "
                + context + page.MetadataName + ", " + error + ", cancellationToken);");
        }

        if (operation.EventStreamVariant is OperationSpec streaming)
        {
            writer.Line();
            EmitOperation(writer, spec, streaming);
        }
    }

    /// <summary>The request body, one runtime call per encoding (a multipart form: one per part).</summary>
    private static void EmitBody(SourceWriter writer, RequestBodySpec body, System.Func<string, string> access)
    {
        const string Bodies = "global::SpecClient.Runtime.RequestBodies.";
        if (body.Encoding == BodyEncoding.Multipart && !body.Parts.IsEmpty)
        {
            writer.Line("var form = new global::SpecClient.Runtime.MultipartBody();");
            foreach (MultipartPartSpec part in body.Parts)
            {
                string name = SourceWriter.Literal(part.Name);
                string partValue = access(part.PropertyName);
                writer.Line(part.IsFile
                    ? (part.Type.Underlying.Kind == TypeRefKind.List ? "form.AddFiles(" : "form.AddFile(") + name + ", " + partValue + ");"
                    : "form.AddValue(" + name + ", " + partValue + ", s_json." + part.Type.Underlying.MetadataName + ", " + SourceWriter.Literal(part.ContentType) + ");");
            }

            writer.Line("request.Content = form;");
            return;
        }

        // An optional body is read inside the check that it is there, where the parameters are known to be given.
        string value = (body.Required ? access(body.PropertyName) : "parameters." + body.PropertyName) + (body.Type.IsNullable && body.Type.IsValueType ? ".Value" : string.Empty);
        string create = "request.Content = " + body.Encoding switch
        {
            BodyEncoding.Form => Bodies + "Form(" + value + ", s_json." + body.Type.Underlying.MetadataName + string.Concat(body.FieldEncodings.Select(field =>
                ", new global::SpecClient.Runtime.FormField(" + SourceWriter.Literal(field.Name) + ", global::SpecClient.Runtime.ParameterStyle." + field.Style.ToString() + ", " + (field.Explode ? "true" : "false") + ")")) + ");",
            BodyEncoding.Binary => Bodies + "Binary(" + value + ", " + SourceWriter.Literal(body.MediaType) + ");",
            BodyEncoding.Text => Bodies + "Text(" + value + ", " + SourceWriter.Literal(body.MediaType) + ");",
            BodyEncoding.Multipart => value + ";",
            _ => "global::SpecClient.Runtime.JsonBody.Create(" + value + ", s_json." + body.Type.Underlying.MetadataName + ", " + SourceWriter.Literal(body.MediaType) + ");",
        };
        if (body.Required)
        {
            writer.Line(create);
        }
        else
        {
            writer.Line("if (" + access(body.PropertyName) + " is not null)");
            writer.OpenBrace();
            writer.Line(create);
            writer.CloseBrace();
        }
    }

    /// <summary>One value the shorthand overload takes: a required parameter, a required part, or a required body.</summary>
    private readonly record struct ShorthandValue(string Property, string Argument, string Type, string DocArgument, string Description);

    /// <summary>The shorthand overload's values, in its order: the required parameters, then the required parts, then a required body.</summary>
    private static List<ShorthandValue> ShorthandValues(OperationSpec operation)
    {
        var values = operation.Parameters.Where(p => p.Required)
            .Select(p => new ShorthandValue(p.PropertyName, p.ArgumentName, p.Type.Identifier, p.DocArgumentName, p.ArgumentDescription ?? "The '" + p.Name + "' parameter."))
            .Concat((operation.Body?.Parts ?? EquatableArray<MultipartPartSpec>.Empty).Where(part => part.Required)
                .Select(part => new ShorthandValue(part.PropertyName, part.ArgumentName, part.Type.Identifier, part.DocArgumentName, part.ArgumentDescription ?? "The '" + part.Name + "' part.")))
            .ToList();
        if (operation.Body is { Required: true, Parts.IsEmpty: true } body)
        {
            values.Add(new ShorthandValue(body.PropertyName, "body", body.Type.Identifier, "body", body.Description ?? "The request body."));
        }

        return values;
    }

    private static void EmitQueryParameter(SourceWriter writer, ParameterSpec parameter, string access)
    {
        if (parameter.Format == ValueFormat.Structured)
        {
            writer.Line("uri.AppendQuery(" + SourceWriter.Literal(parameter.Name) + ", " + access + ", s_json." + parameter.Type.Underlying.MetadataName
                + ", global::SpecClient.Runtime.ParameterStyle." + parameter.Style.ToString() + ", " + (parameter.Explode ? "true" : "false") + ");");
            return;
        }

        EmitParameter(writer, parameter, "uri.AppendQuery(", access);
    }

    private static void EmitHeaderParameter(SourceWriter writer, ParameterSpec parameter, string access)
        => EmitParameter(writer, parameter, "global::SpecClient.Runtime.RequestHeaders.Add(request, ", access);

    /// <summary>One call per value: arrays repeat the query parameter (form, explode) or the header.</summary>
    private static void EmitParameter(SourceWriter writer, ParameterSpec parameter, string callStart, string access)
    {
        string name = SourceWriter.Literal(parameter.Name);
        if (!parameter.IsArray)
        {
            writer.Line(callStart + name + ", " + ValueExpression(access, parameter.Format, nullable: !parameter.Required) + ");");
            return;
        }

        writer.Line("if (" + access + " is { } " + LocalName(parameter) + ")");
        writer.OpenBrace();
        writer.Line("foreach (var item in " + LocalName(parameter) + ")");
        writer.OpenBrace();
        writer.Line(callStart + name + ", " + ValueExpression("item", parameter.Format, nullable: false) + ");");
        writer.CloseBrace();
        writer.CloseBrace();
    }

    private static string LocalName(ParameterSpec parameter) => "values" + parameter.PropertyName;

    /// <summary>The expression handing a parameter value to the runtime's text formatting.</summary>
    private static string ValueExpression(string access, ValueFormat format, bool nullable)
        => format == ValueFormat.EnumValue ? access + (nullable ? "?.Value" : ".Value") : access;
}
