using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static SpecClient.Fuzz.SpecTree;

namespace SpecClient.Fuzz;

/// <summary>
/// Mutations of the parsed document. Each works inside the case's region (the focus operations and the schemas they
/// reach, or the whole document for small specs) and returns what it did, or null when it does not apply.
/// </summary>
internal sealed class TreeMutations
{
    /// <summary>Identifiers known to trip C# emitters: keywords, reserved record members, names of generated members.</summary>
    public static readonly string[] OddNames =
    {
        "class", "namespace", "event", "params", "object", "string", "int", "void", "default", "operator", "base", "this", "record", "required", "file", "value",
        "clone", "Clone", "<Clone>$", "Value", "ToString", "GetHashCode", "Equals", "GetType", "EqualityContract", "Deconstruct", "PrintMembers", "Finalize", "MemberwiseClone",
        "System", "Microsoft", "global", "Task", "List", "JsonElement", "Uri", "ApiConnection", "ApiException", "ApiErrorCodes",
        "body", "Body", "cancellationToken", "CancellationToken", "p", "P", "ct", "Validate", "AcceptMediaType", "_", "__", "@", "$ref", "x-y",
        "名前", "Größe", "émoji 😀", "\u200Bzero", "123start", "1", "", " ", "a b", "a-b.c/d", "Σ_x", "ǅ", "ﬁle", "İ", "\u0301accent",
    };

    private static readonly string[] WrongScalars = { "true", "false", "-1", "0", "1e400", "null", "~", "", "0x1F", ".nan", "NaN", "[]", "{}", "'", "9999999999999999999999" };

    private static readonly string[] DanglingTargets =
    {
        "#/components/schemas/Missing", "other.yaml#/components/schemas/X", "https://example.com/spec.yaml#/X", "file:///etc/passwd", "#", "#/", "",
        "#/components/schemas/", "#/paths/~1x", "#/components/parameters/Missing", "#/components/schemas/A/properties/b", "#/components/schemas/%7B", "../../secrets.yaml",
    };

    private readonly SpecTree _tree;
    private readonly Random _random;
    private readonly List<YamlNode> _regionRoots;
    private readonly List<TreeOperation> _operations;
    private int _counter;

    public TreeMutations(SpecTree tree, Random random, IReadOnlyCollection<string>? focusOperationIds)
    {
        _tree = tree;
        _random = random;
        List<TreeOperation> all = tree.Operations();
        if (focusOperationIds is null)
        {
            _operations = all;
            _regionRoots = new List<YamlNode> { tree.Root };
        }
        else
        {
            _operations = all.Where(op => op.OperationId is not null && focusOperationIds.Contains(op.OperationId)).ToList();
            _regionRoots = _operations.Select(op => (YamlNode)op.Node).ToList();
            YamlMappingNode? schemas = tree.Schemas;
            foreach (string name in tree.ReachableSchemas(_regionRoots.ToList(), 40))
            {
                _regionRoots.Add(Get(schemas, name)!);
            }
        }

        RegionSchemas = focusOperationIds is null
            ? (tree.Schemas?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList() ?? new List<string>())
            : tree.ReachableSchemas(_operations.Select(op => (YamlNode)op.Node).ToList(), 40);
    }

    private List<string> RegionSchemas { get; }

    /// <summary>Mutations that make the document self-referential or exponential; applied after all others.</summary>
    public static bool IsLast(int kind) => kind >= 20;

    public const int Kinds = 22;

    public string? Apply(int kind) => kind switch
    {
        0 => DeleteKey(),
        1 => Duplicate(),
        2 => Swap(),
        3 => Retarget(),
        4 => WrongType(),
        5 => Dangling(),
        6 => Cycle(),
        7 => DiscriminatorCycle(),
        8 => DeepNesting(),
        9 => HugeString(),
        10 => OddIdentifier(),
        11 => ParameterNames(),
        12 => WhitespaceDescription(),
        13 => ReadWriteOnlyRequired(),
        14 => DeprecatedRequiredParameter(),
        15 => DiscriminatorManyToOne(),
        16 => OddEnum(),
        17 => ErrorCodeExample(),
        18 => DeleteKey(),
        19 => OddIdentifier(),
        20 => AliasBomb(),
        _ => RecursiveAlias(),
    };

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private List<Slot> RegionSlots() => Slots(_regionRoots);

    private List<YamlMappingNode> RegionMaps() => Nodes(_regionRoots).OfType<YamlMappingNode>().Where(m => m.Children.Count > 0).ToList();

    private static string Describe(Slot slot) => slot.KeyText.Length > 60 ? slot.KeyText.Substring(0, 60) + "…" : slot.KeyText;

    private static bool IsSchemaSlot(Slot slot)
    {
        if (slot.Key is YamlScalarNode { Value: "schema" or "items" or "additionalProperties" or "not" })
        {
            return true;
        }

        return slot.Parent is YamlSequenceNode || (slot.Parent is YamlMappingNode && slot.Get() is YamlMappingNode m && (Get(m, "type") is not null || Get(m, "$ref") is not null || Get(m, "properties") is not null));
    }

    private Slot? SchemaSlot()
    {
        List<Slot> slots = RegionSlots().Where(IsSchemaSlot).ToList();
        return slots.Count == 0 ? null : Pick(slots);
    }

    private YamlMappingNode? ObjectSchema()
    {
        List<YamlMappingNode> objects = Nodes(_regionRoots).OfType<YamlMappingNode>().Where(m => Get(m, "properties") is YamlMappingNode { Children.Count: > 0 }).ToList();
        return objects.Count == 0 ? null : Pick(objects);
    }

    private string NewSchemaName(string stem) => stem + "Fz" + (++_counter);

    /// <summary>Puts a reference to a new schema near the region: as a property of an object schema, or an operation's response.</summary>
    private string Attach(string schemaName)
    {
        YamlMappingNode? target = ObjectSchema();
        if (target is not null && _random.Next(3) > 0)
        {
            var properties = (YamlMappingNode)Get(target, "properties")!;
            string property = "fz" + _counter;
            properties.Children[S(property)] = Ref("#/components/schemas/" + schemaName);
            return "as property " + property;
        }

        if (_operations.Count > 0)
        {
            TreeOperation op = Pick(_operations);
            if (Get(op.Node, "responses") is not YamlMappingNode responses)
            {
                op.Node.Children[S("responses")] = responses = new YamlMappingNode();
            }

            responses.Children[S("200")] = M(("description", S("OK")), ("content", M(("application/json", M(("schema", Ref("#/components/schemas/" + schemaName)))))));
            return "as the 200 response of " + (op.OperationId ?? op.Method + " " + op.Path);
        }

        return "unreferenced";
    }

    private string? DeleteKey()
    {
        List<YamlMappingNode> maps = RegionMaps();
        if (maps.Count == 0)
        {
            return null;
        }

        YamlMappingNode map = Pick(maps);
        YamlNode key = map.Children.Keys.ElementAt(_random.Next(map.Children.Count));
        map.Children.Remove(key);
        return "tree: deleted key '" + ((key as YamlScalarNode)?.Value ?? "?") + "' at line " + key.Start.Line;
    }

    private string? Duplicate()
    {
        List<Slot> slots = RegionSlots();
        if (slots.Count == 0)
        {
            return null;
        }

        Slot slot = Pick(slots);
        YamlNode copy = Clone(slot.Get());
        if (slot.Parent is YamlSequenceNode sequence)
        {
            sequence.Children.Insert(slot.Index, copy);
            return "tree: duplicated sequence item " + slot.KeyText + " at line " + slot.Parent.Start.Line;
        }

        var map = (YamlMappingNode)slot.Parent;
        string name = slot.KeyText + (_random.Next(2) == 0 ? "2" : "_");
        map.Children[S(name)] = copy;
        return "tree: duplicated '" + Describe(slot) + "' as '" + name + "' at line " + slot.Key!.Start.Line;
    }

    private string? Swap()
    {
        List<Slot> slots = RegionSlots();
        if (slots.Count < 2)
        {
            return null;
        }

        Slot a = Pick(slots);
        Slot b = Pick(slots);
        YamlNode va = a.Get();
        YamlNode vb = b.Get();

        // Swapping a node with one of its own descendants would make a cycle; keep those apart.
        if (ReferenceEquals(va, vb) || Nodes(new[] { va }).Contains(b.Parent, ReferenceEqualityComparer.Instance) || Nodes(new[] { vb }).Contains(a.Parent, ReferenceEqualityComparer.Instance))
        {
            return null;
        }

        a.Set(vb);
        b.Set(va);
        return "tree: swapped values of '" + Describe(a) + "' (line " + va.Start.Line + ") and '" + Describe(b) + "' (line " + vb.Start.Line + ")";
    }

    private string? Retarget()
    {
        List<YamlScalarNode> refs = Slots(_regionRoots).Where(s => s.KeyText == "$ref" && s.Get() is YamlScalarNode).Select(s => (YamlScalarNode)s.Get()).ToList();
        List<string> schemas = _tree.Schemas?.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!).ToList() ?? new List<string>();
        if (refs.Count == 0 || schemas.Count == 0)
        {
            return null;
        }

        YamlScalarNode reference = Pick(refs);
        string old = reference.Value ?? string.Empty;
        string target = _random.Next(4) == 0 && RegionSchemas.Count > 0 ? Pick(RegionSchemas) : Pick(schemas);
        reference.Value = "#/components/schemas/" + target;
        return "tree: retargeted $ref '" + old + "' (line " + reference.Start.Line + ") to " + target;
    }

    private string? WrongType()
    {
        List<Slot> slots = RegionSlots();
        if (slots.Count == 0)
        {
            return null;
        }

        Slot slot = Pick(slots);
        YamlNode old = slot.Get();
        string scalar = Pick(WrongScalars);
        YamlNode replacement = old switch
        {
            YamlScalarNode when _random.Next(3) == 0 => new YamlSequenceNode(S("x"), new YamlMappingNode()),
            YamlScalarNode when _random.Next(2) == 0 => M(("x", S("1"))),
            YamlScalarNode => S(scalar),
            YamlSequenceNode when _random.Next(2) == 0 => M(("0", S("a"))),
            YamlSequenceNode => S(scalar),
            _ when _random.Next(2) == 0 => new YamlSequenceNode(S(scalar)),
            _ => S(scalar),
        };
        slot.Set(replacement);
        return "tree: wrong type at '" + Describe(slot) + "' (line " + old.Start.Line + "): " + old.NodeType + " → " + (replacement is YamlScalarNode s ? "'" + s.Value + "'" : replacement.NodeType.ToString());
    }

    private string? Dangling()
    {
        Slot? slot = SchemaSlot();
        if (slot is null)
        {
            return null;
        }

        string target = Pick(DanglingTargets);
        long line = slot.Get().Start.Line;
        slot.Set(Ref(target));
        return "tree: dangling $ref '" + target + "' at '" + Describe(slot) + "' (line " + line + ")";
    }

    private string? Cycle()
    {
        if (RegionSchemas.Count == 0)
        {
            return null;
        }

        YamlMappingNode schemas = _tree.Schemas!;
        string a = Pick(RegionSchemas);
        string b = _random.Next(3) == 0 ? a : Pick(RegionSchemas);
        switch (_random.Next(4))
        {
            case 0:
                schemas.Children[S(a)] = Ref("#/components/schemas/" + b);
                if (a != b)
                {
                    schemas.Children[S(b)] = Ref("#/components/schemas/" + a);
                }

                return "tree: $ref cycle " + a + " → " + b + " → " + a;
            case 1:
                schemas.Children[S(a)] = Ref("#/components/schemas/" + b);
                schemas.Children[S(b)] = M(("allOf", new YamlSequenceNode(Ref("#/components/schemas/" + a))));
                return "tree: allOf cycle " + a + " ↔ " + b;
            case 2:
                schemas.Children[S(a)] = M(("type", S("array")), ("items", Ref("#/components/schemas/" + b)));
                schemas.Children[S(b)] = M(("type", S("array")), ("items", Ref("#/components/schemas/" + a)));
                return "tree: array items cycle " + a + " ↔ " + b;
            default:
                schemas.Children[S(a)] = M(("oneOf", new YamlSequenceNode(Ref("#/components/schemas/" + b))), ("nullable", S("true")));
                schemas.Children[S(b)] = M(("anyOf", new YamlSequenceNode(Ref("#/components/schemas/" + a))));
                return "tree: oneOf/anyOf cycle " + a + " ↔ " + b;
        }
    }

    private string? DiscriminatorCycle()
    {
        YamlMappingNode schemas = _tree.ComponentMap("schemas");
        string a = NewSchemaName("Cat");
        string b = NewSchemaName("Dog");
        YamlMappingNode Make(string other, string kind)
        {
            var node = M(
                ("type", S("object")),
                ("discriminator", M(("propertyName", S("kind")))),
                (_random.Next(2) == 0 ? "oneOf" : "anyOf", new YamlSequenceNode(Ref("#/components/schemas/" + other))),
                ("properties", M(("kind", M(("type", S("string")))), ("name" + kind, M(("type", S("string")))))));
            if (_random.Next(2) == 0)
            {
                ((YamlMappingNode)node.Children[S("discriminator")]).Children[S("mapping")] = M((kind, S("#/components/schemas/" + other)));
            }

            return node;
        }

        schemas.Children[S(a)] = Make(b, "a");
        schemas.Children[S(b)] = Make(a, "b");
        return "tree: discriminator oneOf cycle " + a + " ↔ " + b + ", attached " + Attach(a);
    }

    private string? DeepNesting()
    {
        Slot? slot = SchemaSlot();
        if (slot is null)
        {
            return null;
        }

        int levels = _random.Next(2) == 0 ? _random.Next(20, 80) : _random.Next(80, 400);
        int shape = _random.Next(4);
        YamlMappingNode deep = M(("type", S("string")));
        for (int level = levels; level > 0; level--)
        {
            deep = shape switch
            {
                0 => M(("type", S("array")), ("items", deep)),
                1 => M(("type", S("object")), ("properties", M(("p" + level, deep)))),
                2 => M(("allOf", new YamlSequenceNode(deep))),
                _ => M(("type", S("object")), ("additionalProperties", deep)),
            };
        }

        long line = slot.Get().Start.Line;
        slot.Set(deep);
        return "tree: deep nesting (" + new[] { "items", "properties", "allOf", "additionalProperties" }[shape] + " × " + levels + ") at '" + Describe(slot) + "' (line " + line + ")";
    }

    private string? HugeString()
    {
        int length = _random.Next(3) switch { 0 => 10_000, 1 => 100_000, _ => 300_000 };
        int kind = _random.Next(5);
        string huge = kind switch
        {
            0 => string.Concat(Enumerable.Repeat("(a+)+", length / 5)) + "$",
            1 => new string('[', length),
            2 => string.Concat(Enumerable.Repeat("huge\u2028line\r<b>&", length / 16)),
            3 => new string('n', length),
            _ => string.Concat(Enumerable.Repeat("(x|x?)*", length / 7)) + "y",
        };
        string where;
        if (kind is 0 or 1 or 4)
        {
            // A pattern on a string schema near the region (a parameter's or a property's).
            List<YamlMappingNode> strings = Nodes(_regionRoots).OfType<YamlMappingNode>().Where(m => Get(m, "type") is YamlScalarNode { Value: "string" }).ToList();
            if (strings.Count == 0)
            {
                return null;
            }

            YamlMappingNode target = Pick(strings);
            target.Children[S("pattern")] = S(huge);
            where = "pattern at line " + target.Start.Line;
        }
        else
        {
            List<Slot> slots = RegionSlots().Where(s => s.Get() is YamlScalarNode).ToList();
            if (slots.Count == 0)
            {
                return null;
            }

            Slot slot = Pick(slots);
            where = "'" + Describe(slot) + "' (line " + slot.Get().Start.Line + ")";
            slot.Set(S(huge));
        }

        return "tree: huge string (" + huge.Length + " chars, " + new[] { "(a+)+ pattern", "[[[ pattern", "mixed text", "one letter", "(x|x?)* pattern" }[kind] + ") at " + where;
    }

    private string? OddIdentifier()
    {
        string odd = _random.Next(8) == 0 ? new string('n', 5000) : Pick(OddNames);
        switch (_random.Next(5))
        {
            case 0:
            {
                if (RegionSchemas.Count == 0)
                {
                    goto default;
                }

                string schema = Pick(RegionSchemas);
                if (Get(_tree.Schemas, odd) is not null)
                {
                    return null;
                }

                _tree.RenameSchema(schema, odd);
                return "tree: renamed schema " + schema + " to '" + Short(odd) + "' (and its $refs)";
            }

            case 1:
            {
                List<YamlScalarNode> ids = _operations.Select(op => Get(op.Node, "operationId")).OfType<YamlScalarNode>().ToList();
                if (ids.Count == 0)
                {
                    goto default;
                }

                YamlScalarNode id = Pick(ids);
                string old = id.Value ?? string.Empty;
                id.Value = odd;
                return "tree: renamed operationId " + old + " to '" + Short(odd) + "'";
            }

            case 2:
            {
                List<YamlMappingNode> parameters = Nodes(_regionRoots).OfType<YamlMappingNode>().Where(m => Get(m, "in") is YamlScalarNode { Value: "query" or "header" } && Get(m, "name") is YamlScalarNode).ToList();
                if (parameters.Count == 0)
                {
                    goto default;
                }

                var name = (YamlScalarNode)Get(Pick(parameters), "name")!;
                string old = name.Value ?? string.Empty;
                name.Value = odd;
                return "tree: renamed parameter " + old + " (line " + name.Start.Line + ") to '" + Short(odd) + "'";
            }

            case 3:
            {
                List<YamlScalarNode> tags = _operations.Select(op => Get(op.Node, "tags")).OfType<YamlSequenceNode>().SelectMany(s => s.Children.OfType<YamlScalarNode>()).ToList();
                if (tags.Count == 0)
                {
                    goto default;
                }

                YamlScalarNode tag = Pick(tags);
                string old = tag.Value ?? string.Empty;
                tag.Value = odd;
                return "tree: renamed tag " + old + " (line " + tag.Start.Line + ") to '" + Short(odd) + "'";
            }

            default:
            {
                YamlMappingNode? target = ObjectSchema();
                if (target is null)
                {
                    return null;
                }

                var properties = (YamlMappingNode)Get(target, "properties")!;
                YamlNode key = properties.Children.Keys.ElementAt(_random.Next(properties.Children.Count));
                YamlNode value = properties.Children[key];
                if (properties.Children.ContainsKey(S(odd)))
                {
                    return null;
                }

                properties.Children.Remove(key);
                properties.Children[S(odd)] = value;
                string old = (key as YamlScalarNode)?.Value ?? "?";
                if (Get(target, "required") is YamlSequenceNode required && _random.Next(2) == 0)
                {
                    required.Children.Add(S(odd));
                }

                return "tree: renamed property " + old + " (line " + key.Start.Line + ") to '" + Short(odd) + "'";
            }
        }
    }

    private static string Short(string text) => text.Length > 40 ? text.Substring(0, 12) + "…(" + text.Length + " chars)" : text;

    private string? ParameterNames()
    {
        if (_operations.Count == 0)
        {
            return null;
        }

        TreeOperation op = Pick(_operations);
        string[][] groups = { new[] { "p", "P" }, new[] { "body" }, new[] { "cancellationToken" }, new[] { "class", "Class" }, new[] { "ct", "CT" }, new[] { "a-b", "a_b", "aB" }, new[] { "Body", "body" }, new[] { "orgId", "OrgId" } };
        string[] names = Pick(groups);
        if (Get(op.Node, "parameters") is not YamlSequenceNode parameters)
        {
            op.Node.Children[S("parameters")] = parameters = new YamlSequenceNode();
        }

        bool required = _random.Next(2) == 0;
        string location = _random.Next(3) == 0 ? "header" : "query";
        foreach (string name in names)
        {
            parameters.Children.Add(M(("name", S(name)), ("in", S(location)), ("required", S(required ? "true" : "false")), ("schema", M(("type", S(_random.Next(2) == 0 ? "string" : "integer"))))));
        }

        return "tree: added " + (required ? "required " : string.Empty) + location + " parameters " + string.Join(", ", names) + " to " + (op.OperationId ?? op.Path);
    }

    private string? WhitespaceDescription()
    {
        string[] blanks = { " ", "\t", "\n\n", "\u00A0", "\u2028", "   \n  ", "\u200B" };
        string blank = Pick(blanks);
        List<YamlMappingNode> holders = Nodes(_regionRoots).OfType<YamlMappingNode>()
            .Where(m => Get(m, "description") is not null || Get(m, "type") is not null || Get(m, "operationId") is not null || Get(m, "in") is not null).ToList();
        if (holders.Count == 0)
        {
            return null;
        }

        int count = 1 + _random.Next(Math.Min(20, holders.Count));
        for (int i = 0; i < count; i++)
        {
            YamlMappingNode holder = Pick(holders);
            holder.Children[S(_random.Next(4) == 0 ? "summary" : "description")] = new YamlScalarNode(blank) { Style = ScalarStyle.DoubleQuoted };
        }

        return "tree: whitespace-only description (U+" + ((int)blank[0]).ToString("X4") + ") on " + count + " nodes";
    }

    private string? ReadWriteOnlyRequired()
    {
        YamlMappingNode? target = ObjectSchema();
        if (target is null)
        {
            return null;
        }

        var properties = (YamlMappingNode)Get(target, "properties")!;
        YamlNode key = properties.Children.Keys.ElementAt(_random.Next(properties.Children.Count));
        string name = (key as YamlScalarNode)?.Value ?? "?";
        string flag = _random.Next(2) == 0 ? "readOnly" : "writeOnly";
        if (properties.Children[key] is YamlMappingNode property)
        {
            property.Children[S(flag)] = S("true");
        }
        else
        {
            properties.Children[key] = M(("type", S("string")), (flag, S("true")));
        }

        if (Get(target, "required") is not YamlSequenceNode required)
        {
            target.Children[S("required")] = required = new YamlSequenceNode();
        }

        required.Children.Add(S(name));
        return "tree: property " + name + " (line " + key.Start.Line + ") " + flag + " and required";
    }

    private string? DeprecatedRequiredParameter()
    {
        List<YamlMappingNode> parameters = Nodes(_regionRoots.Concat(Get(Get(_tree.Root, "components"), "parameters") is YamlNode p ? new[] { p } : Array.Empty<YamlNode>()))
            .OfType<YamlMappingNode>().Where(m => Get(m, "in") is YamlScalarNode && Get(m, "name") is YamlScalarNode).ToList();
        if (parameters.Count == 0)
        {
            return null;
        }

        YamlMappingNode parameter = Pick(parameters);
        parameter.Children[S("deprecated")] = S("true");
        parameter.Children[S("required")] = S("true");
        return "tree: parameter " + ((YamlScalarNode)Get(parameter, "name")!).Value + " (line " + parameter.Start.Line + ") deprecated and required";
    }

    private string? DiscriminatorManyToOne()
    {
        YamlMappingNode schemas = _tree.ComponentMap("schemas");
        string baseName = NewSchemaName("Limit");
        string first = NewSchemaName("LimitA");
        string second = NewSchemaName("LimitB");
        string Target(string name) => "#/components/schemas/" + name;
        int values = 2 + _random.Next(10);
        var mapping = new YamlMappingNode();
        for (int i = 0; i < values; i++)
        {
            mapping.Children[S("value" + i)] = S(Target(i % 3 == 2 ? second : first));
        }

        bool oneOf = _random.Next(2) == 0;
        var baseSchema = M(("type", S("object")), ("required", new YamlSequenceNode(S("name"))), ("properties", M(("name", M(("type", S("string")))))),
            ("discriminator", M(("propertyName", S("name")), ("mapping", mapping))));
        if (oneOf)
        {
            baseSchema.Children[S("oneOf")] = new YamlSequenceNode(Ref(Target(first)), Ref(Target(second)));
        }

        YamlMappingNode Sub(string extra) => oneOf
            ? M(("type", S("object")), ("properties", M(("name", M(("type", S("string")))), (extra, M(("type", S("integer")))))))
            : M(("allOf", new YamlSequenceNode(Ref(Target(baseName)), M(("type", S("object")), ("properties", M((extra, M(("type", S("integer"))))))))));
        schemas.Children[S(baseName)] = baseSchema;
        schemas.Children[S(first)] = Sub("limitA");
        schemas.Children[S(second)] = Sub("limitB");
        return "tree: discriminator mapping " + values + " values → 2 subtypes (" + (oneOf ? "oneOf" : "allOf") + ") " + baseName + ", attached " + Attach(baseName);
    }

    private string? OddEnum()
    {
        YamlMappingNode schemas = _tree.ComponentMap("schemas");
        string[] names = { "Value", "ToString", "GetHashCode", "System", "IsKnown", "clone", NewSchemaName("Enum") };
        string name = Pick(names);
        if (Get(schemas, name) is not null)
        {
            return null;
        }

        var values = new YamlSequenceNode(new[] { "class", "a b", "", "1", "A_B", "a-b", "Value", "value", "VALUE", "IsKnown", "ToString", "名前", " " }
            .Where(_ => _random.Next(3) > 0).Select(v => (YamlNode)new YamlScalarNode(v) { Style = ScalarStyle.DoubleQuoted }));
        if (values.Children.Count == 0)
        {
            values.Children.Add(S("Value"));
        }

        bool asObject = _random.Next(3) == 0;
        schemas.Children[S(name)] = asObject
            ? M(("type", S("object")), ("properties", M(("value", M(("type", S("string")))), ("toString", M(("type", S("string")))))))
            : M(("type", S("string")), ("enum", values));
        return "tree: " + (asObject ? "object" : "string enum") + " schema named " + name + ", attached " + Attach(name);
    }

    private string? ErrorCodeExample()
    {
        List<YamlMappingNode> media = new();
        foreach (YamlNode node in Nodes(_regionRoots.Concat(Get(Get(_tree.Root, "components"), "responses") is YamlNode r ? new[] { r } : Array.Empty<YamlNode>())))
        {
            if (node is YamlMappingNode map && Get(map, "content") is YamlMappingNode content)
            {
                media.AddRange(content.Children.Values.OfType<YamlMappingNode>());
            }
        }

        if (media.Count == 0)
        {
            return null;
        }

        string[] codes = { "ApiErrorCodes", "class", "", "1ST", "TO_STRING", "ToString", "Equals", "a b", "名前", "VALUE", "Value", "RESOURCE_NOT_FOUND" };
        string code = Pick(codes);
        YamlMappingNode target = Pick(media);
        target.Children[S("example")] = M(("error", S("404")), ("errorCode", new YamlScalarNode(code) { Style = ScalarStyle.DoubleQuoted }), ("detail", S("x")), ("reason", S("Not Found")));
        return "tree: error example with errorCode '" + code + "' at line " + target.Start.Line;
    }

    private string? AliasBomb()
    {
        int fanOut = 5 + _random.Next(16);
        int depth = 3 + _random.Next(7);
        YamlNode level = new YamlScalarNode("lol") { Anchor = new AnchorName("b0") };
        for (int i = 1; i <= depth; i++)
        {
            var sequence = new YamlSequenceNode(Enumerable.Repeat(level, fanOut)) { Anchor = new AnchorName("b" + i) };
            level = sequence;
        }

        // Where a generator walks free-form values: an error response's example, else any value near the region.
        List<YamlMappingNode> media = Nodes(_regionRoots).OfType<YamlMappingNode>().Where(m => Get(m, "schema") is not null).ToList();
        string where;
        if (media.Count > 0 && _random.Next(3) > 0)
        {
            YamlMappingNode target = Pick(media);
            target.Children[S("example")] = M(("errorCode", S("BOMB")), ("detail", level));
            where = "example at line " + target.Start.Line;
        }
        else
        {
            List<Slot> slots = RegionSlots();
            if (slots.Count == 0)
            {
                return null;
            }

            Slot slot = Pick(slots);
            where = "'" + Describe(slot) + "' (line " + slot.Get().Start.Line + ")";
            slot.Set(level);
        }

        return "tree: alias bomb (fan-out " + fanOut + ", depth " + depth + ", " + Math.Pow(fanOut, depth).ToString("0.#e0") + " leaves) at " + where;
    }

    private string? RecursiveAlias()
    {
        List<Slot> slots = RegionSlots().Where(s => s.Get() is YamlMappingNode or YamlSequenceNode).ToList();
        if (slots.Count == 0)
        {
            return null;
        }

        Slot slot = Pick(slots);
        YamlNode node = slot.Get();
        node.Anchor = new AnchorName("self" + (++_counter));
        if (node is YamlMappingNode map)
        {
            map.Children[S("self")] = node;
        }
        else
        {
            ((YamlSequenceNode)node).Children.Add(node);
        }

        return "tree: node '" + Describe(slot) + "' (line " + node.Start.Line + ") contains an alias to itself";
    }
}
