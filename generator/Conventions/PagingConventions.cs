using System;
using System.Collections.Generic;
using System.Linq;
using SpecClient.Generator.Model;
using SpecClient.Generator.Parsing;

namespace SpecClient.Generator.Conventions;

/// <summary>
/// Conventions that recognise a paged list operation, each keyed on what the spec shows (the first that matches wins):
/// numbered pages (Atlas, Cloud Manager), cursor pages, linked pages. An operation matching none is not paged; its
/// result is returned as it is.
/// </summary>
internal sealed class PagingConventions
{
    private readonly TypeRegistry _types;
    private readonly NameScope _methodNames;

    public PagingConventions(TypeRegistry types, NameScope methodNames)
    {
        _types = types;
        _methodNames = methodNames;
    }

    /// <summary>
    /// Numbered pages: an optional integer <c>pageNum</c> query parameter, and a result that is a list or a record
    /// holding one in <c>results</c> (with <c>totalCount</c> when the API counts), as Atlas and Cloud Manager answer.
    /// </summary>
    public PagingSpec? Read(string baseName, List<ParameterSpec> parameters, TypeRefSpec? result, ParameterSpec? envelope)
    {
        ParameterSpec? pageNum = parameters.FirstOrDefault(p => IsPagingParameter(p, "pageNum"));
        if (pageNum is null)
        {
            return result is null ? null : ReadCursorPaging(baseName, parameters, result);
        }

        if (result is null)
        {
            return null;
        }

        string? itemsProperty = null;
        string? totalCountProperty = null;
        TypeRefSpec? itemType = null;
        if (result.Kind == TypeRefKind.List)
        {
            itemType = result.Element;
        }
        else if (_types.Model(result) is ModelSpec page && page.Base is null && page.Discriminator is null
            && page.Properties.FirstOrDefault(p => p.JsonName == "results" && p.Type.Underlying.Kind == TypeRefKind.List) is PropertySpec results)
        {
            itemsProperty = results.PropertyName;
            itemType = results.Type.Underlying.Element;
            totalCountProperty = page.Properties.FirstOrDefault(p => p.JsonName == "totalCount" && p.Type.Underlying.Primitive is PrimitiveKind.Int32 or PrimitiveKind.Int64)?.PropertyName;
        }

        if (itemType is null)
        {
            return null;
        }

        return new NumberedPagingSpec(
            _methodNames.Claim(baseName + "ItemsAsync"),
            _methodNames.Claim(baseName + "PagesAsync"),
            itemType,
            itemsProperty,
            pageNum.PropertyName,
            totalCountProperty,
            parameters.FirstOrDefault(p => IsPagingParameter(p, "itemsPerPage"))?.PropertyName,

            // Pages are read unwrapped, so an optional envelope is cleared on each page's request. A required one (a
            // spec may say so) cannot hold null: the caller's value stays, and the main method unwraps what it asks for.
            envelope is { Required: false } ? envelope.PropertyName : null);
    }

    /// <summary>
    /// Cursor pages: an optional string query parameter taking a cursor (<c>cursor</c>, <c>after</c>, <c>pageToken</c>…),
    /// and a record answer holding its items in a list (<c>results</c>, <c>items</c>, <c>data</c>) and the next page's
    /// cursor in a string (<c>next</c>, <c>nextCursor</c>, <c>nextPageToken</c>…).
    /// </summary>
    private PagingSpec? ReadCursorPaging(string baseName, List<ParameterSpec> parameters, TypeRefSpec result)
    {
        if (_types.Model(result) is not ModelSpec page || page.Base is not null || page.Discriminator is not null
            || page.Properties.FirstOrDefault(p => ItemsPropertyNames.Contains(p.JsonName) && p.Type.Underlying.Kind == TypeRefKind.List) is not PropertySpec items)
        {
            return null;
        }

        ParameterSpec? cursor = parameters.FirstOrDefault(p => p.Location == ParameterLocation.Query && !p.Required && !p.IsArray && p.Format == ValueFormat.String
            && CursorParameterNames.Contains(p.Name));
        PropertySpec? next = page.Properties.FirstOrDefault(p => NextCursorPropertyNames.Contains(p.JsonName) && p.Type.Underlying.Primitive == PrimitiveKind.String);
        if (cursor is null || next is null)
        {
            return ReadLinkedPaging(baseName, page, items);
        }

        return new CursorPagingSpec(
            _methodNames.Claim(baseName + "ItemsAsync"),
            _methodNames.Claim(baseName + "PagesAsync"),
            items.Type.Underlying.Element!,
            items.PropertyName,
            cursor.PropertyName,
            next.PropertyName);
    }

    /// <summary>
    /// Linked pages: a record answer holding its items and the next page's link, in a string (<c>next</c>,
    /// <c>nextLink</c>, <c>@odata.nextLink</c>…) or as the <c>rel: next</c> entry of its <c>links</c>.
    /// </summary>
    private PagingSpec? ReadLinkedPaging(string baseName, ModelSpec page, PropertySpec items)
    {
        PropertySpec? nextLink = page.Properties.FirstOrDefault(p => NextLinkPropertyNames.Contains(p.JsonName) && p.Type.Underlying.Primitive == PrimitiveKind.String);
        PropertySpec? links = nextLink is not null ? null : page.Properties.FirstOrDefault(p => p.JsonName == "links" && p.Type.Underlying.Kind == TypeRefKind.List);
        ModelSpec? link = links is null ? null : _types.Model(links.Type.Underlying.Element!.Underlying);
        PropertySpec? rel = link?.Properties.FirstOrDefault(p => p.JsonName == "rel" && p.Type.Underlying.Primitive == PrimitiveKind.String);
        PropertySpec? href = link?.Properties.FirstOrDefault(p => p.JsonName == "href" && p.Type.Underlying.Primitive == PrimitiveKind.String);
        if (nextLink is null && (rel is null || href is null))
        {
            return null;
        }

        return new LinkedPagingSpec(
            _methodNames.Claim(baseName + "ItemsAsync"),
            _methodNames.Claim(baseName + "PagesAsync"),
            items.Type.Underlying.Element!,
            items.PropertyName,
            _methodNames.Claim(baseName + "NextPageAsync"),
            nextLink?.PropertyName,
            nextLink is null ? new LinkListSpec(links!.PropertyName, rel!.PropertyName, href!.PropertyName) : null);
    }

    private static readonly HashSet<string> NextLinkPropertyNames = new(StringComparer.Ordinal)
    {
        "next", "nextLink", "next_link", "nextUrl", "next_url", "nextPageUrl", "next_page_url", "@odata.nextLink",
    };

    private static readonly HashSet<string> CursorParameterNames = new(StringComparer.Ordinal)
    {
        "cursor", "after", "pageToken", "page_token", "continuationToken", "continuation_token", "nextToken", "next_token", "starting_after",
    };

    private static readonly HashSet<string> ItemsPropertyNames = new(StringComparer.Ordinal) { "results", "items", "data" };

    private static readonly HashSet<string> NextCursorPropertyNames = new(StringComparer.Ordinal)
    {
        "next", "nextCursor", "next_cursor", "nextPageToken", "next_page_token", "continuationToken", "continuation_token", "nextToken", "next_token",
    };

    private static bool IsPagingParameter(ParameterSpec parameter, string name)
        => parameter.Name == name && parameter.Location == ParameterLocation.Query && parameter.Format == ValueFormat.Integer && !parameter.IsArray && !parameter.Required;
}
