using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SpecClient.Runtime;

/// <summary>
/// A <c>multipart/form-data</c> body: files, text values and JSON values as named parts. Generated clients fill it
/// from an operation's parameters; an operation whose spec does not list its parts takes one the caller fills.
/// Null values add no part.
/// </summary>
public sealed class MultipartBody : MultipartFormDataContent
{
    /// <summary>Adds a file part; nothing when <paramref name="file"/> is null.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="file">The file.</param>
    public void AddFile(string name, FilePart? file)
    {
        if (file is null)
        {
            return;
        }

        var part = new StreamContent(file.Content);
        part.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
        Add(part, Quoted(name), Quoted(file.FileName));
    }

    /// <summary>Adds one file part per file, all named <paramref name="name"/>; nothing when <paramref name="files"/> is null.</summary>
    /// <param name="name">The parts' name.</param>
    /// <param name="files">The files.</param>
    public void AddFiles(string name, IEnumerable<FilePart?>? files)
    {
        if (files is null)
        {
            return;
        }

        foreach (FilePart? file in files)
        {
            AddFile(name, file);
        }
    }

    /// <summary>Adds a text part (UTF-8); nothing when <paramref name="value"/> is null.</summary>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The text.</param>
    public void AddText(string name, string? value)
    {
        if (value is not null)
        {
            Add(new StringContent(value), Quoted(name));
        }
    }

    /// <summary>
    /// Adds a value part written from its JSON form: a string, number or boolean as text (<c>text/plain</c>), a list of
    /// those as one part per item, anything else as one part of <paramref name="contentType"/> holding the JSON.
    /// Nothing when <paramref name="value"/> is null.
    /// </summary>
    /// <typeparam name="T">The value's type.</typeparam>
    /// <param name="name">The part's name.</param>
    /// <param name="value">The value.</param>
    /// <param name="typeInfo">Its JSON metadata.</param>
    /// <param name="contentType">The media type of a structured value's part (the spec's <c>encoding.contentType</c>, else <c>application/json</c>).</param>
    public void AddValue<T>(string name, T? value, JsonTypeInfo<T> typeInfo, string contentType)
        where T : class
    {
        if (value is not null)
        {
            AddJson(name, JsonSerializer.SerializeToElement(value, typeInfo), contentType);
        }
    }

    /// <inheritdoc cref="AddValue{T}(string, T, JsonTypeInfo{T}, string)"/>
    public void AddValue<T>(string name, T? value, JsonTypeInfo<T> typeInfo, string contentType)
        where T : struct
    {
        if (value is T present)
        {
            AddJson(name, JsonSerializer.SerializeToElement(present, typeInfo), contentType);
        }
    }

    private void AddJson(string name, JsonElement json, string contentType)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.String:
                AddText(name, json.GetString());
                return;
            case JsonValueKind.Number:
                AddText(name, json.GetRawText());
                return;
            case JsonValueKind.True or JsonValueKind.False:
                AddText(name, json.ValueKind == JsonValueKind.True ? "true" : "false");
                return;
            case JsonValueKind.Array when !IsJsonMediaType(contentType) && AllScalars(json):
                foreach (JsonElement item in json.EnumerateArray())
                {
                    AddJson(name, item, contentType);
                }

                return;
            default:
                var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(json.GetRawText()));
                part.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
                Add(part, Quoted(name));
                return;
        }
    }

    private static bool AllScalars(JsonElement array)
    {
        foreach (JsonElement item in array.EnumerateArray())
        {
            if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsJsonMediaType(string contentType)
        => contentType.Contains("json", StringComparison.OrdinalIgnoreCase);

    /// <summary>Quotes a part or file name for Content-Disposition, escaping quotes and backslashes.</summary>
    private static string Quoted(string name)
        => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
